// Tc27FromWorkbook: the T-C.27 table of an uploaded .xlsx workbook as the text the
// TSV importer reads (domain/tc27_parser.h), so that a workbook is imported exactly as
// its TSV would be: the same findings, the same per-line outcomes, the same "rows I
// could not place". NameSheetLocations then names each line and cell of those answers
// as a spreadsheet user sees it: "line 12" becomes "row 12", "line 12, column 8 (Rp
// 2022)" becomes "cell H12 (Rp 2022)".
//
// The sheet is the one whose headings hold a T-C.27 (a row with a "Tujuan" cell and a
// "Kode" cell to its right); none or more than one is INVALID_ARGUMENT naming the
// sheets. Line N of the text is row N of the sheet, and column 1 of the table is the
// sheet's "Tujuan" column, so rows and cells map one to one.
//
// Cells become text as the user sees them, and nothing is guessed:
//  - a text cell is taken as written (tabs and line breaks inside it become spaces)
//    and read by the importer's number conventions like any TSV cell;
//  - a number in a Rupiah column (8, 10, ..., 18) must be a whole number of Rupiah,
//    0..10^14: anything else is INVALID_ARGUMENT naming the cell (never rounded);
//  - a number elsewhere is written with every digit it holds (the shortest decimal that
//    is exactly the stored double), its decimals marked by the comma (the dot when the
//    table's convention is "en"); a percentage-formatted target (stored 0.695) is
//    written "69,5%";
//  - a code stored as a number with decimals (1.1 for "1.10"?), a date, a boolean, an
//    error value (#N/A), a formula whose value was not stored, or a cell left of the
//    table from its header row down, is INVALID_ARGUMENT naming the cell.
// Errors from the workbook itself (not a zip, zip bombs): workbook/xlsx_workbook.h.
//
// Pure functions of their input; thread-safe.
#ifndef RENSTRA_SERVICES_WORKBOOK_TABLE_H_
#define RENSTRA_SERVICES_WORKBOOK_TABLE_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "domain/import_decider.h"
#include "domain/number_format.h"

namespace renstra {

// The custom document property by which a workbook states how its text cells write
// numbers ("id" or "en"); `renstra ... --format xlsx` writes it ("id"). Under kAuto it
// decides the convention, as --number-format would.
inline constexpr char kNumberFormatProperty[] = "Renstra number format";

struct WorkbookTable {
  std::string sheet;  // the name of the sheet read
  // The convention the workbook states (kNumberFormatProperty); kAuto when it states
  // none or the request gave one.
  NumberFormat stated_format = NumberFormat::kAuto;
  int first_column = 1;  // the sheet column (1 = A) of the table's column 1
  std::string text;      // tab-separated; line N is the sheet's row N
};

// Reads the workbook in `bytes`. `format` is the request's convention (kAuto writes
// decimals the id way). RESOURCE_EXHAUSTED when the table's text would pass
// `max_text_bytes` (the limit of a TSV import).
absl::StatusOr<WorkbookTable> Tc27FromWorkbook(std::string_view bytes, NumberFormat format,
                                               size_t max_text_bytes);

// `message` with its "line N" and "line N, column C" named as rows and cells of `table`.
// Quoted text ("…") is left as written.
std::string NameSheetLocations(const WorkbookTable& table, std::string_view message);
// The same, and an "(as requested)" convention said to be the workbook's when it was.
std::string NameSheetLocations(const WorkbookTable& table, const std::string& message);
// The same for every finding, line outcome and skipped line of `decision`, its
// ImportReported event included.
void NameSheetLocations(const WorkbookTable& table, ImportDecision* decision);
// `status` with its message renamed and the sheet named ("sheet \"T-C.27\": ..."); as
// it is when its message names no line.
absl::Status NameSheetLocations(const WorkbookTable& table, const absl::Status& status);

}  // namespace renstra

#endif  // RENSTRA_SERVICES_WORKBOOK_TABLE_H_
