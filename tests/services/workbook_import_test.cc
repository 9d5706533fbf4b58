// ImportTable with an Excel workbook (issue 17, "Excel in"), through an in-process
// server: workbooks written here with libxlsxwriter (text-stored numbers, number cells,
// a non-whole Rupiah, sheets without a T-C.27) and archives built with libzip (a corrupt
// zip, an entry that inflates past its bound). Every refusal leaves the plan empty.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <fstream>
#include <functional>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "tests/testing/seeded_server.h"

namespace renstra::testing {
namespace {

// A small T-C.27 (tests/domain/testdata/import/tujuan_targets_id.tsv): a tujuan, two
// sasaran, two programs; the sasaran row's Rupiah (line 6, column 17) is reported.
std::string SmallTable() {
  std::ifstream in(std::string(RENSTRA_IMPORT_TESTDATA) + "/tujuan_targets_id.tsv");
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::vector<std::string>> Rows(const std::string& tsv) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(tsv);
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    size_t start = 0;
    while (true) {
      const size_t tab = line.find('\t', start);
      cells.push_back(
          line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    rows.push_back(cells);
  }
  return rows;
}

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// One sheet: its name, its text cells (row 0 = sheet row 1) and a hook that writes more
// (number cells) after them.
struct Sheet {
  std::string name;
  std::vector<std::vector<std::string>> rows;
  std::function<void(lxw_worksheet*, lxw_workbook*)> more;
};

std::string Workbook(const TempDir& tmp, const std::vector<Sheet>& sheets) {
  const std::string path = tmp / "book.xlsx";
  lxw_workbook* book = workbook_new(path.c_str());
  for (const Sheet& s : sheets) {
    lxw_worksheet* sheet = workbook_add_worksheet(book, s.name.c_str());
    for (size_t r = 0; r < s.rows.size(); ++r) {
      for (size_t c = 0; c < s.rows[r].size(); ++c) {
        if (s.rows[r][c].empty()) continue;
        worksheet_write_string(sheet, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c),
                               s.rows[r][c].c_str(), nullptr);
      }
    }
    if (s.more) s.more(sheet, book);
  }
  EXPECT_EQ(workbook_close(book), LXW_NO_ERROR);
  return ReadBytes(path);
}

// A zip archive of `entries` (name, content), deflated.
std::string Zip(const TempDir& tmp,
                const std::vector<std::pair<std::string, std::string>>& entries) {
  const std::string path = tmp / "archive.zip";
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  EXPECT_NE(archive, nullptr);
  for (const auto& [name, content] : entries) {
    zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
    const zip_int64_t index = zip_file_add(archive, name.c_str(), source, ZIP_FL_OVERWRITE);
    EXPECT_GE(index, 0);
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 9);
  }
  EXPECT_EQ(zip_close(archive), 0);
  return ReadBytes(path);
}

// "line 6, column 17" -> "cell Q6", "line 6" -> "row 6": how the answer names a sheet's
// rows and cells when the table starts at column A (an independent rewrite).
std::string AsSheet(const std::string& text) {
  std::string out = text;
  std::smatch m;
  while (std::regex_search(out, m, std::regex(R"(\bline (\d+), column (\d+))"))) {
    const int column = std::stoi(m[2]);
    out = m.prefix().str() + "cell " + std::string(1, static_cast<char>('A' + column - 1)) +
          m[1].str() + m.suffix().str();
  }
  return std::regex_replace(out, std::regex(R"(\bline (\d+))"), "row $1");
}

class WorkbookImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = SeededServer::Start({});
    ASSERT_NE(server_, nullptr);
  }

  grpc::Status Import(v1::ImportTableRequest request, v1::ImportTableResponse* response) {
    return server_->plan().ImportTable(Context().get(), request, response);
  }

  grpc::Status ImportWorkbook(const std::string& bytes, v1::ImportTableResponse* response,
                              bool dry_run = false) {
    v1::ImportTableRequest request;
    request.set_workbook(bytes);
    request.set_source_name("T-C.27.xlsx");
    request.set_dry_run(dry_run);
    return Import(request, response);
  }

  TempDir tmp_;
  std::unique_ptr<SeededServer> server_;
};

TEST_F(WorkbookImportTest, TextStoredNumbersAndNumberCellsImportAsTheTsvDoes) {
  const std::string tsv = SmallTable();
  v1::ImportTableRequest text_request;
  text_request.set_content(tsv);
  text_request.set_dry_run(true);
  v1::ImportTableResponse from_text;
  ASSERT_TRUE(Import(text_request, &from_text).ok());

  // Every cell as text (the Rupiah "Rp 2.500.000.000" stored as text), but program
  // 1.02.03's Rupiah for 2022 and its end-of-period amount stored as numbers, and
  // its 2022 target as a percentage-formatted number (0,65 shown as 65%).
  std::vector<std::vector<std::string>> rows = Rows(tsv);
  rows[8][6] = rows[8][7] = rows[8][17] = "";
  const std::string bytes =
      Workbook(tmp_, {{"Tabel T-C.27", rows, [](lxw_worksheet* sheet, lxw_workbook* book) {
                         lxw_format* percent = workbook_add_format(book);
                         format_set_num_format(percent, "0%");
                         worksheet_write_number(sheet, 8, 6, 0.65, percent);
                         worksheet_write_number(sheet, 8, 7, 1250000000, nullptr);
                         worksheet_write_number(sheet, 8, 17, 6250000000, nullptr);
                       }}});
  v1::ImportTableResponse from_book;
  grpc::Status status = ImportWorkbook(bytes, &from_book, /*dry_run=*/true);
  ASSERT_TRUE(status.ok()) << status.error_message();

  EXPECT_EQ(from_book.sheet(), "Tabel T-C.27");
  EXPECT_EQ(from_book.programs(), 2);
  EXPECT_EQ(from_book.goals(), 1);
  EXPECT_EQ(from_book.objectives(), 2);
  EXPECT_EQ(from_book.indicators(), from_text.indicators());
  EXPECT_EQ(from_book.events(), from_text.events());
  EXPECT_EQ(from_book.number_format(), "id");
  ASSERT_EQ(from_book.findings_size(), from_text.findings_size());
  for (int i = 0; i < from_book.findings_size(); ++i) {
    v1::Finding expected = from_text.findings(i);
    expected.set_message(AsSheet(expected.message()));
    EXPECT_EQ(from_book.findings(i).DebugString(), expected.DebugString());
  }
  ASSERT_EQ(from_book.lines_size(), from_text.lines_size());
  for (int i = 0; i < from_book.lines_size(); ++i) {
    EXPECT_EQ(from_book.lines(i).line(), from_text.lines(i).line());
    EXPECT_EQ(from_book.lines(i).outcome(), from_text.lines(i).outcome());
    EXPECT_EQ(from_book.lines(i).what(), AsSheet(from_text.lines(i).what()));
  }
  // The sasaran row's Rupiah, named by its cell.
  EXPECT_EQ(from_book.findings(0).message(),
            "cell R6 (Rp akhir periode): an amount on a sasaran row; not imported (Rupiah "
            "belong to programs, kegiatan and sub kegiatan)");

  // Imported for real: the number cells keep their values exactly (the amounts, having
  // no notation of their own, are written without separators under auto).
  v1::ImportTableResponse imported;
  ASSERT_TRUE(ImportWorkbook(bytes, &imported).ok());
  v1::ExportTableRequest export_request;
  export_request.set_table("T-C.27");
  export_request.set_format(v1::TSV);
  v1::ExportTableResponse exported;
  ASSERT_TRUE(server_->plan().ExportTable(Context().get(), export_request, &exported).ok());
  EXPECT_THAT(
      exported.content(),
      ::testing::HasSubstr("\t1.02.03\tProgram Peningkatan Kapasitas Sumber Daya Manusia "
                           "Kesehatan\tPersentase tenaga kesehatan tersertifikasi\t60%\t65%\t"
                           "1250000000\t70%\tRp 1.250.000.000\t"));
  EXPECT_THAT(exported.content(), ::testing::HasSubstr("\t85%\t6250000000\t\t\n"));
}

TEST_F(WorkbookImportTest, NonWholeRupiahIsRefusedNamingTheCell) {
  std::vector<std::vector<std::string>> rows = Rows(SmallTable());
  rows[6][7] = "";
  const std::string bytes =
      Workbook(tmp_, {{"T-C.27", rows, [](lxw_worksheet* sheet, lxw_workbook*) {
                         worksheet_write_number(sheet, 6, 7, 2500000000.5, nullptr);
                       }}});
  v1::ImportTableResponse response;
  grpc::Status status = ImportWorkbook(bytes, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(),
            "workbook: sheet \"T-C.27\" cell H7 (Rp 2022): 2500000000,5 is not a whole number of "
            "Rupiah (0 or more); an amount is whole Rupiah and is not rounded: correct the cell");
  EXPECT_EQ(server_->PlanVersion(), 0u);
}

// A cell the importer cannot read for certain is refused, named by its cell.
TEST_F(WorkbookImportTest, CellsThatCannotBeReadForCertainAreRefusedNamingTheCell) {
  struct Case {
    std::string what;
    std::function<void(lxw_worksheet*, lxw_workbook*)> write;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"a date",
       [](lxw_worksheet* sheet, lxw_workbook* book) {
         lxw_format* date = workbook_add_format(book);
         format_set_num_format(date, "dd/mm/yyyy");
         worksheet_write_number(sheet, 6, 6, 45000, date);
       },
       "workbook: sheet \"T-C.27\" cell G7 (Target 2022): a date (the cell is formatted as one); "
       "T-C.27 holds no dates: write the value as a number or text"},
      {"a code stored as a decimal number",
       [](lxw_worksheet* sheet, lxw_workbook*) {
         worksheet_write_number(sheet, 8, 2, 1.1, nullptr);
       },
       "workbook: sheet \"T-C.27\" cell C9 (Kode): a code stored as the number 1,1, which cannot "
       "tell \"1.1\" from \"1.10\"; store the code as text"},
      {"a logical value",
       [](lxw_worksheet* sheet, lxw_workbook*) {
         worksheet_write_boolean(sheet, 8, 5, 1, nullptr);
       },
       "workbook: sheet \"T-C.27\" cell F9 (Data Capaian pada Tahun Awal): the logical value TRUE "
       "is not a T-C.27 value"},
      {"a negative amount",
       [](lxw_worksheet* sheet, lxw_workbook*) {
         worksheet_write_number(sheet, 8, 9, -5, nullptr);
       },
       "workbook: sheet \"T-C.27\" cell J9 (Rp 2023): -5 is not a whole number of Rupiah (0 or "
       "more); an amount is whole Rupiah and is not rounded: correct the cell"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    std::vector<std::vector<std::string>> rows = Rows(SmallTable());
    rows[6][6] = rows[8][2] = rows[8][5] = rows[8][9] = "";
    rows[8][2] = "1.02.03";
    const std::string bytes = Workbook(tmp_, {{"T-C.27", rows, c.write}});
    v1::ImportTableResponse response;
    grpc::Status status = ImportWorkbook(bytes, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_EQ(status.error_message(), c.message);
  }
  EXPECT_EQ(server_->PlanVersion(), 0u);
}

// A table that starts at column B: cells are named by where they are in the sheet, and
// a cell left of the table is refused.
TEST_F(WorkbookImportTest, TableRightOfColumnAIsNamedByItsSheetCells) {
  std::vector<std::vector<std::string>> rows = Rows(SmallTable());
  for (auto& row : rows) row.insert(row.begin(), "");
  v1::ImportTableResponse response;
  grpc::Status status = ImportWorkbook(Workbook(tmp_, {{"T-C.27", rows, nullptr}}), &response,
                                       /*dry_run=*/true);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.findings(0).message(),
            "cell S6 (Rp akhir periode): an amount on a sasaran row; not imported (Rupiah "
            "belong to programs, kegiatan and sub kegiatan)");

  rows[8][0] = "catatan";
  status = ImportWorkbook(Workbook(tmp_, {{"T-C.27", rows, nullptr}}), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(
      status.error_message(),
      "workbook: sheet \"T-C.27\" cell A9: a cell left of the table, which starts at column B "
      "(its \"Tujuan\" heading); move or clear it");
  EXPECT_EQ(server_->PlanVersion(), 0u);
}

TEST_F(WorkbookImportTest, WorkbookWithoutAT27SheetIsRefusedNamingTheSheets) {
  const std::string bytes = Workbook(tmp_, {{"Catatan", {{"Tujuan", "Sasaran"}, {"Kode"}}, nullptr},
                                            {"Grafik", {{"Renstra Dinas Sosial"}}, nullptr}});
  v1::ImportTableResponse response;
  grpc::Status status = ImportWorkbook(bytes, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(),
            "workbook: no sheet holds a T-C.27 table (looked for a header row with a \"Tujuan\" "
            "cell and a \"Kode\" cell to its right in sheet(s) \"Catatan\", \"Grafik\")");
  EXPECT_EQ(server_->PlanVersion(), 0u);
}

TEST_F(WorkbookImportTest, WorkbookWithTwoT27SheetsIsRefusedNamingThem) {
  const std::vector<std::vector<std::string>> rows = Rows(SmallTable());
  const std::string bytes = Workbook(
      tmp_,
      {{"Renstra", rows, nullptr}, {"Catatan", {{"x"}}, nullptr}, {"Perubahan", rows, nullptr}});
  v1::ImportTableResponse response;
  grpc::Status status = ImportWorkbook(bytes, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(),
            "workbook: 2 sheets hold a T-C.27 table (\"Renstra\", \"Perubahan\"); import one at a "
            "time: keep only the sheet to import");
  EXPECT_EQ(server_->PlanVersion(), 0u);
}

TEST_F(WorkbookImportTest, CorruptZipIsInvalidArgumentAndWritesNothing) {
  const std::string bytes = Workbook(tmp_, {{"T-C.27", Rows(SmallTable()), nullptr}});
  v1::ImportTableResponse response;
  grpc::Status truncated = ImportWorkbook(bytes.substr(0, bytes.size() / 2), &response);
  EXPECT_EQ(truncated.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(truncated.error_message(),
            "workbook: not a readable .xlsx file: not a zip archive (Not a zip archive)");
  grpc::Status garbage = ImportWorkbook("PK\x03\x04 this is no zip", &response);
  EXPECT_EQ(garbage.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(garbage.error_message(),
            "workbook: not a readable .xlsx file: not a zip archive (Not a zip archive)");
  EXPECT_EQ(server_->PlanVersion(), 0u);
}

TEST_F(WorkbookImportTest, EntryInflatingPastItsBoundIsRefused) {
  // 40 MiB of spaces deflate to about 40 KiB: well within the request's 16 MiB.
  const std::string bytes = Zip(tmp_, {{"xl/workbook.xml", std::string(40 << 20, ' ')}});
  ASSERT_LT(bytes.size(), 1u << 20);
  v1::ImportTableResponse response;
  grpc::Status status = ImportWorkbook(bytes, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(status.error_message(),
            "workbook: xl/workbook.xml inflates to more than 32 MiB, the limit of one part of a "
            "workbook");
  EXPECT_EQ(server_->PlanVersion(), 0u);
}

TEST_F(WorkbookImportTest, ArchiveWithTooManyEntriesIsRefused) {
  std::vector<std::pair<std::string, std::string>> entries;
  for (int i = 0; i < 1001; ++i) entries.push_back({"x/" + std::to_string(i), "x"});
  v1::ImportTableResponse response;
  grpc::Status status = ImportWorkbook(Zip(tmp_, entries), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(status.error_message(),
            "workbook: the archive has 1001 entries, more than the limit of 1000");
  EXPECT_EQ(server_->PlanVersion(), 0u);
}

TEST_F(WorkbookImportTest, ContentAndWorkbookTogetherAreRefused) {
  v1::ImportTableRequest request;
  request.set_content(SmallTable());
  request.set_workbook("PK\x03\x04");
  v1::ImportTableResponse response;
  grpc::Status status = Import(request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(),
            "content, workbook: both given; give the table as text (content) or as an .xlsx file "
            "(workbook), not both");
}

}  // namespace
}  // namespace renstra::testing
