#include "domain/tc27_exporter.h"

#include <fstream>
#include <sstream>

#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "tests/domain/seed_fixture.h"

namespace renstra {
namespace {

using testing::ImportText;
using testing::ReadSeedDocument;

// The plan without what legitimately differs between two imports of the same data:
// the source name and the source lines.
std::string Comparable(const PlanState& plan) {
  v1::Plan p = plan.ToProto();
  p.clear_source();
  std::vector<v1::Node*> stack;
  for (v1::Node& n : *p.mutable_programs()) stack.push_back(&n);
  while (!stack.empty()) {
    v1::Node* n = stack.back();
    stack.pop_back();
    n->clear_source_line();
    for (v1::Node& c : *n->mutable_children()) stack.push_back(&c);
  }
  return p.SerializeAsString();
}

std::vector<std::string> Lines(const std::string& text) { return absl::StrSplit(text, '\n'); }

TEST(Tc27ExporterTest, TsvRoundTripYieldsTheIdenticalPlan) {
  PlanState original = ImportText(ReadSeedDocument());
  const std::string tsv = ExportTc27(original, TableFormat::kTsv);
  PlanState again = ImportText(tsv);
  EXPECT_EQ(Comparable(original), Comparable(again));
  EXPECT_EQ(ExportTc27(again, TableFormat::kTsv), tsv);
}

TEST(Tc27ExporterTest, TujuanAndSasaranTargetsAreExportedAndReadBack) {
  std::ifstream in(std::string(RENSTRA_IMPORT_CORPUS_DIR) + "/tujuan_targets_id.tsv");
  std::ostringstream table;
  table << in.rdbuf();
  PlanState original = ImportText(table.str());
  ASSERT_EQ(original.goals().size(), 1u);
  EXPECT_EQ(original.goals()[0].stated.targets.at(2022).ToIndonesian(), "70,10 Tahun");
  const std::string tsv = ExportTc27(original, TableFormat::kTsv);
  // The tujuan row, as written: columns 6 to 17 hold its baseline, targets and end target.
  EXPECT_EQ(Lines(tsv)[4],
            "Meningkatnya derajat kesehatan masyarakat\t\t\t\tAngka Harapan Hidup\t69,85 "
            "Tahun\t70,10 Tahun\t\t70,35 Tahun\t\t70,60 Tahun\t\t70,85 Tahun\t\t71,10 "
            "Tahun\t\t71,10 Tahun\t\t\t");
  PlanState again = ImportText(tsv);
  EXPECT_EQ(Comparable(original), Comparable(again));
  const ObjectiveState* s2 = again.FindObjective("S2");
  ASSERT_NE(s2, nullptr);
  EXPECT_EQ(s2->stated.targets.at(2024).ToIndonesian(), "-");
  EXPECT_EQ(s2->stated.end_target.ToIndonesian(), "17 Puskesmas");
  EXPECT_EQ(s2->stated.unit, "Puskesmas");
}

// A kind that only a marker told (neither the words, the unit nor the figures) is
// exported with its marker, so every indicator reads back with the same kind.
TEST(Tc27ExporterTest, IndicatorKindsAreExportedAndReadBack) {
  for (const char* name : {"/kinds_en.csv", "/kinds_id.tsv"}) {
    SCOPED_TRACE(name);
    std::ifstream in(std::string(RENSTRA_IMPORT_CORPUS_DIR) + name);
    std::ostringstream table;
    table << in.rdbuf();
    PlanState original = ImportText(table.str());
    const std::string tsv = ExportTc27(original, TableFormat::kTsv);
    PlanState again = ImportText(tsv);
    EXPECT_EQ(Comparable(original), Comparable(again));
  }
  std::ifstream in(std::string(RENSTRA_IMPORT_CORPUS_DIR) + "/kinds_en.csv");
  std::ostringstream table;
  table << in.rdbuf();
  const std::string tsv = ExportTc27(ImportText(table.str()), TableFormat::kTsv);
  EXPECT_NE(tsv.find("\tJumlah lulusan uji kompetensi [kumulatif]\t"), std::string::npos);
  EXPECT_NE(tsv.find("\tJumlah pegawai puskesmas\t"), std::string::npos);
}

TEST(Tc27ExporterTest, CsvRoundTripYieldsTheIdenticalPlan) {
  PlanState original = ImportText(ReadSeedDocument());
  const std::string csv = ExportTc27(original, TableFormat::kCsv);
  PlanState again = ImportText(csv);
  EXPECT_EQ(Comparable(original), Comparable(again));
}

TEST(Tc27ExporterTest, RowsKeepTheValuesAsWritten) {
  PlanState plan = ImportText(ReadSeedDocument());
  const std::vector<std::string> lines = Lines(ExportTc27(plan, TableFormat::kTsv));
  EXPECT_EQ(lines[3], "1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12\t13\t14\t15\t16\t17\t18\t19\t20");
  std::string row;
  for (const std::string& l : lines) {
    if (l.rfind("\t\t1.06.05.2.02.001\t", 0) == 0) row = l;
  }
  EXPECT_EQ(row,
            "\t\t1.06.05.2.02.001\tPendataan Fakir Miskin Cakupan Daerah Kabupaten /kota\t"
            "Jumlah Fakir Miskin Cakupan Daerah Kabupaten/Kota yang Didata\t139.700 Orang\t"
            "139.700 Orang\t99.533.419\t135.761 Orang\t142.350.000\t135.761 Orang\t150.000.000\t"
            "135.761 Orang\t150.000.000\t135.761 Orang\t150.000.000\t682.744 Orang\t691.883.419\t"
            "Bidang Perlindungan dan Jaminan Sosial\t");
}

TEST(Tc27ExporterTest, ContinuationRowCarriesItsOwnYears) {
  PlanState plan = ImportText(ReadSeedDocument());
  const std::vector<std::string> lines = Lines(ExportTc27(plan, TableFormat::kTsv));
  size_t at = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].rfind("\t\t2.13.4\t", 0) == 0) at = i;
  }
  ASSERT_GT(at, 0u);
  EXPECT_EQ(lines[at + 1],
            "\t\t\t\tPersentase Kelurahan yang Tertib Administrasi Pemerintahnya\t\t\t\t\t\t"
            "100%\t450.000.000\t100%\t550.000.000\t100%\t650.000.000\t100%\t1.753.438.000\t\t");
}

TEST(Tc27ExporterTest, JumlahRowSumsThePrograms) {
  PlanState plan = ImportText(ReadSeedDocument());
  const std::vector<std::string> lines = Lines(ExportTc27(plan, TableFormat::kTsv));
  ASSERT_GE(lines.size(), 2u);
  EXPECT_EQ(lines[lines.size() - 2],
            "\t\t\tJUMLAH\t\t\t\t6.821.356.900\t\t13.904.271.740\t\t29.642.004.044\t\t"
            "31.720.381.730\t\t32.419.381.730\t\t114.507.396.144\t\t");
}

TEST(Tc27ExporterTest, CsvQuotesCommas) {
  PlanState plan = ImportText(ReadSeedDocument());
  const std::string csv = ExportTc27(plan, TableFormat::kCsv);
  EXPECT_NE(
      csv.find(",,1.6.1.2.08.02,\"Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik\","),
      std::string::npos);
}

}  // namespace
}  // namespace renstra
