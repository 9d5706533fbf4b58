#include "clients/report_printer.h"

#include <algorithm>

#include "clients/terminal_text.h"

namespace renstra {
namespace {

// UTF-8 code points: what a terminal shows as one column for this text (Indonesian
// text is Latin; "–" and "÷" are one column wide).
size_t DisplayWidth(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

// Terminal cells longer than this are cut with "…": indicator statements run to 250
// characters and would push the figures off screen (TSV, CSV and HTML keep them whole).
constexpr size_t kMaxCellWidth = 60;

std::string Clip(const std::string& s) {
  if (DisplayWidth(s) <= kMaxCellWidth) return s;
  size_t points = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && points++ == kMaxCellWidth - 1) break;
  }
  return s.substr(0, i) + "\xE2\x80\xA6";
}

std::string YearHeader(const std::string& what, int year) {
  return what + " " + std::to_string(year);
}

std::string Text(const v1::ReportRatio& r) { return r.text(); }

// "" (no realization recorded) prints as "-" like any empty table cell.
std::string OrDash(const std::string& s) { return s.empty() ? "-" : s; }

void AddRow(ReportTable* t, std::vector<std::string> row, int depth) {
  t->rows.push_back(std::move(row));
  t->depth.push_back(depth);
}

}  // namespace

ReportTable CapaianTable(const v1::CapaianReport& report) {
  ReportTable t;
  t.title = "Tabel T-C.23 Pencapaian Kinerja Pelayanan";
  t.header = {"Kode", "Indikator", "Satuan"};
  for (const char* what : {"Target", "Realisasi", "Rasio (%)"}) {
    for (int y : report.years()) t.header.push_back(YearHeader(what, y));
  }
  t.indent_column = 1;
  for (const v1::CapaianRow& row : report.rows()) {
    const v1::IndicatorLine& ind = row.indicator();
    std::vector<std::string> cells = {row.node().code_written(), ind.statement(), ind.unit()};
    for (const v1::KinerjaYear& y : ind.years()) cells.push_back(OrDash(y.target_text()));
    for (const v1::KinerjaYear& y : ind.years()) cells.push_back(OrDash(y.realization_text()));
    for (const v1::KinerjaYear& y : ind.years()) cells.push_back(Text(y.ratio()));
    AddRow(&t, std::move(cells), row.node().depth());
  }
  return t;
}

ReportTable AnggaranTable(const v1::AnggaranReport& report) {
  ReportTable t;
  t.title = "Tabel T-C.24 Anggaran dan Realisasi Pendanaan Pelayanan (Rp)";
  t.header = {"Kode", "Uraian"};
  for (const char* what : {"Anggaran", "Realisasi", "Rasio (%)"}) {
    for (int y : report.years()) t.header.push_back(YearHeader(what, y));
  }
  t.header.insert(t.header.end(),
                  {"Rata-rata Anggaran", "Rata-rata Realisasi", "Rata-rata Rasio (%)"});
  t.indent_column = 1;
  for (const v1::AnggaranRow& row : report.rows()) {
    std::vector<std::string> cells = {row.node().code_written(), row.node().name()};
    for (const v1::KeuanganYear& y : row.years()) cells.push_back(OrDash(y.funding_text()));
    for (const v1::KeuanganYear& y : row.years()) cells.push_back(OrDash(y.spent_text()));
    for (const v1::KeuanganYear& y : row.years()) cells.push_back(Text(y.absorption()));
    cells.push_back(OrDash(row.average_funding_text()));
    cells.push_back(OrDash(row.average_spent_text()));
    cells.push_back(Text(row.average_absorption()));
    AddRow(&t, std::move(cells), row.node().depth());
  }
  return t;
}

ReportTable EvaluationTable(const v1::EvaluationReport& report) {
  ReportTable t;
  t.title = "Evaluasi Hasil Renstra (E.80): Kinerja (K) dan Keuangan (Rp)";
  t.header = {"Kode", "Uraian", "Indikator", "K/Rp", "Satuan"};
  for (int y : report.years()) {
    t.header.push_back(YearHeader("Target", y));
    t.header.push_back(YearHeader("Realisasi", y));
    t.header.push_back(YearHeader("Rasio (%)", y));
  }
  t.header.insert(t.header.end(), {"Rata-rata Rasio (%)", "Predikat"});
  t.indent_column = 1;
  for (const v1::EvaluationRow& row : report.rows()) {
    const v1::ReportNode& node = row.node();
    for (const v1::IndicatorLine& ind : row.kinerja()) {
      std::vector<std::string> cells = {node.code_written(), node.name(), ind.statement(), "K",
                                        ind.unit()};
      for (const v1::KinerjaYear& y : ind.years()) {
        cells.push_back(OrDash(y.target_text()));
        cells.push_back(OrDash(y.realization_text()));
        cells.push_back(Text(y.ratio()));
      }
      cells.push_back(Text(ind.average()));
      cells.push_back(OrDash(ind.predikat()));
      AddRow(&t, std::move(cells), node.depth());
    }
    const v1::AnggaranRow& k = row.keuangan();
    std::vector<std::string> cells = {node.code_written(), node.name(), "Anggaran", "Rp", "Rp"};
    for (const v1::KeuanganYear& y : k.years()) {
      cells.push_back(OrDash(y.funding_text()));
      cells.push_back(OrDash(y.spent_text()));
      cells.push_back(Text(y.absorption()));
    }
    cells.push_back(Text(k.average_absorption()));
    cells.push_back(OrDash(row.keuangan_predikat()));
    AddRow(&t, std::move(cells), node.depth());
  }
  return t;
}

ReportTable WarningTable(const v1::EarlyWarnings& report) {
  ReportTable t;
  t.title = "Peringatan dini " + std::to_string(report.year()) + ": rasio capaian di bawah " +
            report.ratio_threshold() + ", serapan anggaran di bawah " +
            report.absorption_threshold();
  t.header = {"Jenis", "Kode", "Uraian", "Indikator", "Tahun", "Rasio (%)", "Keterangan"};
  for (const v1::EarlyWarning& w : report.warnings()) {
    const bool kinerja = w.kind() == v1::EarlyWarning::KINERJA;
    AddRow(&t,
           {kinerja ? "Kinerja" : "Keuangan", w.node().code_written(), w.node().name(),
            kinerja ? w.statement() : "-", std::to_string(w.year()), Text(w.ratio()), w.message()},
           0);
  }
  return t;
}

void PrintTable(const ReportTable& table, std::ostream& out) {
  std::vector<size_t> width(table.header.size(), 0);
  auto cell = [&](size_t r, size_t c) {
    std::string s = Clip(Printable(table.rows[r][c]));
    if (static_cast<int>(c) == table.indent_column) {
      s.insert(0, static_cast<size_t>(2 * std::max(0, table.depth[r])), ' ');
    }
    return s;
  };
  for (size_t c = 0; c < table.header.size(); ++c) width[c] = DisplayWidth(table.header[c]);
  for (size_t r = 0; r < table.rows.size(); ++r) {
    for (size_t c = 0; c < table.rows[r].size() && c < width.size(); ++c) {
      width[c] = std::max(width[c], DisplayWidth(cell(r, c)));
    }
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string text;
    for (size_t c = 0; c < cells.size(); ++c) {
      if (c > 0) text += "  ";
      text += cells[c];
      if (c + 1 < cells.size()) text.append(width[c] - DisplayWidth(cells[c]), ' ');
    }
    out << text << "\n";
  };
  out << Printable(table.title) << "\n";
  line(table.header);
  size_t total = 0;
  for (size_t w : width) total += w + 2;
  std::string rule;
  for (size_t i = 0; i + 2 < total; ++i) rule += "-";
  out << rule << "\n";
  for (size_t r = 0; r < table.rows.size(); ++r) {
    std::vector<std::string> cells;
    for (size_t c = 0; c < table.rows[r].size(); ++c) cells.push_back(cell(r, c));
    line(cells);
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
