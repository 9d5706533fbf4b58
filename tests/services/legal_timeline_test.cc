// The legal timeline over gRPC: the plan in force on a date (revisions by effective
// date, AuditService.GetPlanAsOf in_force_date) beside the plan as recorded at an
// instant (timestamp_micros), and the audit diff between revisions (from_revision /
// to_revision), with every refusal's exact status and message.
//
// The scenario: REV-1 sets the 2025 target of 1.06.04.2.01.0001#1 210 → 230 Orang,
// effective 2026-12-31 (ratified before it takes effect); REV-2, ratified after it, sets
// that target to 250 Orang and Sandang's 2025 funding 150.000.000 → 165.000.000, effective
// 2025-07-01 (earlier than REV-1 took effect).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "tests/services/workflow_fixture.h"
#include "tests/testing/seeded_server.h"
#include "tests/testing/status_matchers.h"

namespace renstra::testing {
namespace {

using ::testing::ElementsAre;

constexpr char kSandang[] = "1.06.04.2.01.0002";  // 2025: Rp 150.000.000

class LegalTimelineTest : public SeededServerTest {
 protected:
  void SetUp() override {
    SeededServerTest::SetUp();
    imported_ = CurrentPlan().version();
    imported_sequence_ = server_->store().Head().sequence;
    rev1_ = Ratify("1", "230 Orang", /*sandang=*/false, "2026-12-31");
    rev2_ = Ratify("2", "250 Orang", /*sandang=*/true, "2025-07-01");
  }

  v1::Plan CurrentPlan() {
    v1::GetPlanResponse plan;
    EXPECT_THAT(server_->plan().GetPlan(ContextAs(TokenOf("iwan")).get(), {}, &plan), IsOk());
    return plan.plan();
  }

  // rehab proposes the 2025 target `value` (and Sandang's 2025 funding 165.000.000 when
  // `sandang`); kadis approves, opens "Perubahan <n>" and ratifies it effective `date`.
  v1::RevisionInfo Ratify(const std::string& n, const std::string& value, bool sandang,
                          const std::string& date) {
    v1::ProposeRequest propose = TargetProposal("propose-" + n, value, /*submit=*/true);
    if (sandang) {
      v1::Change* change = propose.add_changes();
      change->mutable_set_funding()->set_node_code(kSandang);
      change->mutable_set_funding()->set_year(2025);
      change->mutable_set_funding()->mutable_amount()->set_rupiah(165000000);
      change->mutable_set_funding()->mutable_amount()->set_present(true);
    }
    v1::ProposalView proposed;
    EXPECT_THAT(server_->workflow().Propose(ContextAs(TokenOf("rehab")).get(), propose, &proposed),
                IsOk());
    v1::ReviewProposalRequest review;
    review.set_request_id("approve-" + n);
    review.set_proposal_id(proposed.proposal_id());
    review.set_decision(v1::ProposalReviewed::APPROVE);
    v1::ProposalView reviewed;
    EXPECT_THAT(
        server_->workflow().ReviewProposal(ContextAs(TokenOf("kadis")).get(), review, &reviewed),
        IsOk());
    v1::OpenRevisionRequest open;
    open.set_request_id("open-" + n);
    open.set_name("Perubahan " + n);
    v1::RevisionInfo opened;
    EXPECT_THAT(server_->workflow().OpenRevision(ContextAs(TokenOf("kadis")).get(), open, &opened),
                IsOk());
    v1::RatifyRevisionRequest ratify;
    ratify.set_request_id("ratify-" + n);
    ratify.set_legal_basis("Perwako Dumai Nomor " + n + " Tahun 2025");
    ratify.set_effective_date(date);
    ratify.set_signer("Kepala Dinas Sosial Kota Dumai");
    ratify.add_proposal_ids(proposed.proposal_id());
    ratify.set_accept_findings(true);
    ratify.set_accept_reason("Kondisi akhir disesuaikan kemudian");
    v1::RevisionInfo ratified;
    EXPECT_THAT(
        server_->workflow().RatifyRevision(ContextAs(TokenOf("kadis")).get(), ratify, &ratified),
        IsOk());
    return ratified;
  }

  grpc::Status InForce(const std::string& date, v1::Plan* plan) {
    v1::GetPlanAsOfRequest request;
    request.set_in_force_date(date);
    v1::GetPlanAsOfResponse response;
    grpc::Status status =
        server_->audit().GetPlanAsOf(ContextAs(TokenOf("iwan")).get(), request, &response);
    *plan = response.plan();
    return status;
  }

  v1::Plan AsOf(int64_t micros) {
    v1::GetPlanAsOfRequest request;
    request.set_timestamp_micros(micros);
    v1::GetPlanAsOfResponse response;
    EXPECT_THAT(server_->audit().GetPlanAsOf(ContextAs(TokenOf("iwan")).get(), request, &response),
                IsOk());
    return response.plan();
  }

  grpc::Status Diff(const v1::DiffVersionsRequest& request, v1::DiffVersionsResponse* out) {
    return server_->audit().DiffVersions(ContextAs(TokenOf("iwan")).get(), request, out);
  }

  // "REV-0 (as imported, version 1324), REV-1 (version 1327), ..." as the refusals end.
  std::string Hint(int64_t current) const {
    return absl::StrCat("the plan's versions run from ", imported_, " (as imported) to ", current,
                        " (current); its revisions are REV-0 (as imported, "
                        "version ",
                        imported_, "), REV-1 (version ", rev1_.plan_version(), "), REV-2 (version ",
                        rev2_.plan_version(), ")");
  }

  int64_t imported_ = 0;
  uint64_t imported_sequence_ = 0;
  v1::RevisionInfo rev1_;
  v1::RevisionInfo rev2_;
};

std::vector<std::string> RevisionsOf(const v1::Plan& plan) {
  std::vector<std::string> out;
  for (const v1::RevisionInfo& r : plan.revisions()) {
    out.push_back(r.revision_id() + " " + r.effective_date());
  }
  return out;
}

int64_t FundingIn(const google::protobuf::RepeatedPtrField<v1::Node>& nodes,
                  const std::string& code, int year) {
  for (const v1::Node& node : nodes) {
    if (node.code() == code) {
      for (const v1::YearFunding& f : node.funding()) {
        if (f.year() == year) return f.amount().rupiah();
      }
      return -1;
    }
    const int64_t found = FundingIn(node.children(), code, year);
    if (found != -2) return found;
  }
  return -2;
}

std::vector<std::string> Entries(const v1::DiffVersionsResponse& diff) {
  std::vector<std::string> out;
  for (const v1::DiffEntry& e : diff.entries()) {
    out.push_back(absl::StrCat(v1::DiffEntry::Kind_Name(e.kind()), " ",
                               e.indicator_id().empty() ? e.node_code() : e.indicator_id(), " ",
                               e.year(), ": ", e.before(), " -> ", e.after(), " by ",
                               e.revision_id()));
  }
  return out;
}

TEST_F(LegalTimelineTest, InForceFollowsEffectiveDatesAroundTheirDay) {
  ASSERT_EQ(rev1_.revision_number(), 1);
  ASSERT_EQ(rev2_.revision_number(), 2);
  v1::Plan plan;
  // The day before REV-2 took effect: the plan as imported.
  ASSERT_THAT(InForce("2025-06-30", &plan), IsOk());
  EXPECT_EQ(TargetIn(plan, kRehabIndicator, 2025), "210 Orang");
  EXPECT_EQ(FundingIn(plan.programs(), kSandang, 2025), 150000000);
  EXPECT_EQ(plan.revision(), 0);
  EXPECT_EQ(plan.version(), imported_);
  EXPECT_FALSE(plan.locked());
  EXPECT_FALSE(plan.has_open_revision());
  // On its day and after: REV-2 (ratified after REV-1) is law, REV-1 is not yet.
  for (const std::string date : {"2025-07-01", "2025-07-02", "2026-12-30"}) {
    ASSERT_THAT(InForce(date, &plan), IsOk()) << date;
    EXPECT_EQ(TargetIn(plan, kRehabIndicator, 2025), "250 Orang") << date;
    EXPECT_EQ(FundingIn(plan.programs(), kSandang, 2025), 165000000) << date;
    EXPECT_EQ(plan.revision(), 1) << date;
    EXPECT_THAT(RevisionsOf(plan), ElementsAre("REV-2 2025-07-01")) << date;
    EXPECT_EQ(plan.version(), rev2_.plan_version()) << date;
  }
  // From REV-1's day on both apply, by effective date: REV-2 first, then REV-1, whose
  // 230 Orang stands although it was recorded before REV-2's 250 Orang.
  ASSERT_THAT(InForce("2026-12-31", &plan), IsOk());
  EXPECT_EQ(TargetIn(plan, kRehabIndicator, 2025), "230 Orang");
  EXPECT_EQ(FundingIn(plan.programs(), kSandang, 2025), 165000000);
  EXPECT_EQ(plan.revision(), 2);
  EXPECT_THAT(RevisionsOf(plan), ElementsAre("REV-2 2025-07-01", "REV-1 2026-12-31"));
  EXPECT_EQ(plan.version(), rev2_.plan_version());
}

TEST_F(LegalTimelineTest, AsOfFollowsTheRecordingWhateverTheEffectiveDate) {
  // Recorded: REV-1 counts from its ratification, although it takes effect 2026-12-31.
  v1::Plan before = AsOf(rev1_.ratified_at_micros() - 1);
  EXPECT_EQ(TargetIn(before, kRehabIndicator, 2025), "210 Orang");
  EXPECT_EQ(before.revision(), 0);
  v1::Plan at_rev1 = AsOf(rev1_.ratified_at_micros());
  EXPECT_EQ(TargetIn(at_rev1, kRehabIndicator, 2025), "230 Orang");
  EXPECT_EQ(at_rev1.revision(), 1);
  v1::Plan now = AsOf(rev2_.ratified_at_micros());
  EXPECT_EQ(TargetIn(now, kRehabIndicator, 2025), "250 Orang");
  EXPECT_EQ(now.revision(), 2);
  // In force at the instant REV-1 was recorded (some day of 2026 before 2026-12-31 or
  // later): never REV-1's 230 Orang before its effective date.
  v1::Plan in_force;
  ASSERT_THAT(InForce("2026-12-30", &in_force), IsOk());
  EXPECT_EQ(TargetIn(in_force, kRehabIndicator, 2025), "250 Orang");
}

TEST_F(LegalTimelineTest, InForceRefusesDatesOutsideThePlanAndMalformedDates) {
  const ChainHead head = server_->store().Head();
  struct Case {
    std::string date;
    grpc::StatusCode code;
    std::string message;
  };
  for (const Case& c : std::vector<Case>{
           {"2020-12-31", grpc::StatusCode::NOT_FOUND,
            "in_force_date: 2020-12-31 is before the plan's period 2021–2026 (2021-01-01 to "
            "2026-12-31) began; no plan was in force"},
           {"2027-01-01", grpc::StatusCode::NOT_FOUND,
            "in_force_date: 2027-01-01 is after the plan's period 2021–2026 (2021-01-01 to "
            "2026-12-31) ended; no plan was in force"},
           {"01-07-2025", grpc::StatusCode::INVALID_ARGUMENT,
            "in_force_date: \"01-07-2025\" is not a date YYYY-MM-DD"},
           {"2025-02-29", grpc::StatusCode::INVALID_ARGUMENT,
            "in_force_date: \"2025-02-29\" is not a date: month 2 of 2025 has 28 days"},
       }) {
    v1::Plan plan;
    grpc::Status status = InForce(c.date, &plan);
    EXPECT_EQ(status.error_code(), c.code) << c.date;
    EXPECT_EQ(status.error_message(), c.message) << c.date;
  }
  EXPECT_EQ(server_->store().Head().sequence, head.sequence);
}

TEST_F(LegalTimelineTest, DiffBetweenRevisionsNamesTheChangedCells) {
  v1::DiffVersionsRequest request;
  request.set_from_revision("REV-0");
  request.set_to_revision("REV-1");
  v1::DiffVersionsResponse diff;
  ASSERT_THAT(Diff(request, &diff), IsOk());
  EXPECT_EQ(diff.from_version(), imported_);
  EXPECT_EQ(diff.to_version(), rev1_.plan_version());
  EXPECT_THAT(Entries(diff),
              ElementsAre("TARGET_CHANGED 1.06.04.2.01.0001#1 2025: 210 Orang -> 230 Orang by "
                          "REV-1"));

  // A revision's number alone, and a version mixed with a revision.
  request.set_from_revision("1");
  request.set_to_revision("rev-2");
  ASSERT_THAT(Diff(request, &diff), IsOk());
  EXPECT_EQ(diff.from_version(), rev1_.plan_version());
  EXPECT_EQ(diff.to_version(), rev2_.plan_version());
  const std::vector<std::string> rev2 = {
      "TARGET_CHANGED 1.06.04.2.01.0001#1 2025: 230 Orang -> 250 Orang by REV-2",
      "FUNDING_CHANGED 1.06.04.2.01.0002 2025: Rp 150.000.000 -> Rp 165.000.000 by REV-2",
      // Its kegiatan's and program's 2025 follow it (consequences.h), attributed to the
      // revision whose proposal changed their child.
      "FUNDING_CHANGED 1.06.04.2.01 2025: Rp 1.700.000.000 -> Rp 1.715.000.000 by REV-2",
      "FUNDING_CHANGED 1.06.04 2025: Rp 2.200.000.000 -> Rp 2.215.000.000 by REV-2"};
  EXPECT_THAT(Entries(diff), ::testing::UnorderedElementsAreArray(rev2));
  request.clear_from_revision();
  request.set_from_version(rev1_.plan_version());
  ASSERT_THAT(Diff(request, &diff), IsOk());
  EXPECT_THAT(Entries(diff), ::testing::UnorderedElementsAreArray(rev2));
  EXPECT_EQ(diff.entries(0).node_name().empty(), false);
}

TEST_F(LegalTimelineTest, DiffRefusesEveryRangeThatIsNotOneAndListsTheVersions) {
  // REV-3 is open, not ratified.
  v1::OpenRevisionRequest open;
  open.set_request_id("open-3");
  open.set_name("Perubahan 3");
  v1::RevisionInfo opened;
  ASSERT_THAT(server_->workflow().OpenRevision(ContextAs(TokenOf("kadis")).get(), open, &opened),
              IsOk());
  ASSERT_EQ(opened.revision_id(), "REV-3");
  const ChainHead head = server_->store().Head();
  struct Case {
    std::string name;
    int64_t from_version = 0;
    std::string from_revision;
    int64_t to_version = 0;
    std::string to_revision;
    grpc::StatusCode code;
    std::string message;
  };
  // Opening REV-3 is a plan version of its own.
  const std::string hint = Hint(rev2_.plan_version() + 1);
  for (const Case& c : std::vector<Case>{
           {"from 0", 0, "", 0, "", grpc::StatusCode::INVALID_ARGUMENT,
            "from_version: required (a plan version or from_revision); 0 is not a plan version; " +
                hint},
           {"from inside the import", 5, "", 0, "", grpc::StatusCode::INVALID_ARGUMENT,
            absl::StrCat("from_version: 5 falls inside the import (versions 1–", imported_,
                         "), before the plan existed; ", hint)},
           {"from past the plan", 1000000, "", 0, "", grpc::StatusCode::INVALID_ARGUMENT,
            "from_version: 1000000 is not a plan version; " + hint},
           {"to inside a ratification", imported_, "", rev1_.plan_version() - 1, "",
            grpc::StatusCode::INVALID_ARGUMENT,
            absl::StrCat("to_version: ", rev1_.plan_version() - 1,
                         " falls inside the ratification of REV-1 (versions ",
                         rev1_.plan_version() - 2, "–", rev1_.plan_version(),
                         "); the plan's versions around it are ", rev1_.plan_version() - 3, " and ",
                         rev1_.plan_version(), "; ", hint)},
           {"unknown revision", 0, "REV-9", 0, "", grpc::StatusCode::NOT_FOUND,
            "from_revision: no revision REV-9; " + hint},
           {"open revision", 0, "REV-0", 0, "REV-3", grpc::StatusCode::FAILED_PRECONDITION,
            "to_revision: REV-3 is open, not ratified: it changed nothing yet; " + hint},
           {"not a revision", 0, "Perubahan 1", 0, "", grpc::StatusCode::INVALID_ARGUMENT,
            "from_revision: \"Perubahan 1\" is not a revision (REV-<n> or <n>); " + hint},
           {"version and revision", imported_, "REV-0", 0, "", grpc::StatusCode::INVALID_ARGUMENT,
            "from_revision: give from_version or from_revision, not both; " + hint},
           {"backwards", 0, "REV-2", 0, "REV-1", grpc::StatusCode::INVALID_ARGUMENT,
            absl::StrCat("from_revision: REV-2 (version ", rev2_.plan_version(),
                         ") is after to_revision REV-1 (version ", rev1_.plan_version(), "); ",
                         hint)},
       }) {
    v1::DiffVersionsRequest request;
    request.set_from_version(c.from_version);
    request.set_from_revision(c.from_revision);
    request.set_to_version(c.to_version);
    request.set_to_revision(c.to_revision);
    v1::DiffVersionsResponse diff;
    grpc::Status status = Diff(request, &diff);
    EXPECT_EQ(status.error_code(), c.code) << c.name;
    EXPECT_EQ(status.error_message(), c.message) << c.name;
    EXPECT_EQ(diff.entries_size(), 0) << c.name;
  }
  EXPECT_EQ(server_->store().Head().sequence, head.sequence);
}

// A node's history tells the story of the proposals that changed it: the draft, the
// submission, the decision and the ratification that applied it — the same events
// whether read in one page or page by page.
TEST_F(LegalTimelineTest, NodeHistoryIncludesTheDecisionsAndTheRatification) {
  const auto story = [&](uint32_t page_size) {
    std::vector<std::string> out;
    v1::GetHistoryRequest request;
    request.set_node_code(kSandang);
    request.set_page_size(page_size);
    do {
      v1::GetHistoryResponse page;
      EXPECT_THAT(server_->audit().GetHistory(ContextAs(TokenOf("iwan")).get(), request, &page),
                  IsOk());
      for (const v1::AuditEvent& e : page.events()) {
        if (e.envelope().sequence() > imported_sequence_) out.push_back(e.summary());
      }
      request.set_page_token(page.next_page_token());
    } while (!request.page_token().empty());
    return out;
  };
  const std::vector<std::string> expected = story(0);
  EXPECT_THAT(expected,
              ElementsAre("ProposalDrafted USL-0002 by rehab:  (2 changes): Jumlah PPKS meningkat",
                          "ProposalSubmitted USL-0002", "ProposalReviewed USL-0002 APPROVED",
                          "RevisionRatified REV-2 Perubahan 2 (Perwako Dumai Nomor 2 Tahun 2025) "
                          "proposals USL-0002",
                          "FundingSet 1.06.04.2.01.0002 2025 = Rp 165.000.000",
                          // Its row's end-of-period Rp follows (consequences.h), so nothing
                          // needed accepting.
                          "EndConditionSet 1.06.04.2.01.0002#1 Rp = Rp 427.521.000"));
  EXPECT_EQ(story(3), expected);
}

}  // namespace
}  // namespace renstra::testing
