// Print layout: an official table as one self-contained HTML page laid out for A4
// landscape — the agency's kop (letterhead) on the first page, the table with its
// official (merged) headings repeated at the top of every page, "Halaman X dari Y" at
// the foot of every page, and the signature block (place and date, "Mengetahui",
// position, name, NIP) after the table, kept whole on the last page. It is laid out
// from the same XlsxSheet as the workbook (xlsx_sheets.h), so the two agree cell for
// cell; numbers print as their Indonesian text.
//
// No column is cut off: the table takes the page's width and the browser sizes its
// columns (headings and numbers keep their words whole, the font shrinks with the
// number of columns: 6 pt for T-C.27's 20), and a text cell wraps, even inside a word,
// rather than widen the table past the page.
// Page size, repeated headings and the page counter are CSS (`@page` with a
// bottom-centre margin box, `thead`), which Chromium's print engine honours; the PDF
// is that engine's output (pdf_renderer.h).
//
// Thread safety: pure functions. Errors: ReadLetterhead gives INVALID_ARGUMENT naming
// the file, the line and the reason; NOT_FOUND for a file that cannot be read.
#ifndef RENSTRA_CLIENTS_PRINT_LAYOUT_H_
#define RENSTRA_CLIENTS_PRINT_LAYOUT_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "clients/xlsx_writer.h"

namespace renstra {

struct PrintOptions {
  // The kop, per agency: its lines, largest first ("PEMERINTAH KOTA DUMAI", "DINAS
  // SOSIAL ..."), the address line, and the logo as a data: URI ("" for none).
  std::vector<std::string> kop;
  std::string address;
  std::string logo_data_uri;
  // The signature block, per document: "Dumai, 7 Desember 2026", "Mengetahui,", the
  // position, the name and the NIP. No block when `sign_name` is empty.
  std::string sign_place;
  std::string sign_date;
  std::string sign_position;
  std::string sign_name;
  std::string sign_nip;
};

// The agency's settings from a letterhead file: one `key = value` per line, `#`
// comments and blank lines ignored; keys `kop` (repeatable, one line of the kop each),
// `alamat`, `logo` (a PNG or JPEG file, relative to the letterhead file), `tempat`,
// `jabatan`, `nama`, `nip`.
absl::StatusOr<PrintOptions> ReadLetterhead(const std::string& path);

// A PNG or JPEG file as a data: URI (base64), for a page that needs no other file.
absl::StatusOr<std::string> ImageDataUri(const std::string& path);

// "7 Desember 2026": the date in WIB (UTC+07:00) of `unix_seconds`, the Indonesian way.
std::string IndonesianDate(int64_t unix_seconds);

// The whole page.
std::string RenderPrintHtml(const XlsxSheet& sheet, const PrintOptions& options);

}  // namespace renstra

#endif  // RENSTRA_CLIENTS_PRINT_LAYOUT_H_
