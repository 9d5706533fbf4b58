#include "domain/number_format.h"

#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"

namespace renstra {
namespace {

using testing::IsOk;

TEST(NumberFormatTest, ParsesTheFlagValues) {
  EXPECT_EQ(*ParseNumberFormat("en", "number_format"), NumberFormat::kEn);
  EXPECT_EQ(*ParseNumberFormat("ID", "number_format"), NumberFormat::kId);
  EXPECT_EQ(*ParseNumberFormat("auto", "number_format"), NumberFormat::kAuto);
  EXPECT_EQ(*ParseNumberFormat("", "number_format"), NumberFormat::kAuto);
  absl::StatusOr<NumberFormat> bad = ParseNumberFormat("fr", "number_format");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.status().message(),
            "number_format: \"fr\" is not a number format (id, en or auto; blank means auto)");
}

TEST(NumberFormatTest, SwapsOnlySeparatorsBetweenDigits) {
  EXPECT_EQ(SwapNumberSeparators("Rp 31,291,280,000"), "Rp 31.291.280.000");
  EXPECT_EQ(SwapNumberSeparators("69.5 %"), "69,5 %");
  EXPECT_EQ(SwapNumberSeparators("Dok. 3, Lap."), "Dok. 3, Lap.");
}

TEST(NumberFormatTest, ReadsTargetsInEitherNotation) {
  absl::StatusOr<TargetValue> en = ReadTarget("12,450 Orang", NumberFormat::kEn);
  ASSERT_THAT(en, IsOk());
  EXPECT_EQ(en->ToIndonesian(), "12.450 Orang");
  EXPECT_EQ(en->written(), "12.450 Orang");  // kept in the id notation
  EXPECT_EQ(ReadTarget("12,450 Orang", NumberFormat::kId)->ToIndonesian(), "12,450 Orang");
  EXPECT_EQ(ReadTarget("4.19-4.90", NumberFormat::kEn)->ToIndonesian(), "4,19-4,90");
  absl::StatusOr<TargetValue> bad = ReadTarget("96,5 %", NumberFormat::kEn);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.status().message(),
            "target \"96,5 %\": thousands groups must have three digits (read in en notation: "
            "commas group thousands, a dot marks decimals)");
}

TEST(NumberFormatTest, ThreeDigitsAfterTheSeparatorOfAnAmountAreThousands) {
  absl::StatusOr<Money> id = ReadMoney("Rp 975,000", NumberFormat::kId);
  ASSERT_FALSE(id.ok());
  EXPECT_EQ(id.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(id.status().message(),
            "money \"Rp 975,000\": 3 digits after the decimal comma (a Rupiah amount has none or "
            "two)");
  absl::StatusOr<Money> en = ReadMoney("Rp 975,000", NumberFormat::kEn);
  ASSERT_THAT(en, IsOk());
  EXPECT_EQ(en->rupiah(), 975000);
  EXPECT_EQ(en->written(), "Rp 975.000");
  EXPECT_EQ(ReadMoney("Rp1.234.567,00", NumberFormat::kId)->rupiah(), 1234567);
  EXPECT_EQ(ReadMoney("Rp 1,234,567.00", NumberFormat::kEn)->rupiah(), 1234567);
  absl::StatusOr<Money> en_point = ReadMoney("1.000", NumberFormat::kEn);
  ASSERT_FALSE(en_point.ok());
  EXPECT_EQ(en_point.status().message(),
            "money \"1.000\": 3 digits after the decimal point (a Rupiah amount has none or two)");
}

TEST(NumberFormatTest, ClassifiesCellsByWhatTheyProve) {
  std::string why;
  EXPECT_EQ(NumberFormatJudge::Classify("Rp 31,291,280,000", true, &why), CellReading::kEnOnly);
  EXPECT_EQ(why,
            "not a number in id notation (money \"Rp 31,291,280,000\": more than one decimal "
            "comma)");
  EXPECT_EQ(NumberFormatJudge::Classify("69.5 %", false, &why), CellReading::kEnOnly);
  EXPECT_EQ(NumberFormatJudge::Classify("Rp 975,000", true, &why), CellReading::kEnOnly);
  EXPECT_EQ(NumberFormatJudge::Classify("Rp 975.000", true, &why), CellReading::kIdOnly);
  EXPECT_EQ(NumberFormatJudge::Classify("4,19", false, &why), CellReading::kIdOnly);
  EXPECT_EQ(NumberFormatJudge::Classify("12,450 Orang", false, &why), CellReading::kDiffers);
  EXPECT_EQ(NumberFormatJudge::Classify("139.700 Orang", false, &why), CellReading::kDiffers);
  EXPECT_EQ(NumberFormatJudge::Classify("100%", false, &why), CellReading::kSame);
  EXPECT_EQ(NumberFormatJudge::Classify("satu.juta", true, &why), CellReading::kSame);
}

TEST(NumberFormatTest, DecidesFromTheEvidence) {
  NumberFormatJudge judge;
  judge.Observe(9, "8 (Rp 2022)", "Rp 31,291,280,000", true);
  judge.Observe(9, "7 (Target 2022)", "12,450 Orang", false);
  judge.Observe(10, "7 (Target 2022)", "100%", false);
  absl::StatusOr<NumberFormatDecision> d = judge.Decide(NumberFormat::kAuto);
  ASSERT_THAT(d, IsOk());
  EXPECT_EQ(d->format, NumberFormat::kEn);
  EXPECT_EQ(d->basis, "evidence");
  EXPECT_EQ(d->summary,
            "en (from the evidence: 1 cell(s) read only in en, first line 9, column 8 (Rp 2022) "
            "\"Rp 31,291,280,000\", not a number in id notation (money \"Rp 31,291,280,000\": "
            "more than one decimal comma)); 1 cell(s) that read in both conventions were read "
            "the en way, first line 9, column 7 (Target 2022) \"12,450 Orang\"");
}

TEST(NumberFormatTest, AGivenConventionStopsAtACellOfTheOther) {
  NumberFormatJudge judge;
  judge.Observe(12, "9 (Target 2023)", "4,19", false);
  absl::StatusOr<NumberFormatDecision> d = judge.Decide(NumberFormat::kEn);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(d.status().message(),
            "number format: line 12, column 9 (Target 2023) \"4,19\" contradicts the en "
            "convention of this table (as requested): it is not a number in en notation (target "
            "\"4,19\": thousands groups must have three digits (read in en notation: commas "
            "group thousands, a dot marks decimals)); correct the cell, or give the convention "
            "(renstra import --number-format id|en)");
}

TEST(NumberFormatTest, WithoutEvidenceIdOnlyWhenNothingReadsDifferently) {
  NumberFormatJudge plain;
  plain.Observe(5, "8 (Rp 2022)", "975000", true);
  plain.Observe(5, "7 (Target 2022)", "12 Orang", false);
  absl::StatusOr<NumberFormatDecision> d = plain.Decide(NumberFormat::kAuto);
  ASSERT_THAT(d, IsOk());
  EXPECT_EQ(d->format, NumberFormat::kId);
  EXPECT_EQ(d->summary, "id (by default: no cell reads differently in the id and en conventions)");

  NumberFormatJudge ambiguous;
  ambiguous.Observe(5, "7 (Target 2022)", "12,450 Orang", false);
  absl::StatusOr<NumberFormatDecision> refused = ambiguous.Decide(NumberFormat::kAuto);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(refused.status().message(),
            "number format: cannot decide how this table writes numbers: 1 cell(s) read "
            "differently in the id and en conventions (first: line 5, column 7 (Target 2022) "
            "\"12,450 Orang\", which is 12,450 Orang in id and 12.450 Orang in en, written the "
            "id way) and no cell reads in one convention only; give the convention (renstra "
            "import --number-format id|en, or number_format in the request)");
  absl::StatusOr<NumberFormatDecision> given = ambiguous.Decide(NumberFormat::kEn);
  ASSERT_THAT(given, IsOk());
  EXPECT_EQ(given->summary,
            "en (as requested); 1 cell(s) that read in both conventions were read the en way, "
            "first line 5, column 7 (Target 2022) \"12,450 Orang\"");
}

}  // namespace
}  // namespace renstra
