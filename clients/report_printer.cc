#include "clients/report_printer.h"

#include <algorithm>
#include <charconv>
#include <optional>

#include "clients/stacked_table.h"
#include "clients/table_wrap.h"
#include "clients/terminal_text.h"

namespace renstra {
namespace {

// "" (no realization recorded) prints as "-" like any empty table cell.
std::string OrDash(const std::string& s) { return s.empty() ? "-" : s; }

// The value of an exact decimal, for a spreadsheet cell (a double, as xlsx stores every
// number; the text beside it stays exact).
double ToDouble(const v1::Decimal& d) {
  double v = static_cast<double>(d.units());
  for (int i = 0; i < d.scale(); ++i) v /= 10;
  return v;
}

// One row of a table: each cell's text and, when it is one, its number.
class Row {
 public:
  Row& Text(std::string text) {
    cells_.push_back(std::move(text));
    numbers_.emplace_back();
    return *this;
  }
  Row& Rupiah(const v1::Money& money, const std::string& text) {
    Text(OrDash(text));
    if (money.present()) numbers_.back() = CellNumber{static_cast<double>(money.rupiah()), 0, true};
    return *this;
  }
  Row& Ratio(const v1::ReportRatio& ratio) {
    Text(ratio.text());
    double v = 0;
    const std::string& s = ratio.value();
    if (ratio.computable() && std::from_chars(s.data(), s.data() + s.size(), v).ec == std::errc()) {
      numbers_.back() = CellNumber{v, 2, false};
    }
    return *this;
  }
  // A target or realization is a number when it is one in the indicator's unit (the
  // Satuan column says which); a range, a bound, "-", N/A or another unit stays text.
  Row& Target(const v1::TargetValue& value, const std::string& text, const std::string& unit) {
    Text(OrDash(text));
    const bool number = value.kind() == v1::TargetValue::NUMBER && value.unit() == unit;
    const bool percent = value.kind() == v1::TargetValue::PERCENT && unit == "%";
    if (number || percent) {
      numbers_.back() = CellNumber{ToDouble(value.low()), value.low().scale(), true};
    }
    return *this;
  }
  Row& Year(int year) {
    Text(std::to_string(year));
    numbers_.back() = CellNumber{static_cast<double>(year), 0, false};
    return *this;
  }

  void AddTo(ReportTable* t, int depth) {
    t->rows.push_back(std::move(cells_));
    t->numbers.push_back(std::move(numbers_));
    t->depth.push_back(depth);
  }

 private:
  std::vector<std::string> cells_;
  std::vector<std::optional<CellNumber>> numbers_;
};

// A column: its one-line heading (terminal, TSV, CSV) and its place in the official
// two-row heading (group over it, its own label under the group).
void Column(ReportTable* t, const std::string& flat, const std::string& group = "",
            const std::string& sub = "") {
  t->header.push_back(flat);
  t->header_group.push_back(group);
  t->header_sub.push_back(sub);
}

// "Target 2022" ... one column per year, grouped under `what`.
void YearColumns(ReportTable* t, const std::string& what,
                 const google::protobuf::RepeatedField<int32_t>& years) {
  for (int y : years) Column(t, what + " " + std::to_string(y), what, std::to_string(y));
}

}  // namespace

ReportTable CapaianTable(const v1::CapaianReport& report) {
  ReportTable t;
  t.title = "Tabel T-C.23 Pencapaian Kinerja Pelayanan";
  t.sheet_name = "T-C.23";
  for (const char* label : {"Kode", "Indikator", "Satuan"}) Column(&t, label);
  for (const char* what : {"Target", "Realisasi", "Rasio (%)"}) {
    YearColumns(&t, what, report.years());
  }
  t.indent_column = 1;
  ReportTable::Stacking stack{{{0}, {1}, {2}},
                              {"Kode", "Indikator", "Satuan"},
                              "Tahun",
                              {},
                              {"Target", "Realisasi", "Rasio (%)"},
                              {}};
  const int years = report.years_size();
  for (int i = 0; i < years; ++i) {
    stack.line_labels.push_back(std::to_string(report.years(i)));
    stack.cells.push_back({3 + i, 3 + years + i, 3 + 2 * years + i});
  }
  t.stacking = std::move(stack);
  for (const v1::CapaianRow& row : report.rows()) {
    const v1::IndicatorLine& ind = row.indicator();
    Row cells;
    cells.Text(row.node().code_written()).Text(ind.statement()).Text(ind.unit());
    for (const v1::KinerjaYear& y : ind.years()) {
      cells.Target(y.target(), y.target_text(), ind.unit());
    }
    for (const v1::KinerjaYear& y : ind.years()) {
      cells.Target(y.realization(), y.realization_text(), ind.unit());
    }
    for (const v1::KinerjaYear& y : ind.years()) cells.Ratio(y.ratio());
    cells.AddTo(&t, row.node().depth());
  }
  return t;
}

ReportTable AnggaranTable(const v1::AnggaranReport& report) {
  ReportTable t;
  t.title = "Tabel T-C.24 Anggaran dan Realisasi Pendanaan Pelayanan (Rp)";
  t.sheet_name = "T-C.24";
  for (const char* label : {"Kode", "Uraian"}) Column(&t, label);
  for (const char* what : {"Anggaran", "Realisasi", "Rasio (%)"}) {
    YearColumns(&t, what, report.years());
  }
  for (const char* what : {"Anggaran", "Realisasi", "Rasio (%)"}) {
    Column(&t, std::string("Rata-rata ") + what, "Rata-rata", what);
  }
  t.indent_column = 1;
  ReportTable::Stacking stack{
      {{0}, {1}}, {"Kode", "Uraian"}, "Tahun", {}, {"Anggaran", "Realisasi", "Rasio (%)"}, {}};
  const int years = report.years_size();
  for (int i = 0; i < years; ++i) {
    stack.line_labels.push_back(std::to_string(report.years(i)));
    stack.cells.push_back({2 + i, 2 + years + i, 2 + 2 * years + i});
  }
  stack.line_labels.push_back("Rata-rata");
  stack.cells.push_back({2 + 3 * years, 3 + 3 * years, 4 + 3 * years});
  t.stacking = std::move(stack);
  for (const v1::AnggaranRow& row : report.rows()) {
    Row cells;
    cells.Text(row.node().code_written()).Text(row.node().name());
    for (const v1::KeuanganYear& y : row.years()) cells.Rupiah(y.funding(), y.funding_text());
    for (const v1::KeuanganYear& y : row.years()) cells.Rupiah(y.spent(), y.spent_text());
    for (const v1::KeuanganYear& y : row.years()) cells.Ratio(y.absorption());
    cells.Rupiah(row.average_funding(), row.average_funding_text());
    cells.Rupiah(row.average_spent(), row.average_spent_text());
    cells.Ratio(row.average_absorption());
    cells.AddTo(&t, row.node().depth());
  }
  return t;
}

ReportTable EvaluationTable(const v1::EvaluationReport& report) {
  ReportTable t;
  t.title = "Evaluasi Hasil Renstra (E.80): Kinerja (K) dan Keuangan (Rp)";
  t.sheet_name = "E.80";
  for (const char* label : {"Kode", "Uraian", "Indikator", "K/Rp", "Satuan"}) Column(&t, label);
  for (int y : report.years()) {
    const std::string year = std::to_string(y);
    for (const char* what : {"Target", "Realisasi", "Rasio (%)"}) {
      Column(&t, std::string(what) + " " + year, year, what);
    }
  }
  Column(&t, "Rata-rata Rasio (%)");
  Column(&t, "Predikat");
  t.indent_column = 1;
  ReportTable::Stacking stack{{{0}, {1, 2}, {3}, {4}},
                              {"Kode", "Uraian / Indikator", "K/Rp", "Satuan"},
                              "Tahun",
                              {},
                              {"Target", "Realisasi", "Rasio (%)"},
                              {}};
  const int years = report.years_size();
  for (int i = 0; i < years; ++i) {
    stack.line_labels.push_back(std::to_string(report.years(i)));
    stack.cells.push_back({5 + 3 * i, 6 + 3 * i, 7 + 3 * i});
  }
  stack.line_labels.push_back("Rata-rata");
  stack.cells.push_back({-1, -1, 5 + 3 * years});
  stack.line_labels.push_back("Predikat");
  stack.cells.push_back({-1, -1, 6 + 3 * years});
  t.stacking = std::move(stack);
  for (const v1::EvaluationRow& row : report.rows()) {
    const v1::ReportNode& node = row.node();
    for (const v1::IndicatorLine& ind : row.kinerja()) {
      Row cells;
      cells.Text(node.code_written()).Text(node.name()).Text(ind.statement()).Text("K");
      cells.Text(ind.unit());
      for (const v1::KinerjaYear& y : ind.years()) {
        cells.Target(y.target(), y.target_text(), ind.unit());
        cells.Target(y.realization(), y.realization_text(), ind.unit());
        cells.Ratio(y.ratio());
      }
      cells.Ratio(ind.average()).Text(OrDash(ind.predikat()));
      cells.AddTo(&t, node.depth());
    }
    const v1::AnggaranRow& k = row.keuangan();
    Row cells;
    cells.Text(node.code_written()).Text(node.name()).Text("Anggaran").Text("Rp").Text("Rp");
    for (const v1::KeuanganYear& y : k.years()) {
      cells.Rupiah(y.funding(), y.funding_text());
      cells.Rupiah(y.spent(), y.spent_text());
      cells.Ratio(y.absorption());
    }
    cells.Ratio(k.average_absorption()).Text(OrDash(row.keuangan_predikat()));
    cells.AddTo(&t, node.depth());
  }
  return t;
}

ReportTable WarningTable(const v1::EarlyWarnings& report) {
  ReportTable t;
  t.title = "Peringatan dini " + std::to_string(report.year()) + ": rasio capaian di bawah " +
            report.ratio_threshold() + ", serapan anggaran di bawah " +
            report.absorption_threshold();
  t.sheet_name = "Peringatan " + std::to_string(report.year());
  t.header = {"Jenis", "Kode", "Uraian", "Indikator", "Tahun", "Rasio (%)", "Keterangan"};
  for (const v1::EarlyWarning& w : report.warnings()) {
    const bool kinerja = w.kind() == v1::EarlyWarning::KINERJA;
    Row cells;
    cells.Text(kinerja ? "Kinerja" : "Keuangan").Text(w.node().code_written());
    cells.Text(w.node().name()).Text(kinerja ? w.statement() : "-").Year(w.year());
    cells.Ratio(w.ratio()).Text(w.message());
    cells.AddTo(&t, 0);
  }
  return t;
}

ReportTable TriwulanTable(const v1::TriwulanReport& report) {
  const std::string year = std::to_string(report.year());
  ReportTable t;
  t.title = "Formulir Triwulan (e-Monev) Tahun " + year +
            ": Realisasi Kinerja (K) dan Keuangan (Rp) per Triwulan";
  t.sheet_name = "Triwulan " + year;
  for (const char* label : {"Kode", "Uraian", "Indikator", "K/Rp", "Satuan"}) Column(&t, label);
  Column(&t, "Target " + year);
  for (const char* q : {"Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV"}) {
    Column(&t, q, "Realisasi " + year, q);
  }
  Column(&t, "Kumulatif");
  Column(&t, "Capaian (%)");
  t.indent_column = 1;
  // Stacked: one line per column of the form, its label and its value side by side.
  ReportTable::Stacking stack{{{0}, {1, 2}, {3}, {4}},
                              {"Kode", "Uraian / Indikator", "K/Rp", "Satuan"},
                              "Isian",
                              {},
                              {"Nilai"},
                              {}};
  for (size_t c = 5; c < t.header.size(); ++c) {
    stack.line_labels.push_back(t.header[c]);
    stack.cells.push_back({static_cast<int>(c)});
  }
  t.stacking = std::move(stack);
  for (const v1::TriwulanLine& line : report.lines()) {
    const v1::ReportNode& node = line.node();
    Row cells;
    cells.Text(node.code_written()).Text(node.name());
    if (line.kind() == v1::TriwulanLine::KINERJA) {
      cells.Text(line.statement()).Text("K").Text(line.unit());
      cells.Target(line.target(), line.target_text(), line.unit());
      for (int q = 0; q < 4 && q < line.quarter_values_size(); ++q) {
        cells.Target(line.quarter_values(q), line.quarter_texts(q), line.unit());
      }
      cells.Target(line.cumulative(), line.cumulative_text(), line.unit());
    } else {
      cells.Text("Anggaran").Text("Rp").Text("Rp");
      cells.Rupiah(line.funding(), line.target_text());
      for (int q = 0; q < 4 && q < line.quarter_spent_size(); ++q) {
        cells.Rupiah(line.quarter_spent(q), line.quarter_texts(q));
      }
      cells.Rupiah(line.cumulative_spent(), line.cumulative_text());
    }
    cells.Ratio(line.ratio());
    cells.AddTo(&t, node.depth());
  }
  return t;
}

void PrintTable(const ReportTable& table, std::ostream& out, const TableFit& fit) {
  // The cell's text, then its indentation (the depth of a tree column), apart: a wrapped
  // cell indents each of its lines.
  auto text = [&](size_t r, size_t c) { return Printable(table.rows[r][c]); };
  auto indent = [&](size_t r, size_t c) {
    return static_cast<int>(c) == table.indent_column
               ? static_cast<size_t>(2 * std::max(0, table.depth[r]))
               : size_t{0};
  };
  std::vector<size_t> width(table.header.size(), 0);
  std::vector<bool> wrappable(table.header.size(), false);
  for (size_t c = 0; c < table.header.size(); ++c) width[c] = DisplayWidth(table.header[c]);
  for (size_t r = 0; r < table.rows.size(); ++r) {
    for (size_t c = 0; c < table.rows[r].size() && c < width.size(); ++c) {
      const std::string s = text(r, c);
      width[c] = std::max(width[c], indent(r, c) + DisplayWidth(s));
      // Names and statements wrap; figures ("220 Orang", "1.234.567") stay whole.
      if (s.find(' ') != std::string::npos && DisplayWidth(s) > kMinWrappedWidth) {
        wrappable[c] = true;
      }
    }
  }
  if (!fit.wide) {
    width = FitWidths(width, wrappable, 2, fit.columns);
    size_t fitted = 0;
    for (size_t w : width) fitted += w + 2;
    if (table.stacking.has_value() && fitted > fit.columns + 2) {
      PrintStackedTable(table, out, fit.columns);
      return;
    }
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string row;
    for (size_t c = 0; c < cells.size(); ++c) {
      if (c > 0) row += "  ";
      row += cells[c];
      if (c + 1 < cells.size() && c < width.size() && DisplayWidth(cells[c]) < width[c]) {
        row.append(width[c] - DisplayWidth(cells[c]), ' ');
      }
    }
    while (!row.empty() && row.back() == ' ') row.pop_back();
    out << row << "\n";
  };
  out << Printable(table.title) << "\n";
  line(table.header);
  size_t total = 0;
  for (size_t w : width) total += w + 2;
  std::string rule;
  for (size_t i = 0; i + 2 < total; ++i) rule += "-";
  out << rule << "\n";
  for (size_t r = 0; r < table.rows.size(); ++r) {
    // Each cell as lines: whole with --wide, else wrapped to its column.
    std::vector<std::vector<std::string>> cells;
    size_t height = 1;
    for (size_t c = 0; c < table.rows[r].size(); ++c) {
      const size_t pad = indent(r, c);
      const std::string s = text(r, c);
      std::vector<std::string> lines = fit.wide || c >= width.size() || !wrappable[c]
                                           ? std::vector<std::string>{s}
                                           : WrapWords(s, width[c] > pad ? width[c] - pad : 1);
      for (std::string& l : lines) l.insert(0, pad, ' ');
      height = std::max(height, lines.size());
      cells.push_back(std::move(lines));
    }
    for (size_t i = 0; i < height; ++i) {
      std::vector<std::string> row;
      for (const auto& lines : cells) row.push_back(i < lines.size() ? lines[i] : "");
      line(row);
    }
  }
  out << table.rows.size() << " baris\n";
}

void PrintDelimited(const ReportTable& table, char separator, std::ostream& out) {
  auto field = [&](std::string s) {
    if (separator == ',') {
      s = PrintableLines(s, "");
      if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
      std::string quoted = "\"";
      for (char ch : s) quoted += ch == '"' ? std::string("\"\"") : std::string(1, ch);
      return quoted + "\"";
    }
    std::replace_if(
        s.begin(), s.end(), [](char ch) { return ch == '\t' || ch == '\n' || ch == '\r'; }, ' ');
    return Printable(s);
  };
  auto line = [&](const std::vector<std::string>& cells) {
    for (size_t c = 0; c < cells.size(); ++c) {
      if (c > 0) out << separator;
      out << field(cells[c]);
    }
    out << "\n";
  };
  line(table.header);
  for (const std::vector<std::string>& row : table.rows) line(row);
}

}  // namespace renstra
