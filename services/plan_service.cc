#include "services/plan_service.h"

#include <string>
#include <utility>

#include "services/grpc_status.h"
#include "spdlog/spdlog.h"

namespace renstra {
namespace {

// The caller until authentication arrives (a later issue): every RPC is anonymous.
Principal CallerOf(const grpc::ServerContext* /*context*/) {
  return Principal{"anonymous", "ANONYMOUS"};
}

// Copies an OK StatusOr's value into `response`; converts the status otherwise.
template <typename T>
grpc::Status Answer(absl::StatusOr<T> result, T* response) {
  if (!result.ok()) return ToGrpcStatus(result.status());
  *response = *std::move(result);
  return grpc::Status::OK;
}

}  // namespace

grpc::Status PlanServiceImpl::GetPlan(grpc::ServerContext* /*context*/,
                                      const v1::GetPlanRequest* /*request*/,
                                      v1::GetPlanResponse* response) {
  *response = app_->GetPlan();
  return grpc::Status::OK;
}

grpc::Status PlanServiceImpl::GetSubtree(grpc::ServerContext* /*context*/,
                                         const v1::GetSubtreeRequest* request,
                                         v1::GetSubtreeResponse* response) {
  return Answer(app_->GetSubtree(*request), response);
}

grpc::Status PlanServiceImpl::Validate(grpc::ServerContext* /*context*/,
                                       const v1::ValidateRequest* /*request*/,
                                       v1::ValidateResponse* response) {
  *response = app_->Validate();
  return grpc::Status::OK;
}

grpc::Status PlanServiceImpl::ExportTable(grpc::ServerContext* /*context*/,
                                          const v1::ExportTableRequest* request,
                                          v1::ExportTableResponse* response) {
  return Answer(app_->ExportTable(*request), response);
}

grpc::Status PlanServiceImpl::ImportTable(grpc::ServerContext* context,
                                          const v1::ImportTableRequest* request,
                                          v1::ImportTableResponse* response) {
  const Principal who = CallerOf(context);
  absl::StatusOr<v1::ImportTableResponse> result = app_->Import(*request, who);
  if (result.ok()) {
    spdlog::info(
        "import from \"{}\" by {} ({}): {} programs, {} kegiatan, {} sub kegiatan, {} events, "
        "{} findings, plan version {}{}",
        request->source_name(), who.name, who.role, result->programs(), result->activities(),
        result->sub_activities(), result->events(), result->findings_size(), result->plan_version(),
        request->dry_run() ? " (dry run)" : "");
  } else {
    spdlog::warn("import from \"{}\" by {} refused: {}", request->source_name(), who.name,
                 result.status().ToString());
  }
  return Answer(std::move(result), response);
}

}  // namespace renstra
