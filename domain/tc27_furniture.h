// Page furniture of a T-C.27 table: what a table printed over several pages carries
// besides its rows, and what the importer skips (reporting each line) rather than read as
// a Tujuan, a Sasaran or a cell of the row above:
//  - the header block repeated at the top of a page: the heading row ("Tujuan …
//    Kode …"), its continuation rows ("Tahun -1 (2022)", "Target", "Rp", "Kondisi
//    Kinerja …") and the column-number row (1, 2, 3, …);
//  - page numbers: "12", "- 12 -", "Halaman 12", "Hal. 12 dari 40", "Page 3 of 9", "3/9";
//  - footers: a first cell starting "Sumber", "Keterangan", "Catatan" or "Ket." followed
//    by a colon (or "Ket." alone);
//  - blank separator rows (reported by the parser).
//
// Pure functions of a row's cells (already stripped of markup and trimmed); thread-safe.
#ifndef RENSTRA_DOMAIN_TC27_FURNITURE_H_
#define RENSTRA_DOMAIN_TC27_FURNITURE_H_

#include <string>
#include <string_view>
#include <vector>

namespace renstra {

// True for the T-C.27 heading row: a first cell "Tujuan" and a cell "Kode".
bool IsTc27HeaderRow(const std::vector<std::string>& cells);

// What the row is when it is page furniture ("repeated header row", "column-number row",
// "page number \"- 2 -\"", "footer \"Sumber: …\""), else "". A row with a code is never
// furniture.
std::string PageFurniture(const std::vector<std::string>& cells);

// True for a page number written alone ("12", "- 12 -", "Halaman 12 dari 40").
bool IsPageNumber(std::string_view text);

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_TC27_FURNITURE_H_
