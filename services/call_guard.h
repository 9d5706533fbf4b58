// CallGuard: authenticates each call from its bearer token and records every refused
// call (UNAUTHENTICATED, PERMISSION_DENIED) as an AccessDenied event on the stream
// "audit/denied", so the inspectorate sees attempts that changed nothing.
//
// Without a users file (no --users) the server is in open mode: every caller is
// "anonymous" with no role; the workflow's role rules then refuse all its writes, while
// PlanService keeps its pre-authentication behaviour (see plan_service.h).
//
// Every adapter (PlanService, LogService, WorkflowService) goes through one CallGuard;
// the health and reflection services are not guarded (probes and tools need them).
//
// Ownership: borrows the Authenticator (may be null: open mode) and the EventStore.
// Thread safety: thread-safe.
// Errors: Authenticate returns the Authenticator's UNAUTHENTICATED; Check returns the
// status it was given. A failure to record a refusal is logged, never returned.
#ifndef RENSTRA_SERVICES_CALL_GUARD_H_
#define RENSTRA_SERVICES_CALL_GUARD_H_

#include <grpcpp/grpcpp.h>

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "domain/actor.h"
#include "services/authenticator.h"
#include "storage/event_store.h"

namespace renstra {

class CallGuard {
 public:
  static constexpr std::string_view kDeniedStream = "audit/denied";

  CallGuard(const Authenticator* authenticator, EventStore* store)
      : authenticator_(authenticator), store_(store) {}

  // The caller, or UNAUTHENTICATED (recorded). `method` is the full gRPC method name
  // (see FullMethodName).
  absl::StatusOr<Actor> Authenticate(grpc::ServerContext* context, std::string_view method);

  // Records `status` if it is a refusal (UNAUTHENTICATED or PERMISSION_DENIED) of
  // `actor` (null: unknown caller), and returns it unchanged.
  absl::Status Check(grpc::ServerContext* context, std::string_view method, const Actor* actor,
                     absl::Status status);

  bool open_mode() const { return authenticator_ == nullptr; }

 private:
  const Authenticator* const authenticator_;
  EventStore* const store_;
};

// "/<service>/<rpc>", e.g. "/renstra.v1.PlanService/ImportTable": the method name
// recorded in AccessDenied.method.
std::string FullMethodName(std::string_view service_full_name, std::string_view rpc);

}  // namespace renstra

#endif  // RENSTRA_SERVICES_CALL_GUARD_H_
