// Tc27Parser: reads the official T-C.27 table (Rencana Program, Kegiatan, dan
// Pendanaan) as TSV or CSV, or finds it inside a whole document such as the seed.
//
// The seed's table is real-world messy, and the parser takes it as written:
//  - <b>…</b> markup is stripped;
//  - rows lack a leading column (17 cells instead of 20) or have a value cell missing
//    in the middle with a blank at the end; such a row is realigned by the placement
//    of the missing cell(s) that makes every cell fit its column's type (targets in
//    target columns, Rupiah in Rp columns, an end-of-period pair present), and a
//    SHIFTED_ROW finding names the row and where the blank was put; a row that runs
//    to column 20 is realigned only when a cell does not fit its column (its blank
//    end-of-period pair is blank, not missing: ExportTc27 writes such rows);
//  - a row without a code under a coded row is a further indicator of that node
//    (a continuation row);
//  - Tujuan and Sasaran rows define goals and objectives (with their indicators'
//    targets); URUSAN rows are headings; the JUMLAH row's stated totals are checked
//    against the programs' sums;
//  - the number convention (id or en) is decided once for the whole table and every
//    value cell read by it (number_format.h);
//  - page furniture (repeated header rows, page numbers, footers; tc27_furniture.h) and
//    blank rows are skipped and listed in `skipped` with their lines.
//  - a kegiatan or sub kegiatan whose code names a parent other than the program or
//    kegiatan row it sits under, while that parent is in the table, is imported where its
//    code puts it and reported (MISPLACED_CODE, naming both parents and their lines).
// A row it cannot place is reported (UNPLACED_ROW) with its line number, never
// dropped silently; a cell it cannot read is reported (BAD_CELL) and taken as blank.
//
// Pure function of its input; thread-safe.
#ifndef RENSTRA_DOMAIN_TC27_PARSER_H_
#define RENSTRA_DOMAIN_TC27_PARSER_H_

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "domain/code.h"
#include "domain/money.h"
#include "domain/number_format.h"
#include "domain/target_value.h"
#include "domain/year.h"
#include "renstra/v1/plan.pb.h"

namespace renstra {

// Number of columns of T-C.27 and of its value block (baseline, five years of
// target+Rp, end-of-period target+Rp).
inline constexpr int kTc27Columns = 20;
inline constexpr int kTc27ValueCells = 13;

// One table row's indicator and values.
struct ParsedRow {
  int line = 0;  // 1-based line in the input
  std::string indicator;
  TargetValue baseline;
  std::array<TargetValue, kTargetYears> targets;
  std::array<Money, kTargetYears> funding;
  TargetValue end_target;
  Money end_funding;
};

// A coded row (program, kegiatan or sub kegiatan) and its continuation rows.
struct ParsedNode {
  Code code;
  std::string name;
  std::string division_text;    // column 19 as written
  std::string location;         // column 20 as written
  std::string objective_id;     // the sasaran in force (programs only)
  std::vector<ParsedRow> rows;  // rows[0] is the coded row
};

struct ParsedGoal {
  std::string id;  // "T1", "T2", ... in document order
  std::string statement;
  std::string indicator;
  ParsedRow values;  // the row's baseline, targets and end-of-period target
};

struct ParsedObjective {
  std::string id;  // "S1", "S2", ... in document order
  std::string goal_id;
  std::string statement;
  std::string indicator;
  ParsedRow values;
};

// A line of the table that became nothing, and why ("blank row", "repeated header row",
// "page number", "footer \"Sumber: …\"").
struct SkippedLine {
  int line = 0;
  std::string what;
};

struct ParsedTable {
  std::vector<ParsedGoal> goals;
  std::vector<ParsedObjective> objectives;
  std::vector<ParsedNode> nodes;  // document order
  std::vector<v1::Finding> findings;
  int lines_read = 0;  // lines of the table (header to last row)
  int rows_used = 0;   // rows that became a goal, objective, node or indicator
  int continuation_rows = 0;
  // Page furniture and blank rows, in line order.
  std::vector<SkippedLine> skipped;
  // Every line from the header row to the last row, in line order, with its outcome.
  // A node's lines say "program 1.06.02" or "continuation row of program 1.06.02";
  // DecideImport adds which indicator each became.
  std::vector<v1::ImportLine> lines;
  // The table's number convention and the evidence it was decided on.
  NumberFormatDecision number_format;
};

struct Tc27ParseOptions {
  // kAuto decides from the table's own cells (number_format.h).
  NumberFormat number_format = NumberFormat::kAuto;
};

// Parses `text`. INVALID_ARGUMENT when no T-C.27 header ("Tujuan … Kode …") is found
// or the table has no coded row; the message says what was looked for. The number
// convention is decided once for the whole table (number_format.h) and every value cell
// read by it; INVALID_ARGUMENT "number format: …" at a cell that contradicts it, naming
// its line, column and text, or when ambiguous cells leave it undecided under kAuto.
absl::StatusOr<ParsedTable> ParseTc27(std::string_view text, const Tc27ParseOptions& options = {});

// Splits one CSV record (RFC 4180 quoting; no embedded newlines). Exposed for tests.
std::vector<std::string> SplitCsvLine(std::string_view line);

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_TC27_PARSER_H_
