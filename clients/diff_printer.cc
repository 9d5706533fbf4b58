#include "clients/diff_printer.h"

#include <optional>
#include <vector>

#include "clients/report_html.h"
#include "clients/terminal_text.h"
#include "clients/value_parser.h"

namespace renstra {
namespace {

std::string Join(const google::protobuf::RepeatedPtrField<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + Printable(item);
  return out;
}

// The columns of one entry, in table order.
std::vector<std::string> Columns(const v1::DiffEntry& e) {
  const std::string what = Printable(e.indicator_id().empty() ? e.node_code() : e.indicator_id());
  return {DiffKindName(e.kind()),
          what,
          e.year() == 0 ? "" : std::to_string(e.year()),
          Printable(e.before()),
          Printable(e.after()),
          e.revision_id().empty() ? "" : Printable(e.revision_id() + " " + e.revision_name()),
          Printable(e.legal_basis()),
          Join(e.proposal_ids()),
          Join(e.proposers()),
          Join(e.approvers())};
}

const std::vector<std::string>& Headers() {
  static const std::vector<std::string> kHeaders = {
      "perubahan",         "kode/indikator", "tahun",  "sebelum",        "sesudah",
      "perubahan renstra", "dasar hukum",    "usulan", "diusulkan oleh", "disetujui oleh"};
  return kHeaders;
}

std::string TsvCell(std::string s) {
  for (char& c : s) {
    if (c == '\t' || c == '\n') c = ' ';
  }
  return s;
}

}  // namespace

std::string DiffKindName(v1::DiffEntry::Kind kind) {
  switch (kind) {
    case v1::DiffEntry::TARGET_CHANGED:
      return "target";
    case v1::DiffEntry::FUNDING_CHANGED:
      return "pagu";
    case v1::DiffEntry::INDICATOR_REPLACED:
      return "indikator diganti";
    case v1::DiffEntry::INDICATOR_ADDED:
      return "indikator ditambahkan";
    case v1::DiffEntry::NODE_ADDED:
      return "nomenklatur ditambahkan";
    case v1::DiffEntry::NODE_RETIRED:
      return "nomenklatur dihentikan";
    default:
      return "perubahan";
  }
}

ReportTable DiffReportTable(const v1::DiffVersionsResponse& diff) {
  ReportTable t;
  t.title = "Perubahan Renstra: versi " + std::to_string(diff.from_version()) + " → " +
            std::to_string(diff.to_version());
  t.sheet_name = "Perubahan";
  t.header = Headers();
  for (const v1::DiffEntry& e : diff.entries()) {
    std::vector<std::string> cells = Columns(e);
    std::vector<std::optional<CellNumber>> numbers(cells.size());
    if (e.year() != 0) numbers[2] = CellNumber{static_cast<double>(e.year()), 0, false};
    if (e.kind() == v1::DiffEntry::FUNDING_CHANGED) {
      for (size_t i : {size_t{3}, size_t{4}}) {
        // The server writes amounts the Indonesian way ("Rp 150.000.000"); one it wrote
        // otherwise stays text rather than being guessed at.
        std::string error;
        std::optional<v1::Money> money = ParseRupiah(cells[i], &error);
        if (money.has_value() && cells[i].find(',') == std::string::npos) {
          numbers[i] = CellNumber{static_cast<double>(money->rupiah()), 0, true};
        }
      }
    }
    t.rows.push_back(std::move(cells));
    t.numbers.push_back(std::move(numbers));
    t.depth.push_back(0);
  }
  return t;
}

void PrintDiffTable(const v1::DiffVersionsResponse& diff, std::ostream& out) {
  out << "Perubahan dari renstra versi " << diff.from_version() << " ke " << diff.to_version()
      << ": " << diff.entries_size() << "\n";
  for (const v1::DiffEntry& e : diff.entries()) {
    std::vector<std::string> c = Columns(e);
    out << "  " << c[0] << "  " << c[1] << (c[2].empty() ? "" : " " + c[2]);
    if (!e.node_name().empty()) out << "  (" << Printable(e.node_name()) << ")";
    out << "\n    " << (c[3].empty() ? "-" : c[3]) << " → " << (c[4].empty() ? "-" : c[4]) << "\n";
    if (!e.revision_id().empty()) {
      out << "    oleh " << c[5] << "; dasar hukum: " << c[6];
      if (!c[7].empty()) out << "; usulan " << c[7];
      if (!c[8].empty()) out << " (diusulkan oleh " << c[8] << ", disetujui oleh " << c[9] << ")";
      out << "\n";
    }
  }
}

void PrintDiffTsv(const v1::DiffVersionsResponse& diff, std::ostream& out) {
  std::string line;
  for (const std::string& h : Headers()) line += (line.empty() ? "" : "\t") + h;
  out << line << "\n";
  for (const v1::DiffEntry& e : diff.entries()) {
    line.clear();
    bool first = true;
    for (const std::string& c : Columns(e)) {
      line += (first ? "" : "\t") + TsvCell(c);
      first = false;
    }
    out << line << "\n";
  }
}

void PrintDiffHtml(const v1::DiffVersionsResponse& diff, const std::string& title,
                   std::ostream& out) {
  out << "<!DOCTYPE html>\n<html lang=\"id\"><head><meta charset=\"utf-8\">\n<title>"
      << HtmlEscape(title) << "</title>\n<style>\n"
      << "body{font-family:system-ui,sans-serif;margin:2em;color:#222}\n"
      << "table{border-collapse:collapse;width:100%;font-size:14px}\n"
      << "th,td{border:1px solid #bbb;padding:4px 6px;vertical-align:top;text-align:left}\n"
      << "th{background:#eef}\n td.before{background:#fee} td.after{background:#efe}\n"
      << "</style></head><body>\n<h1>" << HtmlEscape(title) << "</h1>\n<p>Renstra versi "
      << diff.from_version() << " → " << diff.to_version() << ": " << diff.entries_size()
      << " perubahan.</p>\n<table>\n<tr>";
  for (const std::string& h : Headers()) out << "<th>" << HtmlEscape(h) << "</th>";
  out << "</tr>\n";
  for (const v1::DiffEntry& e : diff.entries()) {
    std::vector<std::string> c = Columns(e);
    out << "<tr>";
    for (size_t i = 0; i < c.size(); ++i) {
      const char* cls = i == 3 ? " class=\"before\"" : i == 4 ? " class=\"after\"" : "";
      std::string cell = HtmlEscape(c[i]);
      if (i == 1 && !e.node_name().empty())
        cell += "<br><small>" + HtmlEscape(e.node_name()) + "</small>";
      out << "<td" << cls << ">" << cell << "</td>";
    }
    out << "</tr>\n";
  }
  out << "</table>\n</body></html>\n";
}

}  // namespace renstra
