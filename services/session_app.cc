#include "services/session_app.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "domain/text_limits.h"
#include "domain/user_name.h"
#include "services/password_hash.h"
#include "services/user_admin.h"

namespace renstra {
namespace {

// What a password is checked against when the user has none: the same work as a real
// check, so the answer's time does not tell whether the name exists.
const std::string& DummyHash() {
  static const std::string* const hash = new std::string(
      HashPassword("renstra-dummy-password").value_or("$argon2id$v=19$m=19456,t=2,p=1$"));
  return *hash;
}

}  // namespace

std::string FormatWib(absl::Time t) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%S+07:00", t, absl::FixedTimeZone(7 * 3600));
}

absl::Status SessionApp::RequireUsers() const {
  if (authenticator_ == nullptr) {
    return absl::FailedPreconditionError(
        "the server runs without a users file (--users): there is nobody to log in");
  }
  return absl::OkStatus();
}

absl::Status SessionApp::Locked(const std::string& name, absl::Time until) const {
  return absl::UnauthenticatedError(absl::StrCat(
      "login: ", SafePrefix(name), " is locked after ", throttle_.options().max_failures,
      " failed logins until ", FormatWib(until), " (WIB)"));
}

absl::StatusOr<v1::Session> SessionApp::Login(const v1::LoginRequest& request) {
  RENSTRA_RETURN_IF_ERROR(RequireUsers());
  const std::string& name = request.name();
  if (name.empty()) return absl::InvalidArgumentError("name: required");
  if (name.size() > kMaxUserNameBytes) {
    return absl::InvalidArgumentError(absl::StrCat("name: at most ", kMaxUserNameBytes, " bytes"));
  }
  if (request.password().empty()) return absl::InvalidArgumentError("password: required");
  if (request.password().size() > kMaxPasswordBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat("password: at most ", kMaxPasswordBytes, " bytes"));
  }
  if (std::optional<absl::Time> until = throttle_.LockedUntil(name)) return Locked(name, *until);
  absl::StatusOr<v1::UserEntry> entry = authenticator_->Find(name);
  const bool has_password = entry.ok() && !entry->password_argon2id().empty();
  const bool matches =
      VerifyPassword(has_password ? entry->password_argon2id() : DummyHash(), request.password()) &&
      has_password;
  if (!matches) {
    const LoginThrottle::AfterFailure after = throttle_.Fail(name);
    if (after.locked_until) return Locked(name, *after.locked_until);
    return absl::UnauthenticatedError(absl::StrCat(
        "login: wrong user name or password for \"", SafePrefix(name), "\" (", after.attempts_left,
        after.attempts_left == 1 ? " attempt" : " attempts", " left before a ",
        absl::ToInt64Minutes(throttle_.options().lock_for), "-minute lock)"));
  }
  if (entry->disabled()) {
    return absl::UnauthenticatedError(absl::StrCat("login: ", name, " is disabled"));
  }
  throttle_.Succeed(name);
  SessionTable& sessions = authenticator_->sessions();
  SessionTable::Created created = sessions.Create(name);
  v1::Session out;
  out.set_token(created.token);
  *out.mutable_user() = UserViewOf(*entry);
  out.set_expires_micros(absl::ToUnixMicros(created.expires));
  out.set_idle_seconds(absl::ToInt64Seconds(sessions.options().idle));
  return out;
}

absl::Status SessionApp::Logout(std::string_view token) {
  RENSTRA_RETURN_IF_ERROR(RequireUsers());
  if (!authenticator_->sessions().Revoke(token)) {
    return absl::FailedPreconditionError(
        "authorization: not a session token (an API token is ended by rotating it)");
  }
  return absl::OkStatus();
}

absl::StatusOr<v1::UserView> SessionApp::WhoAmI(const Actor& actor) const {
  RENSTRA_RETURN_IF_ERROR(RequireUsers());
  RENSTRA_ASSIGN_OR_RETURN(v1::UserEntry entry, authenticator_->Find(actor.name));
  return UserViewOf(entry);
}

}  // namespace renstra
