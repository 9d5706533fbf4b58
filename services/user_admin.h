// UserAdmin: adding users, disabling them and rotating their tokens while the server
// runs (ADMIN only), each recorded as a UserEvent on the stream "users" — so the audit
// trail shows who changed access when — and applied to the live Authenticator.
//
// Tokens are made here (24 random bytes, hex), returned once to the admin, and stored
// only as salted hashes. At start, Recover() applies the stream over the users file.
//
// Ownership: borrows the store and the Authenticator. Thread safety: thread-safe
// (commands are serialized; appends use the stream's expected version).
// Errors: INVALID_ARGUMENT naming the field; ALREADY_EXISTS / NOT_FOUND naming the
// user; FAILED_PRECONDITION (disabling oneself, a disabled user or the last enabled
// admin; enabling a user who is not disabled); the store's.
#ifndef RENSTRA_SERVICES_USER_ADMIN_H_
#define RENSTRA_SERVICES_USER_ADMIN_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "domain/actor.h"
#include "renstra/v1/admin_service.pb.h"
#include "services/authenticator.h"
#include "storage/event_store.h"

namespace renstra {

class UserAdmin {
 public:
  static constexpr std::string_view kStream = "users";

  UserAdmin(EventStore* store, Authenticator* authenticator)
      : store_(store), authenticator_(authenticator) {}

  // Applies every event of the "users" stream to the Authenticator.
  absl::Status Recover();

  absl::StatusOr<v1::UserWithToken> AddUser(const Actor& admin, const v1::AddUserRequest& request);
  // Refuses (FAILED_PRECONDITION) to disable the last enabled ADMIN, atomically with
  // the append.
  absl::StatusOr<v1::UserView> DisableUser(const Actor& admin,
                                           const v1::DisableUserRequest& request);
  absl::StatusOr<v1::UserView> EnableUser(const Actor& admin, const v1::EnableUserRequest& request);
  absl::StatusOr<v1::UserWithToken> RotateToken(const Actor& admin,
                                                const v1::RotateTokenRequest& request);
  absl::StatusOr<v1::ListUsersResponse> ListUsers() const;

 private:
  // Appends `event` for `admin` and applies it; true when the request id was already
  // in the log (nothing appended).
  absl::StatusOr<bool> Record(const Actor& admin, const v1::UserEvent& event,
                              const std::string& reason, const std::string& request_id)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::Status RequireUsers() const;
  // Enabled users with the ADMIN role.
  int EnabledAdmins() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  EventStore* const store_;
  Authenticator* const authenticator_;
  absl::Mutex mu_;
};

}  // namespace renstra

#endif  // RENSTRA_SERVICES_USER_ADMIN_H_
