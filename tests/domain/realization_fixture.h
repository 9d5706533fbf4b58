// Test helpers for realization: the seed plan, a realization book driven through the
// deciders as the application would (envelopes with who/when and stream versions).
#ifndef RENSTRA_TESTS_DOMAIN_REALIZATION_FIXTURE_H_
#define RENSTRA_TESTS_DOMAIN_REALIZATION_FIXTURE_H_

#include <string>
#include <vector>

#include "domain/realization_book.h"
#include "domain/realization_decider.h"
#include "gtest/gtest.h"
#include "tests/domain/seed_fixture.h"
#include "tests/testing/status_matchers.h"

namespace renstra::testing {

inline const Actor kRina{"rina", v1::Role::KEPALA_BIDANG, v1::REHABILITASI_SOSIAL};
inline const Actor kBudi{"budi", v1::Role::KEPALA_BIDANG, v1::PERLINDUNGAN_JAMINAN_SOSIAL};
inline const Actor kSari{"sari", v1::Role::SEKRETARIAT, v1::DIVISION_UNSPECIFIED};
inline const Actor kHendra{"hendra", v1::Role::KEPALA_DINAS, v1::DIVISION_UNSPECIFIED};
inline const Actor kIwan{"iwan", v1::Role::INSPEKTORAT, v1::DIVISION_UNSPECIFIED};

inline TargetValue Tv(const std::string& text) {
  absl::StatusOr<TargetValue> v = TargetValue::Parse(text);
  EXPECT_THAT(v, IsOk()) << v.status();
  return v.ok() ? *v : TargetValue();
}

inline AchievedValue Yearly(const std::string& text) {
  AchievedValue v;
  v.yearly = Tv(text);
  return v;
}

inline AchievedValue Quarters(const std::vector<std::string>& q) {
  AchievedValue v;
  for (size_t i = 0; i < q.size() && i < 4; ++i) {
    if (!q[i].empty()) v.quarters[i] = Tv(q[i]);
  }
  return v;
}

// A correction command with only its ids set.
inline CorrectCommand Fix(const std::string& id, const std::string& corrects) {
  CorrectCommand c;
  c.realization_id = id;
  c.corrects_id = corrects;
  return c;
}

inline void ExpectStatus(const absl::Status& s, absl::StatusCode code, const std::string& message) {
  EXPECT_EQ(s.code(), code) << s;
  EXPECT_EQ(s.message(), message);
}

// The seed plan and a realization book; commands are decided and, when accepted,
// appended as envelopes (time advances one second per event).
class Realizations {
 public:
  Realizations() : plan_(ImportText(ReadSeedDocument())) {}

  absl::Status Achievement(const Actor& a, const std::string& id, const std::string& indicator,
                           int year, AchievedValue value, const std::string& evidence = "BA-1",
                           const std::string& note = "") {
    return Append(a, DecideRecordAchievement(
                         plan_, book_, a,
                         RecordAchievementCommand{id, indicator, year, value, evidence, note}));
  }
  absl::Status Spending(const Actor& a, const std::string& id, const std::string& code, int year,
                        int64_t rupiah, const std::string& evidence = "SP2D-1") {
    return Append(a,
                  DecideRecordSpending(
                      plan_, book_, a,
                      RecordSpendingCommand{id, code, year, Money::Rupiah(rupiah), evidence, ""}));
  }
  // A triwulan record (quarter 1..4) of an achievement / of spending.
  absl::Status QuarterAchievement(const Actor& a, const std::string& id,
                                  const std::string& indicator, int year, int quarter,
                                  const std::string& value, const std::string& evidence = "BA-1") {
    RecordAchievementCommand c{id, indicator, year, Yearly(value), evidence, ""};
    c.quarter = quarter;
    return Append(a, DecideRecordAchievement(plan_, book_, a, c));
  }
  absl::Status QuarterSpending(const Actor& a, const std::string& id, const std::string& code,
                               int year, int quarter, int64_t rupiah) {
    RecordSpendingCommand c{id, code, year, Money::Rupiah(rupiah), "SP2D-1", ""};
    c.quarter = quarter;
    return Append(a, DecideRecordSpending(plan_, book_, a, c));
  }
  absl::Status Correct(const Actor& a, CorrectCommand command) {
    return Append(a, DecideCorrect(plan_, book_, a, command));
  }
  // Applies a plan event directly (a ratified change, for the in-force rules).
  void ApplyPlan(const v1::PlanEvent& e) { ASSERT_THAT(plan_.Apply(e), IsOk()); }

  const PlanState& plan() const { return plan_; }
  const RealizationBook& book() const { return book_; }
  RealizationBook& mutable_book() { return book_; }
  static constexpr int64_t kStartMicros = 1735689600000000;  // 2025-01-01T00:00:00Z

 private:
  absl::Status Append(const Actor& a, absl::StatusOr<std::vector<v1::RealizationEvent>> events) {
    if (!events.ok()) return events.status();
    for (const v1::RealizationEvent& e : *events) {
      v1::EventEnvelope env;
      env.set_sequence(++sequence_);
      env.set_stream(RealizationBook::StreamOf(plan_.plan_id()));
      env.set_stream_version(book_.version() + 1);
      env.set_event_type("renstra.v1.RealizationEvent");
      env.set_principal(a.name);
      env.set_role(v1::Role::Value_Name(a.role));
      env.set_timestamp_micros(kStartMicros + static_cast<int64_t>(sequence_) * 1000000);
      env.set_reason("laporan triwulan");
      e.SerializeToString(env.mutable_payload());
      absl::Status s = book_.ApplyEnvelope(env);
      if (!s.ok()) return s;
    }
    return absl::OkStatus();
  }

  PlanState plan_;
  RealizationBook book_;
  uint64_t sequence_ = 0;
};

}  // namespace renstra::testing

#endif  // RENSTRA_TESTS_DOMAIN_REALIZATION_FIXTURE_H_
