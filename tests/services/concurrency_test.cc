// Many clients (32) at once over gRPC on the same values, each retrying with its own
// request id: concurrent proposals get distinct ids; racing ratifications of proposals
// that change the same target apply exactly one (the rest end ABORTED naming the value,
// on every retry; no lost update); racing records and corrections of one realization
// subject keep one (the rest FAILED_PRECONDITION naming the winner); racing reviews of
// one proposal decide it once; a ratification racing its proposal's rebase never
// applies both; retries of one Propose (and submit) racing each other create and submit
// one proposal. Each test counts the events per request id in the log.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <functional>
#include <latch>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "renstra/v1/realization_service.grpc.pb.h"
#include "tests/services/workflow_fixture.h"
#include "tests/testing/seeded_server.h"
#include "tests/testing/status_matchers.h"

namespace renstra::testing {
namespace {

using ::testing::ElementsAre;

constexpr int kClients = 32;
// Each client sends its final request this many times more, with the same request id.
constexpr int kRetries = 2;
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

// Grpc statuses are equal when their code and message are.
bool Same(const grpc::Status& a, const grpc::Status& b) {
  return a.error_code() == b.error_code() && a.error_message() == b.error_message();
}

class ConcurrencyTest : public SeededServerTest {
 protected:
  // rehab proposes (and submits) 2025 → `value`; returns the proposal id.
  std::string Propose(const std::string& value) {
    v1::ProposeRequest request;
    request.set_justification("target " + value);
    *request.add_changes() = SetTarget(kRehabIndicator, kYear, value);
    request.set_submit(true);
    v1::ProposalView view;
    grpc::Status status =
        server_->workflow().Propose(ContextAs(TokenOf("rehab")).get(), request, &view);
    EXPECT_THAT(status, IsOk()) << status.error_message();
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

  grpc::Status Ratify(const std::string& id, const std::string& request_id = "",
                      v1::RevisionInfo* out = nullptr) {
    v1::RatifyRevisionRequest request;
    request.set_request_id(request_id);
    request.set_legal_basis("Peraturan Wali Kota Dumai Nomor 12 Tahun 2025");
    request.set_effective_date("2025-07-01");
    request.set_signer("Kepala Dinas Sosial Kota Dumai");
    request.add_proposal_ids(id);
    // The findings a target change adds are not what these tests are about.
    request.set_accept_findings(true);
    request.set_accept_reason("uji konkurensi");
    v1::RevisionInfo info;
    return server_->workflow().RatifyRevision(ContextAs(TokenOf("kadis")).get(), request,
                                              out != nullptr ? out : &info);
  }

  v1::ProposalView Get(const std::string& id) {
    v1::GetProposalRequest request;
    request.set_proposal_id(id);
    v1::ProposalView view;
    grpc::Status status =
        server_->workflow().GetProposal(ContextAs(TokenOf("iwan")).get(), request, &view);
    EXPECT_THAT(status, IsOk()) << status.error_message();
    return view;
  }

  std::string CurrentTarget() {
    v1::GetPlanResponse plan;
    grpc::Status status = server_->plan().GetPlan(ContextAs(TokenOf("iwan")).get(), {}, &plan);
    EXPECT_THAT(status, IsOk()) << status.error_message();
    return TargetIn(plan.plan(), kRehabIndicator, kYear);
  }

  // How many events of the log carry each request id.
  std::map<std::string, int> EventsPerRequestId() {
    absl::StatusOr<std::vector<v1::EventEnvelope>> all = server_->store().ReadAll(1, 1 << 20);
    EXPECT_THAT(all, IsOk()) << all.status();
    std::map<std::string, int> out;
    if (all.ok()) {
      for (const v1::EventEnvelope& e : *all) ++out[e.request_id()];
    }
    return out;
  }

  // Made in SetUp: the client threads share it (stubs are thread-safe).
  v1::RealizationService::Stub& realization() { return server_->realization(); }
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
  for (const grpc::Status& s : approved) ASSERT_THAT(s, IsOk()) << s.error_message();

  // Each client ratifies its own proposal with its own request id, opening a revision
  // when none is open and retrying (same request id) after a lost race on the plan
  // stream, until it wins or is told to rebase; then it sends the same request again.
  ASSERT_THAT(Open("Perubahan Renstra 2025"), IsOk());
  std::vector<grpc::Status> outcome(kClients);
  std::vector<v1::RevisionInfo> revision(kClients);
  std::vector<bool> retries_agree(kClients, true);
  std::mutex seen_mu;
  std::set<grpc::StatusCode> seen;
  RunTogether(kClients, [&](int i) {
    const std::string request_id = absl::StrCat("ratify-", i);
    for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
      grpc::Status s = Ratify(ids[i], request_id, &revision[i]);
      {
        std::lock_guard<std::mutex> lock(seen_mu);
        seen.insert(s.error_code());
      }
      outcome[i] = s;
      if (s.ok()) break;
      if (s.error_code() == grpc::StatusCode::ABORTED &&
          absl::StartsWith(s.error_message(), kConflictPrefix)) {
        break;  // the value changed under it: rebase, not retry
      }
      if (s.error_code() == grpc::StatusCode::FAILED_PRECONDITION &&
          s.error_message() == "no revision is open; open one first") {
        Open(absl::StrCat("Perubahan Renstra 2025 (client ", i, ")"));  // may lose that race too
        continue;
      }
      if (s.error_code() != grpc::StatusCode::ABORTED) return;  // unexpected: reported below
    }
    for (int retry = 0; retry < kRetries; ++retry) {
      v1::RevisionInfo again;
      const grpc::Status s = Ratify(ids[i], request_id, &again);
      if (!Same(s, outcome[i]) ||
          (s.ok() && again.SerializeAsString() != revision[i].SerializeAsString())) {
        retries_agree[i] = false;
      }
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
    EXPECT_TRUE(retries_agree[i]) << "a retry answered differently";
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
  ASSERT_THAT(status, IsOk()) << status.error_message();
  ASSERT_EQ(revisions.revisions_size(), 1);
  EXPECT_EQ(revisions.revisions(0).name(), "Perubahan Renstra 2025");
  EXPECT_THAT(revisions.revisions(0).proposal_ids(), ElementsAre(ids[winner]));
  EXPECT_TRUE(retries_agree[winner]) << "a retry of the winning ratification answered differently";
  EXPECT_EQ(revision[winner].revision_id(), revisions.revisions(0).revision_id());

  // No duplicate events: the winner's request id is on its one append (the
  // ratification, the target it set and the end-of-period target that follows it,
  // consequences.h), every loser's on none.
  std::map<std::string, int> events = EventsPerRequestId();
  for (int i = 0; i < kClients; ++i) {
    EXPECT_EQ(events[absl::StrCat("ratify-", i)], i == winner ? 3 : 0) << ids[i];
  }
}

// 32 division clients record the same subject (an indicator's 2025 realization) at
// once, each with its own value and request id, each sending its request three times.
// One record wins; every other request is refused every time, naming the winner; the
// subject holds the winner's value; the log holds one event.
TEST_F(ConcurrencyTest, RacingRecordsOfOneRealizationSubjectKeepExactlyOne) {
  std::vector<grpc::Status> outcome(kClients);
  std::vector<std::string> record_id(kClients);
  std::vector<bool> retries_agree(kClients, true);
  RunTogether(kClients, [&](int i) {
    v1::RecordAchievementRequest r;
    r.set_request_id(absl::StrCat("achieve-", i));
    r.set_indicator_id(kRehabIndicator);
    r.set_year(kYear);
    v1::TargetValue* value = r.mutable_value()->mutable_yearly();
    value->set_kind(v1::TargetValue::NUMBER);
    value->mutable_low()->set_units(100 + i);
    value->set_unit("Orang");
    r.set_evidence_ref(absl::StrCat("BA-", i));
    for (int attempt = 0; attempt <= kRetries; ++attempt) {
      v1::RealizationView view;
      const grpc::Status s =
          realization().RecordAchievement(ContextAs(TokenOf("rehab")).get(), r, &view);
      if (attempt == 0) {
        outcome[i] = s;
        record_id[i] = view.realization_id();
      } else if (!Same(s, outcome[i]) || view.realization_id() != record_id[i]) {
        retries_agree[i] = false;
      }
    }
  });
  int winner = -1;
  int winners = 0;
  for (int i = 0; i < kClients; ++i) {
    EXPECT_TRUE(retries_agree[i]) << "client " << i << ": a retry answered differently";
    if (outcome[i].ok()) {
      winner = i;
      ++winners;
    }
  }
  ASSERT_EQ(winners, 1);
  EXPECT_EQ(record_id[winner], "RLZ-000001");
  for (int i = 0; i < kClients; ++i) {
    if (i == winner) continue;
    EXPECT_EQ(outcome[i].error_code(), grpc::StatusCode::FAILED_PRECONDITION) << i;
    EXPECT_EQ(outcome[i].error_message(),
              absl::StrCat("indicator ", kRehabIndicator, " ", kYear,
                           " already has realization RLZ-000001; record a correction of it "
                           "instead"));
  }
  v1::ListRealizationsResponse list;
  ASSERT_THAT(realization().ListRealizations(ContextAs(TokenOf("iwan")).get(), {}, &list), IsOk());
  ASSERT_EQ(list.realizations_size(), 1);
  EXPECT_EQ(list.realizations(0).achievement().yearly().low().units(), 100 + winner);
  std::map<std::string, int> events = EventsPerRequestId();
  for (int i = 0; i < kClients; ++i) {
    EXPECT_EQ(events[absl::StrCat("achieve-", i)], i == winner ? 1 : 0) << i;
  }
}

// 32 clients correct the same current record at once (each three times with its request
// id): one correction wins, the rest are refused naming it, and a correction can only
// ever replace the record it read (no lost update).
TEST_F(ConcurrencyTest, RacingCorrectionsOfOneRecordApplyExactlyOne) {
  v1::RecordSpendingRequest spend;
  spend.set_request_id("spend-once");
  spend.set_node_code("1.06.04.2.01.0001");
  spend.set_year(kYear);
  spend.mutable_spent()->set_rupiah(100000000);
  spend.mutable_spent()->set_present(true);
  spend.set_evidence_ref("SP2D-1");
  v1::RealizationView original;
  ASSERT_THAT(realization().RecordSpending(ContextAs(TokenOf("rehab")).get(), spend, &original),
              IsOk());

  std::vector<grpc::Status> outcome(kClients);
  std::vector<std::string> record_id(kClients);
  std::vector<bool> retries_agree(kClients, true);
  RunTogether(kClients, [&](int i) {
    v1::CorrectRealizationRequest r;
    r.set_request_id(absl::StrCat("correct-", i));
    r.set_corrects_id(original.realization_id());
    r.mutable_spent()->set_rupiah(110000000 + i);
    r.mutable_spent()->set_present(true);
    r.set_evidence_ref(absl::StrCat("LRA-", i));
    r.set_note("salah ketik");
    for (int attempt = 0; attempt <= kRetries; ++attempt) {
      v1::RealizationView view;
      const grpc::Status s =
          realization().CorrectRealization(ContextAs(TokenOf("rehab")).get(), r, &view);
      if (attempt == 0) {
        outcome[i] = s;
        record_id[i] = view.realization_id();
      } else if (!Same(s, outcome[i]) || view.realization_id() != record_id[i]) {
        retries_agree[i] = false;
      }
    }
  });
  int winner = -1;
  int winners = 0;
  for (int i = 0; i < kClients; ++i) {
    EXPECT_TRUE(retries_agree[i]) << "client " << i << ": a retry answered differently";
    if (outcome[i].ok()) {
      winner = i;
      ++winners;
    }
  }
  ASSERT_EQ(winners, 1);
  EXPECT_EQ(record_id[winner], "RLZ-000002");
  for (int i = 0; i < kClients; ++i) {
    if (i == winner) continue;
    EXPECT_EQ(outcome[i].error_code(), grpc::StatusCode::FAILED_PRECONDITION) << i;
    EXPECT_EQ(outcome[i].error_message(),
              "corrects_id: RLZ-000001 was corrected by RLZ-000002; correct the current record");
  }
  v1::ListRealizationsResponse list;
  ASSERT_THAT(realization().ListRealizations(ContextAs(TokenOf("iwan")).get(), {}, &list), IsOk());
  ASSERT_EQ(list.realizations_size(), 2);
  EXPECT_EQ(list.realizations(0).corrected_by(), "RLZ-000002");
  EXPECT_EQ(list.realizations(1).corrects_id(), "RLZ-000001");
  EXPECT_EQ(list.realizations(1).spent().rupiah(), 110000000 + winner);
  std::map<std::string, int> events = EventsPerRequestId();
  EXPECT_EQ(events["spend-once"], 1);
  for (int i = 0; i < kClients; ++i) {
    EXPECT_EQ(events[absl::StrCat("correct-", i)], i == winner ? 1 : 0) << i;
  }
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
    // A loser of the version race is decided again (CommandRunner) and gets the
    // decision's answer, never a bare ABORTED.
    if (s.ok()) {
      ++ok;
    } else {
      EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << s.error_message();
      EXPECT_EQ(s.error_message(),
                absl::StrCat("proposal ", id, " is APPROVED; review needs SUBMITTED"));
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
    ASSERT_THAT(Review(id, &view), IsOk());
    v1::ListRevisionsResponse revisions;
    ASSERT_THAT(server_->workflow().ListRevisions(ContextAs(TokenOf("iwan")).get(), {}, &revisions),
                IsOk());
    if (!revisions.has_open_revision()) {
      ASSERT_THAT(Open(absl::StrCat("Perubahan ", round)), IsOk());
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
  for (const grpc::Status& s : outcome) EXPECT_THAT(s, IsOk()) << s.error_message();
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), 1u);
  v1::ListProposalsResponse proposals;
  ASSERT_THAT(server_->workflow().ListProposals(ContextAs(TokenOf("iwan")).get(), {}, &proposals),
              IsOk());
  EXPECT_EQ(proposals.proposals_size(), 1);
  EXPECT_EQ(EventsPerRequestId()["propose-once"], 1);
}

// Retries of one Propose that also submits, racing each other: one draft, one
// submission (on the derived request id), and every caller sees it SUBMITTED.
TEST_F(ConcurrencyTest, RetriesOfOneProposeAndSubmitRacingEachOtherSubmitOnce) {
  v1::ProposeRequest request;
  request.set_request_id("propose-submit-once");
  request.set_justification("Jumlah PPKS meningkat");
  *request.add_changes() = SetTarget(kRehabIndicator, kYear, "220 Orang");
  request.set_submit(true);
  std::vector<grpc::Status> outcome(kClients);
  std::vector<v1::ProposalView> views(kClients);
  RunTogether(kClients, [&](int i) {
    outcome[i] = server_->workflow().Propose(ContextAs(TokenOf("rehab")).get(), request, &views[i]);
  });
  // Racing drafts take different ids; the one whose append lands first is everyone's.
  const std::string id = views[0].proposal_id();
  for (int i = 0; i < kClients; ++i) {
    ASSERT_THAT(outcome[i], IsOk()) << outcome[i].error_message();
    EXPECT_EQ(views[i].proposal_id(), id);
    EXPECT_EQ(views[i].status(), v1::SUBMITTED) << i;
  }
  std::map<std::string, int> events = EventsPerRequestId();
  EXPECT_EQ(events["propose-submit-once"], 1);
  EXPECT_EQ(events["propose-submit-once#submit"], 1);
  v1::ListProposalsResponse proposals;
  ASSERT_THAT(server_->workflow().ListProposals(ContextAs(TokenOf("iwan")).get(), {}, &proposals),
              IsOk());
  EXPECT_EQ(proposals.proposals_size(), 1);
  int submitted = 0;
  const v1::ProposalView proposal = Get(id);
  for (const v1::ProposalStepView& step : proposal.history()) {
    submitted += step.event() == "submitted";
  }
  EXPECT_EQ(submitted, 1);
}

}  // namespace
}  // namespace renstra::testing
