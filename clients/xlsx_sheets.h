// Xlsx sheets: the documents of the `renstra` client laid out for the xlsx writer
// (xlsx_writer.h), from the very models their other outputs use — a report's
// ReportTable (T-C.23, T-C.24, E.80, peringatan, and the Perubahan matrix of
// DiffReportTable) and the T-C.27 table as the server exports it. No document rule is
// repeated here: headings, rows and texts are the models'; this file only decides the
// spreadsheet's shape (merged headings, numbers as numbers, their display formats).
//
// Number formats (Excel codes, locale-independent): Rupiah "#,##0", ratios "0.00",
// years "0", targets "#,##0" with their own decimals ("#,##0.00" for 4,19).
//
// Thread safety: pure functions.
#ifndef RENSTRA_CLIENTS_XLSX_SHEETS_H_
#define RENSTRA_CLIENTS_XLSX_SHEETS_H_

#include <cstdint>
#include <string>

#include "clients/report_printer.h"
#include "clients/xlsx_writer.h"

namespace renstra {

// The Excel format code of a number cell: "#,##0", "0.00", "0", "#,##0.00", ...
std::string NumberFormatOf(const CellNumber& number);

// A report table: its title above; one heading row, or the official two (a group such as
// "Target" merged over its years, a column without a group merged over both rows);
// numbers as numbers; the Uraian/Indikator column indented by depth.
XlsxSheet ReportSheet(const ReportTable& table);

// T-C.27 from the server's TSV export: the heading rows down to the column-number row
// ("1", "2", ... "20"), each heading merged over the blank heading cells to its right
// (within its parent heading) and below it, as the official table draws them; the
// columns headed "Rp" as Rupiah numbers (a cell the server did not write the Indonesian
// way, e.g. as imported from an English-format table, stays text as written); every
// other cell, codes included, as text.
XlsxSheet Tc27Sheet(const std::string& tsv, int64_t plan_version);

}  // namespace renstra

#endif  // RENSTRA_CLIENTS_XLSX_SHEETS_H_
