#include "services/plan_service.h"

#include <string>
#include <utility>

#include "domain/actor.h"
#include "services/grpc_status.h"
#include "spdlog/spdlog.h"

namespace renstra {
namespace {

std::string Method(const char* rpc) {
  return FullMethodName(v1::PlanService::service_full_name(), rpc);
}

// Copies an OK StatusOr's value into `response`; converts the status otherwise.
template <typename T>
grpc::Status Answer(absl::StatusOr<T> result, T* response) {
  if (!result.ok()) return ToGrpcStatus(result.status());
  *response = *std::move(result);
  return grpc::Status::OK;
}

}  // namespace

template <typename T, typename Fn>
grpc::Status PlanServiceImpl::Read(grpc::ServerContext* context, const char* rpc, T* response,
                                   Fn fn) {
  absl::StatusOr<Actor> actor = guard_->Authenticate(context, Method(rpc));
  if (!actor.ok()) return ToGrpcStatus(actor.status());
  return Answer<T>(fn(*actor), response);
}

grpc::Status PlanServiceImpl::GetPlan(grpc::ServerContext* context,
                                      const v1::GetPlanRequest* /*request*/,
                                      v1::GetPlanResponse* response) {
  return Read(context, "GetPlan", response,
              [&](const Actor&) -> absl::StatusOr<v1::GetPlanResponse> { return app_->GetPlan(); });
}

grpc::Status PlanServiceImpl::GetSubtree(grpc::ServerContext* context,
                                         const v1::GetSubtreeRequest* request,
                                         v1::GetSubtreeResponse* response) {
  return Read(context, "GetSubtree", response,
              [&](const Actor&) { return app_->GetSubtree(*request); });
}

grpc::Status PlanServiceImpl::Validate(grpc::ServerContext* context,
                                       const v1::ValidateRequest* /*request*/,
                                       v1::ValidateResponse* response) {
  return Read(
      context, "Validate", response,
      [&](const Actor&) -> absl::StatusOr<v1::ValidateResponse> { return app_->Validate(); });
}

grpc::Status PlanServiceImpl::ExportTable(grpc::ServerContext* context,
                                          const v1::ExportTableRequest* request,
                                          v1::ExportTableResponse* response) {
  return Read(context, "ExportTable", response,
              [&](const Actor&) { return app_->ExportTable(*request); });
}

grpc::Status PlanServiceImpl::ImportTable(grpc::ServerContext* context,
                                          const v1::ImportTableRequest* request,
                                          v1::ImportTableResponse* response) {
  const std::string method = Method("ImportTable");
  absl::StatusOr<Actor> actor = guard_->Authenticate(context, method);
  if (!actor.ok()) return ToGrpcStatus(actor.status());
  Principal who{"anonymous", "ANONYMOUS"};
  if (!guard_->open_mode()) {
    absl::Status allowed =
        RequireRole(*actor, {v1::Role::ADMIN, v1::Role::KEPALA_DINAS}, "import a plan table");
    if (!allowed.ok()) return ToGrpcStatus(guard_->Check(context, method, &*actor, allowed));
    who = Principal{actor->name, v1::Role::Value_Name(actor->role)};
  }
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
