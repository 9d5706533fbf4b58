// Many clients at once over gRPC on the same values: concurrent proposals get distinct
// ids; racing ratifications of proposals that change the same target apply exactly one
// (the rest end ABORTED naming the value; no lost update); racing reviews of one
// proposal decide it once; a ratification racing its proposal's rebase never applies
// both; a retried Propose racing the original creates one proposal.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <functional>
#include <latch>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "tests/services/test_server.h"
#include "tests/services/workflow_fixture.h"

namespace renstra::testing {
namespace {

using ::testing::ElementsAre;

constexpr int kClients = 8;
constexpr int kMaxAttempts = 50;
constexpr char kConflictPrefix[] =
    "ratification conflicts; nothing applied; rebase these proposals: ";

// Runs fn(i) for i in [0, n) on n threads released together.
void RunTogether(int n, const std::function<void(int)>& fn) {
  std::latch start(n);
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i) {
    threads.emplace_back([&, i] {
      start.arrive_and_wait();
      fn(i);
    });
  }
  for (std::thread& t : threads) t.join();
}

class ConcurrencyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    TestServerOptions options;
    options.users = TestUsers();
    server_ = TestServer::Start(options);
    ASSERT_NE(server_, nullptr);
    server_->SeedPlan();
  }

  // rehab proposes (and submits) 2025 → `value`; returns the proposal id.
  std::string Propose(const std::string& value) {
    v1::ProposeRequest request;
    request.set_justification("target " + value);
    *request.add_changes() = SetTarget(kRehabIndicator, kYear, value);
    request.set_submit(true);
    v1::ProposalView view;
    grpc::Status status =
        server_->workflow().Propose(ContextAs(TokenOf("rehab")).get(), request, &view);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return view.proposal_id();
  }

  grpc::Status Review(const std::string& id, v1::ProposalView* view) {
    v1::ReviewProposalRequest request;
    request.set_proposal_id(id);
    request.set_decision(v1::ProposalReviewed::APPROVE);
    return server_->workflow().ReviewProposal(ContextAs(TokenOf("kadis")).get(), request, view);
  }

  grpc::Status Open(const std::string& name) {
    v1::OpenRevisionRequest request;
    request.set_name(name);
    v1::RevisionInfo info;
    return server_->workflow().OpenRevision(ContextAs(TokenOf("kadis")).get(), request, &info);
  }

  grpc::Status Ratify(const std::string& id) {
    v1::RatifyRevisionRequest request;
    request.set_legal_basis("Peraturan Wali Kota Dumai Nomor 12 Tahun 2025");
    request.set_effective_date("2025-07-01");
    request.set_signer("Kepala Dinas Sosial Kota Dumai");
    request.add_proposal_ids(id);
    v1::RevisionInfo info;
    return server_->workflow().RatifyRevision(ContextAs(TokenOf("kadis")).get(), request, &info);
  }

  v1::ProposalView Get(const std::string& id) {
    v1::GetProposalRequest request;
    request.set_proposal_id(id);
    v1::ProposalView view;
    grpc::Status status =
        server_->workflow().GetProposal(ContextAs(TokenOf("iwan")).get(), request, &view);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return view;
  }

  std::string CurrentTarget() {
    v1::GetPlanResponse plan;
    grpc::Status status = server_->plan().GetPlan(ContextAs(TokenOf("iwan")).get(), {}, &plan);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return TargetIn(plan.plan(), kRehabIndicator, kYear);
  }

  std::unique_ptr<TestServer> server_;
};

TEST_F(ConcurrencyTest, RacingRatificationsOfTheSameValueApplyExactlyOne) {
  // kClients proposals for the same target, proposed and approved concurrently.
  std::vector<std::string> ids(kClients);
  std::vector<std::string> values(kClients);
  RunTogether(kClients, [&](int i) {
    values[i] = absl::StrCat(221 + i, " Orang");
    ids[i] = Propose(values[i]);
  });
  ASSERT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), static_cast<size_t>(kClients));
  std::vector<grpc::Status> approved(kClients);
  RunTogether(kClients, [&](int i) {
    v1::ProposalView view;
    approved[i] = Review(ids[i], &view);
  });
  for (const grpc::Status& s : approved) ASSERT_TRUE(s.ok()) << s.error_message();

  // Each client ratifies its own proposal, opening a revision when none is open and
  // retrying after a lost race on the plan stream, until it wins or is told to rebase.
  ASSERT_TRUE(Open("Perubahan Renstra 2025").ok());
  std::vector<grpc::Status> outcome(kClients);
  std::mutex seen_mu;
  std::set<grpc::StatusCode> seen;
  RunTogether(kClients, [&](int i) {
    for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
      grpc::Status s = Ratify(ids[i]);
      {
        std::lock_guard<std::mutex> lock(seen_mu);
        seen.insert(s.error_code());
      }
      outcome[i] = s;
      if (s.ok()) return;
      if (s.error_code() == grpc::StatusCode::ABORTED &&
          absl::StartsWith(s.error_message(), kConflictPrefix)) {
        return;  // the value changed under it: rebase, not retry
      }
      if (s.error_code() == grpc::StatusCode::FAILED_PRECONDITION &&
          s.error_message() == "no revision is open; open one first") {
        Open(absl::StrCat("Perubahan Renstra 2025 (client ", i, ")"));  // may lose that race too
        continue;
      }
      if (s.error_code() != grpc::StatusCode::ABORTED) return;  // unexpected: reported below
    }
  });

  EXPECT_THAT(seen, ::testing::IsSubsetOf({grpc::StatusCode::OK, grpc::StatusCode::ABORTED,
                                           grpc::StatusCode::FAILED_PRECONDITION}));
  int winner = -1;
  int winners = 0;
  for (int i = 0; i < kClients; ++i) {
    if (outcome[i].ok()) {
      winner = i;
      ++winners;
    }
  }
  ASSERT_EQ(winners, 1);
  for (int i = 0; i < kClients; ++i) {
    if (i == winner) continue;
    SCOPED_TRACE(ids[i]);
    EXPECT_EQ(outcome[i].error_code(), grpc::StatusCode::ABORTED);
    EXPECT_EQ(outcome[i].error_message(),
              absl::StrCat(kConflictPrefix, ids[i], ": ", kRehabIndicator, " target ", kYear,
                           ": based on \"", kSeedTarget, "\", the plan now has \"", values[winner],
                           "\""));
    EXPECT_EQ(Get(ids[i]).status(), v1::APPROVED);
  }

  // No lost update: the value is the winner's, applied by exactly one revision.
  EXPECT_EQ(CurrentTarget(), values[winner]);
  EXPECT_EQ(Get(ids[winner]).status(), v1::APPLIED);
  v1::ListRevisionsResponse revisions;
  grpc::Status status =
      server_->workflow().ListRevisions(ContextAs(TokenOf("iwan")).get(), {}, &revisions);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(revisions.revisions_size(), 1);
  EXPECT_EQ(revisions.revisions(0).name(), "Perubahan Renstra 2025");
  EXPECT_THAT(revisions.revisions(0).proposal_ids(), ElementsAre(ids[winner]));
}

TEST_F(ConcurrencyTest, RacingReviewsOfOneProposalDecideItOnce) {
  const std::string id = Propose("230 Orang");
  std::vector<grpc::Status> outcome(kClients);
  RunTogether(kClients, [&](int i) {
    v1::ProposalView view;
    outcome[i] = Review(id, &view);
  });
  int ok = 0;
  for (const grpc::Status& s : outcome) {
    if (s.ok()) {
      ++ok;
    } else if (s.error_code() == grpc::StatusCode::FAILED_PRECONDITION) {
      EXPECT_EQ(s.error_message(),
                absl::StrCat("proposal ", id, " is APPROVED; review needs SUBMITTED"));
    } else {
      EXPECT_EQ(s.error_code(), grpc::StatusCode::ABORTED) << s.error_message();
      EXPECT_THAT(s.error_message(), ::testing::HasSubstr("proposal/" + id));
    }
  }
  EXPECT_EQ(ok, 1);
  const v1::ProposalView decided = Get(id);
  int approvals = 0;
  for (const v1::ProposalStepView& step : decided.history())
    approvals += step.event() == "approved";
  EXPECT_EQ(approvals, 1);
  EXPECT_EQ(decided.status(), v1::APPROVED);
}

// A ratification reads its proposals from their streams but appends to the plan's; a
// rebase of the same proposal racing it must lose or win whole, never both succeed.
TEST_F(ConcurrencyTest, ARatificationRacingItsProposalsRebaseNeverAppliesBoth) {
  for (int round = 0; round < 6; ++round) {
    SCOPED_TRACE(round);
    const std::string id = Propose(absl::StrCat(240 + round, " Orang"));
    v1::ProposalView view;
    ASSERT_TRUE(Review(id, &view).ok());
    v1::ListRevisionsResponse revisions;
    ASSERT_TRUE(
        server_->workflow().ListRevisions(ContextAs(TokenOf("iwan")).get(), {}, &revisions).ok());
    if (!revisions.has_open_revision()) {
      ASSERT_TRUE(Open(absl::StrCat("Perubahan ", round)).ok());
    }
    grpc::Status ratified;
    grpc::Status revised;
    RunTogether(2, [&](int i) {
      if (i == 0) {
        ratified = Ratify(id);
        return;
      }
      v1::ReviseProposalRequest request;
      request.set_proposal_id(id);
      *request.add_changes() =
          SetTarget(kRehabIndicator, kYear, absl::StrCat(260 + round, " Orang"));
      v1::ProposalView revised_view;
      revised = server_->workflow().ReviseProposal(ContextAs(TokenOf("rehab")).get(), request,
                                                   &revised_view);
    });
    ASSERT_NE(ratified.ok(), revised.ok())
        << "ratify: " << ratified.error_message() << "; revise: " << revised.error_message();
    if (ratified.ok()) {
      EXPECT_EQ(revised.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
      EXPECT_EQ(
          revised.error_message(),
          absl::StrCat("proposal ", id, " is APPLIED; revise needs DRAFT or RETURNED or APPROVED"));
      EXPECT_EQ(CurrentTarget(), absl::StrCat(240 + round, " Orang"));
    } else {
      EXPECT_EQ(ratified.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
      EXPECT_EQ(ratified.error_message(), absl::StrCat("proposal_ids[0]: ", id,
                                                       " is DRAFT; only APPROVED proposals are "
                                                       "ratified"));
      EXPECT_EQ(Get(id).status(), v1::DRAFT);
    }
  }
}

TEST_F(ConcurrencyTest, RetriesOfOneProposeRacingEachOtherCreateOneProposal) {
  v1::ProposeRequest request;
  request.set_request_id("propose-once");
  request.set_justification("Jumlah PPKS meningkat");
  *request.add_changes() = SetTarget(kRehabIndicator, kYear, "220 Orang");
  std::vector<grpc::Status> outcome(kClients);
  std::vector<std::string> ids(kClients);
  RunTogether(kClients, [&](int i) {
    v1::ProposalView view;
    outcome[i] = server_->workflow().Propose(ContextAs(TokenOf("rehab")).get(), request, &view);
    ids[i] = view.proposal_id();
  });
  for (const grpc::Status& s : outcome) EXPECT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), 1u);
  v1::ListProposalsResponse proposals;
  ASSERT_TRUE(
      server_->workflow().ListProposals(ContextAs(TokenOf("iwan")).get(), {}, &proposals).ok());
  EXPECT_EQ(proposals.proposals_size(), 1);
}

}  // namespace
}  // namespace renstra::testing
