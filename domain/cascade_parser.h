// ParseCascade: reads the agency's performance cascade from a whole Renstra document
// (such as the seed): Tabel TC.25 (Tujuan, Sasaran, their indicators marked "( Indikator
// Tujuan )" or "( Indikator Sasaran )", the targets 2021–2026) and Tabel T-C.28 (the
// IKU: indicator, Kondisi Kinerja pada awal periode, targets 2022–2026, Kondisi Kinerja
// pada akhir periode), as written (cascade_model.h).
//
// Each table is found by its title ("Tabel TC.25", "Tabel T-C.28"; markup and the
// hyphen are optional), its columns by its own header rows (the year row names each
// year's column; T-C.28's end-of-period column is the heading "… akhir periode …"); the
// column-number row "(1) (2) …" is skipped and the table ends at the first blank line
// after its rows. A row with a NO starts a TC.25 Tujuan/Sasaran or a T-C.28 IKU group;
// a row without one is a further indicator of the group above it. A further indicator
// that starts the year after an earlier one of its group ends replaces it from that year.
//
// Numbers: the document is Indonesian (dots group thousands, a comma marks decimals),
// yet its tables also write decimals with a point ("6.36", "3.2"). A number with one dot
// followed by one, two or more than three digits and no comma cannot be a thousands
// group, so it is read as a decimal (6,36) and a DECIMAL_POINT finding in `notes` says
// so, naming the table, line, row and column. A number with one dot followed by exactly
// three digits and no comma ("6.360") reads both ways: it is refused (see below).
//
// A document without one of the tables gives that table empty (not an error).
// Pure function of its input; thread-safe.
#ifndef RENSTRA_DOMAIN_CASCADE_PARSER_H_
#define RENSTRA_DOMAIN_CASCADE_PARSER_H_

#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "domain/cascade_model.h"
#include "domain/target_value.h"
#include "renstra/v1/plan.pb.h"

namespace renstra {

// INVALID_ARGUMENT, naming the table, the line, the row (NO) and the column, for a cell
// that cannot be read for certain ("TC.25 line 610 (row 2), column 2022: \"6.360\" reads
// as 6.360 (a thousands dot) or as 6,360 (a decimal point); write it unambiguously"), a
// cell that is no target at all, a TC.25 indicator marked neither "Indikator Tujuan"
// nor "Indikator Sasaran", a further indicator before any numbered row, or a header
// whose year row does not name every year 2021–2026.
absl::StatusOr<CascadeTables> ParseCascade(std::string_view document);

// Reads one cell of a cascade table by the rule above. `where` names it for messages
// ("TC.25 line 610 (row 2), column 2022"); a DECIMAL_POINT finding is appended to
// `notes` (with `line`) when a decimal point was read. Exposed for tests.
absl::StatusOr<TargetValue> ReadCascadeCell(std::string_view cell, std::string_view where, int line,
                                            std::vector<v1::Finding>* notes);

// Sets each indicator's years in force (first_year, last_year: the first and last year
// whose cell is neither blank nor "-") and links the group's replacements (replaced_by,
// replaced_from). ParseCascade does it for every group; CheckCascade for T-C.27's rows.
void LinkCascadeGroup(std::vector<CascadeIndicator>& group);

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_CASCADE_PARSER_H_
