#include "services/call_guard.h"

#include "absl/strings/str_cat.h"
#include "renstra/v1/users.pb.h"

namespace renstra {

absl::StatusOr<Actor> CallGuard::Authenticate(grpc::ServerContext* context,
                                              std::string_view method) {
  if (authenticator_ == nullptr) return Actor{"anonymous", v1::Role::ROLE_UNSPECIFIED, {}};
  const auto& metadata = context->client_metadata();
  auto it = metadata.find("authorization");
  const std::string_view header = it == metadata.end()
                                      ? std::string_view()
                                      : std::string_view(it->second.data(), it->second.size());
  absl::StatusOr<Actor> actor = authenticator_->AuthenticateHeader(header);
  if (!actor.ok()) return Check(context, method, nullptr, actor.status());
  return actor;
}

absl::Status CallGuard::Check(grpc::ServerContext* context, std::string_view method,
                              const Actor* actor, absl::Status status) {
  if (status.code() != absl::StatusCode::kUnauthenticated &&
      status.code() != absl::StatusCode::kPermissionDenied) {
    return status;
  }
  v1::AccessDenied denied;
  denied.set_method(std::string(method));
  if (actor != nullptr) {
    denied.set_principal(actor->name);
    denied.set_role(v1::Role::Value_Name(actor->role));
  }
  denied.set_code(status.code() == absl::StatusCode::kUnauthenticated ? "UNAUTHENTICATED"
                                                                      : "PERMISSION_DENIED");
  denied.set_message(std::string(status.message()));
  denied.set_peer(context->peer());
  AppendRequest request;
  request.stream = std::string(kDeniedStream);
  request.expected_version = kAnyVersion;
  NewEvent& e = request.events.emplace_back();
  e.event_type = v1::AccessDenied::descriptor()->full_name();
  denied.SerializeToString(&e.payload);
  request.meta = CommandMeta{actor != nullptr ? actor->name : "", denied.role(),
                             absl::StrCat("refused ", std::string(method)), ""};
  // A failure to record must not hide the refusal itself from the caller.
  (void)store_->Append(request);
  return status;
}

}  // namespace renstra
