// Serapan anggaran (budget absorption): spent ÷ funding × 100 per node and year.
//
// Rollup (kegiatan, program): spent = the node's own spending for the year (its current
// year record, or the sum of its current triwulan records, year_realization.h) plus the
// rolled-up spent of each child, i.e. every current record in the subtree. It is divided
// by the node's own funding (pagu) as the plan states it for that year — the figure
// T-C.24 prints on the node's row and PlanState::ToProto reports as `funding`. The sum of
// the children's pagu (ToProto's `children_funding`) is not used: where the two differ
// the import reported it (PARENT_CHILDREN_FUNDING), and the table row shows the stated
// pagu. Divisions normally record at sub kegiatan level; an amount recorded on a parent
// is money not attributed to any child and is added once.
//
// Not computable (with the reason): no pagu for the year (no cell or "-"), a pagu of 0,
// or no spending recorded anywhere in the subtree.
//
// Pure functions; thread-safe with respect to const inputs.
#ifndef RENSTRA_DOMAIN_SERAPAN_H_
#define RENSTRA_DOMAIN_SERAPAN_H_

#include <optional>

#include "domain/money.h"
#include "domain/plan_state.h"
#include "domain/realization_book.h"
#include "domain/realization_ratio.h"

namespace renstra {

struct Absorption {
  Money funding;  // the node's pagu for the year as stated; absent if none
  Money spent;    // rolled-up spent; absent when nothing was recorded in the subtree
  Ratio ratio;    // spent ÷ funding × 100
};

// The rolled-up spent of `node` in `year`; absent when no current record exists in the
// subtree; std::nullopt when the records add up to more than an int64 (each record is at
// most kMaxRupiah, value_limits.h, so only ~92,000 records in one subtree and year, or a
// log written before the limits, can): AbsorptionOf then reports the ratio as not
// computable, saying why, rather than a figure computed from a wrong sum.
std::optional<Money> RolledUpSpent(const PlanState& plan, const RealizationBook& book,
                                   const NodeState& node, int year);

// Funding, rolled-up spent and absorption of `node` in `year`.
Absorption AbsorptionOf(const PlanState& plan, const RealizationBook& book, const NodeState& node,
                        int year);

// spent ÷ funding × 100, or not computable with the reason.
Ratio AbsorptionRatio(const Money& funding, const Money& spent);

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_SERAPAN_H_
