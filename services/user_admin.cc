#include "services/user_admin.h"

#include <openssl/rand.h>

#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "domain/status_macros.h"
#include "domain/text_limits.h"
#include "domain/user_name.h"

namespace renstra {
namespace {

constexpr uint32_t kUserEventSchemaVersion = 1;
constexpr size_t kChunk = 4096;

std::string NewToken() {
  unsigned char bytes[24];
  RAND_bytes(bytes, sizeof(bytes));
  return absl::BytesToHexString(
      absl::string_view(reinterpret_cast<const char*>(bytes), sizeof(bytes)));
}

std::string EventType(const v1::UserEvent& e) {
  switch (e.kind_case()) {
    case v1::UserEvent::kAdded:
      return "renstra.v1.UserAdded";
    case v1::UserEvent::kDisabled:
      return "renstra.v1.UserDisabled";
    case v1::UserEvent::kTokenRotated:
      return "renstra.v1.UserTokenRotated";
    default:
      return "renstra.v1.UserEvent";
  }
}

v1::UserView ViewOf(const v1::UserEntry& e) {
  v1::UserView v;
  v.set_name(e.name());
  v.set_display_name(e.display_name());
  v.set_role(e.role());
  v.set_division(e.division());
  v.set_disabled(e.disabled());
  return v;
}

// A new account's name (user_name.h: charset, length, reserved system names) and
// display name (text_limits.h).
absl::Status CheckNewUser(const v1::AddUserRequest& request) {
  RETURN_IF_ERROR(CheckUserName("name", request.name()));
  return CheckText("display_name", request.display_name(), kDisplayNameText);
}

// A retried command that made a token cannot answer with it again: only its hash
// was kept.
absl::Status TokenGone(const std::string& request_id, const std::string& name) {
  return absl::AlreadyExistsError(
      absl::StrCat("request_id: ", request_id, " already gave ", name,
                   " a token, shown only in that answer; rotate the token if it was lost"));
}

}  // namespace

absl::Status UserAdmin::RequireUsers() const {
  if (authenticator_ == nullptr) {
    return absl::FailedPreconditionError(
        "the server runs without a users file (--users): there are no users to administer");
  }
  return absl::OkStatus();
}

absl::Status UserAdmin::Recover() {
  if (authenticator_ == nullptr) return absl::OkStatus();
  absl::MutexLock lock(&mu_);
  uint64_t next = 1;
  while (true) {
    ASSIGN_OR_RETURN(std::vector<v1::EventEnvelope> chunk,
                     store_->ReadStream(kStream, next, kChunk));
    for (const v1::EventEnvelope& e : chunk) {
      v1::UserEvent event;
      if (!event.ParseFromString(e.payload())) {
        return absl::DataLossError(absl::StrCat("event ", e.sequence(), ": not a UserEvent"));
      }
      RETURN_IF_ERROR(authenticator_->Apply(event, /*replaying=*/true));
    }
    if (chunk.size() < kChunk) return absl::OkStatus();
    next += chunk.size();
  }
}

absl::StatusOr<bool> UserAdmin::Record(const Actor& admin, const v1::UserEvent& event,
                                       const std::string& reason, const std::string& request_id) {
  AppendRequest request;
  request.stream = std::string(kStream);
  request.expected_version = static_cast<int64_t>(store_->StreamVersion(kStream));
  request.meta.principal = admin.name;
  request.meta.role = v1::Role::Value_Name(admin.role);
  request.meta.reason = reason;
  request.meta.request_id = request_id;
  NewEvent e;
  e.event_type = EventType(event);
  e.schema_version = kUserEventSchemaVersion;
  event.SerializeToString(&e.payload);
  request.events.push_back(std::move(e));
  ASSIGN_OR_RETURN(AppendResult result, store_->Append(request));
  // A retried request id appended nothing: the event is already applied.
  if (result.deduplicated) return true;
  RETURN_IF_ERROR(authenticator_->Apply(event, /*replaying=*/false));
  return false;
}

absl::StatusOr<v1::UserWithToken> UserAdmin::AddUser(const Actor& admin,
                                                     const v1::AddUserRequest& request) {
  RETURN_IF_ERROR(RequireUsers());
  RETURN_IF_ERROR(CheckNewUser(request));
  if (request.role() == v1::Role::ROLE_UNSPECIFIED) {
    return absl::InvalidArgumentError("role: required");
  }
  // proto3 keeps enum numbers it does not know: a client built from another schema
  // could send one.
  if (!v1::Role::Value_IsValid(request.role())) {
    return absl::InvalidArgumentError(
        absl::StrCat("role: ", static_cast<int>(request.role()), " is not a role"));
  }
  if (!v1::Division_IsValid(request.division())) {
    return absl::InvalidArgumentError(
        absl::StrCat("division: ", static_cast<int>(request.division()), " is not a division"));
  }
  if (request.role() == v1::Role::KEPALA_BIDANG && request.division() == v1::DIVISION_UNSPECIFIED) {
    return absl::InvalidArgumentError("division: required for a KEPALA_BIDANG");
  }
  absl::MutexLock lock(&mu_);
  if (authenticator_->Find(request.name()).ok()) {
    return absl::AlreadyExistsError(absl::StrCat("name: user ", request.name(), " exists"));
  }
  const std::string token = NewToken();
  v1::UserEvent event;
  v1::UserEntry* entry = event.mutable_added()->mutable_user();
  *entry = Authenticator::MakeEntry(request.name(), request.role(), request.division(), token);
  entry->set_display_name(request.display_name());
  ASSIGN_OR_RETURN(bool retried, Record(admin, event, absl::StrCat("add user ", request.name()),
                                        request.request_id()));
  if (retried) return TokenGone(request.request_id(), request.name());
  v1::UserWithToken out;
  *out.mutable_user() = ViewOf(*entry);
  out.set_token(token);
  return out;
}

absl::StatusOr<v1::UserView> UserAdmin::DisableUser(const Actor& admin,
                                                    const v1::DisableUserRequest& request) {
  RETURN_IF_ERROR(RequireUsers());
  absl::MutexLock lock(&mu_);
  ASSIGN_OR_RETURN(v1::UserEntry entry, authenticator_->Find(request.name()));
  if (request.name() == admin.name) {
    return absl::FailedPreconditionError("name: an admin cannot disable themselves");
  }
  if (entry.disabled()) {
    return absl::FailedPreconditionError(
        absl::StrCat("name: user ", request.name(), " is already disabled"));
  }
  v1::UserEvent event;
  event.mutable_disabled()->set_name(request.name());
  ASSIGN_OR_RETURN(bool retried,
                   Record(admin, event,
                          request.reason().empty() ? absl::StrCat("disable user ", request.name())
                                                   : request.reason(),
                          request.request_id()));
  (void)retried;  // disabling twice answers the same
  entry.set_disabled(true);
  return ViewOf(entry);
}

absl::StatusOr<v1::UserWithToken> UserAdmin::RotateToken(const Actor& admin,
                                                         const v1::RotateTokenRequest& request) {
  RETURN_IF_ERROR(RequireUsers());
  absl::MutexLock lock(&mu_);
  ASSIGN_OR_RETURN(v1::UserEntry entry, authenticator_->Find(request.name()));
  const std::string token = NewToken();
  const v1::UserEntry fresh =
      Authenticator::MakeEntry(entry.name(), entry.role(), entry.division(), token);
  v1::UserEvent event;
  event.mutable_token_rotated()->set_name(entry.name());
  event.mutable_token_rotated()->set_token_salt(fresh.token_salt());
  event.mutable_token_rotated()->set_token_sha256(fresh.token_sha256());
  ASSIGN_OR_RETURN(bool retried,
                   Record(admin, event,
                          request.reason().empty() ? absl::StrCat("rotate token of ", entry.name())
                                                   : request.reason(),
                          request.request_id()));
  if (retried) return TokenGone(request.request_id(), entry.name());
  v1::UserWithToken out;
  *out.mutable_user() = ViewOf(entry);
  out.set_token(token);
  return out;
}

absl::StatusOr<v1::ListUsersResponse> UserAdmin::ListUsers() const {
  RETURN_IF_ERROR(RequireUsers());
  v1::ListUsersResponse out;
  for (const v1::UserEntry& e : authenticator_->Entries()) *out.add_users() = ViewOf(e);
  return out;
}

}  // namespace renstra
