// CallGuard: authenticates each call from its bearer token and records every refused
// call (UNAUTHENTICATED, PERMISSION_DENIED) as an AccessDenied event on the stream
// "audit/denied", so the inspectorate sees attempts that changed nothing.
//
// Without a users file (no --users) the server is in open mode: every caller is
// "anonymous" with no role; the workflow's role rules then refuse all its writes.
//
// Ownership: borrows the Authenticator (may be null: open mode) and the EventStore.
// Thread safety: thread-safe.
#ifndef RENSTRA_SERVICES_CALL_GUARD_H_
#define RENSTRA_SERVICES_CALL_GUARD_H_

#include <grpcpp/grpcpp.h>

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

  // The caller, or UNAUTHENTICATED (recorded).
  absl::StatusOr<Actor> Authenticate(grpc::ServerContext* context, std::string_view method);

  // Records `status` if it is a refusal, and returns it unchanged.
  absl::Status Check(grpc::ServerContext* context, std::string_view method, const Actor* actor,
                     absl::Status status);

  bool open_mode() const { return authenticator_ == nullptr; }

 private:
  const Authenticator* const authenticator_;
  EventStore* const store_;
};

}  // namespace renstra

#endif  // RENSTRA_SERVICES_CALL_GUARD_H_
