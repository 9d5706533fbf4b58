#include "domain/validator.h"

#include "gtest/gtest.h"
#include "tests/domain/seed_fixture.h"

namespace renstra {
namespace {

using testing::ImportText;
using testing::kTc27Header;
using testing::Row;

std::vector<v1::Finding> Of(const std::vector<v1::Finding>& all, v1::Finding::Kind kind) {
  std::vector<v1::Finding> out;
  for (const v1::Finding& f : all) {
    if (f.kind() == kind) out.push_back(f);
  }
  return out;
}

// Program 1.06.04 with kegiatan 1.06.04.2.01 and two sub kegiatan, values given per test.
std::string Table(const std::vector<std::string>& program, const std::vector<std::string>& kegiatan,
                  const std::vector<std::string>& sub1, const std::vector<std::string>& sub2) {
  auto row = [](std::string code, std::string name, std::vector<std::string> values) {
    std::vector<std::string> cells = {"", "", code, name, "Indikator " + name};
    cells.insert(cells.end(), values.begin(), values.end());
    return Row(cells);
  };
  return std::string(kTc27Header) + row("1.06.04", "Program", program) +
         row("1.06.04.2.01", "Kegiatan", kegiatan) + row("1.06.04.2.01.0001", "Sub A", sub1) +
         row("1.06.04.2.01.0002", "Sub B", sub2);
}

const std::vector<std::string> kConsistentSub = {
    "1 Dokumen", "1 Dokumen", "100",       "1 Dokumen", "100",       "1 Dokumen", "100",
    "1 Dokumen", "100",       "1 Dokumen", "100",       "5 Dokumen", "500"};
const std::vector<std::string> kConsistentParent = {"100%", "100%", "200",  "100%", "200",
                                                    "100%", "200",  "100%", "200",  "100%",
                                                    "200",  "100%", "1.000"};

TEST(ValidatorTest, ConsistentPlanHasNoFinding) {
  PlanState plan =
      ImportText(Table(kConsistentParent, kConsistentParent, kConsistentSub, kConsistentSub));
  EXPECT_TRUE(ValidatePlan(plan).empty());
}

TEST(ValidatorTest, RowFundingTotalNamesStatedAndComputed) {
  std::vector<std::string> sub = kConsistentSub;
  sub[12] = "600";
  PlanState plan = ImportText(Table(kConsistentParent, kConsistentParent, kConsistentSub, sub));
  std::vector<v1::Finding> f = ValidatePlan(plan);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].kind(), v1::Finding::ROW_FUNDING_TOTAL);
  EXPECT_EQ(f[0].code(), "1.06.04.2.01.0002");
  EXPECT_EQ(f[0].stated(), "600");
  EXPECT_EQ(f[0].computed(), "500");
}

TEST(ValidatorTest, ParentAgainstChildrenPerYear) {
  std::vector<std::string> kegiatan = kConsistentParent;
  kegiatan[6] = "1.250";  // 2024 Rp
  kegiatan[12] = "2.050";
  PlanState plan = ImportText(Table(kConsistentParent, kegiatan, kConsistentSub, kConsistentSub));
  std::vector<v1::Finding> f = ValidatePlan(plan);
  std::vector<v1::Finding> parent = Of(f, v1::Finding::PARENT_CHILDREN_FUNDING);
  ASSERT_EQ(parent.size(), 2u);
  // The program no longer matches its kegiatan in 2024, and the kegiatan not its subs.
  EXPECT_EQ(parent[0].code(), "1.06.04");
  EXPECT_EQ(parent[0].year(), 2024);
  EXPECT_EQ(parent[0].stated(), "200");
  EXPECT_EQ(parent[0].computed(), "1.250");
  EXPECT_EQ(parent[1].code(), "1.06.04.2.01");
  EXPECT_EQ(parent[1].stated(), "1.250");
  EXPECT_EQ(parent[1].computed(), "200");
  EXPECT_TRUE(Of(f, v1::Finding::ROW_FUNDING_TOTAL).empty());
}

TEST(ValidatorTest, CountTargetTotalAndUnitMismatch) {
  std::vector<std::string> sub = kConsistentSub;
  sub[11] = "6 Dokumen";
  std::vector<std::string> other = kConsistentSub;
  other[5] = "1 Laporan";  // 2024 target in another unit
  PlanState plan = ImportText(Table(kConsistentParent, kConsistentParent, sub, other));
  std::vector<v1::Finding> f = ValidatePlan(plan);
  std::vector<v1::Finding> totals = Of(f, v1::Finding::TARGET_TOTAL);
  ASSERT_EQ(totals.size(), 1u);
  EXPECT_EQ(totals[0].code(), "1.06.04.2.01.0001");
  EXPECT_EQ(totals[0].stated(), "6 Dokumen");
  EXPECT_EQ(totals[0].computed(), "5 Dokumen");
  std::vector<v1::Finding> units = Of(f, v1::Finding::UNIT_MISMATCH);
  ASSERT_EQ(units.size(), 1u);
  EXPECT_EQ(units[0].code(), "1.06.04.2.01.0002");
  EXPECT_EQ(units[0].year(), 2024);
  EXPECT_EQ(units[0].stated(), "1 Laporan");
  EXPECT_EQ(units[0].computed(), "Dokumen");
}

TEST(ValidatorTest, TargetsTooLargeToAddUpAreReportedNotAsserted) {
  // Two yearly targets near the int64 limit (the validator used to assert, or in a
  // release build report a wrapped-around sum).
  std::vector<std::string> sub = kConsistentSub;
  sub[1] = "9.000.000.000.000.000.000 Dokumen";
  sub[3] = "9.000.000.000.000.000.000 Dokumen";
  PlanState plan = ImportText(Table(kConsistentParent, kConsistentParent, kConsistentSub, sub));
  std::vector<v1::Finding> totals = Of(ValidatePlan(plan), v1::Finding::TARGET_TOTAL);
  ASSERT_EQ(totals.size(), 1u);
  EXPECT_EQ(totals[0].code(), "1.06.04.2.01.0002");
  EXPECT_EQ(totals[0].stated(), "5 Dokumen");
  EXPECT_EQ(totals[0].computed(), "");
  EXPECT_EQ(totals[0].message(),
            "1.06.04.2.01.0002 (1.06.04.2.01.0002#1): yearly targets are too large to add up; "
            "the end-of-period target states 5 Dokumen");
}

TEST(ValidatorTest, UnitCaseIsIgnoredAndPercentagesAreNotSummed) {
  std::vector<std::string> sub = kConsistentSub;
  sub[11] = "5 dokumen";
  PlanState plan = ImportText(Table(kConsistentParent, kConsistentParent, sub, kConsistentSub));
  EXPECT_TRUE(ValidatePlan(plan).empty());
}

TEST(ValidatorTest, MissingParent) {
  const std::string text = std::string(kTc27Header) +
                           Row({"", "", "1.06.04", "Program", "Ind", "100%"}) +
                           Row({"", "", "1.06.04.2.02.0001", "Orphan", "Ind", "1 Orang"});
  PlanState plan = ImportText(text);
  std::vector<v1::Finding> f = Of(ValidatePlan(plan), v1::Finding::MISSING_PARENT);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].code(), "1.06.04.2.02.0001");
  EXPECT_EQ(f[0].stated(), "1.06.04.2.02");
}

TEST(ValidatorTest, SeedFindingsByKind) {
  PlanState plan = ImportText(testing::ReadSeedDocument());
  std::vector<v1::Finding> f = ValidatePlan(plan);
  EXPECT_EQ(f.size(), 17u);
  EXPECT_EQ(Of(f, v1::Finding::TARGET_TOTAL).size(), 10u);
  EXPECT_EQ(Of(f, v1::Finding::PARENT_CHILDREN_FUNDING).size(), 3u);
  EXPECT_EQ(Of(f, v1::Finding::ROW_FUNDING_TOTAL).size(), 2u);
  EXPECT_EQ(Of(f, v1::Finding::UNIT_MISMATCH).size(), 2u);
  EXPECT_TRUE(Of(f, v1::Finding::MISSING_PARENT).empty());
}

TEST(ValidatorTest, SeedFindingsCheckedByHand) {
  PlanState plan = ImportText(testing::ReadSeedDocument());
  std::vector<v1::Finding> f = ValidatePlan(plan);
  // Line 736: 22 + 30 + 29 + 29 + 29 Orang, but the end of period states "1349Orang".
  std::vector<v1::Finding> totals = Of(f, v1::Finding::TARGET_TOTAL);
  EXPECT_EQ(totals[0].code(), "1.06.01.2.02.0001");
  EXPECT_EQ(totals[0].stated(), "1349Orang");
  EXPECT_EQ(totals[0].computed(), "139 Orang");
  // Line 742 states 11.000.000 for 2024; its children (743: 50.000.000, 744 realigned:
  // 11.000.000) add up to 61.000.000.
  std::vector<v1::Finding> parents = Of(f, v1::Finding::PARENT_CHILDREN_FUNDING);
  EXPECT_EQ(parents[0].code(), "1.06.01.2.05");
  EXPECT_EQ(parents[0].year(), 2024);
  EXPECT_EQ(parents[0].stated(), "11.000.000");
  EXPECT_EQ(parents[0].computed(), "61.000.000");
  // Line 821 states 475.000.000 for 2025 and 2026; lines 822-826 add up to
  // 275 + 150 + 50 + 100 + 50 = 625 million in each.
  EXPECT_EQ(parents[1].code(), "1.06.06.2.01");
  EXPECT_EQ(parents[1].year(), 2025);
  EXPECT_EQ(parents[1].computed(), "625.000.000");
  EXPECT_EQ(parents[2].year(), 2026);
  // Line 793: 30 + 30 + 35 million, the end of period states 110.000.000.
  std::vector<v1::Finding> rows = Of(f, v1::Finding::ROW_FUNDING_TOTAL);
  EXPECT_EQ(rows[1].code(), "1.06.04.2.01.0008");
  EXPECT_EQ(rows[1].stated(), "110.000.000");
  EXPECT_EQ(rows[1].computed(), "95.000.000");
  // Line 811: baseline "100%" for an indicator counted in Orang.
  std::vector<v1::Finding> units = Of(f, v1::Finding::UNIT_MISMATCH);
  EXPECT_EQ(units[0].code(), "1.06.05.2.01.0003");
  EXPECT_EQ(units[0].year(), 2021);
  EXPECT_EQ(units[0].stated(), "100%");
}

}  // namespace
}  // namespace renstra

namespace renstra {
namespace {

// A program, a kegiatan and one sub kegiatan whose indicator and targets are given.
std::string KindTable(const std::string& indicator, const std::vector<std::string>& values) {
  auto row = [](std::string code, std::string indicator, std::vector<std::string> values) {
    std::vector<std::string> cells = {"", "", code, "Nama " + code, indicator};
    cells.insert(cells.end(), values.begin(), values.end());
    return Row(cells);
  };
  const std::vector<std::string> rate = {"50%", "60%", "100", "60%", "100", "60%", "100",
                                         "60%", "100", "60%", "100", "60%", "500"};
  return std::string(kTc27Header) + row("1.06.04", "Persentase panti terakreditasi", rate) +
         row("1.06.04.2.01", "Persentase panti terakreditasi", rate) +
         row("1.06.04.2.01.0001", indicator, values);
}

std::vector<std::string> Targets(const std::vector<std::string>& five, const std::string& end) {
  return {five[0], five[0], "100",   five[1], "100", five[2], "100",
          five[3], "100",   five[4], "100",   end,   "500"};
}

TEST(ValidatorKindTest, AStockEndsAtItsLastYearsTarget) {
  const std::vector<std::string> years = {"10 Unit", "11 Unit", "12 Unit", "13 Unit", "14 Unit"};
  PlanState good = ImportText(KindTable("Jumlah panti yang beroperasi", Targets(years, "14 Unit")));
  EXPECT_TRUE(Of(ValidatePlan(good), v1::Finding::TARGET_TOTAL).empty());

  PlanState summed =
      ImportText(KindTable("Jumlah panti yang beroperasi", Targets(years, "60 Unit")));
  std::vector<v1::Finding> totals = Of(ValidatePlan(summed), v1::Finding::TARGET_TOTAL);
  ASSERT_EQ(totals.size(), 1u);
  EXPECT_EQ(totals[0].code(), "1.06.04.2.01.0001");
  EXPECT_EQ(totals[0].stated(), "60 Unit");
  EXPECT_EQ(totals[0].computed(), "14 Unit");
  EXPECT_EQ(totals[0].message(),
            "1.06.04.2.01.0001 (1.06.04.2.01.0001#1, a stock): the last year's target is 14 Unit, "
            "the end-of-period target states 60 Unit");
}

TEST(ValidatorKindTest, ARateEndsAtItsLastYearsTarget) {
  const std::vector<std::string> years = {"60%", "65%", "70%", "75%", "80%"};
  PlanState plan = ImportText(KindTable("Persentase lansia terlayani", Targets(years, "85%")));
  std::vector<v1::Finding> totals = Of(ValidatePlan(plan), v1::Finding::TARGET_TOTAL);
  ASSERT_EQ(totals.size(), 1u);
  EXPECT_EQ(totals[0].stated(), "85%");
  EXPECT_EQ(totals[0].computed(), "80%");
  EXPECT_EQ(totals[0].message(),
            "1.06.04.2.01.0001 (1.06.04.2.01.0001#1, a rate): the last year's target is 80%, the "
            "end-of-period target states 85%");
}

TEST(ValidatorKindTest, AnUndeterminedKindIsReportedOnlyWhenNeitherCheckHolds) {
  const std::vector<std::string> years = {"3 Desa", "3 Desa", "3 Desa", "3 Desa", "3 Desa"};
  PlanState last = ImportText(KindTable("Jumlah desa siaga", Targets(years, "3 Desa")));
  EXPECT_TRUE(Of(ValidatePlan(last), v1::Finding::TARGET_TOTAL).empty());
  PlanState sum = ImportText(KindTable("Jumlah desa siaga", Targets(years, "15 Desa")));
  EXPECT_TRUE(Of(ValidatePlan(sum), v1::Finding::TARGET_TOTAL).empty());

  PlanState neither = ImportText(KindTable("Jumlah desa siaga", Targets(years, "10 Desa")));
  std::vector<v1::Finding> totals = Of(ValidatePlan(neither), v1::Finding::TARGET_TOTAL);
  ASSERT_EQ(totals.size(), 1u);
  EXPECT_EQ(totals[0].stated(), "10 Desa");
  EXPECT_EQ(totals[0].computed(), "15 Desa");
  EXPECT_EQ(totals[0].message(),
            "1.06.04.2.01.0001 (1.06.04.2.01.0001#1, kind undetermined): the end-of-period target "
            "states 10 Desa, neither the sum of the yearly targets (15 Desa) nor the last year's "
            "target (3 Desa)");
}

}  // namespace
}  // namespace renstra
