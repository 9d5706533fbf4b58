// A plan log written by a version-1 server (its RevisionRatified has no change_count)
// read by every reader of the plan stream — the projector's catch-up and recovery, the
// replay of past versions and instants, the snapshotter's rebuild — gives the same plan,
// revision version and command spans as the same log written today.
// (tests/domain/schema_upcast_test.cc checks the upcast itself on the domain alone.)
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "domain/import_decider.h"
#include "domain/plan_events.h"
#include "domain/target_value.h"
#include "domain/tc27_parser.h"
#include "gtest/gtest.h"
#include "services/audit_app.h"
#include "services/merkle_log.h"
#include "services/plan_replay.h"
#include "services/projector.h"
#include "services/snapshotter.h"
#include "storage/memory_event_store.h"
#include "tests/testing/seed.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace renstra {
namespace {

using ::renstra::testing::IsOk;

constexpr char kPlan[] = "plan/test";
constexpr char kIndicator[] = "1.06.04.2.01.0001#1";

// A store whose clock moves one microsecond per append, as a real one would.
class Log {
 public:
  Log() : store_([this] { return ++now_; }) {}

  void Append(const std::string& stream, const std::vector<v1::PlanEvent>& events, uint32_t schema,
              const std::string& request_id) {
    AppendRequest request;
    request.stream = stream;
    request.expected_version = static_cast<int64_t>(store_.StreamVersion(stream));
    for (const v1::PlanEvent& e : events) {
      request.events.push_back(NewEvent{EventTypeName(e), schema, e.SerializeAsString()});
    }
    request.meta = CommandMeta{"budi", "ADMIN", "", request_id};
    absl::StatusOr<AppendResult> result = store_.Append(request);
    ASSERT_THAT(result, IsOk());
  }

  // An event of another stream (the projector has no model for it).
  void AppendOther(const std::string& request_id) {
    AppendRequest request;
    request.stream = "audit/denied";
    request.events = {NewEvent{"T1", 1, "a"}};
    request.meta = CommandMeta{"budi", "ADMIN", "", request_id};
    ASSERT_THAT(store_.Append(request), IsOk());
  }

  MemoryEventStore* store() { return &store_; }

 private:
  int64_t now_ = 1000;
  MemoryEventStore store_;
};

v1::PlanEvent TargetSet(const std::string& indicator, int year, const std::string& value) {
  v1::PlanEvent e;
  e.mutable_target_set()->set_indicator_id(indicator);
  e.mutable_target_set()->set_year(year);
  TargetValue::Parse(value)->ToProto(e.mutable_target_set()->mutable_value());
  return e;
}

v1::PlanEvent Ratified(uint32_t schema, int32_t changes) {
  v1::PlanEvent e;
  v1::RevisionRatified* r = e.mutable_revision_ratified();
  r->set_revision_id("REV-1");
  r->set_name("Perubahan Renstra 2025");
  r->set_legal_basis("Perwako Dumai No. 12 Tahun 2025");
  r->set_revision_number(1);
  if (schema >= kRatificationCountsChanges) r->set_change_count(changes);
  return e;
}

// The seed import and a revision opened: the plan stream before the ratification.
void ImportAndOpen(Log& log, uint32_t schema) {
  absl::StatusOr<ParsedTable> table = ParseTc27(testing::ReadSeedDocument());
  ASSERT_THAT(table, IsOk());
  absl::StatusOr<ImportDecision> import =
      DecideImport(PlanState(), *table, ImportOptions{.plan_id = kPlan, .source = "seed"});
  ASSERT_THAT(import, IsOk());
  log.Append(kPlan, import->events, schema, "import");
  v1::PlanEvent opened;
  opened.mutable_revision_opened()->set_revision_id("REV-1");
  opened.mutable_revision_opened()->set_name("Perubahan Renstra 2025");
  log.Append(kPlan, {opened}, schema, "open");
}

// Ratified with two target changes, another stream's event, then the plan locked.
void RatifyAndLock(Log& log, uint32_t schema) {
  log.Append(kPlan,
             {Ratified(schema, 2), TargetSet(kIndicator, 2025, "220 Orang"),
              TargetSet(kIndicator, 2026, "230 Orang")},
             schema, "ratify");
  log.AppendOther("denied");
  v1::PlanEvent locked;
  locked.mutable_plan_locked()->set_revision_number(1);
  log.Append(kPlan, {locked}, schema, "lock");
}

std::string PlanBytes(const Projector& projector) {
  return projector.Read([](const PlanState& plan, const ProposalBook&) {
    return plan.ToProto().SerializeAsString();
  });
}

class PlanUpcastTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ImportAndOpen(old_log_, 1);
    ImportAndOpen(new_log_, kPlanEventSchemaVersion);
    opened_ = static_cast<int64_t>(old_log_.store()->StreamVersion(kPlan));
    ratified_ = opened_ + 1;
  }

  // Ratifies and locks in both logs (version 1 and today's schema) and recovers a
  // projector over each.
  void RatifyBothAndRecover() {
    RatifyAndLock(old_log_, 1);
    RatifyAndLock(new_log_, kPlanEventSchemaVersion);
    old_projector_ = std::make_unique<Projector>(old_log_.store(), kPlan);
    new_projector_ = std::make_unique<Projector>(new_log_.store(), kPlan);
    ASSERT_THAT(old_projector_->Recover(), IsOk());
    ASSERT_THAT(new_projector_->Recover(), IsOk());
  }

  Log old_log_;
  Log new_log_;
  std::unique_ptr<Projector> old_projector_;
  std::unique_ptr<Projector> new_projector_;
  int64_t opened_ = 0;    // the plan version of RevisionOpened
  int64_t ratified_ = 0;  // the plan version of RevisionRatified
};

TEST_F(PlanUpcastTest, TheProjectorCountsAVersionOneRatificationAtTheEndOfACatchUp) {
  Projector projector(old_log_.store(), kPlan);
  std::vector<v1::EventEnvelope> observed;
  projector.SetObserver([&](const v1::EventEnvelope& e) { observed.push_back(e); });
  ASSERT_THAT(projector.CatchUp(), IsOk());
  // The ratification's append is the last thing this catch-up reads: its end is the
  // catch-up's end.
  old_log_.Append(kPlan,
                  {Ratified(1, 0), TargetSet(kIndicator, 2025, "220 Orang"),
                   TargetSet(kIndicator, 2026, "230 Orang")},
                  1, "ratify");
  ASSERT_THAT(projector.CatchUp(), IsOk());
  EXPECT_EQ(projector.applied(), static_cast<uint64_t>(ratified_ + 2));
  projector.Read([&](const PlanState& plan, const ProposalBook&) {
    EXPECT_EQ(plan.version(), ratified_ + 2);
    ASSERT_EQ(plan.revisions().size(), 1u);
    EXPECT_EQ(plan.revisions()[0].plan_version(), ratified_ + 2);
    ASSERT_NE(plan.SpanInside(ratified_ + 1), nullptr);
    EXPECT_EQ(plan.SpanInside(ratified_ + 1)->what, "the ratification of REV-1");
    EXPECT_EQ(plan.SpanInside(ratified_ + 1)->first, ratified_);
    EXPECT_EQ(plan.SpanInside(ratified_ + 1)->last, ratified_ + 2);
    EXPECT_EQ(plan.SpanInside(ratified_ + 2), nullptr);
    auto [node, i] = plan.FindIndicator(kIndicator);
    ASSERT_NE(node, nullptr);
    EXPECT_EQ(node->indicators[i].targets.at(2026).Display(), "230 Orang");
  });

  // The observer saw every event once, in order, as stored (version 1, no count).
  ASSERT_EQ(observed.size(), static_cast<size_t>(ratified_ + 2));
  for (size_t i = 0; i < observed.size(); ++i) EXPECT_EQ(observed[i].sequence(), i + 1);
  absl::StatusOr<std::vector<v1::EventEnvelope>> stored =
      old_log_.store()->ReadAll(static_cast<uint64_t>(ratified_), 1);
  ASSERT_THAT(stored, IsOk());
  ASSERT_EQ(stored->size(), 1u);
  EXPECT_EQ(stored->at(0).schema_version(), 1u);
  EXPECT_EQ(observed[ratified_ - 1].SerializeAsString(), stored->at(0).SerializeAsString());
}

TEST_F(PlanUpcastTest, EveryReaderOfAVersionOneLogSeesTheSamePlanAsToday) {
  ASSERT_NO_FATAL_FAILURE(RatifyBothAndRecover());
  Projector& old_projector = *old_projector_;
  Projector& new_projector = *new_projector_;
  // The other stream's event between the ratification and the lock ends its append.
  const uint64_t last = static_cast<uint64_t>(ratified_ + 2) + 2;
  EXPECT_EQ(old_projector.applied(), last);
  old_projector.Read([&](const PlanState& plan, const ProposalBook&) {
    EXPECT_EQ(plan.version(), ratified_ + 3);
    ASSERT_EQ(plan.revisions().size(), 1u);
    EXPECT_EQ(plan.revisions()[0].plan_version(), ratified_ + 2);
    ASSERT_NE(plan.SpanInside(ratified_), nullptr);
    EXPECT_EQ(plan.SpanInside(ratified_)->last, ratified_ + 2);
    EXPECT_TRUE(plan.locked());
  });
  const std::string today = PlanBytes(new_projector);
  EXPECT_EQ(PlanBytes(old_projector), today);

  // The replay of a past version: inside the ratification is refused, its end is it.
  EXPECT_EQ(ReplayPlanToVersion(old_log_.store(), old_projector, ratified_ + 1, "version").status(),
            absl::InvalidArgumentError(absl::StrCat(
                "version: ", ratified_ + 1, " falls inside the ratification of REV-1 (versions ",
                ratified_, "–", ratified_ + 2, "); the plan's versions around it are ",
                ratified_ - 1, " and ", ratified_ + 2)));
  absl::StatusOr<PlanState> old_at =
      ReplayPlanToVersion(old_log_.store(), old_projector, ratified_ + 2, "version");
  absl::StatusOr<PlanState> new_at =
      ReplayPlanToVersion(new_log_.store(), new_projector, ratified_ + 2, "version");
  ASSERT_THAT(old_at, IsOk());
  ASSERT_THAT(new_at, IsOk());
  ASSERT_EQ(old_at->revisions().size(), 1u);
  EXPECT_EQ(old_at->revisions()[0].plan_version(), ratified_ + 2);
  EXPECT_FALSE(old_at->locked());
  EXPECT_EQ(old_at->ToProto().SerializeAsString(), new_at->ToProto().SerializeAsString());
  // The replay stops at the ratification's last event: the flush counts it all the same.
  absl::StatusOr<PlanState> old_current =
      ReplayPlanToVersion(old_log_.store(), old_projector, 0, "version");
  ASSERT_THAT(old_current, IsOk());
  EXPECT_EQ(old_current->ToProto().SerializeAsString(), today);

  // The replay to an instant: the clock ticked once per append; the ratification's
  // append was stamped at its plan version's append.
  absl::StatusOr<std::vector<v1::EventEnvelope>> ratification =
      old_log_.store()->ReadStream(kPlan, static_cast<uint64_t>(ratified_), 1);
  ASSERT_THAT(ratification, IsOk());
  ASSERT_EQ(ratification->size(), 1u);
  absl::StatusOr<PlanState> at_instant =
      ReplayPlanToInstant(old_log_.store(), old_projector, ratification->at(0).timestamp_micros());
  ASSERT_THAT(at_instant, IsOk());
  EXPECT_EQ(at_instant->ToProto().SerializeAsString(), old_at->ToProto().SerializeAsString());

  // The snapshotter rebuilds the plan from the log when it loads a snapshot.
  testing::TempDir dir("plan_upcast_test");
  ASSERT_THAT(Snapshotter::Write(old_log_.store(), &old_projector, nullptr, dir.path()), IsOk());
  Projector restored(old_log_.store(), kPlan);
  absl::StatusOr<SnapshotRecovery> recovery =
      Snapshotter::Recover(old_log_.store(), &restored, dir.path());
  ASSERT_THAT(recovery, IsOk());
  EXPECT_EQ(recovery->sequence, last);
  EXPECT_EQ(PlanBytes(restored), today);
}

// The versions of the plan-stream events a revision's history lists.
std::vector<uint64_t> RevisionHistoryVersions(Log& log, Projector& projector) {
  absl::StatusOr<std::unique_ptr<MerkleLog>> merkle = MerkleLog::OpenEphemeral(log.store());
  EXPECT_THAT(merkle, IsOk());
  if (!merkle.ok()) return {};
  AuditApp audit(log.store(), &projector, merkle->get());
  v1::GetHistoryRequest request;
  request.set_revision_id("REV-1");
  absl::StatusOr<v1::GetHistoryResponse> history = audit.History(request);
  EXPECT_THAT(history, IsOk());
  std::vector<uint64_t> versions;
  if (!history.ok()) return versions;
  for (const v1::AuditEvent& e : history->events())
    versions.push_back(e.envelope().stream_version());
  return versions;
}

TEST_F(PlanUpcastTest, ARevisionsHistoryListsTheChangesAVersionOneRatificationApplied) {
  ASSERT_NO_FATAL_FAILURE(RatifyBothAndRecover());
  Projector& old_projector = *old_projector_;
  Projector& new_projector = *new_projector_;
  const auto v = [](int64_t version) { return static_cast<uint64_t>(version); };
  const std::vector<uint64_t> expected = {v(opened_), v(ratified_), v(ratified_ + 1),
                                          v(ratified_ + 2)};
  EXPECT_EQ(RevisionHistoryVersions(new_log_, new_projector), expected);
  EXPECT_EQ(RevisionHistoryVersions(old_log_, old_projector), expected);
}

TEST_F(PlanUpcastTest, AFailingEventOfAHeldAppendStopsTheCatchUpBeforeItAndIsReadAgain) {
  Projector projector(old_log_.store(), kPlan);
  ASSERT_THAT(projector.CatchUp(), IsOk());
  old_log_.Append(kPlan, {Ratified(1, 0), TargetSet("9.99#1", 2025, "220 Orang")}, 1, "ratify");
  const uint64_t bad = static_cast<uint64_t>(ratified_ + 1);
  const absl::Status expected = absl::FailedPreconditionError(
      absl::StrCat("event ", bad, ": target for unknown indicator 9.99#1"));
  EXPECT_EQ(projector.CatchUp(), expected);
  EXPECT_EQ(projector.applied(), bad - 1);  // the ratification was applied
  // Nothing read but not applied is lost: the next catch-up reads the event again.
  EXPECT_EQ(projector.CatchUp(), expected);
  EXPECT_EQ(projector.applied(), bad - 1);
}

}  // namespace
}  // namespace renstra
