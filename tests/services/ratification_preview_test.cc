// Previewing a ratification and the findings guard, over gRPC: the dry run shows the plan
// after the proposals and the validator's findings it adds and removes, writing nothing;
// a real ratification that adds a finding is refused (FAILED_PRECONDITION naming each)
// and changes nothing, unless the Kepala Dinas accepts them with a reason, which the
// ratification event and the audit history then carry.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/services/workflow_fixture.h"
#include "tests/testing/seeded_server.h"
#include "tests/testing/status_matchers.h"

namespace renstra::testing {
namespace {

using ::testing::ElementsAre;

constexpr char kSandang[] = "1.06.04.2.01.0002";  // Penyediaan Sandang: 2025 Rp 150.000.000

std::vector<std::string> Listed(const google::protobuf::RepeatedPtrField<v1::Finding>& findings) {
  std::vector<std::string> out;
  for (const v1::Finding& f : findings) {
    out.push_back(v1::Finding::Kind_Name(f.kind()) + " " + f.code() + " " +
                  std::to_string(f.year()) + " " + f.stated() + " -> " + f.computed());
  }
  return out;
}

int64_t FundingIn(const v1::Node& node, const std::string& code, int year) {
  if (node.code() == code) {
    for (const v1::YearFunding& f : node.funding()) {
      if (f.year() == year) return f.amount().rupiah();
    }
    return -1;
  }
  for (const v1::Node& child : node.children()) {
    const int64_t found = FundingIn(child, code, year);
    if (found != -2) return found;
  }
  return -2;
}

int64_t FundingIn(const v1::Plan& plan, const std::string& code, int year) {
  for (const v1::Node& program : plan.programs()) {
    const int64_t found = FundingIn(program, code, year);
    if (found != -2) return found;
  }
  return -2;
}

class RatificationPreviewTest : public SeededServerTest {
 protected:
  // rehab proposes Sandang's 2025 Rp 150.000.000 → 165.000.000 (and, with
  // `kegiatan_2025`, states its kegiatan's 2025 itself instead of taking the derived
  // 1.715.000.000); kadis approves it and opens "Perubahan Renstra 2025". Returns the
  // proposal id.
  std::string ApprovedFundingProposal(int64_t kegiatan_2025 = 0) {
    v1::ProposeRequest propose;
    propose.set_request_id("propose-sandang");
    propose.set_justification("Harga sandang naik");
    v1::Change* change = propose.add_changes();
    change->mutable_set_funding()->set_node_code(kSandang);
    change->mutable_set_funding()->set_year(2025);
    change->mutable_set_funding()->mutable_amount()->set_rupiah(165000000);
    change->mutable_set_funding()->mutable_amount()->set_present(true);
    if (kegiatan_2025 != 0) {
      v1::SetFunding* parent = propose.add_changes()->mutable_set_funding();
      parent->set_node_code("1.06.04.2.01");
      parent->set_year(2025);
      parent->mutable_amount()->set_rupiah(kegiatan_2025);
      parent->mutable_amount()->set_present(true);
    }
    propose.set_submit(true);
    v1::ProposalView proposed;
    EXPECT_THAT(server_->workflow().Propose(ContextAs(TokenOf("rehab")).get(), propose, &proposed),
                IsOk());
    v1::ReviewProposalRequest review;
    review.set_request_id("approve-sandang");
    review.set_proposal_id(proposed.proposal_id());
    review.set_decision(v1::ProposalReviewed::APPROVE);
    v1::ProposalView reviewed;
    EXPECT_THAT(
        server_->workflow().ReviewProposal(ContextAs(TokenOf("kadis")).get(), review, &reviewed),
        IsOk());
    v1::OpenRevisionRequest open;
    open.set_request_id("open-2025");
    open.set_name("Perubahan Renstra 2025");
    v1::RevisionInfo opened;
    EXPECT_THAT(server_->workflow().OpenRevision(ContextAs(TokenOf("kadis")).get(), open, &opened),
                IsOk());
    return proposed.proposal_id();
  }

  static v1::RatifyRevisionRequest Ratify(const std::string& id) {
    v1::RatifyRevisionRequest ratify;
    ratify.set_request_id("ratify-2025");
    ratify.set_legal_basis("Peraturan Wali Kota Dumai Nomor 12 Tahun 2025");
    ratify.set_effective_date("2025-07-01");
    ratify.set_signer("Kepala Dinas Sosial Kota Dumai");
    ratify.add_proposal_ids(id);
    return ratify;
  }
};

TEST_F(RatificationPreviewTest, DryRunShowsThePlanAfterAndTheFindingsAndWritesNothing) {
  const std::string id = ApprovedFundingProposal();
  const ChainHead head = server_->store().Head();
  v1::RatificationPreview preview;
  grpc::Status status = server_->workflow().PreviewRatification(ContextAs(TokenOf("kadis")).get(),
                                                                Ratify(id), &preview);
  ASSERT_THAT(status, IsOk()) << status.error_message();
  EXPECT_EQ(preview.revision().revision_id(), "REV-1");
  EXPECT_EQ(preview.revision().name(), "Perubahan Renstra 2025");
  EXPECT_EQ(preview.revision().revision_number(), 1);
  EXPECT_THAT(preview.revision().proposal_ids(), ElementsAre(id));
  EXPECT_EQ(FundingIn(preview.plan(), kSandang, 2025), 165000000);
  // Its consequences: the kegiatan's and program's 2025 follow (consequences.h).
  EXPECT_EQ(FundingIn(preview.plan(), "1.06.04.2.01", 2025), 1715000000);
  EXPECT_EQ(FundingIn(preview.plan(), "1.06.04", 2025), 2215000000);
  EXPECT_EQ(preview.plan().revision(), 1);
  EXPECT_TRUE(preview.added_findings().empty());
  EXPECT_TRUE(preview.removed_findings().empty());
  EXPECT_FALSE(preview.would_refuse());
  // Nothing written; the plan is as it was.
  EXPECT_EQ(server_->store().Head().sequence, head.sequence);
  EXPECT_EQ(server_->store().Head().hash, head.hash);
  v1::GetPlanResponse plan;
  ASSERT_THAT(server_->plan().GetPlan(ContextAs(TokenOf("iwan")).get(), {}, &plan), IsOk());
  EXPECT_EQ(FundingIn(plan.plan(), kSandang, 2025), 150000000);

  // Only the Kepala Dinas previews a ratification.
  status = server_->workflow().PreviewRatification(ContextAs(TokenOf("rehab")).get(), Ratify(id),
                                                   &preview);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(status.error_message(),
            "rule: only KEPALA_DINAS may preview a ratification; rehab is KEPALA_BIDANG");
}

TEST_F(RatificationPreviewTest, AddingFindingsIsRefusedUnlessAcceptedWithAReason) {
  const std::string id = ApprovedFundingProposal(1705000000);
  const ChainHead head = server_->store().Head();
  v1::RevisionInfo ratified;
  grpc::Status status =
      server_->workflow().RatifyRevision(ContextAs(TokenOf("kadis")).get(), Ratify(id), &ratified);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(status.error_message(),
            "the ratification would add 1 finding to the plan; nothing applied; correct the "
            "proposals, or accept with accept_findings and accept_reason: "
            "PARENT_CHILDREN_FUNDING 1.06.04.2.01 2025");
  EXPECT_EQ(server_->store().Head().sequence, head.sequence);
  EXPECT_EQ(server_->store().Head().hash, head.hash);

  v1::RatifyRevisionRequest no_reason = Ratify(id);
  no_reason.set_request_id("ratify-2025-accept-empty");
  no_reason.set_accept_findings(true);
  status =
      server_->workflow().RatifyRevision(ContextAs(TokenOf("kadis")).get(), no_reason, &ratified);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(),
            "accept_reason: required with accept_findings (why the findings the ratification "
            "adds are accepted)");
  EXPECT_EQ(server_->store().Head().sequence, head.sequence);

  v1::RatifyRevisionRequest accepted = Ratify(id);
  accepted.set_request_id("ratify-2025-accepted");
  accepted.set_accept_findings(true);
  accepted.set_accept_reason("Pagu kegiatan disesuaikan pada APBD-P 2025");
  status =
      server_->workflow().RatifyRevision(ContextAs(TokenOf("kadis")).get(), accepted, &ratified);
  ASSERT_THAT(status, IsOk()) << status.error_message();
  EXPECT_EQ(ratified.revision_number(), 1);
  EXPECT_EQ(ratified.accept_reason(), "Pagu kegiatan disesuaikan pada APBD-P 2025");
  EXPECT_THAT(Listed(ratified.accepted_findings()),
              ElementsAre("PARENT_CHILDREN_FUNDING 1.06.04.2.01 2025 1.705.000.000 -> "
                          "1.715.000.000"));

  // The audit's history of the revision tells the findings and the reason.
  v1::GetHistoryRequest history;
  history.set_revision_id("REV-1");
  v1::GetHistoryResponse events;
  ASSERT_THAT(server_->audit().GetHistory(ContextAs(TokenOf("iwan")).get(), history, &events),
              IsOk());
  std::vector<std::string> summaries;
  for (const v1::AuditEvent& e : events.events()) summaries.push_back(e.summary());
  EXPECT_THAT(summaries,
              ElementsAre("RevisionOpened REV-1 Perubahan Renstra 2025",
                          "RevisionRatified REV-1 Perubahan Renstra 2025 (Peraturan Wali Kota "
                          "Dumai Nomor 12 Tahun 2025) proposals " +
                              id +
                              "; accepted findings PARENT_CHILDREN_FUNDING 1.06.04.2.01 2025 "
                              "because Pagu kegiatan disesuaikan pada APBD-P 2025",
                          // The sub kegiatan's change and its row's end-of-period Rp; the
                          // kegiatan as the proposer stated it, and what follows from it.
                          "FundingSet 1.06.04.2.01.0002 2025 = Rp 165.000.000",
                          "EndConditionSet 1.06.04.2.01.0002#1 Rp = Rp 427.521.000",
                          "FundingSet 1.06.04.2.01 2025 = Rp 1.705.000.000",
                          "EndConditionSet 1.06.04.2.01#1 Rp = Rp 9.479.536.387",
                          "FundingSet 1.06.04 2025 = Rp 2.205.000.000",
                          "EndConditionSet 1.06.04#1 Rp = Rp 10.739.536.387"));
}

}  // namespace
}  // namespace renstra::testing
