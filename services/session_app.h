// SessionApp: password login and logout (SessionService, session_service.proto).
//
// Login checks the name's lockout (login_throttle.h), then the password against the
// user's Argon2id hash (password_hash.h) — against a fixed dummy hash when the user
// does not exist or has no password, so the time taken does not tell which — counts a
// failure or clears the failures, and opens a session (session_table.h, held by the
// Authenticator). The refusals are returned as statuses; the adapter records them
// (CallGuard::Check).
//
// Ownership: borrows the Authenticator (null: the server has no users file).
// Thread safety: thread-safe.
// Errors: INVALID_ARGUMENT naming the field; UNAUTHENTICATED "login: ..." (wrong name or
// password with the attempts left, locked with the time it unlocks in WIB, disabled);
// FAILED_PRECONDITION (no users file; Logout without a session token).
#ifndef RENSTRA_SERVICES_SESSION_APP_H_
#define RENSTRA_SERVICES_SESSION_APP_H_

#include <functional>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "domain/actor.h"
#include "renstra/v1/session_service.pb.h"
#include "services/authenticator.h"
#include "services/login_throttle.h"

namespace renstra {

class SessionApp {
 public:
  SessionApp(Authenticator* authenticator, LoginThrottle::Options throttle = {},
             std::function<absl::Time()> clock = {})
      : authenticator_(authenticator), throttle_(throttle, std::move(clock)) {}

  absl::StatusOr<v1::Session> Login(const v1::LoginRequest& request);
  // Ends the session of `token` (the bearer token of the call).
  absl::Status Logout(std::string_view token);
  absl::StatusOr<v1::UserView> WhoAmI(const Actor& actor) const;

 private:
  absl::Status RequireUsers() const;
  // "login: NAME is locked after 5 failed logins until <RFC 3339 in +07:00> (WIB)".
  absl::Status Locked(const std::string& name, absl::Time until) const;

  Authenticator* const authenticator_;
  LoginThrottle throttle_;
};

// "2026-12-07T10:32:05+07:00": a time in WIB, as the login refusals name it.
std::string FormatWib(absl::Time t);

}  // namespace renstra

#endif  // RENSTRA_SERVICES_SESSION_APP_H_
