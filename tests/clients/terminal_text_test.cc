// The client's escaping of server text (issue 11, item 8): every printer writes a
// stored ESC, CR, BEL, NUL or C1 control visibly, never raw.
#include "clients/terminal_text.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "clients/diff_printer.h"
#include "clients/plan_printer.h"
#include "clients/proposal_printer.h"
#include "clients/record_printer.h"
#include "clients/report_printer.h"
#include "renstra/v1/workflow.pb.h"

namespace renstra {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// What an attacker stores: clear the screen, retitle the window, ring, NUL, CR, CSI.
const std::string kHostile =
    std::string("ok\x1b[2J\x1b]0;x\x07\r", 13) + std::string(1, '\0') + "\xC2\x9B" + "31m";
const std::string kEscaped = "ok\\x1b[2J\\x1b]0;x\\x07\\r\\x00\\u009b31m";

// No raw control character except line feeds (and tabs, the separators of TSV).
bool Clean(const std::string& s, bool tabs = false) {
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '\t' && tabs) continue;
    if ((c < 0x20 && c != '\n') || c == 0x7F) return false;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0x9F) return false;
  }
  return true;
}

TEST(TerminalTextTest, PrintableEscapesEveryControl) {
  EXPECT_EQ(Printable(kHostile), kEscaped);
  EXPECT_EQ(Printable("dua\nbaris\tdan DEL\x7f"), "dua\\nbaris\\tdan DEL\\x7f");
  EXPECT_EQ(Printable("Rp 1.250.000 \xE2\x80\x93 Dinas Sosial \xC2\xA0"),
            "Rp 1.250.000 \xE2\x80\x93 Dinas Sosial \xC2\xA0");
  // A lone continuation byte and a truncated sequence are not UTF-8.
  EXPECT_EQ(Printable("a\x9b"
                      "b\xE2\x80"),
            "a\\x9bb\\xe2\\x80");
}

TEST(TerminalTextTest, PrintableLinesKeepsLineFeedsIndentedAndTabs) {
  EXPECT_EQ(PrintableLines("satu\ndua\tx\r\x1b", "  "), "satu\n  dua\tx\\r\\x1b");
}

TEST(TerminalTextTest, ProposalShowEscapesJustificationTitleAndHistory) {
  v1::ProposalView p;
  p.set_proposal_id("USL-0001");
  p.set_title(kHostile);
  p.set_justification("baris satu\n" + kHostile);
  p.set_proposer("rehab");
  p.set_last_note(kHostile);
  v1::ProposalStepView* step = p.add_history();
  step->set_event("ProposalReturned");
  step->set_who("kadis");
  step->set_note(kHostile);
  std::ostringstream out;
  PrintProposal(p, out);
  EXPECT_TRUE(Clean(out.str())) << out.str();
  EXPECT_EQ(out.str(), "Usulan USL-0001 [-] " + kEscaped +
                           "\n  pengusul: rehab (-); berdasarkan renstra versi 0\n"
                           "  alasan: baris satu\n    " +
                           kEscaped + "\n  catatan: " + kEscaped +
                           "\n  perubahan:\n  riwayat:\n"
                           "    1970-01-01 07:00 WIB  ProposalReturned oleh kadis (): " +
                           kEscaped + "\n");
  EXPECT_TRUE(Clean(ProposalLine(p)));
}

TEST(TerminalTextTest, ChangesEscapeUnitsAndStatements) {
  v1::Change change;
  v1::AddSubActivity* a = change.mutable_add_sub_activity();
  a->set_code("1.06.04.2.01.0099");
  a->set_name(kHostile);
  a->set_indicator(kHostile);
  a->set_unit(kHostile);
  const std::string text = FormatChange(change);
  EXPECT_TRUE(Clean(text)) << text;
  EXPECT_THAT(text, HasSubstr("[" + kEscaped + "]"));
}

TEST(TerminalTextTest, RealizeListEscapesEvidenceAndNote) {
  v1::RealizationView v;
  v.set_realization_id("RLZ-000001");
  v.set_kind(v1::RealizationView::ACHIEVEMENT);
  v.set_indicator_id("1.06.04.2.01.0001#1");
  v.set_year(2025);
  v.set_achieved_text("110 Orang");
  v.set_evidence_ref(kHostile);
  v.set_note(kHostile);
  v.set_principal("rehab");
  std::ostringstream out;
  PrintRealization(v, out);
  EXPECT_TRUE(Clean(out.str())) << out.str();
  EXPECT_EQ(out.str(), "RLZ-000001  2025  1.06.04.2.01.0001#1  110 Orang  bukti " + kEscaped +
                           "  \xE2\x80\x94 " + kEscaped + "  [rehab 1970-01-01 07:00 WIB]\n");
}

TEST(TerminalTextTest, AdminUserListEscapesDisplayNames) {
  v1::UserView u;
  u.set_name("sari");
  u.set_role(v1::Role::KEPALA_BIDANG);
  u.set_display_name(kHostile);
  std::ostringstream out;
  PrintUser(u, out);
  EXPECT_EQ(out.str(), "sari  KEPALA_BIDANG  \"" + kEscaped + "\"\n");
}

// A drafted proposal's audit event as the server sends it: kind, payload and summary.
v1::AuditEvent DraftedEvent(uint64_t sequence, const std::string& id, const std::string& title,
                            const std::string& justification, const std::string& reason) {
  v1::ProposalEvent drafted;
  drafted.mutable_drafted()->set_proposer("rehab");
  drafted.mutable_drafted()->set_title(title);
  drafted.mutable_drafted()->set_justification(justification);
  drafted.mutable_drafted()->add_changes();
  v1::AuditEvent e;
  e.mutable_envelope()->set_sequence(sequence);
  e.mutable_envelope()->set_stream("proposal/" + id);
  e.mutable_envelope()->set_event_type("renstra.v1.ProposalDrafted");
  e.mutable_envelope()->set_principal("rehab");
  e.mutable_envelope()->set_reason(reason);
  drafted.SerializeToString(e.mutable_envelope()->mutable_payload());
  e.set_summary("ProposalDrafted " + id + " by rehab: " + title);
  return e;
}

TEST(TerminalTextTest, AuditHistoryEscapesDescriptionsAndReasons) {
  const v1::AuditEvent e = DraftedEvent(7, "USL-0001", kHostile, "", "lain" + kHostile);
  std::ostringstream out;
  PrintAuditEvent(e, out);
  EXPECT_TRUE(Clean(out.str())) << out.str();
  EXPECT_EQ(out.str(), "#7  1970-01-01 07:00 WIB  rehab  usulan dibuat: USL-0001 oleh rehab: " +
                           kEscaped + " (1 perubahan)  \xE2\x80\x94 lain" + kEscaped + "\n");
}

TEST(TerminalTextTest, AuditHistoryLeavesOutAReasonTheDescriptionHolds) {
  const v1::AuditEvent e =
      DraftedEvent(8, "USL-0002", "T", "Ringkasan\npanjang", "Ringkasan\xE2\x80\xA6");
  std::ostringstream out;
  PrintAuditEvent(e, out);
  EXPECT_EQ(out.str(),
            "#8  1970-01-01 07:00 WIB  rehab  usulan dibuat: USL-0002 oleh rehab: T (1 perubahan): "
            "Ringkasan\\npanjang\n");
}

TEST(TerminalTextTest, PlanDiffAndReportPrintersEscape) {
  v1::Plan plan;
  plan.set_agency(kHostile);
  v1::Node* node = plan.add_programs();
  node->set_code("1.06.01");
  node->set_name(kHostile);
  v1::Indicator* ind = node->add_indicators();
  ind->set_statement(kHostile);
  ind->set_unit(kHostile);
  std::ostringstream plan_out;
  PrintPlan(plan, plan_out);
  EXPECT_TRUE(Clean(plan_out.str())) << plan_out.str();
  EXPECT_THAT(plan_out.str(), HasSubstr(kEscaped));

  v1::DiffVersionsResponse diff;
  v1::DiffEntry* entry = diff.add_entries();
  entry->set_node_code("1.06.01");
  entry->set_node_name(kHostile);
  entry->set_before(kHostile);
  entry->set_after("x");
  entry->set_revision_id("REV-1");
  entry->set_legal_basis(kHostile);
  std::ostringstream diff_out, tsv_out;
  PrintDiffTable(diff, diff_out);
  PrintDiffTsv(diff, tsv_out);
  EXPECT_TRUE(Clean(diff_out.str())) << diff_out.str();
  EXPECT_TRUE(Clean(tsv_out.str(), /*tabs=*/true)) << tsv_out.str();
  EXPECT_THAT(diff_out.str(), HasSubstr(kEscaped));

  ReportTable table;
  table.title = "T-C.23 " + kHostile;
  table.header = {"Kode", "Uraian"};
  table.rows = {{"1.06.01", kHostile}};
  table.depth = {0};
  std::ostringstream table_out, csv_out;
  PrintTable(table, table_out);
  PrintDelimited(table, ',', csv_out);
  EXPECT_TRUE(Clean(table_out.str())) << table_out.str();
  EXPECT_TRUE(Clean(csv_out.str())) << csv_out.str();
}

}  // namespace
}  // namespace renstra
