// Divisions (Bidang) of the agency and the default assignment of programs to them.
//
// The seed's T-C.27 leaves the responsible-unit column empty; BAB II's description of
// each division's functions gives the default (docs/architecture.md), which an admin can later
// change through an event.
#ifndef RENSTRA_DOMAIN_DIVISION_H_
#define RENSTRA_DOMAIN_DIVISION_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "renstra/v1/plan.pb.h"

namespace renstra {

// Default division for a program's canonical code ("1.06.04" → REHABILITASI_SOSIAL);
// DIVISION_UNSPECIFIED for a program the table does not cover.
v1::Division DefaultDivisionForProgram(std::string_view program_canonical_code);

// The Indonesian name as it appears in official tables: "Sekretariat",
// "Bidang Rehabilitasi Sosial", ...; "" for DIVISION_UNSPECIFIED.
std::string DivisionDisplayName(v1::Division division);

// `text` trimmed, each run of inner ASCII white space one space ("Bidang  Rehabilitasi
// Sosial " → "Bidang Rehabilitasi Sosial"): how unit and division names written by hand
// are compared (here and in unit_kerja.h).
std::string CollapseSpaces(std::string_view text);

// Reads an Indonesian name (case-insensitive, "Bidang " optional) or the enum name
// ("REHABILITASI_SOSIAL"). INVALID_ARGUMENT naming the text otherwise.
absl::StatusOr<v1::Division> ParseDivision(std::string_view text);

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_DIVISION_H_
