// Rendering of a version diff (DiffVersionsResponse) as a Perubahan Renstra comparison
// table: for the terminal, as TSV, or as a self-contained HTML page.
#ifndef RENSTRA_CLIENTS_DIFF_PRINTER_H_
#define RENSTRA_CLIENTS_DIFF_PRINTER_H_

#include <ostream>
#include <string>

#include "clients/report_printer.h"
#include "renstra/v1/audit_service.pb.h"

namespace renstra {

// "target", "pagu", "indikator diganti", ... for a DiffEntry kind.
std::string DiffKindName(v1::DiffEntry::Kind kind);

// The Perubahan matrix as a report table (one row per change, the columns of the TSV),
// for the xlsx writer; the year is a number, a funding change's amounts are numbers.
ReportTable DiffReportTable(const v1::DiffVersionsResponse& diff);

void PrintDiffTable(const v1::DiffVersionsResponse& diff, std::ostream& out);
void PrintDiffTsv(const v1::DiffVersionsResponse& diff, std::ostream& out);
// A whole HTML document (no external resources); `title` heads it.
void PrintDiffHtml(const v1::DiffVersionsResponse& diff, const std::string& title,
                   std::ostream& out);

}  // namespace renstra

#endif  // RENSTRA_CLIENTS_DIFF_PRINTER_H_
