// RealizationBook: corrections (latest wins, history keeps all), retractions, replay and
// the contradictions that show a log is not a realization log.
#include "absl/strings/str_cat.h"
#include "tests/domain/realization_fixture.h"
#include "tests/testing/status_matchers.h"

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
  ASSERT_THAT(r.Achievement(kRina, "RLZ-000001", kPermakanan, 2024, Quarters({"20 Orang"}), "BA-1",
                            "triwulan I"),
              IsOk());
  ASSERT_THAT(
      r.Correct(kRina, Correction("RLZ-000002", "RLZ-000001", Quarters({"20 Orang", "30 Orang"}))),
      IsOk());
  ASSERT_THAT(
      r.Correct(kRina, Correction("RLZ-000003", "RLZ-000002", Quarters({"22 Orang", "30 Orang"}))),
      IsOk());

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
  ASSERT_THAT(r.Spending(kRina, "RLZ-1", "1.06.04.2.01.0001", 2023, 311000000), IsOk());
  CorrectCommand retract = Fix("RLZ-2", "RLZ-1");
  retract.retract = true;
  retract.evidence_ref = "ND-7";
  retract.note = "dicatat pada tahun yang salah";
  ASSERT_THAT(r.Correct(kRina, retract), IsOk());
  EXPECT_EQ(r.book().CurrentSpending("1.06.04.2.01.0001", 2023), nullptr);
  ASSERT_EQ(r.book().SpendingHistory("1.06.04.2.01.0001", 2023).size(), 2u);
  EXPECT_TRUE(r.book().Find("RLZ-2")->retracted);
  EXPECT_EQ(r.book().Find("RLZ-1")->spent, Money::Rupiah(311000000));
}

TEST(RealizationBookTest, ReplayYieldsTheSameBook) {
  Realizations r;
  ASSERT_THAT(r.Achievement(kRina, "RLZ-1", kPermakanan, 2024, Yearly("90 Orang")), IsOk());
  ASSERT_THAT(r.Correct(kRina, Correction("RLZ-2", "RLZ-1", Yearly("95 Orang"))), IsOk());
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
    ASSERT_THAT(replay.ApplyEnvelope(env), IsOk());
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
  ASSERT_THAT(book.ApplyEnvelope(Envelope(1, spent)), IsOk());
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
  ASSERT_THAT(book.ApplyEnvelope(Envelope(5, fix)), IsOk());
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

v1::RealizationEvent SpendingEvent(const std::string& id, const std::string& node, int year,
                                   int64_t rupiah) {
  v1::RealizationEvent e;
  v1::SpendingRecorded* s = e.mutable_spending_recorded();
  s->set_realization_id(id);
  s->set_node_code(node);
  s->set_year(year);
  Money::Rupiah(rupiah).ToProto(s->mutable_spent());
  return e;
}

v1::RealizationEvent SpendingFix(const std::string& id, const std::string& corrects,
                                 int64_t rupiah) {
  v1::RealizationEvent e;
  e.mutable_corrected()->set_realization_id(id);
  e.mutable_corrected()->set_corrects_id(corrects);
  Money::Rupiah(rupiah).ToProto(e.mutable_corrected()->mutable_spent());
  return e;
}

// Many records (the indexes and the storage grow many times over): every lookup is
// exact, records keep their place, and log order is kept.
TEST(RealizationBookTest, LookupsStayExactAsTheBookGrows) {
  constexpr int kSubjects = 40;
  constexpr int kRecords = 3000;
  RealizationBook book;
  // Sequences 10, 20, 30, ...: other streams' events fall between them in the log.
  auto sequence_of = [](int i) { return static_cast<uint64_t>(10 * (i + 1)); };
  const RealizationRecord* first = nullptr;
  for (int i = 0; i < kRecords; ++i) {
    const std::string id = absl::StrCat("RLZ-", i + 1);
    const std::string node = absl::StrCat("1.06.04.2.01.", 1000 + i % kSubjects);
    v1::RealizationEvent e =
        i < kSubjects ? SpendingEvent(id, node, 2024, 1000 + i)
                      : SpendingFix(id, absl::StrCat("RLZ-", i + 1 - kSubjects), 1000 + i);
    v1::EventEnvelope env = Envelope(sequence_of(i), e);
    env.set_stream_version(static_cast<uint64_t>(i + 1));
    ASSERT_THAT(book.ApplyEnvelope(env), IsOk()) << id;
    if (i == 0) first = &book.records().front();
  }
  ASSERT_EQ(book.records().size(), static_cast<size_t>(kRecords));
  EXPECT_EQ(&book.records().front(), first);  // never moved
  EXPECT_EQ(book.version(), static_cast<uint64_t>(kRecords));
  EXPECT_EQ(book.highest_id_number(), kRecords);

  int i = 0;
  for (const RealizationRecord& rec : book.records()) {  // log order
    EXPECT_EQ(rec.id, absl::StrCat("RLZ-", i + 1));
    EXPECT_EQ(rec.sequence, sequence_of(i));
    EXPECT_EQ(rec.spent, Money::Rupiah(1000 + i));
    ++i;
  }
  for (int k = 0; k < kRecords; k += 7) {
    const std::string id = absl::StrCat("RLZ-", k + 1);
    const RealizationRecord* rec = book.Find(id);
    ASSERT_NE(rec, nullptr) << id;
    EXPECT_EQ(rec->id, id);
    EXPECT_EQ(book.FindBySequence(sequence_of(k)), rec);
    EXPECT_EQ(book.FindBySequence(sequence_of(k) + 1), nullptr);
    EXPECT_EQ(rec->corrects_id, k < kSubjects ? "" : absl::StrCat("RLZ-", k + 1 - kSubjects));
    EXPECT_EQ(rec->corrected_by,
              k + kSubjects < kRecords ? absl::StrCat("RLZ-", k + 1 + kSubjects) : "");
  }
  EXPECT_EQ(book.FindBySequence(0), nullptr);
  EXPECT_EQ(book.FindBySequence(5), nullptr);
  EXPECT_EQ(book.FindBySequence(sequence_of(kRecords)), nullptr);
  EXPECT_EQ(book.Find("RLZ-0"), nullptr);
  EXPECT_EQ(book.Find(absl::StrCat("RLZ-", kRecords + 1)), nullptr);
  for (int s = 0; s < kSubjects; ++s) {
    const std::string node = absl::StrCat("1.06.04.2.01.", 1000 + s);
    // The last record of subject s is the last i < kRecords with i % kSubjects == s.
    const int last = (kRecords - 1) - ((kRecords - 1 - s) % kSubjects);
    const RealizationRecord* current = book.CurrentSpending(node, 2024);
    ASSERT_NE(current, nullptr) << node;
    EXPECT_EQ(current->id, absl::StrCat("RLZ-", last + 1));
    EXPECT_EQ(current->spent, Money::Rupiah(1000 + last));
    EXPECT_EQ(book.CurrentSpending(node, 2023), nullptr);
    EXPECT_EQ(book.CurrentAchievement(node, 2024), nullptr);
    EXPECT_EQ(book.SpendingHistory(node, 2024).size(), static_cast<size_t>(kRecords / kSubjects));
  }

  // A copy answers from its own records.
  const RealizationBook copy = book;
  EXPECT_EQ(copy.Find("RLZ-77")->sequence, sequence_of(76));
  EXPECT_EQ(copy.Find("RLZ-77"), &copy.records()[76]);
  EXPECT_EQ(copy.CurrentSpending("1.06.04.2.01.1000", 2024), &copy.records()[kRecords - kSubjects]);
  EXPECT_EQ(copy.FindBySequence(sequence_of(5)), &copy.records()[5]);
}

TEST(RealizationBookTest, HighestIdNumberCountsOnlyNumberedIds) {
  RealizationBook book;
  EXPECT_EQ(book.highest_id_number(), 0);
  uint64_t sequence = 0;
  for (const char* id : {"RLZ-000041", "RLZ-000007", "IMPORT-900", "RLZ-abc", "rlz-500", "RLZ-"}) {
    v1::EventEnvelope env = Envelope(++sequence, SpendingEvent(id, "1.06.04", 2022, 1));
    ASSERT_THAT(book.ApplyEnvelope(env), IsOk()) << id;
  }
  EXPECT_EQ(book.highest_id_number(), 41);
  // A refused event changes nothing, its id included.
  ExpectStatus(book.ApplyEnvelope(Envelope(++sequence, SpendingFix("RLZ-000900", "RLZ-404", 1))),
               Code::kFailedPrecondition,
               "event 7: correction RLZ-000900 of unknown realization RLZ-404");
  EXPECT_EQ(book.highest_id_number(), 41);
  EXPECT_EQ(book.records().size(), 6u);
  ASSERT_THAT(book.ApplyEnvelope(Envelope(++sequence, SpendingFix("RLZ-000100", "RLZ-000041", 2))),
              IsOk());
  EXPECT_EQ(book.highest_id_number(), 100);
  EXPECT_EQ(book.FindBySequence(8)->id, "RLZ-000100");
  EXPECT_EQ(book.FindBySequence(7), nullptr);
}

// Ids as the application writes them, and any other id a log may hold, are all found,
// told apart, and refused when used twice.
TEST(RealizationBookTest, EveryIdFormIsFoundAndUniqueOnce) {
  RealizationBook book;
  const std::vector<std::string> ids = {
      "RLZ-000001", "RLZ-0000001", "RLZ-1",      "RLZ-999999999",  "RLZ-1000000", "RLZ-000002",
      "IMPORT-7",   "RLZ-00000a",  "RLZ-000000", "RLZ-1234567890", "RLZ-001000",  "",
      "RLZ-+00003", "RLZ-000003"};
  uint64_t sequence = 0;
  for (const std::string& id : ids) {
    ASSERT_THAT(book.ApplyEnvelope(Envelope(++sequence, SpendingEvent(id, "1.06.04", 2022, 1))),
                IsOk())
        << id;
  }
  for (size_t i = 0; i < ids.size(); ++i) {
    const RealizationRecord* rec = book.Find(ids[i]);
    ASSERT_NE(rec, nullptr) << ids[i];
    EXPECT_EQ(rec->id, ids[i]);
    EXPECT_EQ(rec->sequence, i + 1);
    ++sequence;
    ExpectStatus(book.ApplyEnvelope(Envelope(sequence, SpendingEvent(ids[i], "1.06.04", 2022, 1))),
                 Code::kFailedPrecondition,
                 absl::StrCat("event ", sequence, ": realization ", ids[i], " recorded twice"));
  }
  for (const char* unknown : {"RLZ-000004", "RLZ-01", "RLZ-999999998", "RLZ-0", "rlz-000001"}) {
    EXPECT_EQ(book.Find(unknown), nullptr) << unknown;
  }
  EXPECT_EQ(book.records().size(), ids.size());
  EXPECT_EQ(book.highest_id_number(), 1234567890);  // as absl::SimpleAtoi reads "1234567890"

  // Corrections find the records they correct whatever their form.
  ASSERT_THAT(book.ApplyEnvelope(Envelope(++sequence, SpendingFix("RLZ-000004", "RLZ-1", 5))),
              IsOk());
  ASSERT_THAT(book.ApplyEnvelope(Envelope(++sequence, SpendingFix("X", "RLZ-999999999", 6))),
              IsOk());
  EXPECT_EQ(book.Find("RLZ-1")->corrected_by, "RLZ-000004");
  EXPECT_EQ(book.Find("RLZ-999999999")->corrected_by, "X");
  EXPECT_EQ(book.Find("RLZ-000004")->corrects_id, "RLZ-1");
  EXPECT_EQ(book.Find("X")->spent, Money::Rupiah(6));
  EXPECT_EQ(book.Find("RLZ-000001")->corrected_by, "");
}

}  // namespace
}  // namespace renstra
