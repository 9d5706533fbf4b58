#include "domain/plan_diff.h"

#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "domain/workflow_decider.h"
#include "gtest/gtest.h"
#include "tests/domain/seed_fixture.h"
#include "tests/testing/status_matchers.h"

namespace renstra {
namespace {

using ::renstra::testing::IsOk;

const Actor kRina{"rina", v1::Role::KEPALA_BIDANG, v1::REHABILITASI_SOSIAL};
const Actor kBudi{"budi", v1::Role::KEPALA_BIDANG, v1::PERLINDUNGAN_JAMINAN_SOSIAL};
const Actor kHendra{"hendra", v1::Role::KEPALA_DINAS, v1::DIVISION_UNSPECIFIED};
const Actor kDewi{"dewi", v1::Role::KEPALA_DINAS, v1::DIVISION_UNSPECIFIED};

v1::Change SetTarget(const std::string& indicator, int year, const std::string& value) {
  v1::Change c;
  c.mutable_set_target()->set_indicator_id(indicator);
  c.mutable_set_target()->set_year(year);
  TargetValue::Parse(value)->ToProto(c.mutable_set_target()->mutable_value());
  return c;
}

v1::Change SetFunding(const std::string& code, int year, int64_t rupiah) {
  v1::Change c;
  c.mutable_set_funding()->set_node_code(code);
  c.mutable_set_funding()->set_year(year);
  Money::Rupiah(rupiah).ToProto(c.mutable_set_funding()->mutable_amount());
  return c;
}

v1::Change Replace(const std::string& indicator, int from_year, const std::string& statement,
                   const std::map<int, std::string>& targets) {
  v1::Change c;
  v1::ReplaceIndicator* r = c.mutable_replace_indicator();
  r->set_indicator_id(indicator);
  r->set_from_year(from_year);
  r->set_statement(statement);
  r->set_unit("%");
  for (const auto& [year, value] : targets) {
    v1::YearTarget* t = r->add_targets();
    t->set_year(year);
    TargetValue::Parse(value)->ToProto(t->mutable_value());
  }
  return c;
}

v1::Change AddSub(const std::string& code, const std::string& name) {
  v1::Change c;
  v1::AddSubActivity* a = c.mutable_add_sub_activity();
  a->set_code(code);
  a->set_name(name);
  a->set_indicator("Jumlah Orang yang dilayani");
  a->set_unit("Orang");
  v1::YearTarget* t = a->add_targets();
  t->set_year(2026);
  TargetValue::Parse("50 Orang")->ToProto(t->mutable_value());
  v1::YearFunding* f = a->add_funding();
  f->set_year(2026);
  Money::Rupiah(25000000).ToProto(f->mutable_amount());
  return c;
}

v1::Change Retire(const std::string& code, int from_year) {
  v1::Change c;
  c.mutable_retire_sub_activity()->set_code(code);
  c.mutable_retire_sub_activity()->set_from_year(from_year);
  return c;
}

// Drives the workflow through the deciders on the seed plan, as the application would.
class Driver {
 public:
  Driver() : plan_(testing::ImportText(testing::ReadSeedDocument())) {}

  // Drafted and submitted by `proposer`, approved by `approver`.
  void Approve(const Actor& proposer, const Actor& approver, const std::string& id,
               std::vector<v1::Change> changes) {
    Record(id, proposer, DecideDraft(plan_, proposer, DraftCommand{id, "t", "because", changes}));
    Record(id, proposer, DecideSubmit(book_, proposer, id, ""));
    Record(id, approver, DecideReview(book_, approver, id, v1::ProposalReviewed::APPROVE, "ok"));
  }
  void Revise(const std::string& revision_id, const std::string& name,
              const std::string& legal_basis, std::vector<std::string> ids) {
    ApplyPlan(DecideOpenRevision(plan_, kHendra, revision_id, name));
    ApplyPlan(DecideRatify(
        plan_, book_, kHendra,
        RatifyCommand{legal_basis, "review", "2025-07-01", "Kepala Dinas", std::move(ids),
                      /*accept_findings=*/true, "the diff is under test"}));
  }

  const PlanState& plan() const { return plan_; }
  const ProposalBook& book() const { return book_; }

 private:
  void Record(const std::string& id, const Actor& a,
              absl::StatusOr<std::vector<v1::ProposalEvent>> events) {
    ASSERT_THAT(events, IsOk()) << events.status();
    for (const v1::ProposalEvent& e : *events) {
      v1::EventEnvelope env;
      env.set_stream(ProposalBook::StreamOf(id));
      env.set_stream_version(++versions_[id]);
      env.set_principal(a.name);
      e.SerializeToString(env.mutable_payload());
      ASSERT_THAT(book_.ApplyProposalEnvelope(env), IsOk());
    }
  }
  void ApplyPlan(absl::StatusOr<std::vector<v1::PlanEvent>> events) {
    ASSERT_THAT(events, IsOk()) << events.status();
    for (const v1::PlanEvent& e : *events) {
      v1::EventEnvelope env;
      env.set_stream("plan/test");
      env.set_stream_version(plan_.version() + 1);
      env.set_principal(kHendra.name);
      e.SerializeToString(env.mutable_payload());
      ASSERT_THAT(plan_.Apply(env), IsOk());
      if (e.has_revision_ratified()) {
        ASSERT_THAT(book_.ApplyRatified(e.revision_ratified(), env), IsOk());
      }
    }
  }

  PlanState plan_;
  ProposalBook book_;
  std::map<std::string, uint64_t> versions_;
};

const char* KindName(DiffKind kind) {
  switch (kind) {
    case DiffKind::kTargetChanged:
      return "TARGET";
    case DiffKind::kFundingChanged:
      return "FUNDING";
    case DiffKind::kIndicatorReplaced:
      return "INDICATOR_REPLACED";
    case DiffKind::kNodeAdded:
      return "NODE_ADDED";
    case DiffKind::kNodeRetired:
      return "NODE_RETIRED";
    case DiffKind::kIndicatorAdded:
      return "INDICATOR_ADDED";
  }
  return "?";
}

// Every field of a difference on one line, so a whole diff is asserted exactly:
// "KIND node [indicator] year: before -> after | REV (name; basis) id by proposer/approver".
std::vector<std::string> Render(const std::vector<PlanDifference>& diffs) {
  std::vector<std::string> out;
  for (const PlanDifference& d : diffs) {
    std::vector<std::string> revisions;
    for (const DiffRevision& r : d.revisions) {
      std::vector<std::string> proposals;
      for (const DiffProposal& p : r.proposals) {
        proposals.push_back(absl::StrCat(p.id, " by ", p.proposer, "/", p.approver));
      }
      revisions.push_back(absl::StrCat(r.revision_id, " (", r.name, "; ", r.legal_basis, ") ",
                                       absl::StrJoin(proposals, ", ")));
    }
    out.push_back(absl::StrCat(KindName(d.kind), " ", d.node_code, " [", d.indicator_id, "] ",
                               d.year, ": ", d.before, " -> ", d.after, " | ",
                               absl::StrJoin(revisions, " + ")));
  }
  return out;
}

constexpr char kRev1[] = "REV-1 (Perubahan Renstra 2025; Perda Kota Dumai No. 2 Tahun 2025) ";
constexpr char kRev2[] = "REV-2 (Perubahan Renstra 2025 II; Perwako Dumai No. 14 Tahun 2025) ";
constexpr char kOldSandang[] =
    "Jumlah Orang yang Menerima Pakailan dan Kelengkapan Lainnya yang Tersedia dalam 1 Tahun "
    "Kewenangan Kabupaten/Kota (Orang)";

// Two revisions on the seed plan: REV-1 sets a target, a funding amount and adds a sub
// kegiatan; REV-2 replaces an indicator, retires a sub kegiatan and sets the REV-1
// target again.
class PlanDiffTest : public ::testing::Test {
 protected:
  void SetUp() override {
    seed_ = d_.plan();
    d_.Approve(kRina, kHendra, "USL-0001",
               {SetTarget("1.06.04.2.01.0001#1", 2025, "220 Orang"),
                AddSub("1.06.04.2.01.013", "Layanan Baru")});
    d_.Approve(kBudi, kDewi, "USL-0002", {SetFunding("1.06.05.2.02.001", 2025, 180000000)});
    d_.Revise("REV-1", "Perubahan Renstra 2025", "Perda Kota Dumai No. 2 Tahun 2025",
              {"USL-0001", "USL-0002"});
    after_rev1_ = d_.plan();
    d_.Approve(kRina, kHendra, "USL-0003",
               {Replace("1.06.04.2.01.0002#1", 2025, "Persentase PPKS yang menerima sandang",
                        {{2025, "90%"}, {2026, "95%"}}),
                Retire("1.06.04.2.01.012", 2026)});
    d_.Approve(kRina, kDewi, "USL-0004", {SetTarget("1.06.04.2.01.0001#1", 2025, "230 Orang")});
    d_.Revise("REV-2", "Perubahan Renstra 2025 II", "Perwako Dumai No. 14 Tahun 2025",
              {"USL-0003", "USL-0004"});
  }

  Driver d_;
  PlanState seed_;
  PlanState after_rev1_;
};

TEST_F(PlanDiffTest, EveryChangeWithTheRevisionsThatMadeIt) {
  const std::vector<PlanDifference> diffs = DiffPlans(seed_, d_.plan(), d_.book());
  const std::string u1 = absl::StrCat(kRev1, "USL-0001 by rina/hendra");
  const std::string u3 = absl::StrCat(kRev2, "USL-0003 by rina/hendra");
  EXPECT_EQ(
      Render(diffs),
      (std::vector<std::string>{
          absl::StrCat("TARGET 1.06.04.2.01.0001 [1.06.04.2.01.0001#1] 2025: 210 Orang -> "
                       "230 Orang | ",
                       u1, " + ", kRev2, "USL-0004 by rina/dewi"),
          absl::StrCat(
              "INDICATOR_REPLACED 1.06.04.2.01.0002 [1.06.04.2.01.0002#1] 2025: ", kOldSandang,
              " -> 1.06.04.2.01.0002#2 Persentase PPKS yang menerima sandang (%) "
              "| ",
              u3),
          absl::StrCat("TARGET 1.06.04.2.01.0002 [1.06.04.2.01.0002#1] 2025: 110 Orang -> "
                       "- | ",
                       u3),
          absl::StrCat("TARGET 1.06.04.2.01.0002 [1.06.04.2.01.0002#1] 2026: 110 Orang -> "
                       "- | ",
                       u3),
          absl::StrCat("TARGET 1.06.04.2.01.0002 [1.06.04.2.01.0002#2] 2025: - -> 90% | ", u3),
          absl::StrCat("TARGET 1.06.04.2.01.0002 [1.06.04.2.01.0002#2] 2026: - -> 95% | ", u3),
          absl::StrCat("NODE_RETIRED 1.06.04.2.01.0012 [] 2026: aktif -> dihentikan mulai "
                       "2026 | ",
                       u3),
          absl::StrCat("TARGET 1.06.04.2.01.0012 [1.06.04.2.01.0012#1] 2026: 120 Orang -> "
                       "- | ",
                       u3),
          absl::StrCat("FUNDING 1.06.04.2.01.0012 [] 2026: Rp 240.000.000 -> - | ", u3),
          absl::StrCat("NODE_ADDED 1.06.04.2.01.0013 [] 0: - -> 1.06.04.2.01.013 Layanan "
                       "Baru | ",
                       u1),
          absl::StrCat("INDICATOR_ADDED 1.06.04.2.01.0013 [1.06.04.2.01.0013#1] 0: - -> "
                       "Jumlah Orang yang dilayani (Orang) | ",
                       u1),
          absl::StrCat("TARGET 1.06.04.2.01.0013 [1.06.04.2.01.0013#1] 2026: - -> 50 Orang "
                       "| ",
                       u1),
          absl::StrCat("FUNDING 1.06.04.2.01.0013 [] 2026: - -> Rp 25.000.000 | ", u1),
          // The program's and kegiatan's 2025 follow their sub kegiatan (consequences.h),
          // credited to the proposal that changed it.
          absl::StrCat("FUNDING 1.06.05 [] 2025: Rp 15.675.000.000 -> Rp 15.705.000.000 | ", kRev1,
                       "USL-0002 by budi/dewi"),
          absl::StrCat("FUNDING 1.06.05.2.02 [] 2025: Rp 15.450.000.000 -> Rp 15.480.000.000 | ",
                       kRev1, "USL-0002 by budi/dewi"),
          absl::StrCat("FUNDING 1.06.05.2.02.0001 [] 2025: Rp 150.000.000 -> Rp "
                       "180.000.000 | ",
                       kRev1, "USL-0002 by budi/dewi"),
      }));
  // The fields the rendering abbreviates.
  ASSERT_EQ(diffs.size(), 16u);
  EXPECT_EQ(diffs[0].node_name, "Penyediaan Permakanaan");
  EXPECT_EQ(diffs[0].revisions[1].proposals[0].approver, "dewi");
  EXPECT_EQ(diffs[9].node_name, "Layanan Baru");
  EXPECT_EQ(static_cast<int>(diffs[13].kind), 2);  // v1::DiffEntry::FUNDING_CHANGED
}

TEST_F(PlanDiffTest, OnlyRevisionsBetweenTheVersionsAreCredited) {
  const std::vector<PlanDifference> diffs = DiffPlans(after_rev1_, d_.plan(), d_.book());
  const std::vector<std::string> rendered = Render(diffs);
  ASSERT_EQ(rendered.size(), 9u);
  EXPECT_EQ(rendered[0],
            absl::StrCat("TARGET 1.06.04.2.01.0001 [1.06.04.2.01.0001#1] 2025: 220 Orang -> 230 "
                         "Orang | ",
                         kRev2, "USL-0004 by rina/dewi"));
  for (const PlanDifference& d : diffs) {
    ASSERT_EQ(d.revisions.size(), 1u) << d.node_code;
    EXPECT_EQ(d.revisions[0].revision_id, "REV-2");
  }
  // Backwards: the same cells, before and after swapped; REV-2 lies outside the range.
  const std::vector<PlanDifference> back = DiffPlans(d_.plan(), after_rev1_, d_.book());
  // 1 target on 0001; 0002: #1 2025-2026 refilled, #2 2025-2026 emptied; 0012 back.
  ASSERT_EQ(back.size(), 8u);
  EXPECT_EQ(back[0].before, "230 Orang");
  EXPECT_EQ(back[0].after, "220 Orang");
  EXPECT_TRUE(back[0].revisions.empty());
}

TEST_F(PlanDiffTest, IdenticalVersionsHaveNoDifference) {
  EXPECT_TRUE(DiffPlans(d_.plan(), d_.plan(), d_.book()).empty());
  EXPECT_TRUE(DiffPlans(seed_, seed_, d_.book()).empty());
  EXPECT_TRUE(DiffPlans(after_rev1_, after_rev1_, ProposalBook()).empty());
}

TEST_F(PlanDiffTest, WithoutTheProposalsNothingIsCredited) {
  const std::vector<PlanDifference> diffs = DiffPlans(seed_, after_rev1_, ProposalBook());
  ASSERT_EQ(diffs.size(), 8u);
  for (const PlanDifference& d : diffs) EXPECT_TRUE(d.revisions.empty()) << d.node_code;
}

}  // namespace
}  // namespace renstra
