// GetPlan and GetSubtree through real gRPC with the per-version read cache
// (plan_read_cache.h): a read after a ratification shows the new version and the new
// target, never the answer kept for the old version; the same reads with the cache off
// (renstrad --plan_read_cache=false) answer the same; the benchmark's frozen baseline
// (--bench_frozen_plan_reads) keeps answering the first plan it read.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "tests/services/workflow_fixture.h"
#include "tests/testing/seeded_server.h"
#include "tests/testing/status_matchers.h"

namespace renstra::testing {
namespace {

constexpr char kRehabProgram[] = "1.06.04";

class PlanReadServiceTest : public SeededServerTest {
 protected:
  v1::Plan CurrentPlan() {
    v1::GetPlanResponse response;
    grpc::Status status = server_->plan().GetPlan(ContextAs(TokenOf("iwan")).get(), {}, &response);
    EXPECT_THAT(status, IsOk()) << status.error_message();
    return response.plan();
  }

  v1::GetSubtreeResponse RehabProgram() {
    v1::GetSubtreeRequest request;
    request.set_code(kRehabProgram);
    v1::GetSubtreeResponse response;
    grpc::Status status =
        server_->plan().GetSubtree(ContextAs(TokenOf("iwan")).get(), request, &response);
    EXPECT_THAT(status, IsOk()) << status.error_message();
    return response;
  }

  // rehab proposes kRehabIndicator's kYear target "220 Orang"; kadis approves it, opens
  // "Perubahan Renstra 2025" and ratifies it. Returns the ratified revision.
  v1::RevisionInfo RatifyNewTarget() {
    v1::ProposalView proposed;
    EXPECT_THAT(
        server_->workflow().Propose(ContextAs(TokenOf("rehab")).get(),
                                    TargetProposal("propose-1", "220 Orang", true), &proposed),
        IsOk());
    v1::ReviewProposalRequest review;
    review.set_request_id("review-1");
    review.set_proposal_id(proposed.proposal_id());
    review.set_decision(v1::ProposalReviewed::APPROVE);
    v1::ProposalView reviewed;
    EXPECT_THAT(
        server_->workflow().ReviewProposal(ContextAs(TokenOf("kadis")).get(), review, &reviewed),
        IsOk());
    v1::OpenRevisionRequest open;
    open.set_request_id("open-1");
    open.set_name("Perubahan Renstra 2025");
    v1::RevisionInfo opened;
    EXPECT_THAT(server_->workflow().OpenRevision(ContextAs(TokenOf("kadis")).get(), open, &opened),
                IsOk());
    v1::RatifyRevisionRequest ratify;
    ratify.set_request_id("ratify-1");
    ratify.set_legal_basis("Peraturan Wali Kota Dumai Nomor 12 Tahun 2025");
    ratify.set_reason("Penyesuaian target layanan rehabilitasi sosial");
    ratify.set_effective_date("2025-07-01");
    ratify.set_signer("Kepala Dinas Sosial Kota Dumai");
    // The target change leaves its row's total behind (TARGET_TOTAL): accepted, as the
    // reads, not the findings, are what these tests are about.
    ratify.set_accept_findings(true);
    ratify.set_accept_reason("Akhir periode ditetapkan kemudian");
    ratify.add_proposal_ids(proposed.proposal_id());
    v1::RevisionInfo ratified;
    EXPECT_THAT(
        server_->workflow().RatifyRevision(ContextAs(TokenOf("kadis")).get(), ratify, &ratified),
        IsOk());
    return ratified;
  }

  // Reads (filling the cache), ratifies, reads again: the second reads show the new
  // version (seed + 3: opening, ratification, one TargetSet) and the new target.
  void ExpectTheReadAfterARatificationIsNew() {
    const int64_t seed_version = static_cast<int64_t>(server_->PlanVersion());
    const v1::Plan before = CurrentPlan();
    ASSERT_EQ(before.version(), seed_version);
    ASSERT_EQ(TargetIn(before, kRehabIndicator, kYear), kSeedTarget);
    ASSERT_EQ(RehabProgram().plan_version(), seed_version);

    const v1::RevisionInfo ratified = RatifyNewTarget();
    ASSERT_EQ(ratified.plan_version(), seed_version + 4);

    const v1::Plan after = CurrentPlan();
    EXPECT_EQ(after.version(), seed_version + 4);
    EXPECT_EQ(after.revision(), 1);
    EXPECT_EQ(TargetIn(after, kRehabIndicator, kYear), "220 Orang");
    const v1::GetSubtreeResponse subtree = RehabProgram();
    EXPECT_EQ(subtree.plan_version(), seed_version + 4);
    EXPECT_EQ(subtree.node().code(), kRehabProgram);
  }
};

TEST_F(PlanReadServiceTest, TheReadAfterARatificationShowsTheNewVersionAndTarget) {
  ExpectTheReadAfterARatificationIsNew();
}

class UncachedPlanReadServiceTest : public PlanReadServiceTest {
 protected:
  SeededServerOptions Options() override {
    SeededServerOptions options = SeededServerOptions::CastWithSeed();
    options.plan_reads.cache = false;
    return options;
  }
};

TEST_F(UncachedPlanReadServiceTest, TheReadAfterARatificationShowsTheNewVersionAndTarget) {
  ExpectTheReadAfterARatificationIsNew();
}

class FrozenPlanReadServiceTest : public PlanReadServiceTest {
 protected:
  SeededServerOptions Options() override {
    SeededServerOptions options = SeededServerOptions::CastWithSeed();
    options.plan_reads.bench_frozen_plan = true;
    return options;
  }
};

// The benchmark's baseline is stale by design: it is never to be served.
TEST_F(FrozenPlanReadServiceTest, GetPlanKeepsAnsweringTheFirstPlanItRead) {
  const int64_t seed_version = static_cast<int64_t>(server_->PlanVersion());
  ASSERT_EQ(CurrentPlan().version(), seed_version);
  ASSERT_EQ(RatifyNewTarget().plan_version(), seed_version + 4);
  const v1::Plan frozen = CurrentPlan();
  EXPECT_EQ(frozen.version(), seed_version);
  EXPECT_EQ(TargetIn(frozen, kRehabIndicator, kYear), kSeedTarget);
}

}  // namespace
}  // namespace renstra::testing
