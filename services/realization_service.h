// RealizationServiceImpl: the gRPC adapter of RealizationService
// (renstra/v1/realization_service.proto): authenticate the caller (CallGuard), hand the
// request to RealizationApp, record refusals, convert the status once (ToGrpcStatus).
//
// Reads (records and reports) are open to every authenticated role, the inspectorate
// included; writes follow the domain's rules (realization_decider.h).
//
// Ownership: borrows the AgencyPlans and the CallGuard.
// Thread safety: safe for gRPC's concurrent handler threads.
#ifndef RENSTRA_SERVICES_REALIZATION_SERVICE_H_
#define RENSTRA_SERVICES_REALIZATION_SERVICE_H_

#include <grpcpp/grpcpp.h>

#include "renstra/v1/realization_service.grpc.pb.h"
#include "services/agency_plans.h"
#include "services/call_guard.h"

namespace renstra {

// Implements v1::RealizationService.
class RealizationServiceImpl final : public v1::RealizationService::Service {
 public:
  // Each call runs on the desk of the agency its request names (AgencyPlans::Desk).
  RealizationServiceImpl(AgencyPlans* plans, CallGuard* guard) : plans_(plans), guard_(guard) {}

  grpc::Status RecordAchievement(grpc::ServerContext* c, const v1::RecordAchievementRequest* r,
                                 v1::RealizationView* out) override;
  grpc::Status RecordSpending(grpc::ServerContext* c, const v1::RecordSpendingRequest* r,
                              v1::RealizationView* out) override;
  grpc::Status CorrectRealization(grpc::ServerContext* c, const v1::CorrectRealizationRequest* r,
                                  v1::RealizationView* out) override;
  grpc::Status GetRealization(grpc::ServerContext* c, const v1::GetRealizationRequest* r,
                              v1::RealizationView* out) override;
  grpc::Status ListRealizations(grpc::ServerContext* c, const v1::ListRealizationsRequest* r,
                                v1::ListRealizationsResponse* out) override;
  grpc::Status GetCapaianReport(grpc::ServerContext* c, const v1::GetCapaianReportRequest* r,
                                v1::CapaianReport* out) override;
  grpc::Status GetAnggaranReport(grpc::ServerContext* c, const v1::GetAnggaranReportRequest* r,
                                 v1::AnggaranReport* out) override;
  grpc::Status GetEvaluationReport(grpc::ServerContext* c, const v1::GetEvaluationReportRequest* r,
                                   v1::EvaluationReport* out) override;
  grpc::Status GetEarlyWarnings(grpc::ServerContext* c, const v1::GetEarlyWarningsRequest* r,
                                v1::EarlyWarnings* out) override;
  grpc::Status GetTriwulanReport(grpc::ServerContext* c, const v1::GetTriwulanReportRequest* r,
                                 v1::TriwulanReport* out) override;

 private:
  AgencyPlans* const plans_;
  CallGuard* const guard_;
};

}  // namespace renstra

#endif  // RENSTRA_SERVICES_REALIZATION_SERVICE_H_
