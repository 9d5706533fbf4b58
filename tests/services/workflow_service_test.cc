// The revision workflow over gRPC with real users: a Kepala Bidang proposes a target,
// the Kepala Dinas returns it with a note, it is revised and resubmitted, approved,
// and ratified in "Perubahan Renstra 2025"; inboxes at each step, the plan before and
// after, the revision list, and request-id retries that append nothing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/target_value.h"
#include "tests/services/workflow_fixture.h"
#include "tests/testing/seeded_server.h"
#include "tests/testing/status_matchers.h"

namespace renstra::testing {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> IdsOf(const google::protobuf::RepeatedPtrField<v1::ProposalView>& views) {
  std::vector<std::string> ids;
  for (const v1::ProposalView& v : views) ids.push_back(v.proposal_id());
  return ids;
}

std::string Display(const v1::TargetValue& value) {
  return TargetValue::FromProto(value).Display();
}

class WorkflowServiceTest : public SeededServerTest {
 protected:
  v1::GetInboxResponse Inbox(const std::string& user) {
    v1::GetInboxResponse inbox;
    grpc::Status status = server_->workflow().GetInbox(ContextAs(TokenOf(user)).get(), {}, &inbox);
    EXPECT_THAT(status, IsOk()) << status.error_message();
    return inbox;
  }

  v1::ProposalView Review(const std::string& id, v1::ProposalReviewed::Decision decision,
                          const std::string& note) {
    v1::ReviewProposalRequest request;
    request.set_request_id("review-" + id + "-" + std::to_string(++reviews_));
    request.set_proposal_id(id);
    request.set_decision(decision);
    request.set_note(note);
    v1::ProposalView view;
    grpc::Status status =
        server_->workflow().ReviewProposal(ContextAs(TokenOf("kadis")).get(), request, &view);
    EXPECT_THAT(status, IsOk()) << status.error_message();
    return view;
  }

  v1::Plan CurrentPlan() {
    v1::GetPlanResponse plan;
    grpc::Status status = server_->plan().GetPlan(ContextAs(TokenOf("iwan")).get(), {}, &plan);
    EXPECT_THAT(status, IsOk()) << status.error_message();
    return plan.plan();
  }

  int reviews_ = 0;
};

TEST_F(WorkflowServiceTest, ProposeReturnReviseApproveAndRatifyPerubahanRenstra2025) {
  const uint64_t seed_version = server_->PlanVersion();
  ASSERT_EQ(TargetIn(CurrentPlan(), kRehabIndicator, kYear), kSeedTarget);

  // rehab proposes 2025 → 220 Orang and submits it.
  v1::ProposeRequest propose;
  propose.set_request_id("propose-rehab-1");
  propose.set_title("Target layanan rehabilitasi 2025");
  propose.set_justification("Jumlah PPKS meningkat");
  *propose.add_changes() = SetTarget(kRehabIndicator, kYear, "220 Orang");
  propose.set_submit(true);
  v1::ProposalView proposed;
  grpc::Status status =
      server_->workflow().Propose(ContextAs(TokenOf("rehab")).get(), propose, &proposed);
  ASSERT_THAT(status, IsOk()) << status.error_message();
  const std::string id = proposed.proposal_id();
  EXPECT_EQ(id, "USL-0001");
  EXPECT_EQ(proposed.status(), v1::SUBMITTED);
  EXPECT_EQ(proposed.proposer(), "rehab");
  EXPECT_EQ(proposed.division(), v1::REHABILITASI_SOSIAL);
  EXPECT_EQ(proposed.base_version(), static_cast<int64_t>(seed_version));
  ASSERT_EQ(proposed.changes_size(), 1);
  EXPECT_EQ(Display(proposed.changes(0).set_target().before()), "210 Orang");
  EXPECT_EQ(Display(proposed.changes(0).set_target().value()), "220 Orang");

  // A retry with the same request id: the same proposal, nothing appended.
  const ChainHead head = server_->store().Head();
  v1::ProposalView retried;
  status = server_->workflow().Propose(ContextAs(TokenOf("rehab")).get(), propose, &retried);
  ASSERT_THAT(status, IsOk()) << status.error_message();
  EXPECT_EQ(retried.proposal_id(), id);
  EXPECT_EQ(retried.status(), v1::SUBMITTED);
  EXPECT_EQ(server_->store().Head().sequence, head.sequence);
  EXPECT_EQ(server_->store().Head().hash, head.hash);

  EXPECT_THAT(IdsOf(Inbox("kadis").awaiting_decision()), ElementsAre(id));
  EXPECT_THAT(IdsOf(Inbox("rehab").my_open()), ElementsAre(id));
  EXPECT_TRUE(Inbox("rehab").returned_to_me().empty());
  EXPECT_TRUE(Inbox("linjamsos").my_open().empty());

  // kadis returns it with a note.
  v1::ProposalView returned = Review(id, v1::ProposalReviewed::RETURN, "Lampirkan data PPKS 2024");
  EXPECT_EQ(returned.status(), v1::RETURNED);
  EXPECT_EQ(returned.last_note(), "Lampirkan data PPKS 2024");
  EXPECT_TRUE(Inbox("kadis").awaiting_decision().empty());
  v1::GetInboxResponse rehab_inbox = Inbox("rehab");
  EXPECT_THAT(IdsOf(rehab_inbox.returned_to_me()), ElementsAre(id));
  EXPECT_TRUE(rehab_inbox.my_open().empty());

  // rehab revises and resubmits.
  v1::ReviseProposalRequest revise;
  revise.set_request_id("revise-rehab-1");
  revise.set_proposal_id(id);
  revise.set_justification("Jumlah PPKS 2024: 214 orang (data terlampir)");
  *revise.add_changes() = SetTarget(kRehabIndicator, kYear, "220 Orang");
  v1::ProposalView revised;
  status = server_->workflow().ReviseProposal(ContextAs(TokenOf("rehab")).get(), revise, &revised);
  ASSERT_THAT(status, IsOk()) << status.error_message();
  EXPECT_EQ(revised.justification(), "Jumlah PPKS 2024: 214 orang (data terlampir)");
  v1::ProposalActionRequest submit;
  submit.set_request_id("submit-rehab-2");
  submit.set_proposal_id(id);
  submit.set_note("data terlampir");
  v1::ProposalView resubmitted;
  status =
      server_->workflow().SubmitProposal(ContextAs(TokenOf("rehab")).get(), submit, &resubmitted);
  ASSERT_THAT(status, IsOk()) << status.error_message();
  EXPECT_EQ(resubmitted.status(), v1::SUBMITTED);
  EXPECT_THAT(IdsOf(Inbox("kadis").awaiting_decision()), ElementsAre(id));
  EXPECT_TRUE(Inbox("rehab").returned_to_me().empty());

  // kadis approves, opens the revision and ratifies it.
  EXPECT_EQ(Review(id, v1::ProposalReviewed::APPROVE, "").status(), v1::APPROVED);
  EXPECT_TRUE(Inbox("kadis").awaiting_decision().empty());
  EXPECT_THAT(IdsOf(Inbox("rehab").my_open()), ElementsAre(id));
  EXPECT_EQ(TargetIn(CurrentPlan(), kRehabIndicator, kYear), kSeedTarget);

  v1::OpenRevisionRequest open;
  open.set_request_id("open-2025");
  open.set_name("Perubahan Renstra 2025");
  v1::RevisionInfo opened;
  status = server_->workflow().OpenRevision(ContextAs(TokenOf("kadis")).get(), open, &opened);
  ASSERT_THAT(status, IsOk()) << status.error_message();
  EXPECT_EQ(opened.name(), "Perubahan Renstra 2025");
  EXPECT_EQ(opened.revision_id(), "REV-1");

  v1::RatifyRevisionRequest ratify;
  ratify.set_request_id("ratify-2025");
  ratify.set_legal_basis("Peraturan Wali Kota Dumai Nomor 12 Tahun 2025");
  ratify.set_reason("Penyesuaian target layanan rehabilitasi sosial");
  ratify.set_effective_date("2025-07-01");
  ratify.set_signer("Kepala Dinas Sosial Kota Dumai");
  ratify.add_proposal_ids(id);
  // 220 Orang makes the years add to 730 against the stated 720 (RatificationPreviewTest
  // covers that refusal); accepted here.
  ratify.set_accept_findings(true);
  ratify.set_accept_reason("Kondisi akhir diperbaiki pada perubahan berikutnya");
  v1::RevisionInfo ratified;
  status = server_->workflow().RatifyRevision(ContextAs(TokenOf("kadis")).get(), ratify, &ratified);
  ASSERT_THAT(status, IsOk()) << status.error_message();
  EXPECT_EQ(ratified.revision_id(), "REV-1");
  EXPECT_EQ(ratified.name(), "Perubahan Renstra 2025");
  EXPECT_EQ(ratified.revision_number(), 1);
  EXPECT_EQ(ratified.legal_basis(), "Peraturan Wali Kota Dumai Nomor 12 Tahun 2025");
  EXPECT_EQ(ratified.signer(), "Kepala Dinas Sosial Kota Dumai");
  EXPECT_EQ(ratified.effective_date(), "2025-07-01");
  EXPECT_EQ(ratified.ratified_by(), "kadis");
  EXPECT_THAT(ratified.proposal_ids(), ElementsAre(id));

  // A retried ratification answers the same and appends nothing.
  const ChainHead after_ratify = server_->store().Head();
  v1::RevisionInfo ratified_again;
  status = server_->workflow().RatifyRevision(ContextAs(TokenOf("kadis")).get(), ratify,
                                              &ratified_again);
  ASSERT_THAT(status, IsOk()) << status.error_message();
  EXPECT_EQ(ratified_again.SerializeAsString(), ratified.SerializeAsString());
  EXPECT_EQ(server_->store().Head().sequence, after_ratify.sequence);
  EXPECT_EQ(server_->store().Head().hash, after_ratify.hash);

  // The plan has the new value and revision 1; the old version still has the old one.
  const v1::Plan plan = CurrentPlan();
  EXPECT_EQ(TargetIn(plan, kRehabIndicator, kYear), "220 Orang");
  EXPECT_EQ(plan.revision(), 1);
  EXPECT_GT(plan.version(), static_cast<int64_t>(seed_version));
  EXPECT_EQ(static_cast<uint64_t>(plan.version()), server_->PlanVersion());
  v1::GetPlanAtVersionRequest at_seed;
  at_seed.set_version(static_cast<int64_t>(seed_version));
  v1::Plan old_plan;
  status =
      server_->workflow().GetPlanAtVersion(ContextAs(TokenOf("iwan")).get(), at_seed, &old_plan);
  ASSERT_THAT(status, IsOk()) << status.error_message();
  EXPECT_EQ(TargetIn(old_plan, kRehabIndicator, kYear), "210 Orang");
  EXPECT_EQ(old_plan.revision(), 0);

  // The revision names the version that shows its changes: the ratification event, its
  // one TargetSet and the end-of-period target that follows it (consequences.h) are
  // versions seed+2 to seed+4 (after the opening at seed+1).
  EXPECT_EQ(ratified.plan_version(), plan.version());
  EXPECT_EQ(ratified.plan_version(), static_cast<int64_t>(seed_version) + 4);
  // A half-applied ratification or import is not a version anyone saw.
  v1::GetPlanAtVersionRequest mid;
  mid.set_version(ratified.plan_version() - 1);
  v1::Plan unused;
  status = server_->workflow().GetPlanAtVersion(ContextAs(TokenOf("iwan")).get(), mid, &unused);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(),
            absl::StrCat("version: ", seed_version + 3,
                         " falls inside the ratification of REV-1 (versions ", seed_version + 2,
                         "–", seed_version + 4, "); the plan's versions around it are ",
                         seed_version + 1, " and ", seed_version + 4));
  mid.set_version(5);
  status = server_->workflow().GetPlanAtVersion(ContextAs(TokenOf("iwan")).get(), mid, &unused);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(),
            absl::StrCat("version: 5 falls inside the import (versions 1–", seed_version,
                         "); the plan's versions around it are 0 and ", seed_version));

  v1::ListRevisionsResponse revisions;
  status = server_->workflow().ListRevisions(ContextAs(TokenOf("iwan")).get(), {}, &revisions);
  ASSERT_THAT(status, IsOk()) << status.error_message();
  ASSERT_EQ(revisions.revisions_size(), 1);
  EXPECT_EQ(revisions.revisions(0).name(), "Perubahan Renstra 2025");
  EXPECT_EQ(revisions.revisions(0).legal_basis(), "Peraturan Wali Kota Dumai Nomor 12 Tahun 2025");
  EXPECT_EQ(revisions.revisions(0).signer(), "Kepala Dinas Sosial Kota Dumai");
  EXPECT_THAT(revisions.revisions(0).proposal_ids(), ElementsAre(id));
  EXPECT_FALSE(revisions.has_open_revision());
  EXPECT_FALSE(revisions.locked());

  // The proposal is applied, with its whole history.
  v1::GetProposalRequest get;
  get.set_proposal_id(id);
  v1::ProposalView applied;
  status = server_->workflow().GetProposal(ContextAs(TokenOf("iwan")).get(), get, &applied);
  ASSERT_THAT(status, IsOk()) << status.error_message();
  EXPECT_EQ(applied.status(), v1::APPLIED);
  EXPECT_EQ(applied.revision_id(), "REV-1");
  std::vector<std::string> steps;
  for (const v1::ProposalStepView& s : applied.history())
    steps.push_back(s.event() + ":" + s.who());
  EXPECT_THAT(steps,
              ElementsAre("drafted:rehab", "submitted:rehab", "returned:kadis", "revised:rehab",
                          "submitted:rehab", "approved:kadis", "applied:kadis"));
  EXPECT_TRUE(Inbox("rehab").my_open().empty());
  EXPECT_TRUE(Inbox("kadis").awaiting_decision().empty());
  EXPECT_TRUE(DeniedCalls(*server_).empty());
}

// A proposer cannot review (their role forbids it) and the refusal is recorded.
TEST_F(WorkflowServiceTest, OnlyTheKepalaDinasReviewsAndARefusedReviewIsRecorded) {
  v1::ProposeRequest propose;
  propose.set_justification("Jumlah PPKS meningkat");
  *propose.add_changes() = SetTarget(kRehabIndicator, kYear, "220 Orang");
  propose.set_submit(true);
  v1::ProposalView proposed;
  grpc::Status status =
      server_->workflow().Propose(ContextAs(TokenOf("rehab")).get(), propose, &proposed);
  ASSERT_THAT(status, IsOk()) << status.error_message();
  v1::ReviewProposalRequest review;
  review.set_proposal_id(proposed.proposal_id());
  review.set_decision(v1::ProposalReviewed::APPROVE);
  v1::ProposalView view;
  status = server_->workflow().ReviewProposal(ContextAs(TokenOf("rehab")).get(), review, &view);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(status.error_message(),
            "rule: only KEPALA_DINAS may review proposals; rehab is KEPALA_BIDANG");
  std::vector<v1::AccessDenied> denied = DeniedCalls(*server_);
  ASSERT_EQ(denied.size(), 1u);
  EXPECT_EQ(denied[0].method(), "/renstra.v1.WorkflowService/ReviewProposal");
  EXPECT_EQ(denied[0].principal(), "rehab");
}

TEST_F(WorkflowServiceTest, BadInputNamesTheFieldAndChangesNothing) {
  const ChainHead head = server_->store().Head();
  v1::ProposeRequest propose;
  propose.set_justification("typo");
  *propose.add_changes() = SetTarget(kRehabIndicator, 2030, "220 Orang");
  v1::ProposalView view;
  grpc::Status status =
      server_->workflow().Propose(ContextAs(TokenOf("rehab")).get(), propose, &view);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(),
            "changes[0].set_target.year 2030: must be a target year 2022..2026");
  EXPECT_EQ(server_->store().Head().sequence, head.sequence);
  EXPECT_TRUE(DeniedCalls(*server_).empty());

  // The refused draft used no proposal number: the next one is the first.
  propose.set_request_id("after-typo");
  *propose.mutable_changes(0) = SetTarget(kRehabIndicator, 2025, "220 Orang");
  status = server_->workflow().Propose(ContextAs(TokenOf("rehab")).get(), propose, &view);
  ASSERT_THAT(status, IsOk()) << status.error_message();
  EXPECT_EQ(view.proposal_id(), "USL-0001");
}

}  // namespace
}  // namespace renstra::testing
