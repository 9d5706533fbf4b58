// Imports every table of tests/domain/testdata/import/ and compares the plan and the
// findings with the table's hand-written `.expected` file (its README describes the
// directives). The expectations were written from the tables, not from this importer.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "domain/import_decider.h"
#include "domain/indicator_kind.h"
#include "domain/plan_state.h"
#include "domain/tc27_parser.h"
#include "gtest/gtest.h"

namespace renstra {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

const IndicatorState* FindIndicator(const PlanState& plan, const std::string& id) {
  auto [node, index] = plan.FindIndicator(id);
  return node == nullptr ? nullptr : &node->indicators[index];
}

// Runs one table against its expectations; failures name the directive's line.
void CheckTable(const fs::path& table_path) {
  const fs::path expected_path = table_path.string() + ".expected";
  std::vector<std::string> directives;
  for (absl::string_view line : absl::StrSplit(ReadFile(expected_path), '\n')) {
    if (line.empty() || line[0] == '#') continue;
    directives.emplace_back(line);
  }
  Tc27ParseOptions options;
  std::string expected_error;
  for (const std::string& d : directives) {
    if (d == "options number_format=en") options.number_format = NumberFormat::kEn;
    if (d == "options number_format=id") options.number_format = NumberFormat::kId;
    if (d.rfind("error ", 0) == 0) expected_error = d.substr(6);
  }

  absl::StatusOr<ParsedTable> table = ParseTc27(ReadFile(table_path), options);
  if (!expected_error.empty()) {
    ASSERT_FALSE(table.ok()) << "expected the import to be refused";
    EXPECT_EQ(table.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(table.status().message(), expected_error);
    return;
  }
  ASSERT_TRUE(table.ok()) << table.status();
  absl::StatusOr<ImportDecision> decision =
      DecideImport(PlanState(), *table, ImportOptions{.plan_id = "plan/corpus", .source = "c"});
  ASSERT_TRUE(decision.ok()) << decision.status();
  PlanState plan;
  ASSERT_TRUE(plan.ApplyAll(decision->events).ok());

  std::multiset<std::string> want_findings, got_findings;
  std::vector<int> want_skipped;
  for (const v1::Finding& f : decision->findings) {
    got_findings.insert(absl::StrCat(v1::Finding::Kind_Name(f.kind()), " ", f.line()));
  }
  for (const std::string& d : directives) {
    SCOPED_TRACE(d);
    std::vector<std::string> w = absl::StrSplit(d, absl::MaxSplits(' ', 1));
    const std::string& verb = w[0];
    const std::string rest = w.size() > 1 ? w[1] : "";
    auto arg = [&](int n) {  // the n-th word and the rest after it
      std::vector<std::string> parts = absl::StrSplit(rest, absl::MaxSplits(' ', n));
      return parts;
    };
    if (verb == "number_format") {
      EXPECT_EQ(NumberFormatName(table->number_format.format), rest);
    } else if (verb == "nodes") {
      EXPECT_EQ(absl::StrCat(plan.node_count()), rest);
    } else if (verb == "goals") {
      EXPECT_EQ(absl::StrCat(table->goals.size()), rest);
    } else if (verb == "objectives") {
      EXPECT_EQ(absl::StrCat(table->objectives.size()), rest);
    } else if (verb == "funding") {
      std::vector<std::string> p = arg(2);
      const NodeState* node = plan.FindNode(p[0]);
      ASSERT_NE(node, nullptr);
      int year = 0;
      ASSERT_TRUE(absl::SimpleAtoi(p[1], &year));
      auto it = node->funding.find(year);
      ASSERT_NE(it, node->funding.end());
      EXPECT_EQ(absl::StrCat(it->second.rupiah()), p[2]);
    } else if (verb == "baseline" || verb == "end_target") {
      std::vector<std::string> p = arg(1);
      const IndicatorState* ind = FindIndicator(plan, p[0]);
      ASSERT_NE(ind, nullptr);
      EXPECT_EQ((verb == "baseline" ? ind->baseline : ind->end_target).ToIndonesian(), p[1]);
    } else if (verb == "target") {
      std::vector<std::string> p = arg(2);
      const IndicatorState* ind = FindIndicator(plan, p[0]);
      ASSERT_NE(ind, nullptr);
      int year = 0;
      ASSERT_TRUE(absl::SimpleAtoi(p[1], &year));
      auto it = ind->targets.find(year);
      ASSERT_NE(it, ind->targets.end());
      EXPECT_EQ(it->second.ToIndonesian(), p[2]);
    } else if (verb == "kind" || verb == "statement") {
      std::vector<std::string> p = arg(1);
      const IndicatorState* ind = FindIndicator(plan, p[0]);
      ASSERT_NE(ind, nullptr);
      EXPECT_EQ(verb == "kind" ? std::string(KindName(ind->kind)) : ind->statement, p[1]);
    } else if (verb == "objective") {
      std::vector<std::string> p = arg(1);
      const NodeState* node = plan.FindNode(p[0]);
      ASSERT_NE(node, nullptr);
      EXPECT_EQ(node->objective_id, p[1]);
    } else if (verb == "goal_of") {
      std::vector<std::string> p = arg(1);
      const ObjectiveState* o = plan.FindObjective(p[0]);
      ASSERT_NE(o, nullptr);
      EXPECT_EQ(o->goal_id, p[1]);
    } else if (verb == "stated") {
      std::vector<std::string> p = arg(2);
      const StatedTargets* stated = nullptr;
      for (const GoalState& g : plan.goals()) {
        if (g.id == p[0]) stated = &g.stated;
      }
      if (const ObjectiveState* o = plan.FindObjective(p[0])) stated = &o->stated;
      ASSERT_NE(stated, nullptr);
      if (p[1] == "unit") {
        EXPECT_EQ(stated->unit, p[2]);
      } else if (p[1] == "baseline") {
        EXPECT_EQ(stated->baseline.ToIndonesian(), p[2]);
      } else if (p[1] == "end") {
        EXPECT_EQ(stated->end_target.ToIndonesian(), p[2]);
      } else {
        int year = 0;
        ASSERT_TRUE(absl::SimpleAtoi(p[1], &year));
        auto it = stated->targets.find(year);
        ASSERT_NE(it, stated->targets.end());
        EXPECT_EQ(it->second.ToIndonesian(), p[2]);
      }
    } else if (verb == "parent") {
      std::vector<std::string> p = arg(1);
      const NodeState* node = plan.FindNode(p[0]);
      ASSERT_NE(node, nullptr);
      EXPECT_EQ(node->parent_code, p[1]);
    } else if (verb == "line") {
      std::vector<std::string> p = arg(2);
      const v1::ImportLine* got = nullptr;
      for (const v1::ImportLine& l : decision->lines) {
        if (absl::StrCat(l.line()) == p[0]) got = &l;
      }
      ASSERT_NE(got, nullptr) << "no outcome for line " << p[0];
      EXPECT_EQ(v1::ImportLine::Outcome_Name(got->outcome()), p[1]);
      EXPECT_EQ(got->what(), p[2]);
    } else if (verb == "finding") {
      want_findings.insert(rest);
    } else if (verb == "message") {
      std::vector<std::string> p = arg(1);
      std::vector<std::string> at_line;
      for (const v1::Finding& f : decision->findings) {
        if (absl::StrCat(f.line()) == p[0]) at_line.push_back(f.message());
      }
      EXPECT_NE(std::find(at_line.begin(), at_line.end(), p[1]), at_line.end())
          << "the findings of line " << p[0] << ": " << absl::StrJoin(at_line, " | ");
    } else if (verb == "skipped") {
      int line = 0;
      ASSERT_TRUE(absl::SimpleAtoi(rest, &line));
      want_skipped.push_back(line);
    } else if (verb != "options") {
      ADD_FAILURE() << "unknown directive";
    }
  }
  EXPECT_EQ(got_findings, want_findings);
  std::vector<int> got_skipped;
  for (const SkippedLine& s : table->skipped) got_skipped.push_back(s.line);
  EXPECT_EQ(got_skipped, want_skipped);

  // Every line from the header row to the last row has one outcome, in line order; the
  // skipped ones are those listed as skipped; ImportReported records them all.
  ASSERT_FALSE(decision->lines.empty());
  std::vector<int> skipped_outcomes;
  for (size_t k = 0; k < decision->lines.size(); ++k) {
    const v1::ImportLine& l = decision->lines[k];
    EXPECT_EQ(l.line(), decision->lines[0].line() + static_cast<int>(k)) << l.what();
    EXPECT_NE(l.outcome(), v1::ImportLine::OUTCOME_UNSPECIFIED) << l.line();
    EXPECT_FALSE(l.what().empty()) << l.line();
    if (absl::StartsWith(l.what(), "table header") || absl::StartsWith(l.what(), "heading ") ||
        absl::StartsWith(l.what(), "JUMLAH row") ||
        l.what() == "row with no code, statement or value") {
      continue;  // the table's own header, headings and totals: not furniture
    }
    if (l.outcome() == v1::ImportLine::SKIPPED) skipped_outcomes.push_back(l.line());
  }
  EXPECT_EQ(skipped_outcomes, want_skipped);
  const v1::PlanEvent& last = decision->events.back();
  ASSERT_TRUE(last.has_import_reported());
  ASSERT_EQ(last.import_reported().lines_size(), static_cast<int>(decision->lines.size()));
  for (size_t k = 0; k < decision->lines.size(); ++k) {
    EXPECT_EQ(last.import_reported().lines(static_cast<int>(k)).SerializeAsString(),
              decision->lines[k].SerializeAsString());
  }
}

TEST(ImportCorpusTest, EveryTableImportsAsExpected) {
  std::vector<fs::path> tables;
  for (const fs::directory_entry& e : fs::directory_iterator(RENSTRA_IMPORT_CORPUS_DIR)) {
    const std::string name = e.path().filename().string();
    if (name.size() > 9 && name.substr(name.size() - 9) == ".expected") {
      tables.push_back(e.path().parent_path() / name.substr(0, name.size() - 9));
    }
  }
  std::sort(tables.begin(), tables.end());
  ASSERT_GE(tables.size(), 6u);
  for (const fs::path& t : tables) {
    SCOPED_TRACE(t.filename().string());
    CheckTable(t);
  }
}

}  // namespace
}  // namespace renstra
