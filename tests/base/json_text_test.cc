#include "base/json_text.h"

#include <string>

#include "gtest/gtest.h"

namespace renstra {
namespace {

TEST(JsonQuoteTest, EscapesQuotesBackslashesAndControlCharacters) {
  EXPECT_EQ(JsonQuote("a\"b\\c\n\r\t"), "\"a\\\"b\\\\c\\n\\r\\t\"");
  EXPECT_EQ(JsonQuote(std::string("\x01\x1f", 2)), "\"\\u0001\\u001f\"");
  EXPECT_EQ(JsonQuote(""), "\"\"");
}

// A value inside a <script> data block or an HTML page can neither close it nor be
// read as markup.
TEST(JsonQuoteTest, EscapesTheCharactersOfMarkup) {
  EXPECT_EQ(JsonQuote("</script><b>&amp;"), "\"\\u003c/script\\u003e\\u003cb\\u003e\\u0026amp;\"");
}

TEST(JsonQuoteTest, CopiesUtf8AsItIs) {
  EXPECT_EQ(JsonQuote("Rp 1.234.567 — “Perubahan”"), "\"Rp 1.234.567 — “Perubahan”\"");
}

}  // namespace
}  // namespace renstra
