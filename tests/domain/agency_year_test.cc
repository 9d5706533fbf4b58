// One agency's year at a glance on the real seed plan: serapan of the whole budget (the
// programs' pagu against all spending) and the mean capaian of the indicators judged,
// each checked against figures worked out here from the plan and the records.
#include "domain/agency_year.h"

#include "tests/domain/realization_fixture.h"
#include "tests/testing/status_matchers.h"

namespace renstra {
namespace {

using namespace renstra::testing;  // NOLINT: test helpers

class AgencyYearTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_THAT(r_.Spending(kRina, "RLZ-000001", "1.06.04.2.01.0001", 2024, 300000000), IsOk());
    ASSERT_THAT(r_.Spending(kRina, "RLZ-000002", "1.06.04.2.01.0002", 2024, 60000000), IsOk());
    // Permakanan 2024: target 100 Orang, quarters 20 + 30 + 25 + 35 = 110 → 110,00.
    ASSERT_THAT(r_.Achievement(kRina, "RLZ-000003", "1.06.04.2.01.0001#1", 2024,
                               Quarters({"20 Orang", "30 Orang", "25 Orang", "35 Orang"})),
                IsOk());
    // Program 1.06.04 2024: target 100%, the latest quarter 80% → 80,00.
    ASSERT_THAT(r_.Achievement(kRina, "RLZ-000004", "1.06.04#1", 2024, Quarters({"40%", "80%"})),
                IsOk());
  }

  // The seed's programs' pagu of `year`, added up over the nodes in document order.
  int64_t ProgramPagu(int year) const {
    int64_t sum = 0;
    for (const NodeState* n : r_.plan().NodesInOrder()) {
      if (n->level != v1::PROGRAM) continue;
      auto it = n->funding.find(year);
      if (it != n->funding.end()) sum += it->second.rupiah();
    }
    return sum;
  }

  // Indicators with a stated target in `year`.
  int IndicatorsWithTarget(int year) const {
    int count = 0;
    for (const NodeState* n : r_.plan().NodesInOrder()) {
      for (const IndicatorState& i : n->indicators) {
        auto it = i.targets.find(year);
        count += it != i.targets.end() && it->second.kind() != TargetValue::Kind::kEmpty;
      }
    }
    return count;
  }

  Realizations r_;
  ReportOptions options_;
};

TEST_F(AgencyYearTest, SerapanOfTheWholeBudgetAndTheMeanCapaian) {
  absl::StatusOr<AgencyYear> y = SummarizeAgencyYear(r_.plan(), r_.book(), 2024, options_);
  ASSERT_THAT(y, IsOk()) << y.status();
  EXPECT_EQ(y->year, 2024);
  const int64_t pagu = ProgramPagu(2024);
  ASSERT_GT(pagu, 0);
  EXPECT_EQ(y->funding, Money::Rupiah(pagu));
  EXPECT_EQ(y->spent, Money::Rupiah(360000000));
  EXPECT_EQ(y->absorption, Ratio::Percent(360000000, pagu));
  EXPECT_TRUE(y->absorption.computable());
  // Two of the indicators are judged: (110 + 80) ÷ 2 = 95,00.
  EXPECT_EQ(y->indicators, IndicatorsWithTarget(2024));
  EXPECT_EQ(y->indicators_judged, 2);
  EXPECT_EQ(y->capaian.ToIndonesian(), "95,00");
  EXPECT_EQ(y->capaian_predikat, "Sangat Baik");
}

TEST_F(AgencyYearTest, AYearWithNothingRecordedSaysWhy) {
  absl::StatusOr<AgencyYear> y = SummarizeAgencyYear(r_.plan(), r_.book(), 2025, options_);
  ASSERT_THAT(y, IsOk()) << y.status();
  EXPECT_EQ(y->funding, Money::Rupiah(ProgramPagu(2025)));
  EXPECT_FALSE(y->spent.present());
  EXPECT_FALSE(y->absorption.computable());
  EXPECT_EQ(y->absorption.reason(), "no spending recorded");
  EXPECT_EQ(y->absorption_predikat, "");
  EXPECT_EQ(y->indicators_judged, 0);
  EXPECT_FALSE(y->capaian.computable());
  EXPECT_EQ(y->capaian.reason(), "no indicator has a rasio capaian for the year");
  EXPECT_EQ(y->capaian_predikat, "");
}

TEST_F(AgencyYearTest, AYearOutsideThePlanIsRefused) {
  absl::StatusOr<AgencyYear> y = SummarizeAgencyYear(r_.plan(), r_.book(), 2021, options_);
  EXPECT_EQ(y.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(y.status().message(), "year 2021: must be a target year 2022..2026");
}

}  // namespace
}  // namespace renstra
