// The realization deciders on the seed plan: every rule with its exact status and message.
#include "tests/domain/realization_fixture.h"
#include "tests/testing/status_matchers.h"

namespace renstra {
namespace {

using namespace renstra::testing;  // NOLINT: test helpers
using Code = absl::StatusCode;

// "1.06.04.2.01.0001#1" counts Orang (Penyediaan Permakanan; 2024 target "100 Orang").
constexpr char kPermakanan[] = "1.06.04.2.01.0001#1";
// The program's indicator, in %.
constexpr char kProgram[] = "1.06.04#1";

TEST(RealizationDeciderTest, OnlyDivisionHeadsAndSekretariatRecord) {
  Realizations r;
  ExpectStatus(r.Achievement(kHendra, "RLZ-000001", kPermakanan, 2024, Yearly("90 Orang")),
               Code::kPermissionDenied,
               "rule: only KEPALA_BIDANG or SEKRETARIAT may record realizations; hendra is "
               "KEPALA_DINAS");
  ExpectStatus(r.Spending(kIwan, "RLZ-000001", "1.06.04.2.01.0001", 2024, 5),
               Code::kPermissionDenied,
               "rule: only KEPALA_BIDANG or SEKRETARIAT may record realizations; iwan is "
               "INSPEKTORAT");
  ExpectStatus(r.Correct(kHendra, Fix("RLZ-000002", "RLZ-000001")), Code::kPermissionDenied,
               "rule: only KEPALA_BIDANG or SEKRETARIAT may correct realizations; hendra is "
               "KEPALA_DINAS");
  EXPECT_TRUE(r.book().records().empty());
}

TEST(RealizationDeciderTest, OwnDivisionOnly) {
  Realizations r;
  ExpectStatus(r.Achievement(kBudi, "RLZ-000001", kPermakanan, 2024, Yearly("90 Orang")),
               Code::kPermissionDenied,
               "rule: a division proposes and records only for its own nodes; indicator "
               "1.06.04.2.01.0001#1 of node 1.06.04.2.01.0001 belongs to Bidang Rehabilitasi "
               "Sosial, budi acts for Bidang Perlindungan dan Jaminan Sosial");
  ExpectStatus(r.Spending(kSari, "RLZ-000001", "1.06.04", 2024, 5), Code::kPermissionDenied,
               "rule: a division proposes and records only for its own nodes; node 1.06.04 "
               "belongs to Bidang Rehabilitasi Sosial, sari acts for Sekretariat");
  // The Sekretariat records for its own program 1.06.01 (written the old way).
  EXPECT_THAT(r.Spending(kSari, "RLZ-000001", "1.6.1.2.01.01", 2024, 5), IsOk());
  EXPECT_EQ(r.book().Find("RLZ-000001")->node_code, "1.06.01.2.01.0001");
}

TEST(RealizationDeciderTest, YearsOfThePlanOnly) {
  Realizations r;
  ExpectStatus(r.Achievement(kRina, "RLZ-000001", kPermakanan, 2027, Yearly("90 Orang")),
               Code::kInvalidArgument, "year: 2027 is outside the plan's years 2022–2026");
  ExpectStatus(r.Spending(kRina, "RLZ-000001", "1.06.04", 2021, 5), Code::kInvalidArgument,
               "year: 2021 is outside the plan's years 2022–2026");
}

TEST(RealizationDeciderTest, UnknownSubjectsAreNotFound) {
  Realizations r;
  ExpectStatus(r.Achievement(kRina, "RLZ-000001", "1.06.04.2.01.0001#7", 2024, Yearly("1")),
               Code::kNotFound, "indicator_id: unknown indicator \"1.06.04.2.01.0001#7\"");
  ExpectStatus(r.Spending(kRina, "RLZ-000001", "9.99.99", 2024, 5), Code::kNotFound,
               "node_code: unknown node \"9.99.99\"");
  ExpectStatus(r.Spending(kRina, "RLZ-000001", "bukan kode", 2024, 5), Code::kNotFound,
               "node_code: unknown node \"bukan kode\"");
  ExpectStatus(r.Correct(kRina, Fix("RLZ-000002", "RLZ-000009")), Code::kNotFound,
               "corrects_id: unknown realization \"RLZ-000009\"");
}

TEST(RealizationDeciderTest, ValuesAreOneNonNegativeNumberInTheIndicatorsUnit) {
  Realizations r;
  ExpectStatus(r.Achievement(kRina, "RLZ-1", kPermakanan, 2024, Yearly("3 Dokumen")),
               Code::kInvalidArgument,
               "value.yearly: unit \"Dokumen\" does not match the indicator's unit \"Orang\"");
  ExpectStatus(r.Achievement(kRina, "RLZ-1", kPermakanan, 2024, Quarters({"", "95%"})),
               Code::kInvalidArgument,
               "value.q2: unit \"%\" does not match the indicator's unit \"Orang\"");
  ExpectStatus(r.Achievement(kRina, "RLZ-1", kPermakanan, 2024, Quarters({"-3 Orang"})),
               Code::kInvalidArgument, "value.q1: negative value -3 Orang");
  ExpectStatus(r.Achievement(kRina, "RLZ-1", kPermakanan, 2024, Yearly("4,19-4,90")),
               Code::kInvalidArgument,
               "value.yearly: a realization is one number, not \"4,19-4,90\"");
  ExpectStatus(r.Achievement(kRina, "RLZ-1", kPermakanan, 2024, Yearly("N/A")),
               Code::kInvalidArgument, "value.yearly: a realization is one number, not \"N/A\"");
  ExpectStatus(r.Achievement(kRina, "RLZ-1", kPermakanan, 2024, AchievedValue()),
               Code::kInvalidArgument, "value: a yearly value or at least one quarter required");
  // The year's value is the quarters' sum: it must fit (it used to assert in reports).
  // Each quarter is bounded (value_limits.h), so four of them always fit.
  ExpectStatus(r.Achievement(kRina, "RLZ-1", kPermakanan, 2024,
                             Quarters({"9.000.000.000.000.000.000 Orang", "",
                                       "9.000.000.000.000.000.000 Orang"})),
               Code::kInvalidArgument,
               "value.q1: 9.000.000.000.000.000.000 exceeds the maximum 100.000.000.000.000");
  ExpectStatus(r.Spending(kRina, "RLZ-1", "1.06.04", 2024, -5), Code::kInvalidArgument,
               "spent: negative amount -5");
  ExpectStatus(
      DecideRecordSpending(r.plan(), r.book(), kRina,
                           RecordSpendingCommand{"RLZ-1", "1.06.04", 2024, Money(), "SP2D-1", ""})
          .status(),
      Code::kInvalidArgument, "spent: required");
  EXPECT_TRUE(r.book().records().empty());
}

TEST(RealizationDeciderTest, EvidenceAndIdsAreRequired) {
  Realizations r;
  ExpectStatus(r.Achievement(kRina, "RLZ-1", kPermakanan, 2024, Yearly("90 Orang"), ""),
               Code::kInvalidArgument,
               "evidence_ref: required (the document that proves the figure)");
  ExpectStatus(r.Spending(kRina, "RLZ-1", "1.06.04", 2024, 5, ""), Code::kInvalidArgument,
               "evidence_ref: required (the document that proves the figure)");
  ExpectStatus(r.Achievement(kRina, "", kPermakanan, 2024, Yearly("90 Orang")),
               Code::kInvalidArgument, "realization_id: required");
  ASSERT_THAT(r.Achievement(kRina, "RLZ-1", kPermakanan, 2024, Yearly("90 Orang")), IsOk());
  ExpectStatus(r.Spending(kRina, "RLZ-1", "1.06.04", 2024, 5), Code::kAlreadyExists,
               "realization_id: RLZ-1 is already used");
}

TEST(RealizationDeciderTest, RetiredNodesAndReplacedIndicators) {
  Realizations r;
  v1::PlanEvent retire;
  retire.mutable_node_retired()->set_code("1.06.04.2.01.0012");
  retire.mutable_node_retired()->set_from_year(2025);
  r.ApplyPlan(retire);
  ExpectStatus(r.Achievement(kRina, "RLZ-1", "1.06.04.2.01.0012#1", 2025, Yearly("5 Orang")),
               Code::kFailedPrecondition, "year: node 1.06.04.2.01.0012 is retired from 2025");
  ExpectStatus(r.Spending(kRina, "RLZ-1", "1.06.04.2.01.0012", 2026, 5), Code::kFailedPrecondition,
               "year: node 1.06.04.2.01.0012 is retired from 2025");
  EXPECT_THAT(r.Spending(kRina, "RLZ-1", "1.06.04.2.01.0012", 2024, 5), IsOk());

  v1::PlanEvent replace;
  auto* e = replace.mutable_indicator_replaced();
  e->set_indicator_id("1.06.04.2.01.0011#1");
  e->set_new_indicator_id("1.06.04.2.01.0011#2");
  e->set_from_year(2025);
  e->set_statement("Jumlah Keluarga yang Ditelusuri");
  e->set_unit("Keluarga");
  r.ApplyPlan(replace);
  ExpectStatus(r.Achievement(kRina, "RLZ-2", "1.06.04.2.01.0011#1", 2025, Yearly("5 Orang")),
               Code::kFailedPrecondition,
               "year: indicator 1.06.04.2.01.0011#1 is in force 2022–2024 only, not in 2025");
  ExpectStatus(r.Achievement(kRina, "RLZ-2", "1.06.04.2.01.0011#2", 2024, Yearly("5 Keluarga")),
               Code::kFailedPrecondition,
               "year: indicator 1.06.04.2.01.0011#2 is in force 2025–2026 only, not in 2024");
  EXPECT_THAT(r.Achievement(kRina, "RLZ-2", "1.06.04.2.01.0011#2", 2025, Yearly("5")), IsOk());
  EXPECT_EQ(r.book().Find("RLZ-2")->Achieved().ToIndonesian(), "5 Keluarga");
}

TEST(RealizationDeciderTest, RecordedEventsAreNormalized) {
  Realizations r;
  // A bare number takes the indicator's unit; a code in any form is stored canonical.
  ASSERT_THAT(r.Achievement(kRina, "RLZ-1", kProgram, 2024, Quarters({"40", "80,5"})), IsOk());
  ASSERT_THAT(r.Spending(kRina, "RLZ-2", "1.06.04.2.01.001", 2024, 300000000), IsOk());
  const RealizationRecord* a = r.book().Find("RLZ-1");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->node_code, "1.06.04");
  EXPECT_EQ(a->achievement.quarters[0].ToIndonesian(), "40%");
  EXPECT_EQ(a->Achieved().ToIndonesian(), "80,5%");
  EXPECT_EQ(a->evidence_ref, "BA-1");
  const RealizationRecord* s = r.book().Find("RLZ-2");
  EXPECT_EQ(s->node_code, "1.06.04.2.01.0001");
  EXPECT_EQ(s->spent, Money::Rupiah(300000000));
}

TEST(RealizationDeciderTest, OneCurrentRecordPerSubject) {
  Realizations r;
  ASSERT_THAT(r.Achievement(kRina, "RLZ-1", kPermakanan, 2024, Quarters({"20 Orang"})), IsOk());
  ExpectStatus(r.Achievement(kRina, "RLZ-2", kPermakanan, 2024, Quarters({"", "30 Orang"})),
               Code::kFailedPrecondition,
               "indicator 1.06.04.2.01.0001#1 2024 already has realization RLZ-1; record a "
               "correction of it instead");
  ASSERT_THAT(r.Spending(kRina, "RLZ-3", "1.06.04", 2024, 5), IsOk());
  ExpectStatus(r.Spending(kRina, "RLZ-4", "1.06.04", 2024, 6), Code::kFailedPrecondition,
               "node 1.06.04 2024 already has realization RLZ-3; record a correction of it "
               "instead");
  // Another year is another subject.
  EXPECT_THAT(r.Spending(kRina, "RLZ-4", "1.06.04", 2023, 6), IsOk());
}

TEST(RealizationDeciderTest, CorrectionRules) {
  Realizations r;
  ASSERT_THAT(r.Achievement(kRina, "RLZ-1", kPermakanan, 2024, Yearly("90 Orang")), IsOk());
  ASSERT_THAT(r.Spending(kRina, "RLZ-2", "1.06.04", 2024, 5), IsOk());
  CorrectCommand c = Fix("RLZ-3", "RLZ-1");
  c.evidence_ref = "BA-2";
  c.note = "salah ketik";
  ExpectStatus(r.Correct(kRina, c), Code::kInvalidArgument,
               "achievement, spent or retract: exactly one required");
  c.spent = Money::Rupiah(7);
  ExpectStatus(r.Correct(kRina, c), Code::kInvalidArgument,
               "spent: RLZ-1 records an achievement; give achievement");
  c.spent.reset();
  c.achievement = Yearly("92 Orang");
  c.note = "";
  ExpectStatus(r.Correct(kRina, c), Code::kInvalidArgument,
               "note: required for a correction (what was wrong)");
  c.note = "salah ketik";
  c.evidence_ref = "";
  ExpectStatus(r.Correct(kRina, c), Code::kInvalidArgument,
               "evidence_ref: required (the document that proves the figure)");
  c.evidence_ref = "BA-2";
  ExpectStatus(r.Correct(kBudi, c), Code::kPermissionDenied,
               "rule: a division proposes and records only for its own nodes; indicator "
               "1.06.04.2.01.0001#1 of node 1.06.04.2.01.0001 belongs to Bidang Rehabilitasi "
               "Sosial, budi acts for Bidang Perlindungan dan Jaminan Sosial");
  c.achievement = Yearly("92 Dokumen");
  ExpectStatus(r.Correct(kRina, c), Code::kInvalidArgument,
               "achievement.yearly: unit \"Dokumen\" does not match the indicator's unit "
               "\"Orang\"");
  c.achievement = Yearly("92 Orang");
  ASSERT_THAT(r.Correct(kRina, c), IsOk());
  // The corrected record is no longer current: only the latest may be corrected.
  c.realization_id = "RLZ-4";
  ExpectStatus(r.Correct(kRina, c), Code::kFailedPrecondition,
               "corrects_id: RLZ-1 was corrected by RLZ-3; correct the current record");
  ExpectStatus(r.Correct(kRina, Fix("RLZ-3", "RLZ-2")), Code::kAlreadyExists,
               "realization_id: RLZ-3 is already used");
  CorrectCommand s = Fix("RLZ-4", "RLZ-2");
  s.achievement = Yearly("1 Orang");
  s.evidence_ref = "x";
  s.note = "y";
  ExpectStatus(r.Correct(kRina, s), Code::kInvalidArgument,
               "achievement: RLZ-2 records spending; give spent");
  s.achievement.reset();
  s.spent = Money::Rupiah(-1);
  ExpectStatus(r.Correct(kRina, s), Code::kInvalidArgument, "spent: negative amount -1");
  s.spent.reset();
  s.retract = true;
  ASSERT_THAT(r.Correct(kRina, s), IsOk());
  CorrectCommand again = Fix("RLZ-5", "RLZ-4");
  again.spent = Money::Rupiah(5);
  again.evidence_ref = "x";
  again.note = "y";
  ExpectStatus(r.Correct(kRina, again), Code::kFailedPrecondition,
               "corrects_id: RLZ-4 is a retraction; record the spending afresh");
  // After a retraction the subject is free again.
  EXPECT_THAT(r.Spending(kRina, "RLZ-5", "1.06.04", 2024, 9), IsOk());
}

}  // namespace
}  // namespace renstra
