#include "clients/report_html.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <sstream>
#include <vector>

#include "base/json_text.h"

namespace renstra {
namespace {

constexpr int kWidth = 640;
constexpr int kHeight = 280;
constexpr int kLeft = 60;
constexpr int kRight = 60;
constexpr int kTop = 30;
constexpr int kBottom = 60;
constexpr char kTargetColor[] = "#8da0cb";
constexpr char kRealColor[] = "#1b9e77";
constexpr char kLineColor[] = "#d95f02";

double ToDouble(const v1::Decimal& d) {
  return static_cast<double>(d.units()) / std::pow(10.0, d.scale());
}

// The number a bar shows for a target or realization; none for blank kinds.
std::optional<double> BarValue(const v1::TargetValue& v) {
  switch (v.kind()) {
    case v1::TargetValue::NUMBER:
    case v1::TargetValue::PERCENT:
    case v1::TargetValue::BOUND:
      return ToDouble(v.low());
    case v1::TargetValue::RANGE:
    case v1::TargetValue::BOUND_RANGE:
      return ToDouble(v.high());
    default:
      return std::nullopt;
  }
}

std::string Num(double v) {
  std::ostringstream s;
  s.setf(std::ios::fixed);
  s.precision(1);
  s << v;
  return s.str();
}

// "1.685 jt": whole millions of Rupiah, half up, for bar labels only.
std::string Millions(int64_t rupiah) {
  std::string digits = std::to_string((rupiah + 500000) / 1000000);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(i, ".");
  return digits + " jt";
}

struct Bar {
  std::optional<double> value;
  std::string label;
};

// Grouped bars (two per year) on one axis, optional percentage line on a second axis.
std::string Chart(const std::string& title, const std::vector<int>& years,
                  const std::vector<Bar>& first, const std::vector<Bar>& second,
                  const std::vector<std::string>& below, const char* first_name,
                  const char* second_name, const std::vector<std::optional<double>>& line) {
  double top = 0;
  for (const auto* bars : {&first, &second}) {
    for (const Bar& b : *bars) top = std::max(top, b.value.value_or(0));
  }
  if (top <= 0) top = 1;
  top *= 1.15;
  double line_top = 100;
  for (const auto& p : line) line_top = std::max(line_top, p.value_or(0));
  line_top *= 1.1;
  const int plot_w = kWidth - kLeft - kRight;
  const int plot_h = kHeight - kTop - kBottom;
  const double slot = static_cast<double>(plot_w) / std::max<size_t>(1, years.size());
  const double bar_w = slot * 0.3;
  auto y_of = [&](double v, double max) { return kTop + plot_h - v / max * plot_h; };
  std::ostringstream svg;
  svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << kWidth << "\" height=\"" << kHeight
      << "\" viewBox=\"0 0 " << kWidth << " " << kHeight << "\" role=\"img\">"
      << "<title>" << HtmlEscape(title) << "</title>"
      << "<line x1=\"" << kLeft << "\" y1=\"" << kTop + plot_h << "\" x2=\"" << kLeft + plot_w
      << "\" y2=\"" << kTop + plot_h << "\" stroke=\"#333\"/>";
  std::string points;
  for (size_t i = 0; i < years.size(); ++i) {
    const double x0 = kLeft + slot * static_cast<double>(i) + slot * 0.2;
    const Bar* pair[2] = {&first[i], &second[i]};
    const char* colors[2] = {kTargetColor, kRealColor};
    for (int k = 0; k < 2; ++k) {
      const double x = x0 + bar_w * k;
      if (pair[k]->value.has_value()) {
        const double y = y_of(*pair[k]->value, top);
        svg << "<rect x=\"" << Num(x) << "\" y=\"" << Num(y) << "\" width=\"" << Num(bar_w - 2)
            << "\" height=\"" << Num(kTop + plot_h - y) << "\" fill=\"" << colors[k] << "\"><title>"
            << (k == 0 ? first_name : second_name) << " " << years[i] << ": "
            << HtmlEscape(pair[k]->label) << "</title></rect>";
        svg << "<text x=\"" << Num(x + bar_w / 2) << "\" y=\"" << Num(y - 3)
            << "\" font-size=\"9\" text-anchor=\"middle\">" << HtmlEscape(pair[k]->label)
            << "</text>";
      }
    }
    const double cx = x0 + bar_w;
    svg << "<text x=\"" << Num(cx) << "\" y=\"" << kTop + plot_h + 15
        << "\" font-size=\"11\" text-anchor=\"middle\">" << years[i] << "</text>";
    svg << "<text x=\"" << Num(cx) << "\" y=\"" << kTop + plot_h + 30
        << "\" font-size=\"10\" text-anchor=\"middle\" fill=\"" << kLineColor << "\">"
        << HtmlEscape(below[i]) << "</text>";
    if (i < line.size() && line[i].has_value()) {
      const double y = y_of(*line[i], line_top);
      points += Num(cx) + "," + Num(y) + " ";
      svg << "<circle cx=\"" << Num(cx) << "\" cy=\"" << Num(y) << "\" r=\"3\" fill=\""
          << kLineColor << "\"/>";
    }
  }
  if (!points.empty()) {
    svg << "<polyline points=\"" << points << "\" fill=\"none\" stroke=\"" << kLineColor
        << "\" stroke-width=\"2\"/>";
  }
  const int ly = kHeight - 12;
  svg << "<rect x=\"" << kLeft << "\" y=\"" << ly - 9 << "\" width=\"10\" height=\"10\" fill=\""
      << kTargetColor << "\"/><text x=\"" << kLeft + 14 << "\" y=\"" << ly << "\" font-size=\"11\">"
      << first_name << "</text>"
      << "<rect x=\"" << kLeft + 130 << "\" y=\"" << ly - 9
      << "\" width=\"10\" height=\"10\" fill=\"" << kRealColor << "\"/><text x=\"" << kLeft + 144
      << "\" y=\"" << ly << "\" font-size=\"11\">" << second_name << "</text>"
      << "<text x=\"" << kLeft + 260 << "\" y=\"" << ly << "\" font-size=\"11\" fill=\""
      << kLineColor << "\">" << (line.empty() ? "rasio capaian (%)" : "serapan anggaran (%)")
      << "</text></svg>";
  return svg.str();
}

void KinerjaCharts(const ChartInput& in, std::ostringstream& html, std::ostringstream& json) {
  json << "\"kinerja\":[";
  bool first_line = true;
  for (const v1::CapaianRow& row : in.capaian->rows()) {
    if (row.node().depth() != 0) continue;
    const v1::IndicatorLine& ind = row.indicator();
    std::vector<int> years;
    std::vector<Bar> targets, reals;
    std::vector<std::string> ratios;
    json << (first_line ? "" : ",") << "{\"indicator_id\":" << JsonQuote(ind.indicator_id())
         << ",\"statement\":" << JsonQuote(ind.statement()) << ",\"unit\":" << JsonQuote(ind.unit())
         << ",\"years\":[";
    first_line = false;
    for (int i = 0; i < ind.years_size(); ++i) {
      const v1::KinerjaYear& y = ind.years(i);
      years.push_back(y.year());
      targets.push_back({BarValue(y.target()), y.target_text()});
      reals.push_back({BarValue(y.realization()), y.realization_text()});
      ratios.push_back(y.ratio().text());
      json << (i == 0 ? "" : ",") << "{\"year\":" << y.year()
           << ",\"target\":" << JsonQuote(y.target_text())
           << ",\"realization\":" << JsonQuote(y.realization_text())
           << ",\"ratio\":" << JsonQuote(y.ratio().text()) << "}";
    }
    json << "],\"average\":" << JsonQuote(ind.average().text()) << "}";
    html << "<h3>" << HtmlEscape(ind.statement()) << " (" << HtmlEscape(ind.unit())
         << ")</h3>\n<figure>"
         << Chart("Target dan realisasi: " + ind.statement(), years, targets, reals, ratios,
                  "Target", "Realisasi", {})
         << "<figcaption>Batang: target dan realisasi per tahun; di bawah tahun: rasio capaian "
            "(%). Rata-rata "
         << HtmlEscape(ind.average().text()) << "</figcaption></figure>\n";
  }
  json << "]";
}

void AnggaranChart(const ChartInput& in, std::ostringstream& html, std::ostringstream& json) {
  const v1::AnggaranRow* row = nullptr;
  for (const v1::AnggaranRow& r : in.anggaran->rows()) {
    if (r.node().depth() == 0) row = &r;
    if (row != nullptr) break;
  }
  if (row == nullptr) return;
  std::vector<int> years;
  std::vector<Bar> funding, spent;
  std::vector<std::string> ratios;
  std::vector<std::optional<double>> line;
  json << ",\"anggaran\":{\"years\":[";
  for (int i = 0; i < row->years_size(); ++i) {
    const v1::KeuanganYear& y = row->years(i);
    years.push_back(y.year());
    auto bar = [](const v1::Money& m) {
      return m.present() ? Bar{static_cast<double>(m.rupiah()), Millions(m.rupiah())} : Bar{};
    };
    funding.push_back(bar(y.funding()));
    spent.push_back(bar(y.spent()));
    ratios.push_back(y.absorption().text());
    line.push_back(y.absorption().computable()
                       ? std::optional<double>(std::stod(y.absorption().value()))
                       : std::nullopt);
    auto rupiah = [](const v1::Money& m) {
      return m.present() ? std::to_string(m.rupiah()) : std::string("null");
    };
    json << (i == 0 ? "" : ",") << "{\"year\":" << y.year()
         << ",\"funding\":" << JsonQuote(y.funding_text())
         << ",\"funding_rupiah\":" << rupiah(y.funding())
         << ",\"spent\":" << JsonQuote(y.spent_text()) << ",\"spent_rupiah\":" << rupiah(y.spent())
         << ",\"absorption\":" << JsonQuote(y.absorption().text()) << "}";
  }
  json << "],\"average_absorption\":" << JsonQuote(row->average_absorption().text()) << "}";
  html << "<h3>Anggaran dan realisasi (Rp)</h3>\n<figure>"
       << Chart("Pagu dan realisasi anggaran " + in.program_code, years, funding, spent, ratios,
                "Pagu", "Realisasi", line)
       << "<figcaption>Batang: pagu dan realisasi (juta Rupiah); garis dan angka di bawah "
          "tahun: serapan anggaran (%). Rata-rata serapan "
       << HtmlEscape(row->average_absorption().text()) << "</figcaption></figure>\n";
}

}  // namespace

std::string HtmlEscape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string RenderReportHtml(const ReportTable& table, const ChartInput& chart) {
  std::ostringstream html, charts, json;
  html << "<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
       << HtmlEscape(table.title) << "</title>\n<style>\n"
       << "body{font-family:sans-serif;margin:1.5em;color:#222}"
       << "table{border-collapse:collapse;font-size:12px}"
       << "th,td{border:1px solid #bbb;padding:2px 6px}th{background:#eee}"
       << "td.n{text-align:right;white-space:nowrap}figure{margin:0 0 1em 0}"
       << "figcaption{font-size:12px;color:#555}\n</style>\n</head>\n<body>\n<h1>"
       << HtmlEscape(table.title) << "</h1>\n";
  if (!chart.program_code.empty() && (chart.capaian != nullptr || chart.anggaran != nullptr)) {
    json << "{\"program\":" << JsonQuote(chart.program_code)
         << ",\"name\":" << JsonQuote(chart.program_name) << ",";
    if (chart.capaian != nullptr) {
      KinerjaCharts(chart, charts, json);
    } else {
      json << "\"kinerja\":[]";
    }
    if (chart.anggaran != nullptr) AnggaranChart(chart, charts, json);
    json << "}";
    html << "<h2>Program " << HtmlEscape(chart.program_code) << " "
         << HtmlEscape(chart.program_name) << "</h2>\n"
         << charts.str();
  }
  html << "<h2>Tabel</h2>\n<table>\n<thead><tr>";
  for (const std::string& h : table.header) html << "<th>" << HtmlEscape(h) << "</th>";
  html << "</tr></thead>\n<tbody>\n";
  for (size_t r = 0; r < table.rows.size(); ++r) {
    html << "<tr>";
    for (size_t c = 0; c < table.rows[r].size(); ++c) {
      const bool indented = static_cast<int>(c) == table.indent_column;
      // Columns after the descriptive ones hold figures: right-aligned.
      const bool figure = static_cast<int>(c) > table.indent_column + 1 && !indented;
      html << "<td" << (figure ? " class=\"n\"" : "");
      if (indented && table.depth[r] > 0) {
        html << " style=\"padding-left:" << 6 + 14 * table.depth[r] << "px\"";
      }
      html << ">" << HtmlEscape(table.rows[r][c]) << "</td>";
    }
    html << "</tr>\n";
  }
  html << "</tbody>\n</table>\n";
  if (!json.str().empty()) {
    html << "<script type=\"application/json\" id=\"chart-data\">" << json.str() << "</script>\n";
  }
  html << "</body>\n</html>\n";
  return html.str();
}

}  // namespace renstra
