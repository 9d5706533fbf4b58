// End to end, realization through the real binaries: renstrad with the seed plan and a
// users file; the head of Bidang Rehabilitasi Sosial records, with the renstra CLI, the
// achievements and spending of program 1.06.04 for 2022–2024 (one by quarters, one
// corrected); the inspectorate reads the T-C.23, T-C.24 and E.80 reports and the
// early-warning list, whose exact figures are checked, and an HTML page whose charts'
// data holds the same figures.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "renstra/v1/users.pb.h"
#include "tests/e2e/e2e_fixture.h"
#include "tests/e2e/process.h"
#include "tests/testing/xlsx_reader.h"

namespace renstra::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kRehabToken[] = "rehab-7d1c0e5b93a24f68";
constexpr char kInspektoratToken[] = "inspektorat-2b8e4f1a6c0d9357";
constexpr char kPermakanan[] = "1.06.04.2.01.0001#1";  // targets 2022–2024: 100 Orang
constexpr char kProgramIndicator[] = "1.06.04#1";      // targets: 100%

std::vector<std::string> Split(const std::string& line, char separator) {
  std::vector<std::string> fields;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, separator)) fields.push_back(field);
  if (!line.empty() && line.back() == separator) fields.push_back("");
  return fields;
}

// The TSV rows whose first field is `code`, without the descriptive columns
// (Kode, Indikator/Uraian: `skip` fields).
std::vector<std::vector<std::string>> Rows(const std::string& tsv, const std::string& code,
                                           size_t skip) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(tsv);
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> f = Split(line, '\t');
    if (f.empty() || f[0] != code) continue;
    rows.emplace_back(f.begin() + static_cast<long>(std::min(skip, f.size())), f.end());
  }
  return rows;
}

class RealizationEndToEnd : public SeededDaemonTest {
 protected:
  std::vector<DaemonUser> Users() const override {
    return {{"rehab", v1::Role::KEPALA_BIDANG, v1::REHABILITASI_SOSIAL, kRehabToken},
            {"inspektorat", v1::Role::INSPEKTORAT, v1::DIVISION_UNSPECIFIED, kInspektoratToken}};
  }

  // Runs a command as rehab that must succeed; returns its stdout.
  std::string Rehab(std::vector<std::string> args) {
    CommandResult r = As(kRehabToken, std::move(args));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  }

  std::string Read(std::vector<std::string> args) {
    CommandResult r = As(kInspektoratToken, std::move(args));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  }

  void RecordProgram106042022To2024() {
    const std::vector<std::pair<std::string, std::string>> program = {
        {"2022", "100%"}, {"2023", "90%"}, {"2024", "45%"}};
    for (const auto& [year, value] : program) {
      Rehab({"realize", "achievement", "--indicator", kProgramIndicator, "--year", year, "--value",
             value, "--evidence", "LKjIP-" + year});
    }
    Rehab({"realize", "achievement", "--indicator", kPermakanan, "--year", "2022", "--value",
           "95 Orang", "--evidence", "BA-2022-01"});
    // By quarters: 20 + 30 + 25 + 35 = 110 Orang (a bare number takes the unit).
    Rehab({"realize", "achievement", "--indicator", kPermakanan, "--year", "2023", "--q1",
           "20 Orang", "--q2", "30", "--q3", "25", "--q4", "35", "--evidence", "BA-2023-01"});
    Rehab({"realize", "achievement", "--indicator", kPermakanan, "--year", "2024", "--value",
           "80 Orang", "--evidence", "BA-2024-01"});
    Rehab({"realize", "spending", "--code", "1.06.04.2.01.001", "--year", "2022", "--amount",
           "19.000.000", "--evidence", "SP2D-2022-1"});
    Rehab({"realize", "spending", "--code", "1.06.04.2.01.0001", "--year", "2023", "--amount",
           "311.000.000", "--evidence", "SP2D-2023-1"});
    const std::string recorded =
        Rehab({"realize", "spending", "--code", "1.06.04.2.01.0001", "--year", "2024", "--amount",
               "150.000.000", "--evidence", "SP2D-2024-1"});
    EXPECT_THAT(recorded, HasSubstr("Dicatat RLZ-000009  2024  1.06.04.2.01.0001  "
                                    "Rp 150.000.000  bukti SP2D-2024-1"));
    const std::string corrected =
        Rehab({"realize", "correct", "RLZ-000009", "--amount", "160.000.000", "--evidence",
               "SP2D-2024-1a", "--note", "SP2D kedua belum dicatat"});
    EXPECT_THAT(corrected, HasSubstr("Dikoreksi RLZ-000010  2024  1.06.04.2.01.0001  "
                                     "Rp 160.000.000"));
    EXPECT_THAT(corrected, HasSubstr("mengoreksi RLZ-000009"));
  }

  TempDir tmp_;
  Server server_;
};

TEST_F(RealizationEndToEnd, RecordsThreeYearsAndReportsExactFigures) {
  RecordProgram106042022To2024();

  const std::string list = Read({"realize", "list", "--code", "1.06.04.2.01"});
  EXPECT_THAT(list, HasSubstr("RLZ-000009  2024  1.06.04.2.01.0001  Rp 150.000.000"));
  EXPECT_THAT(list, HasSubstr("dikoreksi oleh RLZ-000010"));
  EXPECT_THAT(list, HasSubstr("\n7 realisasi\n"));

  // T-C.23: Satuan, Target ×5, Realisasi ×5, Rasio ×5.
  const std::string capaian = Read({"report", "capaian", "--code", "1.06.04", "--format", "tsv"});
  EXPECT_THAT(Rows(capaian, "1.06.04", 2),
              ElementsAre(ElementsAre("%", "100%", "100%", "100%", "100%", "100%", "100%", "90%",
                                      "45%", "-", "-", "100,00", "90,00", "45,00", "-", "-")));
  EXPECT_THAT(Rows(capaian, "1.06.04.2.01.001", 2),
              ElementsAre(ElementsAre("Orang", "100 Orang", "100 Orang", "100 Orang", "210 Orang",
                                      "210 Orang", "95 Orang", "110 Orang", "80 Orang", "-", "-",
                                      "95,00", "110,00", "80,00", "-", "-")));
  const std::string one_year =
      Read({"report", "capaian", "--code", "1.06.04", "--year", "2023", "--format", "csv"});
  EXPECT_THAT(one_year, HasSubstr("Kode,Indikator,Satuan,Target 2023,Realisasi 2023,Rasio (%) "
                                  "2023\n"));
  EXPECT_THAT(one_year, HasSubstr(",Orang,100 Orang,110 Orang,\"110,00\"\n"));

  // T-C.24: Anggaran ×5, Realisasi ×5, Rasio ×5, Rata-rata anggaran, realisasi, rasio.
  const std::string anggaran = Read({"report", "anggaran", "--code", "1.06.04", "--format", "tsv"});
  EXPECT_THAT(Rows(anggaran, "1.06.04", 2),
              ElementsAre(ElementsAre("790.537.687", "3.523.998.700", "1.685.000.000",
                                      "2.200.000.000", "2.535.000.000", "19.000.000", "311.000.000",
                                      "160.000.000", "-", "-", "2,40", "8,83", "9,50", "-", "-",
                                      "2.146.907.277", "163.333.333", "6,91")));
  EXPECT_THAT(Rows(anggaran, "1.06.04.2.01.001", 2),
              ElementsAre(ElementsAre("19.386.300", "311.248.240", "320.000.000", "350.000.000",
                                      "350.000.000", "19.000.000", "311.000.000", "160.000.000",
                                      "-", "-", "98,01", "99,92", "50,00", "-", "-", "270.126.908",
                                      "163.333.333", "82,64")));

  // E.80: per node a K row per indicator and an Rp row; the last two: average, predikat.
  const std::string evaluasi = Read({"report", "evaluasi", "--code", "1.06.04", "--format", "tsv"});
  std::vector<std::vector<std::string>> program = Rows(evaluasi, "1.06.04", 3);
  ASSERT_EQ(program.size(), 2u);
  EXPECT_THAT(program[0],
              ElementsAre("K", "%", "100%", "100%", "100,00", "100%", "90%", "90,00", "100%", "45%",
                          "45,00", "100%", "-", "-", "100%", "-", "-", "78,33", "Baik"));
  EXPECT_THAT(program[1], ElementsAre("Rp", "Rp", "790.537.687", "19.000.000", "2,40",
                                      "3.523.998.700", "311.000.000", "8,83", "1.685.000.000",
                                      "160.000.000", "9,50", "2.200.000.000", "-", "-",
                                      "2.535.000.000", "-", "-", "6,91", "Sangat Kurang"));
  std::vector<std::vector<std::string>> permakanan = Rows(evaluasi, "1.06.04.2.01.001", 3);
  ASSERT_EQ(permakanan.size(), 2u);
  EXPECT_EQ(permakanan[0].end()[-2], "95,00");
  EXPECT_EQ(permakanan[0].back(), "Sangat Baik");
  EXPECT_EQ(permakanan[1].end()[-2], "82,64");
  EXPECT_EQ(permakanan[1].back(), "Baik");

  // Early warning over the whole plan, 2024: ratio below 50, absorption below 60 (50,00
  // is below 60; 45,00 below 50). Nothing else in the plan has a ratio.
  const std::string warnings = Read({"report", "peringatan", "--year", "2024", "--ratio", "50",
                                     "--absorption", "60", "--format", "csv"});
  EXPECT_EQ(warnings,
            "Jenis,Kode,Uraian,Indikator,Tahun,Rasio (%),Keterangan\n"
            "Kinerja,1.06.04,PROGRAM REHABILITASI SOSIAL,\"Persentase Penyandang Disabilitas "
            "Terlantar, Anak Terlantar, Lanjut Usia Terlantar, serta Gelandangan Pengemis yang "
            "tertangani di Luar Panti Sosial\",2024,\"45,00\",\"rasio capaian 45,00 di bawah "
            "50\"\n"
            "Keuangan,1.06.04,PROGRAM REHABILITASI SOSIAL,-,2024,\"9,50\",\"serapan anggaran "
            "9,50 di bawah 60\"\n"
            "Keuangan,1.06.04.2.01,\"Rehabilitasi Sosial Dasar Penyandang Disabilitas "
            "Terlantar, Anak Terlantar, Lanjut Usia Terlantar, serta Gelandangan Pengemis di "
            "Luar Panti Sosial\",-,2024,\"11,23\",\"serapan anggaran 11,23 di bawah 60\"\n"
            "Keuangan,1.06.04.2.01.001,Penyediaan Permakanaan,-,2024,\"50,00\",\"serapan "
            "anggaran 50,00 di bawah 60\"\n");

  // The terminal table shows the same figures.
  const std::string table = Read({"report", "anggaran", "--code", "1.06.04.2.01.0001"});
  EXPECT_THAT(table, HasSubstr("Tabel T-C.24"));
  EXPECT_THAT(table, HasSubstr("98,01"));
  EXPECT_THAT(table, HasSubstr("1 baris"));
}

TEST_F(RealizationEndToEnd, HtmlPageHoldsTheChartsAndTheirData) {
  RecordProgram106042022To2024();
  const std::string path = tmp_ / "evaluasi.html";
  CommandResult r = As(kInspektoratToken,
                       {"report", "evaluasi", "--code", "1.06.04", "--format", "html", "-o", path});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string html = buffer.str();
  EXPECT_THAT(html, HasSubstr("<!DOCTYPE html>"));
  // Two charts: the program's indicator, and pagu vs realisasi with serapan.
  size_t svgs = 0;
  for (size_t at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) {
    ++svgs;
  }
  EXPECT_EQ(svgs, 2u);
  EXPECT_THAT(html, HasSubstr("<script type=\"application/json\" id=\"chart-data\">"
                              "{\"program\":\"1.06.04\",\"name\":\"PROGRAM REHABILITASI "
                              "SOSIAL\""));
  EXPECT_THAT(html, HasSubstr("{\"year\":2024,\"target\":\"100%\",\"realization\":\"45%\","
                              "\"ratio\":\"45,00\"}"));
  EXPECT_THAT(html, HasSubstr("{\"year\":2023,\"funding\":\"3.523.998.700\",\"funding_rupiah\":"
                              "3523998700,\"spent\":\"311.000.000\",\"spent_rupiah\":311000000,"
                              "\"absorption\":\"8,83\"}"));
  EXPECT_THAT(html, HasSubstr("\"average_absorption\":\"6,91\""));
  // Self-contained: no external scripts, styles or images.
  EXPECT_THAT(html, Not(HasSubstr("src=")));
  EXPECT_THAT(html, Not(HasSubstr("<link")));
  EXPECT_THAT(html, Not(HasSubstr("https://")));

  // Without a program there is nothing to chart: a usage error.
  CommandResult no_code =
      As(kInspektoratToken, {"report", "capaian", "--format", "html", "-o", path});
  EXPECT_EQ(no_code.exit_code, 2);
}

TEST_F(RealizationEndToEnd, RefusalsNameTheFieldAndChangeNothing) {
  CommandResult r = As(kRehabToken, {"realize", "achievement", "--indicator", kPermakanan, "--year",
                                     "2027", "--value", "95 Orang", "--evidence", "x"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "renstra: invalid request: year: 2027 is outside the plan's years "
            "2022\xE2\x80\x93"
            "2026\n");
  r = As(kInspektoratToken, {"realize", "spending", "--code", "1.06.04.2.01.0001", "--year", "2023",
                             "--amount", "1.000", "--evidence", "x"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "renstra: permission denied: rule: only KEPALA_BIDANG or SEKRETARIAT may record "
            "realizations; inspektorat is INSPEKTORAT\n");
  r = As(kRehabToken, {"realize", "spending", "--code", "1.06.04.2.01.0001", "--year", "2023",
                       "--amount", "-5", "--evidence", "x"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(Read({"realize", "list"}), HasSubstr("0 realisasi\n"));
}

std::string FileText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Triwulan I..IV recorded one by one as their own facts: IV after I-III adds the
// quarter (the year is their sum for this count), a restatement of IV is refused, a
// correction of II keeps history, and `report triwulan` shows the e-Monev form in
// every format, its cells exact.
TEST_F(RealizationEndToEnd, QuartersAreAddedOneByOneAndTheTriwulanFormShowsThem) {
  const std::vector<std::pair<std::string, std::string>> quarters = {
      {"1", "20 Orang"}, {"2", "30"}, {"3", "25 Orang"}};
  for (const auto& [quarter, value] : quarters) {
    Rehab({"realize", "achievement", "--indicator", kPermakanan, "--year", "2024", "--quarter",
           quarter, "--value", value, "--evidence", "BA-TW" + quarter});
  }
  const std::string fourth =
      Rehab({"realize", "achievement", "--indicator", kPermakanan, "--year", "2024", "--quarter",
             "4", "--value", "35", "--evidence", "BA-TW4"});
  EXPECT_THAT(fourth, HasSubstr("Dicatat RLZ-000004  2024 triwulan IV  1.06.04.2.01.0001#1  "
                                "35 Orang  bukti BA-TW4"));
  CommandResult again =
      As(kRehabToken, {"realize", "achievement", "--indicator", kPermakanan, "--year", "2024",
                       "--quarter", "4", "--value", "40", "--evidence", "BA-TW4b"});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_EQ(again.err,
            "renstra: refused: indicator 1.06.04.2.01.0001#1 2024 triwulan IV already has "
            "realization RLZ-000004; record a correction of it instead\n");
  CommandResult year = As(kRehabToken, {"realize", "achievement", "--indicator", kPermakanan,
                                        "--year", "2024", "--value", "110", "--evidence", "BA"});
  EXPECT_EQ(year.exit_code, 1);
  EXPECT_EQ(year.err,
            "renstra: refused: indicator 1.06.04.2.01.0001#1 2024 is recorded by triwulan "
            "(RLZ-000001, RLZ-000002, RLZ-000003, RLZ-000004); its year figure derives from "
            "them: record or correct a triwulan\n");
  const std::string corrected =
      Rehab({"realize", "correct", "RLZ-000002", "--value", "32", "--evidence", "BA-TW2-rev",
             "--note", "dua penerima belum tercatat"});
  EXPECT_THAT(corrected, HasSubstr("Dikoreksi RLZ-000005  2024 triwulan II  1.06.04.2.01.0001#1  "
                                   "32 Orang  bukti BA-TW2-rev"));
  Rehab({"realize", "spending", "--code", "1.06.04.2.01.0001", "--year", "2024", "--quarter", "1",
         "--amount", "70.000.000", "--evidence", "SP2D-TW1"});
  Rehab({"realize", "spending", "--code", "1.06.04.2.01.0001", "--year", "2024", "--quarter", "2",
         "--amount", "64.100.000", "--evidence", "SP2D-TW2"});

  const std::string list = Read({"realize", "list", "--indicator", kPermakanan, "--year", "2024"});
  EXPECT_THAT(list, HasSubstr("RLZ-000001  2024 triwulan I  1.06.04.2.01.0001#1  20 Orang"));
  EXPECT_THAT(list, HasSubstr("dikoreksi oleh RLZ-000005"));
  EXPECT_THAT(list, HasSubstr("RLZ-000004  2024 triwulan IV  1.06.04.2.01.0001#1  35 Orang"));
  EXPECT_THAT(list, HasSubstr("5 realisasi"));

  // The year's figure the other reports use is the quarters' sum: 20 + 32 + 25 + 35.
  EXPECT_THAT(Read({"report", "capaian", "--code", "1.06.04.2.01.0001", "--year", "2024",
                    "--format", "csv"}),
              HasSubstr(",Orang,100 Orang,112 Orang,\"112,00\"\n"));

  const std::vector<std::string> form = {"report", "triwulan", "--year",
                                         "2024",   "--code",   "1.06.04.2.01.0001"};
  auto with = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = form;
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
  };
  const std::string tsv = Read(with({"--format", "tsv"}));
  EXPECT_THAT(tsv, ::testing::StartsWith(
                       "Kode\tUraian\tIndikator\tK/Rp\tSatuan\tTarget 2024\tTriwulan I\t"
                       "Triwulan II\tTriwulan III\tTriwulan IV\tKumulatif\tCapaian (%)\n"));
  // 134.100.000 of the 320.000.000 pagu: 41,90625, rounded once.
  EXPECT_THAT(Rows(tsv, "1.06.04.2.01.001", 3),
              ElementsAre(ElementsAre("K", "Orang", "100 Orang", "20 Orang", "32 Orang", "25 Orang",
                                      "35 Orang", "112 Orang", "112,00"),
                          ElementsAre("Rp", "Rp", "320.000.000", "70.000.000", "64.100.000", "-",
                                      "-", "134.100.000", "41,91")));
  const std::string csv = Read(with({"--format", "csv"}));
  EXPECT_THAT(csv, HasSubstr(",K,Orang,100 Orang,20 Orang,32 Orang,25 Orang,35 Orang,112 Orang,"
                             "\"112,00\"\n"));
  EXPECT_THAT(csv, HasSubstr(",Anggaran,Rp,Rp,320.000.000,70.000.000,64.100.000,-,-,"
                             "134.100.000,\"41,91\"\n"));
  const std::string table = Read(form);
  EXPECT_THAT(table, HasSubstr("Formulir Triwulan (e-Monev) Tahun 2024"));
  EXPECT_THAT(table, HasSubstr("2 baris"));

  const std::string xlsx = tmp_ / "triwulan.xlsx";
  Read(with({"--format", "xlsx", "-o", xlsx}));
  const XlsxBook book = ReadXlsx(xlsx);
  ASSERT_EQ(book.error, "");
  EXPECT_THAT(book.sheets, ElementsAre("Triwulan 2024"));
  const XlsxSheetDump& sheet = book.sheet.at("Triwulan 2024");
  EXPECT_THAT(sheet.merged, ElementsAre("A1:L1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3",
                                        "F2:F3", "G2:J2", "K2:K3", "L2:L3"));
  EXPECT_EQ(sheet.cells.at("G2"), "text:Realisasi 2024");
  EXPECT_EQ(sheet.cells.at("J3"), "text:Triwulan IV");
  EXPECT_EQ(sheet.cells.at("K2"), "text:Kumulatif");
  EXPECT_EQ(sheet.cells.at("L2"), "text:Capaian (%)");
  EXPECT_EQ(sheet.cells.at("F4"), "number:100 #,##0");
  EXPECT_EQ(sheet.cells.at("H4"), "number:32 #,##0");
  EXPECT_EQ(sheet.cells.at("K4"), "number:112 #,##0");
  EXPECT_EQ(sheet.cells.at("L4"), "number:112 0.00");
  EXPECT_EQ(sheet.cells.at("H5"), "number:64100000 #,##0");
  EXPECT_EQ(sheet.cells.at("I5"), "text:-");
  EXPECT_EQ(sheet.cells.at("L5"), "number:41.91 0.00");

  const std::string html = tmp_ / "triwulan.html";
  Read(with({"--format", "html", "-o", html}));
  const std::string page = FileText(html);
  EXPECT_THAT(page, HasSubstr("<!DOCTYPE html>"));
  EXPECT_THAT(page, HasSubstr("Triwulan IV"));
  EXPECT_THAT(page, HasSubstr("134.100.000"));
  EXPECT_THAT(page, Not(HasSubstr("<svg")));  // no per-year chart for a quarterly form

  const std::string printed = tmp_ / "triwulan-print.html";
  Read(with({"--format", "print", "-o", printed}));
  EXPECT_THAT(FileText(printed), HasSubstr("41,91"));
  const std::string pdf = tmp_ / "triwulan.pdf";
  Read(with({"--format", "pdf", "-o", pdf}));
  CommandResult text = RunCommand({"/usr/bin/pdftotext", "-layout", pdf, "-"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_THAT(text.out, HasSubstr("Kumulatif"));
  EXPECT_THAT(text.out, HasSubstr("134.100.000"));

  CommandResult bad = As(kInspektoratToken, {"report", "triwulan", "--year", "2021"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_EQ(bad.err,
            "renstra: invalid request: year: 2021 is outside the plan's years "
            "2022\xE2\x80\x93"
            "2026\n");
}

// The program rows of a report's TSV (codes as the seed writes them: "1.6.1",
// "1.06.02", "2.13.4": three parts), in order.
std::vector<std::string> ProgramCodes(const std::string& tsv) {
  std::vector<std::string> codes;
  std::istringstream in(tsv);
  std::string line;
  while (std::getline(in, line)) {
    const std::string code = line.substr(0, line.find('\t'));
    if (std::count(code.begin(), code.end(), '.') == 2) codes.push_back(code);
  }
  return codes;
}

// A Kepala Bidang reads their own division by default across programs; --division
// names another or "semua"; a subtree asked for by --code is shown whole.
TEST_F(RealizationEndToEnd, ADivisionHeadReadsTheirOwnDivisionByDefault) {
  const std::string all = Read({"report", "anggaran", "--format", "tsv"});
  EXPECT_THAT(ProgramCodes(all), ElementsAre("1.6.1", "1.06.02", "1.06.03", "1.06.04", "1.06.05",
                                             "1.06.06", "1.06.07", "2.13.4", "2.13.5"));
  const std::string own = Rehab({"report", "anggaran", "--format", "tsv"});
  EXPECT_THAT(ProgramCodes(own), ElementsAre("1.06.03", "1.06.04"));
  EXPECT_EQ(Rehab({"report", "anggaran", "--division", "semua", "--format", "tsv"}), all);
  EXPECT_EQ(Read({"report", "anggaran", "--division", "Rehabilitasi Sosial", "--format", "tsv"}),
            own);
  EXPECT_THAT(ProgramCodes(Rehab({"report", "capaian", "--division", "PEMBERDAYAAN_MASYARAKAT",
                                  "--format", "tsv"})),
              ElementsAre("2.13.4", "2.13.4", "2.13.5", "2.13.5"));  // two indicators each
  EXPECT_THAT(ProgramCodes(Rehab({"report", "anggaran", "--code", "1.06.02", "--format", "tsv"})),
              ElementsAre("1.06.02"));

  const std::string plan = Rehab({"plan", "show"});
  EXPECT_THAT(plan, ::testing::StartsWith(
                        "Hanya Bidang Rehabilitasi Sosial (--division semua: seluruh renstra)\n"));
  EXPECT_THAT(plan, HasSubstr("1.06.04.2.01"));
  EXPECT_THAT(plan, Not(HasSubstr("Kegiatan 1.06.02.2.02")));
  EXPECT_THAT(Read({"plan", "show"}), HasSubstr("Kegiatan 1.06.02.2.02"));

  CommandResult unknown = As(kRehabToken, {"report", "anggaran", "--division", "linjamsos"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_EQ(unknown.err,
            "renstra: --division \"linjamsos\": bukan bidang (nama bidang, \"saya\" atau "
            "\"semua\")\n");
  CommandResult none = As(kInspektoratToken, {"plan", "show", "--division", "saya"});
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_EQ(none.err, "renstra: --division saya: inspektorat tidak bertugas pada satu bidang\n");
}

}  // namespace
}  // namespace renstra::testing
