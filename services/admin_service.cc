#include "services/admin_service.h"

#include <string>

#include "services/grpc_status.h"

namespace renstra {

template <typename T, typename Fn>
grpc::Status AdminServiceImpl::Run(grpc::ServerContext* context, const char* rpc,
                                   const char* action, T* out, Fn fn) {
  const std::string method = FullMethodName(v1::AdminService::service_full_name(), rpc);
  absl::StatusOr<Actor> actor = guard_->Authenticate(context, method);
  if (!actor.ok()) return ToGrpcStatus(actor.status());
  if (absl::Status s = RequireRole(*actor, {v1::Role::ADMIN}, action); !s.ok()) {
    return ToGrpcStatus(guard_->Check(context, method, &*actor, s));
  }
  absl::StatusOr<T> result = fn(*actor);
  if (!result.ok()) return ToGrpcStatus(result.status());
  *out = *std::move(result);
  return grpc::Status::OK;
}

grpc::Status AdminServiceImpl::CreateBackup(grpc::ServerContext* c,
                                            const v1::CreateBackupRequest* r, v1::Backup* out) {
  return Run(c, "CreateBackup", "back up the log", out,
             [&](const Actor&) { return app_->CreateBackup(*r); });
}

grpc::Status AdminServiceImpl::ListBackups(grpc::ServerContext* c, const v1::ListBackupsRequest* r,
                                           v1::ListBackupsResponse* out) {
  return Run(c, "ListBackups", "list backups", out,
             [&](const Actor&) { return app_->ListBackups(*r); });
}

grpc::Status AdminServiceImpl::VerifyBackup(grpc::ServerContext* c,
                                            const v1::VerifyBackupRequest* r, v1::Backup* out) {
  return Run(c, "VerifyBackup", "verify backups", out,
             [&](const Actor&) { return app_->VerifyBackup(*r); });
}

grpc::Status AdminServiceImpl::GetMetrics(grpc::ServerContext* c, const v1::GetMetricsRequest*,
                                          v1::Metrics* out) {
  return Run(c, "GetMetrics", "read metrics", out,
             [&](const Actor&) -> absl::StatusOr<v1::Metrics> { return app_->GetMetrics(); });
}

grpc::Status AdminServiceImpl::AddUser(grpc::ServerContext* c, const v1::AddUserRequest* r,
                                       v1::UserWithToken* out) {
  return Run(c, "AddUser", "add users", out,
             [&](const Actor& admin) { return users_->AddUser(admin, *r); });
}

grpc::Status AdminServiceImpl::DisableUser(grpc::ServerContext* c, const v1::DisableUserRequest* r,
                                           v1::UserView* out) {
  return Run(c, "DisableUser", "disable users", out,
             [&](const Actor& admin) { return users_->DisableUser(admin, *r); });
}

grpc::Status AdminServiceImpl::EnableUser(grpc::ServerContext* c, const v1::EnableUserRequest* r,
                                          v1::UserView* out) {
  return Run(c, "EnableUser", "enable users", out,
             [&](const Actor& admin) { return users_->EnableUser(admin, *r); });
}

grpc::Status AdminServiceImpl::RotateToken(grpc::ServerContext* c, const v1::RotateTokenRequest* r,
                                           v1::UserWithToken* out) {
  return Run(c, "RotateToken", "rotate tokens", out,
             [&](const Actor& admin) { return users_->RotateToken(admin, *r); });
}

grpc::Status AdminServiceImpl::ListUsers(grpc::ServerContext* c, const v1::ListUsersRequest*,
                                         v1::ListUsersResponse* out) {
  return Run(c, "ListUsers", "list users", out, [&](const Actor&) { return users_->ListUsers(); });
}

}  // namespace renstra
