// Change rules: how one proposed change (SetTarget, SetFunding, ReplaceIndicator,
// AddSubActivity, RetireSubActivity) is checked against a plan, what value it replaces
// ("before"), whether that value still holds, and which plan events apply it.
//
// Errors name the field by its path in the request, e.g. "changes[2].set_target.year":
// INVALID_ARGUMENT for malformed or unknown references (unknown indicator, year outside
// 2022–2026 or outside the indicator's span, a unit that does not match, a negative
// amount); FAILED_PRECONDITION for a change that the plan's state forbids (a retired
// node, a code that already exists); PERMISSION_DENIED when the node belongs to another
// division than the actor's.
//
// Pure functions; thread-safe.
#ifndef RENSTRA_DOMAIN_CHANGE_RULES_H_
#define RENSTRA_DOMAIN_CHANGE_RULES_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "domain/actor.h"
#include "domain/plan_state.h"
#include "renstra/v1/events.pb.h"
#include "renstra/v1/workflow.pb.h"

namespace renstra {

// Checks `change` (the `index`-th of a proposal) against `plan` for `actor` and
// returns it with its "before" fields filled from the plan.
absl::StatusOr<v1::Change> ResolveChange(const PlanState& plan, const Actor& actor,
                                         const v1::Change& change, int index);

// "" when the change's "before" still matches `plan`; otherwise a description of the
// conflicting value, e.g. "1.06.04.2.01.0001#1 target 2025: based on \"10 Orang\", the
// plan now has \"12 Orang\"".
std::string DescribeConflict(const PlanState& plan, const v1::Change& change);

// The plan events that apply `change` to `plan` (which must not conflict).
std::vector<v1::PlanEvent> ChangeEvents(const PlanState& plan, const v1::Change& change);

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_CHANGE_RULES_H_
