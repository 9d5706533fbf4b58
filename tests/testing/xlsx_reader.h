// XlsxBook: a workbook read back by an independent reader — openpyxl, run by
// tests/testing/xlsx_dump.py under Debian's python3 (python3-openpyxl) — so that the
// tests check what Excel would open, not what our writer meant to write.
//
// Thread safety: not thread-safe; use from the test thread.
#ifndef RENSTRA_TESTS_TESTING_XLSX_READER_H_
#define RENSTRA_TESTS_TESTING_XLSX_READER_H_

#include <map>
#include <string>
#include <vector>

namespace renstra::testing {

struct XlsxSheetDump {
  // The top-left cell of the scrolling pane ("A6": rows 1-5 frozen); "-" when none.
  std::string freeze;
  // Merged ranges, sorted ("A2:A4").
  std::vector<std::string> merged;
  // Column letter -> width, two decimals ("18.71").
  std::map<std::string, std::string> width;
  // Cell -> "text:VALUE" or "number:VALUE FORMAT" ("number:4584600968 #,##0"); a blank
  // cell is absent.
  std::map<std::string, std::string> cells;
};

struct XlsxBook {
  // "" when read; else why not (the reader's stderr).
  std::string error;
  std::vector<std::string> sheets;
  std::map<std::string, XlsxSheetDump> sheet;
};

// Reads the workbook at `path`.
XlsxBook ReadXlsx(const std::string& path);

}  // namespace renstra::testing

#endif  // RENSTRA_TESTS_TESTING_XLSX_READER_H_
