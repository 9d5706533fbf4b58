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
// name and role. An import into an agency's plan names the plan after the agency and
// places column 19 (Unit Kerja) on the agency's units; what it placed is then recorded
// on the agency's stream (AgencyApp::RecordImportResponsibility) — after the plan, so a
// retry with the same request id completes a recording a crash cut off. In open mode (no users
// file) every caller is "anonymous" (role ANONYMOUS) and may import, as before authentication
// existed.
//
// Reads: GetPlan and GetSubtree of the current plan are answered from a per-agency,
// per-version cache of the pre-serialized answer (plan_read_cache.h) unless
// PlanReadOptions.cache is off (renstrad --plan_read_cache=false): built once per plan
// version, never older than the version a read finds when it starts.
//
// Ownership: borrows the AgencyPlans and the CallGuard (both must outlive the service).
// Thread safety: safe for gRPC's concurrent handler threads (PlanApp is thread-safe).
// Errors: UNAUTHENTICATED and PERMISSION_DENIED (naming the rule; both recorded on
// "audit/denied"), then PlanApp's (INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION,
// ABORTED, DATA_LOSS, UNAVAILABLE) as grpc::Status.
#ifndef RENSTRA_SERVICES_PLAN_SERVICE_H_
#define RENSTRA_SERVICES_PLAN_SERVICE_H_

#include <grpcpp/grpcpp.h>

#include <memory>

#include "absl/base/call_once.h"
#include "renstra/v1/plan_service.grpc.pb.h"
#include "services/agency_plans.h"
#include "services/call_guard.h"
#include "services/plan_read_cache.h"

namespace renstra {

// How GetPlan and GetSubtree are answered.
struct PlanReadOptions {
  // From the per-version cache of each agency's answers (renstrad --plan_read_cache);
  // off: each call builds and serializes its answer.
  bool cache = true;
  // For the benchmark's baseline only (renstrad --bench_frozen_plan_reads): GetPlan
  // answers every call, after authentication, with the default agency's plan as its first
  // call read it, pre-serialized, whatever the request and the plan's later versions —
  // the cost of sending a blob of the plan's size through this same server path.
  bool bench_frozen_plan = false;
};

// Implements v1::PlanService.
class PlanServiceImpl final : public v1::PlanService::Service {
 public:
  // Each call runs on the desk of the agency its request names (AgencyPlans::Desk).
  // `agencies`: the directory an import reads the agency's name and units from, and
  // records the import's responsibilities in.
  PlanServiceImpl(AgencyPlans* plans, AgencyApp* agencies, CallGuard* guard,
                  const PlanReadOptions& reads = {})
      : plans_(plans), agencies_(agencies), guard_(guard), reads_(reads) {}

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
  AgencyApp* const agencies_;
  CallGuard* const guard_;
  const PlanReadOptions reads_;
  PlanReadCaches caches_;
  // PlanReadOptions.bench_frozen_plan: the answer of the first GetPlan.
  absl::once_flag frozen_once_;
  std::shared_ptr<const v1::GetPlanResponse> frozen_;
};

}  // namespace renstra

#endif  // RENSTRA_SERVICES_PLAN_SERVICE_H_
