// End to end, the revision workflow through the real binaries: renstrad starts with a
// users file (Kepala Dinas, two Kepala Bidang, Inspektorat) and the seed plan; each
// user drives the renstra CLI with their own token. Two division heads propose and
// submit; one proposal is returned, revised and resubmitted; the Kepala Dinas approves
// both, ratifies "Perubahan Renstra 2025" and locks it; the plan shows the new values
// at a new version and the old ones at the old version; the inspectorate reads all of
// it and can write none of it. Refusals name the rule and change nothing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "renstra/v1/plan_service.pb.h"
#include "renstra/v1/users.pb.h"
#include "renstra/v1/workflow_service.pb.h"
#include "tests/e2e/e2e_fixture.h"
#include "tests/e2e/process.h"

namespace renstra::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr char kKadisToken[] = "kadis-3b9f0c51e2d74a86";
constexpr char kRehabToken[] = "rehab-91d2e6a0c4f85b37";
constexpr char kLinjamsosToken[] = "linjamsos-5c7a1e93d0b24f68";
constexpr char kInspektoratToken[] = "inspektorat-e04b8d2a6f1c9357";

// Sub kegiatan "Penyediaan Permakanaan" (Bidang Rehabilitasi Sosial): 2025 target in
// the seed "210 Orang". Sub kegiatan "Pendataan Fakir Miskin" (Bidang Perlindungan dan
// Jaminan Sosial): 2025 funding in the seed 150.000.000.
constexpr char kRehabIndicator[] = "1.06.04.2.01.0001#1";
constexpr char kRehabCode[] = "1.06.04.2.01.0001";
constexpr char kLinjamsosCode[] = "1.06.05.2.02.001";
constexpr char kLinjamsosCanonical[] = "1.06.05.2.02.0001";
constexpr char kLinjamsosKegiatan[] = "1.06.05.2.02";
constexpr char kLegalBasis[] = "Perda Kota Dumai No. 2 Tahun 2025";
constexpr char kSigner[] = "Wali Kota Dumai";

const v1::TargetValue* TargetOf(const v1::Node& node, int year) {
  if (node.indicators_size() == 0) return nullptr;
  for (const v1::YearTarget& t : node.indicators(0).targets()) {
    if (t.year() == year) return &t.value();
  }
  return nullptr;
}

const v1::Money* FundingOf(const v1::Node& node, int year) {
  for (const v1::YearFunding& f : node.funding()) {
    if (f.year() == year) return &f.amount();
  }
  return nullptr;
}

std::vector<std::string> Ids(const google::protobuf::RepeatedPtrField<v1::ProposalView>& views) {
  std::vector<std::string> ids;
  for (const v1::ProposalView& v : views) ids.push_back(v.proposal_id());
  return ids;
}

class WorkflowEndToEnd : public SeededDaemonTest {
 protected:
  std::vector<DaemonUser> Users() const override {
    return {
        {"kadis", v1::Role::KEPALA_DINAS, v1::DIVISION_UNSPECIFIED, kKadisToken},
        {"rehab", v1::Role::KEPALA_BIDANG, v1::REHABILITASI_SOSIAL, kRehabToken},
        {"linjamsos", v1::Role::KEPALA_BIDANG, v1::PERLINDUNGAN_JAMINAN_SOSIAL, kLinjamsosToken},
        {"inspektorat", v1::Role::INSPEKTORAT, v1::DIVISION_UNSPECIFIED, kInspektoratToken}};
  }

  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(SeededDaemonTest::SetUp());
    ASSERT_GT(server_.ready.plan_version, 0);
  }

  int64_t PlanVersion() {
    CommandResult plan = As(kInspektoratToken, {"plan", "show", "--json"});
    EXPECT_EQ(plan.exit_code, 0) << plan.err;
    return FromJson<v1::GetPlanResponse>(plan.out).plan().version();
  }
};

TEST_F(WorkflowEndToEnd, DivisionsProposeKepalaDinasRatifiesAndTheInspectorateOnlyReads) {
  const int64_t v0 = server_.ready.plan_version;

  // Rehabilitasi Sosial proposes a new 2025 target and submits it.
  CommandResult rehab =
      As(kRehabToken, {"propose", "--title", "Target permakanaan 2025", "--justification",
                       "Jumlah penerima bertambah", "--set-target",
                       std::string(kRehabIndicator) + ":2025=220 Orang", "--submit", "--json"});
  ASSERT_EQ(rehab.exit_code, 0) << rehab.err;
  const auto rehab_view = FromJson<v1::ProposalView>(rehab.out);
  const std::string rehab_id = rehab_view.proposal_id();
  EXPECT_EQ(rehab_view.status(), v1::SUBMITTED);
  EXPECT_EQ(rehab_view.proposer(), "rehab");
  EXPECT_EQ(rehab_view.division(), v1::REHABILITASI_SOSIAL);
  EXPECT_EQ(rehab_view.base_version(), v0);
  ASSERT_EQ(rehab_view.changes_size(), 1);
  const v1::SetTarget& target = rehab_view.changes(0).set_target();
  EXPECT_EQ(target.indicator_id(), kRehabIndicator);
  EXPECT_EQ(target.year(), 2025);
  EXPECT_EQ(target.value().kind(), v1::TargetValue::NUMBER);
  EXPECT_EQ(target.value().low().units(), 220);
  EXPECT_EQ(target.value().unit(), "Orang");
  EXPECT_EQ(target.value().written(), "220 Orang");
  EXPECT_EQ(target.before().written(), "210 Orang");

  // Perlindungan dan Jaminan Sosial proposes new 2025 funding and submits it, stating
  // its kegiatan's 2025 itself (15.460.000.000) rather than taking the derived
  // 15.475.000.000: the one path here that still adds a finding.
  CommandResult linjamsos =
      As(kLinjamsosToken,
         {"propose", "--justification", "Pendataan ulang DTKS", "--set-funding",
          std::string(kLinjamsosCode) + ":2025=175.000.000", "--set-funding",
          std::string(kLinjamsosKegiatan) + ":2025=15.460.000.000", "--submit", "--json"});
  ASSERT_EQ(linjamsos.exit_code, 0) << linjamsos.err;
  const auto linjamsos_view = FromJson<v1::ProposalView>(linjamsos.out);
  const std::string linjamsos_id = linjamsos_view.proposal_id();
  EXPECT_NE(linjamsos_id, rehab_id);
  EXPECT_EQ(linjamsos_view.status(), v1::SUBMITTED);
  ASSERT_EQ(linjamsos_view.changes_size(), 2);
  const v1::SetFunding& funding = linjamsos_view.changes(0).set_funding();
  EXPECT_EQ(funding.node_code(), kLinjamsosCanonical);
  EXPECT_EQ(funding.amount().rupiah(), 175000000);
  EXPECT_EQ(funding.amount().written(), "175.000.000");
  EXPECT_EQ(funding.before().rupiah(), 150000000);

  // Both await the Kepala Dinas.
  CommandResult kadis_inbox = As(kKadisToken, {"inbox", "--json"});
  ASSERT_EQ(kadis_inbox.exit_code, 0) << kadis_inbox.err;
  EXPECT_THAT(Ids(FromJson<v1::GetInboxResponse>(kadis_inbox.out).awaiting_decision()),
              ElementsAre(rehab_id, linjamsos_id));

  // The Kepala Dinas returns rehab's proposal with a note; it shows in rehab's inbox.
  const std::string note = "Sesuaikan dengan data DTKS terbaru (225 Orang)";
  CommandResult returned = As(kKadisToken, {"review", rehab_id, "--return", "--note", note});
  ASSERT_EQ(returned.exit_code, 0) << returned.err;
  EXPECT_THAT(returned.out, StartsWith("Usulan " + rehab_id + " [DIKEMBALIKAN] "));
  CommandResult rehab_inbox = As(kRehabToken, {"inbox", "--json"});
  ASSERT_EQ(rehab_inbox.exit_code, 0) << rehab_inbox.err;
  const auto inbox = FromJson<v1::GetInboxResponse>(rehab_inbox.out);
  ASSERT_EQ(inbox.returned_to_me_size(), 1);
  EXPECT_EQ(inbox.returned_to_me(0).proposal_id(), rehab_id);
  EXPECT_EQ(inbox.returned_to_me(0).last_note(), note);
  EXPECT_EQ(inbox.my_open_size(), 0);
  CommandResult rehab_inbox_text = As(kRehabToken, {"inbox"});
  EXPECT_THAT(rehab_inbox_text.out, HasSubstr("Dikembalikan kepada saya (1)\n  " + rehab_id +
                                              "  DIKEMBALIKAN  rehab  Bidang Rehabilitasi Sosial"));
  EXPECT_THAT(rehab_inbox_text.out, HasSubstr("\n    catatan: " + note + "\n"));

  // Rehab revises to 225 Orang and resubmits.
  CommandResult revised = As(kRehabToken, {"proposal", "revise", rehab_id, "--set-target",
                                           std::string(kRehabIndicator) + ":2025=225 Orang"});
  ASSERT_EQ(revised.exit_code, 0) << revised.err;
  EXPECT_THAT(revised.out,
              HasSubstr("    1. target 1.06.04.2.01.0001#1 2025: 210 Orang \xE2\x86\x92 "
                        "225 Orang\n"));
  CommandResult resubmitted =
      As(kRehabToken, {"proposal", "submit", rehab_id, "--note", "Sudah disesuaikan", "--json"});
  ASSERT_EQ(resubmitted.exit_code, 0) << resubmitted.err;
  EXPECT_EQ(FromJson<v1::ProposalView>(resubmitted.out).status(), v1::SUBMITTED);

  // The Kepala Dinas approves both.
  for (const std::string& id : {rehab_id, linjamsos_id}) {
    CommandResult approved = As(kKadisToken, {"review", id, "--approve", "--json"});
    ASSERT_EQ(approved.exit_code, 0) << approved.err;
    const auto view = FromJson<v1::ProposalView>(approved.out);
    EXPECT_EQ(view.status(), v1::APPROVED);
    EXPECT_EQ(view.reviewer(), "kadis");
  }

  // ... opens "Perubahan Renstra 2025" and ratifies both.
  CommandResult opened =
      As(kKadisToken, {"revision", "open", "--name", "Perubahan Renstra 2025", "--json"});
  ASSERT_EQ(opened.exit_code, 0) << opened.err;
  EXPECT_EQ(FromJson<v1::RevisionInfo>(opened.out).name(), "Perubahan Renstra 2025");
  const std::vector<std::string> ratify = {
      "revision", "ratify",           "--legal-basis", kLegalBasis, "--signer",
      kSigner,    "--effective-date", "2025-07-01",    "--reason",  "Penyesuaian target dan pagu",
      rehab_id,   linjamsos_id};
  auto with = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = ratify;
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
  };
  // The dry run: the plan after both, and the one finding they add. The consequences
  // (consequences.h) keep the rest consistent: 1.06.04.2.01.0001's end of period follows
  // its 225 Orang (720 -> 735 Orang), 1.06.05.2.02.0001's end-of-period Rp its 2025;
  // but kegiatan 1.06.05.2.02's 2025 is stated by the proposer as 15.460.000.000 while
  // its children add up to 15.475.000.000. Nothing recorded.
  CommandResult dry_run = As(kKadisToken, with({"--dry-run"}));
  ASSERT_EQ(dry_run.exit_code, 0) << dry_run.err;
  EXPECT_EQ(dry_run.out.substr(0, dry_run.out.find('\n', dry_run.out.find('\n') + 1) + 1),
            "Pratinjau pengesahan REV-1 \"Perubahan Renstra 2025\" (perubahan ke-1), usulan: " +
                rehab_id + " " + linjamsos_id +
                "\nTidak ada yang dicatat. Renstra sesudah pengesahan:\n");
  const size_t findings = dry_run.out.find("Temuan yang bertambah");
  ASSERT_NE(findings, std::string::npos) << dry_run.out;
  EXPECT_EQ(dry_run.out.substr(findings),
            "Temuan yang bertambah (1):\n"
            "  PARENT_CHILDREN_FUNDING 1.06.05.2.02 tahun=2025 tertulis=15.460.000.000 "
            "hitungan=15.475.000.000 : 1.06.05.2.02 2025: Rp 15.460.000.000, its children add up "
            "to 15.475.000.000\n"
            "Temuan yang hilang (0): -\n"
            "Pengesahan ini akan ditolak karena menambah temuan; perbaiki usulannya, atau "
            "terima temuannya dengan --accept-findings --accept-reason \"ALASAN\".\n");
  // Ratified as it is, it is refused and changes nothing.
  CommandResult refused = As(kKadisToken, ratify);
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_EQ(refused.err,
            "renstra: refused: the ratification would add 1 finding to the plan; nothing "
            "applied; correct the proposals, or accept with accept_findings and accept_reason: "
            "PARENT_CHILDREN_FUNDING 1.06.05.2.02 2025\n");
  CommandResult no_reason = As(kKadisToken, with({"--accept-findings"}));
  EXPECT_EQ(no_reason.exit_code, 1);
  EXPECT_EQ(no_reason.err,
            "renstra: invalid request: accept_reason: required with accept_findings (why the "
            "findings the ratification adds are accepted)\n");
  // The Kepala Dinas accepts them, with a reason.
  CommandResult ratified = As(kKadisToken, with({"--accept-findings", "--accept-reason",
                                                 "Kondisi akhir disesuaikan kemudian", "--json"}));
  ASSERT_EQ(ratified.exit_code, 0) << ratified.err;
  const auto revision = FromJson<v1::RevisionInfo>(ratified.out);
  EXPECT_EQ(revision.revision_number(), 1);
  EXPECT_EQ(revision.name(), "Perubahan Renstra 2025");
  EXPECT_EQ(revision.legal_basis(), kLegalBasis);
  EXPECT_EQ(revision.signer(), kSigner);
  EXPECT_EQ(revision.effective_date(), "2025-07-01");
  EXPECT_EQ(revision.ratified_by(), "kadis");
  EXPECT_THAT(revision.proposal_ids(), ElementsAre(rehab_id, linjamsos_id));
  EXPECT_EQ(revision.accept_reason(), "Kondisi akhir disesuaikan kemudian");
  EXPECT_EQ(revision.accepted_findings_size(), 1);

  // The plan: revision 1, a new version, the new values. Ten events: the revision
  // opened and ratified; rehab's target and the end-of-period target it implies;
  // linjamsos's sub kegiatan and its row's end-of-period Rp, the kegiatan as stated,
  // its row's end-of-period Rp, and the program's 2025 and end-of-period Rp that follow.
  const int64_t v1_version = v0 + 10;
  CommandResult plan = As(kInspektoratToken, {"plan", "show", "--json"});
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  const v1::Plan current = FromJson<v1::GetPlanResponse>(plan.out).plan();
  EXPECT_EQ(current.revision(), 1);
  EXPECT_EQ(current.version(), v1_version);
  EXPECT_FALSE(current.locked());
  ASSERT_EQ(current.revisions_size(), 1);
  EXPECT_EQ(current.revisions(0).legal_basis(), kLegalBasis);

  CommandResult node = As(kRehabToken, {"plan", "show", "--code", kRehabCode, "--json"});
  ASSERT_EQ(node.exit_code, 0) << node.err;
  const auto subtree = FromJson<v1::GetSubtreeResponse>(node.out);
  EXPECT_EQ(subtree.plan_version(), v1_version);
  ASSERT_NE(TargetOf(subtree.node(), 2025), nullptr);
  EXPECT_EQ(TargetOf(subtree.node(), 2025)->written(), "225 Orang");
  EXPECT_EQ(TargetOf(subtree.node(), 2026)->written(), "210 Orang");
  CommandResult funded = As(kLinjamsosToken, {"plan", "show", "--code", kLinjamsosCode, "--json"});
  ASSERT_EQ(funded.exit_code, 0) << funded.err;
  // Keep the response alive: FundingOf returns a pointer into it.
  const auto funded_subtree = FromJson<v1::GetSubtreeResponse>(funded.out);
  const v1::Money* amount = FundingOf(funded_subtree.node(), 2025);
  ASSERT_NE(amount, nullptr);
  EXPECT_EQ(amount->rupiah(), 175000000);
  CommandResult text = As(kKadisToken, {"plan", "show", "--code", kRehabCode});
  EXPECT_THAT(text.out, HasSubstr("\n        2025   225 Orang  350.000.000\n"));

  // The plan as it was before the revision.
  CommandResult old = As(kInspektoratToken, {"plan", "show", "--version", std::to_string(v0),
                                             "--code", "1.06.04.2.01.001", "--json"});
  ASSERT_EQ(old.exit_code, 0) << old.err;
  const auto old_subtree = FromJson<v1::GetSubtreeResponse>(old.out);
  EXPECT_EQ(old_subtree.plan_version(), v0);
  ASSERT_NE(TargetOf(old_subtree.node(), 2025), nullptr);
  EXPECT_EQ(TargetOf(old_subtree.node(), 2025)->written(), "210 Orang");
  CommandResult old_plan = As(kInspektoratToken, {"plan", "show", "--version", std::to_string(v0)});
  ASSERT_EQ(old_plan.exit_code, 0) << old_plan.err;
  EXPECT_THAT(old_plan.out, HasSubstr(", versi " + std::to_string(v0) +
                                      ")\nPerubahan ke-0 (sesuai dokumen yang diimpor); belum "
                                      "terkunci\n"));

  // The Kepala Dinas locks the ratified version.
  CommandResult locked = As(kKadisToken, {"plan", "lock"});
  ASSERT_EQ(locked.exit_code, 0) << locked.err;
  EXPECT_EQ(locked.out, "Renstra dikunci pada perubahan ke-1, renstra versi " +
                            std::to_string(v1_version + 1) + "\n");
  CommandResult header = As(kInspektoratToken, {"plan", "show"});
  ASSERT_EQ(header.exit_code, 0) << header.err;
  EXPECT_THAT(header.out, HasSubstr(", versi " + std::to_string(v1_version + 1) +
                                    ")\nPerubahan ke-1 (Perubahan Renstra 2025; dasar hukum: " +
                                    kLegalBasis + "); terkunci\n"));

  // The inspectorate reads everything (with a token file here)...
  const std::string token_file = tmp_ / "inspektorat.token";
  std::ofstream(token_file) << kInspektoratToken << "\n";
  auto inspect = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"--token-file", token_file});
    return As("", args);
  };
  CommandResult list = inspect({"proposal", "list", "--json"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  const auto proposals = FromJson<v1::ListProposalsResponse>(list.out);
  ASSERT_EQ(proposals.proposals_size(), 2);
  for (const v1::ProposalView& p : proposals.proposals()) {
    EXPECT_EQ(p.status(), v1::APPLIED) << p.proposal_id();
  }
  CommandResult applied = inspect({"proposal", "list", "--status", "applied"});
  ASSERT_EQ(applied.exit_code, 0) << applied.err;
  EXPECT_THAT(applied.out, StartsWith(rehab_id + "  DITERAPKAN  rehab  "));
  CommandResult revisions = inspect({"revision", "list", "--json"});
  ASSERT_EQ(revisions.exit_code, 0) << revisions.err;
  const auto history = FromJson<v1::ListRevisionsResponse>(revisions.out);
  ASSERT_EQ(history.revisions_size(), 1);
  EXPECT_EQ(history.revisions(0).signer(), kSigner);
  EXPECT_TRUE(history.locked());
  CommandResult shown = inspect({"proposal", "show", rehab_id});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_THAT(shown.out, HasSubstr("dikembalikan oleh kadis (KEPALA_DINAS): " + note + "\n"));
  CommandResult own_inbox = inspect({"inbox"});
  ASSERT_EQ(own_inbox.exit_code, 0) << own_inbox.err;
  EXPECT_EQ(own_inbox.out,
            "Menunggu keputusan saya (0)\nDikembalikan kepada saya (0)\n"
            "Usulan saya yang masih terbuka (0)\n");

  // ... and can write none of it; each refusal names the rule.
  const std::string denied = "renstra: permission denied: rule: only ";
  const std::vector<std::pair<std::vector<std::string>, std::string>> writes = {
      {{"propose", "--justification", "x", "--set-target",
        std::string(kRehabIndicator) + ":2026=1 Orang"},
       "KEPALA_BIDANG or SEKRETARIAT may propose changes; inspektorat is INSPEKTORAT\n"},
      {{"review", rehab_id, "--approve"},
       "KEPALA_DINAS may review proposals; inspektorat is INSPEKTORAT\n"},
      {{"revision", "open", "--name", "Perubahan Renstra 2026"},
       "KEPALA_DINAS may open a revision; inspektorat is INSPEKTORAT\n"},
      {{"revision", "ratify", "--legal-basis", kLegalBasis, "--signer", kSigner, "--effective-date",
        "2025-07-01", rehab_id},
       "KEPALA_DINAS may ratify a revision; inspektorat is INSPEKTORAT\n"},
      {{"plan", "lock"}, "KEPALA_DINAS may lock the plan; inspektorat is INSPEKTORAT\n"},
  };
  for (const auto& [args, rule] : writes) {
    CommandResult refused = inspect(args);
    EXPECT_EQ(refused.exit_code, 1) << args[0];
    EXPECT_EQ(refused.err, denied + rule);
    EXPECT_EQ(refused.out, "");
  }
  EXPECT_EQ(PlanVersion(), v1_version + 1);
}

// Issue 15: the Kepala Dinas ratifies two ordinary changes (a cumulative target
// 210 -> 230 Orang, a funding 150.000.000 -> 165.000.000). The proposal shows their
// consequences, the ratification applies them, and `plan validate` then reports exactly
// the seed's own findings.
TEST_F(WorkflowEndToEnd, OrdinaryChangesCarryTheirConsequencesAndAddNoFinding) {
  CommandResult before = As(kInspektoratToken, {"plan", "validate"});
  ASSERT_EQ(before.exit_code, 0) << before.err;
  CommandResult proposed =
      As(kRehabToken, {"propose", "--justification", "Perubahan APBD 2025", "--set-target",
                       std::string(kRehabIndicator) + ":2025=230 Orang", "--set-funding",
                       "1.06.04.2.01.002:2025=165.000.000", "--submit", "--json"});
  ASSERT_EQ(proposed.exit_code, 0) << proposed.err;
  const std::string id = FromJson<v1::ProposalView>(proposed.out).proposal_id();
  CommandResult shown = As(kKadisToken, {"proposal", "show", id});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  const std::string arrow = " \xE2\x86\x92 ";
  EXPECT_THAT(shown.out,
              HasSubstr("  akibat perubahan (ikut diterapkan saat disahkan):\n"
                        "    (1) 1.06.04.2.01.001 target akhir periode 1.06.04.2.01.0001#1: "
                        "720 Orang" +
                        arrow +
                        "740 Orang\n"
                        "    (2) 1.06.04.2.01.002 Rp akhir periode 1.06.04.2.01.0002#1: "
                        "412.521.000" +
                        arrow +
                        "427.521.000\n"
                        "    (2) 1.06.04.2.01 pagu 2025: 1.700.000.000" +
                        arrow +
                        "1.715.000.000\n"
                        "    (2) 1.06.04.2.01 Rp akhir periode 1.06.04.2.01#1: 9.474.536.387" +
                        arrow +
                        "9.489.536.387\n"
                        "    (2) 1.06.04 pagu 2025: 2.200.000.000" +
                        arrow +
                        "2.215.000.000\n"
                        "    (2) 1.06.04 Rp akhir periode 1.06.04#1: 10.734.536.387" +
                        arrow + "10.749.536.387\n"));
  ASSERT_EQ(As(kKadisToken, {"review", id, "--approve"}).exit_code, 0);
  ASSERT_EQ(As(kKadisToken, {"revision", "open", "--name", "Perubahan Renstra 2025"}).exit_code, 0);
  CommandResult ratified =
      As(kKadisToken, {"revision", "ratify", "--legal-basis", kLegalBasis, "--signer", kSigner,
                       "--effective-date", "2025-07-01", id, "--json"});
  ASSERT_EQ(ratified.exit_code, 0) << ratified.err;
  EXPECT_EQ(FromJson<v1::RevisionInfo>(ratified.out).accepted_findings_size(), 0);

  CommandResult after = As(kInspektoratToken, {"plan", "validate"});
  ASSERT_EQ(after.exit_code, 0) << after.err;
  EXPECT_EQ(after.out, before.out);
  CommandResult report = As(kInspektoratToken, {"plan", "validate", "--json"});
  ASSERT_EQ(report.exit_code, 0) << report.err;
  EXPECT_EQ(FromJson<v1::ValidateResponse>(report.out).findings_size(), 17);

  CommandResult node = As(kRehabToken, {"plan", "show", "--code", "1.06.04.2.01", "--json"});
  ASSERT_EQ(node.exit_code, 0) << node.err;
  const auto subtree = FromJson<v1::GetSubtreeResponse>(node.out);
  const v1::Money* kegiatan = FundingOf(subtree.node(), 2025);
  ASSERT_NE(kegiatan, nullptr);
  EXPECT_EQ(kegiatan->rupiah(), 1715000000);
  ASSERT_GE(subtree.node().children_size(), 2);
  EXPECT_EQ(subtree.node().children(0).indicators(0).end_target().written(), "");
  EXPECT_EQ(subtree.node().children(0).indicators(0).end_target().low().units(), 740);
  EXPECT_EQ(subtree.node().children(1).indicators(0).end_funding().rupiah(), 427521000);
}

TEST_F(WorkflowEndToEnd, RefusalsNameTheRuleAndChangeNothing) {
  const int64_t v0 = server_.ready.plan_version;

  // A division head proposing for another division's node.
  CommandResult other = As(kRehabToken, {"propose", "--justification", "x", "--set-funding",
                                         std::string(kLinjamsosCode) + ":2025=175.000.000"});
  EXPECT_EQ(other.exit_code, 1);
  EXPECT_EQ(other.err,
            "renstra: permission denied: rule: a division proposes and records only for its "
            "own nodes; changes[0].set_funding: node 1.06.05.2.02.0001 belongs to Bidang "
            "Perlindungan dan Jaminan Sosial, rehab acts for Bidang Rehabilitasi Sosial\n");

  // No credentials, and an unknown token.
  CommandResult anonymous = As("", {"inbox"});
  EXPECT_EQ(anonymous.exit_code, 1);
  EXPECT_EQ(anonymous.err,
            "renstra: not authenticated: no credentials: send \"authorization: Bearer "
            "<token>\" (set RENSTRA_TOKEN or --token-file)\n");
  CommandResult anonymous_read = As("", {"plan", "show", "--code", kRehabCode});
  EXPECT_EQ(anonymous_read.exit_code, 1);
  EXPECT_EQ(anonymous_read.err, anonymous.err);
  CommandResult unknown = As("not-a-token", {"proposal", "list"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_EQ(unknown.err,
            "renstra: not authenticated: unknown token (set RENSTRA_TOKEN or --token-file)\n");

  // A target whose unit is not the indicator's: refused by the server, naming the field.
  CommandResult unit = As(kRehabToken, {"propose", "--justification", "x", "--set-target",
                                        std::string(kRehabIndicator) + ":2025=50%"});
  EXPECT_EQ(unit.exit_code, 1);
  EXPECT_EQ(unit.err,
            "renstra: invalid request: changes[0].set_target.value: unit \"%\" does not match "
            "the indicator's unit \"Orang\"\n");

  // Values the CLI cannot read: a usage error before anything is sent.
  CommandResult english = As(kRehabToken, {"propose", "--justification", "x", "--set-target",
                                           std::string(kRehabIndicator) + ":2025=4.19"});
  EXPECT_EQ(english.exit_code, 2);
  EXPECT_EQ(english.err,
            "renstra: --set-target \"1.06.04.2.01.0001#1:2025=4.19\": target \"4.19\": "
            "thousands groups must have three digits (write decimals with a comma: 4,19)\n");
  CommandResult shape = As(kRehabToken, {"propose", "--justification", "x", "--retire", "2025"});
  EXPECT_EQ(shape.exit_code, 2);
  EXPECT_EQ(shape.err, "renstra: --retire \"2025\": bentuknya harus KODE:SEJAK_TAHUN\n");
  CommandResult no_change = As(kRehabToken, {"propose", "--justification", "x"});
  EXPECT_EQ(no_change.exit_code, 2);
  CommandResult no_decision = As(kKadisToken, {"review", "USL-0001"});
  EXPECT_EQ(no_decision.exit_code, 2);
  EXPECT_EQ(no_decision.err,
            "renstra: review: berikan salah satu dari --approve, --reject atau --return\n");

  // A retry with the same request id returns the original proposal and adds nothing.
  const std::vector<std::string> propose = {"propose",
                                            "--justification",
                                            "Target 2026",
                                            "--set-target",
                                            std::string(kRehabIndicator) + ":2026=230 Orang",
                                            "--request-id",
                                            "e2e-retry-0001",
                                            "--json"};
  CommandResult first = As(kRehabToken, propose);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  CommandResult retry = As(kRehabToken, propose);
  ASSERT_EQ(retry.exit_code, 0) << retry.err;
  EXPECT_EQ(FromJson<v1::ProposalView>(retry.out).proposal_id(),
            FromJson<v1::ProposalView>(first.out).proposal_id());
  CommandResult list = As(kInspektoratToken, {"proposal", "list", "--json"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_EQ(FromJson<v1::ListProposalsResponse>(list.out).proposals_size(), 1);

  // A proposal changes nothing in the plan until it is ratified.
  EXPECT_EQ(PlanVersion(), v0);
}

}  // namespace
}  // namespace renstra::testing
