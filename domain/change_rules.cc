#include "domain/change_rules.h"

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "domain/change_text.h"
#include "domain/code.h"
#include "domain/money.h"
#include "domain/target_value.h"
#include "domain/value_limits.h"
#include "domain/year.h"

namespace renstra {
namespace {

absl::Status Invalid(const std::string& field, const std::string& reason) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", reason));
}

// The unit a target value is written in, as compared with an indicator's unit.
std::string UnitOf(const TargetValue& v) {
  return v.kind() == TargetValue::Kind::kPercent ? "%" : v.NormalizedUnit();
}

absl::Status CheckTargetValue(const std::string& field, const v1::TargetValue& proto,
                              const std::string& indicator_unit) {
  RENSTRA_RETURN_IF_ERROR(CheckTargetValueMessage(field, proto));
  const TargetValue v = TargetValue::FromProto(proto);
  if (v.kind() == TargetValue::Kind::kEmpty) return Invalid(field, "required");
  if (v.IsBlank()) return absl::OkStatus();
  const std::string want = TargetValue::Number(Decimal(), indicator_unit).NormalizedUnit();
  const std::string got = UnitOf(v);
  if (!got.empty() && got != want) {
    return Invalid(field,
                   absl::StrCat("unit \"", v.unit().empty() ? got : v.unit(),
                                "\" does not match the indicator's unit \"", indicator_unit, "\""));
  }
  return absl::OkStatus();
}

absl::Status CheckMoney(const std::string& field, const v1::Money& m) {
  return CheckMoneyMessage(field, m);
}

absl::Status CheckActive(const NodeState& node, int year, const std::string& field) {
  if (node.retired_from != 0 && year >= node.retired_from) {
    return absl::FailedPreconditionError(
        absl::StrCat(field, ": node ", node.code, " is retired from ", node.retired_from));
  }
  return absl::OkStatus();
}

absl::StatusOr<v1::Change> ResolveSetTarget(const PlanState& plan, const Actor& actor,
                                            v1::SetTarget t, const std::string& path) {
  auto [node, index] = plan.FindIndicator(t.indicator_id());
  if (node == nullptr) {
    return Invalid(path + ".indicator_id",
                   absl::StrCat("unknown indicator \"", t.indicator_id(), "\""));
  }
  const IndicatorState& ind = node->indicators[index];
  RENSTRA_RETURN_IF_ERROR(CheckTargetYear(t.year(), (path + ".year").c_str()));
  if (t.year() < ind.from_year || t.year() > ind.to_year) {
    return Invalid(path + ".year", absl::StrCat(t.year(), " is outside the years ", ind.from_year,
                                                "-", ind.to_year, " of indicator ", ind.id));
  }
  RENSTRA_RETURN_IF_ERROR(RequireMayPropose(actor, node->division, path + ": node " + node->code));
  RENSTRA_RETURN_IF_ERROR(CheckActive(*node, t.year(), path));
  RENSTRA_RETURN_IF_ERROR(CheckTargetValue(path + ".value", t.value(), ind.unit));
  auto it = ind.targets.find(t.year());
  (it == ind.targets.end() ? TargetValue() : it->second).ToProto(t.mutable_before());
  v1::Change out;
  *out.mutable_set_target() = std::move(t);
  return out;
}

absl::StatusOr<v1::Change> ResolveSetFunding(const PlanState& plan, const Actor& actor,
                                             v1::SetFunding f, const std::string& path) {
  const absl::StatusOr<Code> code = Code::Parse(f.node_code());
  const NodeState* node = code.ok() ? plan.FindNode(code->canonical()) : nullptr;
  if (node == nullptr) {
    return Invalid(path + ".node_code", absl::StrCat("unknown node \"", f.node_code(), "\""));
  }
  f.set_node_code(node->code);
  RENSTRA_RETURN_IF_ERROR(CheckTargetYear(f.year(), (path + ".year").c_str()));
  RENSTRA_RETURN_IF_ERROR(RequireMayPropose(actor, node->division, path + ": node " + node->code));
  RENSTRA_RETURN_IF_ERROR(CheckActive(*node, f.year(), path));
  RENSTRA_RETURN_IF_ERROR(CheckMoney(path + ".amount", f.amount()));
  auto it = node->funding.find(f.year());
  (it == node->funding.end() ? Money() : it->second).ToProto(f.mutable_before());
  v1::Change out;
  *out.mutable_set_funding() = std::move(f);
  return out;
}

absl::StatusOr<v1::Change> ResolveReplace(const PlanState& plan, const Actor& actor,
                                          v1::ReplaceIndicator r, const std::string& path) {
  auto [node, index] = plan.FindIndicator(r.indicator_id());
  if (node == nullptr) {
    return Invalid(path + ".indicator_id",
                   absl::StrCat("unknown indicator \"", r.indicator_id(), "\""));
  }
  const IndicatorState& ind = node->indicators[index];
  RENSTRA_RETURN_IF_ERROR(RequireMayPropose(actor, node->division, path + ": node " + node->code));
  RENSTRA_RETURN_IF_ERROR(CheckTargetYear(r.from_year(), (path + ".from_year").c_str()));
  if (r.from_year() <= ind.from_year || r.from_year() > ind.to_year) {
    return Invalid(path + ".from_year",
                   absl::StrCat(r.from_year(), " must be after ", ind.from_year, " and at most ",
                                ind.to_year, " (the years of ", ind.id, ")"));
  }
  RENSTRA_RETURN_IF_ERROR(CheckActive(*node, r.from_year(), path));
  if (r.statement().empty()) return Invalid(path + ".statement", "required");
  if (r.unit().empty()) return Invalid(path + ".unit", "required");
  for (int i = 0; i < r.targets_size(); ++i) {
    const std::string field = absl::StrCat(path, ".targets[", i, "]");
    const v1::YearTarget& t = r.targets(i);
    if (t.year() < r.from_year() || t.year() > ind.to_year) {
      return Invalid(field + ".year",
                     absl::StrCat(t.year(), " is outside ", r.from_year(), "-", ind.to_year));
    }
    RENSTRA_RETURN_IF_ERROR(CheckTargetValue(field + ".value", t.value(), r.unit()));
  }
  r.set_before_statement(ind.statement);
  r.set_before_to_year(ind.to_year);
  v1::Change out;
  *out.mutable_replace_indicator() = std::move(r);
  return out;
}

absl::StatusOr<v1::Change> ResolveAdd(const PlanState& plan, const Actor& actor,
                                      v1::AddSubActivity a, const std::string& path) {
  const absl::StatusOr<Code> code = Code::Parse(a.code());
  if (!code.ok()) return Invalid(path + ".code", std::string(code.status().message()));
  if (code->level() != v1::SUB_ACTIVITY) {
    return Invalid(path + ".code", absl::StrCat("\"", a.code(), "\" is not a sub kegiatan code"));
  }
  if (plan.FindNode(code->canonical()) != nullptr) {
    return absl::FailedPreconditionError(
        absl::StrCat(path, ".code: ", code->canonical(), " is already in the plan"));
  }
  const NodeState* parent = plan.FindNode(code->ParentCanonical());
  if (parent == nullptr) {
    return Invalid(path + ".code",
                   absl::StrCat("its kegiatan ", code->ParentCanonical(), " is not in the plan"));
  }
  RENSTRA_RETURN_IF_ERROR(
      RequireMayPropose(actor, parent->division, path + ": kegiatan " + parent->code));
  if (a.name().empty()) return Invalid(path + ".name", "required");
  if (a.indicator().empty()) return Invalid(path + ".indicator", "required");
  if (a.unit().empty()) return Invalid(path + ".unit", "required");
  for (int i = 0; i < a.targets_size(); ++i) {
    const std::string field = absl::StrCat(path, ".targets[", i, "]");
    RENSTRA_RETURN_IF_ERROR(CheckTargetYear(a.targets(i).year(), (field + ".year").c_str()));
    RENSTRA_RETURN_IF_ERROR(CheckTargetValue(field + ".value", a.targets(i).value(), a.unit()));
  }
  for (int i = 0; i < a.funding_size(); ++i) {
    const std::string field = absl::StrCat(path, ".funding[", i, "]");
    RENSTRA_RETURN_IF_ERROR(CheckTargetYear(a.funding(i).year(), (field + ".year").c_str()));
    RENSTRA_RETURN_IF_ERROR(CheckMoney(field + ".amount", a.funding(i).amount()));
  }
  a.set_code(code->written());
  v1::Change out;
  *out.mutable_add_sub_activity() = std::move(a);
  return out;
}

absl::StatusOr<v1::Change> ResolveRetire(const PlanState& plan, const Actor& actor,
                                         v1::RetireSubActivity r, const std::string& path) {
  const absl::StatusOr<Code> code = Code::Parse(r.code());
  const NodeState* node = code.ok() ? plan.FindNode(code->canonical()) : nullptr;
  if (node == nullptr)
    return Invalid(path + ".code", absl::StrCat("unknown node \"", r.code(), "\""));
  if (node->level != v1::SUB_ACTIVITY) {
    return Invalid(path + ".code", absl::StrCat(node->code, " is not a sub kegiatan"));
  }
  RENSTRA_RETURN_IF_ERROR(RequireMayPropose(actor, node->division, path + ": node " + node->code));
  RENSTRA_RETURN_IF_ERROR(CheckTargetYear(r.from_year(), (path + ".from_year").c_str()));
  if (node->retired_from != 0) {
    return absl::FailedPreconditionError(
        absl::StrCat(path, ": ", node->code, " is already retired from ", node->retired_from));
  }
  r.set_code(node->code);
  r.set_before_retired_from(0);
  v1::Change out;
  *out.mutable_retire_sub_activity() = std::move(r);
  return out;
}

std::string Quote(const TargetValue& v) { return absl::StrCat("\"", v.Display(), "\""); }

}  // namespace

absl::StatusOr<v1::Change> ResolveChange(const PlanState& plan, const Actor& actor,
                                         const v1::Change& change, int index) {
  const std::string path = absl::StrCat("changes[", index, "]");
  RENSTRA_RETURN_IF_ERROR(CheckChangeText(change, path));
  switch (change.kind_case()) {
    case v1::Change::kSetTarget:
      return ResolveSetTarget(plan, actor, change.set_target(), path + ".set_target");
    case v1::Change::kSetFunding:
      return ResolveSetFunding(plan, actor, change.set_funding(), path + ".set_funding");
    case v1::Change::kReplaceIndicator:
      return ResolveReplace(plan, actor, change.replace_indicator(), path + ".replace_indicator");
    case v1::Change::kAddSubActivity:
      return ResolveAdd(plan, actor, change.add_sub_activity(), path + ".add_sub_activity");
    case v1::Change::kRetireSubActivity:
      return ResolveRetire(plan, actor, change.retire_sub_activity(),
                           path + ".retire_sub_activity");
    case v1::Change::KIND_NOT_SET:
      break;
  }
  return Invalid(path,
                 "no change given (set_target, set_funding, replace_indicator, "
                 "add_sub_activity or retire_sub_activity)");
}

std::string DescribeConflict(const PlanState& plan, const v1::Change& change) {
  switch (change.kind_case()) {
    case v1::Change::kSetTarget: {
      const auto& t = change.set_target();
      auto [node, index] = plan.FindIndicator(t.indicator_id());
      if (node == nullptr) return absl::StrCat(t.indicator_id(), ": no longer in the plan");
      const auto& targets = node->indicators[index].targets;
      auto it = targets.find(t.year());
      const TargetValue now = it == targets.end() ? TargetValue() : it->second;
      const TargetValue before = TargetValue::FromProto(t.before());
      if (now == before && now.kind() == before.kind()) return "";
      return absl::StrCat(t.indicator_id(), " target ", t.year(), ": based on ", Quote(before),
                          ", the plan now has ", Quote(now));
    }
    case v1::Change::kSetFunding: {
      const auto& f = change.set_funding();
      const NodeState* node = plan.FindNode(f.node_code());
      if (node == nullptr) return absl::StrCat(f.node_code(), ": no longer in the plan");
      auto it = node->funding.find(f.year());
      const Money now = it == node->funding.end() ? Money() : it->second;
      const Money before = Money::FromProto(f.before());
      if (now == before) return "";
      return absl::StrCat(f.node_code(), " Rp ", f.year(), ": based on ", before.ToIndonesian(),
                          ", the plan now has ", now.ToIndonesian());
    }
    case v1::Change::kReplaceIndicator: {
      const auto& r = change.replace_indicator();
      auto [node, index] = plan.FindIndicator(r.indicator_id());
      if (node == nullptr) return absl::StrCat(r.indicator_id(), ": no longer in the plan");
      const IndicatorState& ind = node->indicators[index];
      if (ind.statement == r.before_statement() && ind.to_year == r.before_to_year()) return "";
      return absl::StrCat(r.indicator_id(), ": based on \"", r.before_statement(), "\" to ",
                          r.before_to_year(), ", the plan now has \"", ind.statement, "\" to ",
                          ind.to_year);
    }
    case v1::Change::kAddSubActivity: {
      const absl::StatusOr<Code> code = Code::Parse(change.add_sub_activity().code());
      if (code.ok() && plan.FindNode(code->canonical()) == nullptr) return "";
      return absl::StrCat(change.add_sub_activity().code(), ": already in the plan");
    }
    case v1::Change::kRetireSubActivity: {
      const auto& r = change.retire_sub_activity();
      const NodeState* node = plan.FindNode(r.code());
      if (node == nullptr) return absl::StrCat(r.code(), ": no longer in the plan");
      if (node->retired_from == r.before_retired_from()) return "";
      return absl::StrCat(r.code(), ": already retired from ", node->retired_from);
    }
    case v1::Change::KIND_NOT_SET:
      break;
  }
  return "empty change";
}

std::vector<v1::PlanEvent> ChangeEvents(const PlanState& plan, const v1::Change& change) {
  std::vector<v1::PlanEvent> out;
  auto add_target = [&out](const std::string& id, const v1::YearTarget& t) {
    v1::TargetSet* e = out.emplace_back().mutable_target_set();
    e->set_indicator_id(id);
    e->set_year(t.year());
    *e->mutable_value() = t.value();
  };
  switch (change.kind_case()) {
    case v1::Change::kSetTarget: {
      v1::YearTarget t;
      t.set_year(change.set_target().year());
      *t.mutable_value() = change.set_target().value();
      add_target(change.set_target().indicator_id(), t);
      break;
    }
    case v1::Change::kSetFunding: {
      v1::FundingSet* e = out.emplace_back().mutable_funding_set();
      e->set_node_code(change.set_funding().node_code());
      e->set_year(change.set_funding().year());
      *e->mutable_amount() = change.set_funding().amount();
      break;
    }
    case v1::Change::kReplaceIndicator: {
      const auto& r = change.replace_indicator();
      auto [node, index] = plan.FindIndicator(r.indicator_id());
      const std::string new_id = absl::StrCat(node->code, "#", node->indicators.size() + 1);
      v1::IndicatorReplaced* e = out.emplace_back().mutable_indicator_replaced();
      e->set_indicator_id(r.indicator_id());
      e->set_new_indicator_id(new_id);
      e->set_from_year(r.from_year());
      e->set_statement(r.statement());
      e->set_unit(r.unit());
      for (const v1::YearTarget& t : r.targets()) add_target(new_id, t);
      break;
    }
    case v1::Change::kAddSubActivity: {
      const auto& a = change.add_sub_activity();
      const Code code = *Code::Parse(a.code());
      const NodeState* parent = plan.FindNode(code.ParentCanonical());
      v1::NodeAdded* n = out.emplace_back().mutable_node_added();
      n->set_code(code.canonical());
      n->set_code_written(code.written());
      n->set_level(v1::SUB_ACTIVITY);
      n->set_name(a.name());
      n->set_parent_code(parent->code);
      n->set_division(parent->division);
      n->set_location(parent->location);
      const std::string id = code.canonical() + "#1";
      v1::IndicatorDefined* ind = out.emplace_back().mutable_indicator_defined();
      ind->set_node_code(code.canonical());
      ind->set_indicator_id(id);
      ind->set_statement(a.indicator());
      ind->set_unit(a.unit());
      TargetValue::None().ToProto(ind->mutable_baseline());
      ind->set_from_year(kFirstTargetYear);
      ind->set_to_year(kFinalYear);
      for (const v1::YearTarget& t : a.targets()) add_target(id, t);
      for (const v1::YearFunding& f : a.funding()) {
        v1::FundingSet* e = out.emplace_back().mutable_funding_set();
        e->set_node_code(code.canonical());
        e->set_year(f.year());
        *e->mutable_amount() = f.amount();
      }
      break;
    }
    case v1::Change::kRetireSubActivity: {
      v1::NodeRetired* e = out.emplace_back().mutable_node_retired();
      e->set_code(change.retire_sub_activity().code());
      e->set_from_year(change.retire_sub_activity().from_year());
      break;
    }
    case v1::Change::KIND_NOT_SET:
      break;
  }
  return out;
}

}  // namespace renstra
