#include "domain/plan_state.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "domain/division.h"
#include "domain/money.h"
#include "domain/strings.h"
#include "domain/year.h"

namespace renstra {
namespace {

// GoalDefined and ObjectiveDefined (and Goal and Objective) spell the stated targets with
// the same fields.
template <typename Message>
StatedTargets StatedTargetsFrom(const Message& e) {
  StatedTargets out;
  out.unit = e.unit();
  out.baseline = TargetValue::FromProto(e.baseline());
  for (const v1::YearTarget& t : e.targets())
    out.targets[t.year()] = TargetValue::FromProto(t.value());
  out.end_target = TargetValue::FromProto(e.end_target());
  return out;
}

template <typename Message>
void StatedTargetsToProto(const StatedTargets& in, Message* out) {
  out->set_unit(in.unit);
  if (in.baseline.kind() != TargetValue::Kind::kEmpty) in.baseline.ToProto(out->mutable_baseline());
  for (const auto& [year, value] : in.targets) {
    v1::YearTarget* t = out->add_targets();
    t->set_year(year);
    value.ToProto(t->mutable_value());
  }
  if (in.end_target.kind() != TargetValue::Kind::kEmpty) {
    in.end_target.ToProto(out->mutable_end_target());
  }
}

void FillIndicator(const IndicatorState& in, v1::Indicator* out) {
  out->set_id(in.id);
  out->set_statement(in.statement);
  out->set_unit(in.unit);
  in.baseline.ToProto(out->mutable_baseline());
  for (const auto& [year, value] : in.targets) {
    v1::YearTarget* t = out->add_targets();
    t->set_year(year);
    value.ToProto(t->mutable_value());
  }
  in.end_target.ToProto(out->mutable_end_target());
  in.end_funding.ToProto(out->mutable_end_funding());
  out->set_from_year(in.from_year);
  out->set_kind(in.kind);
  out->set_to_year(in.to_year);
}

}  // namespace

absl::Status PlanState::Apply(const v1::EventEnvelope& envelope) {
  v1::PlanEvent event;
  if (!event.ParseFromString(envelope.payload())) {
    return absl::InvalidArgumentError(
        absl::StrCat("event ", envelope.sequence(), ": payload is not a PlanEvent"));
  }
  absl::Status status = Apply(event);
  if (!status.ok()) {
    return absl::Status(status.code(),
                        absl::StrCat("event ", envelope.sequence(), ": ", status.message()));
  }
  version_ = static_cast<int64_t>(envelope.stream_version());
  last_sequence_ = envelope.sequence();
  if (event.has_revision_ratified()) {
    // The changes follow in the same (atomic) append, so the version that shows the
    // revision is known now. (A version-1 ratification, which did not count them, was
    // given its count by PlanUpcaster before it got here.)
    const int64_t applied = version_ + event.revision_ratified().change_count();
    v1::RevisionInfo& info = revisions_.back();
    info.set_plan_version(applied);
    info.set_ratified_by(envelope.principal());
    info.set_ratified_at_micros(envelope.timestamp_micros());
    spans_.push_back({version_, applied, absl::StrCat("the ratification of ", info.revision_id())});
  } else if (event.has_import_reported()) {
    // The import's report closes its append, which began with PlanEstablished.
    if (version_ > 1) spans_.push_back({1, version_, "the import"});
  }
  return absl::OkStatus();
}

const CommandSpan* PlanState::SpanInside(int64_t version) const {
  for (const CommandSpan& span : spans_) {
    if (version >= span.first && version < span.last) return &span;
  }
  return nullptr;
}

absl::Status PlanState::ApplyAll(const std::vector<v1::PlanEvent>& events) {
  for (const v1::PlanEvent& e : events) RENSTRA_RETURN_IF_ERROR(Apply(e));
  return absl::OkStatus();
}

absl::Status PlanState::ApplyRevisionEvent(const v1::PlanEvent& event) {
  switch (event.kind_case()) {
    case v1::PlanEvent::kRevisionOpened: {
      if (open_revision() != nullptr) {
        return absl::FailedPreconditionError(
            absl::StrCat("revision ", open_revision_.revision_id(), " is already open"));
      }
      open_revision_.set_revision_id(event.revision_opened().revision_id());
      open_revision_.set_name(event.revision_opened().name());
      locked_ = false;
      return absl::OkStatus();
    }
    case v1::PlanEvent::kRevisionRatified: {
      const auto& e = event.revision_ratified();
      if (open_revision() == nullptr || open_revision_.revision_id() != e.revision_id()) {
        return absl::FailedPreconditionError(
            absl::StrCat("revision ", e.revision_id(), " ratified but not open"));
      }
      v1::RevisionInfo info = open_revision_;
      info.set_revision_number(e.revision_number());
      info.set_legal_basis(e.legal_basis());
      info.set_reason(e.reason());
      info.set_effective_date(e.effective_date());
      info.set_signer(e.signer());
      *info.mutable_proposal_ids() = e.proposal_ids();
      *info.mutable_accepted_findings() = e.accepted_findings();
      info.set_accept_reason(e.accept_reason());
      revisions_.push_back(std::move(info));
      open_revision_.Clear();
      return absl::OkStatus();
    }
    case v1::PlanEvent::kPlanLocked:
      locked_ = true;
      return absl::OkStatus();
    case v1::PlanEvent::kIndicatorReplaced: {
      const auto& e = event.indicator_replaced();
      auto it = indicator_index_.find(e.indicator_id());
      if (it == indicator_index_.end()) {
        return absl::FailedPreconditionError(
            absl::StrCat("replacement of unknown indicator ", e.indicator_id()));
      }
      if (indicator_index_.contains(e.new_indicator_id())) {
        return absl::FailedPreconditionError(
            absl::StrCat("indicator ", e.new_indicator_id(), " defined twice"));
      }
      NodeState* node = MutableNode(it->second.first);
      IndicatorState& old = node->indicators[it->second.second];
      IndicatorState fresh;
      fresh.id = e.new_indicator_id();
      fresh.statement = e.statement();
      fresh.unit = e.unit();
      fresh.from_year = e.from_year();
      fresh.to_year = old.to_year;
      // The old indicator ends the year before; its later targets leave the current
      // plan (they stay in the log).
      old.to_year = e.from_year() - 1;
      old.targets.erase(old.targets.lower_bound(e.from_year()), old.targets.end());
      indicator_index_[fresh.id] = {node->code, node->indicators.size()};
      node->indicators.push_back(std::move(fresh));
      return absl::OkStatus();
    }
    case v1::PlanEvent::kNodeRetired: {
      const auto& e = event.node_retired();
      NodeState* node = MutableNode(e.code());
      if (node == nullptr) {
        return absl::FailedPreconditionError(absl::StrCat("retirement of unknown node ", e.code()));
      }
      node->retired_from = e.from_year();
      node->funding.erase(node->funding.lower_bound(e.from_year()), node->funding.end());
      for (IndicatorState& ind : node->indicators) {
        ind.targets.erase(ind.targets.lower_bound(e.from_year()), ind.targets.end());
        ind.to_year = std::min(ind.to_year, e.from_year() - 1);
      }
      return absl::OkStatus();
    }
    default:
      return absl::InternalError("not a revision event");
  }
}

absl::Status PlanState::Apply(const v1::PlanEvent& event) {
  switch (event.kind_case()) {
    case v1::PlanEvent::kPlanEstablished: {
      if (established_) return absl::FailedPreconditionError("plan established twice");
      const auto& e = event.plan_established();
      established_ = true;
      plan_id_ = e.plan_id();
      agency_ = e.agency();
      source_ = e.source();
      baseline_year_ = e.baseline_year();
      final_year_ = e.final_year();
      return absl::OkStatus();
    }
    case v1::PlanEvent::kGoalDefined: {
      const auto& e = event.goal_defined();
      goals_.push_back(
          GoalState{e.goal_id(), e.statement(), e.indicator(), {}, StatedTargetsFrom(e)});
      return absl::OkStatus();
    }
    case v1::PlanEvent::kObjectiveDefined: {
      const auto& e = event.objective_defined();
      for (GoalState& goal : goals_) {
        if (goal.id == e.goal_id()) {
          goal.objective_ids.push_back(e.objective_id());
          objectives_.push_back(ObjectiveState{e.objective_id(), e.goal_id(), e.statement(),
                                               e.indicator(), StatedTargetsFrom(e)});
          return absl::OkStatus();
        }
      }
      return absl::FailedPreconditionError(
          absl::StrCat("objective ", e.objective_id(), " names unknown goal ", e.goal_id()));
    }
    case v1::PlanEvent::kNodeAdded: {
      const auto& e = event.node_added();
      if (nodes_.contains(e.code())) {
        return absl::FailedPreconditionError(absl::StrCat("node ", e.code(), " added twice"));
      }
      NodeState node;
      node.code = e.code();
      node.code_written = e.code_written();
      node.level = e.level();
      node.name = e.name();
      node.parent_code = e.parent_code();
      node.objective_id = e.objective_id();
      node.division = e.division();
      node.location = e.location();
      node.unit_kerja = e.unit_kerja();
      node.source_line = e.source_line();
      NodeState* parent = e.parent_code().empty() ? nullptr : MutableNode(e.parent_code());
      if (parent != nullptr) {
        parent->children.push_back(e.code());
      } else {
        // A program, or a node whose parent is missing: kept visible as a root; the
        // validator reports the missing parent.
        roots_.push_back(e.code());
      }
      // Roots that were waiting for this node (a table listing a sub kegiatan above its
      // kegiatan) become its children, in the order they were added, so that the tree
      // does not depend on the order of the rows.
      std::erase_if(roots_, [&](const std::string& root) {
        const NodeState* orphan = FindNode(root);
        if (orphan == nullptr || orphan->parent_code != e.code()) return false;
        node.children.push_back(root);
        return true;
      });
      nodes_.emplace(e.code(), std::move(node));
      return absl::OkStatus();
    }
    case v1::PlanEvent::kIndicatorDefined: {
      const auto& e = event.indicator_defined();
      NodeState* node = MutableNode(e.node_code());
      if (node == nullptr) {
        return absl::FailedPreconditionError(
            absl::StrCat("indicator ", e.indicator_id(), " for unknown node ", e.node_code()));
      }
      if (indicator_index_.contains(e.indicator_id())) {
        return absl::FailedPreconditionError(
            absl::StrCat("indicator ", e.indicator_id(), " defined twice"));
      }
      IndicatorState ind;
      ind.id = e.indicator_id();
      ind.statement = e.statement();
      ind.unit = e.unit();
      ind.baseline = TargetValue::FromProto(e.baseline());
      ind.end_target = TargetValue::FromProto(e.end_target());
      ind.end_funding = Money::FromProto(e.end_funding());
      ind.from_year = e.from_year();
      ind.to_year = e.to_year();
      ind.kind = e.kind();
      indicator_index_[ind.id] = {node->code, node->indicators.size()};
      node->indicators.push_back(std::move(ind));
      return absl::OkStatus();
    }
    case v1::PlanEvent::kTargetSet: {
      const auto& e = event.target_set();
      auto it = indicator_index_.find(e.indicator_id());
      if (it == indicator_index_.end()) {
        return absl::FailedPreconditionError(
            absl::StrCat("target for unknown indicator ", e.indicator_id()));
      }
      absl::Status year_ok = CheckTargetYear(e.year(), "target_set.year");
      if (!year_ok.ok()) return absl::FailedPreconditionError(year_ok.message());
      NodeState* node = MutableNode(it->second.first);
      node->indicators[it->second.second].targets[e.year()] = TargetValue::FromProto(e.value());
      return absl::OkStatus();
    }
    case v1::PlanEvent::kFundingSet: {
      const auto& e = event.funding_set();
      NodeState* node = MutableNode(e.node_code());
      if (node == nullptr) {
        return absl::FailedPreconditionError(
            absl::StrCat("funding for unknown node ", e.node_code()));
      }
      absl::Status year_ok = CheckTargetYear(e.year(), "funding_set.year");
      if (!year_ok.ok()) return absl::FailedPreconditionError(year_ok.message());
      node->funding[e.year()] = Money::FromProto(e.amount());
      return absl::OkStatus();
    }
    case v1::PlanEvent::kEndConditionSet: {
      const auto& e = event.end_condition_set();
      auto it = indicator_index_.find(e.indicator_id());
      if (it == indicator_index_.end()) {
        return absl::FailedPreconditionError(
            absl::StrCat("end-of-period condition for unknown indicator ", e.indicator_id()));
      }
      IndicatorState& ind = MutableNode(it->second.first)->indicators[it->second.second];
      if (e.has_end_target()) ind.end_target = TargetValue::FromProto(e.end_target());
      if (e.has_end_funding()) ind.end_funding = Money::FromProto(e.end_funding());
      return absl::OkStatus();
    }
    case v1::PlanEvent::kImportReported:
      // History only: the findings stay in the log for the audit trail.
      return absl::OkStatus();
    case v1::PlanEvent::kRevisionOpened:
    case v1::PlanEvent::kRevisionRatified:
    case v1::PlanEvent::kPlanLocked:
    case v1::PlanEvent::kIndicatorReplaced:
    case v1::PlanEvent::kNodeRetired:
      return ApplyRevisionEvent(event);
    case v1::PlanEvent::KIND_NOT_SET:
      break;
  }
  return absl::InvalidArgumentError("event has no payload kind");
}

const ObjectiveState* PlanState::FindObjective(std::string_view id) const {
  for (const ObjectiveState& o : objectives_) {
    if (o.id == id) return &o;
  }
  return nullptr;
}

const NodeState* PlanState::FindNode(std::string_view canonical_code) const {
  auto it = nodes_.find(AsAbsl(canonical_code));
  return it == nodes_.end() ? nullptr : &it->second;
}

NodeState* PlanState::MutableNode(std::string_view canonical_code) {
  auto it = nodes_.find(AsAbsl(canonical_code));
  return it == nodes_.end() ? nullptr : &it->second;
}

std::vector<const NodeState*> PlanState::NodesInOrder() const {
  std::vector<const NodeState*> out;
  out.reserve(nodes_.size());
  std::vector<const NodeState*> stack;
  for (auto it = roots_.rbegin(); it != roots_.rend(); ++it) stack.push_back(FindNode(*it));
  while (!stack.empty()) {
    const NodeState* node = stack.back();
    stack.pop_back();
    out.push_back(node);
    for (auto it = node->children.rbegin(); it != node->children.rend(); ++it) {
      stack.push_back(FindNode(*it));
    }
  }
  return out;
}

std::pair<const NodeState*, size_t> PlanState::FindIndicator(std::string_view indicator_id) const {
  auto it = indicator_index_.find(AsAbsl(indicator_id));
  if (it == indicator_index_.end()) return {nullptr, 0};
  return {FindNode(it->second.first), it->second.second};
}

void PlanState::FillNode(const NodeState& node, bool with_children, v1::Node* out) const {
  out->set_code(node.code);
  out->set_code_written(node.code_written);
  out->set_level(node.level);
  out->set_name(node.name);
  out->set_parent_code(node.parent_code);
  out->set_objective_id(node.objective_id);
  for (const IndicatorState& ind : node.indicators) FillIndicator(ind, out->add_indicators());
  int64_t total = 0;
  for (const auto& [year, amount] : node.funding) {
    v1::YearFunding* f = out->add_funding();
    f->set_year(year);
    amount.ToProto(f->mutable_amount());
    total = SaturatingAdd(total, amount.rupiah());
  }
  out->set_funding_total(total);
  if (!node.children.empty()) {
    std::map<int, int64_t> rollup;
    bool any_present[kTargetYears] = {};
    for (const std::string& child_code : node.children) {
      const NodeState* child = FindNode(child_code);
      for (const auto& [year, amount] : child->funding) {
        if (!amount.present()) continue;
        rollup[year] = SaturatingAdd(rollup[year], amount.rupiah());
        any_present[year - kFirstTargetYear] = true;
      }
    }
    for (const auto& [year, sum] : rollup) {
      if (!any_present[year - kFirstTargetYear]) continue;
      v1::YearFunding* f = out->add_children_funding();
      f->set_year(year);
      Money::Rupiah(sum).ToProto(f->mutable_amount());
    }
  }
  out->set_division(node.division);
  out->set_division_name(DivisionDisplayName(node.division));
  out->set_location(node.location);
  out->set_source_line(node.source_line);
  out->set_retired_from(node.retired_from);
  if (with_children) {
    for (const std::string& child_code : node.children) {
      FillNode(*FindNode(child_code), true, out->add_children());
    }
  }
}

v1::Plan PlanState::ToProto() const {
  v1::Plan plan;
  plan.set_plan_id(plan_id_);
  plan.set_agency(agency_);
  plan.set_baseline_year(baseline_year_);
  plan.set_final_year(final_year_);
  plan.set_source(source_);
  for (const GoalState& goal : goals_) {
    v1::Goal* g = plan.add_goals();
    g->set_id(goal.id);
    g->set_statement(goal.statement);
    g->set_indicator(goal.indicator);
    StatedTargetsToProto(goal.stated, g);
    for (const std::string& id : goal.objective_ids) {
      const ObjectiveState* o = FindObjective(id);
      v1::Objective* out = g->add_objectives();
      out->set_id(o->id);
      out->set_statement(o->statement);
      out->set_indicator(o->indicator);
      StatedTargetsToProto(o->stated, out);
    }
  }
  for (const std::string& code : roots_) FillNode(*FindNode(code), true, plan.add_programs());
  plan.set_version(version_);
  plan.set_last_sequence(last_sequence_);
  plan.set_revision(revision_number());
  plan.set_locked(locked_);
  if (open_revision() != nullptr) *plan.mutable_open_revision() = open_revision_;
  for (const v1::RevisionInfo& r : revisions_) *plan.add_revisions() = r;
  return plan;
}

absl::StatusOr<v1::Node> PlanState::NodeToProto(std::string_view canonical_code,
                                                bool with_children) const {
  const NodeState* node = FindNode(canonical_code);
  if (node == nullptr) {
    return absl::NotFoundError(
        absl::StrCat("code ", AsAbsl(canonical_code), ": no such node in the plan"));
  }
  v1::Node out;
  FillNode(*node, with_children, &out);
  return out;
}

}  // namespace renstra
