// Fuzzes the T-C.27 import: ParseTc27, DecideImport on the parsed table, applying the
// events to an empty plan, ValidatePlan, and the export read back.
//
// Invariants (tc27_parser.h, import_decider.h, plan_state.h, tc27_exporter.h):
//  - ParseTc27 fails only with INVALID_ARGUMENT; a parsed table has coded nodes with
//    distinct canonical codes of program, kegiatan or sub kegiatan level, each with its
//    coded row first, and objectives that name a parsed goal;
//  - DecideImport fails only with INVALID_ARGUMENT (an unknown division);
//  - its events start with PlanEstablished, end with ImportReported and apply to an empty
//    PlanState without error, giving one node per parsed node; replaying them gives the
//    same ToProto();
//  - for UTF-8 input (all the services accept), every event, the plan's ToProto() and
//    every finding serialize and parse back unchanged: the log stays decodable;
//  - ExportTc27 (TSV and CSV) is read back by ParseTc27 (in the id notation, which the
//    export writes) and re-imported into the same
//    nodes: same codes, names (TSV turns tabs and line breaks into spaces), divisions,
//    parents, children in the same order, sasaran, number of indicators and of funded
//    years.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "domain/import_decider.h"
#include "domain/plan_state.h"
#include "domain/tc27_exporter.h"
#include "domain/tc27_parser.h"
#include "domain/validator.h"
#include "tests/fuzz/fuzz_check.h"
#include "tests/fuzz/fuzz_util.h"

namespace renstra::fuzz {
namespace {

const ImportOptions kOptions{.plan_id = "plan/fuzz", .source = "fuzz"};

void CheckTable(const ParsedTable& table) {
  FUZZ_CHECK(!table.nodes.empty(), "a parsed table without nodes");
  absl::flat_hash_set<std::string> codes;
  for (const ParsedNode& node : table.nodes) {
    FUZZ_CHECK(node.code.level() != v1::LEVEL_UNSPECIFIED, node.code.canonical());
    FUZZ_CHECK(codes.insert(node.code.canonical()).second,
               absl::StrCat("code ", node.code.canonical(), " parsed twice"));
    FUZZ_CHECK(!node.rows.empty() && node.rows[0].line > 0, node.code.canonical());
  }
  absl::flat_hash_set<std::string> goals;
  for (const ParsedGoal& g : table.goals) goals.insert(g.id);
  for (const ParsedObjective& o : table.objectives) {
    FUZZ_CHECK(goals.contains(o.goal_id), absl::StrCat(o.id, " names goal ", o.goal_id));
  }
}

// Applies the import of `table` to `state`; the decision must apply cleanly.
absl::StatusOr<ImportDecision> Import(const ParsedTable& table, PlanState* state) {
  absl::StatusOr<ImportDecision> decision = DecideImport(*state, table, kOptions);
  if (!decision.ok()) {
    FUZZ_CHECK(decision.status().code() == absl::StatusCode::kInvalidArgument,
               decision.status().ToString());
    return decision;
  }
  FUZZ_CHECK(decision->events.size() >= 2, "import without events");
  FUZZ_CHECK(decision->events.front().has_plan_established(),
             decision->events.front().ShortDebugString());
  FUZZ_CHECK(decision->events.back().has_import_reported(),
             decision->events.back().ShortDebugString());
  const absl::Status applied = state->ApplyAll(decision->events);
  FUZZ_CHECK(applied.ok(), applied.ToString());
  FUZZ_CHECK(state->node_count() == table.nodes.size(),
             absl::StrCat(state->node_count(), " nodes for ", table.nodes.size(), " parsed"));
  return decision;
}

// A cell as TSV writes it: tabs and line breaks become spaces (tc27_exporter.h).
std::string AsTsvCell(std::string s) {
  for (char& c : s) {
    if (c == '\t' || c == '\r' || c == '\n') c = ' ';
  }
  return s;
}

std::vector<std::string> SortedCodes(const PlanState& plan) {
  std::vector<std::string> out;
  for (const NodeState* n : plan.NodesInOrder()) out.push_back(n->code);
  std::sort(out.begin(), out.end());
  return out;
}

void CheckExport(const PlanState& plan, TableFormat format) {
  const std::string text = ExportTc27(plan, format);
  const char* name = format == TableFormat::kTsv ? "TSV export" : "CSV export";
  // An export writes the id notation; a small plan may hold no cell that shows it.
  const absl::StatusOr<ParsedTable> table =
      ParseTc27(text, Tc27ParseOptions{.number_format = NumberFormat::kId});
  FUZZ_CHECK(table.ok(), absl::StrCat(name, " does not parse: ", table.status().ToString(), "\n",
                                      absl::CEscape(text)));
  PlanState again;
  const absl::StatusOr<ImportDecision> decision = Import(*table, &again);
  FUZZ_CHECK(decision.ok(), absl::StrCat(name, " does not import: ", decision.status().ToString(),
                                         "\n", absl::CEscape(text)));
  // The same nodes; roots outside any sasaran move to the top (tc27_exporter.cc), so the
  // order of the roots may change, the order of each node's children may not.
  FUZZ_CHECK(SortedCodes(again) == SortedCodes(plan),
             absl::StrCat(name, " re-imports other nodes: ", absl::StrJoin(SortedCodes(again), " "),
                          " instead of ", absl::StrJoin(SortedCodes(plan), " "), "\n",
                          absl::CEscape(text)));
  for (const NodeState* n : plan.NodesInOrder()) {
    const NodeState* m = again.FindNode(n->code);
    const std::string want_name = format == TableFormat::kTsv ? AsTsvCell(n->name) : n->name;
    FUZZ_CHECK(m->name == want_name,
               absl::StrCat(name, " renames ", n->code, " from \"", absl::CEscape(n->name),
                            "\" to \"", absl::CEscape(m->name), "\"\n", absl::CEscape(text)));
    const auto moved = [&](const char* what, const std::string& from, const std::string& to) {
      return absl::StrCat(name, " changes the ", what, " of ", n->code, " from \"", from,
                          "\" to \"", to, "\"\n", absl::CEscape(text));
    };
    FUZZ_CHECK(m->division == n->division,
               moved("division", v1::Division_Name(n->division), v1::Division_Name(m->division)));
    FUZZ_CHECK(m->parent_code == n->parent_code, moved("parent", n->parent_code, m->parent_code));
    FUZZ_CHECK(m->children == n->children,
               moved("children", absl::StrJoin(n->children, " "), absl::StrJoin(m->children, " ")));
    FUZZ_CHECK(m->objective_id == n->objective_id,
               moved("sasaran", n->objective_id, m->objective_id));
    FUZZ_CHECK(
        m->indicators.size() == n->indicators.size(),
        absl::StrCat(name, " gives ", n->code, " ", m->indicators.size(), " indicators instead of ",
                     n->indicators.size(), "\n", absl::CEscape(text)));
    FUZZ_CHECK(
        m->funding.size() == n->funding.size(),
        absl::StrCat(name, " gives ", n->code, " ", m->funding.size(), " funding years instead of ",
                     n->funding.size(), "\n", absl::CEscape(text)));
  }
}

}  // namespace
}  // namespace renstra::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace renstra;        // NOLINT
  using namespace renstra::fuzz;  // NOLINT
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  const absl::StatusOr<ParsedTable> table = ParseTc27(text);
  if (!table.ok()) {
    FUZZ_CHECK(table.status().code() == absl::StatusCode::kInvalidArgument,
               table.status().ToString());
    return 0;
  }
  CheckTable(*table);

  PlanState plan;
  const absl::StatusOr<ImportDecision> decision = Import(*table, &plan);
  if (!decision.ok()) return 0;

  // Replay gives the same plan.
  PlanState replay;
  FUZZ_CHECK(replay.ApplyAll(decision->events).ok(), "replay fails");
  FUZZ_CHECK(DeterministicBytes(replay.ToProto()) == DeterministicBytes(plan.ToProto()),
             "replay gives another plan");

  const std::vector<v1::Finding> findings = ValidatePlan(plan);
  if (IsValidUtf8(text)) {
    for (const v1::PlanEvent& e : decision->events) CheckRoundTrip(e, "import event");
    for (const v1::Finding& f : decision->findings) CheckRoundTrip(f, "import finding");
    for (const v1::Finding& f : findings) CheckRoundTrip(f, "validation finding");
    CheckRoundTrip(plan.ToProto(), "plan");
  }
  CheckExport(plan, TableFormat::kTsv);
  CheckExport(plan, TableFormat::kCsv);
  return 0;
}
