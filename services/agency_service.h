// AgencyServiceImpl: the gRPC adapter of AgencyService (renstra/v1/agency_service.proto).
// Writes are for ADMIN, reads for every authenticated caller (the RPC table,
// rpc_table.cc); refusals are recorded on "audit/denied" by CallGuard::Run.
//
// Ownership: borrows the AgencyApp, the AgencyPlans (ListAgencyPlans) and the CallGuard. Thread
// safety: thread-safe.
#ifndef RENSTRA_SERVICES_AGENCY_SERVICE_H_
#define RENSTRA_SERVICES_AGENCY_SERVICE_H_

#include <grpcpp/grpcpp.h>

#include "renstra/v1/agency_service.grpc.pb.h"
#include "services/agency_app.h"
#include "services/agency_plans.h"
#include "services/call_guard.h"

namespace renstra {

class AgencyServiceImpl final : public v1::AgencyService::Service {
 public:
  AgencyServiceImpl(AgencyApp* app, AgencyPlans* plans, CallGuard* guard)
      : app_(app), plans_(plans), guard_(guard) {}

  grpc::Status CreateAgency(grpc::ServerContext* c, const v1::CreateAgencyRequest* r,
                            v1::AgencyView* out) override;
  grpc::Status RenameAgency(grpc::ServerContext* c, const v1::RenameAgencyRequest* r,
                            v1::AgencyView* out) override;
  grpc::Status RetireAgency(grpc::ServerContext* c, const v1::RetireAgencyRequest* r,
                            v1::AgencyView* out) override;
  grpc::Status CreateUnit(grpc::ServerContext* c, const v1::CreateUnitRequest* r,
                          v1::AgencyView* out) override;
  grpc::Status RenameUnit(grpc::ServerContext* c, const v1::RenameUnitRequest* r,
                          v1::AgencyView* out) override;
  grpc::Status RetireUnit(grpc::ServerContext* c, const v1::RetireUnitRequest* r,
                          v1::AgencyView* out) override;
  grpc::Status AssignResponsibility(grpc::ServerContext* c,
                                    const v1::AssignResponsibilityRequest* r,
                                    v1::AgencyView* out) override;
  grpc::Status ListAgencies(grpc::ServerContext* c, const v1::ListAgenciesRequest* r,
                            v1::ListAgenciesResponse* out) override;
  grpc::Status GetAgency(grpc::ServerContext* c, const v1::GetAgencyRequest* r,
                         v1::AgencyView* out) override;
  grpc::Status ListAgencyPlans(grpc::ServerContext* c, const v1::ListAgencyPlansRequest* r,
                               v1::ListAgencyPlansResponse* out) override;

 private:
  AgencyApp* const app_;
  AgencyPlans* const plans_;
  CallGuard* const guard_;
};

}  // namespace renstra

#endif  // RENSTRA_SERVICES_AGENCY_SERVICE_H_
