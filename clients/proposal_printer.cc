#include "clients/proposal_printer.h"

#include <ctime>
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
      out << "    note: " << Printable(p.last_note()) << "\n";
    }
  }
}

}  // namespace

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
      out << "funding " << Printable(f.node_code()) << " " << f.year() << ": " << Rupiah(f.before())
          << kArrow << Rupiah(f.amount());
      break;
    }
    case v1::Change::kReplaceIndicator: {
      const v1::ReplaceIndicator& r = change.replace_indicator();
      out << "indicator " << Printable(r.indicator_id()) << " from " << r.from_year() << ": "
          << (r.before_statement().empty() ? "-" : Quoted(r.before_statement()));
      if (r.before_to_year() != 0) out << " (until " << r.before_to_year() << ")";
      out << kArrow << Quoted(r.statement()) << " [" << Printable(r.unit()) << "]";
      if (r.targets_size() > 0) out << "; targets " << Targets(r.targets());
      break;
    }
    case v1::Change::kAddSubActivity: {
      const v1::AddSubActivity& a = change.add_sub_activity();
      out << "new sub kegiatan " << Printable(a.code()) << " " << Quoted(a.name()) << "; indicator "
          << Quoted(a.indicator()) << " [" << Printable(a.unit()) << "]";
      if (a.targets_size() > 0) out << "; targets " << Targets(a.targets());
      if (a.funding_size() > 0) out << "; funding " << Funding(a.funding());
      break;
    }
    case v1::Change::kRetireSubActivity: {
      const v1::RetireSubActivity& r = change.retire_sub_activity();
      out << "retire sub kegiatan " << Printable(r.code()) << ": "
          << (r.before_retired_from() == 0
                  ? std::string("active")
                  : "retired from " + std::to_string(r.before_retired_from()))
          << kArrow << "retired from " << r.from_year();
      break;
    }
    case v1::Change::KIND_NOT_SET:
      out << "(empty change)";
      break;
  }
  return out.str();
}

std::string ProposalLine(const v1::ProposalView& p) {
  std::ostringstream out;
  out << Printable(p.proposal_id()) << "  " << v1::ProposalStatus_Name(p.status()) << "  "
      << Printable(p.proposer()) << "  " << DivisionName(p.division()) << "  " << p.changes_size()
      << (p.changes_size() == 1 ? " change" : " changes");
  if (!p.title().empty()) out << "  " << Printable(p.title());
  return out.str();
}

void PrintProposal(const v1::ProposalView& p, std::ostream& out) {
  out << "Proposal " << Printable(p.proposal_id()) << " [" << v1::ProposalStatus_Name(p.status())
      << "]";
  if (!p.title().empty()) out << " " << Printable(p.title());
  out << "\n";
  out << "  proposer: " << Printable(p.proposer()) << " (" << DivisionName(p.division())
      << "); based on plan version " << p.base_version() << "\n";
  out << "  justification: " << PrintableLines(p.justification(), "    ") << "\n";
  if (!p.reviewer().empty()) out << "  reviewer: " << Printable(p.reviewer()) << "\n";
  if (!p.last_note().empty()) out << "  note: " << PrintableLines(p.last_note(), "    ") << "\n";
  if (!p.revision_id().empty())
    out << "  applied by revision " << Printable(p.revision_id()) << "\n";
  out << "  changes:\n";
  int number = 0;
  for (const v1::Change& change : p.changes()) {
    out << "    " << ++number << ". " << FormatChange(change) << "\n";
  }
  if (p.history_size() > 0) out << "  history:\n";
  for (const v1::ProposalStepView& step : p.history()) {
    out << "    " << FormatWibMicros(step.at_micros()) << "  " << Printable(step.event()) << " by "
        << Printable(step.who()) << " (" << Printable(step.role()) << ")";
    if (!step.note().empty()) out << ": " << PrintableLines(step.note(), "      ");
    out << "\n";
  }
}

void PrintInbox(const v1::GetInboxResponse& inbox, std::ostream& out) {
  PrintSection("Awaiting my decision", inbox.awaiting_decision(), out);
  PrintSection("Returned to me", inbox.returned_to_me(), out);
  PrintSection("My open proposals", inbox.my_open(), out);
}

void PrintRevision(const v1::RevisionInfo& r, std::ostream& out) {
  out << "Revision " << r.revision_number() << " (" << Printable(r.revision_id())
      << "): " << Printable(r.name()) << "\n";
  out << "  dasar hukum: " << Printable(r.legal_basis()) << "\n";
  out << "  signer: " << Printable(r.signer()) << "; effective " << Printable(r.effective_date())
      << "\n";
  if (!r.reason().empty()) out << "  reason: " << PrintableLines(r.reason(), "    ") << "\n";
  out << "  ratified by " << Printable(r.ratified_by()) << " at "
      << FormatWibMicros(r.ratified_at_micros()) << "; plan version " << r.plan_version() << "\n";
  out << "  proposals:";
  for (const std::string& id : r.proposal_ids()) out << " " << Printable(id);
  out << "\n";
}

void PrintRevisions(const v1::ListRevisionsResponse& revisions, std::ostream& out) {
  if (revisions.revisions_size() == 0) out << "No ratified revision yet.\n";
  for (const v1::RevisionInfo& r : revisions.revisions()) PrintRevision(r, out);
  if (revisions.has_open_revision() && !revisions.open_revision().revision_id().empty()) {
    out << "Open revision " << Printable(revisions.open_revision().revision_id()) << ": "
        << Printable(revisions.open_revision().name()) << "\n";
  } else {
    out << "No revision is open.\n";
  }
  out << "Plan " << (revisions.locked() ? "locked" : "not locked") << ".\n";
}

}  // namespace renstra
