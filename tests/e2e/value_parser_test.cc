// The CLI's readers of Indonesian targets, amounts and change options
// (clients/value_parser.h, clients/change_parser.h), tested directly.
//
// (Kept in the e2e binary because tests/ has no clients/ layer yet; it belongs in
// tests/clients/ once that exists.)
#include "clients/value_parser.h"

#include <gtest/gtest.h>

#include <string>

#include "clients/change_parser.h"

namespace renstra {
namespace {

v1::TargetValue Target(const std::string& text) {
  std::string error;
  std::optional<v1::TargetValue> t = ParseTarget(text, &error);
  EXPECT_TRUE(t.has_value()) << text << ": " << error;
  return t.value_or(v1::TargetValue());
}

std::string TargetError(const std::string& text) {
  std::string error;
  EXPECT_FALSE(ParseTarget(text, &error).has_value()) << text;
  return error;
}

TEST(ValueParser, ReadsEveryTargetForm) {
  v1::TargetValue number = Target(" 220  Orang ");
  EXPECT_EQ(number.kind(), v1::TargetValue::NUMBER);
  EXPECT_EQ(number.low().units(), 220);
  EXPECT_EQ(number.low().scale(), 0);
  EXPECT_EQ(number.unit(), "Orang");
  EXPECT_EQ(number.written(), "220 Orang");

  v1::TargetValue glued = Target("1349Orang");
  EXPECT_EQ(glued.kind(), v1::TargetValue::NUMBER);
  EXPECT_EQ(glued.low().units(), 1349);
  EXPECT_EQ(glued.unit(), "Orang");

  v1::TargetValue thousands = Target("139.700 Orang");
  EXPECT_EQ(thousands.low().units(), 139700);

  v1::TargetValue percent = Target("100%");
  EXPECT_EQ(percent.kind(), v1::TargetValue::PERCENT);
  EXPECT_EQ(percent.low().units(), 100);
  EXPECT_EQ(percent.unit(), "%");
  EXPECT_EQ(Target("4,5 %").low().scale(), 1);

  v1::TargetValue range = Target("4,19-4,90");
  EXPECT_EQ(range.kind(), v1::TargetValue::RANGE);
  EXPECT_EQ(range.low().units(), 419);
  EXPECT_EQ(range.low().scale(), 2);
  EXPECT_EQ(range.high().units(), 490);
  EXPECT_EQ(range.high().scale(), 2);

  v1::TargetValue bound = Target("> 351");
  EXPECT_EQ(bound.kind(), v1::TargetValue::BOUND);
  EXPECT_EQ(bound.bound_op(), ">");
  EXPECT_EQ(bound.low().units(), 351);

  v1::TargetValue bound_range = Target("\xE2\x89\xA5 201-350");  // "≥ 201-350"
  EXPECT_EQ(bound_range.kind(), v1::TargetValue::BOUND_RANGE);
  EXPECT_EQ(bound_range.bound_op(), ">=");
  EXPECT_EQ(bound_range.high().units(), 350);

  EXPECT_EQ(Target("N/A").kind(), v1::TargetValue::NOT_AVAILABLE);
  EXPECT_EQ(Target("na").kind(), v1::TargetValue::NOT_AVAILABLE);
  EXPECT_EQ(Target("-").kind(), v1::TargetValue::NONE);
}

TEST(ValueParser, RefusesWhatIsNotATarget) {
  EXPECT_EQ(TargetError("4.19"),
            "target \"4.19\": thousands groups must have three digits (write decimals with a "
            "comma: 4,19)");
  EXPECT_EQ(TargetError("4,90-4,19"),
            "target \"4,90-4,19\": range low end 4,90 is above its high end 4,19");
  EXPECT_EQ(TargetError("4,19-"), "target \"4,19-\": range without a high end");
  EXPECT_EQ(TargetError("> "), "target \">\": bound without a number");
  EXPECT_EQ(TargetError("12,3,4"), "target \"12,3,4\": more than one decimal comma");
  EXPECT_EQ(TargetError("abc"), "target \"abc\": expected a number");
  EXPECT_EQ(TargetError(""), "target \"\": empty (write \"-\" for nothing planned)");
}

TEST(ValueParser, ReadsWholeRupiah) {
  std::string error;
  std::optional<v1::Money> dotted = ParseRupiah("175.000.000", &error);
  ASSERT_TRUE(dotted.has_value()) << error;
  EXPECT_EQ(dotted->rupiah(), 175000000);
  EXPECT_TRUE(dotted->present());
  EXPECT_EQ(dotted->written(), "175.000.000");
  std::optional<v1::Money> plain = ParseRupiah("Rp 1234567,00", &error);
  ASSERT_TRUE(plain.has_value()) << error;
  EXPECT_EQ(plain->rupiah(), 1234567);
  EXPECT_EQ(plain->written(), "1234567,00");

  EXPECT_FALSE(ParseRupiah("-5.000", &error).has_value());
  EXPECT_EQ(error, "money \"-5.000\": negative amount");
  EXPECT_FALSE(ParseRupiah("12,5", &error).has_value());
  EXPECT_EQ(error, "money \"12,5\": a fraction of a Rupiah");
  EXPECT_FALSE(ParseRupiah("1.50", &error).has_value());
  EXPECT_FALSE(ParseRupiah("-", &error).has_value());
}

TEST(ChangeParser, ReadsEachChangeOption) {
  std::string error;
  std::optional<v1::Change> target =
      ParseChange(ChangeKind::kSetTarget, "1.06.04.2.01.0001#1:2025=220 Orang", &error);
  ASSERT_TRUE(target.has_value()) << error;
  EXPECT_EQ(target->set_target().indicator_id(), "1.06.04.2.01.0001#1");
  EXPECT_EQ(target->set_target().year(), 2025);
  EXPECT_EQ(target->set_target().value().written(), "220 Orang");

  std::optional<v1::Change> funding =
      ParseChange(ChangeKind::kSetFunding, "1.06.05.2.02.001:2025=175.000.000", &error);
  ASSERT_TRUE(funding.has_value()) << error;
  EXPECT_EQ(funding->set_funding().node_code(), "1.06.05.2.02.001");
  EXPECT_EQ(funding->set_funding().amount().rupiah(), 175000000);

  std::optional<v1::Change> replace = ParseChange(
      ChangeKind::kReplaceIndicator,
      "1.06.04.2.01.0001#1:2025=Persentase PPKS terlayani|%|2025=80%;2026=4,19-4,90", &error);
  ASSERT_TRUE(replace.has_value()) << error;
  EXPECT_EQ(replace->replace_indicator().from_year(), 2025);
  EXPECT_EQ(replace->replace_indicator().statement(), "Persentase PPKS terlayani");
  EXPECT_EQ(replace->replace_indicator().unit(), "%");
  ASSERT_EQ(replace->replace_indicator().targets_size(), 2);
  EXPECT_EQ(replace->replace_indicator().targets(1).value().kind(), v1::TargetValue::RANGE);

  std::optional<v1::Change> add = ParseChange(
      ChangeKind::kAddSubActivity,
      "1.06.04.2.01.0099=Sub Baru|Jumlah orang|Orang|2025=10 Orang|2025=50.000.000", &error);
  ASSERT_TRUE(add.has_value()) << error;
  EXPECT_EQ(add->add_sub_activity().code(), "1.06.04.2.01.0099");
  EXPECT_EQ(add->add_sub_activity().name(), "Sub Baru");
  EXPECT_EQ(add->add_sub_activity().targets(0).value().low().units(), 10);
  EXPECT_EQ(add->add_sub_activity().funding(0).amount().rupiah(), 50000000);

  std::optional<v1::Change> retire =
      ParseChange(ChangeKind::kRetireSubActivity, "1.06.04.2.01.0008:2025", &error);
  ASSERT_TRUE(retire.has_value()) << error;
  EXPECT_EQ(retire->retire_sub_activity().code(), "1.06.04.2.01.0008");
  EXPECT_EQ(retire->retire_sub_activity().from_year(), 2025);
}

TEST(ChangeParser, NamesTheOptionAndTheReason) {
  std::string error;
  EXPECT_FALSE(ParseChange(ChangeKind::kSetTarget, "1.06.04.2.01.0001#1=220", &error));
  EXPECT_EQ(error,
            "--set-target \"1.06.04.2.01.0001#1=220\": bentuknya harus ID_INDIKATOR:TAHUN=NILAI");
  EXPECT_FALSE(ParseChange(ChangeKind::kSetFunding, "1.06.05:25=1", &error));
  EXPECT_EQ(error, "--set-funding \"1.06.05:25=1\": year \"25\" is not a four-digit year");
  EXPECT_FALSE(ParseChange(ChangeKind::kAddSubActivity, "1.06.04.2.01.0099=Nama|Ind", &error));
  EXPECT_EQ(error,
            "--add-sub \"1.06.04.2.01.0099=Nama|Ind\": expected NAME|INDICATOR|UNIT after '='");
}

}  // namespace
}  // namespace renstra
