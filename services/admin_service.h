// AdminServiceImpl: the gRPC adapter of AdminService (renstra/v1/admin_service.proto).
// Every RPC requires the ADMIN role; refusals are recorded on "audit/denied".
//
// Ownership: borrows the AdminApp and the CallGuard. Thread safety: thread-safe.
#ifndef RENSTRA_SERVICES_ADMIN_SERVICE_H_
#define RENSTRA_SERVICES_ADMIN_SERVICE_H_

#include <grpcpp/grpcpp.h>

#include "renstra/v1/admin_service.grpc.pb.h"
#include "services/admin_app.h"
#include "services/call_guard.h"

namespace renstra {

class AdminServiceImpl final : public v1::AdminService::Service {
 public:
  AdminServiceImpl(AdminApp* app, CallGuard* guard) : app_(app), guard_(guard) {}

  grpc::Status CreateBackup(grpc::ServerContext* c, const v1::CreateBackupRequest* r,
                            v1::Backup* out) override;
  grpc::Status ListBackups(grpc::ServerContext* c, const v1::ListBackupsRequest* r,
                           v1::ListBackupsResponse* out) override;
  grpc::Status VerifyBackup(grpc::ServerContext* c, const v1::VerifyBackupRequest* r,
                            v1::Backup* out) override;
  grpc::Status GetMetrics(grpc::ServerContext* c, const v1::GetMetricsRequest* r,
                          v1::Metrics* out) override;

 private:
  // Authenticates, requires ADMIN to `action`, runs fn(), converts the status.
  template <typename T, typename Fn>
  grpc::Status Run(grpc::ServerContext* context, const char* rpc, const char* action, T* out,
                   Fn fn);

  AdminApp* const app_;
  CallGuard* const guard_;
};

}  // namespace renstra

#endif  // RENSTRA_SERVICES_ADMIN_SERVICE_H_
