// End to end, --format xlsx through the real binaries (issue 17, "Excel out"): renstrad
// with the seed plan; the CLI writes T-C.27, T-C.23, T-C.24 and the Perubahan matrix as
// workbooks, which openpyxl reads back (tests/testing/xlsx_reader.h): every T-C.27 cell
// against the TSV export, the Rp columns as numbers, a realization's figures as numbers.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
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
using ::testing::StartsWith;

constexpr char kRehabToken[] = "rehab-5a0c9e2f71b84d36";
constexpr char kInspektoratToken[] = "inspektorat-8f3d1b6a0e2c4975";

// "A", ..., "Z", "AA" for column index 0, 1, ...
std::string ColumnLetter(size_t c) {
  std::string out;
  for (size_t n = c + 1; n > 0; n = (n - 1) / 26) out.insert(out.begin(), 'A' + (n - 1) % 26);
  return out;
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) return out;
    start = tab + 1;
  }
}

// "790.537.687" -> "790537687".
std::string Digits(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c != '.') out += c;
  }
  return out;
}

class XlsxEndToEnd : public SeededDaemonTest {
 protected:
  std::vector<DaemonUser> Users() const override {
    return {{"rehab", v1::Role::KEPALA_BIDANG, v1::REHABILITASI_SOSIAL, kRehabToken},
            {"inspektorat", v1::Role::INSPEKTORAT, v1::DIVISION_UNSPECIFIED, kInspektoratToken}};
  }

  std::string Read(std::vector<std::string> args) {
    CommandResult r = As(kInspektoratToken, std::move(args));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  }
};

TEST_F(XlsxEndToEnd, Tc27WorkbookHoldsTheExportCellForCell) {
  const std::string path = tmp_ / "T-C.27.xlsx";
  CommandResult r = As(kInspektoratToken,
                       {"plan", "export", "--table", "T-C.27", "--format", "xlsx", "-o", path});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "renstra: T-C.27 (renstra versi 1324) ditulis ke " + path + "\n");
  const std::string tsv = Read({"plan", "export", "--table", "T-C.27", "--format", "tsv"});

  const XlsxBook book = ReadXlsx(path);
  ASSERT_EQ(book.error, "");
  EXPECT_THAT(book.sheets, ElementsAre("T-C.27"));
  const XlsxSheetDump& sheet = book.sheet.at("T-C.27");
  EXPECT_EQ(sheet.freeze, "A6");
  EXPECT_THAT(sheet.merged,
              ElementsAre("A1:T1", "A2:A4", "B2:B4", "C2:C4", "D2:D4", "E2:E4", "F2:F4", "G2:R2",
                          "G3:H3", "I3:J3", "K3:L3", "M3:N3", "O3:P3", "Q3:R3", "S2:S4", "T2:T4"));
  EXPECT_EQ(sheet.cells.at("A1"),
            "text:TABEL T-C.27 RENCANA PROGRAM, KEGIATAN, DAN PENDANAAN (versi rencana 1324)");
  // The first program of the seed: code as text, its 2022 pagu and its end-of-period
  // total as numbers, the JUMLAH row's totals.
  EXPECT_EQ(sheet.cells.at("C8"), "text:1.6.1");
  EXPECT_EQ(sheet.cells.at("F8"), "text:100%");
  EXPECT_EQ(sheet.cells.at("H8"), "number:4584600968 #,##0");
  EXPECT_EQ(sheet.cells.at("R8"), "number:34914179472 #,##0");
  EXPECT_EQ(sheet.cells.at("S8"), "text:Sekretariat");
  EXPECT_EQ(sheet.width.at("C"), "20.71");

  // Every line of the TSV is a row of the sheet (from row 2: row 1 is the title), every
  // non-blank cell the same text — or, in an Rp column below the headings, the same
  // amount as a number.
  std::istringstream in(tsv);
  std::string line;
  size_t row = 2, compared = 0, numbers = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const std::vector<std::string> cells = SplitTabs(line);
    for (size_t c = 0; c < cells.size(); ++c) {
      const std::string name = ColumnLetter(c) + std::to_string(row);
      if (cells[c].empty()) {  // blank, or under a merged heading
        EXPECT_EQ(sheet.cells.count(name), 0u) << name;
        continue;
      }
      const bool rupiah = row > 5 && c >= 7 && c <= 17 && c % 2 == 1 && cells[c] != "-";
      const std::string expected =
          rupiah ? "number:" + Digits(cells[c]) + " #,##0" : "text:" + cells[c];
      ASSERT_EQ(sheet.cells.count(name), 1u) << name;
      EXPECT_EQ(sheet.cells.at(name), expected) << name;
      ++compared;
      numbers += rupiah ? 1 : 0;
    }
    ++row;
  }
  EXPECT_EQ(row, 126u);  // title + 124 lines: the last row is JUMLAH
  EXPECT_EQ(sheet.cells.at("D125"), "text:JUMLAH");
  EXPECT_GT(numbers, 500u);
  EXPECT_GT(compared, 1500u);
}

// Excel in (issue 17): the exported workbook, imported by the CLI into a fresh renstrad,
// gives the same plan: its T-C.27 export is the original's byte for byte, and the
// import's lines are the sheet's rows.
TEST_F(XlsxEndToEnd, ExportedWorkbookImportsIntoAFreshServerAsTheSamePlan) {
  const std::string path = tmp_ / "T-C.27.xlsx";
  ASSERT_EQ(
      As(kInspektoratToken, {"plan", "export", "--table", "T-C.27", "--format", "xlsx", "-o", path})
          .exit_code,
      0);
  const std::string tsv = Read({"plan", "export", "--table", "T-C.27", "--format", "tsv"});

  Server fresh = StartServer(tmp_ / "fresh", tmp_ / "fresh.log", /*empty=*/true);
  ASSERT_NE(fresh.daemon, nullptr);
  CommandResult dry = Cli(fresh.ready.address, {"import", "--file", path, "--dry-run", "--lines"});
  ASSERT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_THAT(dry.out, StartsWith("Uji coba impor " + path +
                                  ": tidak ada yang ditulis. Yang akan dibuat:\n"
                                  "Dibaca dari lembar \"T-C.27\" buku kerja\n"));
  EXPECT_THAT(dry.out, HasSubstr("\nFormat angka : id (as the workbook states in its document "
                                 "property \"Renstra number format\"); 22 cell(s) that read in "
                                 "both conventions were read the id way, first cell I55 (Target "
                                 "2023) \"8.397 Keluarga\"\n"));
  // Row 1 is the title; the table's header is row 2, its first tujuan row 6.
  EXPECT_THAT(dry.out, HasSubstr("\nSemua baris: 124\n  baris 2 dilewati : table header\n"));
  EXPECT_THAT(dry.out, HasSubstr("\n  baris 5 dilewati : table header (column numbers)\n"
                                 "  baris 6 diimpor : tujuan T1\n"
                                 "  baris 7 diimpor : sasaran S1 of tujuan T1\n"
                                 "  baris 8 diimpor : program 1.06.01: indicator 1.06.01#1 (rate: "
                                 "unit %)\n"));

  CommandResult imported = Cli(fresh.ready.address, {"import", "--file", path});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_THAT(imported.out, HasSubstr("\n  sub kegiatan             84\n"));
  CommandResult again =
      Cli(fresh.ready.address, {"plan", "export", "--table", "T-C.27", "--format", "tsv"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_TRUE(again.out == tsv) << "the T-C.27 imported from the workbook differs";
  EXPECT_EQ(fresh.daemon->Stop(), 0);
}

TEST_F(XlsxEndToEnd, WorkbookGoesToAPipeButNeedsAFileOrPipe) {
  // The test's stdout is a pipe: the workbook's bytes come through (a zip file, "PK").
  const std::string bytes =
      Read({"plan", "export", "--table", "T-C.27", "--format", "xlsx", "-o", "-"});
  EXPECT_THAT(bytes, StartsWith(std::string("PK\x03\x04", 4)));
  std::ofstream(tmp_ / "piped.xlsx", std::ios::binary) << bytes;
  const XlsxBook book = ReadXlsx(tmp_ / "piped.xlsx");
  ASSERT_EQ(book.error, "");
  EXPECT_EQ(book.sheet.at("T-C.27").cells.at("H8"), "number:4584600968 #,##0");

  const std::string missing = tmp_ / "no-such-dir/t.xlsx";
  CommandResult r = As(kInspektoratToken,
                       {"plan", "export", "--table", "T-C.27", "--format", "xlsx", "-o", missing});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "renstra: cannot write " + missing + ": No such file or directory\n");
}

TEST_F(XlsxEndToEnd, ReportWorkbooksHoldTheRealizedFiguresAsNumbers) {
  for (std::vector<std::string> args :
       {std::vector<std::string>{"realize", "spending", "--code", "1.06.04.2.01.001", "--year",
                                 "2022", "--amount", "19.000.000", "--evidence", "SP2D-1"},
        std::vector<std::string>{"realize", "achievement", "--indicator", "1.06.04.2.01.0001#1",
                                 "--year", "2022", "--value", "80", "--evidence", "BA-1"}}) {
    CommandResult r = As(kRehabToken, args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  const std::string anggaran = tmp_ / "T-C.24.xlsx";
  CommandResult r = As(kInspektoratToken, {"report", "anggaran", "--code", "1.06.04.2.01.001",
                                           "--format", "xlsx", "-o", anggaran});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  XlsxBook book = ReadXlsx(anggaran);
  ASSERT_EQ(book.error, "");
  EXPECT_THAT(book.sheets, ElementsAre("T-C.24"));
  const XlsxSheetDump& t24 = book.sheet.at("T-C.24");
  EXPECT_EQ(t24.freeze, "A4");
  EXPECT_EQ(t24.cells.at("A4"), "text:1.06.04.2.01.001");
  EXPECT_EQ(t24.cells.at("B4"), "text:Penyediaan Permakanaan");
  EXPECT_EQ(t24.cells.at("C4"), "number:19386300 #,##0");  // pagu 2022
  EXPECT_EQ(t24.cells.at("H4"), "number:19000000 #,##0");  // realisasi 2022
  EXPECT_EQ(t24.cells.at("I4"), "text:-");                 // nothing spent in 2023
  EXPECT_EQ(t24.cells.at("M4"), "number:98.01 0.00");      // serapan 2022
  EXPECT_EQ(t24.cells.at("M2"), "text:Rasio (%)");

  const std::string capaian = tmp_ / "T-C.23.xlsx";
  r = As(kInspektoratToken,
         {"report", "capaian", "--code", "1.06.04.2.01.0001", "--format", "xlsx", "-o", capaian});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  book = ReadXlsx(capaian);
  ASSERT_EQ(book.error, "");
  const XlsxSheetDump& t23 = book.sheet.at("T-C.23");
  EXPECT_THAT(t23.merged,
              ElementsAre("A1:R1", "A2:A3", "B2:B3", "C2:C3", "D2:H2", "I2:M2", "N2:R2"));
  EXPECT_EQ(t23.cells.at("C4"), "text:Orang");
  EXPECT_EQ(t23.cells.at("D4"), "number:100 #,##0");  // target 2022: 100 Orang
  EXPECT_EQ(t23.cells.at("I4"), "number:80 #,##0");   // realisasi 2022
  EXPECT_EQ(t23.cells.at("N4"), "number:80 0.00");    // rasio capaian 2022
}

TEST_F(XlsxEndToEnd, PerubahanWorkbookHasTheMatrixHeadings) {
  const std::string path = tmp_ / "perubahan.xlsx";
  CommandResult r = As(kInspektoratToken, {"audit", "diff", "--from", "1324", "--to", "1324",
                                           "--format", "xlsx", "-o", path});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err,
            "renstra: Perubahan Renstra: versi 1324 \xE2\x86\x92 1324 (0 perubahan) ditulis ke " +
                path + "\n");
  const XlsxBook book = ReadXlsx(path);
  ASSERT_EQ(book.error, "");
  EXPECT_THAT(book.sheets, ElementsAre("Perubahan"));
  const XlsxSheetDump& sheet = book.sheet.at("Perubahan");
  EXPECT_EQ(sheet.freeze, "A3");
  EXPECT_EQ(sheet.cells.at("A1"), "text:Perubahan Renstra: versi 1324 → 1324");
  EXPECT_EQ(sheet.cells.count("A3"), 0u);  // no change between a version and itself
}

// The text of page `page` of a PDF (pdftotext, Debian's poppler-utils).
std::string PageText(const std::string& pdf, int page) {
  CommandResult r = RunCommand({"/usr/bin/pdftotext", "-layout", "-f", std::to_string(page), "-l",
                                std::to_string(page), pdf, "-"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.out;
}

int PageCount(const std::string& pdf) {
  CommandResult r = RunCommand({"/usr/bin/pdfinfo", pdf});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const size_t at = r.out.find("Pages:");
  return at == std::string::npos ? -1 : std::stoi(r.out.substr(at + 6));
}

TEST_F(XlsxEndToEnd, Tc27PdfRepeatsHeadingsAndSignsOnTheLastPage) {
  std::ofstream(tmp_ / "kop.conf") << "kop = PEMERINTAH KOTA DUMAI\n"
                                      "kop = DINAS SOSIAL DAN PEMBERDAYAAN MASYARAKAT\n"
                                      "alamat = Jl. Contoh No. 1, Dumai\n"
                                      "tempat = Dumai\n"
                                      "jabatan = Kepala Dinas Sosial dan PM Kota Dumai\n"
                                      "nama = NAMA DARI BERKAS\n"
                                      "nip = 19700101 199503 1 001\n";
  const std::string pdf = tmp_ / "T-C.27.pdf";
  // The document's signatory overrides the agency's.
  CommandResult r =
      As(kInspektoratToken, {"plan", "export", "--table", "T-C.27", "--format", "pdf", "-o", pdf,
                             "--letterhead", tmp_ / "kop.conf", "--sign-date", "7 Desember 2026",
                             "--sign-name", "DRS. PENANDATANGAN"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "renstra: T-C.27 (renstra versi 1324) (PDF) ditulis ke " + pdf + "\n");
  const int pages = PageCount(pdf);
  ASSERT_GE(pages, 10);  // 118 rows of T-C.27
  for (int page = 1; page <= pages; ++page) {
    const std::string text = PageText(pdf, page);
    EXPECT_THAT(text,
                HasSubstr("Halaman " + std::to_string(page) + " dari " + std::to_string(pages)))
        << page;
    // Every column's heading, on every page.
    for (const char* heading : {"Tujuan", "Sasaran", "Kode", "Target", "Rp", "Lokasi", "(2022)",
                                "(2026)", "Kondisi", "Unit Kerja"}) {
      EXPECT_THAT(text, HasSubstr(heading)) << "page " << page << ": " << heading;
    }
    EXPECT_EQ(text.find("PEMERINTAH KOTA DUMAI") != std::string::npos, page == 1) << page;
    EXPECT_EQ(text.find("Mengetahui,") != std::string::npos, page == pages) << page;
  }
  const std::string last = PageText(pdf, pages);
  EXPECT_THAT(last, HasSubstr("Dumai, 7 Desember 2026"));
  EXPECT_THAT(last, HasSubstr("Kepala Dinas Sosial dan PM Kota Dumai"));
  EXPECT_THAT(last, HasSubstr("DRS. PENANDATANGAN"));
  EXPECT_THAT(last, HasSubstr("NIP 19700101 199503 1 001"));
  EXPECT_THAT(PageText(pdf, pages - 1) + last, HasSubstr("JUMLAH"));  // the table ends there

  // A letterhead that cannot be read is a usage error, and nothing is written.
  r = As(kInspektoratToken, {"plan", "export", "--table", "T-C.27", "--format", "pdf", "-o",
                             tmp_ / "x.pdf", "--letterhead", tmp_ / "none.conf"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "renstra: --letterhead: cannot read " + tmp_ / "none.conf" + "\n");
  EXPECT_FALSE(std::filesystem::exists(tmp_ / "x.pdf"));
}

}  // namespace
}  // namespace renstra::testing
