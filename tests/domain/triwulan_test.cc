// Triwulan: a quarter's realization is its own fact. Quarters added one by one, a
// restatement refused and a correction of a quarter that keeps history, one form per
// year, the year's figure per indicator kind, old year records read as before, and the
// triwulan form's exact cells on the seed plan.
#include "domain/report_models.h"
#include "domain/serapan.h"
#include "domain/year_realization.h"
#include "tests/domain/realization_fixture.h"
#include "tests/testing/status_matchers.h"

namespace renstra {
namespace {

using namespace renstra::testing;  // NOLINT: test helpers
using Code = absl::StatusCode;

// Counts Orang, cumulative ("Mendapatkan"); 2024 target 100 Orang, pagu 320.000.000.
constexpr char kPermakanan[] = "1.06.04.2.01.0001#1";
constexpr char kPermakananNode[] = "1.06.04.2.01.0001";
// The program's indicator, in %: a rate.
constexpr char kProgram[] = "1.06.04#1";

const IndicatorState& Indicator(const Realizations& r, const std::string& id) {
  auto [node, index] = r.plan().FindIndicator(id);
  EXPECT_NE(node, nullptr) << id;
  return node->indicators[index];
}

std::string YearText(const Realizations& r, const std::string& id, int year) {
  return YearAchievementOf(r.book(), Indicator(r, id), year).value.ToIndonesian();
}

TEST(TriwulanTest, QuartersAreAddedOneByOne) {
  Realizations r;
  EXPECT_EQ(KindOf(Indicator(r, kPermakanan)), v1::INDICATOR_KIND_CUMULATIVE);
  ASSERT_THAT(r.QuarterAchievement(kRina, "RLZ-1", kPermakanan, 2024, 1, "20 Orang"), IsOk());
  EXPECT_EQ(YearText(r, kPermakanan, 2024), "20 Orang");
  ASSERT_THAT(r.QuarterAchievement(kRina, "RLZ-2", kPermakanan, 2024, 2, "30"), IsOk());
  EXPECT_EQ(YearText(r, kPermakanan, 2024), "50 Orang");
  ASSERT_THAT(r.QuarterAchievement(kRina, "RLZ-3", kPermakanan, 2024, 3, "25 Orang"), IsOk());
  EXPECT_EQ(YearText(r, kPermakanan, 2024), "75 Orang");
  // Triwulan IV after I-III adds the quarter; the earlier ones stay as recorded.
  ASSERT_THAT(r.QuarterAchievement(kRina, "RLZ-4", kPermakanan, 2024, 4, "35 Orang"), IsOk());
  EXPECT_EQ(YearText(r, kPermakanan, 2024), "110 Orang");
  const YearAchievement year = YearAchievementOf(r.book(), Indicator(r, kPermakanan), 2024);
  EXPECT_TRUE(year.by_quarter);
  EXPECT_EQ(year.realization_id, "RLZ-4");
  EXPECT_EQ(year.quarters[0].ToIndonesian(), "20 Orang");
  EXPECT_EQ(year.quarters[1].ToIndonesian(), "30 Orang");
  EXPECT_EQ(year.quarters[2].ToIndonesian(), "25 Orang");
  EXPECT_EQ(year.quarters[3].ToIndonesian(), "35 Orang");
  for (int q = 1; q <= 4; ++q) {
    const RealizationRecord* rec = r.book().CurrentAchievement(kPermakanan, 2024, q);
    ASSERT_NE(rec, nullptr) << q;
    EXPECT_EQ(rec->id, "RLZ-" + std::to_string(q));
    EXPECT_EQ(rec->quarter, q);
  }
  EXPECT_EQ(r.book().CurrentAchievement(kPermakanan, 2024), nullptr);  // no year record
  EXPECT_EQ(r.book().records().size(), 4u);
}

TEST(TriwulanTest, ARestatementIsRefusedAndACorrectionKeepsHistory) {
  Realizations r;
  ASSERT_THAT(r.QuarterAchievement(kRina, "RLZ-1", kPermakanan, 2024, 1, "20 Orang"), IsOk());
  ASSERT_THAT(r.QuarterAchievement(kRina, "RLZ-2", kPermakanan, 2024, 2, "30 Orang"), IsOk());
  ExpectStatus(r.QuarterAchievement(kRina, "RLZ-3", kPermakanan, 2024, 2, "32 Orang"),
               Code::kFailedPrecondition,
               "indicator 1.06.04.2.01.0001#1 2024 triwulan II already has realization RLZ-2; "
               "record a correction of it instead");
  CorrectCommand fix = Fix("RLZ-3", "RLZ-2");
  fix.evidence_ref = "BA-TW2-rev";
  fix.note = "dua penerima belum tercatat";
  fix.achievement = Quarters({"", "", "32 Orang"});
  ExpectStatus(r.Correct(kRina, fix), Code::kInvalidArgument,
               "achievement.q3: a record of triwulan II states that quarter's value only");
  fix.achievement = Yearly("32 Orang");  // the record's own quarter, as --value gives it
  ASSERT_THAT(r.Correct(kRina, fix), IsOk());
  const RealizationRecord* now = r.book().CurrentAchievement(kPermakanan, 2024, 2);
  ASSERT_NE(now, nullptr);
  EXPECT_EQ(now->id, "RLZ-3");
  EXPECT_EQ(now->quarter, 2);
  EXPECT_EQ(now->corrects_id, "RLZ-2");
  EXPECT_EQ(now->achievement.quarters[1].ToIndonesian(), "32 Orang");
  EXPECT_EQ(now->achievement.yearly.kind(), TargetValue::Kind::kEmpty);
  EXPECT_EQ(r.book().Find("RLZ-2")->corrected_by, "RLZ-3");
  EXPECT_EQ(r.book().AchievementHistory(kPermakanan, 2024).size(), 3u);
  EXPECT_EQ(YearText(r, kPermakanan, 2024), "52 Orang");
  // Triwulan I is untouched by the correction of II.
  EXPECT_EQ(r.book().CurrentAchievement(kPermakanan, 2024, 1)->id, "RLZ-1");
}

TEST(TriwulanTest, BadQuartersAndValues) {
  Realizations r;
  RecordAchievementCommand c{"RLZ-1", kPermakanan, 2024, Yearly("5 Orang"), "BA-1", ""};
  c.quarter = 5;
  ExpectStatus(DecideRecordAchievement(r.plan(), r.book(), kRina, c).status(),
               Code::kInvalidArgument, "quarter: 5 is not a triwulan (1\u20134; 0 for the year)");
  c.quarter = 3;
  c.value = Quarters({"5 Orang"});
  ExpectStatus(DecideRecordAchievement(r.plan(), r.book(), kRina, c).status(),
               Code::kInvalidArgument,
               "value.q1: a record of triwulan III states that quarter's value only");
  c.value = Quarters({"", "", "5 Orang"});
  c.value.yearly = Tv("5 Orang");
  ExpectStatus(DecideRecordAchievement(r.plan(), r.book(), kRina, c).status(),
               Code::kInvalidArgument, "value: triwulan III's value required once (yearly and q3)");
  RecordSpendingCommand s{"RLZ-1", kPermakananNode, 2024, Money::Rupiah(5), "SP2D-1", ""};
  s.quarter = -1;
  ExpectStatus(DecideRecordSpending(r.plan(), r.book(), kRina, s).status(), Code::kInvalidArgument,
               "quarter: -1 is not a triwulan (1\u20134; 0 for the year)");
  EXPECT_TRUE(r.book().records().empty());
}

TEST(TriwulanTest, AYearIsRecordedAsOneFigureOrByTriwulanNotBoth) {
  Realizations r;
  ASSERT_THAT(r.Achievement(kRina, "RLZ-1", kPermakanan, 2023, Yearly("95 Orang")), IsOk());
  ExpectStatus(r.QuarterAchievement(kRina, "RLZ-2", kPermakanan, 2023, 4, "35 Orang"),
               Code::kFailedPrecondition,
               "indicator 1.06.04.2.01.0001#1 2023 already has the year realization RLZ-1; a "
               "year is recorded as one figure or by triwulan, not both: retract RLZ-1 before "
               "recording triwulan IV");
  ASSERT_THAT(r.QuarterAchievement(kRina, "RLZ-2", kPermakanan, 2024, 1, "20 Orang"), IsOk());
  ASSERT_THAT(r.QuarterAchievement(kRina, "RLZ-3", kPermakanan, 2024, 3, "25 Orang"), IsOk());
  ExpectStatus(r.Achievement(kRina, "RLZ-4", kPermakanan, 2024, Yearly("110 Orang")),
               Code::kFailedPrecondition,
               "indicator 1.06.04.2.01.0001#1 2024 is recorded by triwulan (RLZ-2, RLZ-3); its "
               "year figure derives from them: record or correct a triwulan");
  ASSERT_THAT(r.Spending(kRina, "RLZ-4", kPermakananNode, 2023, 300000000), IsOk());
  ExpectStatus(r.QuarterSpending(kRina, "RLZ-5", kPermakananNode, 2023, 1, 5),
               Code::kFailedPrecondition,
               "node 1.06.04.2.01.0001 2023 already has the year realization RLZ-4; a year is "
               "recorded as one figure or by triwulan, not both: retract RLZ-4 before recording "
               "triwulan I");
  // Retracting the year record opens the year to triwulan records.
  CorrectCommand retract = Fix("RLZ-5", "RLZ-1");
  retract.retract = true;
  retract.evidence_ref = "BA-0";
  retract.note = "dilaporkan per triwulan";
  ASSERT_THAT(r.Correct(kRina, retract), IsOk());
  EXPECT_THAT(r.QuarterAchievement(kRina, "RLZ-6", kPermakanan, 2023, 4, "35 Orang"), IsOk());
  EXPECT_EQ(YearText(r, kPermakanan, 2023), "35 Orang");
}

TEST(TriwulanTest, TheYearFollowsTheIndicatorsKind) {
  auto q = [](std::vector<std::string> texts) {
    std::array<TargetValue, 4> out;
    for (size_t i = 0; i < texts.size(); ++i) {
      if (!texts[i].empty()) out[i] = Tv(texts[i]);
    }
    return out;
  };
  const auto counts = q({"10 Orang", "", "15,5 Orang"});
  EXPECT_EQ(YearFromQuarters(v1::INDICATOR_KIND_CUMULATIVE, counts).ToIndonesian(), "25,5 Orang");
  EXPECT_EQ(YearFromQuarters(v1::INDICATOR_KIND_STOCK, counts).ToIndonesian(), "15,5 Orang");
  EXPECT_EQ(YearFromQuarters(v1::INDICATOR_KIND_RATE, counts).ToIndonesian(), "15,5 Orang");
  EXPECT_EQ(YearFromQuarters(v1::INDICATOR_KIND_UNSPECIFIED, counts).ToIndonesian(), "25,5 Orang");
  const auto rates = q({"40%", "55%", "", "38%"});
  EXPECT_EQ(YearFromQuarters(v1::INDICATOR_KIND_RATE, rates).ToIndonesian(), "38%");
  EXPECT_EQ(YearFromQuarters(v1::INDICATOR_KIND_UNSPECIFIED, rates).ToIndonesian(), "38%");
  EXPECT_EQ(YearFromQuarters(v1::INDICATOR_KIND_CUMULATIVE, q({})).kind(),
            TargetValue::Kind::kEmpty);

  // On the seed: the program's percentage is a rate, so its year is the latest quarter.
  Realizations r;
  EXPECT_EQ(KindOf(Indicator(r, kProgram)), v1::INDICATOR_KIND_RATE);
  ASSERT_THAT(r.QuarterAchievement(kRina, "RLZ-1", kProgram, 2024, 1, "40"), IsOk());
  ASSERT_THAT(r.QuarterAchievement(kRina, "RLZ-2", kProgram, 2024, 2, "80%"), IsOk());
  EXPECT_EQ(YearText(r, kProgram, 2024), "80%");
}

TEST(TriwulanTest, SpendingByTriwulanIsTheSum) {
  Realizations r;
  ASSERT_THAT(r.QuarterSpending(kRina, "RLZ-1", kPermakananNode, 2024, 1, 70000000), IsOk());
  ASSERT_THAT(r.QuarterSpending(kRina, "RLZ-2", kPermakananNode, 2024, 2, 90000000), IsOk());
  ExpectStatus(r.QuarterSpending(kRina, "RLZ-3", kPermakananNode, 2024, 2, 1),
               Code::kFailedPrecondition,
               "node 1.06.04.2.01.0001 2024 triwulan II already has realization RLZ-2; record a "
               "correction of it instead");
  const YearSpending y = YearSpendingOf(r.book(), kPermakananNode, 2024);
  EXPECT_EQ(y.spent, Money::Rupiah(160000000));
  EXPECT_TRUE(y.by_quarter);
  const Absorption a = AbsorptionOf(r.plan(), r.book(), *r.plan().FindNode(kPermakananNode), 2024);
  EXPECT_EQ(a.spent, Money::Rupiah(160000000));
  EXPECT_EQ(a.ratio.ToIndonesian(), "50,00");  // of the 2024 pagu 320.000.000
}

TEST(TriwulanTest, OldYearRecordsReadAsBeforeAndNeverLoseAQuarter) {
  Realizations r;
  // The form of every log written before quarters were facts: one year record stating
  // the quarters (no `quarter` field).
  ASSERT_THAT(r.Achievement(kRina, "RLZ-1", kPermakanan, 2024, Quarters({"20 Orang", "30 Orang"})),
              IsOk());
  const RealizationRecord* old = r.book().Find("RLZ-1");
  EXPECT_EQ(old->quarter, 0);
  EXPECT_EQ(old->Achieved().ToIndonesian(), "50 Orang");
  const YearAchievement year = YearAchievementOf(r.book(), Indicator(r, kPermakanan), 2024);
  EXPECT_FALSE(year.by_quarter);
  EXPECT_EQ(year.value.ToIndonesian(), "50 Orang");
  EXPECT_EQ(year.quarters[1].ToIndonesian(), "30 Orang");
  // A correction that states triwulan III but drops I and II is refused, not obeyed.
  CorrectCommand fix = Fix("RLZ-2", "RLZ-1");
  fix.evidence_ref = "BA-2";
  fix.note = "triwulan III";
  fix.achievement = Quarters({"", "", "25 Orang"});
  ExpectStatus(r.Correct(kRina, fix), Code::kFailedPrecondition,
               "achievement.q1: RLZ-1 states triwulan I (20 Orang); a correction restates every "
               "quarter it keeps, or retract RLZ-1");
  fix.achievement = Quarters({"20 Orang", "30 Orang", "25 Orang"});
  ASSERT_THAT(r.Correct(kRina, fix), IsOk());
  EXPECT_EQ(YearText(r, kPermakanan, 2024), "75 Orang");
}

TEST(TriwulanTest, TheFormsCellsOnTheSeed) {
  Realizations r;
  ASSERT_THAT(r.QuarterAchievement(kRina, "RLZ-1", kPermakanan, 2024, 1, "20 Orang"), IsOk());
  ASSERT_THAT(r.QuarterAchievement(kRina, "RLZ-2", kPermakanan, 2024, 2, "30 Orang"), IsOk());
  ASSERT_THAT(r.QuarterAchievement(kRina, "RLZ-3", kPermakanan, 2024, 4, "35 Orang"), IsOk());
  ASSERT_THAT(r.QuarterSpending(kRina, "RLZ-4", kPermakananNode, 2024, 1, 70000000), IsOk());
  ASSERT_THAT(r.QuarterSpending(kRina, "RLZ-5", "1.06.04.2.01.0002", 2024, 1, 5000000), IsOk());
  absl::StatusOr<std::vector<TriwulanLine>> lines =
      BuildTriwulan(r.plan(), r.book(), "1.06.04.2.01", 2024, ReportOptions());
  ASSERT_THAT(lines, IsOk()) << lines.status();
  const TriwulanLine* k = nullptr;
  const TriwulanLine* rp = nullptr;
  const TriwulanLine* kegiatan = nullptr;
  for (const TriwulanLine& line : *lines) {
    if (line.indicator_id == kPermakanan) k = &line;
    if (line.kind == TriwulanLine::Kind::kKeuangan && line.node.code == kPermakananNode) rp = &line;
    if (line.kind == TriwulanLine::Kind::kKeuangan && line.node.code == "1.06.04.2.01") {
      kegiatan = &line;
    }
  }
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->target_text, "100 Orang");
  EXPECT_EQ(k->quarter_texts, (std::array<std::string, 4>{"20 Orang", "30 Orang", "", "35 Orang"}));
  EXPECT_EQ(k->cumulative_text, "85 Orang");
  EXPECT_EQ(k->ratio_text, "85,00");
  EXPECT_EQ(k->indicator_kind, v1::INDICATOR_KIND_CUMULATIVE);
  ASSERT_NE(rp, nullptr);
  EXPECT_EQ(rp->target_text, "320.000.000");
  EXPECT_EQ(rp->quarter_texts, (std::array<std::string, 4>{"70.000.000", "", "", ""}));
  EXPECT_EQ(rp->cumulative_text, "70.000.000");
  EXPECT_EQ(rp->ratio_text, "21,88");  // 70 ÷ 320 = 21,875, rounded once half-up
  ASSERT_NE(kegiatan, nullptr);
  // The kegiatan rolls its sub kegiatan's quarters up.
  EXPECT_EQ(kegiatan->quarter_texts[0], "75.000.000");
  EXPECT_EQ(kegiatan->cumulative_text, "75.000.000");
  ExpectStatus(BuildTriwulan(r.plan(), r.book(), "", 2021, ReportOptions()).status(),
               Code::kInvalidArgument, "year: 2021 is outside the plan's years 2022–2026");
}

}  // namespace
}  // namespace renstra
