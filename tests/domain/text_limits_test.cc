#include "domain/text_limits.h"

#include <gtest/gtest.h>

#include <string>

#include "domain/user_name.h"
#include "tests/testing/status_matchers.h"

namespace renstra {
namespace {

using ::renstra::testing::IsOk;

TEST(CheckTextTest, AcceptsTextWithinItsLimit) {
  EXPECT_THAT(CheckText("justification", std::string(8192, 'x'), kJustificationText), IsOk());
  EXPECT_THAT(CheckText("justification", "baris satu\nbaris\tdua", kJustificationText), IsOk());
  EXPECT_THAT(CheckText("title", "Penyesuaian target 2025 \xE2\x80\x93 permakanan", kTitleText),
              IsOk());
}

TEST(CheckTextTest, RefusesTextOverItsLimitNamingFieldAndLimit) {
  const absl::Status s = CheckText("justification", std::string(10 << 20, 'x'), kJustificationText);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "justification: 10485760 bytes exceeds the limit of 8192");
  EXPECT_EQ(CheckText("unit", std::string(129, 'u'), kUnitText).message(),
            "unit: 129 bytes exceeds the limit of 128");
}

TEST(CheckTextTest, RefusesControlCharactersNamingCodePointAndOffset) {
  EXPECT_EQ(CheckText("justification", "ok \x1b[31mmerah", kJustificationText).message(),
            "justification: control character U+001B at byte 3 is not allowed (only line "
            "feed and tab are)");
  EXPECT_EQ(CheckText("note", "a\rb", kNoteText).message(),
            "note: control character U+000D at byte 1 is not allowed (only line feed and tab "
            "are)");
  EXPECT_EQ(CheckText("title", "dua\nbaris", kTitleText).message(),
            "title: control character U+000A at byte 3 is not allowed in a one-line field");
  EXPECT_EQ(CheckText("evidence_ref", "BA\t17", kEvidenceText).message(),
            "evidence_ref: control character U+0009 at byte 2 is not allowed in a one-line "
            "field");
  EXPECT_EQ(CheckText("display_name", std::string("a\0b", 3), kDisplayNameText).message(),
            "display_name: control character U+0000 at byte 1 is not allowed in a one-line "
            "field");
  EXPECT_EQ(CheckText("name", "bel\x07", kNameText).message(),
            "name: control character U+0007 at byte 3 is not allowed in a one-line field");
  EXPECT_EQ(CheckText("name", "del\x7f", kNameText).message(),
            "name: control character U+007F at byte 3 is not allowed in a one-line field");
  // C1: U+009B (CSI) is C2 9B in UTF-8.
  EXPECT_EQ(CheckText("unit", "Orang\xC2\x9B", kUnitText).message(),
            "unit: control character U+009B at byte 5 is not allowed in a one-line field");
  // U+00A0 (no-break space, C2 A0) is text, not a control.
  EXPECT_THAT(CheckText("unit", "Orang\xC2\xA0KK", kUnitText), IsOk());
}

TEST(SafePrefixTest, KeepsShortCleanValues) { EXPECT_EQ(SafePrefix("Orang"), "Orang"); }

TEST(SafePrefixTest, CutsLongValuesAtACharacterBoundaryAndGivesTheSize) {
  EXPECT_EQ(SafePrefix(std::string(100 << 10, 'u')),
            std::string(kQuotedPrefixBytes, 'u') + "\xE2\x80\xA6(102400 bytes)");
  // "é" is two bytes: the cut does not split it.
  const std::string text = std::string(47, 'a') + "\xC3\xA9" + "zzz";
  EXPECT_EQ(SafePrefix(text), std::string(47, 'a') + "\xE2\x80\xA6(52 bytes)");
}

TEST(SafePrefixTest, EscapesControlCharacters) {
  EXPECT_EQ(SafePrefix("a\x1b[2Jb\nc\xC2\x9B"), "a\\x1b[2Jb\\x0ac\\u009b");
}

TEST(EnvelopeReasonTest, KeepsAShortFirstLine) {
  EXPECT_EQ(EnvelopeReason("Jumlah penerima bertambah"), "Jumlah penerima bertambah");
  EXPECT_EQ(EnvelopeReason("Baris pertama\nbaris kedua"), "Baris pertama\xE2\x80\xA6");
  EXPECT_EQ(EnvelopeReason(std::string(8192, 'x')),
            std::string(kEnvelopeReasonBytes, 'x') + "\xE2\x80\xA6");
  EXPECT_EQ(EnvelopeReason(""), "");
}

TEST(UserNameTest, AcceptsOrdinaryNames) {
  for (const char* name : {"kadis", "bu.sari", "rehab_2", "a", "x-1"}) {
    EXPECT_THAT(CheckUserName("name", name), IsOk()) << name;
  }
}

TEST(UserNameTest, RefusesReservedNames) {
  for (const char* name : {"-", ".", "..", "anonymous", "renstrad", "system", "root"}) {
    const absl::Status s = CheckUserName("name", name);
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << name;
    EXPECT_EQ(s.message(), std::string("name: \"") + name + "\" is reserved for the system");
  }
}

TEST(UserNameTest, RefusesBadLengthCharsetAndEdges) {
  EXPECT_EQ(CheckUserName("name", "").message(), "name: 0 bytes; a user name has 1 to 32");
  EXPECT_EQ(CheckUserName("name", std::string(33, 'a')).message(),
            "name: 33 bytes; a user name has 1 to 32");
  EXPECT_EQ(CheckUserName("name", std::string(1 << 20, 'a')).message(),
            "name: 1048576 bytes; a user name has 1 to 32");
  EXPECT_EQ(CheckUserName("name", "Budi").message(),
            "name: \"Budi\" may hold only a-z, 0-9, '.', '_' and '-'");
  EXPECT_EQ(CheckUserName("name", "-sari").message(),
            "name: \"-sari\" must start and end with a letter or digit");
  EXPECT_EQ(CheckUserName("name", "sari.").message(),
            "name: \"sari.\" must start and end with a letter or digit");
}

}  // namespace
}  // namespace renstra
