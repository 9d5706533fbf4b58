// The --format xlsx workbooks (issue 17, "Excel out"), written by the client library and
// read back with openpyxl (tests/testing/xlsx_reader.h): sheet names, the official
// headings' merged ranges, frozen heading rows, column widths, codes as text, Rupiah and
// ratios as numbers with their display formats; the refusals (a sheet name Excel would
// not open, a workbook sent to a terminal).
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "clients/cli_output.h"
#include "clients/diff_printer.h"
#include "clients/report_printer.h"
#include "clients/xlsx_sheets.h"
#include "clients/xlsx_writer.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"
#include "tests/testing/xlsx_reader.h"

namespace renstra {
namespace {

using ::renstra::testing::IsOk;
using ::renstra::testing::ReadXlsx;
using ::renstra::testing::StatusIs;
using ::renstra::testing::TempDir;
using ::renstra::testing::XlsxBook;
using ::testing::ElementsAre;
using ::testing::Pair;

v1::Money Rupiah(int64_t rupiah) {
  v1::Money m;
  m.set_rupiah(rupiah);
  m.set_present(true);
  return m;
}

v1::ReportRatio Ratio(const std::string& text, const std::string& value) {
  v1::ReportRatio r;
  r.set_text(text);
  r.set_value(value);
  r.set_computable(!value.empty());
  return r;
}

// T-C.24 of one program over 2022-2023: a pagu and spending in 2022, nothing in 2023.
v1::AnggaranReport Anggaran() {
  v1::AnggaranReport report;
  report.add_years(2022);
  report.add_years(2023);
  v1::AnggaranRow* row = report.add_rows();
  row->mutable_node()->set_code("1.06.04");
  row->mutable_node()->set_code_written("1.06.04");
  row->mutable_node()->set_name("PROGRAM REHABILITASI SOSIAL");
  v1::KeuanganYear* y = row->add_years();
  y->set_year(2022);
  *y->mutable_funding() = Rupiah(790537687);
  y->set_funding_text("790.537.687");
  *y->mutable_spent() = Rupiah(500000000);
  y->set_spent_text("500.000.000");
  *y->mutable_absorption() = Ratio("63,25", "63.25");
  y = row->add_years();
  y->set_year(2023);
  y->set_funding_text("-");
  *y->mutable_absorption() = Ratio("-", "");
  *row->mutable_average_funding() = Rupiah(790537687);
  row->set_average_funding_text("790.537.687");
  *row->mutable_average_spent() = Rupiah(500000000);
  row->set_average_spent_text("500.000.000");
  *row->mutable_average_absorption() = Ratio("63,25", "63.25");
  return report;
}

// The heading rows of the server's T-C.27 export (domain/tc27_exporter.cc).
std::string Tc27Heading() {
  std::vector<std::string> r1(20), r2(20), r3(20), r4(20);
  r1[0] = "Tujuan";
  r1[1] = "Sasaran";
  r1[2] = "Kode";
  r1[3] = "Program dan Kegiatan Serta sub kegiatan";
  r1[4] = "Indikator Kinerja";
  r1[5] = "Data Capaian pada Tahun Awal Perencanaan";
  r1[6] = "Target Kinerja Program dan Kerangka Pendanaan";
  r1[18] = "Unit Kerja Perangkat Daerah Penanggung Jawab";
  r1[19] = "Lokasi";
  for (int y = 0; y < 5; ++y) {
    r2[6 + 2 * y] = "Tahun -" + std::to_string(y + 1) + " (" + std::to_string(2022 + y) + ")";
  }
  r2[16] = "Kondisi Kinerja pada akhir periode Renstra Perangkat Daerah";
  for (int p = 0; p < 6; ++p) {
    r3[6 + 2 * p] = "Target";
    r3[7 + 2 * p] = "Rp";
  }
  for (int c = 0; c < 20; ++c) r4[c] = std::to_string(c + 1);
  std::string out;
  for (const auto* row : {&r1, &r2, &r3, &r4}) {
    for (int c = 0; c < 20; ++c) out += (c ? "\t" : "") + (*row)[c];
    out += "\n";
  }
  return out;
}

TEST(XlsxTest, ReportSheetHasTheOfficialHeadingsAndNumbersAsNumbers) {
  TempDir tmp("xlsx_test");
  const std::string path = tmp / "t-c.24.xlsx";
  ASSERT_THAT(WriteXlsx({ReportSheet(AnggaranTable(Anggaran()))}, path), IsOk());

  const XlsxBook book = ReadXlsx(path);
  ASSERT_EQ(book.error, "");
  EXPECT_THAT(book.sheets, ElementsAre("T-C.24"));
  const auto& sheet = book.sheet.at("T-C.24");
  // Title over the 11 columns; Kode and Uraian over both heading rows; each group over
  // its years; the three averages under "Rata-rata".
  EXPECT_THAT(sheet.merged,
              ElementsAre("A1:K1", "A2:A3", "B2:B3", "C2:D2", "E2:F2", "G2:H2", "I2:K2"));
  EXPECT_EQ(sheet.freeze, "A4");
  EXPECT_EQ(sheet.cells.at("A1"),
            "text:Tabel T-C.24 Anggaran dan Realisasi Pendanaan Pelayanan (Rp)");
  EXPECT_EQ(sheet.cells.at("A2"), "text:Kode");
  EXPECT_EQ(sheet.cells.at("C2"), "text:Anggaran");
  EXPECT_EQ(sheet.cells.at("C3"), "text:2022");
  EXPECT_EQ(sheet.cells.at("D3"), "text:2023");
  EXPECT_EQ(sheet.cells.at("G2"), "text:Rasio (%)");
  EXPECT_EQ(sheet.cells.at("I2"), "text:Rata-rata");
  EXPECT_EQ(sheet.cells.at("K3"), "text:Rasio (%)");
  EXPECT_EQ(sheet.cells.at("A4"), "text:1.06.04");
  EXPECT_EQ(sheet.cells.at("B4"), "text:PROGRAM REHABILITASI SOSIAL");
  EXPECT_EQ(sheet.cells.at("C4"), "number:790537687 #,##0");
  EXPECT_EQ(sheet.cells.at("D4"), "text:-");
  EXPECT_EQ(sheet.cells.at("E4"), "number:500000000 #,##0");
  EXPECT_EQ(sheet.cells.at("F4"), "text:-");
  EXPECT_EQ(sheet.cells.at("G4"), "number:63.25 0.00");
  EXPECT_EQ(sheet.cells.at("H4"), "text:-");
  EXPECT_EQ(sheet.cells.at("K4"), "number:63.25 0.00");
  // Widths fit the widest cell plus a margin: "1.06.04" (7), "790.537.687" (11), the
  // name (27); a heading decides by its longest word ("Rata-rata" spans three columns
  // and decides none). libxlsxwriter stores 0.71 more than asked (Excel's padding).
  EXPECT_EQ(sheet.width.at("A"), "9.71");
  EXPECT_EQ(sheet.width.at("B"), "29.71");
  EXPECT_EQ(sheet.width.at("C"), "13.71");
  EXPECT_EQ(sheet.width.at("H"), "6.71");
}

TEST(XlsxTest, Tc27SheetMergesTheHeadingAsTheSeedTableDoes) {
  const std::string tsv =
      Tc27Heading() +
      "\t\t1.06.04\tPROGRAM REHABILITASI SOSIAL\tPersentase PPKS\t100%\t100%\t790.537.687"
      "\t100%\t1,500,000\t\t\t\t\t\t-\t\t790.537.687\tBidang Rehabilitasi Sosial\t\n"
      "\t\t\tJUMLAH\t\t\t\t790.537.687\t\t0\t\t\t\t\t\t\t\t790.537.687\t\t\n";
  TempDir tmp("xlsx_test");
  const std::string path = tmp / "t-c.27.xlsx";
  ASSERT_THAT(WriteXlsx({Tc27Sheet(tsv, 1324)}, path), IsOk());

  const XlsxBook book = ReadXlsx(path);
  ASSERT_EQ(book.error, "");
  EXPECT_THAT(book.sheets, ElementsAre("T-C.27"));
  const auto& sheet = book.sheet.at("T-C.27");
  EXPECT_THAT(sheet.merged,
              ElementsAre("A1:T1", "A2:A4", "B2:B4", "C2:C4", "D2:D4", "E2:E4", "F2:F4", "G2:R2",
                          "G3:H3", "I3:J3", "K3:L3", "M3:N3", "O3:P3", "Q3:R3", "S2:S4", "T2:T4"));
  EXPECT_EQ(sheet.freeze, "A6");
  EXPECT_EQ(sheet.cells.at("A1"),
            "text:TABEL T-C.27 RENCANA PROGRAM, KEGIATAN, DAN PENDANAAN (versi rencana 1324)");
  EXPECT_EQ(sheet.cells.at("G2"), "text:Target Kinerja Program dan Kerangka Pendanaan");
  EXPECT_EQ(sheet.cells.at("Q3"),
            "text:Kondisi Kinerja pada akhir periode Renstra Perangkat Daerah");
  EXPECT_EQ(sheet.cells.at("H4"), "text:Rp");
  EXPECT_EQ(sheet.cells.at("T5"), "text:20");
  EXPECT_EQ(sheet.cells.at("C6"), "text:1.06.04");
  EXPECT_EQ(sheet.cells.at("F6"), "text:100%");
  EXPECT_EQ(sheet.cells.at("H6"), "number:790537687 #,##0");
  // A Rupiah cell not written the Indonesian way stays as written, never guessed at.
  EXPECT_EQ(sheet.cells.at("J6"), "text:1,500,000");
  EXPECT_EQ(sheet.cells.at("P6"), "text:-");
  EXPECT_EQ(sheet.cells.at("R6"), "number:790537687 #,##0");
  EXPECT_EQ(sheet.cells.at("D7"), "text:JUMLAH");
  EXPECT_EQ(sheet.cells.at("J7"), "number:0 #,##0");
  EXPECT_EQ(sheet.width.at("C"), "9.71");
}

TEST(XlsxTest, DiffSheetHasYearsAndAmountsAsNumbers) {
  v1::DiffVersionsResponse diff;
  diff.set_from_version(1324);
  diff.set_to_version(1330);
  v1::DiffEntry* e = diff.add_entries();
  e->set_kind(v1::DiffEntry::FUNDING_CHANGED);
  e->set_node_code("1.06.05.2.02.0001");
  e->set_year(2025);
  e->set_before("Rp 150.000.000");
  e->set_after("Rp 180.000.000");
  e->set_revision_id("REV-1");
  e->set_revision_name("Perubahan Renstra 2025");
  e = diff.add_entries();
  e->set_kind(v1::DiffEntry::TARGET_CHANGED);
  e->set_indicator_id("1.06.04.2.01.0001#1");
  e->set_year(2025);
  e->set_before("210 Orang");
  e->set_after("220 Orang");
  TempDir tmp("xlsx_test");
  const std::string path = tmp / "perubahan.xlsx";
  ASSERT_THAT(WriteXlsx({ReportSheet(DiffReportTable(diff))}, path), IsOk());

  const XlsxBook book = ReadXlsx(path);
  ASSERT_EQ(book.error, "");
  EXPECT_THAT(book.sheets, ElementsAre("Perubahan"));
  const auto& sheet = book.sheet.at("Perubahan");
  EXPECT_THAT(sheet.merged, ElementsAre("A1:J1"));
  EXPECT_EQ(sheet.freeze, "A3");
  EXPECT_EQ(sheet.cells.at("A1"), "text:Perubahan Renstra: versi 1324 → 1330");
  EXPECT_EQ(sheet.cells.at("B3"), "text:1.06.05.2.02.0001");
  EXPECT_EQ(sheet.cells.at("C3"), "number:2025 0");
  EXPECT_EQ(sheet.cells.at("D3"), "number:150000000 #,##0");
  EXPECT_EQ(sheet.cells.at("E3"), "number:180000000 #,##0");
  EXPECT_EQ(sheet.cells.at("F3"), "text:REV-1 Perubahan Renstra 2025");
  EXPECT_EQ(sheet.cells.at("D4"), "text:210 Orang");
  EXPECT_EQ(sheet.cells.at("E4"), "text:220 Orang");
}

TEST(XlsxTest, RefusesASheetNameExcelWouldNotOpenAndWritesNothing) {
  TempDir tmp("xlsx_test");
  const std::string path = tmp / "bad.xlsx";
  XlsxSheet sheet;
  sheet.name = "T-C.27/2025";
  EXPECT_THAT(WriteXlsx({sheet}, path),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "sheet name \"T-C.27/2025\": Excel takes 1 to 31 characters, none of "
                       "[]:*?/\\"));
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(XlsxTest, AnUnwritableFileIsAnError) {
  XlsxSheet sheet;
  sheet.name = "T-C.24";
  EXPECT_THAT(WriteXlsx({sheet}, "/nonexistent-dir/t.xlsx"),
              StatusIs(absl::StatusCode::kInternal,
                       "cannot write /nonexistent-dir/t.xlsx: No such file or directory"));
}

// Runs `body` with stdout on a fresh pseudo-terminal, as when the CLI runs in one.
template <typename Body>
void WithStdoutOnTerminal(Body body) {
  const int master = posix_openpt(O_RDWR | O_NOCTTY);
  ASSERT_GE(master, 0);
  ASSERT_EQ(grantpt(master), 0);
  ASSERT_EQ(unlockpt(master), 0);
  const int terminal = open(ptsname(master), O_RDWR | O_NOCTTY);
  ASSERT_GE(terminal, 0);
  std::fflush(stdout);
  const int saved = dup(STDOUT_FILENO);
  dup2(terminal, STDOUT_FILENO);
  body();
  dup2(saved, STDOUT_FILENO);
  close(saved);
  close(terminal);
  close(master);
}

TEST(XlsxTest, RefusesToWriteAWorkbookToATerminal) {
  std::optional<int> to_stdout, dash, to_file;
  ::testing::internal::CaptureStderr();
  WithStdoutOnTerminal([&] {
    to_stdout = RefuseXlsxOnTerminal("");
    dash = RefuseXlsxOnTerminal("-");
    to_file = RefuseXlsxOnTerminal("report.xlsx");
  });
  const std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(to_stdout, kExitUsage);
  EXPECT_EQ(dash, kExitUsage);
  EXPECT_EQ(to_file, std::nullopt);
  const std::string reason =
      "renstra: --format xlsx writes a binary workbook, not text for the terminal: give "
      "--output FILE.xlsx (or redirect stdout to a file)\n";
  EXPECT_EQ(err, reason + reason);
}

}  // namespace
}  // namespace renstra
