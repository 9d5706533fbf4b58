#include "domain/cascade_parser.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "base/status_macros.h"
#include "domain/cell_text.h"
#include "domain/strings.h"
#include "domain/year.h"

namespace renstra {
namespace {

constexpr int kYearsWithBaseline = kFinalYear - kBaselineYear + 1;

std::vector<std::string> Cells(std::string_view line) {
  std::vector<std::string> out;
  for (absl::string_view c : absl::StrSplit(AsAbsl(line), '\t')) {
    out.push_back(CleanCell(std::string_view(c.data(), c.size())));
  }
  return out;
}

const std::string& CellAt(const std::vector<std::string>& cells, int i) {
  static const std::string* const kBlank = new std::string();
  return i >= 0 && static_cast<size_t>(i) < cells.size() ? cells[i] : *kBlank;
}

bool AllBlank(const std::vector<std::string>& cells) {
  return std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return c.empty(); });
}

// "Tabel TC.25", "**Tabel T-C.28**": the title line of table `number` ("25", "28").
bool IsTitle(std::string_view line, std::string_view number) {
  std::string t;
  for (char c : line) {
    if (c != '*' && c != '-' && c != ' ' && c != '#') t.push_back(absl::ascii_tolower(c));
  }
  const std::string want = absl::StrCat("tabeltc.", AsAbsl(number));
  return absl::StartsWith(t, want) && (t.size() == want.size() || !IsAsciiDigit(t[want.size()]));
}

// The year a header cell names ("2021", "Tahun 2021"), or 0.
int YearOf(std::string_view cell) {
  if (cell.size() < 4) return 0;
  std::string_view tail = cell.substr(cell.size() - 4);
  if (!std::all_of(tail.begin(), tail.end(), IsAsciiDigit)) return 0;
  if (cell.size() > 4 && cell[cell.size() - 5] != ' ') return 0;
  const int year = std::stoi(std::string(tail));
  return year >= kBaselineYear && year <= kFinalYear ? year : 0;
}

// The column-number row: "(1)", "(2)", ...
bool IsColumnNumberRow(const std::vector<std::string>& cells) {
  return !cells.empty() && absl::StartsWith(cells[0], "(") && absl::EndsWith(cells[0], ")");
}

// A table's layout, from its header rows.
struct Layout {
  int first_row = 0;  // index of the first data line
  std::array<int, kYearsWithBaseline> year_columns{};
  int end_column = -1;  // T-C.28's "akhir periode"; -1 when none
};

// Finds the header ("NO…" row), the year row and the column-number row after `title`.
absl::StatusOr<Layout> ReadLayout(const std::vector<std::string_view>& lines, int title,
                                  const char* table) {
  Layout layout;
  int header = -1;
  for (int i = title + 1; i < static_cast<int>(lines.size()) && i <= title + 8; ++i) {
    const std::vector<std::string> cells = Cells(lines[i]);
    if (cells.size() >= 4 && absl::StartsWithIgnoreCase(cells[0], "NO")) {
      header = i;
      break;
    }
  }
  if (header < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(table, " line ", title + 1, ": no header row (\"NO …\") under the title"));
  }
  const std::vector<std::string> head = Cells(lines[header]);
  for (size_t c = 0; c < head.size(); ++c) {
    if (absl::StrContains(absl::AsciiStrToLower(head[c]), "akhir periode")) layout.end_column = c;
  }
  layout.year_columns.fill(-1);
  // The year row is the first row under the header naming a year; the column-number
  // row "(1) (2) …", if any, follows it.
  int row = header + 1;
  for (; row < static_cast<int>(lines.size()) && row <= header + 3; ++row) {
    const std::vector<std::string> cells = Cells(lines[row]);
    bool years = false;
    for (size_t c = 0; c < cells.size(); ++c) {
      if (int y = YearOf(cells[c]); y != 0) {
        layout.year_columns[y - kBaselineYear] = c;
        years = true;
      }
    }
    if (years) {
      ++row;
      break;
    }
  }
  if (row < static_cast<int>(lines.size()) && IsColumnNumberRow(Cells(lines[row]))) ++row;
  for (int y = kBaselineYear; y <= kFinalYear; ++y) {
    if (layout.year_columns[y - kBaselineYear] < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat(table, " line ", header + 1, ": the header does not name the year ", y,
                       " (a column for each year ", kBaselineYear, "–", kFinalYear, " is read)"));
    }
  }
  layout.first_row = row;
  return layout;
}

// Strips TC.25's "( Indikator Tujuan )" / "( Indikator Sasaran )" mark from `statement`.
std::optional<CascadeRole> TakeMark(std::string& statement) {
  const size_t open = statement.rfind('(');
  if (open == std::string::npos) return std::nullopt;
  std::string inner = statement.substr(open + 1);
  if (!absl::EndsWith(inner, ")")) return std::nullopt;
  inner.pop_back();
  const std::string mark = absl::AsciiStrToLower(std::string(TrimAscii(inner)));
  std::optional<CascadeRole> role;
  if (mark == "indikator tujuan") role = CascadeRole::kTujuan;
  if (mark == "indikator sasaran") role = CascadeRole::kSasaran;
  if (role) statement = std::string(TrimAscii(std::string_view(statement).substr(0, open)));
  return role;
}

// A number in the cell: a run of digits, dots and commas starting with a digit.
struct NumberToken {
  size_t begin = 0;
  size_t end = 0;
};

std::vector<NumberToken> Numbers(std::string_view cell) {
  std::vector<NumberToken> out;
  for (size_t i = 0; i < cell.size();) {
    if (!IsAsciiDigit(cell[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < cell.size() && (IsAsciiDigit(cell[j]) || cell[j] == '.' || cell[j] == ',')) ++j;
    // A trailing separator belongs to the text, not the number.
    size_t end = j;
    while (end > i && !IsAsciiDigit(cell[end - 1])) --end;
    out.push_back({i, end});
    i = j;
  }
  return out;
}

void FillYears(CascadeIndicator& ind) {
  auto stated = [](const TargetValue& v) {
    return v.kind() != TargetValue::Kind::kEmpty && v.kind() != TargetValue::Kind::kNone;
  };
  for (int y = kBaselineYear; y <= kFinalYear; ++y) {
    const TargetValue& v = y == kBaselineYear ? ind.baseline : ind.targets[y - kFirstTargetYear];
    if (!stated(v)) continue;
    if (ind.first_year == 0) ind.first_year = y;
    ind.last_year = y;
  }
}

// Links the replacements of one group: an indicator whose last year is before the
// period's end is replaced by the next one of the group (of the same role) that starts
// the year after.
void LinkReplacements(std::vector<CascadeIndicator>& group) {
  std::vector<bool> replacing(group.size(), false);
  for (size_t i = 0; i < group.size(); ++i) {
    CascadeIndicator& old = group[i];
    if (old.last_year == 0 || old.last_year >= kFinalYear) continue;
    for (size_t j = i + 1; j < group.size(); ++j) {
      if (replacing[j] || group[j].role != old.role) continue;
      if (group[j].first_year == old.last_year + 1) {
        old.replaced_by = group[j].id;
        old.replaced_from = group[j].first_year;
        replacing[j] = true;
        break;
      }
    }
  }
}

// Reads the cells of one indicator row.
absl::Status ReadValues(const std::vector<std::string>& cells, const Layout& layout, int line,
                        const char* table, const std::string& row, CascadeIndicator& ind,
                        std::vector<v1::Finding>* notes) {
  auto read = [&](int column, const std::string& column_name, TargetValue& out) -> absl::Status {
    const std::string where =
        absl::StrCat(table, " line ", line, " (row ", row, "), column ", column_name);
    absl::StatusOr<TargetValue> v = ReadCascadeCell(CellAt(cells, column), where, line, notes);
    if (!v.ok()) return v.status();
    out = *std::move(v);
    return absl::OkStatus();
  };
  if (absl::Status s = read(layout.year_columns[0], absl::StrCat(kBaselineYear), ind.baseline);
      !s.ok()) {
    return s;
  }
  for (int y = kFirstTargetYear; y <= kFinalYear; ++y) {
    if (absl::Status s = read(layout.year_columns[y - kBaselineYear], absl::StrCat(y),
                              ind.targets[y - kFirstTargetYear]);
        !s.ok()) {
      return s;
    }
  }
  if (layout.end_column >= 0) {
    if (absl::Status s = read(layout.end_column, std::string("akhir periode"), ind.end_target);
        !s.ok()) {
      return s;
    }
  }
  for (const TargetValue* v : {&ind.baseline, &ind.targets[0], &ind.targets[1], &ind.targets[2],
                               &ind.targets[3], &ind.targets[4], &ind.end_target}) {
    if (ind.unit.empty() && !v->IsBlank()) ind.unit = v->unit();
  }
  return absl::OkStatus();
}

bool EndsTable(std::string_view line) {
  const std::string_view t = TrimAscii(line);
  return t.empty() || t[0] == '#';
}

// Calls row(cells, line) for each row of a table's body, from its first row to the first
// blank or comment line, and stops at the first error.
template <typename RowFn>
absl::Status ForEachRow(const std::vector<std::string_view>& lines, int first_row, RowFn&& row) {
  for (int i = first_row; i < static_cast<int>(lines.size()); ++i) {
    if (EndsTable(lines[i])) break;
    const std::vector<std::string> cells = Cells(lines[i]);
    if (AllBlank(cells)) break;
    if (absl::Status s = row(cells, i + 1); !s.ok()) return s;
  }
  return absl::OkStatus();
}

// The group a row's indicator belongs to: a new one when the row is numbered (column 0),
// else the last one. Both tables write a number only on a group's first row.
template <typename Group>
absl::StatusOr<Group*> GroupOfRow(std::vector<Group>& groups, const std::vector<std::string>& cells,
                                  int line, std::string_view table, std::string_view group_name) {
  if (!CellAt(cells, 0).empty()) {
    Group& group = groups.emplace_back();
    group.number = cells[0];
    group.line = line;
    return &group;
  }
  if (groups.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(AsAbsl(table), " line ", line,
                                                   ": an indicator row before any numbered ",
                                                   AsAbsl(group_name), "row"));
  }
  return &groups.back();
}

// The next indicator of `group`, named "<table> <group number>.<n>".
template <typename Group>
CascadeIndicator& NextIndicator(Group& group, std::string_view table, int line) {
  CascadeIndicator& ind = group.indicators.emplace_back();
  ind.id = absl::StrCat(AsAbsl(table), " ", group.number, ".", group.indicators.size());
  ind.line = line;
  return ind;
}

absl::Status ReadTc25(const std::vector<std::string_view>& lines, int title, CascadeTables& out) {
  constexpr const char* kTable = "TC.25";
  absl::StatusOr<Layout> layout = ReadLayout(lines, title, kTable);
  if (!layout.ok()) return layout.status();
  out.tc25_line = title + 1;
  RENSTRA_RETURN_IF_ERROR(ForEachRow(
      lines, layout->first_row,
      [&](const std::vector<std::string>& cells, int line) -> absl::Status {
        RENSTRA_ASSIGN_OR_RETURN(CascadeGoal * goal,
                                 GroupOfRow(out.goals, cells, line, kTable, "Tujuan/Sasaran "));
        if (goal->line == line) {
          goal->tujuan = CellAt(cells, 1);
          goal->sasaran = CellAt(cells, 2);
        }
        CascadeIndicator& ind = NextIndicator(*goal, kTable, line);
        ind.statement = CellAt(cells, 3);
        std::optional<CascadeRole> role = TakeMark(ind.statement);
        if (!role) {
          return absl::InvalidArgumentError(absl::StrCat(
              kTable, " line ", line, " (row ", goal->number, "), column INDIKATOR: \"",
              CellAt(cells, 3),
              "\" is marked neither \"( Indikator Tujuan )\" nor \"( Indikator Sasaran )\""));
        }
        ind.role = *role;
        return ReadValues(cells, *layout, line, kTable, goal->number, ind, &out.notes);
      }));
  for (CascadeGoal& goal : out.goals) LinkCascadeGroup(goal.indicators);
  return absl::OkStatus();
}

absl::Status ReadTc28(const std::vector<std::string_view>& lines, int title, CascadeTables& out) {
  constexpr const char* kTable = "T-C.28";
  absl::StatusOr<Layout> layout = ReadLayout(lines, title, kTable);
  if (!layout.ok()) return layout.status();
  out.tc28_line = title + 1;
  RENSTRA_RETURN_IF_ERROR(ForEachRow(
      lines, layout->first_row,
      [&](const std::vector<std::string>& cells, int line) -> absl::Status {
        RENSTRA_ASSIGN_OR_RETURN(IkuGroup * group, GroupOfRow(out.iku, cells, line, kTable, ""));
        CascadeIndicator& ind = NextIndicator(*group, kTable, line);
        ind.statement = CellAt(cells, 1);
        ind.role = CascadeRole::kIku;
        return ReadValues(cells, *layout, line, kTable, group->number, ind, &out.notes);
      }));
  for (IkuGroup& group : out.iku) LinkCascadeGroup(group.indicators);
  return absl::OkStatus();
}

}  // namespace

void LinkCascadeGroup(std::vector<CascadeIndicator>& group) {
  for (CascadeIndicator& ind : group) FillYears(ind);
  LinkReplacements(group);
}

const char* CascadeRoleName(CascadeRole role) {
  switch (role) {
    case CascadeRole::kTujuan:
      return "Indikator Tujuan";
    case CascadeRole::kSasaran:
      return "Indikator Sasaran";
    case CascadeRole::kIku:
      return "IKU";
  }
  return "";
}

absl::StatusOr<TargetValue> ReadCascadeCell(std::string_view cell, std::string_view where, int line,
                                            std::vector<v1::Finding>* notes) {
  std::string text = CleanCell(cell);
  std::string read = text;
  bool decimal_point = false;
  for (const NumberToken& t : Numbers(text)) {
    const std::string_view number = std::string_view(text).substr(t.begin, t.end - t.begin);
    const size_t dots = std::count(number.begin(), number.end(), '.');
    const bool comma = number.find(',') != std::string_view::npos;
    if (dots != 1 || comma) continue;  // none, or the document's own thousands groups
    const size_t dot = number.find('.');
    const size_t after = number.size() - dot - 1;
    if (after == 3) {
      return absl::InvalidArgumentError(absl::StrCat(
          AsAbsl(where), ": \"", text, "\" reads as ", AsAbsl(number), " (a thousands dot) or as ",
          AsAbsl(number.substr(0, dot)), ",", AsAbsl(number.substr(dot + 1)),
          " (a decimal point, as the document also writes 6.36); it cannot be read for "
          "certain"));
    }
    read[t.begin + dot] = ',';  // one, two or four or more digits: a decimal point
    decimal_point = true;
  }
  absl::StatusOr<TargetValue> value = TargetValue::Parse(read);
  if (!value.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(AsAbsl(where), ": ", value.status().message()));
  }
  if (decimal_point && notes != nullptr) {
    v1::Finding& f = notes->emplace_back();
    f.set_kind(v1::Finding::DECIMAL_POINT);
    f.set_line(line);
    f.set_stated(text);
    f.set_computed(value->ToIndonesian());
    f.set_message(absl::StrCat(AsAbsl(where), ": \"", text,
                               "\" is written with a decimal point; read as ",
                               value->ToIndonesian()));
  }
  return value;
}

absl::StatusOr<CascadeTables> ParseCascade(std::string_view document) {
  std::vector<std::string_view> lines;
  for (absl::string_view l : absl::StrSplit(AsAbsl(document), '\n')) {
    std::string_view line(l.data(), l.size());
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
  }
  CascadeTables out;
  for (int i = 0; i < static_cast<int>(lines.size()); ++i) {
    if (out.tc25_line == 0 && IsTitle(lines[i], "25")) {
      if (absl::Status s = ReadTc25(lines, i, out); !s.ok()) return s;
    } else if (out.tc28_line == 0 && IsTitle(lines[i], "28")) {
      if (absl::Status s = ReadTc28(lines, i, out); !s.ok()) return s;
    }
  }
  std::stable_sort(out.notes.begin(), out.notes.end(),
                   [](const v1::Finding& a, const v1::Finding& b) { return a.line() < b.line(); });
  return out;
}

}  // namespace renstra
