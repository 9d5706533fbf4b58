#include "clients/proposal_printer.h"

#include <ctime>
#include <map>
#include <sstream>

#include "clients/cli_app.h"
#include "clients/plan_printer.h"
#include "clients/terminal_text.h"

namespace renstra {
namespace {

constexpr const char* kArrow = " \xE2\x86\x92 ";  // " → "

std::string Quoted(const std::string& s) { return "\"" + Printable(s) + "\""; }

std::string Rupiah(const v1::Money& money) {
  const std::string text = FormatMoney(money);
  return text == "-" ? text : "Rp " + text;
}

std::string Targets(const google::protobuf::RepeatedPtrField<v1::YearTarget>& targets) {
  std::string out;
  for (const v1::YearTarget& t : targets) {
    out += (out.empty() ? "" : ", ") + std::to_string(t.year()) + " " + FormatTarget(t.value());
  }
  return out;
}

std::string Funding(const google::protobuf::RepeatedPtrField<v1::YearFunding>& funding) {
  std::string out;
  for (const v1::YearFunding& f : funding) {
    out += (out.empty() ? "" : ", ") + std::to_string(f.year()) + " " + Rupiah(f.amount());
  }
  return out;
}

void PrintSection(const char* title,
                  const google::protobuf::RepeatedPtrField<v1::ProposalView>& proposals,
                  std::ostream& out) {
  out << title << " (" << proposals.size() << ")\n";
  for (const v1::ProposalView& p : proposals) {
    out << "  " << ProposalLine(p) << "\n";
    if (p.status() == v1::RETURNED && !p.last_note().empty()) {
      out << "    catatan: " << Printable(p.last_note()) << "\n";
    }
  }
}

// What a history step's technical name ("drafted") means to an official.
std::string StepText(const std::string& event) {
  static const auto* const kSteps = new std::map<std::string, std::string>{
      {"drafted", "dibuat"},        {"revised", "diperbaiki"}, {"submitted", "diajukan"},
      {"withdrawn", "ditarik"},     {"approved", "disetujui"}, {"rejected", "ditolak"},
      {"returned", "dikembalikan"}, {"applied", "diterapkan"}};
  const auto found = kSteps->find(event);
  return found != kSteps->end() ? found->second : Printable(event);
}

}  // namespace

std::string ProposalStatusText(v1::ProposalStatus status) {
  switch (status) {
    case v1::DRAFT:
      return "DRAF";
    case v1::SUBMITTED:
      return "DIAJUKAN";
    case v1::APPROVED:
      return "DISETUJUI";
    case v1::REJECTED:
      return "DITOLAK";
    case v1::RETURNED:
      return "DIKEMBALIKAN";
    case v1::WITHDRAWN:
      return "DITARIK";
    case v1::APPLIED:
      return "DITERAPKAN";
    default:
      return "-";
  }
}

std::string FormatChange(const v1::Change& change) {
  std::ostringstream out;
  switch (change.kind_case()) {
    case v1::Change::kSetTarget: {
      const v1::SetTarget& t = change.set_target();
      out << "target " << Printable(t.indicator_id()) << " " << t.year() << ": "
          << FormatTarget(t.before()) << kArrow << FormatTarget(t.value());
      break;
    }
    case v1::Change::kSetFunding: {
      const v1::SetFunding& f = change.set_funding();
      out << "pagu " << Printable(f.node_code()) << " " << f.year() << ": " << Rupiah(f.before())
          << kArrow << Rupiah(f.amount());
      break;
    }
    case v1::Change::kReplaceIndicator: {
      const v1::ReplaceIndicator& r = change.replace_indicator();
      out << "indikator " << Printable(r.indicator_id()) << " mulai " << r.from_year() << ": "
          << (r.before_statement().empty() ? "-" : Quoted(r.before_statement()));
      if (r.before_to_year() != 0) out << " (sampai " << r.before_to_year() << ")";
      out << kArrow << Quoted(r.statement()) << " [" << Printable(r.unit()) << "]";
      if (r.targets_size() > 0) out << "; target " << Targets(r.targets());
      break;
    }
    case v1::Change::kAddSubActivity: {
      const v1::AddSubActivity& a = change.add_sub_activity();
      out << "sub kegiatan baru " << Printable(a.code()) << " " << Quoted(a.name())
          << "; indikator " << Quoted(a.indicator()) << " [" << Printable(a.unit()) << "]";
      if (a.targets_size() > 0) out << "; target " << Targets(a.targets());
      if (a.funding_size() > 0) out << "; pagu " << Funding(a.funding());
      break;
    }
    case v1::Change::kRetireSubActivity: {
      const v1::RetireSubActivity& r = change.retire_sub_activity();
      out << "hentikan sub kegiatan " << Printable(r.code()) << ": "
          << (r.before_retired_from() == 0
                  ? std::string("aktif")
                  : "dihentikan mulai " + std::to_string(r.before_retired_from()))
          << kArrow << "dihentikan mulai " << r.from_year();
      break;
    }
    case v1::Change::KIND_NOT_SET:
      out << "(perubahan kosong)";
      break;
  }
  return out.str();
}

std::string ProposalLine(const v1::ProposalView& p) {
  std::ostringstream out;
  out << Printable(p.proposal_id()) << "  " << ProposalStatusText(p.status()) << "  "
      << Printable(p.proposer()) << "  " << DivisionName(p.division()) << "  " << p.changes_size()
      << " perubahan";
  if (!p.title().empty()) out << "  " << Printable(p.title());
  return out.str();
}

void PrintProposal(const v1::ProposalView& p, std::ostream& out) {
  out << "Usulan " << Printable(p.proposal_id()) << " [" << ProposalStatusText(p.status()) << "]";
  if (!p.title().empty()) out << " " << Printable(p.title());
  out << "\n";
  out << "  pengusul: " << Printable(p.proposer()) << " (" << DivisionName(p.division())
      << "); berdasarkan renstra versi " << p.base_version() << "\n";
  out << "  alasan: " << PrintableLines(p.justification(), "    ") << "\n";
  if (!p.reviewer().empty()) out << "  pemeriksa: " << Printable(p.reviewer()) << "\n";
  if (!p.last_note().empty()) out << "  catatan: " << PrintableLines(p.last_note(), "    ") << "\n";
  if (!p.revision_id().empty())
    out << "  diterapkan oleh perubahan renstra " << Printable(p.revision_id()) << "\n";
  out << "  perubahan:\n";
  int number = 0;
  for (const v1::Change& change : p.changes()) {
    out << "    " << ++number << ". " << FormatChange(change) << "\n";
  }
  if (p.consequences_size() > 0) out << "  akibat perubahan (ikut diterapkan saat disahkan):\n";
  for (const v1::Consequence& c : p.consequences()) {
    out << "    (" << c.change_index() + 1 << ") " << Printable(c.code()) << " "
        << Printable(c.what()) << ": " << Printable(c.before());
    if (c.after() != c.before()) out << kArrow << Printable(c.after());
    if (!c.note().empty()) out << " (tetap: " << Printable(c.note()) << ")";
    out << "\n";
  }
  if (p.history_size() > 0) out << "  riwayat:\n";
  for (const v1::ProposalStepView& step : p.history()) {
    out << "    " << FormatWibMicros(step.at_micros()) << "  " << StepText(step.event()) << " oleh "
        << Printable(step.who()) << " (" << Printable(step.role()) << ")";
    if (!step.note().empty()) out << ": " << PrintableLines(step.note(), "      ");
    out << "\n";
  }
}

void PrintInbox(const v1::GetInboxResponse& inbox, std::ostream& out) {
  PrintSection("Menunggu keputusan saya", inbox.awaiting_decision(), out);
  PrintSection("Dikembalikan kepada saya", inbox.returned_to_me(), out);
  PrintSection("Usulan saya yang masih terbuka", inbox.my_open(), out);
}

void PrintRevision(const v1::RevisionInfo& r, std::ostream& out) {
  out << "Perubahan ke-" << r.revision_number() << " (" << Printable(r.revision_id())
      << "): " << Printable(r.name()) << "\n";
  out << "  dasar hukum: " << Printable(r.legal_basis()) << "\n";
  out << "  penandatangan: " << Printable(r.signer()) << "; tanggal berlaku "
      << Printable(r.effective_date()) << "\n";
  if (!r.reason().empty()) out << "  alasan: " << PrintableLines(r.reason(), "    ") << "\n";
  out << "  disahkan oleh " << Printable(r.ratified_by()) << " pada "
      << FormatWibMicros(r.ratified_at_micros()) << "; renstra versi " << r.plan_version() << "\n";
  out << "  usulan:";
  for (const std::string& id : r.proposal_ids()) out << " " << Printable(id);
  out << "\n";
  if (r.accepted_findings_size() > 0) {
    out << "  temuan yang diterima (" << r.accepted_findings_size()
        << "), alasan: " << PrintableLines(r.accept_reason(), "    ") << "\n";
    for (const v1::Finding& f : r.accepted_findings()) out << "    " << FormatFinding(f) << "\n";
  }
}

void PrintRatificationPreview(const v1::RatificationPreview& preview, std::ostream& out) {
  const v1::RevisionInfo& r = preview.revision();
  out << "Pratinjau pengesahan " << Printable(r.revision_id()) << " " << Quoted(r.name())
      << " (perubahan ke-" << r.revision_number() << "), usulan:";
  for (const std::string& id : r.proposal_ids()) out << " " << Printable(id);
  out << "\nTidak ada yang dicatat. Renstra sesudah pengesahan:\n";
  PrintPlan(preview.plan(), out);
  auto section = [&](const char* title,
                     const google::protobuf::RepeatedPtrField<v1::Finding>& findings) {
    out << title << " (" << findings.size() << ")" << (findings.empty() ? ": -" : ":") << "\n";
    for (const v1::Finding& f : findings) out << "  " << FormatFinding(f) << "\n";
  };
  section("Temuan yang bertambah", preview.added_findings());
  section("Temuan yang hilang", preview.removed_findings());
  if (preview.would_refuse()) {
    out << "Pengesahan ini akan ditolak karena menambah temuan; perbaiki usulannya, atau "
           "terima temuannya dengan --accept-findings --accept-reason \"ALASAN\".\n";
  } else {
    out << "Pengesahan ini dapat dilakukan.\n";
  }
}

void PrintRevisions(const v1::ListRevisionsResponse& revisions, std::ostream& out) {
  if (revisions.revisions_size() == 0) out << "Belum ada perubahan renstra yang disahkan.\n";
  for (const v1::RevisionInfo& r : revisions.revisions()) PrintRevision(r, out);
  if (revisions.has_open_revision() && !revisions.open_revision().revision_id().empty()) {
    out << "Perubahan renstra yang sedang dibuka "
        << Printable(revisions.open_revision().revision_id()) << ": "
        << Printable(revisions.open_revision().name()) << "\n";
  } else {
    out << "Tidak ada perubahan renstra yang sedang dibuka.\n";
  }
  out << "Renstra " << (revisions.locked() ? "terkunci" : "belum terkunci") << ".\n";
}

}  // namespace renstra
