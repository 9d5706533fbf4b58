// The report builders of report_models.h: T-C.23, T-C.24, E.80 and the early warning.
#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "domain/code.h"
#include "domain/report_models.h"
#include "domain/strings.h"
#include "domain/year.h"
#include "domain/year_realization.h"

namespace renstra {
namespace {

struct Visit {
  const NodeState* node;
  int depth;
};

// The subtree of `root_code` (any accepted code form) in document order; the whole plan
// when `root_code` is empty and `allow_all`.
absl::StatusOr<std::vector<Visit>> Subtree(const PlanState& plan, std::string_view root_code,
                                           bool allow_all) {
  std::vector<const NodeState*> roots;
  if (root_code.empty() && allow_all) {
    for (const std::string& code : plan.roots()) roots.push_back(plan.FindNode(code));
  } else {
    const absl::StatusOr<Code> code = Code::Parse(root_code);
    const NodeState* root = code.ok() ? plan.FindNode(code->canonical()) : nullptr;
    if (root == nullptr) {
      return absl::NotFoundError(
          absl::StrCat("root_code: no node \"", AsAbsl(root_code), "\" in the plan"));
    }
    roots.push_back(root);
  }
  std::vector<Visit> out;
  std::vector<Visit> stack;
  for (auto it = roots.rbegin(); it != roots.rend(); ++it) stack.push_back({*it, 0});
  while (!stack.empty()) {
    const Visit v = stack.back();
    stack.pop_back();
    out.push_back(v);
    for (auto it = v.node->children.rbegin(); it != v.node->children.rend(); ++it) {
      if (const NodeState* c = plan.FindNode(*it)) stack.push_back({c, v.depth + 1});
    }
  }
  return out;
}

absl::StatusOr<std::vector<int>> Years(const std::optional<int>& year, const char* field) {
  if (!year.has_value()) return std::vector<int>(kAllTargetYears.begin(), kAllTargetYears.end());
  if (*year < kFirstTargetYear || *year > kFinalYear) {
    return absl::InvalidArgumentError(absl::StrCat(field, ": ", *year,
                                                   " is outside the plan's years ",
                                                   kFirstTargetYear, "\xE2\x80\x93", kFinalYear));
  }
  return std::vector<int>{*year};
}

NodeRef RefOf(const Visit& v) {
  return NodeRef{v.node->code,  v.node->code_written, v.node->name,
                 v.node->level, v.node->division,     v.depth};
}

std::string Below(std::string_view what, const Ratio& r, const Decimal& threshold) {
  return absl::StrCat(AsAbsl(what), " ", r.ToIndonesian(), " di bawah ", threshold.ToIndonesian());
}

// The node's triwulan Rupiah rolled up over its subtree (triwulan records only; a year
// record has no quarters); absent where nothing is recorded or the sum overflows.
std::array<Money, 4> RolledUpQuarters(const PlanState& plan, const RealizationBook& book,
                                      const NodeState& node, int year) {
  std::array<int64_t, 4> sum{};
  std::array<bool, 4> any{}, overflow{};
  std::vector<const NodeState*> stack = {&node};
  while (!stack.empty()) {
    const NodeState* n = stack.back();
    stack.pop_back();
    const YearSpending y = YearSpendingOf(book, n->code, year);
    for (int q = 0; q < 4; ++q) {
      if (!y.quarters[q].present()) continue;
      any[q] = true;
      if (const std::optional<int64_t> next = CheckedAdd(sum[q], y.quarters[q].rupiah())) {
        sum[q] = *next;
      } else {
        overflow[q] = true;
      }
    }
    for (const std::string& child : n->children) {
      if (const NodeState* c = plan.FindNode(child)) stack.push_back(c);
    }
  }
  std::array<Money, 4> out;
  for (int q = 0; q < 4; ++q) {
    if (any[q] && !overflow[q]) out[q] = Money::Rupiah(sum[q]);
  }
  return out;
}

}  // namespace

absl::StatusOr<std::vector<TriwulanLine>> BuildTriwulan(const PlanState& plan,
                                                        const RealizationBook& book,
                                                        std::string_view root_code, int year,
                                                        const ReportOptions& options) {
  RENSTRA_ASSIGN_OR_RETURN(std::vector<int> years, Years(year, "year"));
  RENSTRA_ASSIGN_OR_RETURN(std::vector<Visit> nodes, Subtree(plan, root_code, true));
  std::vector<TriwulanLine> out;
  for (const Visit& v : nodes) {
    for (const IndicatorState& ind : v.node->indicators) {
      // The year's cell of T-C.23 gives target, cumulative and ratio, so the two agree.
      const KinerjaCell cell = BuildIndicatorLine(*v.node, ind, book, years, options).years[0];
      const YearAchievement achieved = YearAchievementOf(book, ind, year);
      TriwulanLine line;
      line.node = RefOf(v);
      line.indicator_id = ind.id;
      line.statement = ind.statement;
      line.unit = ind.unit;
      line.indicator_kind = KindOf(ind);
      line.target = cell.target;
      line.target_text = cell.target_text;
      for (int q = 0; q < 4; ++q) {
        line.quarter_values[q] = achieved.quarters[q];
        if (achieved.quarters[q].kind() != TargetValue::Kind::kEmpty) {
          line.quarter_texts[q] = achieved.quarters[q].ToIndonesian();
        }
      }
      line.cumulative = cell.realization;
      line.cumulative_text = cell.realization_text;
      line.ratio = cell.ratio;
      line.ratio_text = cell.ratio_text;
      out.push_back(std::move(line));
    }
    const KeuanganCell cell = BuildKeuanganRow(plan, book, *v.node, v.depth, years).years[0];
    TriwulanLine line;
    line.kind = TriwulanLine::Kind::kKeuangan;
    line.node = RefOf(v);
    line.funding = cell.funding;
    line.target_text = cell.funding_text;
    line.quarter_spent = RolledUpQuarters(plan, book, *v.node, year);
    for (int q = 0; q < 4; ++q) {
      if (line.quarter_spent[q].present()) {
        line.quarter_texts[q] = line.quarter_spent[q].ToIndonesian();
      }
    }
    line.cumulative_spent = cell.spent;
    line.cumulative_text = cell.spent_text;
    line.ratio = cell.absorption;
    line.ratio_text = cell.absorption_text;
    out.push_back(std::move(line));
  }
  return out;
}

absl::StatusOr<std::vector<Tc23Row>> BuildTc23(const PlanState& plan, const RealizationBook& book,
                                               std::string_view root_code,
                                               const ReportOptions& options) {
  RENSTRA_ASSIGN_OR_RETURN(std::vector<int> years, Years(options.year, "year"));
  RENSTRA_ASSIGN_OR_RETURN(std::vector<Visit> nodes, Subtree(plan, root_code, false));
  std::vector<Tc23Row> rows;
  for (const Visit& v : nodes) {
    for (const IndicatorState& ind : v.node->indicators) {
      rows.push_back(Tc23Row{RefOf(v), BuildIndicatorLine(*v.node, ind, book, years, options)});
    }
  }
  return rows;
}

absl::StatusOr<std::vector<Tc24Row>> BuildTc24(const PlanState& plan, const RealizationBook& book,
                                               std::string_view root_code,
                                               const ReportOptions& options) {
  RENSTRA_ASSIGN_OR_RETURN(std::vector<int> years, Years(options.year, "year"));
  RENSTRA_ASSIGN_OR_RETURN(std::vector<Visit> nodes, Subtree(plan, root_code, false));
  std::vector<Tc24Row> rows;
  for (const Visit& v : nodes)
    rows.push_back(BuildKeuanganRow(plan, book, *v.node, v.depth, years));
  return rows;
}

absl::StatusOr<std::vector<E80Row>> BuildE80(const PlanState& plan, const RealizationBook& book,
                                             std::string_view root_code,
                                             const ReportOptions& options) {
  RENSTRA_ASSIGN_OR_RETURN(std::vector<int> years, Years(options.year, "year"));
  RENSTRA_ASSIGN_OR_RETURN(std::vector<Visit> nodes, Subtree(plan, root_code, false));
  std::vector<E80Row> rows;
  for (const Visit& v : nodes) {
    E80Row row;
    row.node = RefOf(v);
    for (const IndicatorState& ind : v.node->indicators) {
      row.kinerja.push_back(BuildIndicatorLine(*v.node, ind, book, years, options));
    }
    row.keuangan = BuildKeuanganRow(plan, book, *v.node, v.depth, years);
    row.keuangan_predikat = PredikatOf(options.predikat, row.keuangan.average_absorption);
    rows.push_back(std::move(row));
  }
  return rows;
}

absl::StatusOr<std::vector<WarningItem>> BuildEarlyWarning(const PlanState& plan,
                                                           const RealizationBook& book,
                                                           std::string_view root_code,
                                                           const WarningOptions& warning,
                                                           const ReportOptions& options) {
  RENSTRA_ASSIGN_OR_RETURN(std::vector<int> years, Years(warning.year, "year"));
  RENSTRA_ASSIGN_OR_RETURN(std::vector<Visit> nodes, Subtree(plan, root_code, true));
  std::vector<WarningItem> out;
  for (const Visit& v : nodes) {
    for (const IndicatorState& ind : v.node->indicators) {
      const IndicatorLine line = BuildIndicatorLine(*v.node, ind, book, years, options);
      const KinerjaCell& cell = line.years[0];
      WarningItem item{WarningItem::Kind::kKinerja,
                       RefOf(v),
                       ind.id,
                       ind.statement,
                       warning.year,
                       cell.ratio,
                       cell.ratio_text,
                       ""};
      if (cell.ratio.computable() && cell.ratio.value() < warning.kinerja_threshold) {
        item.message = Below("rasio capaian", cell.ratio, warning.kinerja_threshold);
      } else if (warning.include_unrecorded && cell.realization_id.empty() &&
                 !cell.target.IsBlank()) {
        item.message = "realisasi belum dicatat";
      } else {
        continue;
      }
      out.push_back(std::move(item));
    }
    const Tc24Row row = BuildKeuanganRow(plan, book, *v.node, v.depth, years);
    const KeuanganCell& cell = row.years[0];
    WarningItem item{WarningItem::Kind::kKeuangan, RefOf(v), "", "", warning.year, cell.absorption,
                     cell.absorption_text,         ""};
    if (cell.absorption.computable() && cell.absorption.value() < warning.keuangan_threshold) {
      item.message = Below("serapan anggaran", cell.absorption, warning.keuangan_threshold);
    } else if (warning.include_unrecorded && !cell.spent.present() && cell.funding.present() &&
               cell.funding.rupiah() > 0) {
      item.message = "realisasi anggaran belum dicatat";
    } else {
      continue;
    }
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace renstra
