// DiffEndpoints: the two plan versions an audit diff compares, resolved from what the
// request names — a plan version, or a ratified revision ("REV-<n>" or "<n>": the plan as
// that revision left it; REV-0 is the plan as imported) — against the current plan.
//
// A diff of the wrong range is worse than none: every endpoint that is not a plan some
// reader saw (0 as the start, a version before the import ended or inside a
// ratification, a version past the current one, an unknown or still-open revision) is
// refused with a message that lists the plan's versions and revisions.
//
// Pure. Thread safety: free functions over their arguments.
#ifndef RENSTRA_DOMAIN_DIFF_ENDPOINTS_H_
#define RENSTRA_DOMAIN_DIFF_ENDPOINTS_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "domain/plan_state.h"

namespace renstra {

struct DiffEndpoints {
  int64_t from = 0;
  int64_t to = 0;
};

// What the request names; a version of 0 is "not given" (for `to`: the current plan).
struct DiffRequestEnds {
  int64_t from_version = 0;
  std::string_view from_revision;
  int64_t to_version = 0;
  std::string_view to_revision;
};

// The versions to compare, from <= to. Errors name the request field
// (from_version, from_revision, to_version, to_revision):
// INVALID_ARGUMENT for no start, both a version and a revision, a malformed revision,
// a version that is not a command boundary of the plan, or a start after the end;
// NOT_FOUND for no plan or an unknown revision; FAILED_PRECONDITION for the open
// (not yet ratified) revision. Every message ends with PlanVersionsHint(plan).
absl::StatusOr<DiffEndpoints> ResolveDiffEndpoints(const PlanState& plan,
                                                   const DiffRequestEnds& ends);

// The plan version at which the import was complete (REV-0); 0 when no plan.
int64_t ImportedVersion(const PlanState& plan);

// "the plan's versions run from 1324 (as imported) to 1330 (current); its revisions are
// REV-0 (as imported, version 1324), REV-1 (version 1327)".
std::string PlanVersionsHint(const PlanState& plan);

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_DIFF_ENDPOINTS_H_
