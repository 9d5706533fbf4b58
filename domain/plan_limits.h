// Plan limits: the whole-plan bound that keeps every sum of funding in range. Each
// funding cell is at most kMaxRupiah (value_limits.h); this bounds their total, so that
// a node's total over the years, a parent's roll-up of its children and the tables'
// JUMLAH row — all partial sums of the cells — always fit an int64 and are never
// skipped or saturated.
//
// Pure function; thread-safe.
#ifndef RENSTRA_DOMAIN_PLAN_LIMITS_H_
#define RENSTRA_DOMAIN_PLAN_LIMITS_H_

#include "absl/status/status.h"
#include "domain/plan_state.h"

namespace renstra {

// OK when the sum of every present funding cell of `plan` fits an int64;
// FAILED_PRECONDITION naming the total otherwise ("the plan's total funding would be
// more than 9.223.372.036.854.775.807 Rupiah, which no total can hold").
absl::Status CheckPlanFundingTotal(const PlanState& plan);

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_PLAN_LIMITS_H_
