#include "domain/plan_limits.h"

#include <cstdint>

#include "absl/strings/str_cat.h"
#include "domain/money.h"

namespace renstra {

absl::Status CheckPlanFundingTotal(const PlanState& plan) {
  // 128 bits: the cells come from the log, and a log written before the limits may hold
  // amounts whose sum overflows even 64 bits many times over.
  __int128 total = 0;
  for (const NodeState* node : plan.NodesInOrder()) {
    for (const auto& [year, amount] : node->funding) {
      if (amount.present()) total += amount.rupiah();
    }
  }
  if (total <= INT64_MAX) return absl::OkStatus();
  return absl::FailedPreconditionError(absl::StrCat("the plan's total funding would be more than ",
                                                    FormatRupiah(INT64_MAX),
                                                    " Rupiah, which no total can hold"));
}

}  // namespace renstra
