// Report printer: the realization reports of RealizationService (T-C.23 capaian, T-C.24
// anggaran, E.80 evaluasi, the early-warning list) laid out as tables of text, and
// written as an aligned terminal table, TSV or CSV.
//
// The server sends every cell's Indonesian text ("1.234.567", "80,00", "-"); the
// printer only arranges them, so the figures printed are exactly the server's.
// Column headings are the official tables' Indonesian terms (the T-C.23/T-C.24/E.80 forms).
//
// Thread safety: pure functions (the writers write only to the given stream).
#ifndef RENSTRA_CLIENTS_REPORT_PRINTER_H_
#define RENSTRA_CLIENTS_REPORT_PRINTER_H_

#include <ostream>
#include <string>
#include <vector>

#include "renstra/v1/realization_service.pb.h"

namespace renstra {

struct ReportTable {
  std::string title;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  // Per row: the node depth, to indent the Uraian column in the terminal and HTML.
  std::vector<int> depth;
  // The column indented by depth (-1: none).
  int indent_column = -1;
};

// T-C.23: Kode, Indikator, Satuan, Target <years>, Realisasi <years>, Rasio <years> (%).
ReportTable CapaianTable(const v1::CapaianReport& report);
// T-C.24: Kode, Uraian, Anggaran <years>, Realisasi <years>, Rasio <years> (%), and the
// averages of the three.
ReportTable AnggaranTable(const v1::AnggaranReport& report);
// E.80: per node one row per indicator (K) and one Rupiah row (Rp): target, realisasi
// and rasio per year, Rata-rata rasio and Predikat.
ReportTable EvaluationTable(const v1::EvaluationReport& report);
// Early warning: Jenis, Kode, Uraian, Indikator, Tahun, Rasio, Keterangan.
ReportTable WarningTable(const v1::EarlyWarnings& report);

// Columns aligned by display width (UTF-8 code points), the title above.
void PrintTable(const ReportTable& table, std::ostream& out);
// Header and rows separated by `separator` ('\t' or ','), one line each, no title.
// CSV quotes a field holding a comma, a quote or a line break (Indonesian decimals
// "80,00" are quoted); TSV replaces tabs and line breaks inside a field by spaces.
void PrintDelimited(const ReportTable& table, char separator, std::ostream& out);

}  // namespace renstra

#endif  // RENSTRA_CLIENTS_REPORT_PRINTER_H_
