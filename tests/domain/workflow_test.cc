#include <gmock/gmock.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "domain/validator.h"
#include "domain/workflow_decider.h"
#include "gtest/gtest.h"
#include "tests/domain/seed_fixture.h"
#include "tests/testing/status_matchers.h"

namespace renstra {
namespace {

using ::renstra::testing::IsOk;

const Actor kRina{"rina", v1::Role::KEPALA_BIDANG, v1::REHABILITASI_SOSIAL};
const Actor kBudi{"budi", v1::Role::KEPALA_BIDANG, v1::PERLINDUNGAN_JAMINAN_SOSIAL};
const Actor kSari{"sari", v1::Role::SEKRETARIAT, v1::DIVISION_UNSPECIFIED};
const Actor kHendra{"hendra", v1::Role::KEPALA_DINAS, v1::DIVISION_UNSPECIFIED};
const Actor kIwan{"iwan", v1::Role::INSPEKTORAT, v1::DIVISION_UNSPECIFIED};
const Actor kAdi{"adi", v1::Role::ADMIN, v1::DIVISION_UNSPECIFIED};

// The reason of the ratifications whose added findings are not what the test is about.
constexpr char kNotUnderTest[] = "findings are not under test here";

// "1.06.04.2.01.0001#1" counts Orang; its 2025 target in the seed is "210 Orang".
constexpr char kRehabIndicator[] = "1.06.04.2.01.0001#1";

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
  c.mutable_set_funding()->mutable_amount()->set_rupiah(rupiah);
  c.mutable_set_funding()->mutable_amount()->set_present(true);
  return c;
}

// The workflow's state, driven through the deciders as the application would.
class Workflow {
 public:
  Workflow() : plan_(testing::ImportText(testing::ReadSeedDocument())) {}

  absl::Status Draft(const Actor& a, const std::string& id, std::vector<v1::Change> changes) {
    return Record(id, a, DecideDraft(plan_, a, DraftCommand{id, "t", "because", changes}));
  }
  absl::Status Submit(const Actor& a, const std::string& id) {
    return Record(id, a, DecideSubmit(book_, a, id, ""));
  }
  absl::Status Review(const Actor& a, const std::string& id, v1::ProposalReviewed::Decision d,
                      const std::string& note = "ok") {
    return Record(id, a, DecideReview(book_, a, id, d, note));
  }
  absl::Status Withdraw(const Actor& a, const std::string& id) {
    return Record(id, a, DecideWithdraw(book_, a, id, "no longer needed"));
  }
  absl::Status Revise(const Actor& a, const std::string& id, std::vector<v1::Change> changes) {
    return Record(id, a, DecideRevise(plan_, book_, a, ReviseCommand{id, "", changes}));
  }
  absl::Status Open(const Actor& a, const std::string& name = "Perubahan Renstra 2025") {
    return ApplyPlan(a, DecideOpenRevision(plan_, a, "rev-" + std::to_string(++revisions_), name));
  }
  absl::Status Ratify(const Actor& a, std::vector<std::string> ids) {
    return ApplyPlan(a, DecideRatify(plan_, book_, a, Command(std::move(ids))));
  }
  // Ratifies accepting the findings it adds, with `reason`.
  absl::Status RatifyAccepting(const Actor& a, std::vector<std::string> ids,
                               const std::string& reason) {
    RatifyCommand command = Command(std::move(ids));
    command.accept_findings = true;
    command.accept_reason = reason;
    return ApplyPlan(a, DecideRatify(plan_, book_, a, command));
  }
  absl::StatusOr<RatificationPreview> Preview(const Actor& a, std::vector<std::string> ids) const {
    return PreviewRatify(plan_, book_, a, Command(std::move(ids)));
  }
  static RatifyCommand Command(std::vector<std::string> ids) {
    RatifyCommand command;
    command.legal_basis = "Perda Kota Dumai No. 2 Tahun 2025";
    command.reason = "review";
    command.effective_date = "2025-07-01";
    command.signer = "Kepala Dinas";
    command.proposal_ids = std::move(ids);
    return command;
  }
  absl::Status Lock(const Actor& a) { return ApplyPlan(a, DecideLock(plan_, a)); }
  // Submitted and approved by hendra.
  void Approve(const Actor& proposer, const std::string& id, std::vector<v1::Change> changes) {
    ASSERT_THAT(Draft(proposer, id, changes), IsOk());
    ASSERT_THAT(Submit(proposer, id), IsOk());
    ASSERT_THAT(Review(kHendra, id, v1::ProposalReviewed::APPROVE), IsOk());
  }

  const PlanState& plan() const { return plan_; }
  const ProposalBook& book() const { return book_; }
  std::string Target(const std::string& indicator, int year) const {
    auto [node, i] = plan_.FindIndicator(indicator);
    return node->indicators[i].targets.at(year).Display();
  }

 private:
  absl::Status Record(const std::string& id, const Actor& a,
                      absl::StatusOr<std::vector<v1::ProposalEvent>> events) {
    if (!events.ok()) return events.status();
    for (const v1::ProposalEvent& e : *events) {
      v1::EventEnvelope env;
      env.set_sequence(++sequence_);
      env.set_stream(ProposalBook::StreamOf(id));
      env.set_stream_version(++versions_[id]);
      env.set_principal(a.name);
      env.set_role(v1::Role::Value_Name(a.role));
      e.SerializeToString(env.mutable_payload());
      absl::Status s = book_.ApplyProposalEnvelope(env);
      if (!s.ok()) return s;
    }
    return absl::OkStatus();
  }
  absl::Status ApplyPlan(const Actor& a, absl::StatusOr<std::vector<v1::PlanEvent>> events) {
    if (!events.ok()) return events.status();
    for (const v1::PlanEvent& e : *events) {
      v1::EventEnvelope env;
      env.set_sequence(++sequence_);
      env.set_stream("plan/test");
      env.set_stream_version(plan_.version() + 1);
      env.set_principal(a.name);
      e.SerializeToString(env.mutable_payload());
      absl::Status s = plan_.Apply(env);
      if (!s.ok()) return s;
      if (e.has_revision_ratified()) {
        s = book_.ApplyRatified(e.revision_ratified(), env);
        if (!s.ok()) return s;
      }
    }
    return absl::OkStatus();
  }

  PlanState plan_;
  ProposalBook book_;
  std::map<std::string, uint64_t> versions_;
  uint64_t sequence_ = 0;
  int revisions_ = 0;
};

void ExpectStatus(const absl::Status& s, absl::StatusCode code, const std::string& message) {
  EXPECT_EQ(s.code(), code) << s;
  EXPECT_EQ(s.message(), message);
}

TEST(WorkflowTest, OnlyDivisionHeadsAndSekretariatPropose) {
  Workflow w;
  const auto change = [] {
    return std::vector<v1::Change>{SetTarget(kRehabIndicator, 2025, "220 Orang")};
  };
  EXPECT_THAT(w.Draft(kRina, "p1", change()), IsOk());
  ExpectStatus(w.Draft(kHendra, "p2", change()), absl::StatusCode::kPermissionDenied,
               "rule: only KEPALA_BIDANG or SEKRETARIAT may propose changes; hendra is "
               "KEPALA_DINAS");
  ExpectStatus(w.Draft(kIwan, "p3", change()), absl::StatusCode::kPermissionDenied,
               "rule: only KEPALA_BIDANG or SEKRETARIAT may propose changes; iwan is INSPEKTORAT");
  ExpectStatus(w.Draft(kAdi, "p4", change()), absl::StatusCode::kPermissionDenied,
               "rule: only KEPALA_BIDANG or SEKRETARIAT may propose changes; adi is ADMIN");
}

TEST(WorkflowTest, DivisionScoping) {
  Workflow w;
  ExpectStatus(w.Draft(kBudi, "p1", {SetTarget(kRehabIndicator, 2025, "220 Orang")}),
               absl::StatusCode::kPermissionDenied,
               "rule: a division proposes and records only for its own nodes; "
               "changes[0].set_target: node 1.06.04.2.01.0001 belongs to Bidang Rehabilitasi "
               "Sosial, budi acts for Bidang Perlindungan dan Jaminan Sosial");
  // The Sekretariat, the agency's planning unit, proposes on its own program 1.06.01 and
  // on any other bidang's node as well (a fix across bidang after a revision).
  EXPECT_THAT(w.Draft(kSari, "p2", {SetFunding("1.6.1.2.01.01", 2026, 6000000)}), IsOk());
  EXPECT_THAT(
      w.Draft(kSari, "p3",
              {SetFunding("1.06.04", 2026, 1), SetTarget(kRehabIndicator, 2025, "230 Orang")}),
      IsOk());
  // A Kepala Bidang still may not, even beside the Sekretariat's change.
  ExpectStatus(w.Draft(kRina, "p4", {SetFunding("1.6.1.2.01.01", 2026, 6000000)}),
               absl::StatusCode::kPermissionDenied,
               "rule: a division proposes and records only for its own nodes; "
               "changes[0].set_funding: node 1.06.01.2.01.0001 belongs to Sekretariat, rina "
               "acts for Bidang Rehabilitasi Sosial");
}

TEST(WorkflowTest, BadInputNamesTheField) {
  Workflow w;
  ExpectStatus(w.Draft(kRina, "p", {SetTarget("1.06.04.2.01.0001#7", 2025, "1 Orang")}),
               absl::StatusCode::kInvalidArgument,
               "changes[0].set_target.indicator_id: unknown indicator \"1.06.04.2.01.0001#7\"");
  EXPECT_EQ(w.Draft(kRina, "p", {SetTarget(kRehabIndicator, 2027, "1 Orang")}).code(),
            absl::StatusCode::kInvalidArgument);
  ExpectStatus(w.Draft(kRina, "p", {SetTarget(kRehabIndicator, 2025, "3 Dokumen")}),
               absl::StatusCode::kInvalidArgument,
               "changes[0].set_target.value: unit \"Dokumen\" does not match the indicator's "
               "unit \"Orang\"");
  ExpectStatus(w.Draft(kRina, "p", {SetFunding("1.06.04.2.01.0001", 2025, -5)}),
               absl::StatusCode::kInvalidArgument,
               "changes[0].set_funding.amount: negative amount -5");
  ExpectStatus(w.Draft(kRina, "p", {}), absl::StatusCode::kInvalidArgument,
               "changes: at least one change required");
  EXPECT_EQ(w.book().Find("p"), nullptr);
}

TEST(WorkflowTest, ChangesRecordTheValueTheyReplace) {
  Workflow w;
  ASSERT_THAT(w.Draft(kRina, "p1",
                      {SetTarget(kRehabIndicator, 2025, "220 Orang"),
                       SetFunding("1.06.04.2.01.001", 2025, 400000000)}),
              IsOk());
  const ProposalState* p = w.book().Find("p1");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->status, v1::DRAFT);
  EXPECT_EQ(p->division, v1::REHABILITASI_SOSIAL);
  EXPECT_EQ(p->base_version, w.plan().version());
  EXPECT_EQ(TargetValue::FromProto(p->changes[0].set_target().before()).Display(), "210 Orang");
  EXPECT_EQ(p->changes[1].set_funding().node_code(), "1.06.04.2.01.0001");
  EXPECT_EQ(p->changes[1].set_funding().before().rupiah(), 350000000);
}

TEST(WorkflowTest, LifeCycleTransitions) {
  Workflow w;
  ASSERT_THAT(w.Draft(kRina, "p1", {SetTarget(kRehabIndicator, 2025, "220 Orang")}), IsOk());
  ExpectStatus(w.Review(kHendra, "p1", v1::ProposalReviewed::APPROVE),
               absl::StatusCode::kFailedPrecondition,
               "proposal p1 is DRAFT; review needs SUBMITTED");
  ExpectStatus(w.Submit(kBudi, "p1"), absl::StatusCode::kPermissionDenied,
               "rule: only the proposer may submit a proposal; p1 was proposed by rina, not budi");
  ASSERT_THAT(w.Submit(kRina, "p1"), IsOk());
  ExpectStatus(w.Review(kHendra, "p1", v1::ProposalReviewed::RETURN, ""),
               absl::StatusCode::kInvalidArgument, "note: required when rejecting or returning");
  ASSERT_THAT(w.Review(kHendra, "p1", v1::ProposalReviewed::RETURN, "use 2024 data"), IsOk());
  EXPECT_EQ(w.book().Find("p1")->status, v1::RETURNED);
  EXPECT_EQ(w.book().Find("p1")->last_note, "use 2024 data");
  ASSERT_THAT(w.Revise(kRina, "p1", {SetTarget(kRehabIndicator, 2025, "230 Orang")}), IsOk());
  ASSERT_THAT(w.Submit(kRina, "p1"), IsOk());
  ASSERT_THAT(w.Review(kHendra, "p1", v1::ProposalReviewed::APPROVE), IsOk());
  EXPECT_EQ(w.book().Find("p1")->status, v1::APPROVED);
  ExpectStatus(w.Withdraw(kRina, "p1"), absl::StatusCode::kFailedPrecondition,
               "proposal p1 is APPROVED; withdraw needs DRAFT or SUBMITTED or RETURNED");
  ExpectStatus(w.Submit(kRina, "p1"), absl::StatusCode::kFailedPrecondition,
               "proposal p1 is APPROVED; submit needs DRAFT or RETURNED");
  EXPECT_EQ(w.book().Find("p1")->history.size(), 6u);

  ASSERT_THAT(w.Draft(kRina, "p2", {SetTarget(kRehabIndicator, 2026, "220 Orang")}), IsOk());
  ASSERT_THAT(w.Withdraw(kRina, "p2"), IsOk());
  EXPECT_EQ(w.Submit(kRina, "p2").code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(w.Submit(kRina, "nope").code(), absl::StatusCode::kNotFound);
}

TEST(WorkflowTest, NobodyDecidesOnTheirOwnProposal) {
  Workflow w;
  ASSERT_THAT(w.Draft(kRina, "p1", {SetTarget(kRehabIndicator, 2025, "220 Orang")}), IsOk());
  ASSERT_THAT(w.Submit(kRina, "p1"), IsOk());
  const Actor rina_as_head{"rina", v1::Role::KEPALA_DINAS, v1::DIVISION_UNSPECIFIED};
  ExpectStatus(w.Review(rina_as_head, "p1", v1::ProposalReviewed::APPROVE),
               absl::StatusCode::kPermissionDenied,
               "rule: nobody decides on a proposal they made; p1 was proposed by rina");
  ExpectStatus(w.Review(kBudi, "p1", v1::ProposalReviewed::APPROVE),
               absl::StatusCode::kPermissionDenied,
               "rule: only KEPALA_DINAS may review proposals; budi is KEPALA_BIDANG");
}

TEST(WorkflowTest, RatificationAppliesApprovedProposalsAtomically) {
  Workflow w;
  w.Approve(kRina, "p1", {SetTarget(kRehabIndicator, 2025, "220 Orang")});
  w.Approve(kBudi, "p2", {SetFunding("1.06.05.2.02.001", 2025, 175000000)});
  ExpectStatus(w.Ratify(kHendra, {"p1"}), absl::StatusCode::kFailedPrecondition,
               "no revision is open; open one first");
  ASSERT_THAT(w.Open(kHendra), IsOk());
  EXPECT_EQ(w.Open(kHendra).code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(w.Ratify(kRina, {"p1"}).code(), absl::StatusCode::kPermissionDenied);
  ASSERT_THAT(w.RatifyAccepting(kHendra, {"p1", "p2"}, kNotUnderTest), IsOk());
  EXPECT_EQ(w.Target(kRehabIndicator, 2025), "220 Orang");
  EXPECT_EQ(w.plan().FindNode("1.06.05.2.02.0001")->funding.at(2025).rupiah(), 175000000);
  EXPECT_EQ(w.plan().revision_number(), 1);
  EXPECT_EQ(w.plan().revisions()[0].legal_basis(), "Perda Kota Dumai No. 2 Tahun 2025");
  EXPECT_EQ(w.book().Find("p1")->status, v1::APPLIED);
  EXPECT_EQ(w.book().Find("p2")->revision_id, "rev-1");
}

TEST(WorkflowTest, ConflictingProposalsCannotBothApplyBlind) {
  Workflow w;
  w.Approve(kRina, "p1", {SetTarget(kRehabIndicator, 2025, "220 Orang")});
  w.Approve(kRina, "p2", {SetTarget(kRehabIndicator, 2025, "240 Orang")});
  ASSERT_THAT(w.Open(kHendra), IsOk());
  const int64_t version = w.plan().version();
  ExpectStatus(w.Ratify(kHendra, {"p1", "p2"}), absl::StatusCode::kAborted,
               "ratification conflicts; nothing applied; rebase these proposals: p2: "
               "1.06.04.2.01.0001#1 target 2025: based on \"210 Orang\", the plan now has "
               "\"220 Orang\"");
  EXPECT_EQ(w.plan().version(), version);
  EXPECT_EQ(w.Target(kRehabIndicator, 2025), "210 Orang");

  ASSERT_THAT(w.RatifyAccepting(kHendra, {"p1"}, kNotUnderTest), IsOk());
  ASSERT_THAT(w.Open(kHendra, "Perubahan Renstra 2025 II"), IsOk());
  EXPECT_EQ(w.Ratify(kHendra, {"p2"}).code(), absl::StatusCode::kAborted);
  // The proposer rebases: the revised proposal is reviewed again against 220.
  ASSERT_THAT(w.Revise(kRina, "p2", {SetTarget(kRehabIndicator, 2025, "240 Orang")}), IsOk());
  EXPECT_EQ(w.book().Find("p2")->status, v1::DRAFT);
  ASSERT_THAT(w.Submit(kRina, "p2"), IsOk());
  ASSERT_THAT(w.Review(kHendra, "p2", v1::ProposalReviewed::APPROVE), IsOk());
  ASSERT_THAT(w.RatifyAccepting(kHendra, {"p2"}, kNotUnderTest), IsOk());
  EXPECT_EQ(w.Target(kRehabIndicator, 2025), "240 Orang");
}

TEST(WorkflowTest, LockedPlanAcceptsNoRatificationUntilARevisionOpens) {
  Workflow w;
  w.Approve(kRina, "p1", {SetTarget(kRehabIndicator, 2025, "220 Orang")});
  ASSERT_THAT(w.Open(kHendra), IsOk());
  ExpectStatus(w.Lock(kHendra), absl::StatusCode::kFailedPrecondition,
               "revision \"Perubahan Renstra 2025\" is open; ratify it before locking");
  ASSERT_THAT(w.RatifyAccepting(kHendra, {"p1"}, kNotUnderTest), IsOk());
  EXPECT_EQ(w.Lock(kIwan).code(), absl::StatusCode::kPermissionDenied);
  ASSERT_THAT(w.Lock(kHendra), IsOk());
  EXPECT_TRUE(w.plan().locked());
  w.Approve(kRina, "p2", {SetTarget(kRehabIndicator, 2026, "230 Orang")});
  ExpectStatus(w.Ratify(kHendra, {"p2"}), absl::StatusCode::kFailedPrecondition,
               "the plan is locked; open a revision first");
  ASSERT_THAT(w.Open(kHendra, "Perubahan Renstra 2026"), IsOk());
  EXPECT_FALSE(w.plan().locked());
  ASSERT_THAT(w.RatifyAccepting(kHendra, {"p2"}, kNotUnderTest), IsOk());
}

TEST(WorkflowTest, ReplaceAddAndRetire) {
  Workflow w;
  v1::Change replace;
  replace.mutable_replace_indicator()->set_indicator_id(kRehabIndicator);
  replace.mutable_replace_indicator()->set_from_year(2025);
  replace.mutable_replace_indicator()->set_statement("Persentase PPKS yang diberi permakanan");
  replace.mutable_replace_indicator()->set_unit("%");
  v1::YearTarget* t = replace.mutable_replace_indicator()->add_targets();
  t->set_year(2025);
  TargetValue::Parse("90%")->ToProto(t->mutable_value());
  v1::Change add;
  add.mutable_add_sub_activity()->set_code("1.06.04.2.01.0013");
  add.mutable_add_sub_activity()->set_name("Layanan Baru");
  add.mutable_add_sub_activity()->set_indicator("Jumlah Orang yang dilayani");
  add.mutable_add_sub_activity()->set_unit("Orang");
  v1::YearFunding* f = add.mutable_add_sub_activity()->add_funding();
  f->set_year(2026);
  f->mutable_amount()->set_rupiah(25000000);
  f->mutable_amount()->set_present(true);
  v1::Change retire;
  retire.mutable_retire_sub_activity()->set_code("1.06.04.2.01.012");
  retire.mutable_retire_sub_activity()->set_from_year(2026);
  w.Approve(kRina, "p1", {replace, add, retire});
  ASSERT_THAT(w.Open(kHendra), IsOk());
  ASSERT_THAT(w.RatifyAccepting(kHendra, {"p1"}, kNotUnderTest), IsOk());

  const NodeState* node = w.plan().FindNode("1.06.04.2.01.0001");
  ASSERT_EQ(node->indicators.size(), 2u);
  EXPECT_EQ(node->indicators[0].to_year, 2024);
  EXPECT_EQ(node->indicators[0].targets.count(2025), 0u);
  EXPECT_EQ(node->indicators[1].id, "1.06.04.2.01.0001#2");
  EXPECT_EQ(node->indicators[1].from_year, 2025);
  EXPECT_EQ(node->indicators[1].targets.at(2025).Display(), "90%");
  const NodeState* added = w.plan().FindNode("1.06.04.2.01.0013");
  ASSERT_NE(added, nullptr);
  EXPECT_EQ(added->division, v1::REHABILITASI_SOSIAL);
  EXPECT_EQ(added->funding.at(2026).rupiah(), 25000000);
  EXPECT_EQ(w.plan().FindNode("1.06.04.2.01.0012")->retired_from, 2026);
  EXPECT_EQ(w.plan().FindNode("1.06.04.2.01.0012")->funding.count(2026), 0u);
  // A retired node takes no new target for its retired years.
  EXPECT_EQ(w.Draft(kRina, "p2", {SetFunding("1.06.04.2.01.0012", 2026, 1)}).code(),
            absl::StatusCode::kFailedPrecondition);
}

// Sub kegiatan 1.06.04.2.01.0002's 2025 150.000.000 → 165.000.000 with its kegiatan's
// 2025 stated by the proposer as 1.705.000.000 (not the derived 1.715.000.000): a
// consequence that cannot remove the finding.
std::vector<v1::Change> ExplicitParent() {
  return {SetFunding("1.06.04.2.01.002", 2025, 165000000),
          SetFunding("1.06.04.2.01", 2025, 1705000000)};
}

// kind, code, year, stated, computed of each finding: what the tests assert exactly.
std::vector<std::string> Listed(const std::vector<v1::Finding>& findings) {
  std::vector<std::string> out;
  for (const v1::Finding& f : findings) {
    out.push_back(absl::StrCat(v1::Finding::Kind_Name(f.kind()), " ", f.code(), " ", f.year(), " ",
                               f.stated(), " -> ", f.computed()));
  }
  return out;
}

// A 2025 funding of sub kegiatan 1.06.04.2.01.0002 (Penyediaan Sandang), 150.000.000 →
// 165.000.000 (issue 15): its consequences (consequences.h) move the row's end-of-period
// Rp, the kegiatan's and the program's 2025 and their end-of-period Rp with it, so the
// ratification adds no finding.
TEST(WorkflowTest, DryRunShowsThePlanAfterAndTheFindingsItAddsAndRemoves) {
  Workflow w;
  w.Approve(kRina, "p1", {SetFunding("1.06.04.2.01.002", 2025, 165000000)});
  ASSERT_THAT(w.Open(kHendra), IsOk());
  const int64_t version = w.plan().version();
  absl::StatusOr<RatificationPreview> preview = w.Preview(kHendra, {"p1"});
  ASSERT_THAT(preview, IsOk());
  EXPECT_EQ(preview->plan.FindNode("1.06.04.2.01.0002")->funding.at(2025).rupiah(), 165000000);
  EXPECT_EQ(preview->plan.FindNode("1.06.04.2.01.0002")->indicators[0].end_funding.rupiah(),
            427521000);
  EXPECT_EQ(preview->plan.FindNode("1.06.04.2.01")->funding.at(2025).rupiah(), 1715000000);
  EXPECT_EQ(preview->plan.FindNode("1.06.04")->funding.at(2025).rupiah(), 2215000000);
  EXPECT_EQ(preview->plan.revision_number(), 1);
  // RevisionRatified, the change, then its five consequences.
  EXPECT_EQ(preview->events.size(), 7u);
  EXPECT_EQ(preview->events[0].revision_ratified().change_count(), 6);
  EXPECT_TRUE(preview->findings.added.empty());
  EXPECT_TRUE(preview->findings.removed.empty());
  // A dry run changes nothing.
  EXPECT_EQ(w.plan().version(), version);
  EXPECT_EQ(w.plan().FindNode("1.06.04.2.01.0002")->funding.at(2025).rupiah(), 150000000);

  // 1.06.04.2.01.0008's row states 110.000.000 while its years add to 95.000.000 (the
  // seed's own finding, kept as written); 2026 35.000.000 → 50.000.000 corrects the row,
  // and the parents' 2026 follow.
  w.Approve(kRina, "p2", {SetFunding("1.06.04.2.01.008", 2026, 50000000)});
  preview = w.Preview(kHendra, {"p2"});
  ASSERT_THAT(preview, IsOk());
  EXPECT_TRUE(preview->findings.added.empty());
  EXPECT_THAT(
      Listed(preview->findings.removed),
      ::testing::ElementsAre("ROW_FUNDING_TOTAL 1.06.04.2.01.0008 0 110.000.000 -> 95.000.000"));
  EXPECT_EQ(preview->plan.FindNode("1.06.04.2.01")->funding.at(2026).rupiah(), 2050000000);

  // The proposer states the kegiatan's 2025 as 1.705.000.000 beside the sub kegiatan's
  // change: the stated value wins over the derived one, and the children then exceed it.
  w.Approve(kRina, "p3", ExplicitParent());
  preview = w.Preview(kHendra, {"p3"});
  ASSERT_THAT(preview, IsOk());
  EXPECT_THAT(Listed(preview->findings.added),
              ::testing::ElementsAre(
                  "PARENT_CHILDREN_FUNDING 1.06.04.2.01 2025 1.705.000.000 -> 1.715.000.000"));
  EXPECT_TRUE(preview->findings.removed.empty());
  EXPECT_EQ(preview->plan.FindNode("1.06.04")->funding.at(2025).rupiah(), 2205000000);
}

TEST(WorkflowTest, RatificationThatAddsFindingsIsRefusedUnlessAcceptedWithAReason) {
  Workflow w;
  w.Approve(kRina, "p1", ExplicitParent());
  ASSERT_THAT(w.Open(kHendra), IsOk());
  const int64_t version = w.plan().version();
  ExpectStatus(w.Ratify(kHendra, {"p1"}), absl::StatusCode::kFailedPrecondition,
               "the ratification would add 1 finding to the plan; nothing applied; correct the "
               "proposals, or accept with accept_findings and accept_reason: "
               "PARENT_CHILDREN_FUNDING 1.06.04.2.01 2025");
  EXPECT_EQ(w.plan().version(), version);
  EXPECT_EQ(w.book().Find("p1")->status, v1::APPROVED);

  ExpectStatus(w.RatifyAccepting(kHendra, {"p1"}, ""), absl::StatusCode::kInvalidArgument,
               "accept_reason: required with accept_findings (why the findings the ratification "
               "adds are accepted)");
  RatifyCommand reason_alone = Workflow::Command({"p1"});
  reason_alone.accept_reason = "tanpa accept";
  ExpectStatus(DecideRatify(w.plan(), w.book(), kHendra, reason_alone).status(),
               absl::StatusCode::kInvalidArgument, "accept_reason: given without accept_findings");
  EXPECT_EQ(w.plan().version(), version);

  ASSERT_THAT(w.RatifyAccepting(kHendra, {"p1"}, "Pagu kegiatan disesuaikan pada APBD-P"), IsOk());
  EXPECT_EQ(w.plan().FindNode("1.06.04.2.01.0002")->funding.at(2025).rupiah(), 165000000);
  EXPECT_EQ(w.plan().FindNode("1.06.04.2.01")->funding.at(2025).rupiah(), 1705000000);
  ASSERT_EQ(w.plan().revisions().size(), 1u);
  const v1::RevisionInfo& revision = w.plan().revisions()[0];
  EXPECT_EQ(revision.accept_reason(), "Pagu kegiatan disesuaikan pada APBD-P");
  EXPECT_THAT(Listed({revision.accepted_findings().begin(), revision.accepted_findings().end()}),
              ::testing::ElementsAre(
                  "PARENT_CHILDREN_FUNDING 1.06.04.2.01 2025 1.705.000.000 -> 1.715.000.000"));
}

// Issue 15: both ordinary changes ratified together leave exactly the seed's own
// findings, and the exported end-of-period values agree with the years.
TEST(WorkflowTest, IssueFifteenChangesAddNoFinding) {
  Workflow w;
  const std::vector<v1::Finding> seed = ValidatePlan(w.plan());
  w.Approve(kRina, "p1",
            {SetTarget(kRehabIndicator, 2025, "230 Orang"),
             SetFunding("1.06.04.2.01.002", 2025, 165000000)});
  ASSERT_THAT(w.Open(kHendra), IsOk());
  ASSERT_THAT(w.Ratify(kHendra, {"p1"}), IsOk());
  EXPECT_EQ(Listed(ValidatePlan(w.plan())), Listed(seed));
  EXPECT_EQ(w.plan().FindNode("1.06.04.2.01.0001")->indicators[0].end_target.Display(),
            "740 Orang");
}

// Kegiatan 1.06.06.2.01 states 475.000.000 for 2025 and 2026 while its children add to
// 625.000.000 in the seed: moving 10.000.000 of sub kegiatan 1.06.06.2.01.0003 from
// 2026 to 2025 changes those sums but adds no finding (its own row still adds up).
TEST(WorkflowTest, TheSeedsOwnFindingsNeverBlock) {
  Workflow w;
  w.Approve(kBudi, "p1",
            {SetFunding("1.06.06.2.01.003", 2025, 60000000),
             SetFunding("1.06.06.2.01.003", 2026, 40000000)});
  ASSERT_THAT(w.Open(kHendra), IsOk());
  absl::StatusOr<RatificationPreview> preview = w.Preview(kHendra, {"p1"});
  ASSERT_THAT(preview, IsOk());
  EXPECT_TRUE(preview->findings.added.empty());
  EXPECT_TRUE(preview->findings.removed.empty());
  ASSERT_THAT(w.Ratify(kHendra, {"p1"}), IsOk());
  EXPECT_EQ(w.plan().revisions()[0].accepted_findings_size(), 0);
  EXPECT_EQ(w.plan().revisions()[0].accept_reason(), "");
}

TEST(WorkflowTest, ProposalFindingsAreThoseOfTheProposalAlone) {
  Workflow w;
  // 210 → 230 Orang of a cumulative count: its end of period follows (720 → 740 Orang).
  w.Approve(kRina, "p1", {SetTarget(kRehabIndicator, 2025, "230 Orang")});
  absl::StatusOr<FindingDiff> alone = ProposalFindings(w.plan(), *w.book().Find("p1"));
  ASSERT_THAT(alone, IsOk());
  EXPECT_TRUE(alone->added.empty());
  EXPECT_TRUE(alone->removed.empty());
  w.Approve(kRina, "p2", ExplicitParent());
  alone = ProposalFindings(w.plan(), *w.book().Find("p2"));
  ASSERT_THAT(alone, IsOk());
  EXPECT_THAT(Listed(alone->added),
              ::testing::ElementsAre(
                  "PARENT_CHILDREN_FUNDING 1.06.04.2.01 2025 1.705.000.000 -> 1.715.000.000"));
  EXPECT_TRUE(alone->removed.empty());
}

}  // namespace
}  // namespace renstra
