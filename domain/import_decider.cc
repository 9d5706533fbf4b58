#include "domain/import_decider.h"

#include "absl/strings/str_cat.h"
#include "domain/division.h"
#include "domain/year.h"

namespace renstra {
namespace {

bool RowHasCell(const ParsedRow& row, int y) {
  return row.targets[y].kind() != TargetValue::Kind::kEmpty || !row.funding[y].written().empty() ||
         row.funding[y].present();
}

// True when the row states anything an indicator holds: a statement, or a baseline,
// target or end-of-period cell (even "-"). A row with Rp cells only defines no indicator;
// its amounts are the node's funding.
bool HasIndicatorCells(const ParsedRow& row) {
  if (!row.indicator.empty()) return true;
  for (const TargetValue* t : {&row.baseline, &row.end_target}) {
    if (t->kind() != TargetValue::Kind::kEmpty) return true;
  }
  for (const TargetValue& t : row.targets) {
    if (t.kind() != TargetValue::Kind::kEmpty) return true;
  }
  return row.end_funding.present() || !row.end_funding.written().empty();
}

std::string UnitOf(const ParsedRow& row) {
  for (const TargetValue& t : row.targets) {
    if (!t.IsBlank()) return t.kind() == TargetValue::Kind::kPercent ? "%" : t.unit();
  }
  for (const TargetValue* t : {&row.end_target, &row.baseline}) {
    if (!t->IsBlank()) return t->kind() == TargetValue::Kind::kPercent ? "%" : t->unit();
  }
  return "";
}

// A Tujuan or Sasaran row's unit, baseline, yearly and end-of-period targets (blank
// cells are left out, as for a node's indicator).
template <typename Event>
void SetStatedTargets(const ParsedRow& row, Event* e) {
  e->set_unit(UnitOf(row));
  if (row.baseline.kind() != TargetValue::Kind::kEmpty) row.baseline.ToProto(e->mutable_baseline());
  for (int y = 0; y < kTargetYears; ++y) {
    if (row.targets[y].kind() == TargetValue::Kind::kEmpty) continue;
    v1::YearTarget* t = e->add_targets();
    t->set_year(kFirstTargetYear + y);
    row.targets[y].ToProto(t->mutable_value());
  }
  if (row.end_target.kind() != TargetValue::Kind::kEmpty) {
    row.end_target.ToProto(e->mutable_end_target());
  }
}

}  // namespace

absl::StatusOr<ImportDecision> DecideImport(const PlanState& state, const ParsedTable& table,
                                            const ImportOptions& options) {
  if (state.established() || state.node_count() > 0) {
    return absl::FailedPreconditionError(
        absl::StrCat("plan ", options.plan_id, " already holds a plan at version ", state.version(),
                     "; an import needs an empty plan"));
  }
  ImportDecision out;
  out.findings = table.findings;
  out.skipped = table.skipped;
  auto add = [&out]() { return &out.events.emplace_back(); };

  v1::PlanEstablished* established = add()->mutable_plan_established();
  established->set_plan_id(options.plan_id);
  established->set_agency(options.agency);
  established->set_baseline_year(kBaselineYear);
  established->set_final_year(kFinalYear);
  established->set_source(options.source);
  for (const ParsedGoal& g : table.goals) {
    v1::GoalDefined* e = add()->mutable_goal_defined();
    e->set_goal_id(g.id);
    e->set_statement(g.statement);
    e->set_indicator(g.indicator);
    SetStatedTargets(g.values, e);
  }
  for (const ParsedObjective& o : table.objectives) {
    v1::ObjectiveDefined* e = add()->mutable_objective_defined();
    e->set_objective_id(o.id);
    e->set_goal_id(o.goal_id);
    e->set_statement(o.statement);
    e->set_indicator(o.indicator);
    SetStatedTargets(o.values, e);
  }

  for (const ParsedNode& node : table.nodes) {
    const std::string& code = node.code.canonical();
    v1::Division division = DefaultDivisionForProgram(node.code.ProgramCanonical());
    if (!node.division_text.empty()) {
      absl::StatusOr<v1::Division> d = ParseDivision(node.division_text);
      if (!d.ok()) {
        return absl::InvalidArgumentError(
            absl::StrCat("line ", node.rows[0].line, ", column 19 (Unit Kerja): \"",
                         node.division_text, "\" is not a division of the agency"));
      }
      division = *d;
    }
    v1::NodeAdded* added = add()->mutable_node_added();
    added->set_code(code);
    added->set_code_written(node.code.written());
    added->set_level(node.code.level());
    added->set_name(node.name);
    added->set_parent_code(node.code.ParentCanonical());
    added->set_objective_id(node.objective_id);
    added->set_division(division);
    added->set_location(node.location);
    added->set_source_line(node.rows[0].line);

    // Years each row is in force (see the header for the rule).
    std::vector<std::pair<int, int>> spans;
    for (const ParsedRow& row : node.rows) {
      if (node.rows.size() == 1) {
        spans.push_back({kFirstTargetYear, kFinalYear});
        continue;
      }
      int first = 0, last = 0;
      for (int y = 0; y < kTargetYears; ++y) {
        if (!RowHasCell(row, y)) continue;
        if (first == 0) first = kFirstTargetYear + y;
        last = kFirstTargetYear + y;
      }
      if (first == 0) first = kFirstTargetYear, last = kFinalYear;
      spans.push_back({first, last});
    }

    for (size_t r = 0; r < node.rows.size(); ++r) {
      const ParsedRow& row = node.rows[r];
      if (!HasIndicatorCells(row)) continue;
      const std::string id = absl::StrCat(code, "#", r + 1);
      v1::IndicatorDefined* ind = add()->mutable_indicator_defined();
      ind->set_node_code(code);
      ind->set_indicator_id(id);
      ind->set_statement(row.indicator);
      ind->set_unit(UnitOf(row));
      row.baseline.ToProto(ind->mutable_baseline());
      row.end_target.ToProto(ind->mutable_end_target());
      row.end_funding.ToProto(ind->mutable_end_funding());
      ind->set_from_year(spans[r].first);
      ind->set_to_year(spans[r].second);
      for (int y = 0; y < kTargetYears; ++y) {
        if (row.targets[y].kind() == TargetValue::Kind::kEmpty) continue;
        v1::TargetSet* t = add()->mutable_target_set();
        t->set_indicator_id(id);
        t->set_year(kFirstTargetYear + y);
        row.targets[y].ToProto(t->mutable_value());
      }
    }

    for (int y = 0; y < kTargetYears; ++y) {
      const int year = kFirstTargetYear + y;
      const ParsedRow* carrier = nullptr;
      for (size_t r = 0; r < node.rows.size(); ++r) {
        const Money& m = node.rows[r].funding[y];
        if (m.written().empty() && !m.present()) continue;
        if (carrier == nullptr) {
          carrier = &node.rows[r];
        } else if (m.present()) {
          v1::Finding f;
          f.set_kind(v1::Finding::BAD_CELL);
          f.set_code(code);
          f.set_year(year);
          f.set_line(node.rows[r].line);
          f.set_stated(m.Display());
          f.set_message(absl::StrCat("line ", node.rows[r].line, ": a second Rp amount for ", year,
                                     " on the same node; the amount of line ", carrier->line,
                                     " is used"));
          out.findings.push_back(std::move(f));
        }
      }
      if (carrier == nullptr) continue;
      v1::FundingSet* f = add()->mutable_funding_set();
      f->set_node_code(code);
      f->set_year(year);
      carrier->funding[y].ToProto(f->mutable_amount());
    }
  }

  v1::ImportReported* report = add()->mutable_import_reported();
  for (const v1::Finding& f : out.findings) *report->add_findings() = f;
  report->set_lines_read(table.lines_read);
  report->set_rows_used(table.rows_used);
  report->set_number_format(std::string(NumberFormatName(table.number_format.format)));
  report->set_number_format_evidence(table.number_format.summary);
  return out;
}

}  // namespace renstra
