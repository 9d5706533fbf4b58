// Request ids over real gRPC: a request id is readable by every user in the log, so it
// must never answer for someone else. A retry — same user, method and request — gets
// the original result and appends nothing; another user's id is new for the caller and
// the role rules decide (PERMISSION_DENIED for a caller who may not run the command);
// the same user reusing an id for another method or request is refused with
// INVALID_ARGUMENT naming the id, after the role rules (see services/command_runner.h).
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "domain/division.h"
#include "renstra/v1/admin_service.grpc.pb.h"
#include "renstra/v1/realization_service.grpc.pb.h"
#include "tests/services/workflow_fixture.h"
#include "tests/testing/seeded_server.h"
#include "tests/testing/status_matchers.h"

namespace renstra::testing {
namespace {

constexpr char kSeedRequestId[] = "renstrad-seed-import";

void ExpectStatus(const grpc::Status& s, grpc::StatusCode code, const std::string& message) {
  EXPECT_EQ(s.error_code(), code) << s.error_message();
  EXPECT_EQ(s.error_message(), message);
}

class IdempotencyTest : public SeededServerTest {
 protected:
  grpc::Status Propose(const std::string& user, const v1::ProposeRequest& r,
                       v1::ProposalView* out) {
    return server_->workflow().Propose(ContextAs(TokenOf(user)).get(), r, out);
  }

  grpc::Status Disable(const std::string& name, const std::string& request_id, v1::UserView* out) {
    v1::DisableUserRequest r;
    r.set_request_id(request_id);
    r.set_name(name);
    return server_->admin().DisableUser(ContextAs(TokenOf("admin")).get(), r, out);
  }

  // Whether `user`'s token is accepted (a read every user may do).
  grpc::Status TokenWorks(const std::string& user) {
    v1::GetPlanResponse plan;
    return server_->plan().GetPlan(ContextAs(TokenOf(user)).get(), {}, &plan);
  }

  uint64_t Events() { return server_->store().Head().sequence; }
  uint64_t Denied() { return server_->store().StreamVersion("audit/denied"); }

  // principal → how many events carry `request_id`.
  std::map<std::string, int> EventsWith(const std::string& request_id) {
    absl::StatusOr<std::vector<v1::EventEnvelope>> all = server_->store().ReadAll(1, 1 << 20);
    EXPECT_THAT(all, IsOk()) << all.status();
    std::map<std::string, int> out;
    if (all.ok()) {
      for (const v1::EventEnvelope& e : *all) {
        if (e.request_id() == request_id) ++out[e.principal()];
      }
    }
    return out;
  }
};

TEST_F(IdempotencyTest, TheInspectoratesProposeWithAKepalaBidangsIdIsRefusedByTheRoleRule) {
  v1::ProposalView mine;
  ASSERT_THAT(Propose("rehab", TargetProposal("usul-1", "220 Orang"), &mine), IsOk());
  ASSERT_EQ(mine.proposal_id(), "USL-0001");
  const uint64_t before = Events();

  // The very same request, sent by the Inspektorat.
  v1::ProposalView theirs;
  ExpectStatus(Propose("iwan", TargetProposal("usul-1", "220 Orang"), &theirs),
               grpc::StatusCode::PERMISSION_DENIED,
               "rule: only KEPALA_BIDANG or SEKRETARIAT may propose changes; iwan is INSPEKTORAT");
  EXPECT_EQ(theirs.proposal_id(), "");
  EXPECT_EQ(Events(), before + 1);  // the refusal's AccessDenied only
  EXPECT_EQ(EventsWith("usul-1"), (std::map<std::string, int>{{"rehab", 1}}));
}

TEST_F(IdempotencyTest, AnotherDivisionsRecordWithSomeoneElsesIdIsRefusedAndAnswersNothing) {
  v1::RealizationView rehab;
  ASSERT_THAT(server_->realization().RecordAchievement(ContextAs(TokenOf("rehab")).get(),
                                                       RehabAchievement("capaian-1"), &rehab),
              IsOk());
  ASSERT_EQ(rehab.realization_id(), "RLZ-000001");
  const uint64_t before = Events();

  v1::RealizationView other;
  ExpectStatus(
      server_->realization().RecordAchievement(ContextAs(TokenOf("linjamsos")).get(),
                                               RehabAchievement("capaian-1"), &other),
      grpc::StatusCode::PERMISSION_DENIED,
      absl::StrCat("rule: a division proposes and records only for its own nodes; indicator ",
                   kRehabIndicator, " of node 1.06.04.2.01.0001 belongs to ",
                   DivisionDisplayName(v1::REHABILITASI_SOSIAL), ", linjamsos acts for ",
                   DivisionDisplayName(v1::PERLINDUNGAN_JAMINAN_SOSIAL)));
  EXPECT_EQ(other.realization_id(), "");
  EXPECT_EQ(Events(), before + 1);
  EXPECT_EQ(Denied(), 1u);
}

// Another user's request id — even the seed import's — is simply new for the Kepala
// Dinas: the command runs as its own (and is recorded under that id for kadis).
TEST_F(IdempotencyTest, RevisionCommandsWithAnotherUsersIdRunAsTheirOwnCommand) {
  v1::ProposalView proposal;
  ASSERT_THAT(Propose("rehab", TargetProposal("usul-2", "225 Orang", true), &proposal), IsOk());

  v1::ReviewProposalRequest review;
  review.set_request_id("usul-2");
  review.set_proposal_id(proposal.proposal_id());
  review.set_decision(v1::ProposalReviewed::APPROVE);
  v1::ProposalView reviewed;
  ASSERT_THAT(
      server_->workflow().ReviewProposal(ContextAs(TokenOf("kadis")).get(), review, &reviewed),
      IsOk());
  EXPECT_EQ(reviewed.status(), v1::APPROVED);
  EXPECT_EQ(reviewed.reviewer(), "kadis");

  v1::OpenRevisionRequest open;
  open.set_request_id(kSeedRequestId);
  open.set_name("Perubahan Renstra 2025");
  v1::RevisionInfo opened;
  ASSERT_THAT(server_->workflow().OpenRevision(ContextAs(TokenOf("kadis")).get(), open, &opened),
              IsOk());
  EXPECT_EQ(opened.revision_id(), "REV-1");
  EXPECT_EQ(opened.name(), "Perubahan Renstra 2025");

  // While the revision is open the lock is refused by its own rule, not answered.
  v1::LockPlanRequest lock;
  lock.set_request_id("usul-2#submit");
  v1::LockPlanResponse locked;
  ExpectStatus(server_->workflow().LockPlan(ContextAs(TokenOf("kadis")).get(), lock, &locked),
               grpc::StatusCode::FAILED_PRECONDITION,
               "revision \"Perubahan Renstra 2025\" is open; ratify it before locking");

  EXPECT_EQ(EventsWith("usul-2"), (std::map<std::string, int>{{"kadis", 1}, {"rehab", 1}}));
  EXPECT_EQ(EventsWith(kSeedRequestId)["kadis"], 1);
  EXPECT_EQ(EventsWith("usul-2#submit"), (std::map<std::string, int>{{"rehab", 1}}));
}

// The same user reusing an id for another method is refused after the role rules.
TEST_F(IdempotencyTest, AnIdReusedForAnotherMethodIsRefusedNamingIt) {
  v1::OpenRevisionRequest open;
  open.set_request_id("buka-1");
  open.set_name("Perubahan Renstra 2025");
  v1::RevisionInfo opened;
  ASSERT_THAT(server_->workflow().OpenRevision(ContextAs(TokenOf("kadis")).get(), open, &opened),
              IsOk());
  const uint64_t before = Events();

  // A command kadis may run and that would succeed: refused for the id.
  v1::ProposalView proposal;
  ASSERT_THAT(Propose("rehab", TargetProposal("usul-3", "226 Orang", true), &proposal), IsOk());
  v1::ReviewProposalRequest review;
  review.set_request_id("buka-1");
  review.set_proposal_id(proposal.proposal_id());
  review.set_decision(v1::ProposalReviewed::APPROVE);
  v1::ProposalView reviewed;
  ExpectStatus(
      server_->workflow().ReviewProposal(ContextAs(TokenOf("kadis")).get(), review, &reviewed),
      grpc::StatusCode::INVALID_ARGUMENT,
      "request_id: \"buka-1\" was already used for /renstra.v1.WorkflowService/OpenRevision; use "
      "a new request id");
  EXPECT_EQ(reviewed.proposal_id(), "");

  // rehab's own id, for a command rehab may not run: the role rule answers.
  v1::LockPlanRequest lock;
  lock.set_request_id("usul-3");
  v1::LockPlanResponse locked;
  ExpectStatus(server_->workflow().LockPlan(ContextAs(TokenOf("rehab")).get(), lock, &locked),
               grpc::StatusCode::PERMISSION_DENIED,
               "rule: only KEPALA_DINAS may lock the plan; rehab is KEPALA_BIDANG");

  v1::GetProposalRequest get;
  get.set_proposal_id(proposal.proposal_id());
  v1::ProposalView now;
  ASSERT_THAT(server_->workflow().GetProposal(ContextAs(TokenOf("iwan")).get(), get, &now), IsOk());
  EXPECT_EQ(now.status(), v1::SUBMITTED);
  // The proposal's two events and the refused lock's AccessDenied.
  EXPECT_EQ(Events(), before + 3);
}

TEST_F(IdempotencyTest, AnIdReusedForAnotherRequestIsRefusedNamingIt) {
  v1::ProposalView first;
  ASSERT_THAT(Propose("rehab", TargetProposal("usul-4", "220 Orang"), &first), IsOk());
  const uint64_t before = Events();

  v1::ProposalView second;
  ExpectStatus(Propose("rehab", TargetProposal("usul-4", "230 Orang"), &second),
               grpc::StatusCode::INVALID_ARGUMENT,
               "request_id: \"usul-4\" was already used for a different "
               "/renstra.v1.WorkflowService/Propose request; use a new request id");
  EXPECT_EQ(second.proposal_id(), "");
  // Asking to submit too is another request as well.
  ExpectStatus(Propose("rehab", TargetProposal("usul-4", "220 Orang", true), &second),
               grpc::StatusCode::INVALID_ARGUMENT,
               "request_id: \"usul-4\" was already used for a different "
               "/renstra.v1.WorkflowService/Propose request; use a new request id");
  EXPECT_EQ(Events(), before);

  // The refused reuse allocated no proposal id.
  v1::ProposalView next;
  ASSERT_THAT(Propose("rehab", TargetProposal("usul-5", "230 Orang"), &next), IsOk());
  EXPECT_EQ(next.proposal_id(), "USL-0002");
}

TEST_F(IdempotencyTest, ADisableWithTheIdOfAnEarlierDisableOfAnotherUserChangesNothing) {
  v1::UserView disabled;
  ASSERT_THAT(Disable("sekretariat", "nonaktif-1", &disabled), IsOk());
  EXPECT_TRUE(disabled.disabled());
  const uint64_t before = Events();

  v1::UserView other;
  ExpectStatus(Disable("linjamsos", "nonaktif-1", &other), grpc::StatusCode::INVALID_ARGUMENT,
               "request_id: \"nonaktif-1\" was already used for a different "
               "/renstra.v1.AdminService/DisableUser request; use a new request id");
  EXPECT_EQ(other.name(), "");
  EXPECT_THAT(TokenWorks("linjamsos"), IsOk());

  v1::RotateTokenRequest rotate;
  rotate.set_request_id("nonaktif-1");
  rotate.set_name("linjamsos");
  v1::UserWithToken rotated;
  ExpectStatus(server_->admin().RotateToken(ContextAs(TokenOf("admin")).get(), rotate, &rotated),
               grpc::StatusCode::INVALID_ARGUMENT,
               "request_id: \"nonaktif-1\" was already used for "
               "/renstra.v1.AdminService/DisableUser; use a new request id");
  v1::AddUserRequest add;
  add.set_request_id("nonaktif-1");
  add.set_name("budi");
  add.set_role(v1::Role::SEKRETARIAT);
  v1::UserWithToken added;
  ExpectStatus(server_->admin().AddUser(ContextAs(TokenOf("admin")).get(), add, &added),
               grpc::StatusCode::INVALID_ARGUMENT,
               "request_id: \"nonaktif-1\" was already used for "
               "/renstra.v1.AdminService/DisableUser; use a new request id");
  EXPECT_EQ(Events(), before);
  EXPECT_THAT(TokenWorks("linjamsos"), IsOk());

  // The true retry answers as the first attempt did.
  v1::UserView again;
  ASSERT_THAT(Disable("sekretariat", "nonaktif-1", &again), IsOk());
  EXPECT_EQ(again.name(), "sekretariat");
  EXPECT_TRUE(again.disabled());
  EXPECT_EQ(Events(), before);
  ExpectStatus(TokenWorks("sekretariat"), grpc::StatusCode::UNAUTHENTICATED,
               "this user is disabled");
}

// A request id of the "users" stream sent to a proposal command: new for a Kepala
// Bidang (a proposal of its own), refused by the role rule for the admin who used it.
TEST_F(IdempotencyTest, AUsersStreamIdSentToAProposalCommandGetsAClearAnswer) {
  v1::UserView disabled;
  ASSERT_THAT(Disable("sekretariat", "nonaktif-2", &disabled), IsOk());

  v1::ProposalView by_admin;
  ExpectStatus(Propose("admin", TargetProposal("nonaktif-2", "220 Orang"), &by_admin),
               grpc::StatusCode::PERMISSION_DENIED,
               "rule: only KEPALA_BIDANG or SEKRETARIAT may propose changes; admin is ADMIN");

  v1::ProposalActionRequest submit;
  submit.set_request_id("nonaktif-2");
  submit.set_proposal_id("USL-0001");
  v1::ProposalView submitted;
  ExpectStatus(
      server_->workflow().SubmitProposal(ContextAs(TokenOf("admin")).get(), submit, &submitted),
      grpc::StatusCode::PERMISSION_DENIED,
      "rule: only KEPALA_BIDANG or SEKRETARIAT may submit proposals; admin is ADMIN");
  ExpectStatus(
      server_->workflow().SubmitProposal(ContextAs(TokenOf("rehab")).get(), submit, &submitted),
      grpc::StatusCode::NOT_FOUND, "proposal USL-0001: no such proposal");

  v1::ProposalView by_rehab;
  ASSERT_THAT(Propose("rehab", TargetProposal("nonaktif-2", "220 Orang"), &by_rehab), IsOk());
  EXPECT_EQ(by_rehab.proposal_id(), "USL-0001");
  EXPECT_EQ(by_rehab.proposer(), "rehab");
}

TEST_F(IdempotencyTest, ATrueRetryReturnsTheOriginalResultAndAppendsNothing) {
  v1::ProposalView first;
  ASSERT_THAT(Propose("rehab", TargetProposal("usul-6", "227 Orang", true), &first), IsOk());
  v1::RealizationView recorded;
  ASSERT_THAT(server_->realization().RecordAchievement(ContextAs(TokenOf("rehab")).get(),
                                                       RehabAchievement("capaian-2"), &recorded),
              IsOk());
  const uint64_t before = Events();

  v1::ProposalView again;
  ASSERT_THAT(Propose("rehab", TargetProposal("usul-6", "227 Orang", true), &again), IsOk());
  EXPECT_EQ(again.SerializeAsString(), first.SerializeAsString());
  EXPECT_EQ(again.status(), v1::SUBMITTED);
  v1::RealizationView recorded_again;
  ASSERT_THAT(
      server_->realization().RecordAchievement(ContextAs(TokenOf("rehab")).get(),
                                               RehabAchievement("capaian-2"), &recorded_again),
      IsOk());
  EXPECT_EQ(recorded_again.SerializeAsString(), recorded.SerializeAsString());
  EXPECT_EQ(Events(), before);
}

}  // namespace
}  // namespace renstra::testing
