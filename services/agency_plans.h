// AgencyPlans: the Renstra of every agency one server holds, each with the application
// services bound to it (a PlanDesk: its PlanApp with its own Projector and
// CommandRunner, its WorkflowApp, RealizationApp and AuditApp). Every plan, proposal,
// realization and audit request names its agency (the requests' `agency` field); the
// services ask Desk() for it.
//
// Streams. Agency CODE's plan is "plan/<code>" (the code in lower case), its
// realizations "realization/<code>", its proposals "proposal/<code>/<id>" — except the
// default agency's proposals, which keep the names the one-agency server gave them,
// "proposal/<id>", so a log written before agencies reads unchanged (its plan
// "plan/dinsos-dumai" is the plan of agency DINSOS-DUMAI). Proposal and realization ids
// are per agency (each agency's first proposal is USL-0001).
//
// Which agency. An empty `agency` is the default agency (renstrad: its seed agency):
// every client written before agencies keeps working. A named agency must be in the
// AgencyDirectory (NOT_FOUND "agency: no agency X" otherwise); the default agency is
// served even when the directory does not hold it (a server started --empty imports
// its plan before anyone creates the agency). A retired agency's plan stays readable.
//
// Desks are made on first use: an agency's projections are rebuilt then by one pass
// over the log (the default agency's come from the snapshot at start). Each desk has
// its own command locks, so one agency's commands never wait for another's. Users,
// agencies and the Merkle tree are the server's, not any desk's.
//
// Ownership: borrows the store, the Merkle log, the default PlanApp and the AgencyApp
// (all must outlive it); owns the other agencies' PlanApps and every desk.
// Thread safety: thread-safe; a desk, once made, lives as long as the AgencyPlans.
#ifndef RENSTRA_SERVICES_AGENCY_PLANS_H_
#define RENSTRA_SERVICES_AGENCY_PLANS_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "services/agency_app.h"
#include "services/audit_app.h"
#include "services/merkle_log.h"
#include "services/plan_app.h"
#include "services/realization_app.h"
#include "services/workflow_app.h"
#include "storage/event_store.h"

namespace renstra {

// One agency's plan and the application services bound to it.
struct PlanDesk {
  PlanDesk(std::string agency_code, PlanApp* plan_app, EventStore* store, MerkleLog* merkle)
      : agency(std::move(agency_code)),
        plan(plan_app),
        workflow(plan_app->runner()),
        realization(plan_app->runner()),
        audit(store, plan_app->projector(), merkle) {}

  const std::string agency;
  PlanApp* const plan;
  WorkflowApp workflow;
  RealizationApp realization;
  AuditApp audit;
};

class AgencyPlans {
 public:
  // `primary`: the default agency's plan (its plan id "plan/<code>" names the default
  // agency, e.g. "plan/dinsos-dumai" → DINSOS-DUMAI).
  AgencyPlans(EventStore* store, MerkleLog* merkle, PlanApp* primary, const AgencyApp* agencies);

  // The desk of `agency` (a code; empty: the default agency), made on first use.
  // INVALID_ARGUMENT when `agency` is not of a code's form (CheckOrgCode); NOT_FOUND naming
  // the code when the directory has no such agency; the replay's
  // errors (DATA_LOSS ...) when its projections cannot be built.
  absl::StatusOr<PlanDesk*> Desk(std::string_view agency);
  PlanDesk* primary() { return &primary_; }
  const std::string& default_agency() const { return primary_.agency; }

  // "plan/dinsos-dumai" for "DINSOS-DUMAI", and back.
  static std::string PlanIdOf(std::string_view agency_code);
  static std::string AgencyOfPlan(std::string_view plan_id);

 private:
  struct Owned {
    std::unique_ptr<PlanApp> plan;
    std::unique_ptr<PlanDesk> desk;
  };

  EventStore* const store_;
  MerkleLog* const merkle_;
  const AgencyApp* const agencies_;
  PlanDesk primary_;
  absl::Mutex mu_;
  std::map<std::string, Owned, std::less<>> others_ ABSL_GUARDED_BY(mu_);
};

}  // namespace renstra

#endif  // RENSTRA_SERVICES_AGENCY_PLANS_H_
