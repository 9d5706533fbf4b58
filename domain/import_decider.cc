#include "domain/import_decider.h"

#include <algorithm>
#include <map>
#include <optional>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "base/status_macros.h"
#include "domain/division.h"
#include "domain/indicator_kind.h"
#include "domain/strings.h"
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

std::map<int, TargetValue> TargetsOf(const ParsedRow& row) {
  std::map<int, TargetValue> out;
  for (int y = 0; y < kTargetYears; ++y) out[kFirstTargetYear + y] = row.targets[y];
  return out;
}

v1::Finding RowFinding(v1::Finding::Kind kind, const std::string& code, int line,
                       std::string message, std::string stated = "", std::string computed = "") {
  v1::Finding f;
  f.set_kind(kind);
  f.set_code(code);
  f.set_line(line);
  f.set_message(std::move(message));
  f.set_stated(std::move(stated));
  f.set_computed(std::move(computed));
  return f;
}

// The indicator's kind (indicator_kind.h: its marker, taken off `statement`; its unit
// and wording; else the row's figures), and the check of its end-of-period target by
// that kind. An undetermined kind, when there is an end-of-period target to check, is
// reported rather than guessed.
KindReading ReadKind(const ParsedRow& row, std::string* statement, const std::string& unit,
                     int from_year, int to_year, const std::string& code, const std::string& id,
                     std::vector<v1::Finding>* findings) {
  const std::map<int, TargetValue> targets = TargetsOf(row);
  KindReading kind = TakeKindMarker(statement);
  if (kind.kind == v1::INDICATOR_KIND_UNSPECIFIED) kind = InferIndicatorKind(*statement, unit);
  if (kind.kind == v1::INDICATOR_KIND_UNSPECIFIED) {
    KindReading figures = KindFromFigures(targets, from_year, to_year, row.end_target);
    // Only figures that agree with neither kind leave a check undone; when the end is
    // both the sum and the last year's target, either kind agrees.
    const bool checkable = !row.end_target.IsBlank() &&
                           std::any_of(targets.begin(), targets.end(),
                                       [](const auto& t) { return !t.second.IsBlank(); }) &&
                           absl::StrContains(figures.basis, " is neither ");
    if (figures.kind == v1::INDICATOR_KIND_UNSPECIFIED && checkable) {
      findings->push_back(RowFinding(
          v1::Finding::INDICATOR_KIND_UNDETERMINED, code, row.line,
          absl::StrCat("line ", row.line, ": indicator ", id, " \"", *statement,
                       "\": neither its statement nor its unit tells whether it is cumulative, "
                       "a stock or a rate, and its figures do not either (",
                       figures.basis,
                       "); its end-of-period target is not checked (mark the indicator "
                       "[kumulatif], [stok] or [rasio])"),
          row.end_target.Display()));
    }
    if (figures.kind == v1::INDICATOR_KIND_UNSPECIFIED) {
      figures.basis = absl::StrCat("not told by its statement, unit or figures; ", figures.basis);
    }
    return figures;
  }
  const std::optional<TargetValue> expected =
      ExpectedEndTarget(kind.kind, targets, from_year, to_year, row.end_target);
  if (expected.has_value() && !row.end_target.IsBlank() && !(*expected == row.end_target)) {
    const bool sum = kind.kind == v1::INDICATOR_KIND_CUMULATIVE;
    findings->push_back(RowFinding(
        v1::Finding::TARGET_TOTAL, code, row.line,
        absl::StrCat("line ", row.line, ": indicator ", id, " is ", sum ? "cumulative" : "a ",
                     sum ? "" : AsAbsl(KindName(kind.kind)), " (", kind.basis,
                     "), so its end-of-period target is ",
                     sum ? "the sum of its yearly targets, " : "its last year's target, ",
                     expected->Display(), "; the table states ", row.end_target.Display()),
        row.end_target.Display(), expected->Display()));
  }
  return kind;
}

// FAILED_PRECONDITION listing every row whose Unit Kerja no unit takes; OK when none.
absl::Status RefuseUnplaced(const std::vector<NodePlacement>& placements,
                            const ImportOptions& options) {
  std::vector<std::string> unplaced;
  for (const NodePlacement& p : placements) {
    if (!p.unit.empty()) continue;
    unplaced.push_back(
        absl::StrCat("line ", p.line, " (", p.code, ") \"", p.text, "\": ", p.reason));
  }
  if (unplaced.empty()) return absl::OkStatus();
  return absl::FailedPreconditionError(absl::StrCat(
      "strict_units: the Unit Kerja (column 19) of ", unplaced.size(), " row(s) names no unit of ",
      options.agency_code.empty() ? "the agency" : options.agency_code, ": ",
      absl::StrJoin(unplaced, "; "),
      "; create the units or map the texts (unit_map), then import again"));
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
  out.lines = table.lines;
  absl::flat_hash_map<int, v1::ImportLine*> line_outcome;
  for (v1::ImportLine& l : out.lines) line_outcome[l.line()] = &l;
  // Adds what a node's row became to the parser's "program 1.06.02".
  auto became = [&line_outcome](int line, const std::string& what) {
    auto it = line_outcome.find(line);
    if (it != line_outcome.end())
      it->second->set_what(absl::StrCat(it->second->what(), ": ", what));
  };
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
    const std::string unit_kerja(TrimAscii(node.division_text));
    const size_t placements_before = out.placements.size();
    v1::Division division = DefaultDivisionForProgram(node.code.ProgramCanonical());
    if (!unit_kerja.empty()) {
      // Only the text decides, so an export writing it back re-imports the same division.
      absl::StatusOr<v1::Division> d = ParseDivision(unit_kerja);
      division = d.ok() ? *d : v1::DIVISION_UNSPECIFIED;
      // Without any units to place on (an agency the directory does not hold, such as
      // the default agency of a server started --empty), a Dinas Sosial division's name
      // is taken by that division, as before units were data; other texts are unplaced.
      const bool division_only = options.units.empty() && options.unit_map.empty() && d.ok();
      if (!division_only) {
        UnitPlacement placed =
            PlaceUnitKerja(unit_kerja, options.units, options.unit_map,
                           options.agency_code.empty() ? "the agency" : options.agency_code);
        out.placements.push_back(NodePlacement{node.rows[0].line, code, unit_kerja,
                                               std::move(placed.unit), std::move(placed.reason)});
      }
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
    added->set_unit_kerja(unit_kerja);

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
      const std::string id = absl::StrCat(code, "#", r + 1);
      if (!HasIndicatorCells(row)) {
        became(row.line, "Rp only, no indicator");
        continue;
      }
      std::string statement = row.indicator;
      const std::string unit = UnitOf(row);
      const KindReading kind =
          ReadKind(row, &statement, unit, spans[r].first, spans[r].second, code, id, &out.findings);
      became(row.line, absl::StrCat("indicator ", id, " (", AsAbsl(KindName(kind.kind)), ": ",
                                    kind.basis, ")"));
      v1::IndicatorDefined* ind = add()->mutable_indicator_defined();
      ind->set_node_code(code);
      ind->set_indicator_id(id);
      ind->set_statement(statement);
      ind->set_unit(unit);
      ind->set_kind(kind.kind);
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

    if (out.placements.size() > placements_before) {
      const NodePlacement& p = out.placements.back();
      became(p.line, p.unit.empty()
                         ? absl::StrCat("Unit Kerja \"", p.text, "\" not placed (", p.reason, ")")
                         : absl::StrCat("Unit Kerja \"", p.text, "\" is unit ", p.unit));
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

  if (options.strict_units) RENSTRA_RETURN_IF_ERROR(RefuseUnplaced(out.placements, options));

  v1::ImportReported* report = add()->mutable_import_reported();
  for (const v1::Finding& f : out.findings) *report->add_findings() = f;
  report->set_lines_read(table.lines_read);
  report->set_rows_used(table.rows_used);
  report->set_number_format(std::string(NumberFormatName(table.number_format.format)));
  report->set_number_format_evidence(table.number_format.summary);
  for (const v1::ImportLine& l : out.lines) *report->add_lines() = l;
  return out;
}

}  // namespace renstra
