// PlanInForce: the plan legally in force (berlaku) on a date, as opposed to the plan as
// recorded at an instant (plan_replay.h). A revision takes effect on its effective
// date (RevisionRatified.effective_date), which may lie before or after the day it was
// ratified, and revisions need not take effect in the order they were ratified.
//
// The plan in force on D is the imported plan plus every ratified revision whose
// effective date is on or before D, applied in effective-date order; revisions with the
// same effective date apply in the order they were ratified. So where two revisions set
// the same value, the one that took effect last stands, whichever was recorded last.
// Opening a revision and locking the plan are not law: they are left out (the answer
// is never locked and has no open revision). Any other event outside a ratification
// (the import) is the base every date starts from.
//
// The plan is in force from 1 January of its baseline year to 31 December of its final
// year (the period the document names); a date outside it has no plan in force.
//
// Pure: no I/O. Thread safety: a free function over its arguments.
#ifndef RENSTRA_DOMAIN_PLAN_IN_FORCE_H_
#define RENSTRA_DOMAIN_PLAN_IN_FORCE_H_

#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "renstra/v1/events.pb.h"
#include "renstra/v1/plan.pb.h"

namespace renstra {

// The plan in force on `date` (YYYY-MM-DD), from the plan stream's envelopes in stream
// order, already brought to the current schema (PlanUpcaster). In the answer,
// `revisions` are the revisions in force in the order applied, `revision` counts them,
// and `version` / `last_sequence` are the latest plan version and sequence applied.
// Errors, each naming the field "in_force_date": INVALID_ARGUMENT for a malformed date;
// NOT_FOUND when no plan was imported or the date is outside the plan's period (naming
// it); FAILED_PRECONDITION when a revision's changes do not apply in effective-date
// order (naming it, and the later-ratified revision applied before it).
absl::StatusOr<v1::Plan> PlanInForce(const std::vector<v1::EventEnvelope>& stream,
                                     std::string_view date);

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_PLAN_IN_FORCE_H_
