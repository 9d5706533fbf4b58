#include "domain/consequences.h"

#include <map>
#include <optional>

#include "absl/strings/str_cat.h"
#include "domain/change_rules.h"
#include "domain/code.h"
#include "domain/indicator_kind.h"
#include "domain/money.h"
#include "domain/target_value.h"

namespace renstra {
namespace {

// A missing or "-" amount counts 0, as the validator counts it.
int64_t Amount(const NodeState& node, int year) {
  auto it = node.funding.find(year);
  return it != node.funding.end() && it->second.present() ? it->second.rupiah() : 0;
}

std::string CanonicalOf(const std::string& code) {
  const absl::StatusOr<Code> parsed = Code::Parse(code);
  return parsed.ok() ? parsed->canonical() : code;
}

bool SetsFundingExplicitly(const std::vector<v1::Change>& siblings, const std::string& code,
                           int year) {
  for (const v1::Change& c : siblings) {
    if (c.has_set_funding() && c.set_funding().year() == year &&
        CanonicalOf(c.set_funding().node_code()) == code) {
      return true;
    }
  }
  return false;
}

// The end-of-period Rp of `node`'s rows in force in `year` shift by `delta`, where the row
// agreed with its years (or, on a node with several rows, with the node's whole period).
void ShiftEndFunding(const NodeState& node, int year, int64_t delta, DerivedChanges* out) {
  int64_t node_total = 0;
  for (const auto& [y, m] : node.funding) node_total = SaturatingAdd(node_total, Amount(node, y));
  for (const IndicatorState& ind : node.indicators) {
    if (!ind.end_funding.present() || year < ind.from_year || year > ind.to_year) continue;
    int64_t sum = 0;
    for (const auto& [y, m] : node.funding) {
      if (y >= ind.from_year && y <= ind.to_year) sum = SaturatingAdd(sum, Amount(node, y));
    }
    const int64_t stated = ind.end_funding.rupiah();
    Consequence c{node.code_written,
                  absl::StrCat("Rp akhir periode ", ind.id),
                  0,
                  FormatRupiah(stated),
                  FormatRupiah(stated),
                  ""};
    if (stated != sum && !(node.indicators.size() > 1 && stated == node_total)) {
      c.note = absl::StrCat("di dokumen sudah tidak sama dengan jumlah tahunannya (",
                            FormatRupiah(sum), "); angka dokumen dipertahankan");
      out->consequences.push_back(std::move(c));
      continue;
    }
    const int64_t after = stated + delta;
    c.after = FormatRupiah(after);
    v1::EndConditionSet* e = out->events.emplace_back().mutable_end_condition_set();
    e->set_indicator_id(ind.id);
    Money::Rupiah(after).ToProto(e->mutable_end_funding());
    out->consequences.push_back(std::move(c));
  }
}

void DeriveFunding(const PlanState& plan, const v1::SetFunding& change,
                   const std::vector<v1::Change>& siblings, DerivedChanges* out) {
  const NodeState* node = plan.FindNode(CanonicalOf(change.node_code()));
  if (node == nullptr) return;
  const int year = change.year();
  const Money amount = Money::FromProto(change.amount());
  const int64_t delta = (amount.present() ? amount.rupiah() : 0) - Amount(*node, year);
  if (delta == 0) return;
  ShiftEndFunding(*node, year, delta, out);
  for (const NodeState* child = node; !child->parent_code.empty();) {
    const NodeState* parent = plan.FindNode(child->parent_code);
    if (parent == nullptr) return;
    const std::string what = absl::StrCat("pagu ", year);
    const int64_t stated = Amount(*parent, year);
    Consequence c{parent->code_written, what, year, FormatRupiah(stated), FormatRupiah(stated), ""};
    if (SetsFundingExplicitly(siblings, parent->code, year)) {
      c.note = "ditetapkan oleh perubahan lain dalam usulan ini";
      out->consequences.push_back(std::move(c));
      return;
    }
    int64_t children = 0;
    for (const std::string& code : parent->children) {
      if (const NodeState* n = plan.FindNode(code))
        children = SaturatingAdd(children, Amount(*n, year));
    }
    if (children != stated) {
      // The parent already disagreed with its children: moving it would not make it
      // agree, and the figure is the agency's own record.
      c.note = absl::StrCat("di dokumen sudah tidak sama dengan jumlah anaknya (",
                            FormatRupiah(children), "); angka dokumen dipertahankan");
      out->consequences.push_back(std::move(c));
      return;
    }
    c.after = FormatRupiah(stated + delta);
    v1::FundingSet* e = out->events.emplace_back().mutable_funding_set();
    e->set_node_code(parent->code);
    e->set_year(year);
    Money::Rupiah(stated + delta).ToProto(e->mutable_amount());
    out->consequences.push_back(std::move(c));
    ShiftEndFunding(*parent, year, delta, out);
    child = parent;
  }
}

void DeriveTarget(const PlanState& plan, const v1::SetTarget& change, DerivedChanges* out) {
  auto [node, index] = plan.FindIndicator(change.indicator_id());
  if (node == nullptr) return;
  const IndicatorState& ind = node->indicators[index];
  if (ind.end_target.IsBlank()) return;
  // The kind as the validator reads it: recorded, else told by the words, else by the
  // figures; the derived value then passes the validator's TARGET_TOTAL check.
  v1::IndicatorKind kind = ind.kind;
  if (kind == v1::INDICATOR_KIND_UNSPECIFIED) {
    kind = InferIndicatorKind(ind.statement, ind.unit).kind;
  }
  if (kind == v1::INDICATOR_KIND_UNSPECIFIED) {
    kind = KindFromFigures(ind.targets, ind.from_year, ind.to_year, ind.end_target).kind;
  }
  const std::string stated = ind.end_target.Display();
  Consequence c{
      node->code_written, absl::StrCat("target akhir periode ", ind.id), 0, stated, stated, ""};
  if (kind == v1::INDICATOR_KIND_UNSPECIFIED) {
    c.note = "nilai akhir periode dinyatakan, tidak diturunkan dari target tahunan";
    out->consequences.push_back(std::move(c));
    return;
  }
  std::map<int, TargetValue> after_targets = ind.targets;
  after_targets[change.year()] = TargetValue::FromProto(change.value());
  const std::optional<TargetValue> before =
      ExpectedEndTarget(kind, ind.targets, ind.from_year, ind.to_year, ind.end_target);
  const std::optional<TargetValue> after =
      ExpectedEndTarget(kind, after_targets, ind.from_year, ind.to_year, ind.end_target);
  if (!after.has_value()) return;
  if (!before.has_value() || !(*before == ind.end_target)) {
    c.note = absl::StrCat("di dokumen sudah tidak sama dengan yang diberikan target tahunannya",
                          before.has_value() ? absl::StrCat(" (", before->Display(), ")") : "",
                          "; angka dokumen dipertahankan");
    out->consequences.push_back(std::move(c));
    return;
  }
  if (*after == ind.end_target) return;
  c.after = after->Display();
  v1::EndConditionSet* e = out->events.emplace_back().mutable_end_condition_set();
  e->set_indicator_id(ind.id);
  after->ToProto(e->mutable_end_target());
  out->consequences.push_back(std::move(c));
}

}  // namespace

std::vector<IndexedConsequence> ProposalConsequences(const PlanState& plan,
                                                     const std::vector<v1::Change>& changes) {
  std::vector<IndexedConsequence> out;
  PlanState after = plan;
  for (size_t i = 0; i < changes.size(); ++i) {
    if (!DescribeConflict(after, changes[i]).empty()) break;
    DerivedChanges derived = DeriveConsequences(after, changes[i], changes);
    if (!after.ApplyAll(ChangeEvents(after, changes[i])).ok()) break;
    if (!after.ApplyAll(derived.events).ok()) break;
    for (Consequence& c : derived.consequences) {
      out.push_back(IndexedConsequence{static_cast<int>(i), std::move(c)});
    }
  }
  return out;
}

DerivedChanges DeriveConsequences(const PlanState& plan, const v1::Change& change,
                                  const std::vector<v1::Change>& siblings) {
  DerivedChanges out;
  if (change.has_set_funding()) DeriveFunding(plan, change.set_funding(), siblings, &out);
  if (change.has_set_target()) DeriveTarget(plan, change.set_target(), &out);
  return out;
}

}  // namespace renstra
