#include "domain/code.h"

#include <string>

#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"

namespace renstra {
namespace {

using ::renstra::testing::IsOk;
using ::renstra::testing::StatusIs;
using ::testing::HasSubstr;

Code MustParse(std::string_view text) {
  absl::StatusOr<Code> c = Code::Parse(text);
  EXPECT_THAT(c, IsOk()) << "\"" << text << "\": " << c.status();
  return c.ok() ? *c : Code();
}

void ExpectCanonical(std::string_view text, std::string_view canonical, v1::Level level) {
  const Code c = MustParse(text);
  EXPECT_EQ(c.canonical(), canonical) << text;
  EXPECT_EQ(c.level(), level) << text;
  EXPECT_EQ(c.written(), text) << text;
}

void ExpectRejected(std::string_view text, std::string_view reason) {
  absl::StatusOr<Code> c = Code::Parse(text);
  EXPECT_THAT(c, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(std::string(reason))))
      << text;
}

TEST(CodeParseTest, Programs) {
  ExpectCanonical("1.6.1", "1.06.01", v1::PROGRAM);
  ExpectCanonical("1.06.04", "1.06.04", v1::PROGRAM);
  ExpectCanonical("2.13.4", "2.13.04", v1::PROGRAM);
}

TEST(CodeParseTest, Activities) {
  ExpectCanonical("1.6.1.2.01", "1.06.01.2.01", v1::ACTIVITY);
  ExpectCanonical("1.06.04.2.01", "1.06.04.2.01", v1::ACTIVITY);
}

TEST(CodeParseTest, SubActivities) {
  ExpectCanonical("1.6.1.2.01.01", "1.06.01.2.01.0001", v1::SUB_ACTIVITY);
  ExpectCanonical("1.06.04.2.01.001", "1.06.04.2.01.0001", v1::SUB_ACTIVITY);
  ExpectCanonical("1.06.02.02.03.0005", "1.06.02.2.03.0005", v1::SUB_ACTIVITY);
  ExpectCanonical("2.13.4.2.01.11", "2.13.04.2.01.0011", v1::SUB_ACTIVITY);
  ExpectCanonical("1.06.03.2.01.01", "1.06.03.2.01.0001", v1::SUB_ACTIVITY);
  ExpectCanonical("1.06.04.2.01.0001", "1.06.04.2.01.0001", v1::SUB_ACTIVITY);
  ExpectCanonical("1.6.1.2.05.11", "1.06.01.2.05.0011", v1::SUB_ACTIVITY);
}

TEST(CodeParseTest, UrusanLevels) {
  Code c = MustParse("1");
  EXPECT_EQ(c.canonical(), "1");
  EXPECT_EQ(c.depth(), 1);
  EXPECT_EQ(c.level(), v1::LEVEL_UNSPECIFIED);

  c = MustParse("1.6");
  EXPECT_EQ(c.canonical(), "1.06");
  EXPECT_EQ(c.depth(), 2);
  EXPECT_EQ(c.level(), v1::LEVEL_UNSPECIFIED);
}

TEST(CodeParseTest, Depth) {
  EXPECT_EQ(MustParse("1.06.04").depth(), 3);
  EXPECT_EQ(MustParse("1.06.04.2.01").depth(), 5);
  EXPECT_EQ(MustParse("1.06.04.2.01.001").depth(), 6);
}

TEST(CodeParseTest, WrittenKeepsTrimmedInput) {
  const Code c = MustParse("  1.06.04.2.01.001 ");
  EXPECT_EQ(c.written(), "1.06.04.2.01.001");
  EXPECT_EQ(c.canonical(), "1.06.04.2.01.0001");
}

TEST(CodeParseTest, ZeroSegments) { EXPECT_EQ(MustParse("0.0.0").canonical(), "0.00.00"); }

TEST(CodeParseTest, Rejects) {
  ExpectRejected("", "empty code");
  ExpectRejected("   ", "empty code");
  ExpectRejected("1.06.04.2", "four segments");
  ExpectRejected("1..2", "segment 2 is empty");
  ExpectRejected("1.06.x", "segment 3 (\"x\") is not a number");
}

TEST(CodeParseTest, RejectsMalformed) {
  ExpectRejected("10.06.01", "segment 1 (\"10\") does not fit 1 digit");
  ExpectRejected("1.106.01", "segment 2 (\"106\") does not fit 2 digits");
  ExpectRejected("1.06.04.2.01.12345", "segment 6 (\"12345\") does not fit 4 digits");
  ExpectRejected("1.06.04.12.01", "segment 4 (\"12\") does not fit 1 digit");
  ExpectRejected("1.06.04.2.01.0001.1", "more than six segments");
  ExpectRejected("1.06.04.", "segment 4 is empty");
  ExpectRejected(".1.06", "segment 1 is empty");
  ExpectRejected("1.06.-4", "is not a number");
  ExpectRejected("1,06,04", "is not a number");
}

TEST(CodeParseTest, MessageNamesTheText) {
  absl::StatusOr<Code> c = Code::Parse("10.06.01");
  EXPECT_THAT(c, StatusIs(absl::StatusCode::kInvalidArgument,
                          "code \"10.06.01\": segment 1 (\"10\") does not fit 1 digit"));
}

TEST(CodeTest, ParentCanonical) {
  EXPECT_EQ(MustParse("1.6.1.2.01.01").ParentCanonical(), "1.06.01.2.01");
  EXPECT_EQ(MustParse("1.06.02.02.03.0005").ParentCanonical(), "1.06.02.2.03");
  EXPECT_EQ(MustParse("1.6.1.2.01").ParentCanonical(), "1.06.01");
  EXPECT_EQ(MustParse("1.6.1").ParentCanonical(), "");
  EXPECT_EQ(MustParse("1.06").ParentCanonical(), "");
  EXPECT_EQ(Code().ParentCanonical(), "");
}

TEST(CodeTest, ProgramCanonical) {
  EXPECT_EQ(MustParse("2.13.4.2.01.11").ProgramCanonical(), "2.13.04");
  EXPECT_EQ(MustParse("1.6.1.2.01").ProgramCanonical(), "1.06.01");
  EXPECT_EQ(MustParse("1.6.1").ProgramCanonical(), "1.06.01");
  EXPECT_EQ(MustParse("1.06").ProgramCanonical(), "");
  EXPECT_EQ(MustParse("1").ProgramCanonical(), "");
}

TEST(CodeTest, EqualityUsesCanonicalForm) {
  EXPECT_EQ(MustParse("1.6.1.2.01.01"), MustParse("1.06.01.2.01.0001"));
  EXPECT_EQ(MustParse("1.06.02.02.03.0005"), MustParse("1.06.02.2.03.0005"));
  EXPECT_FALSE(MustParse("1.06.01") == MustParse("1.06.02"));
}

TEST(CodeTest, OrderIsNumericDepthFirst) {
  // "1.6.10" would sort before "1.6.9" as written text; canonical widths fix that.
  EXPECT_LT(MustParse("1.6.9"), MustParse("1.6.10"));
  EXPECT_LT(MustParse("1.06.04"), MustParse("1.06.04.2.01"));
  EXPECT_LT(MustParse("1.06.04.2.01"), MustParse("1.06.04.2.01.0001"));
  EXPECT_LT(MustParse("1.06.04.2.01.0009"), MustParse("1.06.04.2.01.0010"));
  EXPECT_LT(MustParse("1.06.04.2.01.0010"), MustParse("1.06.04.2.02"));
  EXPECT_LT(MustParse("1.06.07"), MustParse("2.13.04"));
}

TEST(CodeTest, LooksLikeCode) {
  EXPECT_TRUE(Code::LooksLikeCode("1.06"));
  EXPECT_TRUE(Code::LooksLikeCode("1.6.1"));
  EXPECT_TRUE(Code::LooksLikeCode("1.06.04.2.01.001"));
  EXPECT_TRUE(Code::LooksLikeCode(" 1.06.04 "));
  // Malformed but code-shaped: the importer should report it, not treat it as a name.
  EXPECT_TRUE(Code::LooksLikeCode("1..2"));

  EXPECT_FALSE(Code::LooksLikeCode("1"));
  EXPECT_FALSE(Code::LooksLikeCode(""));
  EXPECT_FALSE(Code::LooksLikeCode("1.06."));
  EXPECT_FALSE(Code::LooksLikeCode(".1.06"));
  EXPECT_FALSE(Code::LooksLikeCode("1.06.x"));
  EXPECT_FALSE(Code::LooksLikeCode("PROGRAM REHABILITASI SOSIAL"));
  EXPECT_FALSE(Code::LooksLikeCode("4,19"));
  EXPECT_FALSE(Code::LooksLikeCode("1. 06"));
}

}  // namespace
}  // namespace renstra
