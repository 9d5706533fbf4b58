// Report files: a realization report (clients/report_printer.h's ReportTable, the very
// model the CLI prints, writes as CSV, as a workbook and as a PDF) as the console sends
// it — JSON for the table in the Laporan page, and the downloads, written by the CLI's
// own writers: CSV (PrintDelimited), xlsx (xlsx_sheets.h + libxlsxwriter) and PDF (the
// A4 print layout, print_layout.h, printed by Chromium, pdf_renderer.h). No figure is
// computed here: every cell is renstrad's text.
//
// Thread safety: ReportTableJson and ReportFileName are pure; RenderReportFile writes a
// private temporary directory and, for PDF, runs one Chromium child (the caller lets one
// PDF render at a time).
// Errors: INVALID_ARGUMENT for a format other than csv, xlsx, pdf; INTERNAL when the
// workbook cannot be written or read back; RenderPdf's errors (FAILED_PRECONDITION when
// Chromium cannot be run, INTERNAL, DEADLINE_EXCEEDED).
#ifndef RENSTRA_CLIENTS_WEB_REPORT_FILES_H_
#define RENSTRA_CLIENTS_WEB_REPORT_FILES_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "clients/report_printer.h"

namespace renstra::web {

// {"title","sheet","header":[...],"headerGroup":[...],"headerSub":[...],"rows":[[...]],
//  "depth":[...]}: the cells' texts as the server wrote them ("1.234.567", "85,50", "-").
std::string ReportTableJson(const ReportTable& table);

struct ReportFile {
  std::string bytes;
  std::string content_type;
  // "T-C.23-2025.xlsx": the sheet's name, the year when the report is of one, the format.
  std::string filename;
};

// The download's file name: `sheet_name` with spaces as '-', then "-<year>" (year > 0
// and not already in the name), then ".<format>".
std::string ReportFileName(const ReportTable& table, int year, const std::string& format);

// The report as a csv, xlsx or pdf file.
absl::StatusOr<ReportFile> RenderReportFile(const ReportTable& table, int year,
                                            const std::string& format);

}  // namespace renstra::web

#endif  // RENSTRA_CLIENTS_WEB_REPORT_FILES_H_
