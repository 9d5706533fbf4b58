#include "services/workbook_table.h"

#include <charconv>
#include <cmath>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "base/status_macros.h"
#include "domain/tc27_parser.h"
#include "domain/year.h"
#include "workbook/xlsx_workbook.h"

namespace renstra {
namespace {

// Table columns (1-based) of the official 20-column layout that need a rule of their own.
constexpr int kCode = 3;
constexpr int kFirstValue = 6;
constexpr int kLastValue = 18;
// The largest Rupiah amount of one cell (docs/limits.md): exactly representable in a
// double, as every whole number below 2^53 is.
constexpr double kMaxRupiah = 1e14;

bool IsRupiahColumn(int c) { return c >= kFirstValue + 2 && c <= kLastValue && c % 2 == 0; }

// The heading of a table column, as the importer names it ("8 (Rp 2022)").
std::string ColumnName(int c) {
  if (c == kCode) return "Kode";
  if (c == kFirstValue) return "Data Capaian pada Tahun Awal";
  if (c == 17) return "Target akhir periode";
  if (c == 18) return "Rp akhir periode";
  if (c > kFirstValue && c < 17) {
    const int v = c - kFirstValue;
    return absl::StrCat(IsRupiahColumn(c) ? "Rp " : "Target ", kFirstTargetYear + (v - 1) / 2);
  }
  return absl::StrCat("column ", c);
}

std::string Trim(std::string_view s) {
  return std::string(absl::StripAsciiWhitespace(absl::string_view(s.data(), s.size())));
}

// The shortest decimal that reads back as exactly `x`, in plain notation ("0.695",
// "31291280000"); never an exponent.
std::string ShortestDecimal(double x) {
  char buffer[400];
  const std::to_chars_result r =
      std::to_chars(buffer, buffer + sizeof buffer, x, std::chars_format::fixed);
  return std::string(buffer, r.ptr);
}

// "0.695" -> "69.5": the number a percentage format shows, by moving the point, so no
// rounding happens.
std::string TimesHundred(const std::string& decimal) {
  std::string sign, whole = decimal, fraction;
  if (!whole.empty() && whole[0] == '-') {
    sign = "-";
    whole = whole.substr(1);
  }
  const size_t point = whole.find('.');
  if (point != std::string::npos) {
    fraction = whole.substr(point + 1);
    whole = whole.substr(0, point);
  }
  while (fraction.size() < 2) fraction += '0';
  whole += fraction.substr(0, 2);
  fraction = fraction.substr(2);
  while (whole.size() > 1 && whole[0] == '0') whole = whole.substr(1);
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  return sign + whole + (fraction.empty() ? "" : "." + fraction);
}

// The decimal mark of the table's convention.
std::string WithMark(std::string decimal, NumberFormat format) {
  if (format != NumberFormat::kEn) {
    for (char& c : decimal) {
      if (c == '.') c = ',';
    }
  }
  return decimal;
}

// Text cells: a tab or a line break would split the row; as the user sees the cell, they
// are spaces.
std::string OneLine(const std::string& text) {
  std::string out = text;
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

class SheetReader {
 public:
  SheetReader(const XlsxSheetCells& sheet, int header_row, int first_column, NumberFormat format)
      : sheet_(sheet), header_row_(header_row), first_(first_column), format_(format) {}

  absl::StatusOr<std::string> Text(size_t max_bytes) {
    std::string out;
    int row = 1;
    std::vector<std::string> cells;
    auto flush = [&]() {
      // A spreadsheet row spans the whole table, as a TSV written from one does; a
      // shorter line would read as a row missing its leading columns.
      if (!cells.empty() && cells.size() < kTc27Columns) cells.resize(kTc27Columns);
      out += absl::StrJoin(cells, "\t");
      cells.clear();
    };
    for (const auto& [where, cell] : sheet_.cells) {
      const auto [r, column] = where;
      // The rows above the table's header are not part of it (a title, the agency).
      if (r < header_row_) continue;
      while (row < r) {
        flush();
        out += '\n';
        ++row;
      }
      if (column < first_) {
        return Refuse(r, column, "",
                      "a cell left of the table, which starts at column " +
                          XlsxColumnLetters(first_) +
                          " (its \"Tujuan\" heading); move or clear it");
      }
      const int c = column - first_ + 1;
      RENSTRA_ASSIGN_OR_RETURN(std::string text, CellText(r, column, c, cell));
      if (static_cast<int>(cells.size()) < c) cells.resize(static_cast<size_t>(c));
      cells[static_cast<size_t>(c - 1)] = std::move(text);
      if (out.size() > max_bytes) break;
    }
    flush();
    out += '\n';
    if (out.size() > max_bytes) {
      return absl::ResourceExhaustedError(absl::StrCat("workbook: sheet \"", sheet_.name,
                                                       "\" makes a table of more than ", max_bytes,
                                                       " bytes, the limit of an import"));
    }
    return out;
  }

 private:
  absl::Status Refuse(int row, int column, const std::string& heading, const std::string& why) {
    return absl::InvalidArgumentError(absl::StrCat("workbook: sheet \"", sheet_.name, "\" cell ",
                                                   XlsxCellRef(row, column), heading, ": ", why));
  }

  absl::StatusOr<std::string> CellText(int row, int column, int c, const WorkbookCell& cell) {
    const std::string heading = c >= kCode && c <= kLastValue ? " (" + ColumnName(c) + ")" : "";
    switch (cell.kind) {
      case WorkbookCell::Kind::kText:
        return OneLine(cell.text);
      case WorkbookCell::Kind::kBool:
        return Refuse(row, column, heading,
                      absl::StrCat("the logical value ", cell.text, " is not a T-C.27 value"));
      case WorkbookCell::Kind::kError:
        return Refuse(row, column, heading,
                      absl::StrCat("the error value ", cell.text, " is not a T-C.27 value"));
      case WorkbookCell::Kind::kNoValue:
        return Refuse(row, column, heading,
                      absl::StrCat("a formula (=", cell.text.substr(0, 60),
                                   ") whose value the file does not store; open and save the "
                                   "workbook in a spreadsheet program, or write the value"));
      case WorkbookCell::Kind::kNumber:
        break;
    }
    const double x = cell.number;
    if (cell.format == WorkbookCell::Format::kDate) {
      return Refuse(row, column, heading,
                    "a date (the cell is formatted as one); T-C.27 holds no dates: write the "
                    "value as a number or text");
    }
    if (!std::isfinite(x) || std::fabs(x) > kMaxRupiah) {
      return Refuse(row, column, heading,
                    absl::StrCat("the number ", WithMark(ShortestDecimal(x), format_),
                                 " exceeds the maximum 100.000.000.000.000"));
    }
    const std::string decimal = ShortestDecimal(x);
    if (IsRupiahColumn(c)) {
      if (cell.format == WorkbookCell::Format::kPercent) {
        return Refuse(row, column, heading, "a percentage in a Rupiah column");
      }
      if (x != std::floor(x) || x < 0) {
        return Refuse(row, column, heading,
                      absl::StrCat(WithMark(decimal, format_),
                                   " is not a whole number of Rupiah (0 or more); an amount is "
                                   "whole Rupiah and is not rounded: correct the cell"));
      }
      return Grouped(decimal);
    }
    if (c == kCode && x != std::floor(x)) {
      return Refuse(row, column, heading,
                    absl::StrCat("a code stored as the number ", WithMark(decimal, format_),
                                 ", which cannot tell \"1.1\" from \"1.10\"; store the code as "
                                 "text"));
    }
    if (cell.format == WorkbookCell::Format::kPercent) {
      if (c < kFirstValue || c > kLastValue) {
        return Refuse(row, column, heading, "a percentage outside the target columns");
      }
      return WithMark(TimesHundred(decimal), format_) + "%";
    }
    return WithMark(decimal, format_);
  }

  // A whole amount grouped by thousands in the convention ("4.584.600.968" in id), as
  // a TSV of the table writes it; ungrouped under kAuto, where a separator would pose as
  // evidence of a convention the number cell does not have.
  std::string Grouped(const std::string& digits) const {
    if (format_ == NumberFormat::kAuto) return digits;
    const char mark = format_ == NumberFormat::kEn ? ',' : '.';
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
      if (i > 0 && (digits.size() - i) % 3 == 0) out += mark;
      out += digits[i];
    }
    return out;
  }

  const XlsxSheetCells& sheet_;
  const int header_row_;
  const int first_;
  const NumberFormat format_;
};

// The T-C.27 header of `sheet`: a "Tujuan" cell with a "Kode" cell to its right, in the
// same row (the importer's header, domain/tc27_parser.h). Returns false when none.
bool FindHeader(const XlsxSheetCells& sheet, int* row, int* column) {
  for (const auto& [where, cell] : sheet.cells) {
    if (cell.kind != WorkbookCell::Kind::kText || Trim(cell.text) != "Tujuan") continue;
    for (auto it = sheet.cells.upper_bound(where);
         it != sheet.cells.end() && it->first.first == where.first; ++it) {
      if (it->second.kind == WorkbookCell::Kind::kText && Trim(it->second.text) == "Kode") {
        *row = where.first;
        *column = where.second;
        return true;
      }
    }
  }
  return false;
}

std::string Quoted(const std::vector<std::string>& names) {
  std::vector<std::string> quoted;
  for (const std::string& n : names) quoted.push_back(absl::StrCat("\"", n, "\""));
  return absl::StrJoin(quoted, ", ");
}

bool IsWordChar(char c) { return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Reads the digits at `text[*i]`; false (and *i unchanged) when none.
bool ReadNumber(std::string_view text, size_t* i, int* value) {
  size_t j = *i;
  int64_t n = 0;
  while (j < text.size() && absl::ascii_isdigit(static_cast<unsigned char>(text[j])) &&
         j - *i < 9) {
    n = n * 10 + (text[j] - '0');
    ++j;
  }
  if (j == *i || (j < text.size() && absl::ascii_isdigit(static_cast<unsigned char>(text[j])))) {
    return false;
  }
  *i = j;
  *value = static_cast<int>(n);
  return true;
}

void RenameLine(const WorkbookTable& table, v1::Finding* f) {
  f->set_message(NameSheetLocations(table, f->message()));
}

}  // namespace

absl::StatusOr<WorkbookTable> Tc27FromWorkbook(std::string_view bytes, NumberFormat format,
                                               size_t max_text_bytes) {
  RENSTRA_ASSIGN_OR_RETURN(XlsxWorkbook book, ReadXlsxWorkbook(bytes));
  const std::vector<XlsxSheetCells>& sheets = book.sheets;
  std::vector<std::string> all, holding;
  const XlsxSheetCells* chosen = nullptr;
  int header_row = 0, first_column = 0;
  for (const XlsxSheetCells& sheet : sheets) {
    all.push_back(sheet.name);
    int row = 0, column = 0;
    if (FindHeader(sheet, &row, &column)) {
      holding.push_back(sheet.name);
      chosen = &sheet;
      header_row = row;
      first_column = column;
    }
  }
  if (holding.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "workbook: no sheet holds a T-C.27 table (looked for a header row with a \"Tujuan\" "
        "cell and a \"Kode\" cell to its right in sheet(s) ",
        Quoted(all), ")"));
  }
  if (holding.size() > 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("workbook: ", holding.size(), " sheets hold a T-C.27 table (", Quoted(holding),
                     "); import one at a time: keep only the sheet to import"));
  }
  WorkbookTable out;
  out.sheet = chosen->name;
  if (auto stated = book.custom_properties.find(kNumberFormatProperty);
      stated != book.custom_properties.end() && format == NumberFormat::kAuto) {
    absl::StatusOr<NumberFormat> parsed =
        ParseNumberFormat(stated->second, absl::StrCat("property \"", kNumberFormatProperty, "\""));
    if (!parsed.ok() || *parsed == NumberFormat::kAuto) {
      return absl::InvalidArgumentError(
          absl::StrCat("workbook: its document property \"", kNumberFormatProperty, "\" says \"",
                       stated->second.substr(0, 20), "\"; it must be id or en"));
    }
    out.stated_format = *parsed;
    format = *parsed;
  }
  out.first_column = first_column;
  SheetReader reader(*chosen, header_row, first_column, format);
  RENSTRA_ASSIGN_OR_RETURN(out.text, reader.Text(max_text_bytes));
  return out;
}

std::string NameSheetLocations(const WorkbookTable& table, std::string_view message) {
  std::string out;
  bool quoted = false;
  size_t i = 0;
  constexpr std::string_view kLine = "line ";
  constexpr std::string_view kColumn = ", column ";
  while (i < message.size()) {
    const char c = message[i];
    if (c == '"') quoted = !quoted;
    if (!quoted && message.substr(i, kLine.size()) == kLine &&
        (i == 0 || !IsWordChar(message[i - 1]))) {
      size_t j = i + kLine.size();
      int row = 0;
      if (ReadNumber(message, &j, &row)) {
        int column = 0;
        size_t k = j;
        if (message.substr(j, kColumn.size()) == kColumn &&
            (k = j + kColumn.size(), ReadNumber(message, &k, &column))) {
          out += absl::StrCat("cell ", XlsxCellRef(row, table.first_column + column - 1));
          i = k;
        } else {
          out += absl::StrCat("row ", row);
          i = j;
        }
        continue;
      }
    }
    out += c;
    ++i;
  }
  return out;
}

std::string NameSheetLocations(const WorkbookTable& table, const std::string& message) {
  std::string out = NameSheetLocations(table, std::string_view(message));
  // The convention came from the workbook, not from the request.
  if (table.stated_format != NumberFormat::kAuto) {
    out = absl::StrReplaceAll(
        out, {{"(as requested)", absl::StrCat("(as the workbook states in its document property \"",
                                              kNumberFormatProperty, "\")")}});
  }
  return out;
}

void NameSheetLocations(const WorkbookTable& table, ImportDecision* decision) {
  for (v1::Finding& f : decision->findings) RenameLine(table, &f);
  for (SkippedLine& s : decision->skipped) s.what = NameSheetLocations(table, s.what);
  for (v1::ImportLine& l : decision->lines) l.set_what(NameSheetLocations(table, l.what()));
  for (v1::PlanEvent& e : decision->events) {
    if (!e.has_import_reported()) continue;
    v1::ImportReported* report = e.mutable_import_reported();
    for (v1::Finding& f : *report->mutable_findings()) RenameLine(table, &f);
    for (v1::ImportLine& l : *report->mutable_lines()) {
      l.set_what(NameSheetLocations(table, l.what()));
    }
    report->set_number_format_evidence(NameSheetLocations(table, report->number_format_evidence()));
  }
}

absl::Status NameSheetLocations(const WorkbookTable& table, const absl::Status& status) {
  if (status.ok()) return status;
  const std::string renamed =
      NameSheetLocations(table, std::string(status.message().data(), status.message().size()));
  // A refusal that names no line (e.g. "the plan already holds ...") is left as it is.
  if (renamed == std::string_view(status.message().data(), status.message().size())) {
    return status;
  }
  return absl::Status(status.code(), absl::StrCat("sheet \"", table.sheet, "\": ", renamed));
}

}  // namespace renstra
