// PlanApp: the application layer of the plan's own commands and queries (import,
// plan, subtree, validation, export). It decides with the domain, appends the events
// to the EventStore, and lets the Projector apply them, as a replay would.
//
// Ownership: borrows the EventStore (must outlive the PlanApp); owns the Projector and
// the CommandRunner that the other application services share through projector() and
// runner(). An import runs through the runner under its kPlan lock.
// Thread safety: all methods are safe to call concurrently.
// Errors: as PlanService documents (INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION,
// ABORTED, DATA_LOSS, UNAVAILABLE), as absl::Status; services/ maps them to gRPC.
#ifndef RENSTRA_SERVICES_PLAN_APP_H_
#define RENSTRA_SERVICES_PLAN_APP_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "domain/agency_directory.h"
#include "renstra/v1/plan_service.pb.h"
#include "services/command_runner.h"
#include "services/projector.h"
#include "storage/event_store.h"

namespace renstra {

class PlanApp {
 public:
  // The default plan stream of this deployment.
  static constexpr std::string_view kDefaultPlanId = "plan/dinsos-dumai";

  // `plan_id`: the plan stream ("plan/<agency code in lower case>"); `proposal_scope`:
  // where its proposals are (Projector).
  PlanApp(EventStore* store, std::string plan_id, std::string proposal_scope = "");

  // Rebuilds the projections by replaying the log from its first event.
  absl::Status Recover();

  // Imports `seed_text` (the seed document) if the plan has no events yet; a no-op
  // otherwise. Returns true when it imported.
  absl::StatusOr<bool> ImportSeedIfEmpty(std::string_view seed_text, std::string_view source_name);

  // `agency`: the agency whose plan this is (from the AgencyDirectory): the plan is
  // established with its name and column 19 is placed on its units (unit_kerja.h); null:
  // the default agency's name and no units (every Unit Kerja text is then unplaced).
  // The answer lists the placements; recording them is AgencyApp's
  // (RecordImportResponsibility).
  absl::StatusOr<v1::ImportTableResponse> Import(const v1::ImportTableRequest& request,
                                                 const Principal& who,
                                                 const AgencyInfo* agency = nullptr);
  v1::GetPlanResponse GetPlan() const;
  absl::StatusOr<v1::GetSubtreeResponse> GetSubtree(const v1::GetSubtreeRequest& request) const;
  v1::ValidateResponse Validate() const;
  absl::StatusOr<v1::ExportTableResponse> ExportTable(const v1::ExportTableRequest& request) const;

  // Plan version (stream version) of the projection.
  int64_t version() const;

  Projector* projector() { return &projector_; }
  CommandRunner* runner() { return &runner_; }

 private:
  Projector projector_;
  CommandRunner runner_;
};

}  // namespace renstra

#endif  // RENSTRA_SERVICES_PLAN_APP_H_
