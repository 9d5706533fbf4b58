// Formulas of realization and achievement: rounding, rasio capaian by target kind and
// polarity, quarters, averages and predikat. Every expectation is an exact figure.
#include "domain/realization_ratio.h"

#include <string>

#include "domain/capaian.h"
#include "domain/predikat.h"
#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"

namespace renstra {
namespace {

using ::renstra::testing::IsOk;

using Kind = TargetValue::Kind;

TargetValue T(const std::string& text) {
  absl::StatusOr<TargetValue> v = TargetValue::Parse(text);
  EXPECT_THAT(v, IsOk()) << v.status();
  return v.ok() ? *v : TargetValue();
}

Decimal D(const std::string& text) { return *Decimal::ParseIndonesian(text); }

// The printed ratio, or "n/c: <reason>" when not computable.
std::string Show(const Ratio& r) {
  return r.computable() ? r.ToIndonesian() : "n/c: " + r.reason();
}

std::string Higher(const std::string& target, const std::string& realization) {
  return Show(AchievementRatio(T(target), T(realization), Polarity::kHigherIsBetter,
                               LowerIsBetterFormula::kSymmetric));
}
std::string Lower(const std::string& target, const std::string& realization,
                  LowerIsBetterFormula f) {
  return Show(AchievementRatio(T(target), T(realization), Polarity::kLowerIsBetter, f));
}
constexpr auto kInverse = LowerIsBetterFormula::kInverse;
constexpr auto kSymmetric = LowerIsBetterFormula::kSymmetric;

TEST(RatioTest, RoundsHalfUpOnceToTwoDecimals) {
  EXPECT_EQ(Show(Ratio::PercentOf(D("2"), D("3"))), "66,67");
  EXPECT_EQ(Show(Ratio::PercentOf(D("1"), D("3"))), "33,33");
  EXPECT_EQ(Show(Ratio::PercentOf(D("1"), D("8"))), "12,50");
  // 0,125 % exactly: the half rounds up.
  EXPECT_EQ(Show(Ratio::PercentOf(D("1"), D("800"))), "0,13");
  EXPECT_EQ(Show(Ratio::PercentOf(D("0,125"), D("100"))), "0,13");
  // Just below the half does not round up (0,12499...).
  EXPECT_EQ(Show(Ratio::PercentOf(D("124.999"), D("100.000.000"))), "0,12");
  EXPECT_EQ(Show(Ratio::PercentOf(D("0"), D("5"))), "0,00");
  EXPECT_EQ(Show(Ratio::PercentOf(D("5"), D("0"))), "n/c: denominator is 0");
  EXPECT_EQ(Ratio::PercentOf(D("2"), D("3")).value(), Decimal(6667, 2));
  EXPECT_EQ(Ratio::PercentOf(D("2"), D("3")).value().scale(), 2);
  EXPECT_EQ(Ratio().ToIndonesian(), "-");
}

TEST(CapaianTest, NumberAndPercentTargetsHigherIsBetter) {
  EXPECT_EQ(Higher("36 Dokumen", "30 Dokumen"), "83,33");
  EXPECT_EQ(Higher("210 Orang", "215 Orang"), "102,38");
  EXPECT_EQ(Higher("100%", "95,5%"), "95,50");
  EXPECT_EQ(Higher("139.700 Orang", "139.700 Orang"), "100,00");
  EXPECT_EQ(Higher("4,19%", "4,20%"), "100,24");
}

TEST(CapaianTest, TargetsWithoutANumberAreNotComputable) {
  EXPECT_EQ(Higher("0", "5"), "n/c: target is 0");
  EXPECT_EQ(Higher("0 Orang", "0 Orang"), "n/c: target is 0");
  EXPECT_EQ(Lower("0%", "1%", kInverse), "n/c: target is 0");
  EXPECT_EQ(Lower("0%", "1%", kSymmetric), "n/c: target is 0");
  EXPECT_EQ(Higher("N/A", "5"), "n/c: target is N/A");
  EXPECT_EQ(Higher("-", "5"), "n/c: no target (\"-\")");
  EXPECT_EQ(Higher("", "5"), "n/c: no target");
  EXPECT_EQ(
      Show(AchievementRatio(T("36 Dokumen"), TargetValue(), Polarity::kHigherIsBetter, kSymmetric)),
      "n/c: no realization recorded");
  EXPECT_EQ(Higher("36 Dokumen", "30 Orang"),
            "n/c: unit mismatch: target in \"Dokumen\", realization in \"Orang\"");
  EXPECT_EQ(Higher("100%", "30 Orang"),
            "n/c: unit mismatch: target in \"%\", realization in \"Orang\"");
}

TEST(CapaianTest, LowerIsBetterBothFormulas) {
  EXPECT_EQ(Lower("10%", "8%", kSymmetric), "120,00");  // (20 − 8) ÷ 10
  EXPECT_EQ(Lower("10%", "8%", kInverse), "125,00");    // 10 ÷ 8
  EXPECT_EQ(Lower("10%", "12%", kSymmetric), "80,00");  // (20 − 12) ÷ 10
  EXPECT_EQ(Lower("10%", "12%", kInverse), "83,33");    // 10 ÷ 12
  EXPECT_EQ(Lower("10%", "20%", kSymmetric), "0,00");   // exactly 0
  EXPECT_EQ(Lower("10%", "25%", kSymmetric), "0,00");   // floored at 0, not −50
  EXPECT_EQ(Lower("10%", "25%", kInverse), "40,00");
  EXPECT_EQ(Lower("10%", "0%", kSymmetric), "200,00");
  EXPECT_EQ(Lower("10%", "0%", kInverse),
            "n/c: realization is 0: the inverse formula for a lower-is-better indicator is "
            "undefined");
  EXPECT_EQ(Lower("6,36%", "5,08%", kSymmetric), "120,13");  // 7,64 ÷ 6,36 = 1,20125…
}

TEST(CapaianTest, RangeTargets) {
  // Inside (bounds included) is 100.
  EXPECT_EQ(Higher("4,19-4,90%", "4,50%"), "100,00");
  EXPECT_EQ(Higher("4,19-4,90%", "4,19%"), "100,00");
  EXPECT_EQ(Higher("4,19-4,90%", "4,90%"), "100,00");
  // Below: against the low end; above: against the high end.
  EXPECT_EQ(Higher("4,19-4,90%", "4%"), "95,47");              // 4 ÷ 4,19 = 0,954653…
  EXPECT_EQ(Higher("4,19-4,90%", "5%"), "102,04");             // 5 ÷ 4,90 = 1,020408…
  EXPECT_EQ(Lower("4,19-4,90%", "4%", kSymmetric), "104,53");  // 4,38 ÷ 4,19
  EXPECT_EQ(Lower("4,19-4,90%", "5%", kSymmetric), "97,96");   // 4,80 ÷ 4,90
  EXPECT_EQ(Lower("4,19-4,90%", "4%", kInverse), "104,75");    // 4,19 ÷ 4
  EXPECT_EQ(Lower("4,19-4,90%", "5%", kInverse), "98,00");     // 4,90 ÷ 5
  // A range without a unit accepts a bare realization.
  EXPECT_EQ(Higher("4,19-4,90", "4,5"), "100,00");
  EXPECT_EQ(Higher("0-0", "1"), "n/c: range high end is 0");
}

TEST(CapaianTest, BoundTargets) {
  EXPECT_EQ(Higher("> 351", "400"), "100,00");
  EXPECT_EQ(Higher("> 351", "351"), "100,00");  // ">" read as "at least"
  EXPECT_EQ(Higher("> 351", "300"), "85,47");   // 300 ÷ 351 = 0,854700…
  EXPECT_EQ(Higher("≥ 80%", "79%"), "98,75");
  EXPECT_EQ(Higher("≥ 80%", "80%"), "100,00");
  // "<" is a lower-is-better goal whatever the indicator's polarity.
  EXPECT_EQ(Higher("< 5%", "4%"), "100,00");
  EXPECT_EQ(Higher("< 5%", "6%"), "80,00");  // symmetric: (10 − 6) ÷ 5
  EXPECT_EQ(Show(AchievementRatio(T("< 5%"), T("6%"), Polarity::kHigherIsBetter, kInverse)),
            "83,33");
  EXPECT_EQ(Higher("> 0", "0"), "100,00");
  EXPECT_EQ(Higher("< 0", "1"), "n/c: bound is 0");
  // A bounded range is judged as its range: the ">" is a category label.
  EXPECT_EQ(Higher("> 201-350", "250"), "100,00");
  EXPECT_EQ(Higher("> 201-350", "180"), "89,55");   // 180 ÷ 201
  EXPECT_EQ(Higher("> 201-350", "400"), "114,29");  // 400 ÷ 350
}

TEST(CapaianTest, QuartersSumForCountsAndTakeTheLatestForPercentages) {
  AchievedValue count;
  count.quarters[0] = TargetValue::Number(D("10"), "Orang");
  count.quarters[2] = TargetValue::Number(D("15,5"), "Orang");
  EXPECT_EQ(EffectiveAchievement(count).ToIndonesian(), "25,5 Orang");

  AchievedValue percent;
  percent.quarters[0] = TargetValue::Percent(D("40"));
  percent.quarters[1] = TargetValue::Percent(D("55"));
  EXPECT_EQ(EffectiveAchievement(percent).ToIndonesian(), "55%");
  percent.quarters[3] = TargetValue::Percent(D("38"));  // the latest, even if lower
  EXPECT_EQ(EffectiveAchievement(percent).ToIndonesian(), "38%");

  // An explicit yearly value wins over the quarters.
  count.yearly = TargetValue::Number(D("30"), "Orang");
  EXPECT_EQ(EffectiveAchievement(count).ToIndonesian(), "30 Orang");

  EXPECT_EQ(EffectiveAchievement(AchievedValue()).kind(), Kind::kEmpty);
  EXPECT_TRUE(AchievedValue().empty());
  EXPECT_FALSE(count.empty());
}

TEST(CapaianTest, AchievedValueProtoKeepsOnlyStatedValues) {
  AchievedValue v;
  v.quarters[1] = TargetValue::Number(D("7"), "Dokumen");
  v1::AchievedValue proto;
  v.ToProto(&proto);
  EXPECT_FALSE(proto.has_yearly());
  EXPECT_FALSE(proto.has_q1());
  EXPECT_TRUE(proto.has_q2());
  const AchievedValue back = AchievedValue::FromProto(proto);
  EXPECT_EQ(back.quarters[1], v.quarters[1]);
  EXPECT_EQ(back.quarters[0].kind(), Kind::kEmpty);
}

TEST(CapaianTest, PolarityTable) {
  PolarityConfig config;
  EXPECT_EQ(PolarityOf(config, "x#1", "Tingkat Kemiskinan"), Polarity::kLowerIsBetter);
  EXPECT_EQ(PolarityOf(config, "x#1", "  persentase penduduk miskin"), Polarity::kLowerIsBetter);
  EXPECT_EQ(PolarityOf(config, "x#1", "Angka Kematian Bayi"), Polarity::kLowerIsBetter);
  EXPECT_EQ(PolarityOf(config, "x#1", "Angka Partisipasi Sekolah"), Polarity::kHigherIsBetter);
  EXPECT_EQ(PolarityOf(config, "x#1", "Jumlah Orang yang Mendapatkan Pelayanan"),
            Polarity::kHigherIsBetter);
  config.lower_is_better_ids.insert("x#1");
  EXPECT_EQ(PolarityOf(config, "x#1", "Jumlah Kasus"), Polarity::kLowerIsBetter);
  config.higher_is_better_ids.insert("y#1");
  EXPECT_EQ(PolarityOf(config, "y#1", "Tingkat Kemiskinan"), Polarity::kHigherIsBetter);
  EXPECT_EQ(PolarityConfig().lower_formula, LowerIsBetterFormula::kSymmetric);
}

TEST(AverageTest, OverTheYearsWithDataFromExactValues) {
  // T-C.24's first row (2017–2020): the printed ratios 81,92 58,89 99,94 95,47 average
  // 84,055 → 84,06, but the table (and the exact mean) says 84,05.
  std::vector<Ratio> ratios = {
      Ratio::Percent(252739884, 308529000),      Ratio::Percent(180830189, 307077900),
      Ratio::Percent(316397214, 316594000),      Ratio::Percent(410789949, 430276000),
      Ratio::NotComputable("no funding (pagu)"),  // 2021: no data, not counted
  };
  EXPECT_EQ(Show(ratios[0]), "81,92");
  EXPECT_EQ(Show(ratios[1]), "58,89");
  EXPECT_EQ(Show(ratios[2]), "99,94");
  EXPECT_EQ(Show(ratios[3]), "95,47");
  EXPECT_EQ(Show(AverageOf(ratios)), "84,05");
  // Exact halves round up once: (12,5 + 12,51) ÷ 2 = 12,505 → 12,51.
  EXPECT_EQ(Show(AverageOf({Ratio::Percent(1, 8), Ratio::Percent(1251, 10000)})), "12,51");
  EXPECT_EQ(Show(AverageOf({Ratio::PercentOf(D("2"), D("3"))})), "66,67");
  EXPECT_EQ(Show(AverageOf({Ratio::NotComputable("x")})), "n/c: no year has a ratio");
  EXPECT_EQ(Show(AverageOf({})), "n/c: no year has a ratio");
  EXPECT_EQ(DivideHalfUp(1362476900, 4), 340619225);
  EXPECT_EQ(DivideHalfUp(5, 2), 3);
  EXPECT_EQ(DivideHalfUp(7, 3), 2);
}

TEST(PredikatTest, DefaultBandsAndTheirEdges) {
  const PredikatScale s;
  auto of = [&s](const std::string& percent) {
    return PredikatOf(s, Ratio::PercentOf(D(percent), D("100")));
  };
  EXPECT_EQ(of("120"), "Sangat Baik");
  EXPECT_EQ(of("100"), "Sangat Baik");
  EXPECT_EQ(of("91"), "Sangat Baik");
  EXPECT_EQ(of("90,5"), "Sangat Baik");
  EXPECT_EQ(of("90,01"), "Sangat Baik");
  EXPECT_EQ(of("90"), "Baik");
  EXPECT_EQ(of("76"), "Baik");
  EXPECT_EQ(of("75,5"), "Baik");
  EXPECT_EQ(of("75"), "Cukup");
  EXPECT_EQ(of("66"), "Cukup");
  EXPECT_EQ(of("65"), "Kurang");
  EXPECT_EQ(of("51"), "Kurang");
  EXPECT_EQ(of("50,01"), "Kurang");
  EXPECT_EQ(of("50"), "Sangat Kurang");
  EXPECT_EQ(of("0"), "Sangat Kurang");
  // The rounded value is judged: 90,004 prints as 90,00.
  EXPECT_EQ(of("90,004"), "Baik");
  EXPECT_EQ(PredikatOf(s, Ratio::NotComputable("target is N/A")), "");
  const PredikatScale custom{{{Decimal::FromInt(80), "Tercapai"}}};
  EXPECT_EQ(PredikatOf(custom, Ratio::Exactly(81)), "Tercapai");
  EXPECT_EQ(PredikatOf(custom, Ratio::Exactly(80)), "");
}

}  // namespace
}  // namespace renstra
