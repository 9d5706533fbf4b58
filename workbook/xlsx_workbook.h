// ReadXlsxWorkbook: the sheets of an Office Open XML workbook (.xlsx) as cells, read
// from the bytes of the file (zip_archive.h) with pugixml: the workbook's sheet list,
// the shared strings, each sheet's cells (shared, inline and formula strings, numbers,
// booleans, errors) and the number format class of each numeric cell (styles.xml), so
// that a percentage or a date is known for what it is.
//
// It reads what the file says and interprets nothing: a number is the double the file
// stores, a formula's value is the one the file cached (none when the writer cached
// none). Merged ranges are not expanded: as in a TSV, a merged range's value sits in its
// first cell and the others are blank.
//
// Errors (messages start "workbook: "): INVALID_ARGUMENT when the file is not a
// readable workbook (not a zip, a part missing or not well-formed XML, a cell reference
// that is no reference), naming the part; RESOURCE_EXHAUSTED past the bounds of
// XlsxLimits (the zip's, and cells per workbook).
//
// Pure function of its input; thread-safe.
#ifndef RENSTRA_WORKBOOK_XLSX_WORKBOOK_H_
#define RENSTRA_WORKBOOK_XLSX_WORKBOOK_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "workbook/zip_archive.h"

namespace renstra {

struct XlsxLimits {
  ZipLimits zip;
  int64_t max_sheets = 255;
  // Non-empty cells in all sheets: a T-C.27 of the seed's size has about 4,000.
  int64_t max_cells = 2'000'000;
};

struct WorkbookCell {
  enum class Kind {
    kText,     // a string (shared, inline or a formula's string value): `text`
    kNumber,   // a number: `number`
    kBool,     // TRUE/FALSE: `text` is "TRUE" or "FALSE"
    kError,    // an error value such as #DIV/0!: `text`
    kNoValue,  // a formula whose value the writer did not store: `text` is the formula
  };
  // How a number is shown, as far as it changes what it means.
  enum class Format {
    kPlain,    // General, 0, #,##0, 0.00, ...
    kPercent,  // 0%, 0.00%, ...: the stored 0.695 is shown as 69,5 %
    kDate,     // a date or time: the stored number counts days since 1900
  };
  Kind kind = Kind::kText;
  std::string text;
  double number = 0;
  Format format = Format::kPlain;
};

struct XlsxSheetCells {
  std::string name;
  // (row, column), both 1-based ("D12" is (12, 4)) -> cell; blank cells are absent.
  std::map<std::pair<int, int>, WorkbookCell> cells;
};

struct XlsxWorkbook {
  // In tab order.
  std::vector<XlsxSheetCells> sheets;
  // The custom document properties (docProps/custom.xml) that hold text: name -> value.
  std::map<std::string, std::string> custom_properties;
};

absl::StatusOr<XlsxWorkbook> ReadXlsxWorkbook(std::string_view bytes,
                                              const XlsxLimits& limits = {});

// "D12" for (12, 4); the column letters of column 1 are "A", of 27 "AA".
std::string XlsxCellRef(int row, int column);
std::string XlsxColumnLetters(int column);

}  // namespace renstra

#endif  // RENSTRA_WORKBOOK_XLSX_WORKBOOK_H_
