#include "domain/target_value.h"

#include <string>

#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"

namespace renstra {
namespace {

using ::renstra::testing::IsOk;
using ::renstra::testing::StatusIs;
using ::testing::HasSubstr;

using Kind = TargetValue::Kind;

TargetValue MustParse(std::string_view text) {
  absl::StatusOr<TargetValue> t = TargetValue::Parse(text);
  EXPECT_THAT(t, IsOk()) << "\"" << text << "\": " << t.status();
  return t.ok() ? *t : TargetValue();
}

void ExpectRejected(std::string_view text, std::string_view reason) {
  absl::StatusOr<TargetValue> t = TargetValue::Parse(text);
  EXPECT_THAT(t, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(std::string(reason))))
      << text;
}

void ExpectDecimal(const Decimal& d, int64_t units, int scale) {
  EXPECT_EQ(d.units(), units);
  EXPECT_EQ(d.scale(), scale);
}

TEST(TargetValueParseTest, Percent) {
  TargetValue t = MustParse("100%");
  EXPECT_EQ(t.kind(), Kind::kPercent);
  ExpectDecimal(t.low(), 100, 0);
  EXPECT_EQ(t.unit(), "%");
  EXPECT_EQ(t.NormalizedUnit(), "%");
  EXPECT_EQ(t.written(), "100%");

  t = MustParse("4,5%");
  EXPECT_EQ(t.kind(), Kind::kPercent);
  ExpectDecimal(t.low(), 45, 1);

  t = MustParse("100 %");
  EXPECT_EQ(t.kind(), Kind::kPercent);
  EXPECT_EQ(t.ToIndonesian(), "100%");
  EXPECT_EQ(t.written(), "100 %");
}

TEST(TargetValueParseTest, NumberWithUnit) {
  TargetValue t = MustParse("36 Dokumen");
  EXPECT_EQ(t.kind(), Kind::kNumber);
  ExpectDecimal(t.low(), 36, 0);
  EXPECT_EQ(t.unit(), "Dokumen");
  EXPECT_EQ(t.NormalizedUnit(), "dokumen");

  t = MustParse("139.700 Orang");
  EXPECT_EQ(t.kind(), Kind::kNumber);
  ExpectDecimal(t.low(), 139700, 0);
  EXPECT_EQ(t.unit(), "Orang");

  t = MustParse("8.397 Keluarga");
  ExpectDecimal(t.low(), 8397, 0);
  EXPECT_EQ(t.unit(), "Keluarga");

  t = MustParse("2.450 Orang");
  ExpectDecimal(t.low(), 2450, 0);
  EXPECT_EQ(t.unit(), "Orang");
}

TEST(TargetValueParseTest, UnitWithoutSpace) {
  const TargetValue t = MustParse("1349Orang");
  EXPECT_EQ(t.kind(), Kind::kNumber);
  ExpectDecimal(t.low(), 1349, 0);
  EXPECT_EQ(t.unit(), "Orang");
  EXPECT_EQ(t.written(), "1349Orang");
  EXPECT_EQ(t.ToIndonesian(), "1.349 Orang");
  EXPECT_EQ(t.Display(), "1349Orang");
}

TEST(TargetValueParseTest, LowerCaseUnitKeptAsWritten) {
  const TargetValue t = MustParse("1 laporan");
  EXPECT_EQ(t.kind(), Kind::kNumber);
  ExpectDecimal(t.low(), 1, 0);
  EXPECT_EQ(t.unit(), "laporan");
  EXPECT_EQ(t.NormalizedUnit(), "laporan");
  EXPECT_EQ(MustParse("1 Laporan").NormalizedUnit(), "laporan");
}

TEST(TargetValueParseTest, BareNumber) {
  TargetValue t = MustParse("0");
  EXPECT_EQ(t.kind(), Kind::kNumber);
  ExpectDecimal(t.low(), 0, 0);
  EXPECT_EQ(t.unit(), "");
  EXPECT_FALSE(t.IsBlank());

  // A Rupiah amount that slid into a target column still reads as a number.
  t = MustParse("4.584.600.968");
  EXPECT_EQ(t.kind(), Kind::kNumber);
  ExpectDecimal(t.low(), 4584600968, 0);
}

TEST(TargetValueParseTest, Range) {
  TargetValue t = MustParse("4,19-4,90");
  EXPECT_EQ(t.kind(), Kind::kRange);
  ExpectDecimal(t.low(), 419, 2);
  ExpectDecimal(t.high(), 490, 2);
  EXPECT_EQ(t.unit(), "");

  t = MustParse("4,19 - 4,90");
  EXPECT_EQ(t.kind(), Kind::kRange);
  ExpectDecimal(t.low(), 419, 2);
  ExpectDecimal(t.high(), 490, 2);
  EXPECT_EQ(t.ToIndonesian(), "4,19-4,90");
  EXPECT_EQ(t.written(), "4,19 - 4,90");

  t = MustParse(
      "4,19\xE2\x80\x93"
      "4,90");  // en dash
  EXPECT_EQ(t.kind(), Kind::kRange);
  ExpectDecimal(t.high(), 490, 2);

  t = MustParse("80-90%");
  EXPECT_EQ(t.kind(), Kind::kRange);
  EXPECT_EQ(t.unit(), "%");
  EXPECT_EQ(t.ToIndonesian(), "80-90%");

  t = MustParse("10-20 Orang");
  EXPECT_EQ(t.kind(), Kind::kRange);
  EXPECT_EQ(t.unit(), "Orang");
  EXPECT_EQ(t.ToIndonesian(), "10-20 Orang");

  // Equal ends are a (degenerate) range, not an error.
  EXPECT_EQ(MustParse("5-5").kind(), Kind::kRange);
}

TEST(TargetValueParseTest, Bound) {
  TargetValue t = MustParse("> 351");
  EXPECT_EQ(t.kind(), Kind::kBound);
  EXPECT_EQ(t.bound_op(), ">");
  ExpectDecimal(t.low(), 351, 0);
  EXPECT_EQ(t.unit(), "");

  t = MustParse(">351");
  EXPECT_EQ(t.kind(), Kind::kBound);
  EXPECT_EQ(t.bound_op(), ">");
  ExpectDecimal(t.low(), 351, 0);
  EXPECT_EQ(t.ToIndonesian(), "> 351");
  EXPECT_EQ(t.Display(), ">351");

  t = MustParse(">= 80%");
  EXPECT_EQ(t.kind(), Kind::kBound);
  EXPECT_EQ(t.bound_op(), ">=");
  ExpectDecimal(t.low(), 80, 0);
  EXPECT_EQ(t.unit(), "%");
  EXPECT_EQ(t.NormalizedUnit(), "%");
  EXPECT_EQ(t.ToIndonesian(), ">= 80%");

  t = MustParse("< 5 Orang");
  EXPECT_EQ(t.bound_op(), "<");
  EXPECT_EQ(t.unit(), "Orang");

  EXPECT_EQ(MustParse("<=5").bound_op(), "<=");
}

TEST(TargetValueParseTest, UnicodeBoundOperatorsBecomeAscii) {
  TargetValue t = MustParse("\xE2\x89\xA5 80%");  // ≥
  EXPECT_EQ(t.kind(), Kind::kBound);
  EXPECT_EQ(t.bound_op(), ">=");
  EXPECT_EQ(t.ToIndonesian(), ">= 80%");

  t = MustParse(
      "\xE2\x89\xA4"
      "5");  // ≤
  EXPECT_EQ(t.bound_op(), "<=");
}

TEST(TargetValueParseTest, BoundRange) {
  const TargetValue t = MustParse("> 201-350");
  EXPECT_EQ(t.kind(), Kind::kBoundRange);
  EXPECT_EQ(t.bound_op(), ">");
  ExpectDecimal(t.low(), 201, 0);
  ExpectDecimal(t.high(), 350, 0);
  EXPECT_EQ(t.ToIndonesian(), "> 201-350");
}

TEST(TargetValueParseTest, NotAvailable) {
  for (const char* text : {"N/A", "n/a", "NA", "na"}) {
    const TargetValue t = MustParse(text);
    EXPECT_EQ(t.kind(), Kind::kNotAvailable) << text;
    EXPECT_TRUE(t.IsBlank());
    EXPECT_EQ(t.ToIndonesian(), "N/A");
    EXPECT_EQ(t.written(), text);
  }
}

TEST(TargetValueParseTest, Dashes) {
  TargetValue t = MustParse("-");
  EXPECT_EQ(t.kind(), Kind::kNone);
  EXPECT_TRUE(t.IsBlank());
  EXPECT_EQ(t.ToIndonesian(), "-");

  t = MustParse("\xE2\x80\x93");  // en dash
  EXPECT_EQ(t.kind(), Kind::kNone);
  EXPECT_EQ(t.ToIndonesian(), "-");
  EXPECT_EQ(t.Display(), "\xE2\x80\x93");
}

TEST(TargetValueParseTest, Empty) {
  TargetValue t = MustParse("");
  EXPECT_EQ(t.kind(), Kind::kEmpty);
  EXPECT_TRUE(t.IsBlank());
  EXPECT_EQ(t.ToIndonesian(), "");
  EXPECT_EQ(t.Display(), "");

  t = MustParse("   ");
  EXPECT_EQ(t.kind(), Kind::kEmpty);
  EXPECT_EQ(t.written(), "");
}

TEST(TargetValueParseTest, TrimsAndCollapsesSpaces) {
  const TargetValue t = MustParse("  36   Dokumen ");
  EXPECT_EQ(t.kind(), Kind::kNumber);
  ExpectDecimal(t.low(), 36, 0);
  EXPECT_EQ(t.unit(), "Dokumen");
  EXPECT_EQ(t.written(), "36 Dokumen");
  EXPECT_EQ(MustParse("36\xC2\xA0"
                      "Dokumen")  // non-breaking space
                .unit(),
            "Dokumen");
  EXPECT_EQ(MustParse("2 Kelompok  Usaha").unit(), "Kelompok Usaha");
}

TEST(TargetValueParseTest, Negative) {
  const TargetValue t = MustParse("-0,5%");
  EXPECT_EQ(t.kind(), Kind::kPercent);
  ExpectDecimal(t.low(), -5, 1);
}

TEST(TargetValueParseTest, Rejects) {
  ExpectRejected("abc", "expected a number");
  ExpectRejected("Dokumen 36", "expected a number");
  ExpectRejected("4,19-", "range without a high end");
  ExpectRejected("4,19 -", "range without a high end");
  ExpectRejected("> ", "bound without a number");
  ExpectRejected(">", "bound without a number");
  ExpectRejected("12,3,4", "more than one decimal comma");
  ExpectRejected("1.23 Orang", "thousands groups must have three digits");
  ExpectRejected("4,19-4.9", "thousands groups must have three digits");
  ExpectRejected("100% Orang", "after the number");
  ExpectRejected("36 (Dokumen)", "after the number");
  ExpectRejected("- 5", "expected a number");
  ExpectRejected("NAN", "expected a number");
}

TEST(TargetValueParseTest, RejectsReversedRange) {
  ExpectRejected("4,90-4,19", "range low end 4,90 is above its high end 4,19");
  ExpectRejected("> 350-201", "range low end 350 is above its high end 201");
}

TEST(TargetValueParseTest, MessageNamesTheText) {
  absl::StatusOr<TargetValue> t = TargetValue::Parse("4,19-");
  EXPECT_THAT(t, StatusIs(absl::StatusCode::kInvalidArgument,
                          "target \"4,19-\": range without a high end"));
}

TEST(TargetValueTest, RoundTripsCanonicalText) {
  for (const char* text :
       {"36 Dokumen", "100%", "4,5%", "139.700 Orang", "1 laporan", "0", "4,19-4,90", "> 351",
        "> 201-350", ">= 80%", "<= 5 Orang", "N/A", "-", ""}) {
    const TargetValue t = MustParse(text);
    EXPECT_EQ(t.ToIndonesian(), text);
    EXPECT_EQ(t.Display(), text);
  }
}

TEST(TargetValueTest, Factories) {
  TargetValue t = TargetValue::Number(Decimal::FromInt(36), "Dokumen");
  EXPECT_EQ(t.kind(), Kind::kNumber);
  EXPECT_EQ(t.written(), "");
  EXPECT_EQ(t.ToIndonesian(), "36 Dokumen");
  EXPECT_EQ(t.Display(), "36 Dokumen");
  EXPECT_EQ(t, MustParse("36 dokumen"));

  EXPECT_EQ(TargetValue::Number(Decimal::FromInt(2000), "").ToIndonesian(), "2.000");

  t = TargetValue::Percent(Decimal(45, 1));
  EXPECT_EQ(t.kind(), Kind::kPercent);
  EXPECT_EQ(t.unit(), "%");
  EXPECT_EQ(t.ToIndonesian(), "4,5%");
  EXPECT_EQ(t, MustParse("4,50%"));

  EXPECT_EQ(TargetValue::None().kind(), Kind::kNone);
  EXPECT_EQ(TargetValue::None().ToIndonesian(), "-");
  EXPECT_EQ(TargetValue::NotAvailable().kind(), Kind::kNotAvailable);
  EXPECT_EQ(TargetValue::NotAvailable().ToIndonesian(), "N/A");
  EXPECT_EQ(TargetValue().kind(), Kind::kEmpty);
}

TEST(TargetValueTest, Equality) {
  // Written form and unit case do not matter; numbers compare across scales.
  EXPECT_EQ(MustParse("1349Orang"), MustParse("1.349 orang"));
  EXPECT_EQ(MustParse("4,19 - 4,90"), MustParse("4,19-4,9"));
  EXPECT_EQ(MustParse(">351"), MustParse("> 351"));
  EXPECT_EQ(MustParse("N/A"), MustParse("na"));
  EXPECT_EQ(MustParse("-"), MustParse("\xE2\x80\x93"));
  EXPECT_EQ(MustParse("\xE2\x89\xA5 80%"), MustParse(">= 80%"));

  EXPECT_FALSE(MustParse("36 Dokumen") == MustParse("36 Laporan"));
  EXPECT_FALSE(MustParse("36 Dokumen") == MustParse("37 Dokumen"));
  EXPECT_FALSE(MustParse("36") == MustParse("36 Dokumen"));
  EXPECT_FALSE(MustParse("100%") == MustParse("100"));
  EXPECT_FALSE(MustParse("> 351") == MustParse(">= 351"));
  EXPECT_FALSE(MustParse("> 351") == MustParse("351"));
  EXPECT_FALSE(MustParse("4,19-4,90") == MustParse("4,19-5"));
  EXPECT_FALSE(MustParse("-") == MustParse(""));
  EXPECT_FALSE(MustParse("-") == MustParse("N/A"));
}

TEST(TargetValueTest, ProtoRoundTripKeepsEverything) {
  for (const char* text :
       {"36 Dokumen", "1349Orang", "  36   Dokumen ", "100%", "4,5%", "4,19 - 4,90", ">351",
        "\xE2\x89\xA5 80%", "> 201-350", "N/A", "n/a", "-", "\xE2\x80\x93", "", "0"}) {
    const TargetValue t = MustParse(text);
    v1::TargetValue proto;
    t.ToProto(&proto);
    const TargetValue back = TargetValue::FromProto(proto);
    EXPECT_EQ(back, t) << text;
    EXPECT_EQ(back.kind(), t.kind()) << text;
    EXPECT_EQ(back.low().units(), t.low().units()) << text;
    EXPECT_EQ(back.low().scale(), t.low().scale()) << text;
    EXPECT_EQ(back.high().units(), t.high().units()) << text;
    EXPECT_EQ(back.high().scale(), t.high().scale()) << text;
    EXPECT_EQ(back.unit(), t.unit()) << text;
    EXPECT_EQ(back.bound_op(), t.bound_op()) << text;
    EXPECT_EQ(back.written(), t.written()) << text;

    v1::TargetValue again;
    back.ToProto(&again);
    EXPECT_EQ(again.SerializeAsString(), proto.SerializeAsString()) << text;
  }
}

TEST(TargetValueTest, ProtoFields) {
  v1::TargetValue proto;
  MustParse("> 201-350").ToProto(&proto);
  EXPECT_EQ(proto.kind(), v1::TargetValue::BOUND_RANGE);
  EXPECT_EQ(proto.low().units(), 201);
  EXPECT_EQ(proto.high().units(), 350);
  EXPECT_EQ(proto.bound_op(), ">");
  EXPECT_EQ(proto.written(), "> 201-350");

  MustParse("").ToProto(&proto);
  EXPECT_EQ(proto.kind(), v1::TargetValue::EMPTY);

  // An unset kind (e.g. a message from a client that left it out) reads as blank.
  EXPECT_EQ(TargetValue::FromProto(v1::TargetValue()).kind(), Kind::kEmpty);
}

// The texts live out of line: copies, assignments and moves keep every one exactly.
TEST(TargetValueCopyTest, CopiesAssignmentsAndMovesKeepTheTexts) {
  const TargetValue bound = *TargetValue::Parse("> 201-350 Desa");
  const TargetValue blank;
  TargetValue copy = bound;
  EXPECT_EQ(copy.kind(), Kind::kBoundRange);
  EXPECT_EQ(copy.bound_op(), ">");
  EXPECT_EQ(copy.unit(), "Desa");
  EXPECT_EQ(copy.written(), "> 201-350 Desa");
  EXPECT_EQ(copy.high(), Decimal::FromInt(350));
  EXPECT_EQ(&copy.unit() == &bound.unit(), false);  // its own texts

  copy = blank;  // non-blank ← blank
  EXPECT_EQ(copy.kind(), Kind::kEmpty);
  EXPECT_EQ(copy.unit(), "");
  EXPECT_EQ(copy.bound_op(), "");
  EXPECT_EQ(copy.written(), "");
  copy = *TargetValue::Parse("100%");  // blank ← non-blank (a move)
  EXPECT_EQ(copy.ToIndonesian(), "100%");
  copy = bound;  // non-blank ← non-blank
  EXPECT_EQ(copy.Display(), "> 201-350 Desa");
  const TargetValue& same = copy;
  copy = same;  // self-assignment
  EXPECT_EQ(copy.written(), "> 201-350 Desa");

  TargetValue moved = std::move(copy);
  EXPECT_EQ(moved.bound_op(), ">");
  EXPECT_EQ(moved, bound);
  EXPECT_EQ(TargetValue::Number(Decimal::FromInt(36), "").unit(), "");
  EXPECT_EQ(TargetValue::Number(Decimal::FromInt(36), "Dokumen").ToIndonesian(), "36 Dokumen");
  EXPECT_EQ(TargetValue::Percent(Decimal::FromInt(5)).unit(), "%");

  v1::TargetValue proto;
  bound.ToProto(&proto);
  const TargetValue back = TargetValue::FromProto(proto);
  EXPECT_EQ(back.written(), "> 201-350 Desa");
  EXPECT_EQ(back.bound_op(), ">");
  EXPECT_EQ(back.unit(), "Desa");
  v1::TargetValue blank_proto;
  blank.ToProto(&blank_proto);
  EXPECT_EQ(blank_proto.unit(), "");
  EXPECT_EQ(blank_proto.bound_op(), "");
  EXPECT_EQ(blank_proto.written(), "");
}

}  // namespace
}  // namespace renstra
