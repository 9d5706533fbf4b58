#include "services/plan_service.h"

#include <optional>
#include <string>
#include <utility>

#include "domain/actor.h"
#include "services/cascade_view.h"
#include "services/grpc_status.h"
#include "services/on_desk.h"
#include "services/seed_data.h"
#include "spdlog/spdlog.h"

namespace renstra {
namespace {

std::string Method(const char* rpc) {
  return FullMethodName(v1::PlanService::service_full_name(), rpc);
}

}  // namespace

grpc::Status PlanServiceImpl::GetPlan(grpc::ServerContext* context,
                                      const v1::GetPlanRequest* request,
                                      v1::GetPlanResponse* response) {
  if (reads_.bench_frozen_plan) {
    return guard_->Run(context, Method("GetPlan"), response,
                       [&](const Actor&) -> absl::StatusOr<v1::GetPlanResponse> {
                         absl::call_once(frozen_once_, [&] {
                           frozen_ = caches_.For(plans_->primary()->plan)->GetPlan();
                         });
                         return *frozen_;
                       });
  }
  return guard_->Run(context, Method("GetPlan"), response, [&](const Actor&) {
    return OnDesk(plans_, request->agency(), [&](PlanDesk& d) {
      // A copy of the cached answer is a copy of its serialized bytes.
      return reads_.cache ? *caches_.For(d.plan)->GetPlan() : d.plan->GetPlan();
    });
  });
}

grpc::Status PlanServiceImpl::GetSubtree(grpc::ServerContext* context,
                                         const v1::GetSubtreeRequest* request,
                                         v1::GetSubtreeResponse* response) {
  return guard_->Run(context, Method("GetSubtree"), response, [&](const Actor&) {
    return OnDesk(plans_, request->agency(),
                  [&](PlanDesk& d) -> absl::StatusOr<v1::GetSubtreeResponse> {
                    if (!reads_.cache) return d.plan->GetSubtree(*request);
                    absl::StatusOr<std::shared_ptr<const v1::GetSubtreeResponse>> kept =
                        caches_.For(d.plan)->GetSubtree(*request);
                    if (!kept.ok()) return kept.status();
                    return **kept;
                  });
  });
}

grpc::Status PlanServiceImpl::Validate(grpc::ServerContext* context,
                                       const v1::ValidateRequest* request,
                                       v1::ValidateResponse* response) {
  return guard_->Run(context, Method("Validate"), response, [&](const Actor&) {
    return OnDesk(plans_, request->agency(), [&](PlanDesk& d) { return d.plan->Validate(); });
  });
}

grpc::Status PlanServiceImpl::ExportTable(grpc::ServerContext* context,
                                          const v1::ExportTableRequest* request,
                                          v1::ExportTableResponse* response) {
  return guard_->Run(context, Method("ExportTable"), response, [&](const Actor&) {
    return OnDesk(plans_, request->agency(),
                  [&](PlanDesk& d) { return d.plan->ExportTable(*request); });
  });
}

grpc::Status PlanServiceImpl::ImportTable(grpc::ServerContext* context,
                                          const v1::ImportTableRequest* request,
                                          v1::ImportTableResponse* response) {
  return guard_->Run(
      context, Method("ImportTable"), response,
      [&](const Actor& actor) -> absl::StatusOr<v1::ImportTableResponse> {
        // The envelopes name the caller; in open mode, as before authentication existed.
        const Principal who = guard_->open_mode()
                                  ? Principal{"anonymous", "ANONYMOUS"}
                                  : Principal{actor.name, v1::Role::Value_Name(actor.role)};
        absl::StatusOr<v1::ImportTableResponse> result = OnOwnDesk(
            plans_, request->agency(), actor,
            [&](PlanDesk& d) -> absl::StatusOr<v1::ImportTableResponse> {
              // A copy: the import decides outside the directory's lock.
              const std::optional<AgencyInfo> agency =
                  agencies_->Read([&](const AgencyDirectory& directory) {
                    const AgencyInfo* found = directory.Find(d.agency);
                    return found == nullptr ? std::nullopt : std::optional<AgencyInfo>(*found);
                  });
              absl::StatusOr<v1::ImportTableResponse> imported =
                  d.plan->Import(*request, who, agency.has_value() ? &*agency : nullptr);
              if (!imported.ok() || !agency.has_value()) return imported;
              if (absl::Status s =
                      agencies_->RecordImportResponsibility(who, d.agency, *request, *imported);
                  !s.ok()) {
                return s;
              }
              return imported;
            });
        if (result.ok()) {
          spdlog::info(
              "import from \"{}\" into {} by {} ({}): {} programs, {} kegiatan, {} sub kegiatan, "
              "{} "
              "events, {} findings, plan version {}{}",
              request->source_name(),
              request->agency().empty() ? plans_->default_agency() : request->agency(), who.name,
              who.role, result->programs(), result->activities(), result->sub_activities(),
              result->events(), result->findings_size(), result->plan_version(),
              request->dry_run() ? " (dry run)" : "");
        } else {
          spdlog::warn("import from \"{}\" by {} refused: {}", request->source_name(), who.name,
                       result.status().ToString());
        }
        return result;
      });
}

grpc::Status PlanServiceImpl::ReadCascade(grpc::ServerContext* context,
                                          const v1::ReadCascadeRequest* request,
                                          v1::ReadCascadeResponse* response) {
  return guard_->Run(context, Method("ReadCascade"), response, [&](const Actor&) {
    return ReadCascadeView(*request, SeedDocument(), kSeedSourceName);
  });
}

}  // namespace renstra
