#include "services/session_service.h"

#include <string>

#include "absl/strings/match.h"
#include "domain/strings.h"
#include "services/grpc_status.h"

namespace renstra {
namespace {

std::string Method(const char* rpc) {
  return FullMethodName(v1::SessionService::service_full_name(), rpc);
}

}  // namespace

std::string_view BearerToken(const grpc::ServerContext* context) {
  const auto& metadata = context->client_metadata();
  auto it = metadata.find("authorization");
  if (it == metadata.end()) return {};
  const std::string_view header(it->second.data(), it->second.size());
  constexpr std::string_view kBearer = "Bearer ";
  if (header.size() <= kBearer.size() ||
      !absl::StartsWithIgnoreCase(AsAbsl(header), AsAbsl(kBearer))) {
    return {};
  }
  return header.substr(kBearer.size());
}

grpc::Status SessionServiceImpl::Login(grpc::ServerContext* c, const v1::LoginRequest* r,
                                       v1::Session* out) {
  const std::string method = Method("Login");
  absl::StatusOr<Actor> anonymous = guard_->Admit(c, method);
  if (!anonymous.ok()) return ToGrpcStatus(anonymous.status());
  absl::StatusOr<v1::Session> session = app_->Login(*r);
  // No principal: the caller is not authenticated; the message names the name tried.
  if (!session.ok()) return ToGrpcStatus(guard_->Check(c, method, nullptr, session.status()));
  *out = *std::move(session);
  return grpc::Status::OK;
}

grpc::Status SessionServiceImpl::Logout(grpc::ServerContext* c, const v1::LogoutRequest*,
                                        v1::LogoutResponse* out) {
  return guard_->Run(c, Method("Logout"), out,
                     [&](const Actor&) -> absl::StatusOr<v1::LogoutResponse> {
                       absl::Status s = app_->Logout(BearerToken(c));
                       if (!s.ok()) return s;
                       return v1::LogoutResponse();
                     });
}

grpc::Status SessionServiceImpl::WhoAmI(grpc::ServerContext* c, const v1::WhoAmIRequest*,
                                        v1::UserView* out) {
  return guard_->Run(c, Method("WhoAmI"), out,
                     [&](const Actor& actor) { return app_->WhoAmI(actor); });
}

grpc::Status SessionServiceImpl::ChangePassword(grpc::ServerContext* c,
                                                const v1::ChangePasswordRequest* r,
                                                v1::UserView* out) {
  return guard_->Run(c, Method("ChangePassword"), out, [&](const Actor& actor) {
    return users_->ChangePassword(actor, *r, BearerToken(c));
  });
}

grpc::Status SessionServiceImpl::SetPassword(grpc::ServerContext* c,
                                             const v1::SetPasswordRequest* r, v1::UserView* out) {
  return guard_->Run(c, Method("SetPassword"), out,
                     [&](const Actor& admin) { return users_->SetPassword(admin, *r); });
}

}  // namespace renstra
