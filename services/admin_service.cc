#include "services/admin_service.h"

#include <string>

#include "services/grpc_status.h"

namespace renstra {
namespace {

std::string Method(const char* rpc) {
  return FullMethodName(v1::AdminService::service_full_name(), rpc);
}

}  // namespace

grpc::Status AdminServiceImpl::CreateBackup(grpc::ServerContext* c,
                                            const v1::CreateBackupRequest* r, v1::Backup* out) {
  return guard_->Run(c, Method("CreateBackup"), out,
                     [&](const Actor&) { return app_->CreateBackup(*r); });
}

grpc::Status AdminServiceImpl::ListBackups(grpc::ServerContext* c, const v1::ListBackupsRequest* r,
                                           v1::ListBackupsResponse* out) {
  return guard_->Run(c, Method("ListBackups"), out,
                     [&](const Actor&) { return app_->ListBackups(*r); });
}

grpc::Status AdminServiceImpl::VerifyBackup(grpc::ServerContext* c,
                                            const v1::VerifyBackupRequest* r, v1::Backup* out) {
  return guard_->Run(c, Method("VerifyBackup"), out,
                     [&](const Actor&) { return app_->VerifyBackup(*r); });
}

grpc::Status AdminServiceImpl::GetMetrics(grpc::ServerContext* c, const v1::GetMetricsRequest*,
                                          v1::Metrics* out) {
  return guard_->Run(
      c, Method("GetMetrics"), out,
      [&](const Actor&) -> absl::StatusOr<v1::Metrics> { return app_->GetMetrics(); });
}

grpc::Status AdminServiceImpl::AddUser(grpc::ServerContext* c, const v1::AddUserRequest* r,
                                       v1::UserWithToken* out) {
  return guard_->Run(c, Method("AddUser"), out,
                     [&](const Actor& admin) { return users_->AddUser(admin, *r); });
}

grpc::Status AdminServiceImpl::DisableUser(grpc::ServerContext* c, const v1::DisableUserRequest* r,
                                           v1::UserView* out) {
  return guard_->Run(c, Method("DisableUser"), out,
                     [&](const Actor& admin) { return users_->DisableUser(admin, *r); });
}

grpc::Status AdminServiceImpl::EnableUser(grpc::ServerContext* c, const v1::EnableUserRequest* r,
                                          v1::UserView* out) {
  return guard_->Run(c, Method("EnableUser"), out,
                     [&](const Actor& admin) { return users_->EnableUser(admin, *r); });
}

grpc::Status AdminServiceImpl::RotateToken(grpc::ServerContext* c, const v1::RotateTokenRequest* r,
                                           v1::UserWithToken* out) {
  return guard_->Run(c, Method("RotateToken"), out,
                     [&](const Actor& admin) { return users_->RotateToken(admin, *r); });
}

grpc::Status AdminServiceImpl::ListUsers(grpc::ServerContext* c, const v1::ListUsersRequest*,
                                         v1::ListUsersResponse* out) {
  return guard_->Run(c, Method("ListUsers"), out,
                     [&](const Actor&) { return users_->ListUsers(); });
}

}  // namespace renstra
