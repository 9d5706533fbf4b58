// RealizationBook: corrections (latest wins, history keeps all), retractions, replay and
// the contradictions that show a log is not a realization log.
#include "tests/domain/realization_fixture.h"

namespace renstra {
namespace {

using namespace renstra::testing;  // NOLINT: test helpers
using Code = absl::StatusCode;

constexpr char kPermakanan[] = "1.06.04.2.01.0001#1";

CorrectCommand Correction(const std::string& id, const std::string& corrects, AchievedValue v) {
  CorrectCommand c = Fix(id, corrects);
  c.achievement = std::move(v);
  c.evidence_ref = "BA-" + id;
  c.note = "angka triwulan diperbaiki";
  return c;
}

TEST(RealizationBookTest, StreamName) {
  EXPECT_EQ(RealizationBook::StreamOf("plan/dinsos-dumai"), "realization/dinsos-dumai");
  EXPECT_EQ(RealizationBook::StreamOf("dinsos-dumai"), "realization/dinsos-dumai");
}

TEST(RealizationBookTest, CorrectionsLatestWinsHistoryKeepsAll) {
  Realizations r;
  ASSERT_TRUE(r.Achievement(kRina, "RLZ-000001", kPermakanan, 2024, Quarters({"20 Orang"}), "BA-1",
                            "triwulan I")
                  .ok());
  ASSERT_TRUE(
      r.Correct(kRina, Correction("RLZ-000002", "RLZ-000001", Quarters({"20 Orang", "30 Orang"})))
          .ok());
  ASSERT_TRUE(
      r.Correct(kRina, Correction("RLZ-000003", "RLZ-000002", Quarters({"22 Orang", "30 Orang"})))
          .ok());

  const RealizationRecord* current = r.book().CurrentAchievement(kPermakanan, 2024);
  ASSERT_NE(current, nullptr);
  EXPECT_EQ(current->id, "RLZ-000003");
  EXPECT_EQ(current->Achieved().ToIndonesian(), "52 Orang");
  EXPECT_EQ(current->corrects_id, "RLZ-000002");
  EXPECT_EQ(r.book().version(), 3u);

  const std::vector<const RealizationRecord*> history =
      r.book().AchievementHistory(kPermakanan, 2024);
  ASSERT_EQ(history.size(), 3u);
  EXPECT_EQ(history[0]->id, "RLZ-000001");
  EXPECT_EQ(history[0]->Achieved().ToIndonesian(), "20 Orang");
  EXPECT_EQ(history[0]->corrected_by, "RLZ-000002");
  EXPECT_EQ(history[0]->note, "triwulan I");
  EXPECT_EQ(history[0]->principal, "rina");
  EXPECT_EQ(history[0]->role, "KEPALA_BIDANG");
  EXPECT_EQ(history[0]->at_micros, Realizations::kStartMicros + 1000000);
  EXPECT_EQ(history[0]->reason, "laporan triwulan");
  EXPECT_EQ(history[1]->Achieved().ToIndonesian(), "50 Orang");
  EXPECT_EQ(history[1]->corrected_by, "RLZ-000003");
  EXPECT_EQ(history[1]->evidence_ref, "BA-RLZ-000002");
  EXPECT_EQ(history[1]->note, "angka triwulan diperbaiki");
  EXPECT_EQ(history[2]->at_micros, Realizations::kStartMicros + 3000000);
  EXPECT_EQ(history[2]->corrected_by, "");
  // The correction repeats its subject for readers of the raw log.
  EXPECT_EQ(history[2]->indicator_id, kPermakanan);
  EXPECT_EQ(history[2]->node_code, "1.06.04.2.01.0001");
  EXPECT_EQ(history[2]->year, 2024);
  EXPECT_EQ(r.book().records().size(), 3u);
}

TEST(RealizationBookTest, RetractionLeavesNoCurrentRecord) {
  Realizations r;
  ASSERT_TRUE(r.Spending(kRina, "RLZ-1", "1.06.04.2.01.0001", 2023, 311000000).ok());
  CorrectCommand retract = Fix("RLZ-2", "RLZ-1");
  retract.retract = true;
  retract.evidence_ref = "ND-7";
  retract.note = "dicatat pada tahun yang salah";
  ASSERT_TRUE(r.Correct(kRina, retract).ok());
  EXPECT_EQ(r.book().CurrentSpending("1.06.04.2.01.0001", 2023), nullptr);
  ASSERT_EQ(r.book().SpendingHistory("1.06.04.2.01.0001", 2023).size(), 2u);
  EXPECT_TRUE(r.book().Find("RLZ-2")->retracted);
  EXPECT_EQ(r.book().Find("RLZ-1")->spent, Money::Rupiah(311000000));
}

TEST(RealizationBookTest, ReplayYieldsTheSameBook) {
  Realizations r;
  ASSERT_TRUE(r.Achievement(kRina, "RLZ-1", kPermakanan, 2024, Yearly("90 Orang")).ok());
  ASSERT_TRUE(r.Correct(kRina, Correction("RLZ-2", "RLZ-1", Yearly("95 Orang"))).ok());
  // Rebuild from the same envelopes.
  RealizationBook replay;
  uint64_t version = 0;
  for (const RealizationRecord& rec : r.book().records()) {
    v1::RealizationEvent e;
    if (rec.corrects_id.empty()) {
      auto* a = e.mutable_achievement_recorded();
      a->set_realization_id(rec.id);
      a->set_indicator_id(rec.indicator_id);
      a->set_node_code(rec.node_code);
      a->set_year(rec.year);
      rec.achievement.ToProto(a->mutable_value());
      a->set_evidence_ref(rec.evidence_ref);
    } else {
      auto* c = e.mutable_corrected();
      c->set_realization_id(rec.id);
      c->set_corrects_id(rec.corrects_id);
      rec.achievement.ToProto(c->mutable_achievement());
    }
    v1::EventEnvelope env;
    env.set_stream_version(++version);
    env.set_sequence(rec.sequence);
    e.SerializeToString(env.mutable_payload());
    ASSERT_TRUE(replay.ApplyEnvelope(env).ok());
  }
  EXPECT_EQ(replay.CurrentAchievement(kPermakanan, 2024)->Achieved().ToIndonesian(), "95 Orang");
  EXPECT_EQ(replay.Find("RLZ-1")->corrected_by, "RLZ-2");
  EXPECT_EQ(replay.version(), 2u);
}

v1::EventEnvelope Envelope(uint64_t sequence, const v1::RealizationEvent& e) {
  v1::EventEnvelope env;
  env.set_sequence(sequence);
  env.set_stream_version(sequence);
  e.SerializeToString(env.mutable_payload());
  return env;
}

TEST(RealizationBookTest, ContradictionsAreReported) {
  RealizationBook book;
  v1::RealizationEvent spent;
  spent.mutable_spending_recorded()->set_realization_id("RLZ-1");
  spent.mutable_spending_recorded()->set_node_code("1.06.04");
  spent.mutable_spending_recorded()->set_year(2024);
  ASSERT_TRUE(book.ApplyEnvelope(Envelope(1, spent)).ok());
  ExpectStatus(book.ApplyEnvelope(Envelope(2, spent)), Code::kFailedPrecondition,
               "event 2: realization RLZ-1 recorded twice");

  v1::RealizationEvent fix;
  fix.mutable_corrected()->set_realization_id("RLZ-2");
  fix.mutable_corrected()->set_corrects_id("RLZ-9");
  ExpectStatus(book.ApplyEnvelope(Envelope(3, fix)), Code::kFailedPrecondition,
               "event 3: correction RLZ-2 of unknown realization RLZ-9");
  fix.mutable_corrected()->set_corrects_id("RLZ-1");
  fix.mutable_corrected()->mutable_achievement();
  ExpectStatus(book.ApplyEnvelope(Envelope(4, fix)), Code::kFailedPrecondition,
               "event 4: correction RLZ-2 changes the kind of RLZ-1");
  fix.mutable_corrected()->mutable_spent()->set_rupiah(4);
  ASSERT_TRUE(book.ApplyEnvelope(Envelope(5, fix)).ok());
  fix.mutable_corrected()->set_realization_id("RLZ-3");
  ExpectStatus(book.ApplyEnvelope(Envelope(6, fix)), Code::kFailedPrecondition,
               "event 6: realization RLZ-1 corrected twice (RLZ-2, RLZ-3)");

  v1::EventEnvelope garbage;
  garbage.set_sequence(7);
  garbage.set_payload("\xff\xff");
  ExpectStatus(book.ApplyEnvelope(garbage), Code::kInvalidArgument,
               "event 7: payload is not a RealizationEvent");
  ExpectStatus(book.ApplyEnvelope(Envelope(8, v1::RealizationEvent())), Code::kInvalidArgument,
               "event 8: empty realization event");
  EXPECT_EQ(book.records().size(), 2u);
  EXPECT_EQ(book.version(), 5u);
}

}  // namespace
}  // namespace renstra
