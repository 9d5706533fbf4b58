#include "clients/import_printer.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <tuple>

namespace renstra {
namespace {

v1::ImportTableResponse Answer(bool dry_run) {
  v1::ImportTableResponse r;
  r.set_programs(1);
  r.set_activities(2);
  r.set_sub_activities(3);
  r.set_indicators(4);
  r.set_continuation_indicators(1);
  r.set_goals(1);
  r.set_objectives(1);
  r.set_events(12);
  r.set_dry_run(dry_run);
  if (!dry_run) r.set_plan_version(12);
  r.set_number_format("id");
  r.set_number_format_evidence("id (the request said so)");
  v1::SkippedLine* skipped = r.add_skipped();
  skipped->set_line(10);
  skipped->set_what("page number \"- 2 -\"");
  for (auto [line, outcome, what] :
       {std::tuple{9, v1::ImportLine::IMPORTED, "tujuan T1"},
        std::tuple{10, v1::ImportLine::SKIPPED, "page number \"- 2 -\""},
        std::tuple{11, v1::ImportLine::REFUSED, "code \"9.99\" is not a code\x1b"}}) {
    v1::ImportLine* l = r.add_lines();
    l->set_line(line);
    l->set_outcome(outcome);
    l->set_what(what);
  }
  v1::Finding* finding = r.add_findings();
  finding->set_kind(v1::Finding::MISSING_PARENT);
  finding->set_code("9.99");
  finding->set_line(11);
  finding->set_message("no parent");
  return r;
}

TEST(ImportPrinterTest, ReportsAnImportInIndonesianWithTheServersPhrasesAfterTheSeparator) {
  std::ostringstream out;
  PrintImportReport(Answer(false), "seed.tsv", "req-1", /*lines=*/false, out);
  EXPECT_EQ(out.str(),
            "Diimpor dari seed.tsv (id permintaan req-1):\n"
            "  program                  1\n"
            "  kegiatan                 2\n"
            "  sub kegiatan             3\n"
            "  indikator                4\n"
            "  indikator lanjutan       1\n"
            "  tujuan                   1\n"
            "  sasaran                  1\n"
            "  peristiwa                12\n"
            "  versi renstra            12\n"
            "Format angka : id (the request said so)\n"
            "Baris dilewati: 1\n"
            "  baris 10 : page number \"- 2 -\"\n"
            "Temuan: 1\n"
            "  MISSING_PARENT 9.99 baris=11 : no parent\n");
}

TEST(ImportPrinterTest, ADryRunOfAWorkbookNamesTheSheetAndListsEveryRowsOutcome) {
  v1::ImportTableResponse answer = Answer(true);
  answer.set_sheet("T-C.27");
  std::ostringstream out;
  PrintImportReport(answer, "T-C.27.xlsx", "req-2", /*lines=*/true, out);
  EXPECT_EQ(out.str(),
            "Uji coba impor T-C.27.xlsx: tidak ada yang ditulis. Yang akan dibuat:\n"
            "Dibaca dari lembar \"T-C.27\" buku kerja\n"
            "  program                  1\n"
            "  kegiatan                 2\n"
            "  sub kegiatan             3\n"
            "  indikator                4\n"
            "  indikator lanjutan       1\n"
            "  tujuan                   1\n"
            "  sasaran                  1\n"
            "  peristiwa                12\n"
            "Format angka : id (the request said so)\n"
            "Baris dilewati: 1\n"
            "  baris 10 : page number \"- 2 -\"\n"
            "Semua baris: 3\n"
            "  baris 9 diimpor : tujuan T1\n"
            "  baris 10 dilewati : page number \"- 2 -\"\n"
            "  baris 11 ditolak : code \"9.99\" is not a code\\x1b\n"
            "Temuan: 1\n"
            "  MISSING_PARENT 9.99 baris=11 : no parent\n");
}

TEST(ImportPrinterTest, NamesEachUnitsNodesAndEveryUnplacedRowBeforeTheFindings) {
  v1::ImportTableResponse answer = Answer(false);
  answer.clear_findings();
  v1::ImportedUnit* kesmas = answer.add_units();
  kesmas->set_unit("KESMAS");
  kesmas->set_name("Bidang Kesehatan Masyarakat");
  kesmas->add_nodes("1.02.02");
  kesmas->add_nodes("1.02.02.2.02");
  v1::UnplacedUnitKerja* unplaced = answer.add_unplaced_units();
  unplaced->set_line(9);
  unplaced->set_code("1.02.02.2.02.0001");
  unplaced->set_text("Bidang Pariwisata\t");
  unplaced->set_reason("no unit of DINKES-DUMAI has this code or name");
  std::ostringstream out;
  PrintImportReport(answer, "dinkes.tsv", "req-3", /*lines=*/false, out);
  const std::string text = out.str();
  EXPECT_EQ(text.substr(text.find("Unit Kerja")),
            "Unit Kerja: 2 kode pada 1 unit (ditugaskan), 1 baris tidak ditempatkan\n"
            "  KESMAS (Bidang Kesehatan Masyarakat) : 2 kode\n"
            "  baris 9 1.02.02.2.02.0001 \"Bidang Pariwisata\\t\" tidak ditempatkan : no unit of "
            "DINKES-DUMAI has this code or name\n"
            "Temuan: 0\n");
}

TEST(ImportPrinterTest, ATableWithoutUnitKerjaPrintsNoUnitSection) {
  std::ostringstream out;
  PrintImportReport(Answer(true), "seed.tsv", "req-4", /*lines=*/false, out);
  EXPECT_EQ(out.str().find("Unit Kerja"), std::string::npos);
}

TEST(ImportPrinterTest, OutcomesHaveIndonesianNames) {
  EXPECT_EQ(ImportOutcomeName(v1::ImportLine::IMPORTED), "diimpor");
  EXPECT_EQ(ImportOutcomeName(v1::ImportLine::SKIPPED), "dilewati");
  EXPECT_EQ(ImportOutcomeName(v1::ImportLine::REFUSED), "ditolak");
  EXPECT_EQ(ImportOutcomeName(v1::ImportLine::OUTCOME_UNSPECIFIED), "-");
}

}  // namespace
}  // namespace renstra
