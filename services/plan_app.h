// PlanApp: the application layer for one plan stream. It turns requests into domain
// decisions, appends the resulting events to the EventStore, and keeps the plan
// projection current by applying every appended event (Evolve).
//
// Ownership: borrows the EventStore (must outlive the PlanApp).
// Thread safety: all methods are safe to call concurrently; reads see a consistent
// plan version (reader/writer lock); commands are serialized per plan.
// Errors: as PlanService documents (INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION,
// ABORTED, DATA_LOSS, UNAVAILABLE), as absl::Status; services/ maps them to gRPC.
#ifndef RENSTRA_SERVICES_PLAN_APP_H_
#define RENSTRA_SERVICES_PLAN_APP_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "domain/plan_state.h"
#include "renstra/v1/plan_service.pb.h"
#include "storage/event_store.h"

namespace renstra {

// Who is calling (authentication arrives with the workflow issue; until then the
// server records "anonymous" for RPC callers and "renstrad" for its own seed import).
struct Principal {
  std::string name;
  std::string role;
};

class PlanApp {
 public:
  // The default plan stream of this deployment.
  static constexpr std::string_view kDefaultPlanId = "plan/dinsos-dumai";

  PlanApp(EventStore* store, std::string plan_id);

  // Rebuilds the projection by replaying the plan stream from its first event.
  absl::Status Recover();

  // Imports `seed_text` (the seed document) if the plan has no events yet; a no-op
  // otherwise. Returns true when it imported.
  absl::StatusOr<bool> ImportSeedIfEmpty(std::string_view seed_text, std::string_view source_name);

  absl::StatusOr<v1::ImportTableResponse> Import(const v1::ImportTableRequest& request,
                                                 const Principal& who);
  v1::GetPlanResponse GetPlan() const;
  absl::StatusOr<v1::GetSubtreeResponse> GetSubtree(const v1::GetSubtreeRequest& request) const;
  v1::ValidateResponse Validate() const;
  absl::StatusOr<v1::ExportTableResponse> ExportTable(const v1::ExportTableRequest& request) const;

  // Plan version (stream version) of the projection.
  int64_t version() const;

 private:
  // Appends the decided events and applies them (read back from the store) to state_.
  absl::StatusOr<AppendResult> AppendAndApply(const std::vector<v1::PlanEvent>& events,
                                              const Principal& who, const std::string& reason,
                                              const std::string& request_id)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(command_mu_);

  EventStore* const store_;
  const std::string plan_id_;
  absl::Mutex command_mu_;  // serializes decide+append per plan; taken before mu_
  mutable absl::Mutex mu_;
  PlanState state_ ABSL_GUARDED_BY(mu_);
  // Request ids already in the plan's log, with the result of their append, so a
  // retried command returns its original result (rebuilt on Recover()).
  absl::flat_hash_map<std::string, AppendResult> applied_requests_ ABSL_GUARDED_BY(mu_);
};

}  // namespace renstra

#endif  // RENSTRA_SERVICES_PLAN_APP_H_
