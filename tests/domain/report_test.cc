// Report models on the real seed plan: a few realizations for program 1.06.04
// (Rehabilitasi Sosial) and the exact figures of the T-C.23, T-C.24, E.80 and
// early-warning rows.
#include "domain/report_models.h"
#include "tests/domain/realization_fixture.h"
#include "tests/testing/status_matchers.h"

namespace renstra {
namespace {

using namespace renstra::testing;  // NOLINT: test helpers
using Code = absl::StatusCode;

constexpr char kProgram[] = "1.06.04";
constexpr char kKegiatan[] = "1.06.04.2.01";
constexpr char kPermakanan[] = "1.06.04.2.01.0001";
constexpr char kSandang[] = "1.06.04.2.01.0002";
constexpr char kAlatBantu[] = "1.06.04.2.01.0003";

class ReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Budget (seed pagu: Permakanan 2023 311.248.240, 2024 320.000.000; Sandang 2024
    // 75.000.000; kegiatan 2023 3.523.998.700, 2024 1.425.000.000; program 2024
    // 1.685.000.000).
    ASSERT_THAT(r_.Spending(kRina, "RLZ-000001", kPermakanan, 2023, 311000000), IsOk());
    ASSERT_THAT(r_.Spending(kRina, "RLZ-000002", "1.06.04.2.01.001", 2024, 300000000), IsOk());
    ASSERT_THAT(r_.Spending(kRina, "RLZ-000003", kSandang, 2024, 60000000), IsOk());
    // Output (targets 2023 and 2024: 100 Orang; program 100%; Alat Bantu 2022: "0").
    ASSERT_THAT(
        r_.Achievement(kRina, "RLZ-000004", "1.06.04.2.01.0001#1", 2023, Yearly("95 Orang")),
        IsOk());
    CorrectCommand fix = Fix("RLZ-000005", "RLZ-000004");
    fix.achievement = Yearly("98 Orang");
    fix.evidence_ref = "BA-2023-rev";
    fix.note = "tiga penerima belum tercatat";
    ASSERT_THAT(r_.Correct(kRina, fix), IsOk());
    ASSERT_THAT(r_.Achievement(kRina, "RLZ-000006", "1.06.04.2.01.0001#1", 2024,
                               Quarters({"20 Orang", "30 Orang", "25 Orang", "35 Orang"})),
                IsOk());
    ASSERT_THAT(r_.Achievement(kRina, "RLZ-000007", "1.06.04#1", 2024, Quarters({"40%", "80%"})),
                IsOk());
    ASSERT_THAT(r_.Achievement(kRina, "RLZ-000008", "1.06.04.2.01.0002#1", 2024, Yearly("60")),
                IsOk());
    ASSERT_THAT(r_.Achievement(kRina, "RLZ-000009", "1.06.04.2.01.0003#1", 2022, Yearly("0")),
                IsOk());
  }

  template <typename Row>
  static const Row* FindRow(const std::vector<Row>& rows, const std::string& code) {
    for (const Row& row : rows) {
      if (row.node.code == code) return &row;
    }
    return nullptr;
  }

  Realizations r_;
  ReportOptions options_;
};

TEST_F(ReportTest, Tc23TargetsRealizationsAndRatios) {
  absl::StatusOr<std::vector<Tc23Row>> rows = BuildTc23(r_.plan(), r_.book(), kProgram, options_);
  ASSERT_THAT(rows, IsOk()) << rows.status();
  ASSERT_GE(rows->size(), 5u);
  // Document order: the program's indicator, the kegiatan's, then its sub kegiatan.
  EXPECT_EQ((*rows)[0].indicator.indicator_id, "1.06.04#1");
  EXPECT_EQ((*rows)[0].node.depth, 0);
  EXPECT_EQ((*rows)[1].indicator.indicator_id, "1.06.04.2.01#1");
  EXPECT_EQ((*rows)[2].indicator.indicator_id, "1.06.04.2.01.0001#1");
  EXPECT_EQ((*rows)[2].node.depth, 2);
  EXPECT_EQ((*rows)[2].node.code_written, "1.06.04.2.01.001");

  const IndicatorLine& program = (*rows)[0].indicator;
  ASSERT_EQ(program.years.size(), 5u);
  EXPECT_EQ(program.years[2].target_text, "100%");
  EXPECT_EQ(program.years[2].realization_text, "80%");
  EXPECT_EQ(program.years[2].ratio_text, "80,00");
  EXPECT_EQ(program.average_text, "80,00");
  EXPECT_EQ(program.predikat, "Baik");

  const IndicatorLine& permakanan = (*rows)[2].indicator;
  EXPECT_EQ(permakanan.unit, "Orang");
  EXPECT_EQ(permakanan.polarity, Polarity::kHigherIsBetter);
  EXPECT_EQ(permakanan.years[0].year, 2022);
  EXPECT_EQ(permakanan.years[0].target_text, "100 Orang");
  EXPECT_EQ(permakanan.years[0].realization_text, "");
  EXPECT_EQ(permakanan.years[0].ratio_text, "-");
  EXPECT_EQ(permakanan.years[0].ratio.reason(), "no realization recorded");
  // 2023: the correction (98) wins over the original (95).
  EXPECT_EQ(permakanan.years[1].realization_text, "98 Orang");
  EXPECT_EQ(permakanan.years[1].realization_id, "RLZ-000005");
  EXPECT_EQ(permakanan.years[1].ratio.value(), Decimal(9800, 2));
  EXPECT_EQ(permakanan.years[1].ratio_text, "98,00");
  // 2024: the quarters of a count indicator add up: 20 + 30 + 25 + 35 = 110.
  EXPECT_EQ(permakanan.years[2].realization_text, "110 Orang");
  EXPECT_EQ(permakanan.years[2].ratio_text, "110,00");
  EXPECT_EQ(permakanan.years[3].target_text, "210 Orang");
  EXPECT_EQ(permakanan.years[3].ratio_text, "-");
  EXPECT_EQ(permakanan.average_text, "104,00");
  EXPECT_EQ(permakanan.predikat, "Sangat Baik");

  // A target of 0 gives no ratio, not a fake 0 or 100.
  const Tc23Row* alat = FindRow(*rows, kAlatBantu);
  ASSERT_NE(alat, nullptr);
  EXPECT_EQ(alat->indicator.years[0].target_text, "0");
  // The importer took the unit from the first target, "0", so this indicator has none.
  EXPECT_EQ(alat->indicator.unit, "");
  EXPECT_EQ(alat->indicator.years[0].realization_text, "0");
  EXPECT_FALSE(alat->indicator.years[0].ratio.computable());
  EXPECT_EQ(alat->indicator.years[0].ratio.reason(), "target is 0");
  EXPECT_EQ(alat->indicator.average_text, "-");
  EXPECT_EQ(alat->indicator.predikat, "");
}

TEST_F(ReportTest, Tc23YearFilterAndErrors) {
  options_.year = 2024;
  absl::StatusOr<std::vector<Tc23Row>> rows =
      BuildTc23(r_.plan(), r_.book(), kPermakanan, options_);
  ASSERT_THAT(rows, IsOk()) << rows.status();
  ASSERT_EQ(rows->size(), 1u);
  ASSERT_EQ((*rows)[0].indicator.years.size(), 1u);
  EXPECT_EQ((*rows)[0].indicator.years[0].ratio_text, "110,00");
  EXPECT_EQ((*rows)[0].indicator.average_text, "110,00");

  options_.year = 2030;
  ExpectStatus(BuildTc23(r_.plan(), r_.book(), kProgram, options_).status(), Code::kInvalidArgument,
               "year: 2030 is outside the plan's years 2022–2026");
  options_.year.reset();
  ExpectStatus(BuildTc24(r_.plan(), r_.book(), "9.99.99", options_).status(), Code::kNotFound,
               "root_code: no node \"9.99.99\" in the plan");
}

TEST_F(ReportTest, Tc24FundingSpentAbsorptionAndAverages) {
  absl::StatusOr<std::vector<Tc24Row>> rows = BuildTc24(r_.plan(), r_.book(), kProgram, options_);
  ASSERT_THAT(rows, IsOk()) << rows.status();

  const Tc24Row* sub = FindRow(*rows, kPermakanan);
  ASSERT_NE(sub, nullptr);
  EXPECT_EQ(sub->years[0].funding_text, "19.386.300");
  EXPECT_EQ(sub->years[0].spent_text, "");
  EXPECT_EQ(sub->years[0].absorption.reason(), "no spending recorded");
  EXPECT_EQ(sub->years[1].funding_text, "311.248.240");
  EXPECT_EQ(sub->years[1].spent_text, "311.000.000");
  EXPECT_EQ(sub->years[1].absorption_text, "99,92");
  EXPECT_EQ(sub->years[2].spent, Money::Rupiah(300000000));
  EXPECT_EQ(sub->years[2].absorption_text, "93,75");
  // Averages over the years with data: pagu over five years, spent over two.
  EXPECT_EQ(sub->average_funding_text, "270.126.908");  // 1.350.634.540 ÷ 5
  EXPECT_EQ(sub->average_spent_text, "305.500.000");
  EXPECT_EQ(sub->average_absorption_text, "96,84");  // (99,9202… + 93,75) ÷ 2

  // Rollup: the kegiatan's spent is its sub kegiatan's, against its own pagu.
  const Tc24Row* kegiatan = FindRow(*rows, kKegiatan);
  ASSERT_NE(kegiatan, nullptr);
  EXPECT_EQ(kegiatan->node.depth, 1);
  EXPECT_EQ(kegiatan->years[1].spent_text, "311.000.000");
  EXPECT_EQ(kegiatan->years[1].funding_text, "3.523.998.700");
  EXPECT_EQ(kegiatan->years[1].absorption_text, "8,83");
  EXPECT_EQ(kegiatan->years[2].spent_text, "360.000.000");
  EXPECT_EQ(kegiatan->years[2].funding_text, "1.425.000.000");
  EXPECT_EQ(kegiatan->years[2].absorption_text, "25,26");
  EXPECT_EQ(kegiatan->average_absorption_text, "17,04");

  const Tc24Row& program = (*rows)[0];
  EXPECT_EQ(program.node.code, kProgram);
  EXPECT_EQ(program.years[2].spent_text, "360.000.000");
  EXPECT_EQ(program.years[2].funding_text, "1.685.000.000");
  EXPECT_EQ(program.years[2].absorption_text, "21,36");
  EXPECT_EQ(program.average_spent_text, "335.500.000");
  EXPECT_EQ(program.average_absorption_text, "15,10");

  // A node with nothing recorded has no absorption and no average.
  const Tc24Row* alat = FindRow(*rows, kAlatBantu);
  EXPECT_EQ(alat->years[0].funding_text, "-");
  EXPECT_EQ(alat->years[0].absorption.reason(), "no funding (pagu)");
  EXPECT_FALSE(alat->average_spent.present());
  EXPECT_EQ(alat->average_absorption_text, "-");
}

TEST_F(ReportTest, E80KinerjaKeuanganAndPredikat) {
  absl::StatusOr<std::vector<E80Row>> rows = BuildE80(r_.plan(), r_.book(), kProgram, options_);
  ASSERT_THAT(rows, IsOk()) << rows.status();
  const E80Row& program = (*rows)[0];
  ASSERT_EQ(program.kinerja.size(), 1u);
  EXPECT_EQ(program.kinerja[0].average_text, "80,00");
  EXPECT_EQ(program.kinerja[0].predikat, "Baik");
  EXPECT_EQ(program.keuangan.average_absorption_text, "15,10");
  EXPECT_EQ(program.keuangan_predikat, "Sangat Kurang");

  const E80Row* sub = FindRow(*rows, kPermakanan);
  ASSERT_NE(sub, nullptr);
  EXPECT_EQ(sub->kinerja[0].years[2].ratio_text, "110,00");
  EXPECT_EQ(sub->kinerja[0].predikat, "Sangat Baik");
  EXPECT_EQ(sub->keuangan.years[2].absorption_text, "93,75");
  EXPECT_EQ(sub->keuangan.average_absorption_text, "96,84");
  EXPECT_EQ(sub->keuangan_predikat, "Sangat Baik");

  const E80Row* sandang = FindRow(*rows, kSandang);
  EXPECT_EQ(sandang->kinerja[0].average_text, "60,00");
  EXPECT_EQ(sandang->kinerja[0].predikat, "Kurang");
  EXPECT_EQ(sandang->keuangan.average_absorption_text, "80,00");
  EXPECT_EQ(sandang->keuangan_predikat, "Baik");
}

TEST_F(ReportTest, EarlyWarningBelowThresholds) {
  WarningOptions w;
  w.year = 2024;
  absl::StatusOr<std::vector<WarningItem>> items =
      BuildEarlyWarning(r_.plan(), r_.book(), "", w, options_);
  ASSERT_THAT(items, IsOk()) << items.status();
  ASSERT_EQ(items->size(), 3u);
  EXPECT_EQ((*items)[0].kind, WarningItem::Kind::kKeuangan);
  EXPECT_EQ((*items)[0].node.code, kProgram);
  EXPECT_EQ((*items)[0].message, "serapan anggaran 21,36 di bawah 75");
  EXPECT_EQ((*items)[1].node.code, kKegiatan);
  EXPECT_EQ((*items)[1].ratio_text, "25,26");
  EXPECT_EQ((*items)[2].kind, WarningItem::Kind::kKinerja);
  EXPECT_EQ((*items)[2].indicator_id, "1.06.04.2.01.0002#1");
  EXPECT_EQ((*items)[2].message, "rasio capaian 60,00 di bawah 75");

  // Also the targets and pagu of 2024 with nothing recorded.
  w.include_unrecorded = true;
  items = BuildEarlyWarning(r_.plan(), r_.book(), kKegiatan, w, options_);
  ASSERT_THAT(items, IsOk()) << items.status();
  ASSERT_GE(items->size(), 3u);
  EXPECT_EQ((*items)[0].indicator_id, "1.06.04.2.01#1");
  EXPECT_EQ((*items)[0].message, "realisasi belum dicatat");
  EXPECT_EQ((*items)[1].message, "serapan anggaran 25,26 di bawah 75");

  w.year = 2021;
  ExpectStatus(BuildEarlyWarning(r_.plan(), r_.book(), "", w, options_).status(),
               Code::kInvalidArgument, "year: 2021 is outside the plan's years 2022–2026");
}

}  // namespace
}  // namespace renstra
