// PlanServiceImpl: the gRPC adapter of PlanService (renstra/v1/plan_service.proto).
//
// Thin: each RPC is one CallGuard::Run (authentication, the RPC table's role gate,
// refusal records), which hands the request to PlanApp and converts the answer's status once
// (ToGrpcStatus). Field checks live in PlanApp (it names the field in INVALID_ARGUMENT); the
// adapter adds none of its own so both layers cannot drift.
//
// Access: with a users file every RPC needs a valid token; the reads (GetPlan,
// GetSubtree, Validate, ExportTable, ReadCascade) are open to every role; ImportTable (dry runs
// included) needs ADMIN or KEPALA_DINAS. The import's envelopes record the caller's
// name and role. In open mode (no users file) every caller is "anonymous" (role
// ANONYMOUS) and may import, as before authentication existed.
//
// Ownership: borrows the AgencyPlans and the CallGuard (both must outlive the service).
// Thread safety: safe for gRPC's concurrent handler threads (PlanApp is thread-safe).
// Errors: UNAUTHENTICATED and PERMISSION_DENIED (naming the rule; both recorded on
// "audit/denied"), then PlanApp's (INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION,
// ABORTED, DATA_LOSS, UNAVAILABLE) as grpc::Status.
#ifndef RENSTRA_SERVICES_PLAN_SERVICE_H_
#define RENSTRA_SERVICES_PLAN_SERVICE_H_

#include <grpcpp/grpcpp.h>

#include "renstra/v1/plan_service.grpc.pb.h"
#include "services/agency_plans.h"
#include "services/call_guard.h"

namespace renstra {

// Implements v1::PlanService.
class PlanServiceImpl final : public v1::PlanService::Service {
 public:
  // Each call runs on the desk of the agency its request names (AgencyPlans::Desk).
  PlanServiceImpl(AgencyPlans* plans, CallGuard* guard) : plans_(plans), guard_(guard) {}

  grpc::Status GetPlan(grpc::ServerContext* context, const v1::GetPlanRequest* request,
                       v1::GetPlanResponse* response) override;
  grpc::Status GetSubtree(grpc::ServerContext* context, const v1::GetSubtreeRequest* request,
                          v1::GetSubtreeResponse* response) override;
  grpc::Status Validate(grpc::ServerContext* context, const v1::ValidateRequest* request,
                        v1::ValidateResponse* response) override;
  grpc::Status ExportTable(grpc::ServerContext* context, const v1::ExportTableRequest* request,
                           v1::ExportTableResponse* response) override;
  grpc::Status ImportTable(grpc::ServerContext* context, const v1::ImportTableRequest* request,
                           v1::ImportTableResponse* response) override;
  // Reads only the request's document (or the embedded seed): see cascade_view.h.
  grpc::Status ReadCascade(grpc::ServerContext* context, const v1::ReadCascadeRequest* request,
                           v1::ReadCascadeResponse* response) override;

 private:
  AgencyPlans* const plans_;
  CallGuard* const guard_;
};

}  // namespace renstra

#endif  // RENSTRA_SERVICES_PLAN_SERVICE_H_
