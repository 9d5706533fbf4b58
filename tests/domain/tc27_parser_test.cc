#include "domain/tc27_parser.h"

#include <algorithm>
#include <set>

#include "gtest/gtest.h"
#include "tests/domain/seed_fixture.h"
#include "tests/testing/status_matchers.h"

namespace renstra {
namespace {

using testing::IsOk;
using testing::ReadSeedDocument;

const ParsedNode* FindParsed(const ParsedTable& t, const std::string& canonical) {
  for (const ParsedNode& n : t.nodes) {
    if (n.code.canonical() == canonical) return &n;
  }
  return nullptr;
}

std::vector<int> LinesOf(const ParsedTable& t, v1::Finding::Kind kind) {
  std::vector<int> lines;
  for (const v1::Finding& f : t.findings) {
    if (f.kind() == kind) lines.push_back(f.line());
  }
  return lines;
}

class SeedParseTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    absl::StatusOr<ParsedTable> t = ParseTc27(ReadSeedDocument());
    ASSERT_THAT(t, IsOk()) << t.status();
    table_ = new ParsedTable(*std::move(t));
  }
  static void TearDownTestSuite() { delete table_; }
  static ParsedTable* table_;
};
ParsedTable* SeedParseTest::table_ = nullptr;

TEST_F(SeedParseTest, ImportsEveryCodedRow) {
  // The seed's T-C.27 (lines 719-852) has 9 codes of 3 segments, 20 of 5, 84 of 6.
  int programs = 0, activities = 0, subs = 0;
  for (const ParsedNode& n : table_->nodes) {
    programs += n.code.level() == v1::PROGRAM;
    activities += n.code.level() == v1::ACTIVITY;
    subs += n.code.level() == v1::SUB_ACTIVITY;
  }
  EXPECT_EQ(programs, 9);
  EXPECT_EQ(activities, 20);
  EXPECT_EQ(subs, 84);
  EXPECT_EQ(table_->continuation_rows, 2);
  EXPECT_EQ(table_->goals.size(), 2u);
  EXPECT_EQ(table_->objectives.size(), 2u);
  EXPECT_TRUE(LinesOf(*table_, v1::Finding::UNPLACED_ROW).empty());
  EXPECT_TRUE(LinesOf(*table_, v1::Finding::DUPLICATE_CODE).empty());
  EXPECT_TRUE(LinesOf(*table_, v1::Finding::MISSING_PARENT).empty());
  EXPECT_TRUE(LinesOf(*table_, v1::Finding::MISPLACED_CODE).empty());
}

TEST_F(SeedParseTest, GoalsAndObjectivesInDocumentOrder) {
  EXPECT_EQ(table_->goals[0].statement,
            "Mewujudkan perekonomian yang mandiri dan masyarakat yang sejahtera");
  EXPECT_EQ(table_->goals[0].indicator, "Laju Pertumbuhan Ekonomi");
  EXPECT_EQ(table_->objectives[0].indicator, "Tingkat Kemiskinan");
  EXPECT_EQ(table_->goals[1].statement, "Meningkatkan Reformasi Birokrasi");
  EXPECT_EQ(table_->objectives[1].goal_id, "T2");
  EXPECT_EQ(FindParsed(*table_, "1.06.05")->objective_id, "S1");
  EXPECT_EQ(FindParsed(*table_, "1.06.06")->objective_id, "S2");
}

TEST_F(SeedParseTest, ReadsValuesOfACleanRow) {
  const ParsedNode* n = FindParsed(*table_, "1.06.05.2.02.0001");
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->code.written(), "1.06.05.2.02.001");
  EXPECT_EQ(n->rows[0].line, 813);
  EXPECT_EQ(n->rows[0].funding[2025 - 2022].rupiah(), 150000000);
  EXPECT_EQ(n->rows[0].targets[2025 - 2022].written(), "135.761 Orang");
  EXPECT_EQ(n->rows[0].targets[2025 - 2022].low(), Decimal::FromInt(135761));
  EXPECT_EQ(n->rows[0].baseline.written(), "139.700 Orang");
  EXPECT_EQ(n->rows[0].end_funding.rupiah(), 691883419);
}

TEST_F(SeedParseTest, StripsBoldMarkup) {
  const ParsedNode* n = FindParsed(*table_, "1.06.01.2.02");
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->name, "Administrasi Keuangan Perangkat Daerah");
  EXPECT_EQ(n->rows[0].funding[0].written(), "3.369.581.313");
}

TEST_F(SeedParseTest, ContinuationRowsAreFurtherIndicators) {
  const ParsedNode* n = FindParsed(*table_, "2.13.04");
  ASSERT_NE(n, nullptr);
  ASSERT_EQ(n->rows.size(), 2u);
  EXPECT_EQ(n->rows[1].line, 837);
  EXPECT_EQ(n->rows[1].indicator, "Persentase Kelurahan yang Tertib Administrasi Pemerintahnya");
  EXPECT_EQ(n->rows[1].funding[2024 - 2022].rupiah(), 450000000);
  EXPECT_EQ(n->rows[1].targets[0].kind(), TargetValue::Kind::kEmpty);
  const ParsedNode* m = FindParsed(*table_, "2.13.05");
  ASSERT_NE(m, nullptr);
  ASSERT_EQ(m->rows.size(), 2u);
  EXPECT_EQ(m->rows[1].indicator, "Persentase Lembaga Kemasyarakatan Kelurahan (LKK) yang aktif");
}

TEST_F(SeedParseTest, ReportsAndRealignsShiftedRows) {
  EXPECT_EQ(LinesOf(*table_, v1::Finding::SHIFTED_ROW),
            (std::vector<int>{744, 753, 754, 755, 756, 760, 767, 768, 770, 771, 834}));
  EXPECT_TRUE(LinesOf(*table_, v1::Finding::BAD_CELL) == std::vector<int>{852});
}

TEST_F(SeedParseTest, ShiftedRowTakesTheOnlyPlacementThatFitsEveryColumn) {
  // Line 767 reads "- | 1 unit | - | 100.000.000 | 1 unit | 150.000.000 | ...": one
  // cell short; only a blank at column 8 (Rp 2022) puts every target and Rp in place.
  const ParsedNode* n = FindParsed(*table_, "1.06.01.2.09.0009");
  ASSERT_NE(n, nullptr);
  const ParsedRow& r = n->rows[0];
  EXPECT_EQ(r.targets[0].written(), "1 unit");
  EXPECT_FALSE(r.funding[0].present());
  EXPECT_EQ(r.targets[1].kind(), TargetValue::Kind::kNone);
  EXPECT_EQ(r.funding[1].rupiah(), 100000000);
  EXPECT_EQ(r.end_target.written(), "4 unit");
  EXPECT_EQ(r.end_funding.rupiah(), 670000000);
}

TEST_F(SeedParseTest, RowMissingTwoCellsKeepsItsEndOfPeriod) {
  // Line 770: "N/A | - | - | - | - | 1 Dokumen | 10.000.000 | 1 Dokumen | 10.000.000 |
  // 2 Dokumen | 20.000.000 | | ": the pair "2 Dokumen / 20.000.000" is the end of
  // period, and the two amounts are 2025 and 2026 (the parent's 2025 and 2026 exceed
  // its other child by exactly 10.000.000).
  const ParsedNode* n = FindParsed(*table_, "1.06.02.2.02");
  ASSERT_NE(n, nullptr);
  const ParsedRow& r = n->rows[0];
  EXPECT_EQ(r.baseline.kind(), TargetValue::Kind::kNotAvailable);
  EXPECT_EQ(r.targets[2024 - 2022].kind(), TargetValue::Kind::kNone);
  EXPECT_EQ(r.targets[2025 - 2022].written(), "1 Dokumen");
  EXPECT_EQ(r.funding[2026 - 2022].rupiah(), 10000000);
  EXPECT_EQ(r.end_target.written(), "2 Dokumen");
  EXPECT_EQ(r.end_funding.rupiah(), 20000000);
}

TEST_F(SeedParseTest, ChecksTheJumlahRow) {
  // The seed's JUMLAH row has five amounts for six columns; the first four equal the
  // programs' sums for 2022-2025, the last (106.357.396.144) is not the period total.
  std::vector<v1::Finding> jumlah;
  for (const v1::Finding& f : table_->findings) {
    if (f.code() == "JUMLAH") jumlah.push_back(f);
  }
  ASSERT_EQ(jumlah.size(), 2u);
  EXPECT_EQ(jumlah[0].kind(), v1::Finding::BAD_CELL);
  EXPECT_EQ(jumlah[1].kind(), v1::Finding::PARENT_CHILDREN_FUNDING);
  EXPECT_EQ(jumlah[1].stated(), "106.357.396.144");
  // 6.821.356.900 + 13.904.271.740 + 29.642.004.044 + 31.720.381.730 + 32.419.381.730
  EXPECT_EQ(jumlah[1].computed(), "114.507.396.144");
}

using testing::Row;
constexpr const char* kHeader = testing::kTc27Header;

TEST(Tc27ParserTest, NoTableIsInvalidArgument) {
  absl::StatusOr<ParsedTable> t = ParseTc27("BAB I\nPendahuluan\n");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(t.status().message().find("no T-C.27 table found"), std::string::npos);
}

TEST(Tc27ParserTest, TableWithoutCodedRowIsInvalidArgument) {
  absl::StatusOr<ParsedTable> t = ParseTc27(std::string(kHeader) + "Tujuan A\t\t\t\tInd\n");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(t.status().message().find("no row with a code"), std::string::npos);
}

TEST(Tc27ParserTest, ReportsUnplacedDuplicateAndOrphanRows) {
  const std::string text = std::string(kHeader) +
                           Row({"", "", "", "stray name", "stray indicator", "1 Dokumen"}) +
                           Row({"", "", "1.06.04", "Program", "Ind", "100%", "100%", "1.000"}) +
                           Row({"", "", "1.6.4", "Again", "Ind", "100%"}) +
                           Row({"", "", "1.06.09.2.01.0001", "Orphan", "Ind", "1 Orang"});
  absl::StatusOr<ParsedTable> t = ParseTc27(text);
  ASSERT_THAT(t, IsOk()) << t.status();
  EXPECT_EQ(LinesOf(*t, v1::Finding::UNPLACED_ROW), std::vector<int>{3});
  EXPECT_EQ(LinesOf(*t, v1::Finding::DUPLICATE_CODE), std::vector<int>{5});
  EXPECT_EQ(LinesOf(*t, v1::Finding::MISSING_PARENT), std::vector<int>{6});
  ASSERT_EQ(t->nodes.size(), 2u);
  EXPECT_EQ(t->nodes[1].code.canonical(), "1.06.09.2.01.0001");
}

TEST(Tc27ParserTest, BadCellIsReportedAndTakenAsBlank) {
  const std::string text =
      std::string(kHeader) +
      Row({"", "", "1.06.04", "Program", "Ind", "100%", "100%", "satu juta", "100%", "2.000",
           "100%", "3.000", "100%", "4.000", "100%", "5.000", "100%", "15.000"});
  absl::StatusOr<ParsedTable> t = ParseTc27(text);
  ASSERT_THAT(t, IsOk()) << t.status();
  ASSERT_EQ(LinesOf(*t, v1::Finding::BAD_CELL), std::vector<int>{3});
  EXPECT_EQ(t->findings[0].stated(), "satu juta");
  EXPECT_FALSE(t->nodes[0].rows[0].funding[0].present());
  EXPECT_EQ(t->nodes[0].rows[0].funding[1].rupiah(), 2000);
}

TEST(Tc27ParserTest, CompleteRowWithBlankEndOfPeriodIsTakenAsWritten) {
  // All 20 columns, Rp 2022-2026, no end-of-period pair (what ExportTc27 writes for a
  // kegiatan without an indicator): nothing is missing, so nothing moves.
  const std::string text =
      std::string(kHeader) +
      Row({"",    "", "1.06.01.2.01", "Kegiatan", "",    "", "", "100",         "",     "200", "",
           "300", "", "400",          "",         "500", "", "", "Sekretariat", "Dumai"});
  absl::StatusOr<ParsedTable> t = ParseTc27(text);
  ASSERT_THAT(t, IsOk()) << t.status();
  EXPECT_TRUE(LinesOf(*t, v1::Finding::SHIFTED_ROW).empty());
  ASSERT_EQ(t->nodes.size(), 1u);
  const ParsedRow& r = t->nodes[0].rows[0];
  EXPECT_EQ(r.funding[0].rupiah(), 100);
  EXPECT_EQ(r.funding[4].rupiah(), 500);
  EXPECT_FALSE(r.end_funding.present());
  // The same cells in a short row (no Unit Kerja and Lokasi columns) are realigned: the
  // seed's rows that lost two cells look like that (lines 770 and 771).
  const std::string short_row = std::string(kHeader) +
                                "\t\t1.06.01.2.01\tKegiatan\t\t\t\t100\t\t200\t\t300\t\t400\t"
                                "\t500\n";
  absl::StatusOr<ParsedTable> s = ParseTc27(short_row);
  ASSERT_THAT(s, IsOk()) << s.status();
  EXPECT_EQ(LinesOf(*s, v1::Finding::SHIFTED_ROW), std::vector<int>{3});
  EXPECT_EQ(s->nodes[0].rows[0].end_funding.rupiah(), 500);
}

TEST(Tc27ParserTest, ReadsCsvWithQuotedDecimals) {
  const std::string text =
      "Tujuan,Sasaran,Kode,Program,Indikator,Awal,Target\n"
      "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20\n"
      ",,1.06.04,\"Program, rehab\",Indeks,\"4,19\",\"4,19-4,90\",1.000,,,,,,,,,,,"
      "Bidang Rehabilitasi Sosial,Kota Dumai\n";
  absl::StatusOr<ParsedTable> t = ParseTc27(text);
  ASSERT_THAT(t, IsOk()) << t.status();
  ASSERT_EQ(t->nodes.size(), 1u);
  EXPECT_EQ(t->nodes[0].name, "Program, rehab");
  EXPECT_EQ(t->nodes[0].rows[0].targets[0].kind(), TargetValue::Kind::kRange);
  EXPECT_EQ(t->nodes[0].rows[0].funding[0].rupiah(), 1000);
  EXPECT_EQ(t->nodes[0].division_text, "Bidang Rehabilitasi Sosial");
  EXPECT_EQ(t->nodes[0].location, "Kota Dumai");
}

TEST(Tc27ParserTest, TextAfterTheTableEndsItEvenWhenItReadsLikeAHeading) {
  // "Tahun …" is a heading word of the header's year row, but a line of text without a
  // tab in a document is the text resuming: the table after it is another one.
  const std::string text = std::string(kHeader) +
                           Row({"", "", "1.06.04", "Program", "Ind", "1 Dokumen"}) +
                           "Tahun 2022 adalah tahun awal periode.\n" +
                           Row({"", "", "1.06.05", "Lain", "Ind", "1 Dokumen"});
  absl::StatusOr<ParsedTable> t = ParseTc27(text);
  ASSERT_THAT(t, IsOk()) << t.status();
  ASSERT_EQ(t->nodes.size(), 1u);
  EXPECT_EQ(t->nodes[0].code.canonical(), "1.06.04");
  EXPECT_TRUE(t->skipped.empty());
}

TEST(Tc27ParserTest, SplitCsvLineHandlesQuotes) {
  EXPECT_EQ(SplitCsvLine("a,\"b,c\",\"d\"\"e\",,f"),
            (std::vector<std::string>{"a", "b,c", "d\"e", "", "f"}));
}

}  // namespace
}  // namespace renstra
