// Schema evolution: a log written by an older renstrad still replays into the current
// model. Version 1 of RevisionRatified did not say how many changes follow it in its
// append; PlanUpcaster upcasts it by counting the events of that append, before
// PlanState applies it. (tests/services/plan_upcast_test.cc replays such a log through
// the projector, the replay of past versions and the snapshotter.)
#include <string>
#include <vector>

#include "domain/plan_events.h"
#include "domain/plan_state.h"
#include "domain/plan_upcaster.h"
#include "domain/target_value.h"
#include "gtest/gtest.h"
#include "tests/domain/seed_fixture.h"
#include "tests/testing/status_matchers.h"

namespace renstra::testing {
namespace {

constexpr char kIndicator[] = "1.06.04.2.01.0001#1";

// Envelopes of the plan stream, as a store would have written them.
class LogWriter {
 public:
  void Append(const std::vector<v1::PlanEvent>& events, uint32_t schema,
              const std::string& request_id, int64_t timestamp) {
    for (const v1::PlanEvent& e : events) {
      v1::EventEnvelope env;
      env.set_sequence(++version_);
      env.set_stream("plan/test");
      env.set_stream_version(version_);
      env.set_event_type(EventTypeName(e));
      env.set_schema_version(schema);
      env.set_request_id(request_id);
      env.set_timestamp_micros(timestamp);
      e.SerializeToString(env.mutable_payload());
      log_.push_back(env);
    }
  }
  const std::vector<v1::EventEnvelope>& log() const { return log_; }
  uint64_t version() const { return version_; }

 private:
  uint64_t version_ = 0;
  std::vector<v1::EventEnvelope> log_;
};

v1::PlanEvent TargetSet(int year, const std::string& value) {
  v1::PlanEvent e;
  e.mutable_target_set()->set_indicator_id(kIndicator);
  e.mutable_target_set()->set_year(year);
  TargetValue::Parse(value)->ToProto(e.mutable_target_set()->mutable_value());
  return e;
}

// The seed import, a revision opened, ratified with two target changes, then locked:
// with the ratification written at `schema` (version 1: no change_count).
LogWriter RevisedSeed(uint32_t schema) {
  LogWriter w;
  absl::StatusOr<ParsedTable> table = ParseTc27(ReadSeedDocument());
  EXPECT_THAT(table, IsOk());
  absl::StatusOr<ImportDecision> import =
      DecideImport(PlanState(), *table, ImportOptions{.plan_id = "plan/test", .source = "seed"});
  EXPECT_THAT(import, IsOk());
  w.Append(import->events, schema, "import", 100);
  v1::PlanEvent opened;
  opened.mutable_revision_opened()->set_revision_id("REV-1");
  opened.mutable_revision_opened()->set_name("Perubahan Renstra 2025");
  w.Append({opened}, schema, "open", 200);
  v1::PlanEvent ratified;
  v1::RevisionRatified* r = ratified.mutable_revision_ratified();
  r->set_revision_id("REV-1");
  r->set_name("Perubahan Renstra 2025");
  r->set_legal_basis("Perwako Dumai No. 12 Tahun 2025");
  r->set_revision_number(1);
  if (schema >= kRatificationCountsChanges) r->set_change_count(2);
  w.Append({ratified, TargetSet(2025, "220 Orang"), TargetSet(2026, "230 Orang")}, schema, "ratify",
           300);
  v1::PlanEvent locked;
  locked.mutable_plan_locked()->set_revision_number(1);
  w.Append({locked}, schema, "lock", 400);
  return w;
}

// The log read as a reader does: through the upcaster, flushed at the end of the batch.
PlanState Replay(const LogWriter& w) {
  PlanUpcaster upcaster;
  std::vector<v1::EventEnvelope> ready;
  for (const v1::EventEnvelope& e : w.log()) upcaster.Push(e, &ready);
  upcaster.Flush(&ready);
  EXPECT_EQ(ready.size(), w.log().size());
  PlanState plan;
  for (const v1::EventEnvelope& e : ready) {
    absl::Status s = plan.Apply(e);
    EXPECT_THAT(s, IsOk()) << s;
  }
  return plan;
}

TEST(SchemaUpcastTest, AVersionOneRatificationReplaysLikeTheCurrentOne) {
  const LogWriter old_log = RevisedSeed(1);
  const LogWriter new_log = RevisedSeed(kPlanEventSchemaVersion);
  const PlanState old_plan = Replay(old_log);
  const PlanState new_plan = Replay(new_log);

  // The lock is the last event; the ratification's append ends one before it.
  const int64_t ratified = static_cast<int64_t>(old_log.version()) - 3;
  ASSERT_EQ(old_plan.revisions().size(), 1u);
  EXPECT_EQ(old_plan.revisions()[0].plan_version(), ratified + 2);
  EXPECT_EQ(new_plan.revisions()[0].plan_version(), ratified + 2);
  ASSERT_NE(old_plan.SpanInside(ratified + 1), nullptr);
  EXPECT_EQ(old_plan.SpanInside(ratified + 1)->what, "the ratification of REV-1");
  EXPECT_EQ(old_plan.SpanInside(ratified + 1)->first, ratified);
  EXPECT_EQ(old_plan.SpanInside(ratified + 1)->last, ratified + 2);
  EXPECT_EQ(old_plan.SpanInside(ratified + 2), nullptr);
  EXPECT_TRUE(old_plan.locked());
  // Apart from the schema, the two logs give the same plan.
  EXPECT_EQ(old_plan.ToProto().SerializeAsString(), new_plan.ToProto().SerializeAsString());
  auto [node, i] = old_plan.FindIndicator(kIndicator);
  ASSERT_NE(node, nullptr);
  EXPECT_EQ(node->indicators[i].targets.at(2025).Display(), "220 Orang");
  EXPECT_EQ(node->indicators[i].targets.at(2026).Display(), "230 Orang");
}

}  // namespace
}  // namespace renstra::testing
