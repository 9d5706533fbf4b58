#include "domain/money.h"

#include <cstdint>
#include <limits>
#include <string>

#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"

namespace renstra {
namespace {

using ::renstra::testing::IsOk;
using ::renstra::testing::StatusIs;
using ::testing::HasSubstr;

void ExpectAmount(std::string_view text, int64_t rupiah, std::string_view written) {
  absl::StatusOr<Money> m = Money::Parse(text);
  ASSERT_THAT(m, IsOk()) << "\"" << text << "\": " << m.status();
  EXPECT_TRUE(m->present()) << text;
  EXPECT_EQ(m->rupiah(), rupiah) << text;
  EXPECT_EQ(m->written(), written) << text;
}

void ExpectAbsent(std::string_view text, std::string_view written) {
  absl::StatusOr<Money> m = Money::Parse(text);
  ASSERT_THAT(m, IsOk()) << "\"" << text << "\": " << m.status();
  EXPECT_FALSE(m->present()) << text;
  EXPECT_EQ(m->rupiah(), 0) << text;
  EXPECT_EQ(m->written(), written) << text;
}

void ExpectRejected(std::string_view text, std::string_view reason) {
  absl::StatusOr<Money> m = Money::Parse(text);
  EXPECT_THAT(m, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(std::string(reason))))
      << text;
}

TEST(MoneyParseTest, IndonesianAmounts) {
  ExpectAmount("1.234.567", 1234567, "1.234.567");
  ExpectAmount("4.584.600.968", 4584600968, "4.584.600.968");
  ExpectAmount("34.914.179.472", 34914179472, "34.914.179.472");
  ExpectAmount("0", 0, "0");
  ExpectAmount("50.000.000", 50000000, "50.000.000");
}

TEST(MoneyParseTest, PlainDigits) { ExpectAmount("1234567", 1234567, "1234567"); }

TEST(MoneyParseTest, RupiahPrefix) {
  ExpectAmount("Rp 1.234.567", 1234567, "Rp 1.234.567");
  ExpectAmount("Rp. 1.234.567", 1234567, "Rp. 1.234.567");
  ExpectAmount("Rp1.234.567", 1234567, "Rp1.234.567");
  ExpectAmount("RP 500", 500, "RP 500");
}

TEST(MoneyParseTest, ZeroDecimals) {
  ExpectAmount("1.234.567,00", 1234567, "1.234.567,00");
  ExpectAmount("Rp1.234.567,00", 1234567, "Rp1.234.567,00");
  ExpectAmount("5,0", 5, "5,0");
  // Zero decimals never push an amount at the int64 limit into overflow.
  ExpectAmount("9.223.372.036.854.775.807,00", INT64_MAX, "9.223.372.036.854.775.807,00");
}

TEST(MoneyParseTest, TrimsAndKeepsTrimmedText) {
  ExpectAmount("  1.234.567 \t", 1234567, "1.234.567");
  ExpectAbsent("  -  ", "-");
  ExpectAbsent("   ", "");
}

TEST(MoneyParseTest, DashAndBlankAreAbsent) {
  ExpectAbsent("-", "-");
  ExpectAbsent("", "");
}

TEST(MoneyParseTest, RejectsNegative) {
  ExpectRejected("-5.000", "negative amount");
  ExpectRejected("Rp -5.000", "negative amount");
}

TEST(MoneyParseTest, RejectsFractions) {
  ExpectRejected("1.234,50", "a fraction of a Rupiah");
  ExpectRejected("0,5", "a fraction of a Rupiah");
}

TEST(MoneyParseTest, RejectsMalformed) {
  ExpectRejected("1.23.456", "thousands groups must have three digits");
  ExpectRejected("4.19", "thousands groups must have three digits");
  ExpectRejected("abc", "unexpected character 'a'");
  ExpectRejected("1 Paket", "unexpected character");
  ExpectRejected("100%", "unexpected character '%'");
  ExpectRejected("N/A", "unexpected character 'N'");
  ExpectRejected("Rp", "no digits");
  ExpectRejected("12,", "no digits after the decimal comma");
}

TEST(MoneyParseTest, RejectsOverflow) {
  ExpectRejected("9.223.372.036.854.775.808", "number too large");
}

TEST(MoneyParseTest, MessageNamesTextAndReason) {
  absl::StatusOr<Money> m = Money::Parse("1.23.456");
  EXPECT_THAT(
      m,
      StatusIs(absl::StatusCode::kInvalidArgument,
               "money \"1.23.456\": thousands groups must have three digits (write decimals with a "
               "comma: 4,19)"));
  m = Money::Parse("-5.000");
  EXPECT_THAT(m, StatusIs(absl::StatusCode::kInvalidArgument, "money \"-5.000\": negative amount"));
}

TEST(MoneyTest, Factories) {
  const Money m = Money::Rupiah(1234567);
  EXPECT_TRUE(m.present());
  EXPECT_EQ(m.rupiah(), 1234567);
  EXPECT_EQ(m.written(), "");

  const Money absent = Money::Absent("-");
  EXPECT_FALSE(absent.present());
  EXPECT_EQ(absent.rupiah(), 0);
  EXPECT_EQ(absent.written(), "-");

  const Money blank;
  EXPECT_FALSE(blank.present());
  EXPECT_EQ(blank.written(), "");
}

TEST(MoneyTest, ToIndonesianAndDisplay) {
  EXPECT_EQ(Money::Rupiah(1234567).ToIndonesian(), "1.234.567");
  EXPECT_EQ(Money::Rupiah(0).ToIndonesian(), "0");
  EXPECT_EQ(Money().ToIndonesian(), "-");
  EXPECT_EQ(Money::Rupiah(1234567).Display(), "1.234.567");
  EXPECT_EQ(Money::Parse("Rp. 1.234.567")->Display(), "Rp. 1.234.567");
  EXPECT_EQ(Money::Parse("1234567")->ToIndonesian(), "1.234.567");
  EXPECT_EQ(Money::Parse("")->Display(), "-");
}

TEST(MoneyTest, RoundTripsCanonicalText) {
  for (const char* text : {"0", "1.000", "1.234.567", "4.584.600.968", "-"}) {
    absl::StatusOr<Money> m = Money::Parse(text);
    ASSERT_THAT(m, IsOk()) << text << ": " << m.status();
    EXPECT_EQ(m->ToIndonesian(), text);
  }
}

TEST(MoneyTest, EqualityIgnoresWritten) {
  EXPECT_EQ(*Money::Parse("1.234.567"), *Money::Parse("Rp 1234567"));
  EXPECT_EQ(*Money::Parse("-"), *Money::Parse(""));
  EXPECT_EQ(Money::Rupiah(5), *Money::Parse("5"));
  EXPECT_FALSE(Money::Rupiah(0) == Money());
  EXPECT_FALSE(Money::Rupiah(1) == Money::Rupiah(2));
}

TEST(MoneyTest, ProtoRoundTrip) {
  for (const char* text : {"1.234.567", "Rp. 1.234.567,00", "0", "-", ""}) {
    const Money m = *Money::Parse(text);
    v1::Money proto;
    m.ToProto(&proto);
    EXPECT_EQ(proto.rupiah(), m.rupiah());
    EXPECT_EQ(proto.present(), m.present());
    EXPECT_EQ(proto.written(), m.written());
    const Money back = Money::FromProto(proto);
    EXPECT_EQ(back, m) << text;
    EXPECT_EQ(back.written(), m.written()) << text;
  }
}

TEST(MoneyTest, FromProtoAbsentHasZeroRupiah) {
  v1::Money proto;
  proto.set_rupiah(7);
  proto.set_present(false);
  EXPECT_EQ(Money::FromProto(proto).rupiah(), 0);
}

TEST(FormatRupiahTest, GroupsThousands) {
  EXPECT_EQ(FormatRupiah(0), "0");
  EXPECT_EQ(FormatRupiah(999), "999");
  EXPECT_EQ(FormatRupiah(1000), "1.000");
  EXPECT_EQ(FormatRupiah(1234567), "1.234.567");
  EXPECT_EQ(FormatRupiah(-1234567), "-1.234.567");
  EXPECT_EQ(FormatRupiah(-999), "-999");
  EXPECT_EQ(FormatRupiah(INT64_MAX), "9.223.372.036.854.775.807");
  EXPECT_EQ(FormatRupiah(INT64_MIN), "-9.223.372.036.854.775.808");
}

TEST(CheckedAddTest, DetectsOverflow) {
  EXPECT_EQ(CheckedAdd(2, 3), std::optional<int64_t>(5));
  EXPECT_EQ(CheckedAdd(INT64_MAX, 0), std::optional<int64_t>(INT64_MAX));
  EXPECT_EQ(CheckedAdd(INT64_MAX, 1), std::nullopt);
  EXPECT_EQ(CheckedAdd(INT64_MIN, -1), std::nullopt);
  EXPECT_EQ(CheckedAdd(INT64_MIN, INT64_MAX), std::optional<int64_t>(-1));
}

}  // namespace
}  // namespace renstra
