// Consequences of a change on the seed's real nodes (domain/consequences.h).
#include "domain/consequences.h"

#include <gmock/gmock.h>

#include "domain/validator.h"
#include "gtest/gtest.h"
#include "tests/domain/seed_fixture.h"
#include "tests/testing/status_matchers.h"

namespace renstra {
namespace {

using ::renstra::testing::SetFunding;
using ::renstra::testing::SetTarget;

// "code | what | before -> after | note", one line per consequence, for exact asserts.
std::vector<std::string> Lines(const DerivedChanges& d) {
  std::vector<std::string> out;
  for (const Consequence& c : d.consequences) {
    out.push_back(c.code + " | " + c.what + " | " + c.before + " -> " + c.after +
                  (c.note.empty() ? "" : " | " + c.note));
  }
  return out;
}

const PlanState& Seed() {
  static const PlanState* const kSeed =
      new PlanState(testing::ImportText(testing::ReadSeedDocument()));
  return *kSeed;
}

// Issue 15: 1.06.04.2.01.002 (Penyediaan Sandang) 2025 150.000.000 -> 165.000.000. Its
// kegiatan (1.700.000.000 in 2025) and program (2.200.000.000) agreed with their children
// in the seed, so both move; so does each one's end-of-period Rp (all three agreed with
// their years).
TEST(ConsequencesTest, FundingChangeMovesParentsAndEndOfPeriodRp) {
  const v1::Change change = SetFunding("1.06.04.2.01.0002", 2025, 165000000);
  const DerivedChanges d = DeriveConsequences(Seed(), change, {change});
  EXPECT_THAT(Lines(d),
              ::testing::ElementsAre(
                  "1.06.04.2.01.002 | Rp akhir periode 1.06.04.2.01.0002#1 | 412.521.000 -> "
                  "427.521.000",
                  "1.06.04.2.01 | pagu 2025 | 1.700.000.000 -> 1.715.000.000",
                  "1.06.04.2.01 | Rp akhir periode 1.06.04.2.01#1 | 9.474.536.387 -> "
                  "9.489.536.387",
                  "1.06.04 | pagu 2025 | 2.200.000.000 -> 2.215.000.000",
                  "1.06.04 | Rp akhir periode 1.06.04#1 | 10.734.536.387 -> 10.749.536.387"));
  ASSERT_EQ(d.events.size(), 5u);
  EXPECT_EQ(d.events[1].funding_set().node_code(), "1.06.04.2.01");
  EXPECT_EQ(d.events[1].funding_set().amount().rupiah(), 1715000000);
  EXPECT_EQ(d.events[0].end_condition_set().indicator_id(), "1.06.04.2.01.0002#1");
  EXPECT_EQ(d.events[0].end_condition_set().end_funding().rupiah(), 427521000);
  EXPECT_FALSE(d.events[0].end_condition_set().has_end_target());
}

// 1.06.06.2.01 states 475.000.000 for 2025 while its children add up to 625.000.000 in
// the seed: the consequence says so and keeps the document's figure, and the program
// above it (which no longer moves) is left alone. The sub kegiatan's own row agreed.
TEST(ConsequencesTest, ParentAlreadyInconsistentKeepsTheDocumentsFigure) {
  const v1::Change change = SetFunding("1.06.06.2.01.0001", 2025, 300000000);
  const DerivedChanges d = DeriveConsequences(Seed(), change, {change});
  EXPECT_THAT(Lines(d),
              ::testing::ElementsAre(
                  "1.06.06.2.01.001 | Rp akhir periode 1.06.06.2.01.0001#1 | 862.306.500 -> "
                  "887.306.500",
                  "1.06.06.2.01 | pagu 2025 | 475.000.000 -> 475.000.000 | di dokumen sudah "
                  "tidak sama dengan jumlah anaknya (625.000.000); angka dokumen dipertahankan"));
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(d.events[0].end_condition_set().end_funding().rupiah(), 887306500);
  EXPECT_TRUE(d.consequences[1].kept());
}

TEST(ConsequencesTest, ExplicitParentFundingInTheSameProposalWins) {
  const v1::Change child = SetFunding("1.06.04.2.01.0002", 2025, 165000000);
  const v1::Change parent = SetFunding("1.06.04.2.01", 2025, 1715000000);
  const DerivedChanges d = DeriveConsequences(Seed(), child, {child, parent});
  EXPECT_THAT(Lines(d),
              ::testing::ElementsAre(
                  "1.06.04.2.01.002 | Rp akhir periode 1.06.04.2.01.0002#1 | 412.521.000 -> "
                  "427.521.000",
                  "1.06.04.2.01 | pagu 2025 | 1.700.000.000 -> 1.700.000.000 | ditetapkan oleh "
                  "perubahan lain dalam usulan ini"));
  EXPECT_EQ(d.events.size(), 1u);
}

// Issue 15: 1.06.04.2.01.001 counts Orang over the years (100+100+100+210+210 = 720);
// 2025 210 -> 230 Orang implies 740 Orang at the end of the period.
TEST(ConsequencesTest, CumulativeTargetImpliesTheSum) {
  const v1::Change change = SetTarget("1.06.04.2.01.0001#1", 2025, "230 Orang");
  const DerivedChanges d = DeriveConsequences(Seed(), change, {change});
  EXPECT_THAT(Lines(d), ::testing::ElementsAre("1.06.04.2.01.001 | target akhir periode "
                                               "1.06.04.2.01.0001#1 | 720 Orang -> 740 Orang"));
  ASSERT_EQ(d.events.size(), 1u);
  EXPECT_EQ(TargetValue::FromProto(d.events[0].end_condition_set().end_target()).Display(),
            "740 Orang");
  EXPECT_FALSE(d.events[0].end_condition_set().has_end_funding());
}

// A rate's end of period is its last year's value: 1.06.04 states 100% each year.
TEST(ConsequencesTest, RateTargetImpliesTheLastYear) {
  const v1::Change last = SetTarget("1.06.04#1", 2026, "95%");
  EXPECT_THAT(Lines(DeriveConsequences(Seed(), last, {last})),
              ::testing::ElementsAre("1.06.04 | target akhir periode 1.06.04#1 | 100% -> 95%"));
  const v1::Change earlier = SetTarget("1.06.04#1", 2025, "95%");
  EXPECT_THAT(Lines(DeriveConsequences(Seed(), earlier, {earlier})), ::testing::IsEmpty());
}

// 1.06.01.2.02.0001 states "1349Orang" where its years add up to 139 Orang.
TEST(ConsequencesTest, TargetAlreadyInconsistentKeepsTheDocumentsFigure) {
  const v1::Change change = SetTarget("1.06.01.2.02.0001#1", 2025, "30 Orang");
  const DerivedChanges d = DeriveConsequences(Seed(), change, {change});
  EXPECT_THAT(Lines(d), ::testing::ElementsAre(
                            "1.6.1.2.02.01 | target akhir periode 1.06.01.2.02.0001#1 | 1349Orang "
                            "-> 1349Orang | di dokumen sudah tidak sama dengan yang diberikan "
                            "target tahunannya (139 Orang); angka dokumen dipertahankan"));
  EXPECT_TRUE(d.events.empty());
}

// A proposal's consequences as the ratification will apply them, change by change: the
// second change of the same year sees the parents the first one moved.
TEST(ConsequencesTest, ProposalConsequencesFollowTheChangesInOrder) {
  std::vector<v1::Change> changes = {SetTarget("1.06.04.2.01.0001#1", 2025, "230 Orang"),
                                     SetFunding("1.06.04.2.01.0002", 2025, 165000000),
                                     SetFunding("1.06.04.2.01.0004", 2025, 140000000)};
  // The "before" values a proposal records (change_rules.h), as in the seed.
  TargetValue::Parse("210 Orang")->ToProto(changes[0].mutable_set_target()->mutable_before());
  Money::Rupiah(150000000).ToProto(changes[1].mutable_set_funding()->mutable_before());
  Money::Rupiah(130000000).ToProto(changes[2].mutable_set_funding()->mutable_before());
  std::vector<std::string> lines;
  for (const IndexedConsequence& ic : ProposalConsequences(Seed(), changes)) {
    if (ic.consequence.year == 0) continue;  // the end-of-period values: asserted above
    lines.push_back(std::to_string(ic.change_index) + " " + ic.consequence.code + " " +
                    ic.consequence.before + " -> " + ic.consequence.after);
  }
  EXPECT_THAT(lines, ::testing::ElementsAre("1 1.06.04.2.01 1.700.000.000 -> 1.715.000.000",
                                            "1 1.06.04 2.200.000.000 -> 2.215.000.000",
                                            "2 1.06.04.2.01 1.715.000.000 -> 1.725.000.000",
                                            "2 1.06.04 2.215.000.000 -> 2.225.000.000"));
}

TEST(ConsequencesTest, UnchangedAmountDerivesNothing) {
  const v1::Change change = SetFunding("1.06.04.2.01.0002", 2025, 150000000);
  const DerivedChanges d = DeriveConsequences(Seed(), change, {change});
  EXPECT_TRUE(d.consequences.empty());
  EXPECT_TRUE(d.events.empty());
}

}  // namespace
}  // namespace renstra
