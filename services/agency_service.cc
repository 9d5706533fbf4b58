#include "services/agency_service.h"

#include <string>

#include "services/grpc_status.h"
#include "services/pemda_view.h"

namespace renstra {
namespace {

std::string Method(const char* rpc) {
  return FullMethodName(v1::AgencyService::service_full_name(), rpc);
}

}  // namespace

grpc::Status AgencyServiceImpl::CreateAgency(grpc::ServerContext* c,
                                             const v1::CreateAgencyRequest* r,
                                             v1::AgencyView* out) {
  return guard_->Run(c, Method("CreateAgency"), out,
                     [&](const Actor& actor) { return app_->CreateAgency(actor, *r); });
}

grpc::Status AgencyServiceImpl::RenameAgency(grpc::ServerContext* c,
                                             const v1::RenameAgencyRequest* r,
                                             v1::AgencyView* out) {
  return guard_->Run(c, Method("RenameAgency"), out,
                     [&](const Actor& actor) { return app_->RenameAgency(actor, *r); });
}

grpc::Status AgencyServiceImpl::RetireAgency(grpc::ServerContext* c,
                                             const v1::RetireAgencyRequest* r,
                                             v1::AgencyView* out) {
  return guard_->Run(c, Method("RetireAgency"), out,
                     [&](const Actor& actor) { return app_->RetireAgency(actor, *r); });
}

grpc::Status AgencyServiceImpl::CreateUnit(grpc::ServerContext* c, const v1::CreateUnitRequest* r,
                                           v1::AgencyView* out) {
  return guard_->Run(c, Method("CreateUnit"), out,
                     [&](const Actor& actor) { return app_->CreateUnit(actor, *r); });
}

grpc::Status AgencyServiceImpl::RenameUnit(grpc::ServerContext* c, const v1::RenameUnitRequest* r,
                                           v1::AgencyView* out) {
  return guard_->Run(c, Method("RenameUnit"), out,
                     [&](const Actor& actor) { return app_->RenameUnit(actor, *r); });
}

grpc::Status AgencyServiceImpl::RetireUnit(grpc::ServerContext* c, const v1::RetireUnitRequest* r,
                                           v1::AgencyView* out) {
  return guard_->Run(c, Method("RetireUnit"), out,
                     [&](const Actor& actor) { return app_->RetireUnit(actor, *r); });
}

grpc::Status AgencyServiceImpl::AssignResponsibility(grpc::ServerContext* c,
                                                     const v1::AssignResponsibilityRequest* r,
                                                     v1::AgencyView* out) {
  return guard_->Run(c, Method("AssignResponsibility"), out,
                     [&](const Actor& actor) { return app_->AssignResponsibility(actor, *r); });
}

grpc::Status AgencyServiceImpl::ListAgencies(grpc::ServerContext* c, const v1::ListAgenciesRequest*,
                                             v1::ListAgenciesResponse* out) {
  return guard_->Run(c, Method("ListAgencies"), out,
                     [&](const Actor&) -> absl::StatusOr<v1::ListAgenciesResponse> {
                       v1::ListAgenciesResponse list = app_->ListAgencies();
                       list.set_default_agency(plans_->default_agency());
                       return list;
                     });
}

grpc::Status AgencyServiceImpl::GetAgency(grpc::ServerContext* c, const v1::GetAgencyRequest* r,
                                          v1::AgencyView* out) {
  return guard_->Run(c, Method("GetAgency"), out,
                     [&](const Actor&) { return app_->GetAgency(*r); });
}

grpc::Status AgencyServiceImpl::ListAgencyPlans(grpc::ServerContext* c,
                                                const v1::ListAgencyPlansRequest* r,
                                                v1::ListAgencyPlansResponse* out) {
  return guard_->Run(c, Method("ListAgencyPlans"), out, [&](const Actor&) {
    return renstra::ListAgencyPlans(plans_, *app_, r->year());
  });
}

}  // namespace renstra
