#include "services/call_guard.h"

#include "absl/strings/str_cat.h"
#include "domain/strings.h"
#include "renstra/v1/users.pb.h"
#include "spdlog/spdlog.h"

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
  spdlog::warn("refused {} for \"{}\" from {}: {} {}", method, denied.principal(), denied.peer(),
               denied.code(), denied.message());
  AppendRequest request;
  request.stream = std::string(kDeniedStream);
  request.expected_version = kAnyVersion;
  NewEvent& e = request.events.emplace_back();
  e.event_type = v1::AccessDenied::descriptor()->full_name();
  denied.SerializeToString(&e.payload);
  request.meta = CommandMeta{actor != nullptr ? actor->name : "", denied.role(),
                             absl::StrCat("refused ", std::string(method)), ""};
  // A failure to record must not hide the refusal itself from the caller.
  if (absl::StatusOr<AppendResult> recorded = store_->Append(request); !recorded.ok()) {
    spdlog::error("cannot record the refused call {} by \"{}\": {}", method, denied.principal(),
                  recorded.status().ToString());
  }
  return status;
}

std::string FullMethodName(std::string_view service_full_name, std::string_view rpc) {
  return absl::StrCat("/", AsAbsl(service_full_name), "/", AsAbsl(rpc));
}

}  // namespace renstra
