// NumberFormat: the number convention of an imported table, decided once for the whole
// table the way a careful clerk would.
//
// Two conventions are in use in T-C.27 tables:
//  - id (Indonesian, the official one): dots group thousands, a comma marks decimals:
//    "139.700 Orang", "Rp 31.291.280.000", "69,5 %";
//  - en (spreadsheets set to English): commas group thousands, a dot marks decimals:
//    "139,700 Orang", "Rp 31,291,280,000", "69.5 %".
// A cell such as "12,450" or "139.700" reads under both, as different numbers: it is
// ambiguous, and only the rest of the table can say which is meant. NumberFormatJudge
// collects the evidence of every value cell (a cell that reads in one convention only)
// and decides:
//  - given id or en: that convention; a cell that reads only in the other one stops the
//    import (INVALID_ARGUMENT naming line, column, text and why);
//  - auto: the convention the evidence shows; a cell that contradicts it stops the
//    import as above; without evidence, id when every cell reads the same in both
//    conventions, else INVALID_ARGUMENT asking for the convention to be given.
// A Rupiah amount has no decimals or exactly two zero decimals ("1.234.567,00"), so a
// separator followed by three digits in a Rp column groups thousands: "Rp 975,000" is en
// evidence, never Rp 975.
//
// Values read under en are stored in the id notation (separators swapped: "12,450 Orang"
// is kept as "12.450 Orang"), so a plan and its exports speak one notation.
//
// Value types and pure functions; thread-compatible.
#ifndef RENSTRA_DOMAIN_NUMBER_FORMAT_H_
#define RENSTRA_DOMAIN_NUMBER_FORMAT_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "domain/money.h"
#include "domain/target_value.h"

namespace renstra {

enum class NumberFormat { kAuto, kId, kEn };

// "auto" or "" (kAuto), "id", "en" (case-insensitive). INVALID_ARGUMENT otherwise,
// naming `field` and the accepted values.
absl::StatusOr<NumberFormat> ParseNumberFormat(std::string_view text, std::string_view field);
// "auto", "id", "en".
std::string_view NumberFormatName(NumberFormat format);

// The cell with every '.' and ',' between two digits swapped: the en notation written
// the id way ("Rp 31,291,280,000" -> "Rp 31.291.280.000", "69.5 %" -> "69,5 %").
std::string SwapNumberSeparators(std::string_view cell);

// Reads a target or Rupiah cell in `format` (kId or kEn; kAuto reads as kId). The error
// is TargetValue's or Money's INVALID_ARGUMENT, or for an amount with decimals other than
// two zeros "Rp amount \"…\": N digits after the decimal X (a Rupiah amount has none
// or two)".
absl::StatusOr<TargetValue> ReadTarget(std::string_view cell, NumberFormat format);
absl::StatusOr<Money> ReadMoney(std::string_view cell, NumberFormat format);

// What a cell says about the convention.
enum class CellReading {
  kSame,     // reads the same in both (no separator, blank, "-") or in neither
  kIdOnly,   // evidence for id
  kEnOnly,   // evidence for en
  kDiffers,  // reads in both, as different numbers: ambiguous
};

// One value cell seen by the judge.
struct ObservedCell {
  int line = 0;
  std::string column;  // e.g. "8 (Rp 2022)"
  std::string text;
  bool money = false;
  CellReading reading = CellReading::kSame;
  std::string why;  // for kIdOnly/kEnOnly: why the other convention cannot read it
};

// The table's convention and the evidence it was decided on.
struct NumberFormatDecision {
  NumberFormat format = NumberFormat::kId;
  // How it was decided: "given", "evidence" or "default".
  std::string basis;
  int id_cells = 0;
  int en_cells = 0;
  int ambiguous_cells = 0;
  // One sentence for the import report, e.g. "en (from the evidence: 14 cells read only
  // in en, e.g. line 9, column 8 (Rp 2022) \"Rp 31,291,280,000\": …; 3 ambiguous cells
  // read the en way)".
  std::string summary;
};

// Collects the value cells of a table and decides its convention. Not thread-safe.
class NumberFormatJudge {
 public:
  // Classifies and records a value cell (blank cells are ignored).
  void Observe(int line, std::string column, std::string_view text, bool money);
  // Decides (see the header comment). INVALID_ARGUMENT at the first contradicting cell,
  // or for ambiguous cells without evidence under kAuto.
  absl::StatusOr<NumberFormatDecision> Decide(NumberFormat requested) const;

  // Classifies one cell; `why` gets the reason for kIdOnly/kEnOnly.
  static CellReading Classify(std::string_view text, bool money, std::string* why);

 private:
  std::vector<ObservedCell> cells_;
};

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_NUMBER_FORMAT_H_
