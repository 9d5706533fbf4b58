// PlanReadCache over the seeded apps (no gRPC): a second read of an unchanged plan is the
// kept answer, built once; a ratification moves the version and the next read shows the
// new version and the new target; a proposal (not a plan event) keeps the answer; each
// agency's plan has its own cache; refused subtree codes are answered as PlanApp answers
// them. (plan_service_test.cc reads through gRPC after a ratification.)
#include "services/plan_read_cache.h"

#include <gtest/gtest.h>

#include <string>

#include "domain/actor.h"
#include "tests/services/workflow_fixture.h"
#include "tests/testing/seed.h"
#include "tests/testing/seeded_apps.h"
#include "tests/testing/status_matchers.h"

namespace renstra::testing {
namespace {

const Actor kRehab{"rehab", v1::Role::KEPALA_BIDANG, v1::REHABILITASI_SOSIAL};
const Actor kKadis{"kadis", v1::Role::KEPALA_DINAS, v1::DIVISION_UNSPECIFIED};
constexpr char kRehabProgram[] = "1.06.04";  // holds kRehabIndicator's sub kegiatan

// A kept answer as a client reads it: parsed from its bytes.
template <typename M>
M Parsed(const M& kept) {
  M parsed;
  EXPECT_TRUE(parsed.ParseFromString(kept.SerializeAsString()));
  return parsed;
}

v1::GetSubtreeRequest Subtree(const std::string& code) {
  v1::GetSubtreeRequest request;
  request.set_code(code);
  return request;
}

class PlanReadCacheTest : public SeededAppsTest {
 protected:
  // Proposes kRehabIndicator's kYear target `value`, approves it, opens a revision and
  // ratifies it: the plan's version moves by 3 (opening, ratification, one TargetSet).
  void Ratify(const std::string& value) {
    absl::StatusOr<v1::ProposalView> proposal =
        apps_.workflow.Propose(kRehab, TargetProposal("p-" + value, value, true));
    ASSERT_THAT(proposal, IsOk());
    v1::ReviewProposalRequest review;
    review.set_request_id("review-" + value);
    review.set_proposal_id(proposal->proposal_id());
    review.set_decision(v1::ProposalReviewed::APPROVE);
    ASSERT_THAT(apps_.workflow.Review(kKadis, review), IsOk());
    v1::OpenRevisionRequest open;
    open.set_request_id("open-" + value);
    open.set_name("Perubahan Renstra 2025");
    ASSERT_THAT(apps_.workflow.OpenRevision(kKadis, open), IsOk());
    v1::RatifyRevisionRequest ratify;
    ratify.set_request_id("ratify-" + value);
    ratify.set_legal_basis("Peraturan Wali Kota Dumai Nomor 12 Tahun 2025");
    ratify.set_reason("Penyesuaian target layanan rehabilitasi sosial");
    ratify.set_effective_date("2025-07-01");
    ratify.set_signer("Kepala Dinas Sosial Kota Dumai");
    // The target change leaves its row's total behind (TARGET_TOTAL): accepted, as the
    // reads, not the findings, are what these tests are about.
    ratify.set_accept_findings(true);
    ratify.set_accept_reason("Akhir periode ditetapkan kemudian");
    ratify.add_proposal_ids(proposal->proposal_id());
    ASSERT_THAT(apps_.workflow.Ratify(kKadis, ratify), IsOk());
  }
};

TEST_F(PlanReadCacheTest, AnUnchangedPlanIsBuiltOnceAndAnsweredAsPlanAppAnswers) {
  PlanReadCache cache(&apps_.plan);
  const std::shared_ptr<const v1::GetPlanResponse> first = cache.GetPlan();
  const std::shared_ptr<const v1::GetPlanResponse> second = cache.GetPlan();
  EXPECT_EQ(second.get(), first.get());
  EXPECT_EQ(cache.builds(), 1);
  // The same bytes a client of the uncached read gets.
  EXPECT_EQ(first->SerializeAsString(), apps_.plan.GetPlan().SerializeAsString());
  EXPECT_EQ(Parsed(*first).plan().version(), apps_.plan.version());
  EXPECT_EQ(TargetIn(Parsed(*first).plan(), kRehabIndicator, kYear), kSeedTarget);
}

TEST_F(PlanReadCacheTest, TheReadAfterARatificationShowsTheNewVersionAndValue) {
  PlanReadCache cache(&apps_.plan);
  const int64_t seed_version = apps_.plan.version();
  ASSERT_EQ(Parsed(*cache.GetPlan()).plan().version(), seed_version);
  ASSERT_THAT(cache.GetSubtree(Subtree(kRehabProgram)), IsOk());
  ASSERT_EQ(cache.builds(), 2);

  ASSERT_NO_FATAL_FAILURE(Ratify("220 Orang"));

  const v1::Plan plan = Parsed(*cache.GetPlan()).plan();
  EXPECT_EQ(plan.version(), seed_version + 4);
  EXPECT_EQ(plan.revision(), 1);
  EXPECT_EQ(TargetIn(plan, kRehabIndicator, kYear), "220 Orang");
  absl::StatusOr<std::shared_ptr<const v1::GetSubtreeResponse>> subtree =
      cache.GetSubtree(Subtree(kRehabProgram));
  ASSERT_THAT(subtree, IsOk());
  EXPECT_EQ(Parsed(**subtree).plan_version(), seed_version + 4);
  EXPECT_EQ((*subtree)->SerializeAsString(),
            apps_.plan.GetSubtree(Subtree(kRehabProgram))->SerializeAsString());
  EXPECT_EQ(cache.builds(), 4);
}

TEST_F(PlanReadCacheTest, AProposalIsNotAPlanEventAndKeepsTheAnswer) {
  PlanReadCache cache(&apps_.plan);
  const std::shared_ptr<const v1::GetPlanResponse> before = cache.GetPlan();
  ASSERT_THAT(apps_.workflow.Propose(kRehab, TargetProposal("p-1", "220 Orang", true)), IsOk());
  EXPECT_EQ(cache.GetPlan().get(), before.get());
  EXPECT_EQ(cache.builds(), 1);
}

TEST_F(PlanReadCacheTest, EveryFormOfACodeSharesOneAnswer) {
  PlanReadCache cache(&apps_.plan);
  absl::StatusOr<std::shared_ptr<const v1::GetSubtreeResponse>> padded =
      cache.GetSubtree(Subtree("1.06.04.2.01"));
  absl::StatusOr<std::shared_ptr<const v1::GetSubtreeResponse>> short_form =
      cache.GetSubtree(Subtree("1.6.4.2.1"));
  ASSERT_THAT(padded, IsOk());
  ASSERT_THAT(short_form, IsOk());
  EXPECT_EQ(short_form->get(), padded->get());
  EXPECT_EQ(Parsed(**padded).node().code(), "1.06.04.2.01");
  EXPECT_EQ(cache.builds(), 1);
}

TEST_F(PlanReadCacheTest, RefusedCodesAreAnsweredAsPlanAppAnswersAndNotKept) {
  PlanReadCache cache(&apps_.plan);
  EXPECT_THAT(cache.GetSubtree(Subtree("")),
              StatusIs(absl::StatusCode::kInvalidArgument, "code: required"));
  EXPECT_THAT(cache.GetSubtree(Subtree("9.99.99")),
              StatusIs(absl::StatusCode::kNotFound, "code 9.99.99: no such node in the plan"));
  EXPECT_EQ(cache.builds(), 0);
}

TEST_F(PlanReadCacheTest, EachAgencysPlanHasItsOwnCache) {
  PlanApp other(&apps_.store, "plan/dinsos-bengkalis", "dinsos-bengkalis");
  v1::ImportTableRequest import;
  import.set_request_id("import-bengkalis");
  import.set_content(ReadSeedDocument());
  import.set_source_name("renstra_bengkalis.txt");
  ASSERT_THAT(other.Import(import, Principal{"admin", "ADMIN"}), IsOk());
  // The same document: the same version, another plan.
  ASSERT_EQ(other.version(), apps_.plan.version());

  PlanReadCaches caches;
  PlanReadCache* dumai = caches.For(&apps_.plan);
  PlanReadCache* bengkalis = caches.For(&other);
  EXPECT_NE(dumai, bengkalis);
  EXPECT_EQ(caches.For(&apps_.plan), dumai);
  EXPECT_EQ(Parsed(*dumai->GetPlan()).plan().plan_id(), "plan/dinsos-dumai");
  EXPECT_EQ(Parsed(*bengkalis->GetPlan()).plan().plan_id(), "plan/dinsos-bengkalis");
  EXPECT_EQ(Parsed(*bengkalis->GetPlan()).plan().source(), "renstra_bengkalis.txt");

  // A ratification of the default agency's plan leaves the other's answer kept.
  ASSERT_NO_FATAL_FAILURE(Ratify("220 Orang"));
  EXPECT_EQ(TargetIn(Parsed(*dumai->GetPlan()).plan(), kRehabIndicator, kYear), "220 Orang");
  EXPECT_EQ(TargetIn(Parsed(*bengkalis->GetPlan()).plan(), kRehabIndicator, kYear), kSeedTarget);
  EXPECT_EQ(bengkalis->builds(), 1);
}

}  // namespace
}  // namespace renstra::testing
