#include "services/realization_service.h"

#include <string>

#include "services/grpc_status.h"

namespace renstra {

template <typename T, typename Fn>
grpc::Status RealizationServiceImpl::Run(grpc::ServerContext* context, const char* rpc, T* out,
                                         Fn fn) {
  const std::string method = FullMethodName(v1::RealizationService::service_full_name(), rpc);
  absl::StatusOr<Actor> actor = guard_->Authenticate(context, method);
  if (!actor.ok()) return ToGrpcStatus(actor.status());
  absl::StatusOr<T> result = fn(*actor);
  if (!result.ok()) return ToGrpcStatus(guard_->Check(context, method, &*actor, result.status()));
  *out = *std::move(result);
  return grpc::Status::OK;
}

grpc::Status RealizationServiceImpl::RecordAchievement(grpc::ServerContext* c,
                                                       const v1::RecordAchievementRequest* r,
                                                       v1::RealizationView* out) {
  return Run(c, "RecordAchievement", out,
             [&](const Actor& a) { return app_->RecordAchievement(a, *r); });
}

grpc::Status RealizationServiceImpl::RecordSpending(grpc::ServerContext* c,
                                                    const v1::RecordSpendingRequest* r,
                                                    v1::RealizationView* out) {
  return Run(c, "RecordSpending", out, [&](const Actor& a) { return app_->RecordSpending(a, *r); });
}

grpc::Status RealizationServiceImpl::CorrectRealization(grpc::ServerContext* c,
                                                        const v1::CorrectRealizationRequest* r,
                                                        v1::RealizationView* out) {
  return Run(c, "CorrectRealization", out, [&](const Actor& a) { return app_->Correct(a, *r); });
}

grpc::Status RealizationServiceImpl::GetRealization(grpc::ServerContext* c,
                                                    const v1::GetRealizationRequest* r,
                                                    v1::RealizationView* out) {
  return Run(c, "GetRealization", out,
             [&](const Actor&) { return app_->Get(r->realization_id()); });
}

grpc::Status RealizationServiceImpl::ListRealizations(grpc::ServerContext* c,
                                                      const v1::ListRealizationsRequest* r,
                                                      v1::ListRealizationsResponse* out) {
  return Run(c, "ListRealizations", out, [&](const Actor&) { return app_->List(*r); });
}

grpc::Status RealizationServiceImpl::GetCapaianReport(grpc::ServerContext* c,
                                                      const v1::GetCapaianReportRequest* r,
                                                      v1::CapaianReport* out) {
  return Run(c, "GetCapaianReport", out, [&](const Actor&) { return app_->Capaian(*r); });
}

grpc::Status RealizationServiceImpl::GetAnggaranReport(grpc::ServerContext* c,
                                                       const v1::GetAnggaranReportRequest* r,
                                                       v1::AnggaranReport* out) {
  return Run(c, "GetAnggaranReport", out, [&](const Actor&) { return app_->Anggaran(*r); });
}

grpc::Status RealizationServiceImpl::GetEvaluationReport(grpc::ServerContext* c,
                                                         const v1::GetEvaluationReportRequest* r,
                                                         v1::EvaluationReport* out) {
  return Run(c, "GetEvaluationReport", out, [&](const Actor&) { return app_->Evaluation(*r); });
}

grpc::Status RealizationServiceImpl::GetEarlyWarnings(grpc::ServerContext* c,
                                                      const v1::GetEarlyWarningsRequest* r,
                                                      v1::EarlyWarnings* out) {
  return Run(c, "GetEarlyWarnings", out, [&](const Actor&) { return app_->EarlyWarnings(*r); });
}

}  // namespace renstra
