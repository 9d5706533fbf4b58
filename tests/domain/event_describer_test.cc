#include "domain/event_describer.h"

#include <string>

#include "domain/money.h"
#include "domain/target_value.h"
#include "gtest/gtest.h"
#include "renstra/v1/realization.pb.h"
#include "renstra/v1/users.pb.h"
#include "renstra/v1/workflow.pb.h"

namespace renstra {
namespace {

v1::EventEnvelope PlanEnvelope(const v1::PlanEvent& event, const std::string& principal = "hendra",
                               uint64_t version = 7) {
  v1::EventEnvelope env;
  env.set_sequence(42);
  env.set_stream("plan/dinsos-dumai");
  env.set_stream_version(version);
  env.set_event_type("renstra.v1.PlanEvent");
  env.set_principal(principal);
  event.SerializeToString(env.mutable_payload());
  return env;
}

v1::EventEnvelope ProposalEnvelope(const std::string& id, const v1::ProposalEvent& event,
                                   const std::string& principal = "rina") {
  v1::EventEnvelope env;
  env.set_sequence(43);
  env.set_stream("proposal/" + id);
  env.set_stream_version(1);
  env.set_event_type("renstra.v1.ProposalEvent");
  env.set_principal(principal);
  event.SerializeToString(env.mutable_payload());
  return env;
}

v1::EventEnvelope Denied(const std::string& principal) {
  v1::AccessDenied denied;
  denied.set_method("/renstra.v1.WorkflowService/ReviewProposal");
  denied.set_principal(principal);
  denied.set_role("KEPALA_BIDANG");
  denied.set_code("PERMISSION_DENIED");
  denied.set_message("rule: only KEPALA_DINAS may review proposals; budi is KEPALA_BIDANG");
  v1::EventEnvelope env;
  env.set_sequence(44);
  env.set_stream("audit/denied");
  env.set_event_type("renstra.v1.AccessDenied");
  env.set_principal("renstrad");
  denied.SerializeToString(env.mutable_payload());
  return env;
}

v1::PlanEvent TargetSet(const std::string& indicator, int year, const std::string& value) {
  v1::PlanEvent e;
  e.mutable_target_set()->set_indicator_id(indicator);
  e.mutable_target_set()->set_year(year);
  TargetValue::Parse(value)->ToProto(e.mutable_target_set()->mutable_value());
  return e;
}

v1::PlanEvent FundingSet(const std::string& code, int year, Money amount) {
  v1::PlanEvent e;
  e.mutable_funding_set()->set_node_code(code);
  e.mutable_funding_set()->set_year(year);
  amount.ToProto(e.mutable_funding_set()->mutable_amount());
  return e;
}

v1::PlanEvent Ratified() {
  v1::PlanEvent e;
  v1::RevisionRatified* r = e.mutable_revision_ratified();
  r->set_revision_id("REV-1");
  r->set_name("Perubahan Renstra 2025");
  r->set_legal_basis("Perda Kota Dumai No. 2 Tahun 2025");
  r->add_proposal_ids("USL-0001");
  r->add_proposal_ids("USL-0002");
  r->set_change_count(3);
  return e;
}

v1::PlanEvent Replaced() {
  v1::PlanEvent e;
  v1::IndicatorReplaced* r = e.mutable_indicator_replaced();
  r->set_indicator_id("1.06.04.2.01.0002#1");
  r->set_new_indicator_id("1.06.04.2.01.0002#2");
  r->set_from_year(2025);
  r->set_statement("Persentase PPKS yang menerima sandang");
  r->set_unit("%");
  return e;
}

v1::ProposalEvent Drafted(v1::Change change) {
  v1::ProposalEvent e;
  e.mutable_drafted()->set_proposal_id("USL-0001");
  e.mutable_drafted()->set_title("Target permakanan 2025");
  e.mutable_drafted()->set_proposer("rina");
  *e.mutable_drafted()->add_changes() = std::move(change);
  return e;
}

v1::Change SetTargetChange(const std::string& indicator) {
  v1::Change c;
  c.mutable_set_target()->set_indicator_id(indicator);
  c.mutable_set_target()->set_year(2025);
  return c;
}

v1::ProposalEvent Reviewed(v1::ProposalReviewed::Decision decision, const std::string& note) {
  v1::ProposalEvent e;
  e.mutable_reviewed()->set_decision(decision);
  e.mutable_reviewed()->set_note(note);
  e.mutable_reviewed()->set_reviewer("hendra");
  return e;
}

TEST(DescribeEventTest, PlanEvents) {
  EXPECT_EQ(DescribeEvent(PlanEnvelope(TargetSet("1.06.04.2.01.0001#1", 2025, "220 Orang"))),
            "TargetSet 1.06.04.2.01.0001#1 2025 = 220 Orang");
  // The written form is kept for targets ...
  EXPECT_EQ(DescribeEvent(PlanEnvelope(TargetSet("1.06.04.2.01.0001#1", 2022, "1349Orang"))),
            "TargetSet 1.06.04.2.01.0001#1 2022 = 1349Orang");
  EXPECT_EQ(DescribeEvent(PlanEnvelope(TargetSet("1.06.04.2.01.0001#1", 2026, "-"))),
            "TargetSet 1.06.04.2.01.0001#1 2026 = -");
  // ... money is printed in the one canonical Rupiah form.
  EXPECT_EQ(
      DescribeEvent(PlanEnvelope(FundingSet("1.06.05.2.02.0001", 2025, Money::Rupiah(180000000)))),
      "FundingSet 1.06.05.2.02.0001 2025 = Rp 180.000.000");
  EXPECT_EQ(DescribeEvent(PlanEnvelope(
                FundingSet("1.06.05.2.02.0001", 2025, *Money::Parse("Rp1.234.567,00")))),
            "FundingSet 1.06.05.2.02.0001 2025 = Rp 1.234.567");
  EXPECT_EQ(DescribeEvent(PlanEnvelope(FundingSet("1.06.05.2.02.0001", 2026, Money()))),
            "FundingSet 1.06.05.2.02.0001 2026 = -");
  EXPECT_EQ(DescribeEvent(PlanEnvelope(Ratified())),
            "RevisionRatified REV-1 Perubahan Renstra 2025 (Perda Kota Dumai No. 2 Tahun 2025) "
            "proposals USL-0001, USL-0002");
  v1::PlanEvent accepted = Ratified();
  v1::Finding* finding = accepted.mutable_revision_ratified()->add_accepted_findings();
  finding->set_kind(v1::Finding::PARENT_CHILDREN_FUNDING);
  finding->set_code("1.06.04.2.01");
  finding->set_year(2025);
  finding = accepted.mutable_revision_ratified()->add_accepted_findings();
  finding->set_kind(v1::Finding::ROW_FUNDING_TOTAL);
  finding->set_code("1.06.04.2.01.0002");
  accepted.mutable_revision_ratified()->set_accept_reason("Pagu disesuaikan pada APBD-P");
  EXPECT_EQ(DescribeEvent(PlanEnvelope(accepted)),
            "RevisionRatified REV-1 Perubahan Renstra 2025 (Perda Kota Dumai No. 2 Tahun 2025) "
            "proposals USL-0001, USL-0002; accepted findings PARENT_CHILDREN_FUNDING "
            "1.06.04.2.01 2025, ROW_FUNDING_TOTAL 1.06.04.2.01.0002 because Pagu disesuaikan "
            "pada APBD-P");
  EXPECT_EQ(DescribeEvent(PlanEnvelope(Replaced())),
            "IndicatorReplaced 1.06.04.2.01.0002#1 by 1.06.04.2.01.0002#2 from 2025: Persentase "
            "PPKS yang menerima sandang (%)");

  v1::PlanEvent e;
  e.mutable_plan_established()->set_plan_id("plan/dinsos-dumai");
  e.mutable_plan_established()->set_agency("Dinas Sosial");
  e.mutable_plan_established()->set_baseline_year(2021);
  e.mutable_plan_established()->set_final_year(2026);
  EXPECT_EQ(DescribeEvent(PlanEnvelope(e)),
            "PlanEstablished plan/dinsos-dumai Dinas Sosial 2021-2026");
  e.mutable_goal_defined()->set_goal_id("T1");
  e.mutable_goal_defined()->set_statement("Meningkatnya kesejahteraan sosial");
  EXPECT_EQ(DescribeEvent(PlanEnvelope(e)), "GoalDefined T1 Meningkatnya kesejahteraan sosial");
  e.mutable_objective_defined()->set_objective_id("S1");
  e.mutable_objective_defined()->set_statement("Terpenuhinya kebutuhan dasar PPKS");
  EXPECT_EQ(DescribeEvent(PlanEnvelope(e)),
            "ObjectiveDefined S1 Terpenuhinya kebutuhan dasar PPKS");
  e.mutable_node_added()->set_code("1.06.04.2.01.0013");
  e.mutable_node_added()->set_name("Layanan Baru");
  EXPECT_EQ(DescribeEvent(PlanEnvelope(e)), "NodeAdded 1.06.04.2.01.0013 Layanan Baru");
  e.mutable_indicator_defined()->set_indicator_id("1.06.04.2.01.0013#1");
  e.mutable_indicator_defined()->set_statement("Jumlah Orang yang dilayani");
  e.mutable_indicator_defined()->set_unit("Orang");
  EXPECT_EQ(DescribeEvent(PlanEnvelope(e)),
            "IndicatorDefined 1.06.04.2.01.0013#1 Jumlah Orang yang dilayani (Orang)");
  e.mutable_import_reported()->add_findings();
  e.mutable_import_reported()->add_findings();
  e.mutable_import_reported()->set_lines_read(900);
  e.mutable_import_reported()->set_rows_used(250);
  EXPECT_EQ(DescribeEvent(PlanEnvelope(e)),
            "ImportReported 2 findings, 900 lines read, 250 rows used");
  e.mutable_revision_opened()->set_revision_id("REV-1");
  e.mutable_revision_opened()->set_name("Perubahan Renstra 2025");
  EXPECT_EQ(DescribeEvent(PlanEnvelope(e)), "RevisionOpened REV-1 Perubahan Renstra 2025");
  e.mutable_node_retired()->set_code("1.06.04.2.01.0012");
  e.mutable_node_retired()->set_from_year(2026);
  EXPECT_EQ(DescribeEvent(PlanEnvelope(e)), "NodeRetired 1.06.04.2.01.0012 from 2026");
  e.mutable_plan_locked()->set_revision_number(1);
  EXPECT_EQ(DescribeEvent(PlanEnvelope(e)), "PlanLocked revision 1");
}

TEST(DescribeEventTest, ProposalEvents) {
  EXPECT_EQ(DescribeEvent(ProposalEnvelope("USL-0001", Drafted(SetTargetChange("x#1")))),
            "ProposalDrafted USL-0001 by rina: Target permakanan 2025 (1 changes)");
  v1::ProposalEvent e;
  e.mutable_revised()->set_justification("data 2024");
  e.mutable_revised()->add_changes();
  e.mutable_revised()->add_changes();
  EXPECT_EQ(DescribeEvent(ProposalEnvelope("USL-0001", e)),
            "ProposalRevised USL-0001 (2 changes): data 2024");
  e.mutable_submitted();
  EXPECT_EQ(DescribeEvent(ProposalEnvelope("USL-0001", e)), "ProposalSubmitted USL-0001");
  e.mutable_withdrawn()->set_note("no longer needed");
  EXPECT_EQ(DescribeEvent(ProposalEnvelope("USL-0001", e)),
            "ProposalWithdrawn USL-0001: no longer needed");
  EXPECT_EQ(DescribeEvent(ProposalEnvelope(
                "USL-0002", Reviewed(v1::ProposalReviewed::RETURN, "use 2024 data"))),
            "ProposalReviewed USL-0002 RETURNED: use 2024 data");
  EXPECT_EQ(
      DescribeEvent(ProposalEnvelope("USL-0002", Reviewed(v1::ProposalReviewed::APPROVE, ""))),
      "ProposalReviewed USL-0002 APPROVED");
  EXPECT_EQ(DescribeEvent(
                ProposalEnvelope("USL-0002", Reviewed(v1::ProposalReviewed::REJECT, "no budget"))),
            "ProposalReviewed USL-0002 REJECTED: no budget");
}

TEST(DescribeEventTest, AccessDeniedAndFallbacks) {
  EXPECT_EQ(DescribeEvent(Denied("budi")),
            "AccessDenied PERMISSION_DENIED /renstra.v1.WorkflowService/ReviewProposal: rule: "
            "only KEPALA_DINAS may review proposals; budi is KEPALA_BIDANG");
  v1::EventEnvelope other;
  other.set_stream("realization/1.06.04.2.01.0001");
  other.set_event_type("renstra.v1.RealizationRecorded");
  other.set_payload("\x08\x01");
  EXPECT_EQ(DescribeEvent(other), "renstra.v1.RealizationRecorded");
  // A payload that does not decode (a field claiming 5 bytes, 2 present).
  v1::EventEnvelope broken = PlanEnvelope(v1::PlanEvent());
  broken.set_payload(std::string("\x0a\x05\x61\x62", 4));
  EXPECT_EQ(DescribeEvent(broken), "renstra.v1.PlanEvent");
  broken.clear_event_type();
  EXPECT_EQ(DescribeEvent(broken), "event 42");
}

using Kind = AuditSubject::Kind;

TEST(EventTouchesTest, Node) {
  const AuditSubject node{Kind::kNode, "1.06.04.2.01.0001"};
  EXPECT_TRUE(EventTouches(PlanEnvelope(TargetSet("1.06.04.2.01.0001#1", 2025, "1 Orang")), node));
  EXPECT_TRUE(EventTouches(PlanEnvelope(FundingSet("1.06.04.2.01.0001", 2025, Money())), node));
  EXPECT_FALSE(EventTouches(PlanEnvelope(FundingSet("1.06.04.2.01.0010", 2025, Money())), node));
  // A code that merely starts like the node's is another node.
  EXPECT_FALSE(EventTouches(PlanEnvelope(TargetSet("1.06.04.2.01.00011#1", 2025, "1")), node));
  EXPECT_FALSE(EventTouches(PlanEnvelope(Ratified()), node));
  v1::PlanEvent e;
  e.mutable_node_added()->set_code("1.06.04.2.01.0001");
  EXPECT_TRUE(EventTouches(PlanEnvelope(e), node));
  e.mutable_indicator_defined()->set_node_code("1.06.04.2.01.0001");
  EXPECT_TRUE(EventTouches(PlanEnvelope(e), node));
  e.mutable_node_retired()->set_code("1.06.04.2.01.0001");
  EXPECT_TRUE(EventTouches(PlanEnvelope(e), node));
  EXPECT_TRUE(EventTouches(PlanEnvelope(Replaced()), {Kind::kNode, "1.06.04.2.01.0002"}));

  // Proposals: the changes name the node, its indicator, or its code as written.
  EXPECT_TRUE(EventTouches(
      ProposalEnvelope("USL-0001", Drafted(SetTargetChange("1.06.04.2.01.0001#1"))), node));
  EXPECT_FALSE(EventTouches(
      ProposalEnvelope("USL-0001", Drafted(SetTargetChange("1.06.04.2.01.0002#1"))), node));
  v1::Change add;
  add.mutable_add_sub_activity()->set_code("1.06.04.2.01.013");
  EXPECT_TRUE(
      EventTouches(ProposalEnvelope("USL-0003", Drafted(add)), {Kind::kNode, "1.06.04.2.01.0013"}));
  v1::Change funding;
  funding.mutable_set_funding()->set_node_code("1.06.04.2.01.0001");
  v1::ProposalEvent revised;
  *revised.mutable_revised()->add_changes() = funding;
  EXPECT_TRUE(EventTouches(ProposalEnvelope("USL-0001", revised), node));
  // Submissions and reviews carry no changes.
  EXPECT_FALSE(EventTouches(
      ProposalEnvelope("USL-0001", Reviewed(v1::ProposalReviewed::APPROVE, "")), node));
}

TEST(EventTouchesTest, Indicator) {
  const AuditSubject ind{Kind::kIndicator, "1.06.04.2.01.0002#2"};
  EXPECT_TRUE(EventTouches(PlanEnvelope(TargetSet("1.06.04.2.01.0002#2", 2025, "90%")), ind));
  EXPECT_FALSE(EventTouches(PlanEnvelope(TargetSet("1.06.04.2.01.0002#1", 2025, "9 Orang")), ind));
  EXPECT_TRUE(EventTouches(PlanEnvelope(Replaced()), ind));  // new id
  EXPECT_TRUE(EventTouches(PlanEnvelope(Replaced()), {Kind::kIndicator, "1.06.04.2.01.0002#1"}));
  EXPECT_FALSE(EventTouches(PlanEnvelope(Replaced()), {Kind::kIndicator, "1.06.04.2.01.0002#3"}));
  EXPECT_FALSE(EventTouches(PlanEnvelope(FundingSet("1.06.04.2.01.0002", 2025, Money())), ind));
  v1::PlanEvent defined;
  defined.mutable_indicator_defined()->set_indicator_id("1.06.04.2.01.0002#2");
  EXPECT_TRUE(EventTouches(PlanEnvelope(defined), ind));
  EXPECT_TRUE(EventTouches(
      ProposalEnvelope("USL-0001", Drafted(SetTargetChange("1.06.04.2.01.0002#2"))), ind));
  EXPECT_FALSE(EventTouches(
      ProposalEnvelope("USL-0001", Drafted(SetTargetChange("1.06.04.2.01.0002#1"))), ind));
  v1::Change add;
  add.mutable_add_sub_activity()->set_code("1.06.04.2.01.013");
  EXPECT_TRUE(EventTouches(ProposalEnvelope("USL-0003", Drafted(add)),
                           {Kind::kIndicator, "1.06.04.2.01.0013#1"}));
}

TEST(EventTouchesTest, Proposal) {
  const AuditSubject proposal{Kind::kProposal, "USL-0002"};
  EXPECT_TRUE(EventTouches(
      ProposalEnvelope("USL-0002", Reviewed(v1::ProposalReviewed::RETURN, "x")), proposal));
  EXPECT_FALSE(EventTouches(
      ProposalEnvelope("USL-0001", Reviewed(v1::ProposalReviewed::RETURN, "x")), proposal));
  // "proposal/USL-00021" is another proposal's stream.
  EXPECT_FALSE(EventTouches(
      ProposalEnvelope("USL-00021", Reviewed(v1::ProposalReviewed::RETURN, "x")), proposal));
  EXPECT_TRUE(EventTouches(PlanEnvelope(Ratified()), proposal));
  EXPECT_FALSE(EventTouches(PlanEnvelope(Ratified()), {Kind::kProposal, "USL-0003"}));
}

TEST(EventTouchesTest, Revision) {
  const AuditSubject rev{Kind::kRevision, "REV-1"};
  EXPECT_TRUE(EventTouches(PlanEnvelope(Ratified()), rev));
  EXPECT_FALSE(EventTouches(PlanEnvelope(Ratified()), {Kind::kRevision, "REV-2"}));
  v1::PlanEvent opened;
  opened.mutable_revision_opened()->set_revision_id("REV-1");
  EXPECT_TRUE(EventTouches(PlanEnvelope(opened), rev));
  // The applied changes are found by version, not by payload.
  EXPECT_FALSE(EventTouches(PlanEnvelope(TargetSet("1.06.04.2.01.0001#1", 2025, "1")), rev));

  const VersionRange applied = RatificationChangeVersions(7, 3);
  EXPECT_EQ(applied.first, 8u);
  EXPECT_EQ(applied.last, 10u);
  EXPECT_FALSE(applied.Contains(7));
  EXPECT_TRUE(applied.Contains(8));
  EXPECT_TRUE(applied.Contains(10));
  EXPECT_FALSE(applied.Contains(11));
  const VersionRange none = RatificationChangeVersions(7, 0);
  EXPECT_TRUE(none.empty());
  EXPECT_FALSE(none.Contains(7));
  EXPECT_FALSE(none.Contains(8));
}

TEST(EventTouchesTest, User) {
  EXPECT_TRUE(EventTouches(PlanEnvelope(Ratified(), "hendra"), {Kind::kUser, "hendra"}));
  EXPECT_FALSE(EventTouches(PlanEnvelope(Ratified(), "hendra"), {Kind::kUser, "rina"}));
  // A refusal is written by the server; it belongs to the refused principal.
  EXPECT_TRUE(EventTouches(Denied("budi"), {Kind::kUser, "budi"}));
  EXPECT_FALSE(EventTouches(Denied("budi"), {Kind::kUser, "rina"}));
  // An unauthenticated refusal names nobody: it is no one's history.
  EXPECT_FALSE(EventTouches(Denied(""), {Kind::kUser, ""}));
}

}  // namespace
}  // namespace renstra

namespace renstra {
namespace {

v1::EventEnvelope StreamEnvelope(const std::string& stream, const google::protobuf::Message& event,
                                 const std::string& principal) {
  v1::EventEnvelope env;
  env.set_sequence(44);
  env.set_stream(stream);
  env.set_stream_version(1);
  env.set_principal(principal);
  event.SerializeToString(env.mutable_payload());
  return env;
}

v1::TargetValue Target(const std::string& text) {
  v1::TargetValue out;
  TargetValue::Parse(text)->ToProto(&out);
  return out;
}

TEST(DescribeEventTest, RealizationAndUserEvents) {
  v1::RealizationEvent achieved;
  auto* a = achieved.mutable_achievement_recorded();
  a->set_realization_id("RLZ-000001");
  a->set_indicator_id("1.06.04.2.01.0001#1");
  a->set_node_code("1.06.04.2.01.0001");
  a->set_year(2022);
  *a->mutable_value()->mutable_q1() = Target("20 Orang");
  *a->mutable_value()->mutable_q2() = Target("30 Orang");
  a->set_evidence_ref("LKJ 2022");
  const v1::EventEnvelope achieved_env =
      StreamEnvelope("realization/dinsos-dumai", achieved, "rehab");
  EXPECT_EQ(DescribeEvent(achieved_env),
            "AchievementRecorded RLZ-000001 1.06.04.2.01.0001#1 2022 = TW I 20 Orang, TW II 30 "
            "Orang (evidence LKJ 2022)");

  v1::RealizationEvent spent;
  auto* sp = spent.mutable_spending_recorded();
  sp->set_realization_id("RLZ-000002");
  sp->set_node_code("1.06.04.2.01.0001");
  sp->set_year(2022);
  Money::Rupiah(19000000).ToProto(sp->mutable_spent());
  sp->set_evidence_ref("SP2D 2022");
  const v1::EventEnvelope spent_env = StreamEnvelope("realization/dinsos-dumai", spent, "rehab");
  EXPECT_EQ(DescribeEvent(spent_env),
            "SpendingRecorded RLZ-000002 1.06.04.2.01.0001 2022 = Rp 19.000.000 (evidence SP2D "
            "2022)");
  sp->set_quarter(2);  // a triwulan record names its quarter after the year
  EXPECT_EQ(DescribeEvent(StreamEnvelope("realization/dinsos-dumai", spent, "rehab")),
            "SpendingRecorded RLZ-000002 1.06.04.2.01.0001 2022 TW II = Rp 19.000.000 (evidence "
            "SP2D 2022)");

  v1::RealizationEvent corrected;
  auto* c = corrected.mutable_corrected();
  c->set_realization_id("RLZ-000003");
  c->set_corrects_id("RLZ-000002");
  c->set_node_code("1.06.04.2.01.0001");
  c->set_year(2022);
  c->set_retracted(true);
  c->set_evidence_ref("BA koreksi");
  c->set_note("salah kegiatan");
  EXPECT_EQ(DescribeEvent(StreamEnvelope("realization/dinsos-dumai", corrected, "rehab")),
            "RealizationCorrected RLZ-000003 corrects RLZ-000002: 1.06.04.2.01.0001 2022 = "
            "retracted (evidence BA koreksi): salah kegiatan");
  c->set_quarter(4);
  EXPECT_EQ(DescribeEvent(StreamEnvelope("realization/dinsos-dumai", corrected, "rehab")),
            "RealizationCorrected RLZ-000003 corrects RLZ-000002: 1.06.04.2.01.0001 2022 TW IV = "
            "retracted (evidence BA koreksi): salah kegiatan");

  v1::UserEvent added;
  added.mutable_added()->mutable_user()->set_name("sari");
  added.mutable_added()->mutable_user()->set_role(v1::Role::KEPALA_BIDANG);
  added.mutable_added()->mutable_user()->set_division(v1::PERLINDUNGAN_JAMINAN_SOSIAL);
  const v1::EventEnvelope added_env = StreamEnvelope("users", added, "admin");
  EXPECT_EQ(DescribeEvent(added_env), "UserAdded sari KEPALA_BIDANG PERLINDUNGAN_JAMINAN_SOSIAL");
  v1::UserEvent disabled;
  disabled.mutable_disabled()->set_name("sari");
  EXPECT_EQ(DescribeEvent(StreamEnvelope("users", disabled, "admin")), "UserDisabled sari");

  // Touches: the node and indicator of a realization; the user an admin event is about.
  EXPECT_TRUE(EventTouches(achieved_env, {AuditSubject::Kind::kNode, "1.06.04.2.01.0001"}));
  EXPECT_TRUE(EventTouches(achieved_env, {AuditSubject::Kind::kIndicator, "1.06.04.2.01.0001#1"}));
  EXPECT_FALSE(EventTouches(achieved_env, {AuditSubject::Kind::kIndicator, "1.06.04.2.01.0002#1"}));
  EXPECT_TRUE(EventTouches(spent_env, {AuditSubject::Kind::kNode, "1.06.04.2.01.0001"}));
  EXPECT_FALSE(EventTouches(spent_env, {AuditSubject::Kind::kNode, "1.06.04.2.01.0002"}));
  EXPECT_TRUE(EventTouches(added_env, {AuditSubject::Kind::kUser, "sari"}));
  EXPECT_TRUE(EventTouches(added_env, {AuditSubject::Kind::kUser, "admin"}));
  EXPECT_FALSE(EventTouches(added_env, {AuditSubject::Kind::kUser, "rehab"}));
}

}  // namespace
}  // namespace renstra
