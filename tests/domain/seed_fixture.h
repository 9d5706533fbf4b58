// Test helpers: T-C.27 rows and a plan imported from a table text (the seed document
// itself comes from tests/testing/seed.h).
#ifndef RENSTRA_TESTS_DOMAIN_SEED_FIXTURE_H_
#define RENSTRA_TESTS_DOMAIN_SEED_FIXTURE_H_

#include <string>
#include <vector>

#include "domain/import_decider.h"
#include "domain/money.h"
#include "domain/plan_state.h"
#include "domain/target_value.h"
#include "domain/tc27_parser.h"
#include "gtest/gtest.h"
#include "renstra/v1/workflow.pb.h"
#include "tests/testing/seed.h"
#include "tests/testing/status_matchers.h"

namespace renstra::testing {

// A 20-column TSV row: `cells` from column 1 on, the rest blank.
inline std::string Row(std::vector<std::string> cells) {
  cells.resize(kTc27Columns);
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) out += (i ? "\t" : "") + cells[i];
  return out + "\n";
}

// A T-C.27 header with the column-number row.
inline constexpr char kTc27Header[] =
    "Tujuan\tSasaran\tKode\tProgram\tIndikator\tAwal\tTarget\n"
    "1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12\t13\t14\t15\t16\t17\t18\t19\t20\n";

// Parses `text`, decides the import against an empty plan and applies the events.
inline PlanState ImportText(const std::string& text) {
  absl::StatusOr<ParsedTable> table = ParseTc27(text);
  EXPECT_THAT(table, IsOk()) << table.status();
  PlanState state;
  if (!table.ok()) return state;
  absl::StatusOr<ImportDecision> decision =
      DecideImport(state, *table, ImportOptions{.plan_id = "plan/test", .source = "test"});
  EXPECT_THAT(decision, IsOk()) << decision.status();
  if (!decision.ok()) return state;
  for (const v1::PlanEvent& e : decision->events) {
    absl::Status s = state.Apply(e);
    EXPECT_THAT(s, IsOk()) << s;
  }
  return state;
}

// A proposal's SetTarget change of `indicator`'s `year` to `value` (written the
// Indonesian way), without its "before".
inline v1::Change SetTarget(const std::string& indicator, int year, const std::string& value) {
  v1::Change c;
  c.mutable_set_target()->set_indicator_id(indicator);
  c.mutable_set_target()->set_year(year);
  TargetValue::Parse(value)->ToProto(c.mutable_set_target()->mutable_value());
  return c;
}

// A proposal's SetFunding change of node `code`'s `year` to `rupiah`, without its "before".
inline v1::Change SetFunding(const std::string& code, int year, int64_t rupiah) {
  v1::Change c;
  c.mutable_set_funding()->set_node_code(code);
  c.mutable_set_funding()->set_year(year);
  Money::Rupiah(rupiah).ToProto(c.mutable_set_funding()->mutable_amount());
  return c;
}

}  // namespace renstra::testing

#endif  // RENSTRA_TESTS_DOMAIN_SEED_FIXTURE_H_
