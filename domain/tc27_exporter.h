// ExportTc27: the official T-C.27 table (Rencana Program, Kegiatan, dan Pendanaan) of
// a plan, rendered from its projection: the 20 columns with their Indonesian headings,
// the column-number row, Tujuan and Sasaran rows, each node's indicator rows
// (continuation rows without a code), and the JUMLAH row of the programs' funding.
//
// Values appear as the source wrote them (Money/TargetValue::Display()); values set by
// commands appear in the canonical Indonesian format. ParseTc27 reads the output back
// into the same plan (tested).
//
// Pure; thread-safe.
#ifndef RENSTRA_DOMAIN_TC27_EXPORTER_H_
#define RENSTRA_DOMAIN_TC27_EXPORTER_H_

#include <string>

#include "domain/plan_state.h"

namespace renstra {

enum class TableFormat { kTsv, kCsv };

// Lines end with "\n". TSV cells have tabs and newlines replaced by spaces; CSV cells
// are quoted per RFC 4180 when they hold a comma, a quote or a newline.
std::string ExportTc27(const PlanState& plan, TableFormat format);

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_TC27_EXPORTER_H_
