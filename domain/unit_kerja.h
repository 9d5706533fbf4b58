// Unit Kerja: placing the text of a T-C.27 row's column 19 ("Bidang Kesehatan
// Masyarakat") on one of its agency's units, so the import can record who is
// responsible for the row's node (a ResponsibilityAssigned on the agency's stream).
//
// Placement, first rule that answers wins; only units that are not retired count:
//   1. the unit map (a file the importer gives): the text, compared without case or
//      extra spaces, names its unit;
//   2. the text is a unit's code ("KESMAS", case-insensitive);
//   3. the text is a unit's name compared without case or extra spaces;
//   4. the text and a unit's name are equal once the wording tables put in front of a
//      unit ("Bidang ", "UPTD ", "UPT ") is taken off both.
// A rule that finds two units or more is ambiguous: the row is unplaced, not guessed.
// So is a text no rule places; its reason says which (retired units are named).
//
// Pure; thread-safe.
#ifndef RENSTRA_DOMAIN_UNIT_KERJA_H_
#define RENSTRA_DOMAIN_UNIT_KERJA_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "domain/agency_directory.h"

namespace renstra {

// One line of a unit map: a Unit Kerja text and the unit it goes to.
struct UnitMapEntry {
  std::string text;  // as written in the map
  std::string unit;  // a unit code of the agency
  int line = 0;      // 1-based line of the map
};

// Reads a unit map: "Unit Kerja text<TAB>UNIT_CODE" per line; blank lines and lines
// starting with '#' are skipped. INVALID_ARGUMENT "<name> line N: <reason>" for a line
// without exactly two non-empty fields, a unit that is not one of `units`, a retired
// unit, or a text mapped twice.
absl::StatusOr<std::vector<UnitMapEntry>> ParseUnitMap(std::string_view text, std::string_view name,
                                                       const std::vector<UnitInfo>& units);

struct UnitPlacement {
  // The unit's code; empty when unplaced.
  std::string unit;
  // Why it is unplaced (empty when placed).
  std::string reason;
};

// Places `text` (not blank) on one of `units` by the rules above. `agency` names the
// agency in reasons.
UnitPlacement PlaceUnitKerja(std::string_view text, const std::vector<UnitInfo>& units,
                             const std::vector<UnitMapEntry>& map, std::string_view agency);

// `text` lower-cased, trimmed, with each run of inner white space one space: the form
// Unit Kerja texts and unit names are compared in.
std::string FoldUnitText(std::string_view text);

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_UNIT_KERJA_H_
