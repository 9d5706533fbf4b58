#include "clients/xlsx_writer.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <tuple>

#include "clients/terminal_text.h"

namespace renstra {
namespace {

// Column widths in Excel's units (about one character of the default font).
constexpr double kMinWidth = 5;
constexpr double kMaxWidth = 50;
constexpr uint8_t kPaperA4 = 9;

// Code points of the longest line (or, for a heading, of the longest word): what a
// column must show without wrapping.
size_t LongestRun(const std::string& text, bool words) {
  size_t best = 0, run = 0;
  for (unsigned char c : text) {
    if (c == '\n' || (words && c == ' ')) {
      run = 0;
      continue;
    }
    if ((c & 0xC0) != 0x80) best = std::max(best, ++run);
  }
  return best;
}

// Text as the XML of a cell may hold it: tab and line feed kept, every other control
// character (and any byte that is not UTF-8) escaped visibly.
std::string CellText(const std::string& text) { return PrintableLines(text, ""); }

bool ValidSheetName(const std::string& name) {
  return !name.empty() && name.size() <= LXW_SHEETNAME_MAX &&
         name.find_first_of("[]:*?/\\") == std::string::npos;
}

// The formats of one workbook, made once per distinct look (libxlsxwriter owns them).
class Formats {
 public:
  explicit Formats(lxw_workbook* workbook) : workbook_(workbook) {}

  lxw_format* Title() {
    if (title_ == nullptr) {
      title_ = workbook_add_format(workbook_);
      format_set_bold(title_);
      format_set_font_size(title_, 12);
      format_set_align(title_, LXW_ALIGN_CENTER);
    }
    return title_;
  }

  lxw_format* Heading() {
    if (heading_ == nullptr) {
      heading_ = workbook_add_format(workbook_);
      format_set_bold(heading_);
      format_set_text_wrap(heading_);
      format_set_align(heading_, LXW_ALIGN_CENTER);
      format_set_align(heading_, LXW_ALIGN_VERTICAL_CENTER);
      format_set_border(heading_, LXW_BORDER_THIN);
      format_set_bg_color(heading_, 0xDDE4EE);
    }
    return heading_;
  }

  // A data cell: text (wrapped, top-aligned, indented by `indent`) or a number in
  // `number_format`.
  lxw_format* Data(const std::string& number_format, int indent) {
    auto key = std::make_tuple(number_format, indent);
    auto it = data_.find(key);
    if (it != data_.end()) return it->second;
    lxw_format* f = workbook_add_format(workbook_);
    format_set_border(f, LXW_BORDER_THIN);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    if (number_format.empty()) {
      format_set_text_wrap(f);
      // Codes and every other text cell are text: "@" keeps Excel from reading a
      // typed-over cell as a number or a date.
      format_set_num_format(f, "@");
    } else {
      format_set_num_format(f, number_format.c_str());
    }
    if (indent > 0) format_set_indent(f, static_cast<uint8_t>(std::min(indent, 15)));
    data_.emplace(key, f);
    return f;
  }

 private:
  lxw_workbook* workbook_;
  lxw_format* title_ = nullptr;
  lxw_format* heading_ = nullptr;
  std::map<std::tuple<std::string, int>, lxw_format*> data_;
};

size_t Width(const XlsxSheet& sheet) {
  size_t width = 0;
  for (const auto& row : sheet.heading) width = std::max(width, row.size());
  for (const auto& row : sheet.rows) width = std::max(width, row.size());
  return width;
}

// A heading cell that spans several columns does not decide one column's width.
bool SpansColumns(const XlsxSheet& sheet, int row, int col) {
  for (const XlsxMerge& m : sheet.heading_merges) {
    if (row >= m.first_row && row <= m.last_row && col >= m.first_col && col <= m.last_col) {
      return m.first_col != m.last_col;
    }
  }
  return false;
}

std::vector<double> ColumnWidths(const XlsxSheet& sheet, size_t width) {
  std::vector<size_t> need(width, 0);
  for (size_t r = 0; r < sheet.heading.size(); ++r) {
    for (size_t c = 0; c < sheet.heading[r].size(); ++c) {
      if (SpansColumns(sheet, static_cast<int>(r), static_cast<int>(c))) continue;
      need[c] = std::max(need[c], LongestRun(sheet.heading[r][c], /*words=*/true));
    }
  }
  for (size_t r = 0; r < sheet.rows.size(); ++r) {
    const int indent =
        r < sheet.indent.size() ? 2 * std::max(0, sheet.indent[r]) : 0;  // ~2 chars a level
    for (size_t c = 0; c < sheet.rows[r].size(); ++c) {
      size_t n = LongestRun(sheet.rows[r][c].text, /*words=*/false);
      if (static_cast<int>(c) == sheet.indent_column) n += static_cast<size_t>(indent);
      need[c] = std::max(need[c], n);
    }
  }
  std::vector<double> widths;
  for (size_t n : need) {
    widths.push_back(std::clamp(static_cast<double>(n) + 2, kMinWidth, kMaxWidth));
  }
  return widths;
}

absl::Status WriteSheet(lxw_workbook* workbook, Formats& formats, const XlsxSheet& sheet) {
  lxw_worksheet* ws = workbook_add_worksheet(workbook, sheet.name.c_str());
  if (ws == nullptr) {
    return absl::InvalidArgumentError("sheet name \"" + sheet.name + "\" is used twice");
  }
  const size_t width = std::max<size_t>(1, Width(sheet));
  const lxw_col_t last_col = static_cast<lxw_col_t>(width - 1);
  lxw_row_t row = 0;
  for (const std::string& line : sheet.title) {
    if (width > 1) {
      worksheet_merge_range(ws, row, 0, row, last_col, CellText(line).c_str(), formats.Title());
    } else {
      worksheet_write_string(ws, row, 0, CellText(line).c_str(), formats.Title());
    }
    ++row;
  }
  const lxw_row_t heading_top = row;
  for (const std::vector<std::string>& cells : sheet.heading) {
    for (size_t c = 0; c < width; ++c) {
      const std::string text = c < cells.size() ? CellText(cells[c]) : "";
      worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), text.c_str(), formats.Heading());
    }
    ++row;
  }
  for (const XlsxMerge& m : sheet.heading_merges) {
    const std::string& text =
        sheet.heading[static_cast<size_t>(m.first_row)][static_cast<size_t>(m.first_col)];
    worksheet_merge_range(
        ws, heading_top + static_cast<lxw_row_t>(m.first_row), static_cast<lxw_col_t>(m.first_col),
        heading_top + static_cast<lxw_row_t>(m.last_row), static_cast<lxw_col_t>(m.last_col),
        CellText(text).c_str(), formats.Heading());
  }
  const lxw_row_t data_top = row;
  for (size_t r = 0; r < sheet.rows.size(); ++r, ++row) {
    const int level = r < sheet.indent.size() ? sheet.indent[r] : 0;
    for (size_t c = 0; c < width; ++c) {
      const int indent = static_cast<int>(c) == sheet.indent_column ? level : 0;
      const lxw_col_t col = static_cast<lxw_col_t>(c);
      if (c >= sheet.rows[r].size()) {
        worksheet_write_blank(ws, row, col, formats.Data("", 0));
        continue;
      }
      const XlsxCell& cell = sheet.rows[r][c];
      if (cell.number.has_value()) {
        worksheet_write_number(ws, row, col, *cell.number, formats.Data(cell.format, indent));
      } else if (cell.text.empty()) {
        worksheet_write_blank(ws, row, col, formats.Data("", indent));
      } else {
        worksheet_write_string(ws, row, col, CellText(cell.text).c_str(), formats.Data("", indent));
      }
    }
  }
  const std::vector<double> widths = ColumnWidths(sheet, width);
  for (size_t c = 0; c < widths.size(); ++c) {
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c],
                         nullptr);
  }
  // The title and headings stay on screen while scrolling, and head every printed page.
  worksheet_freeze_panes(ws, data_top, 0);
  if (data_top > heading_top) worksheet_repeat_rows(ws, heading_top, data_top - 1);
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, kPaperA4);
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_set_footer(ws, "&CHalaman &P dari &N");
  return absl::OkStatus();
}

}  // namespace

absl::Status WriteXlsx(const std::vector<XlsxSheet>& sheets, const std::string& path) {
  // Checked before anything is written, so a refused workbook leaves no file behind.
  for (const XlsxSheet& sheet : sheets) {
    if (!ValidSheetName(sheet.name)) {
      return absl::InvalidArgumentError("sheet name \"" + sheet.name +
                                        "\": Excel takes 1 to 31 characters, none of []:*?/\\");
    }
  }
  // libxlsxwriter reports a file it cannot create on stderr in its own words, after
  // assembling the whole workbook; finding out first keeps the CLI's one-line reason.
  if (FILE* probe = std::fopen(path.c_str(), "wb")) {
    std::fclose(probe);
  } else {
    return absl::InternalError("cannot write " + path + ": " + std::strerror(errno));
  }
  lxw_workbook* workbook = workbook_new(path.c_str());
  if (workbook == nullptr) return absl::InternalError("cannot create a workbook for " + path);
  // The text cells ("8.397 Keluarga") are in the Indonesian notation, as every export
  // is; saying so lets `renstra import` read them back without --number-format, since the
  // amounts, stored as numbers, carry no notation to decide it from (docs/import.md).
  workbook_set_custom_property_string(workbook, "Renstra number format", "id");
  Formats formats(workbook);
  absl::Status status;
  for (const XlsxSheet& sheet : sheets) {
    status = WriteSheet(workbook, formats, sheet);
    if (!status.ok()) break;
  }
  // Closing writes the file (and frees the workbook) even after a refused sheet; the
  // refusal is what the caller hears.
  const lxw_error error = workbook_close(workbook);
  if (!status.ok()) return status;
  if (error != LXW_NO_ERROR) {
    return absl::InternalError("cannot write " + path + ": " + lxw_strerror(error));
  }
  return absl::OkStatus();
}

}  // namespace renstra
