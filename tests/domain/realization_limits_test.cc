// Realization values at the edge of the domain: spending and achievements beyond what a
// Renstra holds are refused with the field and the limit named; a subtree whose spending
// cannot be added up reports its serapan as not computable, saying why.
#include <cstdint>

#include "domain/serapan.h"
#include "domain/value_limits.h"
#include "tests/domain/realization_fixture.h"
#include "tests/testing/status_matchers.h"

namespace renstra::testing {
namespace {

using Code = absl::StatusCode;

constexpr char kPermakanan[] = "1.06.04.2.01.0001#1";  // counts Orang
constexpr char kNode[] = "1.06.04.2.01.0001";
constexpr char kSibling[] = "1.06.04.2.01.0002";
constexpr char kKegiatan[] = "1.06.04.2.01";

TEST(RealizationLimitsTest, SpendingIsBounded) {
  Realizations r;
  // Before: accepted, and serapan printed 547.381.129.783,67.
  ExpectStatus(r.Spending(kRina, "RLZ-000001", kNode, 2024, INT64_MAX), Code::kInvalidArgument,
               "spent: 9.223.372.036.854.775.807 exceeds the maximum 100.000.000.000.000 Rupiah");
  ExpectStatus(r.Spending(kRina, "RLZ-000001", kNode, 2024, INT64_MIN), Code::kInvalidArgument,
               "spent: negative amount -9.223.372.036.854.775.808");
  ASSERT_THAT(r.Spending(kRina, "RLZ-000001", kNode, 2024, kMaxRupiah), IsOk());
  CorrectCommand fix = Fix("RLZ-000002", "RLZ-000001");
  fix.spent = Money::Rupiah(kMaxRupiah + 1);
  fix.evidence_ref = "SP2D-2";
  fix.note = "typo";
  ExpectStatus(r.Correct(kRina, fix), Code::kInvalidArgument,
               "spent: 100.000.000.000.001 exceeds the maximum 100.000.000.000.000 Rupiah");
  EXPECT_EQ(r.book().records().size(), 1u);
}

TEST(RealizationLimitsTest, AchievementsAreBounded) {
  Realizations r;
  AchievedValue huge;
  huge.yearly = TargetValue::Number(Decimal(INT64_MAX, 0), "Orang");
  ExpectStatus(r.Achievement(kRina, "RLZ-000001", kPermakanan, 2024, huge), Code::kInvalidArgument,
               "value.yearly: 9.223.372.036.854.775.807 exceeds the maximum 100.000.000.000.000");
  AchievedValue fine;
  fine.quarters[1] = TargetValue::Number(Decimal(5, 6), "Orang");
  ExpectStatus(r.Achievement(kRina, "RLZ-000001", kPermakanan, 2024, fine), Code::kInvalidArgument,
               "value.q2.scale: 6 exceeds the maximum scale 4");
  EXPECT_TRUE(r.book().records().empty());
}

TEST(RealizationLimitsTest, RequestValuesAreCheckedBeforeConversion) {
  // A Decimal cannot hold a scale of 99: the message is checked as sent.
  v1::AchievedValue v;
  v.mutable_q2()->set_kind(v1::TargetValue::NUMBER);
  v.mutable_q2()->mutable_low()->set_units(5);
  v.mutable_q2()->mutable_low()->set_scale(99);
  ExpectStatus(CheckAchievedValueMessage("value", v), Code::kInvalidArgument,
               "value.q2.low.scale: 99 exceeds the maximum scale 4");
  v.mutable_q2()->mutable_low()->set_scale(-3);
  ExpectStatus(CheckAchievedValueMessage("achievement", v), Code::kInvalidArgument,
               "achievement.q2.low.scale: -3 is negative; a scale is 0..4");
  v1::Money m;
  m.set_present(true);
  m.set_rupiah(INT64_MAX);
  ExpectStatus(CheckMoneyMessage("spent", m), Code::kInvalidArgument,
               "spent: 9.223.372.036.854.775.807 exceeds the maximum 100.000.000.000.000 Rupiah");
}

TEST(RealizationLimitsTest, TheDeciderChecksTheMessageAfterTheRole) {
  const Realizations r;
  v1::AchievedValue sent;
  sent.mutable_yearly()->set_kind(v1::TargetValue::NUMBER);
  sent.mutable_yearly()->mutable_low()->set_units(5);
  sent.mutable_yearly()->mutable_low()->set_scale(99);
  RecordAchievementCommand c{"RLZ-000001", kPermakanan, 2024, AchievedValue::FromProto(sent),
                             "BA-1",       ""};
  c.value_message = &sent;
  ExpectStatus(DecideRecordAchievement(r.plan(), r.book(), kRina, c).status(),
               Code::kInvalidArgument, "value.yearly.low.scale: 99 exceeds the maximum scale 4");
  EXPECT_EQ(DecideRecordAchievement(r.plan(), r.book(), kIwan, c).status().code(),
            Code::kPermissionDenied);

  v1::Money spent;
  spent.set_present(true);
  spent.set_rupiah(5);
  spent.set_written("5.000.000");
  RecordSpendingCommand s{"RLZ-000001", kNode, 2024, Money::FromProto(spent), "SP2D-1", ""};
  s.spent_message = &spent;
  ExpectStatus(DecideRecordSpending(r.plan(), r.book(), kRina, s).status(), Code::kInvalidArgument,
               "spent.written: \"5.000.000\" does not read as the amount 5");
}

// A spending record as a log written before the limits holds it.
void ApplyLegacySpending(RealizationBook& book, const std::string& id, const std::string& code,
                         int64_t rupiah) {
  v1::RealizationEvent e;
  v1::SpendingRecorded* s = e.mutable_spending_recorded();
  s->set_realization_id(id);
  s->set_node_code(code);
  s->set_year(2024);
  Money::Rupiah(rupiah).ToProto(s->mutable_spent());
  s->set_evidence_ref("SP2D-1");
  v1::EventEnvelope env;
  env.set_sequence(book.version() + 1);
  env.set_stream(RealizationBook::StreamOf("plan/test"));
  env.set_stream_version(book.version() + 1);
  env.set_event_type("renstra.v1.RealizationEvent");
  env.set_principal("rina");
  env.set_role("KEPALA_BIDANG");
  e.SerializeToString(env.mutable_payload());
  ASSERT_THAT(book.ApplyEnvelope(env), IsOk());
}

TEST(RealizationLimitsTest, SerapanThatCannotBeAddedUpSaysSo) {
  Realizations r;
  ApplyLegacySpending(r.mutable_book(), "RLZ-000001", kNode, INT64_MAX);
  ApplyLegacySpending(r.mutable_book(), "RLZ-000002", kSibling, INT64_MAX);
  const Absorption a = AbsorptionOf(r.plan(), r.book(), *r.plan().FindNode(kKegiatan), 2024);
  EXPECT_FALSE(a.ratio.computable());
  EXPECT_EQ(a.ratio.reason(),
            "the spending recorded under this node adds up to more than an amount can hold");
  EXPECT_FALSE(a.spent.present());
  // One child alone still adds up.
  EXPECT_EQ(AbsorptionOf(r.plan(), r.book(), *r.plan().FindNode(kNode), 2024).spent.rupiah(),
            INT64_MAX);
}

}  // namespace
}  // namespace renstra::testing
