// The performance cascade read from the seed (TC.25 at lines 598-615, T-C.28 at lines
// 862-874), with the values read by hand from the document, and the cell-reading rules.
#include "domain/cascade_parser.h"

#include <string>
#include <vector>

#include "domain/cascade_check.h"
#include "domain/tc27_parser.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/seed.h"
#include "tests/testing/status_matchers.h"

namespace renstra {
namespace {

using ::testing::ElementsAre;
using testing::IsOk;
using testing::ReadSeedDocument;
using testing::StatusIs;

class SeedCascadeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string doc = ReadSeedDocument();
    absl::StatusOr<CascadeTables> t = ParseCascade(doc);
    ASSERT_THAT(t, IsOk()) << t.status();
    tables_ = new CascadeTables(*std::move(t));
    absl::StatusOr<ParsedTable> tc27 = ParseTc27(doc);
    ASSERT_THAT(tc27, IsOk()) << tc27.status();
    tc27_ = new ParsedTable(*std::move(tc27));
  }
  static void TearDownTestSuite() {
    delete tables_;
    delete tc27_;
  }
  static CascadeTables* tables_;
  static ParsedTable* tc27_;
};
CascadeTables* SeedCascadeTest::tables_ = nullptr;
ParsedTable* SeedCascadeTest::tc27_ = nullptr;

int CountRole(const CascadeTables& t, CascadeRole role) {
  int n = 0;
  for (const CascadeGoal& g : t.goals) {
    for (const CascadeIndicator& i : g.indicators) n += i.role == role;
  }
  return n;
}

TEST_F(SeedCascadeTest, Tc25HasThreeTujuanThreeSasaranNineIndicators) {
  EXPECT_EQ(tables_->tc25_line, 598);
  ASSERT_EQ(tables_->goals.size(), 3u);
  EXPECT_EQ(tables_->goals[0].tujuan, "MENINGKATKAN KESEJAHTERAAN SOSIAL");
  EXPECT_EQ(tables_->goals[0].sasaran, "MENINGKATNYA PENYELENGGARAAN KESEJAHTERAAN SOSIAL");
  EXPECT_EQ(tables_->goals[1].tujuan,
            "MENINGKATKAN PEMBANGUNAN BERBASIS PEMBERDAYAAN MASYARAKAT DESA/KELURAHAN");
  EXPECT_EQ(tables_->goals[1].sasaran,
            "MENINGKATNYA KAPASITAS PEMBERDAYAAN MASYARAKAT DESA/KELURAHAN");
  EXPECT_EQ(tables_->goals[2].tujuan, "MENINGKATKAN PENANGGULANGAN KORBAN BENCANA");
  EXPECT_EQ(tables_->goals[2].sasaran, "MENINGKATNYA PENANGGULANGAN KORBAN BENCANA");
  EXPECT_EQ(tables_->goals[0].indicators.size(), 2u);
  EXPECT_EQ(tables_->goals[1].indicators.size(), 5u);
  EXPECT_EQ(tables_->goals[2].indicators.size(), 2u);
  EXPECT_EQ(CountRole(*tables_, CascadeRole::kTujuan), 3);
  EXPECT_EQ(CountRole(*tables_, CascadeRole::kSasaran), 6);
  // The mark is taken off the statement; "( <i>indikator Tujuan</i> )" in any case.
  const CascadeIndicator& epdessel = tables_->goals[1].indicators[0];
  EXPECT_EQ(epdessel.id, "TC.25 2.1");
  EXPECT_EQ(epdessel.line, 609);
  EXPECT_EQ(epdessel.statement, "Nilai Evaluasi Perkembangan Desa dan Kelurahan (EPDESSEL) / IDM");
  EXPECT_EQ(epdessel.role, CascadeRole::kTujuan);
  EXPECT_EQ(epdessel.unit, "");  // TC.25 has no unit column
}

TEST_F(SeedCascadeTest, Tc25TargetsAsWritten) {
  const CascadeIndicator& epdessel = tables_->goals[1].indicators[0];
  EXPECT_EQ(epdessel.baseline.kind(), TargetValue::Kind::kNotAvailable);
  // "> 201-350" 2022-2024, "> 351" 2025-2026.
  EXPECT_EQ(epdessel.targets[0].kind(), TargetValue::Kind::kBoundRange);
  EXPECT_EQ(epdessel.targets[0].bound_op(), ">");
  EXPECT_EQ(epdessel.targets[0].low(), Decimal::FromInt(201));
  EXPECT_EQ(epdessel.targets[0].high(), Decimal::FromInt(350));
  EXPECT_EQ(epdessel.targets[2].Display(), "> 201-350");
  EXPECT_EQ(epdessel.targets[3].kind(), TargetValue::Kind::kBound);
  EXPECT_EQ(epdessel.targets[3].bound_op(), ">");
  EXPECT_EQ(epdessel.targets[3].low(), Decimal::FromInt(351));
  EXPECT_EQ(epdessel.targets[4].Display(), "> 351");
  // Pengentasan desa tertinggal: N/A, 47, 42, then nothing.
  const CascadeIndicator& tertinggal = tables_->goals[1].indicators[1];
  EXPECT_EQ(tertinggal.targets[0].kind(), TargetValue::Kind::kNumber);
  EXPECT_EQ(tertinggal.targets[0].low(), Decimal::FromInt(47));
  EXPECT_EQ(tertinggal.targets[1].low(), Decimal::FromInt(42));
  EXPECT_EQ(tertinggal.targets[2].kind(), TargetValue::Kind::kEmpty);
  // Korban bencana: the only indicators with a 2021 value (100) instead of N/A.
  const CascadeIndicator& bencana = tables_->goals[2].indicators[1];
  EXPECT_EQ(bencana.baseline.Display(), "100");
  EXPECT_EQ(bencana.baseline.low(), Decimal::FromInt(100));
}

TEST_F(SeedCascadeTest, Tc25ReplacementsFrom2024) {
  const std::vector<CascadeIndicator>& s2 = tables_->goals[1].indicators;
  EXPECT_EQ(s2[1].statement,
            "Persentase Pengentasan Desa/Kelurahan Tertinggal (KURANG BERKEMBANG)");
  EXPECT_EQ(s2[1].first_year, 2021);
  EXPECT_EQ(s2[1].last_year, 2023);
  EXPECT_EQ(s2[1].replaced_by, "TC.25 2.3");
  EXPECT_EQ(s2[1].replaced_from, 2024);
  EXPECT_EQ(s2[2].statement, "PERSENTASE KELURAHAN CEPAT BERKEMBANG");
  EXPECT_EQ(s2[2].first_year, 2024);
  EXPECT_EQ(s2[2].last_year, 2026);
  EXPECT_EQ(s2[3].replaced_by, "TC.25 2.5");
  EXPECT_EQ(s2[3].replaced_from, 2024);
  EXPECT_EQ(s2[4].statement, "PERSENTASE PKK AKTIF");
  int replacements = 0;
  for (const CascadeGoal& g : tables_->goals) {
    for (const CascadeIndicator& i : g.indicators) replacements += i.replaced_from != 0;
  }
  EXPECT_EQ(replacements, 2);
}

TEST_F(SeedCascadeTest, Tc28HasFourRowsSixIndicators) {
  EXPECT_EQ(tables_->tc28_line, 862);
  ASSERT_EQ(tables_->iku.size(), 4u);
  std::vector<size_t> sizes;
  for (const IkuGroup& g : tables_->iku) sizes.push_back(g.indicators.size());
  EXPECT_THAT(sizes, ElementsAre(1u, 2u, 2u, 1u));
  const CascadeIndicator& disabilitas = tables_->iku[0].indicators[0];
  EXPECT_EQ(disabilitas.role, CascadeRole::kIku);
  EXPECT_EQ(disabilitas.unit, "%");
  EXPECT_EQ(disabilitas.baseline.kind(), TargetValue::Kind::kNotAvailable);
  EXPECT_EQ(disabilitas.targets[4].kind(), TargetValue::Kind::kPercent);
  EXPECT_EQ(disabilitas.targets[4].low(), Decimal::FromInt(100));
  EXPECT_EQ(disabilitas.end_target.Display(), "100%");
  const CascadeIndicator& tertinggal = tables_->iku[1].indicators[0];
  EXPECT_EQ(tertinggal.targets[0].Display(), "47%");
  EXPECT_EQ(tertinggal.targets[1].Display(), "42%");
  EXPECT_EQ(tertinggal.end_target.kind(), TargetValue::Kind::kEmpty);
  EXPECT_EQ(tertinggal.replaced_by, "T-C.28 2.2");
  EXPECT_EQ(tertinggal.replaced_from, 2024);
  const CascadeIndicator& cepat = tables_->iku[1].indicators[1];
  EXPECT_EQ(cepat.statement, "Presentase Kelurahan Cepat Berkembang");
  EXPECT_EQ(cepat.targets[2].Display(), "80%");
  EXPECT_EQ(cepat.targets[3].Display(), "90%");
  EXPECT_EQ(cepat.end_target.Display(), "100%");
  EXPECT_EQ(tables_->iku[2].indicators[0].replaced_by, "T-C.28 3.2");
  EXPECT_EQ(tables_->iku[2].indicators[0].replaced_from, 2024);
  EXPECT_EQ(tables_->iku[3].indicators[0].baseline.kind(), TargetValue::Kind::kNotAvailable);
  // No cell of either table is written with a decimal point.
  EXPECT_TRUE(tables_->notes.empty());
}

TEST_F(SeedCascadeTest, CrossTableFindingsOnTheSeed) {
  const CascadeCheck check = CheckCascade(*tables_, tc27_);
  // All six Sasaran indicators of TC.25 are T-C.28's six IKU; the three Tujuan
  // indicators are not in T-C.28; no T-C.27 program row states any of them.
  ASSERT_EQ(check.links.size(), 9u);
  std::vector<std::string> pairs;
  for (const CascadeLink& l : check.links) {
    pairs.push_back(l.tc25_id + "|" + l.tc28_id + "|" + std::to_string(l.tc27_rows.size()));
  }
  EXPECT_THAT(pairs, ElementsAre("TC.25 1.1||0", "TC.25 1.2|T-C.28 1.1|0", "TC.25 2.1||0",
                                 "TC.25 2.2|T-C.28 2.1|0", "TC.25 2.3|T-C.28 2.2|0",
                                 "TC.25 2.4|T-C.28 3.1|0", "TC.25 2.5|T-C.28 3.2|0", "TC.25 3.1||0",
                                 "TC.25 3.2|T-C.28 4.1|0"));
  // The one disagreement: the korban bencana Sasaran indicator's 2021 value, 100 in
  // TC.25 (line 615), N/A in T-C.28 (line 874).
  ASSERT_EQ(check.findings.size(), 1u);
  const v1::Finding& f = check.findings[0];
  EXPECT_EQ(f.kind(), v1::Finding::CROSS_TABLE_BASELINE);
  EXPECT_EQ(f.code(), "TC.25 3.2");
  EXPECT_EQ(f.year(), 2021);
  EXPECT_EQ(f.stated(), "100");
  EXPECT_EQ(f.computed(), "N/A");
  EXPECT_EQ(f.line(), 874);
  EXPECT_EQ(f.message(),
            "TC.25 3.2 (line 615) and T-C.28 4.1 (line 874) state the baseline (2021) of "
            "\"Persentase korban bencana alam dan sosial yang terpenuhi kebutuhan dasarnya pada "
            "saat dan setelah Tanggap Darurat Bencana Daerah Kab/Kota\" differently: \"100\" and "
            "\"N/A\"");
}

TEST(CascadeKeyTest, FoldsCasePunctuationAndPresentase) {
  EXPECT_EQ(CascadeKey("Presentase PKK Aktif"), "persentase pkk aktif");
  EXPECT_EQ(CascadeKey("PERSENTASE PKK AKTIF"), "persentase pkk aktif");
  EXPECT_EQ(CascadeKey("Persentase LPM (Lembaga) <b>berprestasi</b>/aktif"),
            "persentase lpm lembaga berprestasi aktif");
}

TEST(ReadCascadeCellTest, ReadsADecimalPointWhereTheDigitsLeaveNoDoubt) {
  std::vector<v1::Finding> notes;
  absl::StatusOr<TargetValue> v =
      ReadCascadeCell("6.36", "X line 5 (row 1), column 2022", 5, &notes);
  ASSERT_THAT(v, IsOk());
  EXPECT_EQ(v->low(), Decimal(636, 2));
  absl::StatusOr<TargetValue> small =
      ReadCascadeCell("3.2", "X line 6 (row 1), column 2022", 6, &notes);
  ASSERT_THAT(small, IsOk());
  EXPECT_EQ(small->low(), Decimal(32, 1));
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0].kind(), v1::Finding::DECIMAL_POINT);
  EXPECT_EQ(notes[0].line(), 5);
  EXPECT_EQ(notes[0].stated(), "6.36");
  EXPECT_EQ(notes[0].computed(), "6,36");
  EXPECT_EQ(notes[0].message(),
            "X line 5 (row 1), column 2022: \"6.36\" is written with a decimal point; read as "
            "6,36");
  // A range written high-to-low ("3,49-3,20", Tingkat Kemiskinan in the cascading) is
  // refused by TargetValue as everywhere in the domain.
  EXPECT_THAT(ReadCascadeCell("3,49-3.20", "X", 7, &notes),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "X: target \"3,49-3,20\": range low end 3,49 is above its high end "
                       "3,20"));
  absl::StatusOr<TargetValue> range = ReadCascadeCell("4.19-4,90", "X", 7, &notes);
  ASSERT_THAT(range, IsOk());
  EXPECT_EQ(range->kind(), TargetValue::Kind::kRange);
  EXPECT_EQ(range->low(), Decimal(419, 2));
  EXPECT_EQ(range->high(), Decimal(490, 2));
  // The document's own notation is read without a note.
  notes.clear();
  absl::StatusOr<TargetValue> id = ReadCascadeCell("1.234.567 Orang", "X", 8, &notes);
  ASSERT_THAT(id, IsOk());
  EXPECT_EQ(id->low(), Decimal::FromInt(1234567));
  EXPECT_TRUE(notes.empty());
}

TEST(ReadCascadeCellTest, RefusesANumberThatReadsBothWays) {
  std::vector<v1::Finding> notes;
  EXPECT_THAT(ReadCascadeCell("6.360", "TC.25 line 610 (row 2), column 2022", 610, &notes),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "TC.25 line 610 (row 2), column 2022: \"6.360\" reads as 6.360 (a "
                       "thousands dot) or as 6,360 (a decimal point, as the document also "
                       "writes 6.36); it cannot be read for certain"));
  EXPECT_TRUE(notes.empty());
}

TEST(ParseCascadeTest, RefusesAnUnreadableCellNamingTableRowAndColumn) {
  const std::string doc =
      "Tabel TC.25\n"
      "NO.\tTUJUAN\tSASARAN\tINDIKATOR\tTARGET\n"
      "\t\t\t\t2021\t2022\t2023\t2024\t2025\t2026\n"
      "(1)\t(2)\t(3)\t(4)\t(6)\t(7)\t(8)\t(9)\t(9)\t(10)\n"
      "1\tT\tS\tI ( Indikator Sasaran )\tN/A\t1.500\t100\t100\t100\t100\n";
  EXPECT_THAT(ParseCascade(doc),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "TC.25 line 5 (row 1), column 2022: \"1.500\" reads as 1.500 (a thousands "
                       "dot) or as 1,500 (a decimal point, as the document also writes 6.36); it "
                       "cannot be read for certain"));
}

TEST(ParseCascadeTest, RefusesAnUnmarkedIndicator) {
  const std::string doc =
      "Tabel TC.25\n"
      "NO.\tTUJUAN\tSASARAN\tINDIKATOR\tTARGET\n"
      "\t\t\t\t2021\t2022\t2023\t2024\t2025\t2026\n"
      "1\tT\tS\tIndikator tanpa tanda\tN/A\t100\t100\t100\t100\t100\n";
  EXPECT_THAT(ParseCascade(doc),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "TC.25 line 4 (row 1), column INDIKATOR: \"Indikator tanpa tanda\" is "
                       "marked neither \"( Indikator Tujuan )\" nor \"( Indikator Sasaran )\""));
}

// Both tables number a group only on its first row; a row before any number has no
// group to belong to.
TEST(ParseCascadeTest, RefusesAnIndicatorRowBeforeAnyNumberedRowInEitherTable) {
  const std::string tc25 =
      "Tabel TC.25\n"
      "NO.\tTUJUAN\tSASARAN\tINDIKATOR\tTARGET\n"
      "\t\t\t\t2021\t2022\t2023\t2024\t2025\t2026\n"
      "\tT\tS\tI ( Indikator Sasaran )\tN/A\t100\t100\t100\t100\t100\n";
  EXPECT_THAT(ParseCascade(tc25),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "TC.25 line 4: an indicator row before any numbered Tujuan/Sasaran row"));
  const std::string tc28 =
      "Tabel T-C.28\n"
      "NO\tIndikator\tKondisi awal\tTarget\n"
      "\t\tTahun 2021\tTahun 2022\tTahun 2023\tTahun 2024\tTahun 2025\tTahun 2026\n"
      "\tIKU\tN/A\t100\t100\t100\t100\t100\n";
  EXPECT_THAT(ParseCascade(tc28),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "T-C.28 line 4: an indicator row before any numbered row"));
}

TEST(ParseCascadeTest, ReportsEveryKindOfDisagreement) {
  const std::string doc =
      "Tabel TC.25\n"
      "NO.\tTUJUAN\tSASARAN\tINDIKATOR\tTARGET\n"
      "\t\t\t\t2021\t2022\t2023\t2024\t2025\t2026\n"
      "1\tT\tS\tPersentase A ( Indikator Sasaran )\t5\t10\t20\t30\t40\t50\n"
      "\t\t\tPersentase B ( Indikator Sasaran )\tN/A\t1\t2\t\t\t\n"
      "\n"
      "Tabel T-C.28\n"
      "NO\tIndikator\tKondisi awal\tTarget\t\t\t\t\tKondisi Kinerja pada akhir periode\n"
      "\t\tTahun 2021\tTahun 2022\tTahun 2023\tTahun 2024\tTahun 2025\tTahun 2026\t\n"
      "1\tPresentase a\t5%\t10%\t25%\t30%\t40%\t50%\t50%\n"
      "2\tPersentase B\tN/A\t1%\t2%\t3%\t\t\t\n"
      "3\tPersentase C\t\t1%\t\t\t\t\t\n";
  absl::StatusOr<CascadeTables> t = ParseCascade(doc);
  ASSERT_THAT(t, IsOk()) << t.status();
  const CascadeCheck check = CheckCascade(*t, nullptr);
  std::vector<std::string> got;
  for (const v1::Finding& f : check.findings) {
    got.push_back(v1::Finding::Kind_Name(f.kind()) + " " + f.code() + " " +
                  std::to_string(f.year()) + " " + f.stated() + " / " + f.computed());
  }
  EXPECT_THAT(got, ElementsAre("CROSS_TABLE_TARGET TC.25 1.1 2023 20 / 25%",
                               "CROSS_TABLE_TARGET TC.25 1.2 2024 (blank) / 3%",
                               "CROSS_TABLE_REPLACEMENT TC.25 1.2 2024 2021–2023 / 2021–2024",
                               "CROSS_TABLE_UNLINKED T-C.28 3.1 0 Persentase C / "));
}

}  // namespace
}  // namespace renstra
