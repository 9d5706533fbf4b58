#include "domain/tc27_parser.h"

#include <algorithm>
#include <functional>
#include <optional>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "base/status_macros.h"
#include "domain/cell_text.h"
#include "domain/strings.h"
#include "domain/tc27_furniture.h"
#include "domain/text_limits.h"

namespace renstra {
namespace {

// Column (0-based) of each block in the official 20-column layout.
constexpr int kColTujuan = 0;
constexpr int kColSasaran = 1;
constexpr int kColKode = 2;
constexpr int kColName = 3;
constexpr int kColIndicator = 4;
constexpr int kColValues = 5;
constexpr int kColDivision = 18;
constexpr int kColLocation = 19;

// Positions inside the 13-cell value block.
bool IsMoneyPosition(int v) { return v >= 2 && v % 2 == 0; }

const char* LevelName(v1::Level level) {
  if (level == v1::PROGRAM) return "program";
  return level == v1::ACTIVITY ? "kegiatan" : "sub kegiatan";
}

std::string ValueColumnName(int v) {
  if (v == 0) return "6 (Data Capaian pada Tahun Awal)";
  if (v == 11) return "17 (Target akhir periode)";
  if (v == 12) return "18 (Rp akhir periode)";
  const int year = kFirstTargetYear + (v - 1) / 2;
  return absl::StrCat(v + 6, IsMoneyPosition(v) ? " (Rp " : " (Target ", year, ")");
}

// Under kAuto (the first pass, before the convention is decided) a cell fits when it
// reads in either convention.
bool FitsTarget(const std::string& cell, NumberFormat format) {
  if (cell.empty()) return true;
  if (format == NumberFormat::kAuto) {
    return FitsTarget(cell, NumberFormat::kId) || FitsTarget(cell, NumberFormat::kEn);
  }
  absl::StatusOr<TargetValue> v = ReadTarget(cell, format);
  if (!v.ok()) return false;
  // A bare large number in a target column is a Rupiah amount that slid left.
  return !(v->kind() == TargetValue::Kind::kNumber && v->unit().empty() &&
           v->low() >= Decimal::FromInt(100000));
}

bool FitsMoney(const std::string& cell, NumberFormat format) {
  if (cell.empty()) return true;
  if (format == NumberFormat::kAuto) {
    return ReadMoney(cell, NumberFormat::kId).ok() || ReadMoney(cell, NumberFormat::kEn).ok();
  }
  return ReadMoney(cell, format).ok();
}

// Lower is better: 100 per cell that does not fit its column, 10 when the
// end-of-period pair is blank (every plan row states one), 1 per blank inserted
// before the baseline (the baseline column is rarely the missing one).
int Score(const std::vector<std::string>& cells, NumberFormat format) {
  int score = 0;
  for (int v = 0; v < kTc27ValueCells; ++v) {
    const bool fits =
        IsMoneyPosition(v) ? FitsMoney(cells[v], format) : FitsTarget(cells[v], format);
    if (!fits) score += 100;
  }
  if (cells[11].empty() && cells[12].empty()) score += 10;
  return score;
}

struct Alignment {
  std::vector<std::string> cells;
  std::vector<int> inserted;  // value positions of inserted blanks
};

// Finds the placement of blanks in `cells` (trailing blanks stripped) that fits the
// columns best. Returns nullopt if the row as written is already the best fit. A row
// that runs to the last column (`complete`) has all its cells: it is realigned only when
// a cell does not fit its column, not for a blank end-of-period pair alone (a table this
// server exports has such rows, e.g. a kegiatan with Rp cells only).
std::optional<Alignment> Realign(const std::vector<std::string>& as_written, bool complete,
                                 NumberFormat format) {
  const int as_is = Score(as_written, format);
  if (as_is == 0 || (complete && as_is < 100)) return std::nullopt;
  std::vector<std::string> body = as_written;
  while (!body.empty() && body.back().empty()) body.pop_back();
  const int missing = kTc27ValueCells - static_cast<int>(body.size());
  if (missing <= 0 || missing > 3) return std::nullopt;

  std::optional<Alignment> best;
  int best_score = as_is;
  std::vector<int> positions(missing, 0);
  // Enumerate non-decreasing insertion points p1 <= p2 <= ... in [0, body.size()].
  std::function<void(int, int)> search = [&](int k, int from) {
    if (k == missing) {
      Alignment a;
      int penalty = 0;
      size_t next = 0;
      int pi = 0;
      for (int v = 0; v < kTc27ValueCells; ++v) {
        if (pi < missing && static_cast<size_t>(positions[pi]) == next) {
          a.cells.emplace_back();
          a.inserted.push_back(v);
          if (v == 0) penalty += 1;
          ++pi;
        } else {
          a.cells.push_back(next < body.size() ? body[next] : std::string());
          ++next;
        }
      }
      const int score = Score(a.cells, format) + penalty;
      if (score < best_score) {
        best_score = score;
        best = std::move(a);
      }
      return;
    }
    for (int p = from; p <= static_cast<int>(body.size()); ++p) {
      positions[k] = p;
      search(k + 1, p);
    }
  };
  search(0, 0);
  return best;
}

class Parser {
 public:
  // `judge`, when given, is shown every value cell (the first pass, under kAuto).
  Parser(std::string_view text, NumberFormat format, NumberFormatJudge* judge)
      : text_(text), format_(format), judge_(judge) {}

  absl::StatusOr<ParsedTable> Run() {
    std::vector<absl::string_view> lines = absl::StrSplit(AsAbsl(text_), '\n');
    size_t header = lines.size();
    for (size_t i = 0; i < lines.size(); ++i) {
      std::vector<std::string> cells =
          Split(std::string_view(lines[i].data(), lines[i].size()), /*decide_format=*/true);
      if (cells.size() >= 5 && CleanCell(cells[0]) == "Tujuan" &&
          std::any_of(cells.begin(), cells.end(),
                      [](const std::string& c) { return CleanCell(c) == "Kode"; })) {
        header = i;
        break;
      }
    }
    if (header == lines.size()) {
      return absl::InvalidArgumentError(
          "content: no T-C.27 table found (looked for a header row starting with "
          "\"Tujuan\" that has a \"Kode\" column, tab- or comma-separated)");
    }
    size_t i = header + 1;
    Outcome(static_cast<int>(header) + 1, v1::ImportLine::SKIPPED, "table header");
    // Skip the header's continuation rows (years, Target/Rp) and the column numbers.
    for (size_t k = 0; k < 4 && i < lines.size(); ++k, ++i) {
      std::vector<std::string> cells =
          CleanCells(std::string_view(lines[i].data(), lines[i].size()));
      const bool numbering = cells.size() >= 3 && cells[0] == "1" && cells[1] == "2";
      const bool heading = std::any_of(cells.begin(), cells.end(), [](const std::string& c) {
        return absl::StartsWith(c, "Tahun") || c == "Target" || c == "Rp";
      });
      if (numbering) {
        Outcome(static_cast<int>(i) + 1, v1::ImportLine::SKIPPED, "table header (column numbers)");
        ++i;
        break;
      }
      if (!heading) break;
      Outcome(static_cast<int>(i) + 1, v1::ImportLine::SKIPPED, "table header");
    }
    for (; i < lines.size(); ++i) {
      absl::string_view line = lines[i];
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      const int number = static_cast<int>(i) + 1;
      if (absl::StripAsciiWhitespace(line).empty()) {
        Skip(number, "blank row");
        continue;
      }
      if (!csv_ && line.find('\t') == absl::string_view::npos) {
        // A line of text inside a TSV table or document: page furniture, the running
        // head of the next page (a header row follows), or the text resuming.
        // Only a page number or a footer: a sentence starting "Tahun …" is text.
        const std::string text = CleanCell(std::string_view(line.data(), line.size()));
        if (std::string what = PageFurniture({text});
            absl::StartsWith(what, "page number") || absl::StartsWith(what, "footer")) {
          Skip(number, what);
          continue;
        }
        if (const size_t next = NextPageHeader(lines, i); next != 0) {
          for (; i < next; ++i) {
            const std::string between =
                CleanCell(std::string_view(lines[i].data(), lines[i].size()));
            Skip(static_cast<int>(i) + 1,
                 between.empty()
                     ? "blank row"
                     : absl::StrCat("text between pages \"", SafePrefix(between), "\""));
          }
          --i;
          continue;
        }
        break;  // the text resumes
      }
      last_line_ = number;
      std::vector<std::string> cells = CleanCells(std::string_view(line.data(), line.size()));
      if (std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return c.empty(); })) {
        Skip(number, "blank row");
        continue;
      }
      if (std::string what = PageFurniture(cells); !what.empty()) {
        Skip(number, what);
        continue;
      }
      FlushSkipped(/*all=*/true);
      ParseRow(cells, number);
    }
    // Furniture after the last row (a footer, a page number) is reported; blank lines
    // there are the document's layout.
    FlushSkipped(/*all=*/false);
    table_.lines_read = last_line_ - static_cast<int>(header);
    std::stable_sort(
        table_.lines.begin(), table_.lines.end(),
        [](const v1::ImportLine& a, const v1::ImportLine& b) { return a.line() < b.line(); });
    if (table_.nodes.empty()) {
      return absl::InvalidArgumentError("content: the T-C.27 table has no row with a code");
    }
    CheckTotals();
    return std::move(table_);
  }

 private:
  std::vector<std::string> Split(std::string_view line, bool decide_format) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (decide_format) csv_ = line.find('\t') == std::string_view::npos;
    if (csv_) return SplitCsvLine(line);
    return absl::StrSplit(AsAbsl(line), '\t');
  }

  // Skipped lines are held until the next row: blank lines after the table's end are not
  // the table's.
  void Skip(int line, std::string what) { pending_skips_.push_back({line, std::move(what)}); }
  void FlushSkipped(bool all) {
    for (SkippedLine& s : pending_skips_) {
      if (!all && s.what == "blank row") continue;
      Outcome(s.line, v1::ImportLine::SKIPPED, s.what);
      table_.skipped.push_back(std::move(s));
    }
    pending_skips_.clear();
  }

  // The index of a T-C.27 header row within the next lines when only text lines (no
  // tab) stand between: a page's running head and the table continuing. 0 if none.
  static size_t NextPageHeader(const std::vector<absl::string_view>& lines, size_t from) {
    constexpr size_t kMaxRunningHead = 8;
    for (size_t k = from + 1; k < lines.size() && k <= from + kMaxRunningHead; ++k) {
      if (lines[k].find('\t') == absl::string_view::npos) continue;
      std::vector<std::string> cells = absl::StrSplit(lines[k], '\t');
      for (std::string& c : cells) c = CleanCell(c);
      return IsTc27HeaderRow(cells) ? k : 0;
    }
    return 0;
  }

  std::vector<std::string> CleanCells(std::string_view line) {
    std::vector<std::string> cells = Split(line, false);
    for (std::string& c : cells) c = CleanCell(c);
    return cells;
  }

  void Outcome(int line, v1::ImportLine::Outcome outcome, std::string what) {
    v1::ImportLine* l = &table_.lines.emplace_back();
    l->set_line(line);
    l->set_outcome(outcome);
    l->set_what(std::move(what));
  }

  // A refused line's outcome is its finding's message, without the "line N: " the
  // outcome already carries.
  void Refuse(int line) {
    std::string what = table_.findings.back().message();
    const std::string prefix = absl::StrCat("line ", line, ": ");
    if (absl::StartsWith(what, prefix)) what.erase(0, prefix.size());
    Outcome(line, v1::ImportLine::REFUSED, std::move(what));
  }

  void AddFinding(v1::Finding::Kind kind, std::string code, int year, int line, std::string message,
                  std::string stated = "", std::string computed = "") {
    v1::Finding f;
    f.set_kind(kind);
    f.set_code(std::move(code));
    f.set_year(year);
    f.set_line(line);
    f.set_message(std::move(message));
    f.set_stated(std::move(stated));
    f.set_computed(std::move(computed));
    table_.findings.push_back(std::move(f));
  }

  void ParseRow(const std::vector<std::string>& cells, int line) {
    int code_index = -1;
    for (int c = 0; c < 3 && c < static_cast<int>(cells.size()); ++c) {
      if (Code::LooksLikeCode(cells[c])) {
        code_index = c;
        break;
      }
    }
    // Offset of this row against the official layout: rows of 17 cells lack a leading
    // column (the seed drops the Tujuan column on many rows).
    const int offset =
        code_index >= 0 ? code_index - kColKode : (cells.size() <= 17 && cells.size() > 0 ? -1 : 0);
    // All columns present up to Lokasi (column 20).
    const bool complete = static_cast<int>(cells.size()) >= kTc27Columns + offset;
    auto col = [&](int official) -> std::string {
      const int idx = official + offset;
      return idx >= 0 && idx < static_cast<int>(cells.size()) ? cells[idx] : std::string();
    };
    if (code_index >= 0) {
      ParseCodedRow(col, complete, line);
      return;
    }
    const std::string tujuan = offset == 0 ? col(kColTujuan) : std::string();
    const std::string sasaran = col(kColSasaran);
    const std::string name = col(kColName);
    const std::string indicator = col(kColIndicator);
    for (const std::string* t : {&tujuan, &sasaran, &name, &indicator}) {
      if (absl::StartsWithIgnoreCase(*t, "URUSAN")) {
        Outcome(line, v1::ImportLine::SKIPPED, absl::StrCat("heading \"", SafePrefix(*t), "\""));
        return;
      }
    }
    if (absl::EqualsIgnoreCase(name, "JUMLAH") || absl::EqualsIgnoreCase(col(kColKode), "JUMLAH")) {
      Outcome(line, v1::ImportLine::SKIPPED,
              "JUMLAH row (its totals are checked against the programs' sums, not stored)");
      for (int v = 0; v < kTc27ValueCells; ++v) {
        const std::string cell = col(kColValues + v);
        if (cell.empty()) continue;
        stated_totals_.push_back({cell, line});
        if (judge_ != nullptr) judge_->Observe(line, ValueColumnName(v), cell, IsMoneyPosition(v));
      }
      return;
    }
    if (!tujuan.empty()) {
      ParsedGoal goal{absl::StrCat("T", table_.goals.size() + 1), tujuan, indicator,
                      ParseStatedValues(col, complete, line, "tujuan")};
      Outcome(line, v1::ImportLine::IMPORTED, absl::StrCat("tujuan ", goal.id));
      table_.goals.push_back(goal);
      current_objective_.clear();
      ++table_.rows_used;
      return;
    }
    if (!sasaran.empty()) {
      if (table_.goals.empty()) {
        AddFinding(v1::Finding::UNPLACED_ROW, "", 0, line,
                   absl::StrCat("line ", line, ": sasaran \"", sasaran,
                                "\" comes before any tujuan; not imported"));
        Refuse(line);
        return;
      }
      ParsedObjective o{absl::StrCat("S", table_.objectives.size() + 1), table_.goals.back().id,
                        sasaran, indicator, ParseStatedValues(col, complete, line, "sasaran")};
      current_objective_ = o.id;
      Outcome(line, v1::ImportLine::IMPORTED,
              absl::StrCat("sasaran ", o.id, " of tujuan ", o.goal_id));
      table_.objectives.push_back(o);
      ++table_.rows_used;
      return;
    }
    bool any_value = !indicator.empty();
    for (int v = 0; v < kTc27ValueCells; ++v) any_value = any_value || !col(kColValues + v).empty();
    if (!any_value && name.empty()) {
      Outcome(line, v1::ImportLine::SKIPPED, "row with no code, statement or value");
      return;
    }
    if (last_node_ < 0 || !name.empty()) {
      AddFinding(v1::Finding::UNPLACED_ROW, "", 0, line,
                 absl::StrCat("line ", line,
                              ": row without a code that does not continue a coded row; "
                              "not imported"));
      Refuse(line);
      return;
    }
    ParsedNode& node = table_.nodes[last_node_];
    Outcome(line, v1::ImportLine::IMPORTED,
            absl::StrCat("continuation row of ", LevelName(node.code.level()), " ",
                         node.code.canonical()));
    node.rows.push_back(ParseValues(col, complete, line, node.code.canonical()));
    ++table_.continuation_rows;
    ++table_.rows_used;
  }

  template <typename Col>
  void ParseCodedRow(const Col& col, bool complete, int line) {
    const std::string code_text = col(kColKode);
    absl::StatusOr<Code> code = Code::Parse(code_text);
    if (!code.ok() || code->level() == v1::LEVEL_UNSPECIFIED) {
      AddFinding(v1::Finding::UNPLACED_ROW, code_text, 0, line,
                 absl::StrCat("line ", line, ": code \"", code_text, "\" is not a program, ",
                              "kegiatan or sub kegiatan code",
                              code.ok() ? "" : absl::StrCat(" (", code.status().message(), ")"),
                              "; not imported"));
      Refuse(line);
      last_node_ = -1;
      return;
    }
    auto seen = seen_lines_.find(code->canonical());
    if (seen != seen_lines_.end()) {
      AddFinding(v1::Finding::DUPLICATE_CODE, code->canonical(), 0, line,
                 absl::StrCat("line ", line, ": code ", code_text, " repeats the code of line ",
                              seen->second, "; the repeated row is not imported"));
      Refuse(line);
      last_node_ = -1;
      return;
    }
    const std::string parent = code->ParentCanonical();
    if (!parent.empty() && !seen_lines_.contains(parent)) {
      AddFinding(v1::Finding::MISSING_PARENT, code->canonical(), 0, line,
                 absl::StrCat("line ", line, ": ", code_text, " has no parent ", parent,
                              " above it in the table"));
    } else if (!parent.empty()) {
      CheckPlacement(*code, line);
    }
    seen_lines_[code->canonical()] = line;
    if (code->level() == v1::PROGRAM) {
      under_program_ = code->canonical();
      under_activity_.clear();
    } else if (code->level() == v1::ACTIVITY) {
      under_activity_ = code->canonical();
    }
    Outcome(line, v1::ImportLine::IMPORTED,
            absl::StrCat(LevelName(code->level()), " ", code->canonical()));
    ParsedNode node;
    node.code = *code;
    node.name = col(kColName);
    node.division_text = col(kColDivision);
    node.location = col(kColLocation);
    if (code->level() == v1::PROGRAM) node.objective_id = current_objective_;
    node.rows.push_back(ParseValues(col, complete, line, code->canonical()));
    table_.nodes.push_back(std::move(node));
    last_node_ = static_cast<int>(table_.nodes.size()) - 1;
    ++table_.rows_used;
  }

  // A kegiatan belongs under the program row above it, a sub kegiatan under the kegiatan
  // row above it (or the program row, when no kegiatan follows that program yet). A row
  // whose code names another parent that the table has is misplaced: it is imported
  // where its code puts it (the document's numbering decides), and named.
  void CheckPlacement(const Code& code, int line) {
    const std::string& above = code.level() == v1::SUB_ACTIVITY && !under_activity_.empty()
                                   ? under_activity_
                                   : under_program_;
    const std::string parent = code.ParentCanonical();
    if (above.empty() || above == parent) return;
    auto level_name = [](const std::string& canonical) {
      absl::StatusOr<Code> c = Code::Parse(canonical);
      return c.ok() && c->level() == v1::PROGRAM ? "program" : "kegiatan";
    };
    AddFinding(v1::Finding::MISPLACED_CODE, code.canonical(), 0, line,
               absl::StrCat("line ", line, ": ",
                            code.level() == v1::SUB_ACTIVITY ? "sub kegiatan " : "kegiatan ",
                            code.written(), " sits under ", level_name(above), " ", above,
                            " (line ", seen_lines_.at(above), "), but its code belongs under ",
                            level_name(parent), " ", parent, " (line ", seen_lines_.at(parent),
                            "); imported under ", parent, ", as its code says"),
               above, parent);
  }

  // A Tujuan or Sasaran row's values: its indicator's targets. Rupiah belong to
  // programs, kegiatan and sub kegiatan; an amount here is reported, not imported.
  template <typename Col>
  ParsedRow ParseStatedValues(const Col& col, bool complete, int line, std::string_view what) {
    ParsedRow row = ParseValues(col, complete, line, "");
    for (int y = 0; y <= kTargetYears; ++y) {
      const Money& m = y < kTargetYears ? row.funding[y] : row.end_funding;
      if (!m.present()) continue;
      AddFinding(v1::Finding::BAD_CELL, "", y < kTargetYears ? kFirstTargetYear + y : 0, line,
                 absl::StrCat(
                     "line ", line, ", column ", ValueColumnName(y < kTargetYears ? 2 + 2 * y : 12),
                     ": an amount on a ", AsAbsl(what), " row; not imported (Rupiah belong to ",
                     "programs, kegiatan and sub kegiatan)"),
                 m.Display());
    }
    return row;
  }

  template <typename Col>
  ParsedRow ParseValues(const Col& col, bool complete, int line, const std::string& code) {
    std::vector<std::string> cells;
    for (int v = 0; v < kTc27ValueCells; ++v) cells.push_back(col(kColValues + v));
    if (std::optional<Alignment> a = Realign(cells, complete, format_)) {
      std::vector<std::string> where;
      for (int v : a->inserted) where.push_back(ValueColumnName(v));
      AddFinding(v1::Finding::SHIFTED_ROW, code, 0, line,
                 absl::StrCat("line ", line, ": ", kTc27ValueCells - a->inserted.size(),
                              " value cells instead of ", kTc27ValueCells,
                              "; realigned with a blank at column ", absl::StrJoin(where, ", ")));
      cells = std::move(a->cells);
    }
    if (judge_ != nullptr) {
      for (int v = 0; v < kTc27ValueCells; ++v) {
        judge_->Observe(line, ValueColumnName(v), cells[v], IsMoneyPosition(v));
      }
    }
    ParsedRow row;
    row.line = line;
    row.indicator = col(kColIndicator);
    auto target = [&](int v) {
      absl::StatusOr<TargetValue> t = ReadTarget(cells[v], format_);
      if (t.ok()) return *t;
      AddFinding(v1::Finding::BAD_CELL, code, 0, line,
                 absl::StrCat("line ", line, ", column ", ValueColumnName(v), ": ",
                              t.status().message(), "; taken as blank"),
                 cells[v]);
      return TargetValue();
    };
    auto money = [&](int v) {
      absl::StatusOr<Money> m = ReadMoney(cells[v], format_);
      if (m.ok()) return *m;
      AddFinding(v1::Finding::BAD_CELL, code, 0, line,
                 absl::StrCat("line ", line, ", column ", ValueColumnName(v), ": ",
                              m.status().message(), "; taken as blank"),
                 cells[v]);
      return Money();
    };
    row.baseline = target(0);
    for (int y = 0; y < kTargetYears; ++y) {
      row.targets[y] = target(1 + 2 * y);
      row.funding[y] = money(2 + 2 * y);
    }
    row.end_target = target(11);
    row.end_funding = money(12);
    return row;
  }

  // The JUMLAH row states the total funding per year and for the period; compare with
  // the programs' funding (first row carrying an amount for the year).
  void CheckTotals() {
    if (stated_totals_.empty()) return;
    std::array<int64_t, kTargetYears> per_year{};
    int64_t all = 0;
    for (const ParsedNode& node : table_.nodes) {
      if (node.code.level() != v1::PROGRAM) continue;
      for (int y = 0; y < kTargetYears; ++y) {
        for (const ParsedRow& row : node.rows) {
          if (row.funding[y].present()) {
            per_year[y] += row.funding[y].rupiah();
            all += row.funding[y].rupiah();
            break;
          }
        }
      }
    }
    const int line = stated_totals_.front().second;
    if (stated_totals_.size() != kTargetYears + 1) {
      std::vector<std::string> texts;
      for (const auto& t : stated_totals_) texts.push_back(t.first);
      AddFinding(v1::Finding::BAD_CELL, "JUMLAH", 0, line,
                 absl::StrCat("line ", line, ": JUMLAH row has ", stated_totals_.size(),
                              " amounts (", absl::StrJoin(texts, "; "), ") for ", kTargetYears + 1,
                              " columns (five years and the period); its last amount is "
                              "compared with the period total"));
    } else {
      for (int y = 0; y < kTargetYears; ++y) {
        absl::StatusOr<Money> m = ReadMoney(stated_totals_[y].first, format_);
        if (m.ok() && m->present() && m->rupiah() != per_year[y]) {
          AddFinding(v1::Finding::PARENT_CHILDREN_FUNDING, "JUMLAH", kFirstTargetYear + y, line,
                     absl::StrCat("line ", line, ": JUMLAH for ", kFirstTargetYear + y,
                                  " differs from the sum of the programs"),
                     m->ToIndonesian(), FormatRupiah(per_year[y]));
        }
      }
    }
    absl::StatusOr<Money> total = ReadMoney(stated_totals_.back().first, format_);
    if (total.ok() && total->present() && total->rupiah() != all) {
      AddFinding(v1::Finding::PARENT_CHILDREN_FUNDING, "JUMLAH", 0, line,
                 absl::StrCat("line ", line,
                              ": JUMLAH for the period differs from the sum of the programs"),
                 total->ToIndonesian(), FormatRupiah(all));
    }
  }

  std::string_view text_;
  NumberFormat format_;
  NumberFormatJudge* judge_;
  bool csv_ = false;
  ParsedTable table_;
  int last_node_ = -1;
  int last_line_ = 0;
  std::string current_objective_;
  // The program and kegiatan rows the next rows sit under (canonical codes).
  std::string under_program_;
  std::string under_activity_;
  absl::flat_hash_map<std::string, int> seen_lines_;
  std::vector<std::pair<std::string, int>> stated_totals_;
  std::vector<SkippedLine> pending_skips_;
};

}  // namespace

std::vector<std::string> SplitCsvLine(std::string_view line) {
  std::vector<std::string> cells(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        cells.back().push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cells.back().push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      cells.emplace_back();
    } else {
      cells.back().push_back(c);
    }
  }
  return cells;
}

absl::StatusOr<ParsedTable> ParseTc27(std::string_view text, const Tc27ParseOptions& options) {
  // First pass: where the cells are, and what they say about the number convention.
  NumberFormatJudge judge;
  RENSTRA_RETURN_IF_ERROR(Parser(text, NumberFormat::kAuto, &judge).Run().status());
  RENSTRA_ASSIGN_OR_RETURN(NumberFormatDecision decision, judge.Decide(options.number_format));
  // Second pass: every cell read by the decided convention.
  RENSTRA_ASSIGN_OR_RETURN(ParsedTable table, Parser(text, decision.format, nullptr).Run());
  table.number_format = std::move(decision);
  return table;
}

}  // namespace renstra
