// Xlsx writer: an official table as an Excel workbook (.xlsx), written with Debian's
// libxlsxwriter. It knows nothing of Renstra: the documents (T-C.27, the reports, the
// Perubahan matrix) are laid out as XlsxSheet values by xlsx_sheets.h from the same
// table models their TSV/CSV/HTML outputs use, and this file only writes them.
//
// Each sheet is: title lines (bold, merged across the table), the heading rows (bold,
// centred, wrapped, bordered; merged ranges as given), the data rows (bordered; text
// wraps; numbers stored as numbers with their display format). The rows above the data
// are frozen and repeated on every printed page; the page is A4 landscape, one page
// wide. Column widths fit the widest data cell and the longest word of a heading
// (capped, longer text wraps).
//
// Number formats are Excel format codes, which are locale-independent: "#,##0" and
// "0.00" in the file are shown by an Indonesian Excel/LibreOffice as 1.234.567 and
// 4,19 (and by an English one as 1,234,567 and 4.19). Numbers are IEEE doubles, as in
// every xlsx file: Rupiah up to 10^14 (the limit of docs/limits.md) are exact.
//
// Text is written as text (a code such as "1.06.04" never becomes a number); control
// characters other than tab and line feed are escaped as terminal_text.h does.
//
// Thread safety: pure apart from writing `path`. Errors: INTERNAL naming the file and
// libxlsxwriter's reason when the workbook cannot be written; INVALID_ARGUMENT for a
// sheet name Excel refuses.
#ifndef RENSTRA_CLIENTS_XLSX_WRITER_H_
#define RENSTRA_CLIENTS_XLSX_WRITER_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"

namespace renstra {

struct XlsxCell {
  // The cell's text; for a number, its Indonesian display ("1.234.567"), used only to
  // size the column.
  std::string text;
  // Set: the cell holds this number, shown with `format` (an Excel format code).
  std::optional<double> number;
  std::string format;
};

// A rectangle of cells merged into one, rows and columns counted from 0 within the
// heading rows.
struct XlsxMerge {
  int first_row = 0;
  int first_col = 0;
  int last_row = 0;
  int last_col = 0;
};

struct XlsxSheet {
  // At most 31 characters, none of []:*?/\ (Excel's rule).
  std::string name;
  // Lines above the table, each merged across its width.
  std::vector<std::string> title;
  // The heading rows, each as wide as the table; a merged range shows the text of its
  // top-left cell.
  std::vector<std::vector<std::string>> heading;
  std::vector<XlsxMerge> heading_merges;
  std::vector<std::vector<XlsxCell>> rows;
  // Per row (may be empty): the indent level of `indent_column` (program, kegiatan,
  // sub kegiatan).
  std::vector<int> indent;
  int indent_column = -1;
};

// Writes `sheets`, in order, as one workbook at `path` (replaced if it exists).
absl::Status WriteXlsx(const std::vector<XlsxSheet>& sheets, const std::string& path);

}  // namespace renstra

#endif  // RENSTRA_CLIENTS_XLSX_WRITER_H_
