// The T-C.23, E.80 and T-C.24 terminal tables over five years and the triwulan form fit
// a 120-column terminal: each row stacked as one line per year, or per column of the
// form (clients/stacked_table.h); `--wide` keeps one line per row.
#include "clients/stacked_table.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "clients/report_printer.h"
#include "clients/table_wrap.h"

namespace renstra {
namespace {

constexpr char kStatement[] =
    "Jumlah Orang yang Mendapatkan Pemenuhan Kebutuhan Permakanaan Sesuai dengan Standar "
    "Gizi Minimal Kewenangan Kabupaten/Kota";
constexpr char kName[] = "Penyediaan Permakanaan bagi Penyandang Disabilitas Terlantar";

v1::ReportRatio Ratio(const std::string& text) {
  v1::ReportRatio r;
  r.set_text(text);
  return r;
}

v1::IndicatorLine Indicator() {
  v1::IndicatorLine ind;
  ind.set_statement(kStatement);
  ind.set_unit("Keluarga");
  for (int y = 2022; y <= 2026; ++y) {
    v1::KinerjaYear* k = ind.add_years();
    k->set_year(y);
    k->set_target_text(std::to_string(y - 1992) + ".530 Keluarga");
    k->set_realization_text(y == 2024 ? "27.000 Keluarga" : "");
    *k->mutable_ratio() = Ratio(y == 2024 ? "89,71" : "-");
  }
  *ind.mutable_average() = Ratio("89,71");
  ind.set_predikat("Baik");
  return ind;
}

v1::ReportNode Node() {
  v1::ReportNode node;
  node.set_code_written("1.06.04.2.01.001");
  node.set_name(kName);
  node.set_depth(2);
  return node;
}

std::string Print(const ReportTable& table, bool wide) {
  std::ostringstream out;
  PrintTable(table, out, TableFit{kTerminalColumns, wide});
  return out.str();
}

size_t Widest(const std::string& text) {
  size_t widest = 0;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) widest = std::max(widest, DisplayWidth(line));
  return widest;
}

TEST(StackedTableTest, CapaianOverFiveYearsFitsOneHundredTwentyColumnsOneLinePerYear) {
  v1::CapaianReport report;
  for (int y = 2022; y <= 2026; ++y) report.add_years(y);
  v1::CapaianRow* row = report.add_rows();
  *row->mutable_node() = Node();
  *row->mutable_indicator() = Indicator();
  const std::string out = Print(CapaianTable(report), /*wide=*/false);
  EXPECT_EQ(out,
            "Tabel T-C.23 Pencapaian Kinerja Pelayanan\n"
            "Kode              Indikator                                 Satuan    Tahun  Target   "
            "        Realisasi        Rasio (%)\n"
            "--------------------------------------------------------------------------------------"
            "----------------------------------\n"
            "1.06.04.2.01.001      Jumlah Orang yang Mendapatkan         Keluarga  2022   30.530 "
            "Keluarga  -                -\n"
            "                      Pemenuhan Kebutuhan Permakanaan                 2023   31.530 "
            "Keluarga  -                -\n"
            "                      Sesuai dengan Standar Gizi Minimal              2024   32.530 "
            "Keluarga  27.000 Keluarga  89,71\n"
            "                      Kewenangan Kabupaten/Kota                       2025   33.530 "
            "Keluarga  -                -\n"
            "                                                                      2026   34.530 "
            "Keluarga  -                -\n"
            "1 baris\n");
  EXPECT_LE(Widest(out), 120u);
  EXPECT_GT(Widest(Print(CapaianTable(report), /*wide=*/true)), 200u);
}

TEST(StackedTableTest, EvaluasiStacksNameAndStatementAndEndsEachRowWithAverageAndPredikat) {
  v1::EvaluationReport report;
  for (int y = 2022; y <= 2026; ++y) report.add_years(y);
  v1::EvaluationRow* row = report.add_rows();
  *row->mutable_node() = Node();
  *row->add_kinerja() = Indicator();
  v1::AnggaranRow* k = row->mutable_keuangan();
  for (int y = 2022; y <= 2026; ++y) {
    v1::KeuanganYear* year = k->add_years();
    year->set_year(y);
    year->set_funding_text(y == 2023 ? "3.523.998.700" : "790.537.687");
    year->set_spent_text(y == 2024 ? "700.000.000" : "");
    *year->mutable_absorption() = Ratio(y == 2024 ? "88,55" : "-");
  }
  *k->mutable_average_absorption() = Ratio("88,55");
  row->set_keuangan_predikat("Sangat Kurang");
  const std::string out = Print(EvaluationTable(report), /*wide=*/false);
  EXPECT_EQ(out,
            "Evaluasi Hasil Renstra (E.80): Kinerja (K) dan Keuangan (Rp)\n"
            "Kode              Uraian / Indikator          K/Rp  Satuan    Tahun      Target       "
            "    Realisasi        Rasio (%)\n"
            "--------------------------------------------------------------------------------------"
            "----------------------------------\n"
            "1.06.04.2.01.001      Penyediaan Permakanaan  K     Keluarga  2022       30.530 "
            "Keluarga  -                -\n"
            "                      bagi Penyandang                         2023       31.530 "
            "Keluarga  -                -\n"
            "                      Disabilitas Terlantar                   2024       32.530 "
            "Keluarga  27.000 Keluarga  89,71\n"
            "                      Jumlah Orang yang                       2025       33.530 "
            "Keluarga  -                -\n"
            "                      Mendapatkan Pemenuhan                   2026       34.530 "
            "Keluarga  -                -\n"
            "                      Kebutuhan Permakanaan                   Rata-rata               "
            "                     89,71\n"
            "                      Sesuai dengan Standar                   Predikat                "
            "                     Baik\n"
            "                      Gizi Minimal\n"
            "                      Kewenangan\n"
            "                      Kabupaten/Kota\n"
            "1.06.04.2.01.001      Penyediaan Permakanaan  Rp    Rp        2022       790.537.687  "
            "    -                -\n"
            "                      bagi Penyandang                         2023       "
            "3.523.998.700    -                -\n"
            "                      Disabilitas Terlantar                   2024       790.537.687  "
            "    700.000.000      88,55\n"
            "                      Anggaran                                2025       790.537.687  "
            "    -                -\n"
            "                                                              2026       790.537.687  "
            "    -                -\n"
            "                                                              Rata-rata               "
            "                     88,55\n"
            "                                                              Predikat                "
            "                     Sangat Kurang\n"
            "2 baris\n");
  EXPECT_LE(Widest(out), 120u);
  EXPECT_GT(Widest(Print(EvaluationTable(report), /*wide=*/true)), 300u);
}

TEST(StackedTableTest, AnggaranEndsEachRowWithTheAveragesLine) {
  v1::AnggaranReport report;
  for (int y = 2022; y <= 2026; ++y) report.add_years(y);
  v1::AnggaranRow* row = report.add_rows();
  *row->mutable_node() = Node();
  for (int y = 2022; y <= 2026; ++y) {
    v1::KeuanganYear* year = row->add_years();
    year->set_year(y);
    year->set_funding_text("3.523.998.700");
    year->set_spent_text(y == 2024 ? "700.000.000" : "");
    *year->mutable_absorption() = Ratio(y == 2024 ? "19,86" : "-");
  }
  row->set_average_funding_text("3.523.998.700");
  row->set_average_spent_text("700.000.000");
  *row->mutable_average_absorption() = Ratio("19,86");
  const std::string out = Print(AnggaranTable(report), /*wide=*/false);
  EXPECT_EQ(out,
            "Tabel T-C.24 Anggaran dan Realisasi Pendanaan Pelayanan (Rp)\n"
            "Kode              Uraian                                                Tahun      "
            "Anggaran       Realisasi    Rasio (%)\n"
            "--------------------------------------------------------------------------------------"
            "----------------------------------\n"
            "1.06.04.2.01.001      Penyediaan Permakanaan bagi Penyandang            2022       "
            "3.523.998.700  -            -\n"
            "                      Disabilitas Terlantar                             2023       "
            "3.523.998.700  -            -\n"
            "                                                                        2024       "
            "3.523.998.700  700.000.000  19,86\n"
            "                                                                        2025       "
            "3.523.998.700  -            -\n"
            "                                                                        2026       "
            "3.523.998.700  -            -\n"
            "                                                                        Rata-rata  "
            "3.523.998.700  700.000.000  19,86\n"
            "1 baris\n");
  EXPECT_LE(Widest(out), 120u);
}

TEST(StackedTableTest, TheTriwulanFormPutsOneColumnOfTheFormPerLine) {
  v1::TriwulanReport report;
  report.set_year(2025);
  v1::TriwulanLine* line = report.add_lines();
  line->set_kind(v1::TriwulanLine::KINERJA);
  *line->mutable_node() = Node();
  line->set_statement(kStatement);
  line->set_unit("Keluarga");
  line->set_target_text("30.530 Keluarga");
  for (const char* q : {"7.000 Keluarga", "8.000 Keluarga", "-", "-"}) {
    line->add_quarter_values();
    line->add_quarter_texts(q);
  }
  line->set_cumulative_text("15.000 Keluarga");
  *line->mutable_ratio() = Ratio("49,13");
  const std::string out = Print(TriwulanTable(report), /*wide=*/false);
  EXPECT_EQ(out,
            "Formulir Triwulan (e-Monev) Tahun 2025: Realisasi Kinerja (K) dan Keuangan (Rp) per "
            "Triwulan\n"
            "Kode              Uraian / Indikator                                       K/Rp  "
            "Satuan    Isian         Nilai\n"
            "--------------------------------------------------------------------------------------"
            "----------------------------------\n"
            "1.06.04.2.01.001      Penyediaan Permakanaan bagi Penyandang Disabilitas   K     "
            "Keluarga  Target 2025   30.530 Keluarga\n"
            "                      Terlantar                                                       "
            "     Triwulan I    7.000 Keluarga\n"
            "                      Jumlah Orang yang Mendapatkan Pemenuhan Kebutuhan               "
            "     Triwulan II   8.000 Keluarga\n"
            "                      Permakanaan Sesuai dengan Standar Gizi Minimal                  "
            "     Triwulan III  -\n"
            "                      Kewenangan Kabupaten/Kota                                       "
            "     Triwulan IV   -\n"
            "                                                                                      "
            "     Kumulatif     15.000 Keluarga\n"
            "                                                                                      "
            "     Capaian (%)   49,13\n"
            "1 baris\n");
  EXPECT_LE(Widest(out), 120u);
  EXPECT_GT(Widest(Print(TriwulanTable(report), /*wide=*/true)), 120u);
}

}  // namespace
}  // namespace renstra
