// UserAdmin: adding users, disabling them and rotating their tokens while the server
// runs (ADMIN only), each recorded as a UserEvent on the stream "users" — so the audit
// trail shows who changed access when — and applied to the live Authenticator.
//
// Tokens are made here (24 random bytes, hex), returned once to the admin, and stored
// only as salted hashes. At start, Recover() applies the stream over the users file.
//
// Commands run through the CommandRunner (kUsers lock: serialized; appends use the
// stream's expected version). A retry of AddUser or RotateToken (same admin, method and
// request) cannot show the token again (ALREADY_EXISTS saying so); any other reuse of a
// request id is refused (command_runner.h).
//
// Ownership: borrows the runner (and its store) and the Authenticator. Thread safety:
// thread-safe. Recover() runs before serving.
// Passwords (SessionService.ChangePassword, SetPassword) are hashed with Argon2id
// (password_hash.h) before the lock and recorded as UserPasswordSet with the hash only.
// Their request ids are fingerprinted with the passwords cleared: a fingerprint is a
// plain SHA-256 kept in the store, which must not become a fast way to test guesses of
// a password. So a reuse of a request id with another password counts as a retry.
//
// Errors: INVALID_ARGUMENT naming the field; ALREADY_EXISTS / NOT_FOUND naming the
// user; NOT_FOUND "agency: no agency X" / FAILED_PRECONDITION (retired) for AddUser's agency;
// PERMISSION_DENIED "current_password: wrong password"; FAILED_PRECONDITION (disabling oneself, a
// disabled user or the last enabled admin; enabling a user who is not disabled); the store's.
#ifndef RENSTRA_SERVICES_USER_ADMIN_H_
#define RENSTRA_SERVICES_USER_ADMIN_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "domain/actor.h"
#include "renstra/v1/admin_service.pb.h"
#include "renstra/v1/session_service.pb.h"
#include "services/agency_app.h"
#include "services/authenticator.h"
#include "services/command_runner.h"
#include "storage/event_store.h"

namespace renstra {

// A user as the API shows it: the entry without its token or password hashes.
v1::UserView UserViewOf(const v1::UserEntry& entry);

class UserAdmin {
 public:
  static constexpr std::string_view kStream = "users";

  // `agencies` (may be null: no directory, as in tests of users alone) is where AddUser
  // finds the agency a user is bound to.
  UserAdmin(CommandRunner* runner, Authenticator* authenticator,
            const AgencyApp* agencies = nullptr)
      : runner_(runner),
        store_(runner->store()),
        authenticator_(authenticator),
        agencies_(agencies) {}

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

  // The caller's own password; ends the caller's sessions but the one of
  // `session_token` (empty: the call came with an API token; all end).
  absl::StatusOr<v1::UserView> ChangePassword(const Actor& user,
                                              const v1::ChangePasswordRequest& request,
                                              std::string_view session_token);
  // Any user's password (ADMIN); ends all of that user's sessions.
  absl::StatusOr<v1::UserView> SetPassword(const Actor& admin,
                                           const v1::SetPasswordRequest& request);

 private:
  // The decision to append `event` to the stream (at its current version) and apply it
  // to the Authenticator; called under the runner's kUsers lock.
  Decision Record(const v1::UserEvent& event, const std::string& reason);
  // Appends UserPasswordSet(name, hash) through the runner as `who` with `method`.
  absl::StatusOr<v1::UserView> RecordPassword(const Actor& who, const std::string& method,
                                              const google::protobuf::Message& fingerprinted,
                                              const std::string& request_id,
                                              const std::string& name, const std::string& hash,
                                              bool by_self, const std::string& reason);
  absl::Status RequireUsers() const;
  // Enabled users with the ADMIN role; called under the runner's kUsers lock.
  int EnabledAdmins() const;

  CommandRunner* const runner_;
  EventStore* const store_;
  Authenticator* const authenticator_;
  const AgencyApp* const agencies_;
};

}  // namespace renstra

#endif  // RENSTRA_SERVICES_USER_ADMIN_H_
