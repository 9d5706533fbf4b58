// The command pipeline's policies through the apps themselves (WorkflowApp,
// RealizationApp on the PlanApp's CommandRunner) over a MemoryEventStore, without gRPC
// or RocksDB: a retry with the same request id answers the first result and appends
// nothing; the same id sent with another request, or to another method, is refused
// naming it and changes nothing; commands racing on one proposal decide it once.
// (command_runner_test.cc checks the runner with a stand-in decision; the gRPC-level
// and RocksDB-level counterparts are idempotency_test.cc and concurrency_test.cc.)
#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include <future>
#include <string>
#include <vector>

#include "domain/actor.h"
#include "tests/services/workflow_fixture.h"
#include "tests/testing/seeded_apps.h"
#include "tests/testing/status_matchers.h"

namespace renstra::testing {
namespace {

using google::protobuf::util::MessageDifferencer;

const Actor kRehab{"rehab", v1::Role::KEPALA_BIDANG, v1::REHABILITASI_SOSIAL};
const Actor kKadis{"kadis", v1::Role::KEPALA_DINAS, v1::DIVISION_UNSPECIFIED};

class AppPipelineTest : public SeededAppsTest {
 protected:
  uint64_t Events() { return apps_.store.Head().sequence; }
};

TEST_F(AppPipelineTest, ARetryOfProposeAnswersTheFirstProposalAndAppendsNothing) {
  absl::StatusOr<v1::ProposalView> first =
      apps_.workflow.Propose(kRehab, TargetProposal("p-1", "220 Orang", true));
  ASSERT_THAT(first, IsOk());
  EXPECT_EQ(first->status(), v1::SUBMITTED);
  const uint64_t events = Events();

  absl::StatusOr<v1::ProposalView> retry =
      apps_.workflow.Propose(kRehab, TargetProposal("p-1", "220 Orang", true));
  ASSERT_THAT(retry, IsOk());
  EXPECT_TRUE(MessageDifferencer::Equals(*first, *retry)) << retry->DebugString();
  EXPECT_EQ(Events(), events);
  EXPECT_EQ(apps_.workflow.ListProposals({}).proposals_size(), 1);
}

TEST_F(AppPipelineTest, ARetryOfARecordAnswersTheFirstRecordAndAppendsNothing) {
  absl::StatusOr<v1::RealizationView> first =
      apps_.realization.RecordAchievement(kRehab, RehabAchievement("a-1", 150));
  ASSERT_THAT(first, IsOk());
  const uint64_t events = Events();

  absl::StatusOr<v1::RealizationView> retry =
      apps_.realization.RecordAchievement(kRehab, RehabAchievement("a-1", 150));
  ASSERT_THAT(retry, IsOk());
  EXPECT_TRUE(MessageDifferencer::Equals(*first, *retry)) << retry->DebugString();
  EXPECT_EQ(Events(), events);
}

TEST_F(AppPipelineTest, TheSameIdWithAnotherRequestIsRefusedNamingItAndChangesNothing) {
  ASSERT_THAT(apps_.realization.RecordAchievement(kRehab, RehabAchievement("a-1", 150)), IsOk());
  const uint64_t events = Events();

  // Another year: a request the rules accept (the pipeline decides a reuse first, so a
  // request the rules refuse gets the rule's answer instead).
  v1::RecordAchievementRequest other = RehabAchievement("a-1", 160);
  other.set_year(kYear - 1);
  EXPECT_THAT(apps_.realization.RecordAchievement(kRehab, other),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "request_id: \"a-1\" was already used for a different "
                       "/renstra.v1.RealizationService/RecordAchievement request; use a new "
                       "request id"));
  EXPECT_EQ(Events(), events);
}

TEST_F(AppPipelineTest, TheSameIdSentToAnotherMethodIsRefusedNamingTheFirst) {
  ASSERT_THAT(apps_.workflow.Propose(kRehab, TargetProposal("x-1", "220 Orang")), IsOk());
  const uint64_t events = Events();

  EXPECT_THAT(apps_.realization.RecordAchievement(kRehab, RehabAchievement("x-1", 150)),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "request_id: \"x-1\" was already used for "
                       "/renstra.v1.WorkflowService/Propose; use a new request id"));
  EXPECT_EQ(Events(), events);
}

TEST_F(AppPipelineTest, AnotherUsersIdIsANewCommandForTheCaller) {
  ASSERT_THAT(apps_.workflow.Propose(kRehab, TargetProposal("r-1", "220 Orang", true)), IsOk());
  v1::OpenRevisionRequest open;
  open.set_request_id("r-1");
  open.set_name("Perubahan Renstra 2025");
  absl::StatusOr<v1::RevisionInfo> revision = apps_.workflow.OpenRevision(kKadis, open);
  ASSERT_THAT(revision, IsOk());
  EXPECT_EQ(revision->name(), "Perubahan Renstra 2025");
}

TEST_F(AppPipelineTest, ReviewsRacingOnOneProposalDecideItOnce) {
  absl::StatusOr<v1::ProposalView> proposal =
      apps_.workflow.Propose(kRehab, TargetProposal("p-1", "220 Orang", true));
  ASSERT_THAT(proposal, IsOk());
  const std::string id = proposal->proposal_id();
  const uint64_t events = Events();

  constexpr int kRacers = 8;
  std::promise<void> go;
  std::shared_future<void> start = go.get_future().share();
  std::vector<std::future<absl::StatusOr<v1::ProposalView>>> racers;
  for (int i = 0; i < kRacers; ++i) {
    racers.push_back(std::async(std::launch::async, [&, i] {
      v1::ReviewProposalRequest r;
      r.set_request_id("review-" + std::to_string(i));
      r.set_proposal_id(id);
      r.set_decision(v1::ProposalReviewed::APPROVE);
      start.wait();
      return apps_.workflow.Review(kKadis, r);
    }));
  }
  go.set_value();
  int approved = 0;
  for (auto& racer : racers) {
    absl::StatusOr<v1::ProposalView> view = racer.get();
    if (view.ok()) {
      ++approved;
      EXPECT_EQ(view->status(), v1::APPROVED);
    } else {
      EXPECT_THAT(view, StatusIs(absl::StatusCode::kFailedPrecondition,
                                 "proposal " + id + " is APPROVED; review needs SUBMITTED"));
    }
  }
  EXPECT_EQ(approved, 1);
  EXPECT_EQ(Events(), events + 1);
}

}  // namespace
}  // namespace renstra::testing
