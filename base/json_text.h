// A text as a JSON string literal that is also safe inside HTML: the quotes, the
// backslash and control characters are escaped, and so are '<', '>' and '&' (as \u003c,
// \u003e, \u0026), so a value embedded in a <script> data block or an HTML page can
// never close the block or be read as markup. JSON.parse reads it back unchanged.
// Bytes >= 0x80 are copied as they are (the caller passes UTF-8).
#ifndef RENSTRA_BASE_JSON_TEXT_H_
#define RENSTRA_BASE_JSON_TEXT_H_

#include <string>
#include <string_view>

namespace renstra {

// "a\"b<" -> "\"a\\\"b\\u003c\"" (with the surrounding quotes).
std::string JsonQuote(std::string_view text);

}  // namespace renstra

#endif  // RENSTRA_BASE_JSON_TEXT_H_
