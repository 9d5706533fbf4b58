#include "domain/plan_state.h"

#include "absl/strings/str_cat.h"
#include "domain/import_decider.h"
#include "gtest/gtest.h"
#include "tests/domain/seed_fixture.h"
#include "tests/testing/status_matchers.h"

namespace renstra {
namespace {

using testing::ImportText;
using testing::IsOk;
using testing::ReadSeedDocument;

v1::PlanEvent NodeAddedEvent(const std::string& code, const std::string& parent) {
  v1::PlanEvent e;
  e.mutable_node_added()->set_code(code);
  e.mutable_node_added()->set_parent_code(parent);
  return e;
}

TEST(PlanStateTest, SeedImportBuildsTheTreesInDocumentOrder) {
  PlanState plan = ImportText(ReadSeedDocument());
  EXPECT_EQ(plan.node_count(), 113u);
  ASSERT_EQ(plan.roots().size(), 9u);
  EXPECT_EQ(plan.roots().front(), "1.06.01");
  EXPECT_EQ(plan.roots().back(), "2.13.05");
  const NodeState* kegiatan = plan.FindNode("1.06.04.2.01");
  ASSERT_NE(kegiatan, nullptr);
  EXPECT_EQ(kegiatan->children.size(), 12u);
  EXPECT_EQ(kegiatan->division, v1::REHABILITASI_SOSIAL);
  EXPECT_EQ(plan.FindNode("1.06.01")->division, v1::SEKRETARIAT);
  EXPECT_EQ(plan.FindNode("2.13.05.2.01.0011")->division, v1::PEMBERDAYAAN_MASYARAKAT);
  EXPECT_EQ(plan.NodesInOrder()[1]->code, "1.06.01.2.01");
}

TEST(PlanStateTest, IndicatorReplacedFrom2024HasTwoSpans) {
  PlanState plan = ImportText(ReadSeedDocument());
  const NodeState* program = plan.FindNode("2.13.04");
  ASSERT_NE(program, nullptr);
  ASSERT_EQ(program->indicators.size(), 2u);
  EXPECT_EQ(program->indicators[0].from_year, 2022);
  EXPECT_EQ(program->indicators[0].to_year, 2023);
  EXPECT_EQ(program->indicators[1].id, "2.13.04#2");
  EXPECT_EQ(program->indicators[1].from_year, 2024);
  EXPECT_EQ(program->indicators[1].to_year, 2026);
  EXPECT_EQ(program->funding.at(2022).rupiah(), 9870000);
  EXPECT_EQ(program->funding.at(2026).rupiah(), 650000000);
  // A single-indicator node is in force for the whole period.
  EXPECT_EQ(plan.FindNode("1.06.04")->indicators[0].from_year, 2022);
  EXPECT_EQ(plan.FindNode("1.06.04")->indicators[0].to_year, 2026);
}

TEST(PlanStateTest, ToProtoHasRollupsAndTotals) {
  PlanState plan = ImportText(ReadSeedDocument());
  absl::StatusOr<v1::Node> node = plan.NodeToProto("1.06.05.2.02", true);
  ASSERT_THAT(node, IsOk()) << node.status();
  ASSERT_EQ(node->children_size(), 4);
  // 2024 children: 150.000.000 + 100.000.000 + 15.000.000.000 + 100.000.000.
  ASSERT_EQ(node->children_funding_size(), 5);
  EXPECT_EQ(node->children_funding(2).year(), 2024);
  EXPECT_EQ(node->children_funding(2).amount().rupiah(), 15350000000);
  // 99.533.419 + 1.926.262.000 + 15.350.000.000 + 15.450.000.000 + 15.450.000.000
  EXPECT_EQ(node->funding_total(), 48275795419);
  EXPECT_EQ(node->indicators(0).unit(), "%");
}

TEST(PlanStateTest, UnknownNodeIsNotFound) {
  PlanState plan = ImportText(ReadSeedDocument());
  absl::StatusOr<v1::Node> node = plan.NodeToProto("9.99.99", false);
  EXPECT_EQ(node.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(node.status().message(), "code 9.99.99: no such node in the plan");
}

TEST(PlanStateTest, ReplayFromZeroIsByteIdentical) {
  const std::string seed = ReadSeedDocument();
  PlanState first = ImportText(seed);
  PlanState second = ImportText(seed);
  EXPECT_EQ(first.ToProto().SerializeAsString(), second.ToProto().SerializeAsString());
}

TEST(PlanStateTest, EnvelopeSetsVersionAndSequence) {
  PlanState plan;
  v1::PlanEvent e;
  e.mutable_plan_established()->set_plan_id("plan/x");
  v1::EventEnvelope env;
  env.set_sequence(7);
  env.set_stream_version(1);
  e.SerializeToString(env.mutable_payload());
  ASSERT_THAT(plan.Apply(env), IsOk());
  EXPECT_EQ(plan.version(), 1);
  EXPECT_EQ(plan.last_sequence(), 7u);
  env.set_payload("\xff\xff");
  absl::Status bad = plan.Apply(env);
  EXPECT_EQ(bad.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.message(), "event 7: payload is not a PlanEvent");
}

TEST(PlanStateTest, ContradictoryEventsAreRejected) {
  PlanState plan;
  ASSERT_THAT(plan.Apply(NodeAddedEvent("1.06.04", "")), IsOk());
  absl::Status twice = plan.Apply(NodeAddedEvent("1.06.04", ""));
  EXPECT_EQ(twice.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(twice.message(), "node 1.06.04 added twice");

  v1::PlanEvent target;
  target.mutable_target_set()->set_indicator_id("1.06.04#9");
  target.mutable_target_set()->set_year(2024);
  EXPECT_EQ(plan.Apply(target).code(), absl::StatusCode::kFailedPrecondition);

  v1::PlanEvent funding;
  funding.mutable_funding_set()->set_node_code("1.06.04");
  funding.mutable_funding_set()->set_year(2031);
  absl::Status year = plan.Apply(funding);
  EXPECT_EQ(year.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(year.message().find("2031"), std::string::npos);
}

TEST(PlanStateTest, OrphanNodeStaysVisibleAsRoot) {
  PlanState plan;
  ASSERT_THAT(plan.Apply(NodeAddedEvent("1.06.09.2.01", "1.06.09")), IsOk());
  ASSERT_EQ(plan.roots().size(), 1u);
  EXPECT_EQ(plan.roots()[0], "1.06.09.2.01");
}

TEST(PlanStateTest, OrphanJoinsItsParentWhenTheParentArrives) {
  PlanState plan;
  ASSERT_THAT(plan.Apply(NodeAddedEvent("1.06.09", "")), IsOk());
  ASSERT_THAT(plan.Apply(NodeAddedEvent("1.06.09.2.01.0002", "1.06.09.2.01")), IsOk());
  ASSERT_THAT(plan.Apply(NodeAddedEvent("1.06.09.2.01.0001", "1.06.09.2.01")), IsOk());
  ASSERT_EQ(plan.roots().size(), 3u);
  ASSERT_THAT(plan.Apply(NodeAddedEvent("1.06.09.2.01", "1.06.09")), IsOk());
  EXPECT_EQ(plan.roots(), std::vector<std::string>{"1.06.09"});
  EXPECT_EQ(plan.FindNode("1.06.09")->children, std::vector<std::string>{"1.06.09.2.01"});
  EXPECT_EQ(plan.FindNode("1.06.09.2.01")->children,
            (std::vector<std::string>{"1.06.09.2.01.0002", "1.06.09.2.01.0001"}));
  std::vector<std::string> order;
  for (const NodeState* n : plan.NodesInOrder()) order.push_back(n->code);
  EXPECT_EQ(order, (std::vector<std::string>{"1.06.09", "1.06.09.2.01", "1.06.09.2.01.0002",
                                             "1.06.09.2.01.0001"}));
}

TEST(ImportDeciderTest, SecondImportIsFailedPrecondition) {
  const std::string seed = ReadSeedDocument();
  PlanState plan = ImportText(seed);
  absl::StatusOr<ParsedTable> table = ParseTc27(seed);
  ASSERT_THAT(table, IsOk());
  absl::StatusOr<ImportDecision> again =
      DecideImport(plan, *table, ImportOptions{.plan_id = "plan/test", .source = ""});
  EXPECT_EQ(again.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(again.status().message().find("an import needs an empty plan"), std::string::npos);
}

TEST(ImportDeciderTest, RowWithoutStatementKeepsItsIndicatorCells) {
  // No statement, but a baseline, a 2022 target without a unit and an end-of-period Rp:
  // they form the indicator (they used to be dropped, and the exported table then
  // re-imported with the 2022 amount moved into the end-of-period column).
  const PlanState plan =
      ImportText(std::string(testing::kTc27Header) +
                 testing::Row({"", "", "1.06.01", "Program", "", "N/A", "0", "1.000", "", "", "",
                               "", "", "", "", "", "", "1.000"}) +
                 testing::Row({"", "", "1.06.01.2.01", "Kegiatan", "", "", "", "500"}));
  const NodeState* program = plan.FindNode("1.06.01");
  ASSERT_NE(program, nullptr);
  ASSERT_EQ(program->indicators.size(), 1u);
  const IndicatorState& ind = program->indicators[0];
  EXPECT_EQ(ind.id, "1.06.01#1");
  EXPECT_EQ(ind.baseline.kind(), TargetValue::Kind::kNotAvailable);
  EXPECT_EQ(ind.targets.at(2022).written(), "0");
  EXPECT_EQ(ind.end_funding.rupiah(), 1000);
  EXPECT_EQ(program->funding.at(2022).rupiah(), 1000);
  // A row with Rp cells only defines no indicator; the amount is the node's funding.
  const NodeState* kegiatan = plan.FindNode("1.06.01.2.01");
  ASSERT_NE(kegiatan, nullptr);
  EXPECT_TRUE(kegiatan->indicators.empty());
  EXPECT_EQ(kegiatan->funding.at(2022).rupiah(), 500);
}

TEST(ImportDeciderTest, AnUnknownUnitKerjaIsImportedUnplacedAndReported) {
  // It used to refuse the whole import; now the row is imported without a unit, its
  // text kept as written, and reported.
  const std::string text =
      "Tujuan\tSasaran\tKode\tProgram\tIndikator\n"
      "1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12\t13\t14\t15\t16\t17\t18\t19\t20\n"
      "\t\t1.06.04\tProgram\tInd\t100%\t\t\t\t\t\t\t\t\t\t\t\t\tBidang Pariwisata\t\n";
  absl::StatusOr<ParsedTable> table = ParseTc27(text);
  ASSERT_THAT(table, IsOk()) << table.status();
  absl::StatusOr<ImportDecision> d =
      DecideImport(PlanState(), *table, ImportOptions{.plan_id = "plan/test", .source = ""});
  ASSERT_THAT(d, IsOk());
  ASSERT_EQ(d->placements.size(), 1u);
  const NodePlacement& p = d->placements[0];
  EXPECT_EQ(absl::StrCat("line ", p.line, " ", p.code, " \"", p.text, "\" unit=", p.unit, " : ",
                         p.reason),
            "line 3 1.06.04 \"Bidang Pariwisata\" unit= : no unit of the agency has this code or "
            "name");
  PlanState plan;
  ASSERT_THAT(plan.ApplyAll(d->events), IsOk());
  const NodeState* node = plan.FindNode("1.06.04");
  ASSERT_NE(node, nullptr);
  // Not guessed: no division, rather than the program's default.
  EXPECT_EQ(node->division, v1::DIVISION_UNSPECIFIED);
  EXPECT_EQ(node->unit_kerja, "Bidang Pariwisata");
}

}  // namespace
}  // namespace renstra
