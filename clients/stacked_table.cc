#include "clients/stacked_table.h"

#include <algorithm>
#include <string>
#include <vector>

#include "clients/report_printer.h"
#include "clients/table_wrap.h"
#include "clients/terminal_text.h"

namespace renstra {

void PrintStackedTable(const ReportTable& table, std::ostream& out, size_t columns) {
  const ReportTable::Stacking& s = *table.stacking;
  auto text = [&](size_t r, int c) {
    return c >= 0 && static_cast<size_t>(c) < table.rows[r].size() ? Printable(table.rows[r][c])
                                                                   : std::string();
  };
  // A key column holding the table's tree column is indented by depth, all its lines
  // (E.80's statement under the name it belongs to).
  auto indent = [&](size_t r, size_t k) {
    const std::vector<int>& parts = s.keys[k];
    const bool tree = std::find(parts.begin(), parts.end(), table.indent_column) != parts.end();
    return tree && r < table.depth.size() ? static_cast<size_t>(2 * std::max(0, table.depth[r]))
                                          : size_t{0};
  };
  // Columns: the key columns, the line label (Tahun), then the figures of a line.
  const size_t keys = s.keys.size();
  std::vector<std::string> header = s.key_headings;
  header.resize(keys);
  header.push_back(s.line_heading);
  header.insert(header.end(), s.headings.begin(), s.headings.end());
  std::vector<size_t> width(header.size(), 0);
  std::vector<bool> wrappable(header.size(), false);
  for (size_t c = 0; c < header.size(); ++c) width[c] = DisplayWidth(header[c]);
  for (const std::string& label : s.line_labels) {
    width[keys] = std::max(width[keys], DisplayWidth(label));
  }
  for (size_t r = 0; r < table.rows.size(); ++r) {
    for (size_t k = 0; k < keys; ++k) {
      for (int c : s.keys[k]) {
        const std::string t = text(r, c);
        width[k] = std::max(width[k], indent(r, k) + DisplayWidth(t));
        // Names and statements wrap; codes and units without a space stay whole.
        if (t.find(' ') != std::string::npos && DisplayWidth(t) > kMinWrappedWidth) {
          wrappable[k] = true;
        }
      }
    }
    for (const std::vector<int>& line : s.cells) {
      for (size_t h = 0; h < line.size() && keys + 1 + h < width.size(); ++h) {
        width[keys + 1 + h] = std::max(width[keys + 1 + h], DisplayWidth(text(r, line[h])));
      }
    }
  }
  width = FitWidths(width, wrappable, 2, columns);

  auto print = [&](const std::vector<std::string>& cells) {
    std::string row;
    for (size_t c = 0; c < cells.size(); ++c) {
      if (c > 0) row += "  ";
      row += cells[c];
      if (c + 1 < cells.size() && DisplayWidth(cells[c]) < width[c]) {
        row.append(width[c] - DisplayWidth(cells[c]), ' ');
      }
    }
    while (!row.empty() && row.back() == ' ') row.pop_back();
    out << row << "\n";
  };
  out << Printable(table.title) << "\n";
  print(header);
  size_t total = 0;
  for (size_t w : width) total += w + 2;
  out << std::string(total > 2 ? total - 2 : 0, '-') << "\n";
  for (size_t r = 0; r < table.rows.size(); ++r) {
    // Each key column's lines: its cells one under another, each wrapped and indented.
    std::vector<std::vector<std::string>> key_lines(keys);
    size_t height = s.line_labels.size();
    for (size_t k = 0; k < keys; ++k) {
      for (int c : s.keys[k]) {
        const size_t pad = indent(r, k);
        std::vector<std::string> lines =
            wrappable[k] ? WrapWords(text(r, c), width[k] > pad ? width[k] - pad : 1)
                         : std::vector<std::string>{text(r, c)};
        for (std::string& l : lines) key_lines[k].push_back(std::string(pad, ' ') + l);
      }
      height = std::max(height, key_lines[k].size());
    }
    for (size_t i = 0; i < height; ++i) {
      std::vector<std::string> cells;
      for (size_t k = 0; k < keys; ++k) {
        cells.push_back(i < key_lines[k].size() ? key_lines[k][i] : "");
      }
      cells.push_back(i < s.line_labels.size() ? s.line_labels[i] : "");
      for (size_t h = 0; h < s.headings.size(); ++h) {
        const bool has = i < s.cells.size() && h < s.cells[i].size();
        cells.push_back(has ? text(r, s.cells[i][h]) : "");
      }
      print(cells);
    }
  }
  out << table.rows.size() << " baris\n";
}

}  // namespace renstra
