// AdminServiceImpl: the gRPC adapter of AdminService (renstra/v1/admin_service.proto).
// Every RPC requires the ADMIN role (the RPC table, rpc_table.cc); refusals are
// recorded on "audit/denied" by CallGuard::Run.
//
// Ownership: borrows the AdminApp and the CallGuard. Thread safety: thread-safe.
#ifndef RENSTRA_SERVICES_ADMIN_SERVICE_H_
#define RENSTRA_SERVICES_ADMIN_SERVICE_H_

#include <grpcpp/grpcpp.h>

#include "renstra/v1/admin_service.grpc.pb.h"
#include "services/admin_app.h"
#include "services/call_guard.h"
#include "services/user_admin.h"

namespace renstra {

class AdminServiceImpl final : public v1::AdminService::Service {
 public:
  AdminServiceImpl(AdminApp* app, UserAdmin* users, CallGuard* guard)
      : app_(app), users_(users), guard_(guard) {}

  grpc::Status CreateBackup(grpc::ServerContext* c, const v1::CreateBackupRequest* r,
                            v1::Backup* out) override;
  grpc::Status ListBackups(grpc::ServerContext* c, const v1::ListBackupsRequest* r,
                           v1::ListBackupsResponse* out) override;
  grpc::Status VerifyBackup(grpc::ServerContext* c, const v1::VerifyBackupRequest* r,
                            v1::Backup* out) override;
  grpc::Status GetMetrics(grpc::ServerContext* c, const v1::GetMetricsRequest* r,
                          v1::Metrics* out) override;
  grpc::Status AddUser(grpc::ServerContext* c, const v1::AddUserRequest* r,
                       v1::UserWithToken* out) override;
  grpc::Status DisableUser(grpc::ServerContext* c, const v1::DisableUserRequest* r,
                           v1::UserView* out) override;
  grpc::Status EnableUser(grpc::ServerContext* c, const v1::EnableUserRequest* r,
                          v1::UserView* out) override;
  grpc::Status RotateToken(grpc::ServerContext* c, const v1::RotateTokenRequest* r,
                           v1::UserWithToken* out) override;
  grpc::Status ListUsers(grpc::ServerContext* c, const v1::ListUsersRequest* r,
                         v1::ListUsersResponse* out) override;

 private:
  AdminApp* const app_;
  UserAdmin* const users_;
  CallGuard* const guard_;
};

}  // namespace renstra

#endif  // RENSTRA_SERVICES_ADMIN_SERVICE_H_
