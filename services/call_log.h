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
// Ownership: the factory borrows the Authenticator (may be null: open mode) and the
// Metrics; both must outlive the server. Thread safety: thread-safe.
#ifndef RENSTRA_SERVICES_CALL_LOG_H_
#define RENSTRA_SERVICES_CALL_LOG_H_

#include <grpcpp/grpcpp.h>
#include <grpcpp/support/server_interceptor.h>

#include "services/authenticator.h"
#include "services/metrics.h"

namespace renstra {

class CallLogFactory final : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  CallLogFactory(const Authenticator* authenticator, Metrics* metrics)
      : authenticator_(authenticator), metrics_(metrics) {}

  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;

 private:
  const Authenticator* const authenticator_;
  Metrics* const metrics_;
};

// The gRPC status code's name, e.g. "OK", "PERMISSION_DENIED".
const char* StatusCodeName(grpc::StatusCode code);

}  // namespace renstra

#endif  // RENSTRA_SERVICES_CALL_LOG_H_
