// The per-indicator and per-node lines shared by the report builders (report_models.h).
#include "absl/strings/str_cat.h"
#include "domain/report_models.h"
#include "domain/serapan.h"
#include "domain/year_realization.h"

namespace renstra {
namespace {

KinerjaCell BuildKinerjaCell(const NodeState& node, const IndicatorState& ind,
                             const RealizationBook& book, int year, Polarity polarity,
                             LowerIsBetterFormula formula) {
  KinerjaCell cell;
  cell.year = year;
  const bool retired = node.retired_from != 0 && year >= node.retired_from;
  const bool in_force = year >= ind.from_year && year <= ind.to_year;
  if (in_force && !retired) {
    if (auto it = ind.targets.find(year); it != ind.targets.end()) cell.target = it->second;
  }
  cell.target_text = cell.target.Display();
  // The year record, or the year derived from its triwulan records (year_realization.h).
  if (const YearAchievement a = YearAchievementOf(book, ind, year); !a.realization_id.empty()) {
    cell.realization = a.value;
    cell.realization_text = cell.realization.ToIndonesian();
    cell.realization_id = a.realization_id;
  }
  if (retired) {
    cell.ratio = Ratio::NotComputable(absl::StrCat("node retired from ", node.retired_from));
  } else if (!in_force) {
    cell.ratio = Ratio::NotComputable(absl::StrCat("indicator not in force in ", year));
  } else {
    cell.ratio = AchievementRatio(cell.target, cell.realization, polarity, formula);
  }
  cell.ratio_text = cell.ratio.ToIndonesian();
  return cell;
}

// Mean of the present amounts, half-up to whole Rupiah; absent when none is present.
Money AverageMoney(const std::vector<Money>& amounts) {
  __int128 sum = 0;
  int64_t count = 0;
  for (const Money& m : amounts) {
    if (!m.present()) continue;
    sum += m.rupiah();
    ++count;
  }
  if (count == 0) return Money();
  const __int128 rounded = (2 * sum + count) / (2 * count);
  return Money::Rupiah(static_cast<int64_t>(rounded));
}

}  // namespace

IndicatorLine BuildIndicatorLine(const NodeState& node, const IndicatorState& indicator,
                                 const RealizationBook& book, const std::vector<int>& years,
                                 const ReportOptions& options) {
  IndicatorLine line;
  line.indicator_id = indicator.id;
  line.statement = indicator.statement;
  line.unit = indicator.unit;
  line.polarity = PolarityOf(options.polarity, indicator.id, indicator.statement);
  std::vector<Ratio> ratios;
  for (int year : years) {
    line.years.push_back(BuildKinerjaCell(node, indicator, book, year, line.polarity,
                                          options.polarity.lower_formula));
    ratios.push_back(line.years.back().ratio);
  }
  line.average = AverageOf(ratios);
  line.average_text = line.average.ToIndonesian();
  line.predikat = PredikatOf(options.predikat, line.average);
  return line;
}

Tc24Row BuildKeuanganRow(const PlanState& plan, const RealizationBook& book, const NodeState& node,
                         int depth, const std::vector<int>& years) {
  Tc24Row row;
  row.node = NodeRef{node.code, node.code_written, node.name, node.level, node.division, depth};
  std::vector<Money> funding, spent;
  std::vector<Ratio> ratios;
  for (int year : years) {
    const Absorption a = AbsorptionOf(plan, book, node, year);
    KeuanganCell cell;
    cell.year = year;
    cell.funding = a.funding;
    cell.funding_text = a.funding.ToIndonesian();
    cell.spent = a.spent;
    cell.spent_text = a.spent.present() ? a.spent.ToIndonesian() : "";
    cell.absorption = a.ratio;
    cell.absorption_text = a.ratio.ToIndonesian();
    funding.push_back(a.funding);
    spent.push_back(a.spent);
    ratios.push_back(a.ratio);
    row.years.push_back(std::move(cell));
  }
  row.average_funding = AverageMoney(funding);
  row.average_funding_text = row.average_funding.ToIndonesian();
  row.average_spent = AverageMoney(spent);
  row.average_spent_text = row.average_spent.present() ? row.average_spent.ToIndonesian() : "";
  row.average_absorption = AverageOf(ratios);
  row.average_absorption_text = row.average_absorption.ToIndonesian();
  return row;
}

}  // namespace renstra
