#include "domain/validator.h"

#include <map>
#include <optional>

#include "absl/strings/str_cat.h"
#include "domain/indicator_kind.h"
#include "domain/strings.h"
#include "domain/year.h"

namespace renstra {
namespace {

v1::Finding MakeFinding(v1::Finding::Kind kind, const NodeState& node, int year, std::string stated,
                        std::string computed, std::string message) {
  v1::Finding f;
  f.set_kind(kind);
  f.set_code(node.code);
  f.set_year(year);
  f.set_stated(std::move(stated));
  f.set_computed(std::move(computed));
  f.set_message(std::move(message));
  return f;
}

int64_t Add(int64_t a, int64_t b) { return SaturatingAdd(a, b); }

void CheckRowFunding(const NodeState& node, std::vector<v1::Finding>* out) {
  int64_t node_total = 0;
  for (const auto& [year, m] : node.funding) node_total = Add(node_total, m.rupiah());
  for (const IndicatorState& ind : node.indicators) {
    if (!ind.end_funding.present()) continue;
    int64_t sum = 0;
    for (const auto& [year, m] : node.funding) {
      if (year >= ind.from_year && year <= ind.to_year) sum = Add(sum, m.rupiah());
    }
    const int64_t stated = ind.end_funding.rupiah();
    if (stated == sum) continue;
    if (node.indicators.size() > 1 && stated == node_total) continue;
    out->push_back(MakeFinding(
        v1::Finding::ROW_FUNDING_TOTAL, node, 0, FormatRupiah(stated), FormatRupiah(sum),
        absl::StrCat(node.code_written, " (", ind.id, "): the Rp of ", ind.from_year, "-",
                     ind.to_year, " add up to ", FormatRupiah(sum),
                     ", the end-of-period Rp states ", FormatRupiah(stated))));
  }
}

void CheckChildren(const PlanState& plan, const NodeState& node, std::vector<v1::Finding>* out) {
  if (node.children.empty()) return;
  std::map<int, int64_t> sums;
  std::map<int, bool> stated_by_child;
  for (const std::string& code : node.children) {
    const NodeState* child = plan.FindNode(code);
    for (const auto& [year, m] : child->funding) {
      if (!m.present()) continue;
      sums[year] = Add(sums[year], m.rupiah());
      stated_by_child[year] = true;
    }
  }
  for (int year : kAllTargetYears) {
    auto own = node.funding.find(year);
    const bool parent_states = own != node.funding.end() && own->second.present();
    if (!parent_states && !stated_by_child[year]) continue;
    const int64_t parent = parent_states ? own->second.rupiah() : 0;
    if (parent == sums[year]) continue;
    out->push_back(
        MakeFinding(v1::Finding::PARENT_CHILDREN_FUNDING, node, year, FormatRupiah(parent),
                    FormatRupiah(sums[year]),
                    absl::StrCat(node.code_written, " ", year, ": Rp ", FormatRupiah(parent),
                                 ", its children add up to ", FormatRupiah(sums[year]))));
  }
}

bool IsCount(const TargetValue& v) {
  return v.kind() == TargetValue::Kind::kNumber && v.NormalizedUnit() != "%";
}

// A stock or a rate ends the period at its last year's target.
void CheckLastYear(const NodeState& node, const IndicatorState& ind, v1::IndicatorKind kind,
                   std::vector<v1::Finding>* out) {
  if (ind.end_target.IsBlank()) return;
  const std::optional<TargetValue> last =
      ExpectedEndTarget(kind, ind.targets, ind.from_year, ind.to_year, ind.end_target);
  if (!last.has_value() || *last == ind.end_target) return;
  out->push_back(
      MakeFinding(v1::Finding::TARGET_TOTAL, node, 0, ind.end_target.Display(), last->Display(),
                  absl::StrCat(node.code_written, " (", ind.id, ", a ", AsAbsl(KindName(kind)),
                               "): the last year's target is ", last->Display(),
                               ", the end-of-period target states ", ind.end_target.Display())));
}

// Neither the statement, the unit nor the figures tell the kind: the end-of-period target
// is reported only when it is neither the sum nor the last year's target.
void CheckUndetermined(const NodeState& node, const IndicatorState& ind,
                       std::vector<v1::Finding>* out) {
  if (ind.end_target.IsBlank()) return;
  const std::optional<TargetValue> sum = ExpectedEndTarget(
      v1::INDICATOR_KIND_CUMULATIVE, ind.targets, ind.from_year, ind.to_year, ind.end_target);
  const std::optional<TargetValue> last = ExpectedEndTarget(
      v1::INDICATOR_KIND_STOCK, ind.targets, ind.from_year, ind.to_year, ind.end_target);
  if (!sum.has_value() && !last.has_value()) return;
  if ((sum.has_value() && *sum == ind.end_target) ||
      (last.has_value() && *last == ind.end_target)) {
    return;  // either kind agrees with the figures
  }
  const std::string computed = sum.has_value() ? sum->ToIndonesian() : last->Display();
  out->push_back(MakeFinding(v1::Finding::TARGET_TOTAL, node, 0, ind.end_target.Display(), computed,
                             absl::StrCat(node.code_written, " (", ind.id,
                                          ", kind undetermined): the end-of-period "
                                          "target states ",
                                          ind.end_target.Display(),
                                          ", neither the sum of the "
                                          "yearly targets (",
                                          sum ? sum->ToIndonesian() : std::string("none"),
                                          ") nor the last year's target (",
                                          last ? last->Display() : std::string("none"), ")")));
}

void CheckTargets(const NodeState& node, std::vector<v1::Finding>* out) {
  for (const IndicatorState& ind : node.indicators) {
    const std::string unit = TargetValue::Number(Decimal(), ind.unit).NormalizedUnit();
    auto check_unit = [&](const TargetValue& v, int year, const std::string& what) {
      if (v.IsBlank() || ind.unit.empty()) return;
      const std::string got =
          v.kind() == TargetValue::Kind::kPercent ? std::string("%") : v.NormalizedUnit();
      if (got.empty() || got == unit) return;
      out->push_back(
          MakeFinding(v1::Finding::UNIT_MISMATCH, node, year, v.Display(), ind.unit,
                      absl::StrCat(node.code_written, " (", ind.id, "): ", what, " \"", v.Display(),
                                   "\" is not in the indicator's unit \"", ind.unit, "\"")));
    };
    check_unit(ind.baseline, kBaselineYear, "baseline");
    for (const auto& [year, v] : ind.targets) check_unit(v, year, absl::StrCat("target ", year));
    check_unit(ind.end_target, 0, "end-of-period target");

    // The kind decides the check: recorded by the import, else read as the import reads
    // it (plans imported before kinds were recorded).
    v1::IndicatorKind kind = ind.kind;
    if (kind == v1::INDICATOR_KIND_UNSPECIFIED)
      kind = InferIndicatorKind(ind.statement, ind.unit).kind;
    if (kind == v1::INDICATOR_KIND_UNSPECIFIED) {
      kind = KindFromFigures(ind.targets, ind.from_year, ind.to_year, ind.end_target).kind;
    }
    if (kind == v1::INDICATOR_KIND_STOCK || kind == v1::INDICATOR_KIND_RATE) {
      CheckLastYear(node, ind, kind, out);
      continue;
    }
    if (kind == v1::INDICATOR_KIND_UNSPECIFIED) {
      CheckUndetermined(node, ind, out);
      continue;
    }
    if (!IsCount(ind.end_target)) continue;
    std::optional<Decimal> sum = Decimal();
    bool any = false;
    bool same_unit = true;
    for (const auto& [year, v] : ind.targets) {
      if (year < ind.from_year || year > ind.to_year || !IsCount(v)) continue;
      same_unit = same_unit && v.NormalizedUnit() == ind.end_target.NormalizedUnit();
      if (sum) sum = Decimal::CheckedAdd(*sum, v.low());
      any = true;
    }
    if (!any || !same_unit) continue;
    if (!sum) {
      out->push_back(MakeFinding(
          v1::Finding::TARGET_TOTAL, node, 0, ind.end_target.Display(), "",
          absl::StrCat(node.code_written, " (", ind.id,
                       "): yearly targets are too large to add up; the end-of-period target "
                       "states ",
                       ind.end_target.Display())));
      continue;
    }
    if (*sum == ind.end_target.low()) continue;
    const std::string computed = TargetValue::Number(*sum, ind.end_target.unit()).ToIndonesian();
    out->push_back(MakeFinding(
        v1::Finding::TARGET_TOTAL, node, 0, ind.end_target.Display(), computed,
        absl::StrCat(node.code_written, " (", ind.id, "): yearly targets add up to ", computed,
                     ", the end-of-period target states ", ind.end_target.Display())));
  }
}

}  // namespace

std::vector<v1::Finding> ValidatePlan(const PlanState& plan) {
  std::vector<v1::Finding> out;
  for (const NodeState* node : plan.NodesInOrder()) {
    if (!node->parent_code.empty() && plan.FindNode(node->parent_code) == nullptr) {
      out.push_back(MakeFinding(
          v1::Finding::MISSING_PARENT, *node, 0, node->parent_code, "",
          absl::StrCat(node->code_written, ": parent ", node->parent_code, " is not in the plan")));
    }
    CheckRowFunding(*node, &out);
    CheckChildren(plan, *node, &out);
    CheckTargets(*node, &out);
  }
  return out;
}

}  // namespace renstra
