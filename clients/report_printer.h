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

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "clients/table_wrap.h"
#include "renstra/v1/realization_service.pb.h"

namespace renstra {

// A cell's exact number, for writers that keep numbers as numbers (xlsx): shown with
// `decimals` digits after the decimal sign, with thousands groups when `grouped`.
struct CellNumber {
  double value = 0;
  int decimals = 0;
  bool grouped = true;
};

struct ReportTable {
  std::string title;
  // The workbook sheet's name: "T-C.23", "E.80", ... (at most 31 characters).
  std::string sheet_name;
  std::vector<std::string> header;
  // Per column (empty when the table has one heading row): the official two-row
  // heading, the group spanning several columns ("Target", "2022") and the column's own
  // label under it ("2022", "Realisasi"); a column without a group has "" and its
  // `header` spans both rows.
  std::vector<std::string> header_group;
  std::vector<std::string> header_sub;
  std::vector<std::vector<std::string>> rows;
  // Parallel to `rows` (a row may be shorter): the cells that are numbers — Rupiah,
  // ratios, years, and targets in the indicator's unit. The text stays in `rows`.
  std::vector<std::vector<std::optional<CellNumber>>> numbers;
  // Per row: the node depth, to indent the Uraian column in the terminal and HTML.
  std::vector<int> depth;
  // The column indented by depth (-1: none).
  int indent_column = -1;

  // How the terminal stacks the table when its one-line rows do not fit
  // (stacked_table.h): each row becomes a block with the `keys` columns on the left —
  // each a list of columns of the table printed one under another (E.80's "Uraian /
  // Indikator": the name, then the statement) — and one line per `line_labels` entry
  // (the years), whose cells are the table's columns `cells[line][heading]` (-1: blank)
  // under `headings`. Every cell of a row appears once.
  struct Stacking {
    std::vector<std::vector<int>> keys;
    std::vector<std::string> key_headings;
    std::string line_heading;
    std::vector<std::string> line_labels;
    std::vector<std::string> headings;
    std::vector<std::vector<int>> cells;
  };
  // Unset: the table is never stacked (it only wraps its names).
  std::optional<Stacking> stacking;
};

// T-C.23: Kode, Indikator, Satuan, Target <years>, Realisasi <years>, Rasio <years> (%).
// Stacked: Kode, Indikator, Satuan, then per year (Tahun) Target, Realisasi, Rasio (%).
ReportTable CapaianTable(const v1::CapaianReport& report);
// T-C.24: Kode, Uraian, Anggaran <years>, Realisasi <years>, Rasio <years> (%), and the
// averages of the three. Stacked: Kode, Uraian, then per year (Tahun) Anggaran,
// Realisasi, Rasio (%), and a "Rata-rata" line with the three averages.
ReportTable AnggaranTable(const v1::AnggaranReport& report);
// E.80: per node one row per indicator (K) and one Rupiah row (Rp): target, realisasi
// and rasio per year, Rata-rata rasio and Predikat. Stacked: Kode, Uraian / Indikator,
// K/Rp, Satuan, then per year (Tahun) Target, Realisasi, Rasio (%), and two more lines:
// "Rata-rata" with the average ratio and "Predikat" with the rating, under Rasio (%).
ReportTable EvaluationTable(const v1::EvaluationReport& report);
// Early warning: Jenis, Kode, Uraian, Indikator, Tahun, Rasio, Keterangan.
ReportTable WarningTable(const v1::EarlyWarnings& report);
// Triwulan (e-Monev): per node one row per indicator (K) and one Rupiah row (Rp): Kode,
// Uraian, Indikator, K/Rp, Satuan, Target <year>, Triwulan I..IV (grouped under
// "Realisasi <year>"), Kumulatif, Capaian (%). Stacked: Kode, Uraian / Indikator, K/Rp,
// Satuan, then one line per column of the form (Isian: "Target 2025", "Triwulan I", ...,
// "Capaian (%)") with its Nilai.
ReportTable TriwulanTable(const v1::TriwulanReport& report);

// How PrintTable fits a terminal: by default the table fits `columns` (long names and
// statements wrap onto continuation lines at word boundaries, figures stay whole);
// `wide` prints one line per row at the columns' natural widths.
struct TableFit {
  size_t columns = kTerminalColumns;
  bool wide = false;
};
// Columns aligned by display width (UTF-8 code points), the title above; nothing is
// cut. A table that does not fit `fit.columns` even with its names wrapped (T-C.23 and
// E.80 over five years: their figures alone are wider; T-C.24; the triwulan form) is
// printed stacked (stacked_table.h), one line per year or per column of the form; `fit.wide`
// keeps one line per row.
void PrintTable(const ReportTable& table, std::ostream& out, const TableFit& fit = {});
// Header and rows separated by `separator` ('\t' or ','), one line each, no title.
// CSV quotes a field holding a comma, a quote or a line break (Indonesian decimals
// "80,00" are quoted); TSV replaces tabs and line breaks inside a field by spaces.
void PrintDelimited(const ReportTable& table, char separator, std::ostream& out);

}  // namespace renstra

#endif  // RENSTRA_CLIENTS_REPORT_PRINTER_H_
