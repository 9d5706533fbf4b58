#include "services/realization_service.h"

#include <string>

#include "services/grpc_status.h"
#include "services/on_desk.h"

namespace renstra {
namespace {

std::string Method(const char* rpc) {
  return FullMethodName(v1::RealizationService::service_full_name(), rpc);
}

}  // namespace

grpc::Status RealizationServiceImpl::RecordAchievement(grpc::ServerContext* c,
                                                       const v1::RecordAchievementRequest* r,
                                                       v1::RealizationView* out) {
  return guard_->Run(c, Method("RecordAchievement"), out, [&](const Actor& a) {
    return OnOwnDesk(plans_, r->agency(), a,
                     [&](PlanDesk& d) { return d.realization.RecordAchievement(a, *r); });
  });
}

grpc::Status RealizationServiceImpl::RecordSpending(grpc::ServerContext* c,
                                                    const v1::RecordSpendingRequest* r,
                                                    v1::RealizationView* out) {
  return guard_->Run(c, Method("RecordSpending"), out, [&](const Actor& a) {
    return OnOwnDesk(plans_, r->agency(), a,
                     [&](PlanDesk& d) { return d.realization.RecordSpending(a, *r); });
  });
}

grpc::Status RealizationServiceImpl::CorrectRealization(grpc::ServerContext* c,
                                                        const v1::CorrectRealizationRequest* r,
                                                        v1::RealizationView* out) {
  return guard_->Run(c, Method("CorrectRealization"), out, [&](const Actor& a) {
    return OnOwnDesk(plans_, r->agency(), a,
                     [&](PlanDesk& d) { return d.realization.Correct(a, *r); });
  });
}

grpc::Status RealizationServiceImpl::GetRealization(grpc::ServerContext* c,
                                                    const v1::GetRealizationRequest* r,
                                                    v1::RealizationView* out) {
  return guard_->Run(c, Method("GetRealization"), out, [&](const Actor&) {
    return OnDesk(plans_, r->agency(),
                  [&](PlanDesk& d) { return d.realization.Get(r->realization_id()); });
  });
}

grpc::Status RealizationServiceImpl::ListRealizations(grpc::ServerContext* c,
                                                      const v1::ListRealizationsRequest* r,
                                                      v1::ListRealizationsResponse* out) {
  return guard_->Run(c, Method("ListRealizations"), out, [&](const Actor&) {
    return OnDesk(plans_, r->agency(), [&](PlanDesk& d) { return d.realization.List(*r); });
  });
}

grpc::Status RealizationServiceImpl::GetCapaianReport(grpc::ServerContext* c,
                                                      const v1::GetCapaianReportRequest* r,
                                                      v1::CapaianReport* out) {
  return guard_->Run(c, Method("GetCapaianReport"), out, [&](const Actor&) {
    return OnDesk(plans_, r->agency(), [&](PlanDesk& d) { return d.realization.Capaian(*r); });
  });
}

grpc::Status RealizationServiceImpl::GetAnggaranReport(grpc::ServerContext* c,
                                                       const v1::GetAnggaranReportRequest* r,
                                                       v1::AnggaranReport* out) {
  return guard_->Run(c, Method("GetAnggaranReport"), out, [&](const Actor&) {
    return OnDesk(plans_, r->agency(), [&](PlanDesk& d) { return d.realization.Anggaran(*r); });
  });
}

grpc::Status RealizationServiceImpl::GetEvaluationReport(grpc::ServerContext* c,
                                                         const v1::GetEvaluationReportRequest* r,
                                                         v1::EvaluationReport* out) {
  return guard_->Run(c, Method("GetEvaluationReport"), out, [&](const Actor&) {
    return OnDesk(plans_, r->agency(), [&](PlanDesk& d) { return d.realization.Evaluation(*r); });
  });
}

grpc::Status RealizationServiceImpl::GetEarlyWarnings(grpc::ServerContext* c,
                                                      const v1::GetEarlyWarningsRequest* r,
                                                      v1::EarlyWarnings* out) {
  return guard_->Run(c, Method("GetEarlyWarnings"), out, [&](const Actor&) {
    return OnDesk(plans_, r->agency(),
                  [&](PlanDesk& d) { return d.realization.EarlyWarnings(*r); });
  });
}

grpc::Status RealizationServiceImpl::GetTriwulanReport(grpc::ServerContext* c,
                                                       const v1::GetTriwulanReportRequest* r,
                                                       v1::TriwulanReport* out) {
  return guard_->Run(c, Method("GetTriwulanReport"), out, [&](const Actor&) {
    return OnDesk(plans_, r->agency(), [&](PlanDesk& d) { return d.realization.Triwulan(*r); });
  });
}

}  // namespace renstra
