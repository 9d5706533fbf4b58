#include "domain/agency_year.h"

#include <vector>

#include "base/status_macros.h"
#include "domain/predikat.h"
#include "domain/serapan.h"
#include "domain/year.h"

namespace renstra {
namespace {

// a + b into *sum; false when the sum passes int64 (the figures are then not shown).
bool AddRupiah(const Money& amount, Money* sum) {
  if (!amount.present()) return true;
  int64_t total = 0;
  if (__builtin_add_overflow(sum->rupiah(), amount.rupiah(), &total)) return false;
  *sum = Money::Rupiah(total);
  return true;
}

bool InForce(const NodeState& node, int year) {
  return node.retired_from == 0 || year < node.retired_from;
}

}  // namespace

absl::StatusOr<AgencyYear> SummarizeAgencyYear(const PlanState& plan, const RealizationBook& book,
                                               int year, const ReportOptions& options) {
  RENSTRA_RETURN_IF_ERROR(CheckTargetYear(year));
  AgencyYear out;
  out.year = year;
  bool overflow = false;
  for (const std::string& code : plan.roots()) {
    const NodeState* program = plan.FindNode(code);
    if (program == nullptr || program->level != v1::PROGRAM || !InForce(*program, year)) continue;
    const Absorption a = AbsorptionOf(plan, book, *program, year);
    overflow = overflow || !AddRupiah(a.funding, &out.funding) || !AddRupiah(a.spent, &out.spent);
  }
  if (overflow) {
    out.funding = Money();
    out.spent = Money();
    out.absorption = Ratio::NotComputable("the sums pass what a Rupiah amount can hold");
  } else if (!out.funding.present()) {
    out.absorption = Ratio::NotComputable("no program states a pagu for the year");
  } else {
    out.absorption = AbsorptionRatio(out.funding, out.spent);
  }
  out.absorption_predikat = PredikatOf(options.predikat, out.absorption);

  std::vector<Ratio> judged;
  for (const NodeState* node : plan.NodesInOrder()) {
    if (!InForce(*node, year)) continue;
    for (const IndicatorState& indicator : node->indicators) {
      const IndicatorLine line = BuildIndicatorLine(*node, indicator, book, {year}, options);
      const KinerjaCell& cell = line.years.front();
      if (cell.target.kind() == TargetValue::Kind::kEmpty) continue;
      ++out.indicators;
      if (cell.ratio.computable()) judged.push_back(cell.ratio);
    }
  }
  out.indicators_judged = static_cast<int>(judged.size());
  out.capaian = judged.empty()
                    ? Ratio::NotComputable("no indicator has a rasio capaian for the year")
                    : AverageOf(judged);
  out.capaian_predikat = PredikatOf(options.predikat, out.capaian);
  return out;
}

}  // namespace renstra
