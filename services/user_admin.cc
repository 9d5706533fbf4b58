#include "services/user_admin.h"

#include <openssl/rand.h>

#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "domain/agency_decider.h"
#include "domain/text_limits.h"
#include "domain/user_name.h"
#include "services/password_hash.h"

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

// The full gRPC method of an AdminService command: the scope of its request ids.
std::string Method(const char* rpc) { return absl::StrCat("/renstra.v1.AdminService/", rpc); }

// A new account's name (user_name.h: charset, length, reserved system names) and
// display name (text_limits.h).
absl::Status CheckNewUser(const v1::AddUserRequest& request) {
  RENSTRA_RETURN_IF_ERROR(CheckUserName("name", request.name()));
  return CheckText("display_name", request.display_name(), kDisplayNameText);
}

// The roles that work inside one agency (RequireOwnAgency). The Inspektorat and the
// administrator work across agencies: an agency on their account would mean nothing and
// would suggest a limit that no rule enforces, so it is refused rather than ignored.
bool BelongsToOneAgency(v1::Role::Value role) {
  return role == v1::Role::KEPALA_BIDANG || role == v1::Role::SEKRETARIAT ||
         role == v1::Role::KEPALA_DINAS;
}

absl::Status CheckUserAgency(const v1::AddUserRequest& request) {
  if (request.agency().empty()) return absl::OkStatus();
  RENSTRA_RETURN_IF_ERROR(CheckOrgCode("agency", request.agency()));
  if (BelongsToOneAgency(request.role())) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat("agency: a ", v1::Role::Value_Name(request.role()),
                   " works for every agency; only KEPALA_BIDANG, SEKRETARIAT and KEPALA_DINAS "
                   "belong to one"));
}

// A retried command that made a token cannot answer with it again: only its hash
// was kept.
absl::Status TokenGone(const std::string& request_id, const std::string& name) {
  // Only a true retry (same admin, method and request) gets here: see command_runner.h.
  return absl::AlreadyExistsError(
      absl::StrCat("request_id: ", request_id, " already gave ", name,
                   " a token, shown only in that answer; rotate the token if it was lost"));
}

}  // namespace

v1::UserView UserViewOf(const v1::UserEntry& e) {
  v1::UserView v;
  v.set_name(e.name());
  v.set_display_name(e.display_name());
  v.set_role(e.role());
  v.set_division(e.division());
  v.set_disabled(e.disabled());
  v.set_agency(e.agency());
  return v;
}

absl::Status UserAdmin::RequireUsers() const {
  if (authenticator_ == nullptr) {
    return absl::FailedPreconditionError(
        "the server runs without a users file (--users): there are no users to administer");
  }
  return absl::OkStatus();
}

absl::Status UserAdmin::Recover() {
  if (authenticator_ == nullptr) return absl::OkStatus();
  uint64_t next = 1;
  while (true) {
    RENSTRA_ASSIGN_OR_RETURN(std::vector<v1::EventEnvelope> chunk,
                             store_->ReadStream(kStream, next, kChunk));
    for (const v1::EventEnvelope& e : chunk) {
      v1::UserEvent event;
      if (!event.ParseFromString(e.payload())) {
        return absl::DataLossError(absl::StrCat("event ", e.sequence(), ": not a UserEvent"));
      }
      RENSTRA_RETURN_IF_ERROR(authenticator_->Apply(event, /*replaying=*/true));
    }
    if (chunk.size() < kChunk) return absl::OkStatus();
    next += chunk.size();
  }
}

Decision UserAdmin::Record(const v1::UserEvent& event, const std::string& reason) {
  Decision decision;
  decision.stream = std::string(kStream);
  decision.expected_version = static_cast<int64_t>(store_->StreamVersion(kStream));
  decision.reason = reason;
  decision.events.push_back(ToNewEvent(event, kUserEventSchemaVersion));
  decision.apply = [this, event] { return authenticator_->Apply(event, /*replaying=*/false); };
  return decision;
}

absl::StatusOr<v1::UserWithToken> UserAdmin::AddUser(const Actor& admin,
                                                     const v1::AddUserRequest& request) {
  RENSTRA_RETURN_IF_ERROR(RequireUsers());
  RENSTRA_RETURN_IF_ERROR(CheckNewUser(request));
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
  RENSTRA_RETURN_IF_ERROR(CheckUserAgency(request));
  if (!request.agency().empty() && agencies_ != nullptr) {
    RENSTRA_RETURN_IF_ERROR(agencies_->Read([&](const AgencyDirectory& d) -> absl::Status {
      const AgencyInfo* agency = d.Find(request.agency());
      if (agency == nullptr) {
        return absl::NotFoundError(absl::StrCat("agency: no agency ", request.agency()));
      }
      if (agency->retired) {
        return absl::FailedPreconditionError(
            absl::StrCat("agency: ", agency->code, " is retired and takes no new users"));
      }
      return absl::OkStatus();
    }));
  }
  const std::string token = NewToken();
  v1::UserEntry entry;
  CommandSpec spec{PrincipalOf(admin), Method("AddUser"), &request, request.request_id(),
                   CommandLock::kUsers};
  return runner_->Run<v1::UserWithToken>(
      spec,
      [&]() -> absl::StatusOr<Decision> {
        if (authenticator_->Find(request.name()).ok()) {
          return absl::AlreadyExistsError(absl::StrCat("name: user ", request.name(), " exists"));
        }
        v1::UserEvent event;
        entry = Authenticator::MakeEntry(request.name(), request.role(), request.division(), token);
        entry.set_display_name(request.display_name());
        entry.set_agency(request.agency());
        *event.mutable_added()->mutable_user() = entry;
        return Record(event, absl::StrCat("add user ", request.name()));
      },
      [&](const Landed& landed) -> absl::StatusOr<v1::UserWithToken> {
        if (landed.result.deduplicated) return TokenGone(request.request_id(), request.name());
        v1::UserWithToken out;
        *out.mutable_user() = UserViewOf(entry);
        out.set_token(token);
        return out;
      });
}

absl::StatusOr<v1::UserView> UserAdmin::DisableUser(const Actor& admin,
                                                    const v1::DisableUserRequest& request) {
  RENSTRA_RETURN_IF_ERROR(RequireUsers());
  CommandSpec spec{PrincipalOf(admin), Method("DisableUser"), &request, request.request_id(),
                   CommandLock::kUsers};
  return runner_->Run<v1::UserView>(
      spec,
      [&]() -> absl::StatusOr<Decision> {
        RENSTRA_ASSIGN_OR_RETURN(v1::UserEntry entry, authenticator_->Find(request.name()));
        if (request.name() == admin.name) {
          return absl::FailedPreconditionError("name: an admin cannot disable themselves");
        }
        if (entry.disabled()) {
          return absl::FailedPreconditionError(
              absl::StrCat("name: user ", request.name(), " is already disabled"));
        }
        // Decided under the users lock, which every change of the users holds until its
        // event is appended and applied: two admins disabling each other at once are
        // serialized here, and the second sees the first's change.
        if (entry.role() == v1::Role::ADMIN && EnabledAdmins() <= 1) {
          return absl::FailedPreconditionError(
              absl::StrCat("rule: the last enabled admin cannot be disabled: ", request.name(),
                           " is the only enabled ADMIN (add or enable another admin first)"));
        }
        v1::UserEvent event;
        event.mutable_disabled()->set_name(request.name());
        return Record(event, request.reason().empty()
                                 ? absl::StrCat("disable user ", request.name())
                                 : request.reason());
      },
      // A retry answers as the first attempt did: the user as they are now.
      [&](const Landed&) -> absl::StatusOr<v1::UserView> {
        RENSTRA_ASSIGN_OR_RETURN(v1::UserEntry entry, authenticator_->Find(request.name()));
        return UserViewOf(entry);
      });
}

absl::StatusOr<v1::UserView> UserAdmin::EnableUser(const Actor& admin,
                                                   const v1::EnableUserRequest& request) {
  RENSTRA_RETURN_IF_ERROR(RequireUsers());
  CommandSpec spec{PrincipalOf(admin), Method("EnableUser"), &request, request.request_id(),
                   CommandLock::kUsers};
  return runner_->Run<v1::UserView>(
      spec,
      [&]() -> absl::StatusOr<Decision> {
        RENSTRA_ASSIGN_OR_RETURN(v1::UserEntry entry, authenticator_->Find(request.name()));
        if (!entry.disabled()) {
          return absl::FailedPreconditionError(
              absl::StrCat("name: user ", request.name(), " is not disabled"));
        }
        v1::UserEvent event;
        event.mutable_enabled()->set_name(request.name());
        return Record(event, request.reason().empty() ? absl::StrCat("enable user ", request.name())
                                                      : request.reason());
      },
      [&](const Landed&) -> absl::StatusOr<v1::UserView> {
        RENSTRA_ASSIGN_OR_RETURN(v1::UserEntry entry, authenticator_->Find(request.name()));
        return UserViewOf(entry);
      });
}

int UserAdmin::EnabledAdmins() const {
  int admins = 0;
  for (const v1::UserEntry& e : authenticator_->Entries()) {
    if (e.role() == v1::Role::ADMIN && !e.disabled()) ++admins;
  }
  return admins;
}

absl::StatusOr<v1::UserWithToken> UserAdmin::RotateToken(const Actor& admin,
                                                         const v1::RotateTokenRequest& request) {
  RENSTRA_RETURN_IF_ERROR(RequireUsers());
  const std::string token = NewToken();
  v1::UserEntry entry;
  CommandSpec spec{PrincipalOf(admin), Method("RotateToken"), &request, request.request_id(),
                   CommandLock::kUsers};
  return runner_->Run<v1::UserWithToken>(
      spec,
      [&]() -> absl::StatusOr<Decision> {
        RENSTRA_ASSIGN_OR_RETURN(entry, authenticator_->Find(request.name()));
        const v1::UserEntry fresh =
            Authenticator::MakeEntry(entry.name(), entry.role(), entry.division(), token);
        v1::UserEvent event;
        event.mutable_token_rotated()->set_name(entry.name());
        event.mutable_token_rotated()->set_token_salt(fresh.token_salt());
        event.mutable_token_rotated()->set_token_sha256(fresh.token_sha256());
        return Record(event, request.reason().empty()
                                 ? absl::StrCat("rotate token of ", entry.name())
                                 : request.reason());
      },
      [&](const Landed& landed) -> absl::StatusOr<v1::UserWithToken> {
        if (landed.result.deduplicated) return TokenGone(request.request_id(), request.name());
        v1::UserWithToken out;
        *out.mutable_user() = UserViewOf(entry);
        out.set_token(token);
        return out;
      });
}

absl::StatusOr<v1::ListUsersResponse> UserAdmin::ListUsers() const {
  RENSTRA_RETURN_IF_ERROR(RequireUsers());
  v1::ListUsersResponse out;
  for (const v1::UserEntry& e : authenticator_->Entries()) *out.add_users() = UserViewOf(e);
  return out;
}

}  // namespace renstra

namespace renstra {

absl::StatusOr<v1::UserView> UserAdmin::RecordPassword(
    const Actor& who, const std::string& method, const google::protobuf::Message& fingerprinted,
    const std::string& request_id, const std::string& name, const std::string& hash, bool by_self,
    const std::string& reason) {
  CommandSpec spec{PrincipalOf(who), method, &fingerprinted, request_id, CommandLock::kUsers};
  return runner_->Run<v1::UserView>(
      spec,
      [&]() -> absl::StatusOr<Decision> {
        RENSTRA_ASSIGN_OR_RETURN(v1::UserEntry entry, authenticator_->Find(name));
        v1::UserEvent event;
        v1::UserPasswordSet* set = event.mutable_password_set();
        set->set_name(entry.name());
        set->set_password_argon2id(hash);
        set->set_by_self(by_self);
        return Record(event, reason);
      },
      [&](const Landed&) -> absl::StatusOr<v1::UserView> {
        RENSTRA_ASSIGN_OR_RETURN(v1::UserEntry entry, authenticator_->Find(name));
        return UserViewOf(entry);
      });
}

absl::StatusOr<v1::UserView> UserAdmin::ChangePassword(const Actor& user,
                                                       const v1::ChangePasswordRequest& request,
                                                       std::string_view session_token) {
  RENSTRA_RETURN_IF_ERROR(RequireUsers());
  if (request.current_password().empty()) {
    return absl::InvalidArgumentError("current_password: required");
  }
  RENSTRA_RETURN_IF_ERROR(CheckNewPassword("new_password", user.name, request.new_password()));
  RENSTRA_ASSIGN_OR_RETURN(v1::UserEntry entry, authenticator_->Find(user.name));
  if (!VerifyPassword(entry.password_argon2id(), request.current_password())) {
    return absl::PermissionDeniedError("current_password: wrong password");
  }
  RENSTRA_ASSIGN_OR_RETURN(std::string hash, HashPassword(request.new_password()));
  v1::ChangePasswordRequest fingerprinted = request;
  fingerprinted.clear_current_password();
  fingerprinted.clear_new_password();
  RENSTRA_ASSIGN_OR_RETURN(
      v1::UserView view,
      RecordPassword(user, "/renstra.v1.SessionService/ChangePassword", fingerprinted,
                     request.request_id(), user.name, hash, /*by_self=*/true,
                     absl::StrCat("change own password of ", user.name)));
  authenticator_->sessions().RevokeUser(user.name, session_token);
  return view;
}

absl::StatusOr<v1::UserView> UserAdmin::SetPassword(const Actor& admin,
                                                    const v1::SetPasswordRequest& request) {
  RENSTRA_RETURN_IF_ERROR(RequireUsers());
  if (request.name().empty()) return absl::InvalidArgumentError("name: required");
  RENSTRA_RETURN_IF_ERROR(CheckNewPassword("new_password", request.name(), request.new_password()));
  RENSTRA_RETURN_IF_ERROR(authenticator_->Find(request.name()).status());
  RENSTRA_ASSIGN_OR_RETURN(std::string hash, HashPassword(request.new_password()));
  v1::SetPasswordRequest fingerprinted = request;
  fingerprinted.clear_new_password();
  return RecordPassword(admin, "/renstra.v1.SessionService/SetPassword", fingerprinted,
                        request.request_id(), request.name(), hash, /*by_self=*/false,
                        request.reason().empty() ? absl::StrCat("set password of ", request.name())
                                                 : request.reason());
}

}  // namespace renstra
