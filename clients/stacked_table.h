// Stacked table: how the `renstra` client prints a report whose figures alone are too
// wide for the terminal (T-C.23 and E.80 over five years: 15 figure columns). Instead of
// one line per row, each row becomes a block: its names on the left (wrapped), and one
// line per year with that year's figures side by side (Target, Realisasi, Rasio), e.g.
//
//   Kode     Indikator             Satuan  Tahun  Target     Realisasi  Rasio (%)
//   1.06.04  Persentase Penyandang %       2022   100%       -          -
//            Disabilitas ...               2023   100%       -          -
//
// The layout of a table is described by its builder (ReportTable::stacking,
// report_printer.h); every cell of the flat table appears once, with its text
// unchanged. `renstra report ... --wide` keeps the flat layout.
//
// Thread safety: writes only to the given stream.
#ifndef RENSTRA_CLIENTS_STACKED_TABLE_H_
#define RENSTRA_CLIENTS_STACKED_TABLE_H_

#include <cstddef>
#include <ostream>

namespace renstra {

struct ReportTable;

// Prints `table` (whose `stacking` is set) stacked, fitted to `columns` as PrintTable
// fits a flat table: names wrap at word boundaries, figures stay whole. Ends with the
// row count ("12 baris") like the flat layout.
void PrintStackedTable(const ReportTable& table, std::ostream& out, size_t columns);

}  // namespace renstra

#endif  // RENSTRA_CLIENTS_STACKED_TABLE_H_
