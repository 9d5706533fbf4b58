// Report HTML: a realization report as one self-contained HTML page (no external
// scripts, styles, fonts or images) — for a chosen program, inline SVG charts drawn
// here: per indicator of the program, target vs realization per year with the rasio
// capaian; and the program's pagu vs realisasi anggaran per year with the serapan (%)
// as a line. Then the report's table, and the charts' data as a JSON block
// (<script type="application/json" id="chart-data">) that readers and tests can check.
//
// The figures are the server's exact texts; bar heights are scaled from them with
// floating point, which only decides pixels, never a printed number.
//
// Thread safety: pure functions.
#ifndef RENSTRA_CLIENTS_REPORT_HTML_H_
#define RENSTRA_CLIENTS_REPORT_HTML_H_

#include <string>

#include "clients/report_printer.h"
#include "renstra/v1/realization_service.pb.h"

namespace renstra {

struct ChartInput {
  // The chosen program (canonical code) and its name, for the headings.
  std::string program_code;
  std::string program_name;
  // T-C.23 rows of the program's subtree: the charts use its own indicators (depth 0).
  const v1::CapaianReport* capaian = nullptr;
  // T-C.24 rows of the program's subtree: the charts use its own row (depth 0).
  const v1::AnggaranReport* anggaran = nullptr;
};

// The page: title, charts (when `chart` has data), the table, the JSON data block.
std::string RenderReportHtml(const ReportTable& table, const ChartInput& chart);

// Text escaped for HTML element content and attribute values.
std::string HtmlEscape(const std::string& text);

}  // namespace renstra

#endif  // RENSTRA_CLIENTS_REPORT_HTML_H_
