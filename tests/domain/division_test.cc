#include "domain/division.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "domain/year.h"
#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"

namespace renstra {
namespace {

using ::renstra::testing::IsOk;
using ::renstra::testing::StatusIs;

TEST(DivisionTest, DefaultDivisionForProgram) {
  EXPECT_EQ(DefaultDivisionForProgram("1.06.01"), v1::SEKRETARIAT);
  EXPECT_EQ(DefaultDivisionForProgram("1.06.02"), v1::PEMBERDAYAAN_SOSIAL);
  EXPECT_EQ(DefaultDivisionForProgram("1.06.07"), v1::PEMBERDAYAAN_SOSIAL);
  EXPECT_EQ(DefaultDivisionForProgram("1.06.03"), v1::REHABILITASI_SOSIAL);
  EXPECT_EQ(DefaultDivisionForProgram("1.06.04"), v1::REHABILITASI_SOSIAL);
  EXPECT_EQ(DefaultDivisionForProgram("1.06.05"), v1::PERLINDUNGAN_JAMINAN_SOSIAL);
  EXPECT_EQ(DefaultDivisionForProgram("1.06.06"), v1::PERLINDUNGAN_JAMINAN_SOSIAL);
  EXPECT_EQ(DefaultDivisionForProgram("2.13.04"), v1::PEMBERDAYAAN_MASYARAKAT);
  EXPECT_EQ(DefaultDivisionForProgram("2.13.05"), v1::PEMBERDAYAAN_MASYARAKAT);
}

TEST(DivisionTest, DefaultDivisionNeedsTheCanonicalProgramCode) {
  EXPECT_EQ(DefaultDivisionForProgram("1.06.08"), v1::DIVISION_UNSPECIFIED);
  EXPECT_EQ(DefaultDivisionForProgram("2.13.01"), v1::DIVISION_UNSPECIFIED);
  EXPECT_EQ(DefaultDivisionForProgram(""), v1::DIVISION_UNSPECIFIED);
  // Not canonical, or not a program: callers pass Code::ProgramCanonical().
  EXPECT_EQ(DefaultDivisionForProgram("1.6.4"), v1::DIVISION_UNSPECIFIED);
  EXPECT_EQ(DefaultDivisionForProgram("1.06.04.2.01"), v1::DIVISION_UNSPECIFIED);
}

TEST(DivisionTest, DisplayName) {
  EXPECT_EQ(DivisionDisplayName(v1::SEKRETARIAT), "Sekretariat");
  EXPECT_EQ(DivisionDisplayName(v1::PERLINDUNGAN_JAMINAN_SOSIAL),
            "Bidang Perlindungan dan Jaminan Sosial");
  EXPECT_EQ(DivisionDisplayName(v1::REHABILITASI_SOSIAL), "Bidang Rehabilitasi Sosial");
  EXPECT_EQ(DivisionDisplayName(v1::PEMBERDAYAAN_SOSIAL), "Bidang Pemberdayaan Sosial");
  EXPECT_EQ(DivisionDisplayName(v1::PEMBERDAYAAN_MASYARAKAT), "Bidang Pemberdayaan Masyarakat");
  EXPECT_EQ(DivisionDisplayName(v1::DIVISION_UNSPECIFIED), "");
}

TEST(DivisionTest, ParseDisplayNames) {
  for (v1::Division d : {v1::SEKRETARIAT, v1::PERLINDUNGAN_JAMINAN_SOSIAL, v1::REHABILITASI_SOSIAL,
                         v1::PEMBERDAYAAN_SOSIAL, v1::PEMBERDAYAAN_MASYARAKAT}) {
    absl::StatusOr<v1::Division> parsed = ParseDivision(DivisionDisplayName(d));
    ASSERT_THAT(parsed, IsOk()) << parsed.status();
    EXPECT_EQ(*parsed, d);
    parsed = ParseDivision(v1::Division_Name(d));
    ASSERT_THAT(parsed, IsOk()) << parsed.status();
    EXPECT_EQ(*parsed, d);
  }
}

TEST(DivisionTest, ParseIsLenientAboutCaseBidangAndSpaces) {
  EXPECT_EQ(*ParseDivision("Rehabilitasi Sosial"), v1::REHABILITASI_SOSIAL);
  EXPECT_EQ(*ParseDivision("bidang rehabilitasi sosial"), v1::REHABILITASI_SOSIAL);
  EXPECT_EQ(*ParseDivision("BIDANG PEMBERDAYAAN MASYARAKAT"), v1::PEMBERDAYAAN_MASYARAKAT);
  EXPECT_EQ(*ParseDivision("  Bidang  Perlindungan dan Jaminan Sosial "),
            v1::PERLINDUNGAN_JAMINAN_SOSIAL);
  EXPECT_EQ(*ParseDivision("sekretariat"), v1::SEKRETARIAT);
  EXPECT_EQ(*ParseDivision("Bidang Sekretariat"), v1::SEKRETARIAT);
  EXPECT_EQ(*ParseDivision("pemberdayaan_sosial"), v1::PEMBERDAYAAN_SOSIAL);
}

TEST(DivisionTest, ParseRejects) {
  for (const char* text : {"", "Bidang", "Bidang Keuangan", "DIVISION_UNSPECIFIED", "Sosial"}) {
    EXPECT_THAT(ParseDivision(text),
                StatusIs(absl::StatusCode::kInvalidArgument,
                         absl::StrCat("division \"", text,
                                      "\": not a division (Sekretariat, Bidang Perlindungan dan "
                                      "Jaminan Sosial, Bidang Rehabilitasi Sosial, Bidang "
                                      "Pemberdayaan Sosial or Bidang Pemberdayaan Masyarakat)")));
  }
}

TEST(YearTest, CheckTargetYear) {
  for (int year : kAllTargetYears) EXPECT_THAT(CheckTargetYear(year), IsOk()) << year;
  EXPECT_EQ(kTargetYears, 5);

  absl::Status s = CheckTargetYear(2027, "target_year");
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "target_year 2027: must be a target year 2022..2026");

  s = CheckTargetYear(kBaselineYear);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "year 2021: must be a target year 2022..2026");
}

}  // namespace
}  // namespace renstra
