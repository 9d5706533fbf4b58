#include "clients/record_printer.h"

#include <string>
#include <string_view>

#include "clients/cli_app.h"
#include "clients/event_text.h"
#include "clients/terminal_text.h"
#include "domain/money.h"

namespace renstra {
namespace {

// "110 Orang", "Rp 1.234.567", or "retracted".
std::string ValueText(const v1::RealizationView& v) {
  if (v.retracted()) return "dibatalkan";
  if (v.kind() == v1::RealizationView::SPENDING) {
    // Thousands with dots, as the tables print Rupiah.
    return "Rp " + FormatRupiah(v.spent().rupiah());
  }
  return v.achieved_text();
}

std::string Subject(const v1::RealizationView& v) {
  return v.kind() == v1::RealizationView::ACHIEVEMENT ? v.indicator_id() : v.node_code();
}

// The envelope's reason is a prefix of the text, "…" marking a cut.
bool SummaryHolds(const std::string& summary, std::string_view reason) {
  constexpr std::string_view kEllipsis = "\xE2\x80\xA6";
  if (reason.size() >= kEllipsis.size() &&
      reason.substr(reason.size() - kEllipsis.size()) == kEllipsis) {
    reason.remove_suffix(kEllipsis.size());
  }
  return !reason.empty() && summary.find(reason) != std::string::npos;
}

}  // namespace

void PrintRealization(const v1::RealizationView& v, std::ostream& out) {
  static constexpr const char* kTriwulan[] = {"", " triwulan I", " triwulan II", " triwulan III",
                                              " triwulan IV"};
  out << Printable(v.realization_id()) << "  " << v.year()
      << (v.quarter() >= 1 && v.quarter() <= 4 ? kTriwulan[v.quarter()] : "") << "  "
      << Printable(Subject(v)) << "  " << Printable(ValueText(v)) << "  bukti "
      << Printable(v.evidence_ref());
  if (!v.note().empty()) out << "  \xE2\x80\x94 " << Printable(v.note());
  out << "  [" << Printable(v.principal());
  if (!v.role().empty()) out << " (" << Printable(v.role()) << ")";
  out << " " << FormatWibMicros(v.at_micros()) << "]";
  if (!v.corrects_id().empty()) out << "  mengoreksi " << Printable(v.corrects_id());
  if (!v.corrected_by().empty()) out << "  dikoreksi oleh " << Printable(v.corrected_by());
  out << "\n";
}

void PrintUser(const v1::UserView& u, std::ostream& out) {
  out << Printable(u.name()) << "  " << v1::Role::Value_Name(u.role());
  if (u.division() != v1::DIVISION_UNSPECIFIED) out << "  " << v1::Division_Name(u.division());
  if (!u.agency().empty()) out << "  " << Printable(u.agency());
  if (!u.display_name().empty()) out << "  \"" << Printable(u.display_name()) << "\"";
  if (u.disabled()) out << "  NONAKTIF";
  out << "\n";
}

void PrintAuditEvent(const v1::AuditEvent& event, std::ostream& out) {
  const v1::EventEnvelope& e = event.envelope();
  out << "#" << e.sequence() << "  " << FormatWibMicros(e.timestamp_micros()) << "  "
      << Printable(e.principal());
  if (!e.role().empty()) out << " (" << Printable(e.role()) << ")";
  const std::string described = DescribeAuditEvent(event);
  out << "  " << Printable(described);
  if (!e.reason().empty() && !SummaryHolds(described, e.reason())) {
    out << "  \xE2\x80\x94 " << Printable(e.reason());
  }
  if (!e.request_id().empty()) out << "  [permintaan " << Printable(e.request_id()) << "]";
  out << "\n";
}

}  // namespace renstra
