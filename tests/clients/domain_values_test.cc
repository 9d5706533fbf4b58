// The CLI reads and prints values with the domain's code (domain/target_value.h,
// money.h, division.h), not copies of it. These tests pin that: for each input the CLI
// answers what the domain answers (the same value message, or the same error message),
// except for the one rule the CLI adds (a blank target or an absent amount is refused).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "clients/plan_printer.h"
#include "clients/value_parser.h"
#include "domain/decimal.h"
#include "domain/division.h"
#include "domain/money.h"
#include "domain/target_value.h"

namespace renstra {
namespace {

// Accepted and refused forms of both readers, including the ones the CLI's former
// copies disagreed on (negative numbers, "> ", non-breaking spaces, an inverted range).
const std::vector<std::string>& Inputs() {
  static const std::vector<std::string> inputs = {"0",
                                                  "36",
                                                  "139.700 Orang",
                                                  "1349Orang",
                                                  "100%",
                                                  "4,5 %",
                                                  "4,19-4,90",
                                                  "4,90-4,19",
                                                  "> 351",
                                                  ">= 201-350",
                                                  "\xE2\x89\xA5 201-350",
                                                  "N/A",
                                                  "na",
                                                  "-",
                                                  "\xE2\x80\x93",
                                                  "",
                                                  "   ",
                                                  "-3,5",
                                                  "-5.000",
                                                  "4.19",
                                                  "4,19-",
                                                  "> ",
                                                  "12,3,4",
                                                  "abc",
                                                  "12 !",
                                                  "1.50",
                                                  "\xC2\xA0"
                                                  "1.000\xC2\xA0",
                                                  "175.000.000",
                                                  "Rp 1.234.567",
                                                  "Rp. 1.234.567,00",
                                                  "rp1234567",
                                                  "1234567,00",
                                                  "12,5",
                                                  "Rp",
                                                  "9.223.372.036.854.775.808",
                                                  "1.234.567,000",
                                                  "0,000001",
                                                  "0,0000001"};
  return inputs;
}

TEST(DomainValuesTest, TheCliReadsTargetsExactlyAsTheDomain) {
  for (const std::string& text : Inputs()) {
    SCOPED_TRACE("\"" + text + "\"");
    const absl::StatusOr<TargetValue> domain = TargetValue::Parse(text);
    std::string error;
    const std::optional<v1::TargetValue> cli = ParseTarget(text, &error);
    if (!domain.ok()) {
      EXPECT_FALSE(cli.has_value());
      EXPECT_EQ(error, domain.status().message());
    } else if (domain->kind() == TargetValue::Kind::kEmpty) {
      EXPECT_FALSE(cli.has_value());
      EXPECT_EQ(error, "target \"\": empty (write \"-\" for nothing planned)");
    } else {
      ASSERT_TRUE(cli.has_value()) << error;
      v1::TargetValue expected;
      domain->ToProto(&expected);
      EXPECT_EQ(cli->SerializeAsString(), expected.SerializeAsString())
          << cli->ShortDebugString() << " vs " << expected.ShortDebugString();
    }
  }
}

TEST(DomainValuesTest, TheCliReadsAmountsExactlyAsTheDomain) {
  for (const std::string& text : Inputs()) {
    SCOPED_TRACE("\"" + text + "\"");
    const absl::StatusOr<Money> domain = Money::Parse(text);
    std::string error;
    const std::optional<v1::Money> cli = ParseRupiah(text, &error);
    if (!domain.ok()) {
      EXPECT_FALSE(cli.has_value());
      EXPECT_EQ(error, domain.status().message());
    } else if (!domain->present()) {
      EXPECT_FALSE(cli.has_value());
      EXPECT_EQ(error,
                "money \"" + domain->written() + "\": expected whole Rupiah, e.g. 1.234.567");
    } else {
      ASSERT_TRUE(cli.has_value()) << error;
      EXPECT_TRUE(cli->present());
      EXPECT_EQ(cli->rupiah(), domain->rupiah());
      // The written form drops "Rp"; the domain reads it back as the same amount.
      EXPECT_EQ(cli->written(), std::string(WithoutCurrency(domain->written())));
      const absl::StatusOr<Money> again = Money::Parse(cli->written());
      ASSERT_TRUE(again.ok()) << again.status();
      EXPECT_EQ(again->rupiah(), domain->rupiah());
    }
  }
}

TEST(DomainValuesTest, TheCliRefusesBlankValuesTheDomainReadsAsAbsent) {
  std::string error;
  EXPECT_FALSE(ParseTarget("  ", &error).has_value());
  EXPECT_EQ(error, "target \"\": empty (write \"-\" for nothing planned)");
  EXPECT_FALSE(ParseRupiah("-", &error).has_value());
  EXPECT_EQ(error, "money \"-\": expected whole Rupiah, e.g. 1.234.567");
  EXPECT_FALSE(ParseRupiah("", &error).has_value());
  EXPECT_EQ(error, "money \"\": expected whole Rupiah, e.g. 1.234.567");
}

TEST(DomainValuesTest, TheCliPrintsDivisionsAndNumbersAsTheDomain) {
  for (int i = v1::Division_MIN; i <= v1::Division_MAX; ++i) {
    if (!v1::Division_IsValid(i)) continue;
    const v1::Division d = static_cast<v1::Division>(i);
    const std::string domain = DivisionDisplayName(d);
    EXPECT_EQ(DivisionName(d), domain.empty() ? "-" : domain) << v1::Division_Name(d);
  }
  EXPECT_EQ(DivisionName(v1::REHABILITASI_SOSIAL), "Bidang Rehabilitasi Sosial");
  EXPECT_EQ(DivisionName(v1::DIVISION_UNSPECIFIED), "-");

  v1::Decimal d;
  d.set_units(-123456789);
  d.set_scale(2);
  EXPECT_EQ(FormatDecimal(d), "-1.234.567,89");
  d.set_units(5);
  d.set_scale(3);
  EXPECT_EQ(FormatDecimal(d), "0,005");
  v1::Money m;
  m.set_present(true);
  m.set_rupiah(1234567);
  EXPECT_EQ(FormatMoney(m), "1.234.567");
  EXPECT_EQ(FormatMoney(v1::Money()), "-");
}

}  // namespace
}  // namespace renstra
