#include "clients/import_printer.h"

#include <cstdint>
#include <string>

#include "clients/plan_printer.h"
#include "clients/terminal_text.h"

namespace renstra {

std::string ImportOutcomeName(v1::ImportLine::Outcome outcome) {
  switch (outcome) {
    case v1::ImportLine::IMPORTED:
      return "diimpor";
    case v1::ImportLine::SKIPPED:
      return "dilewati";
    case v1::ImportLine::REFUSED:
      return "ditolak";
    default:
      return "-";
  }
}

namespace {

// Which unit each node's Unit Kerja went to, and the rows no unit took; nothing for a
// table whose column 19 is blank.
void PrintUnits(const v1::ImportTableResponse& response, std::ostream& out) {
  if (response.units().empty() && response.unplaced_units().empty()) return;
  int nodes = 0;
  for (const v1::ImportedUnit& u : response.units()) nodes += u.nodes_size();
  out << "Unit Kerja: " << nodes << " kode pada " << response.units_size() << " unit"
      << (response.dry_run() ? " (akan ditugaskan)" : " (ditugaskan)") << ", "
      << response.unplaced_units_size() << " baris tidak ditempatkan\n";
  for (const v1::ImportedUnit& u : response.units()) {
    out << "  " << Printable(u.unit()) << " (" << Printable(u.name()) << ") : " << u.nodes_size()
        << " kode\n";
  }
  for (const v1::UnplacedUnitKerja& u : response.unplaced_units()) {
    out << "  baris " << u.line() << " " << Printable(u.code()) << " \"" << Printable(u.text())
        << "\" tidak ditempatkan : " << Printable(u.reason()) << "\n";
  }
}

}  // namespace

void PrintImportReport(const v1::ImportTableResponse& response, const std::string& file,
                       const std::string& request_id, bool lines, std::ostream& out) {
  if (response.dry_run()) {
    out << "Uji coba impor " << Printable(file) << ": tidak ada yang ditulis. Yang akan dibuat:\n";
  } else {
    out << "Diimpor dari " << Printable(file) << " (id permintaan " << Printable(request_id)
        << "):\n";
  }
  // A workbook's lines are the rows of its sheet; both are "baris".
  if (!response.sheet().empty()) {
    out << "Dibaca dari lembar \"" << Printable(response.sheet()) << "\" buku kerja\n";
  }
  auto count = [&out](const std::string& label, int64_t value) {
    out << "  " << label << std::string(label.size() < 25 ? 25 - label.size() : 1, ' ') << value
        << "\n";
  };
  count("program", response.programs());
  count("kegiatan", response.activities());
  count("sub kegiatan", response.sub_activities());
  count("indikator", response.indicators());
  count("indikator lanjutan", response.continuation_indicators());
  count("tujuan", response.goals());
  count("sasaran", response.objectives());
  count("peristiwa", response.events());
  if (!response.dry_run()) count("versi renstra", response.plan_version());
  out << "Format angka : " << Printable(response.number_format_evidence()) << "\n";
  out << "Baris dilewati: " << response.skipped_size() << "\n";
  for (const v1::SkippedLine& skipped : response.skipped()) {
    out << "  baris " << skipped.line() << " : " << Printable(skipped.what()) << "\n";
  }
  if (lines) {
    out << "Semua baris: " << response.lines_size() << "\n";
    for (const v1::ImportLine& l : response.lines()) {
      out << "  baris " << l.line() << " " << ImportOutcomeName(l.outcome()) << " : "
          << Printable(l.what()) << "\n";
    }
  }
  PrintUnits(response, out);
  out << "Temuan: " << response.findings_size() << "\n";
  for (const v1::Finding& finding : response.findings()) {
    out << "  " << FormatFinding(finding) << "\n";
  }
}

}  // namespace renstra
