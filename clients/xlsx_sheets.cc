#include "clients/xlsx_sheets.h"

#include <sstream>

#include "clients/value_parser.h"

namespace renstra {
namespace {

XlsxCell TextCell(const std::string& text) { return XlsxCell{text, std::nullopt, ""}; }

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> cells;
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    cells.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) return cells;
    start = tab + 1;
  }
}

// The row numbering the columns "1", "2", ... up to its last non-blank cell.
bool IsColumnNumberRow(const std::vector<std::string>& cells) {
  size_t n = 0;
  for (size_t c = 0; c < cells.size(); ++c) {
    if (cells[c].empty()) break;
    if (cells[c] != std::to_string(c + 1)) return false;
    n = c + 1;
  }
  return n >= 2;
}

// Merges for heading rows [0, last) (the column-number row `last` is never merged): a
// heading takes the blank cells to its right that lie under the same parent heading,
// then the rows below it while they are blank over its whole width.
std::vector<XlsxMerge> HeadingMerges(const std::vector<std::vector<std::string>>& heading, int last,
                                     int width) {
  std::vector<std::vector<int>> owner(heading.size(), std::vector<int>(width, -1));
  auto blank = [&](int r, int c) {
    return c >= static_cast<int>(heading[r].size()) || heading[r][c].empty();
  };
  std::vector<XlsxMerge> merges;
  for (int r = 0; r < last; ++r) {
    for (int c = 0; c < width; ++c) {
      if (blank(r, c) || owner[r][c] != -1) continue;
      int right = c;
      while (right + 1 < width && blank(r, right + 1) && owner[r][right + 1] == -1 &&
             (r == 0 || owner[r - 1][right + 1] == owner[r - 1][c])) {
        ++right;
      }
      int bottom = r;
      auto row_blank = [&](int row) {
        for (int k = c; k <= right; ++k) {
          if (!blank(row, k) || owner[row][k] != -1) return false;
        }
        return true;
      };
      while (bottom + 1 < last && row_blank(bottom + 1)) ++bottom;
      const int id = static_cast<int>(merges.size());
      for (int rr = r; rr <= bottom; ++rr) {
        for (int k = c; k <= right; ++k) owner[rr][k] = id;
      }
      merges.push_back(XlsxMerge{r, c, bottom, right});
    }
  }
  // A heading alone in its cell needs no merge.
  std::vector<XlsxMerge> out;
  for (const XlsxMerge& m : merges) {
    if (m.first_row != m.last_row || m.first_col != m.last_col) out.push_back(m);
  }
  return out;
}

// A Rupiah cell of T-C.27 as a number, if the server wrote it the Indonesian way.
XlsxCell RupiahCell(const std::string& text) {
  XlsxCell cell = TextCell(text);
  if (text.empty() || text == "-" || text.find(',') != std::string::npos) return cell;
  std::string error;
  std::optional<v1::Money> money = ParseRupiah(text, &error);
  if (money.has_value()) {
    cell.number = static_cast<double>(money->rupiah());
    cell.format = NumberFormatOf(CellNumber{0, 0, true});
  }
  return cell;
}

}  // namespace

std::string NumberFormatOf(const CellNumber& number) {
  std::string format = number.grouped ? "#,##0" : "0";
  if (number.decimals > 0) format += "." + std::string(static_cast<size_t>(number.decimals), '0');
  return format;
}

XlsxSheet ReportSheet(const ReportTable& table) {
  XlsxSheet sheet;
  sheet.name = table.sheet_name;
  sheet.title = {table.title};
  const int width = static_cast<int>(table.header.size());
  bool grouped = false;
  for (const std::string& g : table.header_group) grouped = grouped || !g.empty();
  if (!grouped) {
    sheet.heading = {table.header};
  } else {
    std::vector<std::string> top, under;
    for (int c = 0; c < width; ++c) {
      const std::string& group = table.header_group[static_cast<size_t>(c)];
      top.push_back(group.empty() ? table.header[static_cast<size_t>(c)] : group);
      under.push_back(group.empty() ? "" : table.header_sub[static_cast<size_t>(c)]);
    }
    for (int c = 0; c < width;) {
      const std::string& group = table.header_group[static_cast<size_t>(c)];
      if (group.empty()) {
        sheet.heading_merges.push_back(XlsxMerge{0, c, 1, c});
        ++c;
        continue;
      }
      int last = c;
      while (last + 1 < width && table.header_group[static_cast<size_t>(last + 1)] == group) {
        ++last;
      }
      if (last > c) sheet.heading_merges.push_back(XlsxMerge{0, c, 0, last});
      c = last + 1;
    }
    sheet.heading = {top, under};
  }
  for (size_t r = 0; r < table.rows.size(); ++r) {
    std::vector<XlsxCell> cells;
    for (size_t c = 0; c < table.rows[r].size(); ++c) {
      XlsxCell cell = TextCell(table.rows[r][c]);
      if (r < table.numbers.size() && c < table.numbers[r].size() &&
          table.numbers[r][c].has_value()) {
        cell.number = table.numbers[r][c]->value;
        cell.format = NumberFormatOf(*table.numbers[r][c]);
      }
      cells.push_back(std::move(cell));
    }
    sheet.rows.push_back(std::move(cells));
  }
  sheet.indent = table.depth;
  sheet.indent_column = table.indent_column;
  return sheet;
}

XlsxSheet Tc27Sheet(const std::string& tsv, int64_t plan_version) {
  XlsxSheet sheet;
  sheet.name = "T-C.27";
  sheet.title = {"TABEL T-C.27 RENCANA PROGRAM, KEGIATAN, DAN PENDANAAN (versi rencana " +
                 std::to_string(plan_version) + ")"};
  std::vector<std::vector<std::string>> lines;
  std::istringstream in(tsv);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) lines.push_back(SplitTabs(line));
  }
  size_t numbers_row = lines.size();
  for (size_t r = 0; r < lines.size(); ++r) {
    if (IsColumnNumberRow(lines[r])) {
      numbers_row = r;
      break;
    }
  }
  // Without a column-number row (never from the server), every line is data.
  const size_t heading_rows = numbers_row == lines.size() ? 0 : numbers_row + 1;
  int width = 0;
  for (const auto& cells : lines) width = std::max(width, static_cast<int>(cells.size()));
  sheet.heading.assign(lines.begin(), lines.begin() + static_cast<long>(heading_rows));
  for (auto& cells : sheet.heading) cells.resize(static_cast<size_t>(width));
  sheet.heading_merges = HeadingMerges(sheet.heading, static_cast<int>(heading_rows) - 1, width);
  // The "Rp" columns: the heading row just above the column numbers says which.
  std::vector<bool> rupiah(static_cast<size_t>(width), false);
  if (heading_rows >= 2) {
    const std::vector<std::string>& units = sheet.heading[heading_rows - 2];
    for (int c = 0; c < width; ++c) rupiah[static_cast<size_t>(c)] = units[c] == "Rp";
  }
  for (size_t r = heading_rows; r < lines.size(); ++r) {
    std::vector<XlsxCell> cells;
    for (size_t c = 0; c < lines[r].size(); ++c) {
      cells.push_back(rupiah[c] ? RupiahCell(lines[r][c]) : TextCell(lines[r][c]));
    }
    sheet.rows.push_back(std::move(cells));
  }
  return sheet;
}

}  // namespace renstra
