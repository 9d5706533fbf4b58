#include "clients/print_layout.h"

#include <openssl/evp.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "clients/report_html.h"
#include "clients/terminal_text.h"

namespace renstra {
namespace {

// Text for the page: escaped for HTML, control characters shown as terminal_text.h does,
// line feeds as line breaks.
std::string Html(const std::string& text) {
  std::string out;
  for (const char c : HtmlEscape(PrintableLines(text, ""))) {
    if (c == '\n') {
      out += "<br>";
    } else {
      out += c;
    }
  }
  return out;
}

std::string Trim(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

// Font size (pt) for `columns` columns on A4 landscape: T-C.27's 20 and E.80's 22
// columns at 6 pt.
double FontPoints(size_t columns) {
  if (columns <= 8) return 9;
  if (columns <= 14) return 7.5;
  if (columns <= 18) return 6.5;
  return 6;
}

size_t TableWidth(const XlsxSheet& sheet) {
  size_t width = 1;
  for (const auto& row : sheet.heading) width = std::max(width, row.size());
  for (const auto& row : sheet.rows) width = std::max(width, row.size());
  return width;
}

constexpr char kStyle[] = R"(
@page { size: A4 landscape; margin: 12mm 10mm 14mm 10mm;
  @bottom-center { content: "Halaman " counter(page) " dari " counter(pages);
                   font: 8pt "DejaVu Sans", Arial, sans-serif; } }
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 0; color: #000; }
.kop { display: flex; align-items: center; gap: 4mm; border-bottom: 2.5px double #000;
       padding-bottom: 2mm; margin-bottom: 3mm; }
.kop img { height: 22mm; }
.kop .lines { flex: 1; text-align: center; }
.kop .l0 { font-size: 13pt; font-weight: bold; }
.kop .l1 { font-size: 12pt; font-weight: bold; }
.kop .address { font-size: 8pt; }
h1 { font-size: 10pt; text-align: center; margin: 0 0 2mm 0; }
table { border-collapse: collapse; width: 100%; table-layout: auto; }
thead { display: table-header-group; }
th, td { border: 0.6px solid #000; padding: 0.6mm 0.8mm; vertical-align: top; text-align: left; }
td { overflow-wrap: anywhere; }
th { background: #e8ecf2; text-align: center; vertical-align: middle; font-weight: bold; }
td.num { text-align: right; white-space: nowrap; }
tr { break-inside: avoid; }
tr.sign td { border: none; }
.ttd { break-inside: avoid; margin: 6mm 0 0 62%; font-size: 9pt; }
.ttd .space { height: 18mm; }
.ttd .name { font-weight: bold; text-decoration: underline; }
.ttd p { margin: 0; }
)";

void Kop(const PrintOptions& options, std::ostream& out) {
  if (options.kop.empty() && options.address.empty() && options.logo_data_uri.empty()) return;
  out << "<header class=\"kop\">";
  if (!options.logo_data_uri.empty()) {
    out << "<img alt=\"logo\" src=\"" << HtmlEscape(options.logo_data_uri) << "\">";
  }
  out << "<div class=\"lines\">";
  for (size_t i = 0; i < options.kop.size(); ++i) {
    out << "<div class=\"l" << std::min<size_t>(i, 1) << "\">" << Html(options.kop[i]) << "</div>";
  }
  if (!options.address.empty()) {
    out << "<div class=\"address\">" << Html(options.address) << "</div>";
  }
  out << "</div>";
  // Balances the logo so that the kop's lines stay centred on the page.
  if (!options.logo_data_uri.empty()) out << "<div style=\"width:22mm\"></div>";
  out << "</header>\n";
}

void Heading(const XlsxSheet& sheet, size_t width, std::ostream& out) {
  const size_t rows = sheet.heading.size();
  // -1: a cell of its own; -2: covered by a merge; else the merge starting here.
  std::vector<std::vector<int>> role(rows, std::vector<int>(width, -1));
  for (size_t m = 0; m < sheet.heading_merges.size(); ++m) {
    const XlsxMerge& g = sheet.heading_merges[m];
    for (int r = g.first_row; r <= g.last_row; ++r) {
      for (int c = g.first_col; c <= g.last_col; ++c) {
        role[static_cast<size_t>(r)][static_cast<size_t>(c)] = -2;
      }
    }
    role[static_cast<size_t>(g.first_row)][static_cast<size_t>(g.first_col)] = static_cast<int>(m);
  }
  out << "<thead>\n";
  for (size_t r = 0; r < rows; ++r) {
    out << "<tr>";
    for (size_t c = 0; c < width; ++c) {
      if (role[r][c] == -2) continue;
      const std::string text = c < sheet.heading[r].size() ? sheet.heading[r][c] : "";
      out << "<th";
      if (role[r][c] >= 0) {
        const XlsxMerge& g = sheet.heading_merges[static_cast<size_t>(role[r][c])];
        if (g.last_row > g.first_row) out << " rowspan=\"" << g.last_row - g.first_row + 1 << "\"";
        if (g.last_col > g.first_col) out << " colspan=\"" << g.last_col - g.first_col + 1 << "\"";
      }
      out << ">" << Html(text) << "</th>";
    }
    out << "</tr>\n";
  }
  out << "</thead>\n";
}

void Signature(const PrintOptions& options, std::ostream& out) {
  if (options.sign_name.empty()) return;
  out << "<div class=\"ttd\">";
  std::string dated = options.sign_place;
  if (!options.sign_date.empty()) dated += (dated.empty() ? "" : ", ") + options.sign_date;
  if (!dated.empty()) out << "<p>" << Html(dated) << "</p>";
  out << "<p>Mengetahui,</p>";
  if (!options.sign_position.empty()) out << "<p>" << Html(options.sign_position) << "</p>";
  out << "<div class=\"space\"></div><p class=\"name\">" << Html(options.sign_name) << "</p>";
  if (!options.sign_nip.empty()) out << "<p>NIP " << Html(options.sign_nip) << "</p>";
  out << "</div>\n";
}

}  // namespace

absl::StatusOr<std::string> ImageDataUri(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError("logo: cannot read " + path);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  const std::string data = bytes.str();
  std::string mime;
  if (data.rfind("\x89PNG\r\n\x1a\n", 0) == 0) {
    mime = "image/png";
  } else if (data.rfind("\xFF\xD8\xFF", 0) == 0) {
    mime = "image/jpeg";
  } else {
    return absl::InvalidArgumentError("logo: " + path + " is neither a PNG nor a JPEG image");
  }
  std::string encoded(4 * ((data.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(encoded.data()),
                                reinterpret_cast<const unsigned char*>(data.data()),
                                static_cast<int>(data.size()));
  encoded.resize(static_cast<size_t>(n));
  return "data:" + mime + ";base64," + encoded;
}

absl::StatusOr<PrintOptions> ReadLetterhead(const std::string& path) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError("--letterhead: cannot read " + path);
  PrintOptions options;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    line = Trim(line);
    if (line.empty() || line[0] == '#') continue;
    const size_t eq = line.find('=');
    const std::string where = path + " line " + std::to_string(number) + ": ";
    if (eq == std::string::npos) {
      return absl::InvalidArgumentError(where + "expected key = value");
    }
    const std::string key = Trim(line.substr(0, eq));
    const std::string value = Trim(line.substr(eq + 1));
    if (key == "kop") {
      options.kop.push_back(value);
    } else if (key == "alamat") {
      options.address = value;
    } else if (key == "logo") {
      std::filesystem::path logo(value);
      if (logo.is_relative()) logo = std::filesystem::path(path).parent_path() / logo;
      absl::StatusOr<std::string> uri = ImageDataUri(logo.string());
      if (!uri.ok()) return absl::InvalidArgumentError(where + std::string(uri.status().message()));
      options.logo_data_uri = *uri;
    } else if (key == "tempat") {
      options.sign_place = value;
    } else if (key == "jabatan") {
      options.sign_position = value;
    } else if (key == "nama") {
      options.sign_name = value;
    } else if (key == "nip") {
      options.sign_nip = value;
    } else {
      return absl::InvalidArgumentError(where + "unknown key \"" + key +
                                        "\" (kop, alamat, logo, tempat, jabatan, nama, nip)");
    }
  }
  return options;
}

std::string IndonesianDate(int64_t unix_seconds) {
  static constexpr const char* kMonths[] = {"Januari",   "Februari", "Maret",    "April",
                                            "Mei",       "Juni",     "Juli",     "Agustus",
                                            "September", "Oktober",  "November", "Desember"};
  const std::time_t wib = static_cast<std::time_t>(unix_seconds + 7 * 3600);
  std::tm tm{};
  gmtime_r(&wib, &tm);
  return std::to_string(tm.tm_mday) + " " + kMonths[tm.tm_mon] + " " +
         std::to_string(tm.tm_year + 1900);
}

std::string RenderPrintHtml(const XlsxSheet& sheet, const PrintOptions& options) {
  const size_t width = TableWidth(sheet);
  const double points = FontPoints(width);
  const std::string title = sheet.title.empty() ? sheet.name : sheet.title.front();
  std::ostringstream out;
  out << "<!DOCTYPE html>\n<html lang=\"id\"><head><meta charset=\"utf-8\">\n<title>" << Html(title)
      << "</title>\n<style>" << kStyle << "table { font-size: " << points
      << "pt; }\n</style></head><body>\n";
  Kop(options, out);
  for (const std::string& line : sheet.title) out << "<h1>" << Html(line) << "</h1>\n";
  out << "<table>\n";
  Heading(sheet, width, out);
  out << "<tbody>\n";
  for (size_t r = 0; r < sheet.rows.size(); ++r) {
    const int level = r < sheet.indent.size() ? std::max(0, sheet.indent[r]) : 0;
    out << "<tr>";
    for (size_t c = 0; c < width; ++c) {
      if (c >= sheet.rows[r].size()) {
        out << "<td></td>";
        continue;
      }
      const XlsxCell& cell = sheet.rows[r][c];
      out << "<td";
      if (cell.number.has_value()) out << " class=\"num\"";
      if (static_cast<int>(c) == sheet.indent_column && level > 0) {
        out << " style=\"padding-left:" << 1.5 * level << "mm\"";
      }
      out << ">" << Html(cell.text) << "</td>";
    }
    out << "</tr>\n";
  }
  // The signature block is the table's last row (borderless, kept whole), so that the
  // page it lands on also carries the repeated headings and it never stands alone.
  if (!options.sign_name.empty()) {
    out << "<tr class=\"sign\"><td colspan=\"" << width << "\">";
    Signature(options, out);
    out << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n";
  out << "</body></html>\n";
  return out.str();
}

}  // namespace renstra
