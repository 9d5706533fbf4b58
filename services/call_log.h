// CallLog: a gRPC server interceptor that writes one structured log line per call —
// method, principal, status, latency, peer — and feeds Metrics. Tokens are never
// logged: the principal is the user name the bearer token resolves to ("-" for none,
// "?" for a token that does not resolve).
//
// Line format (logfmt, one per call, level info; warn for UNAUTHENTICATED,
// PERMISSION_DENIED and server errors):
//   rpc method=/renstra.v1.WorkflowService/Propose principal=rehab code=OK
//       latency_ms=3.412 peer=ipv4:127.0.0.1:50122
//
// Refused calls (UNAUTHENTICATED, PERMISSION_DENIED, RESOURCE_EXHAUSTED) are logged at
// most kRefusalLinesPerSecond a second (bursts of kRefusalLineBurst): a flood of them
// must not fill the disk through stderr. The next line logged after some were left out
// ends with "suppressed=N" (refused calls not logged since the previous line); the
// audit record counts every refusal (see call_guard.h).
//
// A request body that cannot be parsed never reaches the handler (gRPC refuses it with
// INTERNAL before), so the handler's CallGuard never sees the call: the interceptor
// then authenticates the caller through the CallGuard itself, which records (and rate
// limits) an unauthenticated caller and answers UNAUTHENTICATED instead.
//
// Ownership: the factory borrows the Authenticator (may be null: open mode), the
// Metrics and the CallGuard (may be null); all must outlive the server.
// Thread safety: thread-safe.
#ifndef RENSTRA_SERVICES_CALL_LOG_H_
#define RENSTRA_SERVICES_CALL_LOG_H_

#include <grpcpp/grpcpp.h>
#include <grpcpp/support/server_interceptor.h>

#include <atomic>
#include <cstdint>

#include "services/authenticator.h"
#include "services/call_guard.h"
#include "services/metrics.h"
#include "services/rate_limiter.h"

namespace renstra {

class CallLogFactory final : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  static constexpr double kRefusalLinesPerSecond = 5;
  static constexpr double kRefusalLineBurst = 20;

  CallLogFactory(const Authenticator* authenticator, Metrics* metrics, CallGuard* guard = nullptr)
      : authenticator_(authenticator),
        metrics_(metrics),
        guard_(guard),
        refusal_lines_({kRefusalLinesPerSecond, kRefusalLineBurst, 1}) {}

  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;

  // Whether the line of a refused call may be logged now; when so, `*suppressed` is the
  // number of refused calls left out since the previous line.
  bool TakeRefusalLine(uint64_t* suppressed);

 private:
  const Authenticator* const authenticator_;
  Metrics* const metrics_;
  CallGuard* const guard_;
  RateLimiter refusal_lines_;
  std::atomic<uint64_t> suppressed_{0};
};

}  // namespace renstra

#endif  // RENSTRA_SERVICES_CALL_LOG_H_
