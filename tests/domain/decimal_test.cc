#include "domain/decimal.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"

namespace renstra {
namespace {

using ::renstra::testing::IsOk;
using ::renstra::testing::StatusIs;
using ::testing::HasSubstr;

void ExpectParses(std::string_view text, int64_t units, int scale) {
  absl::StatusOr<Decimal> d = Decimal::ParseIndonesian(text);
  ASSERT_THAT(d, IsOk()) << text << ": " << d.status();
  EXPECT_EQ(d->units(), units) << text;
  EXPECT_EQ(d->scale(), scale) << text;
}

void ExpectRejected(std::string_view text, std::string_view reason) {
  absl::StatusOr<Decimal> d = Decimal::ParseIndonesian(text);
  EXPECT_THAT(d, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(std::string(reason))))
      << text;
}

TEST(DecimalParseTest, Integers) {
  ExpectParses("0", 0, 0);
  ExpectParses("36", 36, 0);
  ExpectParses("1349", 1349, 0);
  ExpectParses("1234567", 1234567, 0);
}

TEST(DecimalParseTest, ThousandsDots) {
  ExpectParses("139.700", 139700, 0);
  ExpectParses("8.397", 8397, 0);
  ExpectParses("1.234.567", 1234567, 0);
  ExpectParses("100.000", 100000, 0);
}

TEST(DecimalParseTest, DecimalComma) {
  ExpectParses("4,19", 419, 2);
  ExpectParses("4,5", 45, 1);
  ExpectParses("1.234,5", 12345, 1);
  ExpectParses("0,000001", 1, 6);
}

TEST(DecimalParseTest, KeepsTrailingZerosInScale) { ExpectParses("4,90", 490, 2); }

TEST(DecimalParseTest, Negative) {
  ExpectParses("-3,5", -35, 1);
  ExpectParses("-1.000", -1000, 0);
}

TEST(DecimalParseTest, TrimsSurroundingSpaces) { ExpectParses("  4,19 ", 419, 2); }

TEST(DecimalParseTest, Int64Limit) { ExpectParses("9.223.372.036.854.775.807", INT64_MAX, 0); }

TEST(DecimalParseTest, RejectsAmbiguousDots) {
  ExpectRejected("1.23", "thousands groups must have three digits");
  ExpectRejected("4.19", "thousands groups must have three digits");
  ExpectRejected("1.2345", "thousands groups must have three digits");
  ExpectRejected("1234.567", "thousands groups must have three digits");
  ExpectRejected("0.500", "leading zero before a thousands dot");
}

TEST(DecimalParseTest, RejectsMisplacedDots) {
  ExpectRejected(".500", "misplaced thousands dot");
  ExpectRejected("1..000", "misplaced thousands dot");
  ExpectRejected("1.000.", "misplaced thousands dot");
  ExpectRejected("1,234.5", "thousands dot after the decimal comma");
}

TEST(DecimalParseTest, RejectsMalformedCommas) {
  ExpectRejected("12,", "no digits after the decimal comma");
  ExpectRejected(",5", "no digits before the decimal comma");
  ExpectRejected("1,2,3", "more than one decimal comma");
  ExpectRejected("1,1234567", "more than 6 decimals");
}

TEST(DecimalParseTest, RejectsLettersAndEmpty) {
  ExpectRejected("abc", "unexpected character 'a'");
  ExpectRejected("12a", "unexpected character 'a'");
  ExpectRejected("1 000", "unexpected character");
  ExpectRejected("+5", "unexpected character '+'");
  ExpectRejected("", "no digits");
  ExpectRejected("-", "no digits");
}

TEST(DecimalParseTest, RejectsOverflow) {
  ExpectRejected("9.223.372.036.854.775.808", "number too large");
  ExpectRejected("99999999999999999999", "number too large");
  // Fits as an integer, but not once scaled by the decimals.
  ExpectRejected("9.223.372.036.854.775.807,0", "number too large");
}

TEST(DecimalParseTest, MessageNamesTheText) {
  absl::StatusOr<Decimal> d = Decimal::ParseIndonesian("1.23");
  EXPECT_THAT(
      d, StatusIs(absl::StatusCode::kInvalidArgument,
                  "number \"1.23\": thousands groups must have three digits (write decimals with a "
                  "comma: 4,19)"));
}

TEST(DecimalParseTest, ReasonVariantHasNoContext) {
  absl::StatusOr<Decimal> d = Decimal::ParseIndonesianReason("1,2,3");
  EXPECT_THAT(d, StatusIs(absl::StatusCode::kInvalidArgument, "more than one decimal comma"));
}

TEST(DecimalFormatTest, ToIndonesian) {
  EXPECT_EQ(Decimal(0, 0).ToIndonesian(), "0");
  EXPECT_EQ(Decimal(139700, 0).ToIndonesian(), "139.700");
  EXPECT_EQ(Decimal(1234567, 0).ToIndonesian(), "1.234.567");
  EXPECT_EQ(Decimal(419, 2).ToIndonesian(), "4,19");
  EXPECT_EQ(Decimal(490, 2).ToIndonesian(), "4,90");
  EXPECT_EQ(Decimal(5, 2).ToIndonesian(), "0,05");
  EXPECT_EQ(Decimal(-35, 1).ToIndonesian(), "-3,5");
  EXPECT_EQ(Decimal(-5, 1).ToIndonesian(), "-0,5");
  EXPECT_EQ(Decimal(123456789, 3).ToIndonesian(), "123.456,789");
  EXPECT_EQ(Decimal(100, 0).ToIndonesian(), "100");
  EXPECT_EQ(Decimal(1000, 6).ToIndonesian(), "0,001000");
}

TEST(DecimalFormatTest, Int64Extremes) {
  EXPECT_EQ(Decimal::FromInt(INT64_MAX).ToIndonesian(), "9.223.372.036.854.775.807");
  EXPECT_EQ(Decimal::FromInt(INT64_MIN).ToIndonesian(), "-9.223.372.036.854.775.808");
  EXPECT_EQ(Decimal(INT64_MIN, 6).ToIndonesian(), "-9.223.372.036.854,775808");
}

TEST(DecimalFormatTest, RoundTripsCanonicalText) {
  for (const char* text : {"0", "36", "139.700", "1.234.567", "4,19", "4,90", "1.234,5", "-3,5",
                           "0,05", "9.223.372.036.854.775.807"}) {
    absl::StatusOr<Decimal> d = Decimal::ParseIndonesian(text);
    ASSERT_THAT(d, IsOk()) << text << ": " << d.status();
    EXPECT_EQ(d->ToIndonesian(), text);
  }
}

TEST(DecimalTest, IsIntegerAndIntegerPart) {
  EXPECT_TRUE(Decimal(36, 0).IsInteger());
  EXPECT_TRUE(Decimal(400, 2).IsInteger());
  EXPECT_FALSE(Decimal(419, 2).IsInteger());
  EXPECT_EQ(Decimal(400, 2).IntegerPart(), 4);
  EXPECT_EQ(Decimal(419, 2).IntegerPart(), 4);
  EXPECT_EQ(Decimal(-35, 1).IntegerPart(), -3);  // toward zero
  EXPECT_EQ(Decimal(139700, 0).IntegerPart(), 139700);
}

TEST(DecimalTest, DefaultIsZero) {
  Decimal d;
  EXPECT_EQ(d.units(), 0);
  EXPECT_EQ(d.scale(), 0);
  EXPECT_EQ(d, Decimal::FromInt(0));
}

TEST(DecimalTest, AdditionIsExactAtTheLargerScale) {
  const Decimal sum = Decimal(419, 2) + Decimal(5, 1);
  EXPECT_EQ(sum.units(), 469);
  EXPECT_EQ(sum.scale(), 2);
  const Decimal ints = Decimal::FromInt(139700) + Decimal::FromInt(8397);
  EXPECT_EQ(ints.units(), 148097);
  EXPECT_EQ(ints.scale(), 0);
  EXPECT_EQ((Decimal(1, 1) + Decimal(-1, 1)).units(), 0);
  // 0,1 + 0,2 is exactly 0,3 (it is not in binary floating point).
  EXPECT_EQ(Decimal(1, 1) + Decimal(2, 1), Decimal(3, 1));
}

TEST(DecimalTest, CheckedAddRefusesASumBeyondInt64) {
  const std::optional<Decimal> fits = Decimal::CheckedAdd(Decimal(419, 2), Decimal(5, 1));
  ASSERT_TRUE(fits.has_value());
  EXPECT_EQ(fits->units(), 469);
  EXPECT_EQ(fits->scale(), 2);
  EXPECT_FALSE(Decimal::CheckedAdd(Decimal::FromInt(INT64_MAX), Decimal::FromInt(1)));
  EXPECT_FALSE(Decimal::CheckedAdd(Decimal::FromInt(INT64_MIN), Decimal::FromInt(-1)));
  // 10^13 at scale 0 plus 0,000001: 10^19 millionths do not fit in int64.
  EXPECT_FALSE(Decimal::CheckedAdd(Decimal::FromInt(10000000000000), Decimal(1, 6)));
  EXPECT_EQ(Decimal::CheckedAdd(Decimal::FromInt(INT64_MAX), Decimal::FromInt(-1))->units(),
            INT64_MAX - 1);
}

TEST(DecimalTest, ComparesNumericallyAcrossScales) {
  EXPECT_EQ(Decimal(49, 1), Decimal(490, 2));
  EXPECT_EQ(Decimal::FromInt(100), Decimal(100000000, 6));
  EXPECT_NE(Decimal(419, 2), Decimal(42, 1));
  EXPECT_LT(Decimal(419, 2), Decimal(42, 1));
  EXPECT_GT(Decimal::FromInt(5), Decimal(4999999, 6));
  EXPECT_LT(Decimal(-35, 1), Decimal::FromInt(0));
  EXPECT_EQ(Decimal(49, 1) <=> Decimal(490, 2), std::strong_ordering::equal);
}

TEST(DecimalTest, ComparisonDoesNotOverflowOnRescale) {
  // INT64_MAX at scale 0 rescaled to scale 6 exceeds int64; the comparison stays right.
  EXPECT_GT(Decimal::FromInt(INT64_MAX), Decimal(1, 6));
  EXPECT_LT(Decimal::FromInt(INT64_MIN), Decimal(-1, 6));
  EXPECT_GT(Decimal::FromInt(INT64_MAX), Decimal(INT64_MAX, 6));
  EXPECT_NE(Decimal::FromInt(INT64_MAX), Decimal(INT64_MAX, 6));
}

TEST(DecimalTest, ProtoRoundTrip) {
  for (const Decimal& d :
       {Decimal(0, 0), Decimal(419, 2), Decimal(490, 2), Decimal(-35, 1), Decimal(INT64_MAX, 6)}) {
    v1::Decimal proto;
    d.ToProto(&proto);
    EXPECT_EQ(proto.units(), d.units());
    EXPECT_EQ(proto.scale(), d.scale());
    const Decimal back = Decimal::FromProto(proto);
    EXPECT_EQ(back.units(), d.units());
    EXPECT_EQ(back.scale(), d.scale());
  }
}

TEST(DecimalTest, FromProtoClampsCorruptScale) {
  v1::Decimal proto;
  proto.set_units(5);
  proto.set_scale(42);
  EXPECT_EQ(Decimal::FromProto(proto).scale(), Decimal::kMaxScale);
  proto.set_scale(-1);
  EXPECT_EQ(Decimal::FromProto(proto).scale(), 0);
}

}  // namespace
}  // namespace renstra
