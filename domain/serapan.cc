#include "domain/serapan.h"

#include <cstdint>
#include <optional>

#include "domain/year_realization.h"

namespace renstra {

std::optional<Money> RolledUpSpent(const PlanState& plan, const RealizationBook& book,
                                   const NodeState& node, int year) {
  bool any = false;
  int64_t sum = 0;
  std::vector<const NodeState*> stack = {&node};
  while (!stack.empty()) {
    const NodeState* n = stack.back();
    stack.pop_back();
    // The year record, or the sum of the triwulan records (year_realization.h).
    if (const YearSpending y = YearSpendingOf(book, n->code, year); !y.realization_id.empty()) {
      if (y.overflow) return std::nullopt;
      any = true;
      const std::optional<int64_t> next = CheckedAdd(sum, y.spent.rupiah());
      if (!next) return std::nullopt;
      sum = *next;
    }
    for (const std::string& child : n->children) {
      if (const NodeState* c = plan.FindNode(child)) stack.push_back(c);
    }
  }
  return any ? Money::Rupiah(sum) : Money();
}

Ratio AbsorptionRatio(const Money& funding, const Money& spent) {
  if (!funding.present()) return Ratio::NotComputable("no funding (pagu)");
  if (funding.rupiah() == 0) return Ratio::NotComputable("funding (pagu) is 0");
  if (!spent.present()) return Ratio::NotComputable("no spending recorded");
  return Ratio::Percent(spent.rupiah(), funding.rupiah());
}

Absorption AbsorptionOf(const PlanState& plan, const RealizationBook& book, const NodeState& node,
                        int year) {
  Absorption out;
  if (auto it = node.funding.find(year); it != node.funding.end()) out.funding = it->second;
  const std::optional<Money> spent = RolledUpSpent(plan, book, node, year);
  if (!spent) {
    out.ratio = Ratio::NotComputable(
        "the spending recorded under this node adds up to more "
        "than an amount can hold");
    return out;
  }
  out.spent = *spent;
  out.ratio = AbsorptionRatio(out.funding, out.spent);
  return out;
}

}  // namespace renstra
