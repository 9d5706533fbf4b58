#include "domain/cell_text.h"

#include <algorithm>

#include "absl/strings/ascii.h"

namespace renstra {

std::string CleanCell(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '<') {
      size_t close = raw.find('>', i);
      if (close != std::string_view::npos && close - i <= 5) {
        std::string_view tag = raw.substr(i + 1, close - i - 1);
        if (!tag.empty() && tag[0] == '/') tag.remove_prefix(1);
        if (!tag.empty() && std::all_of(tag.begin(), tag.end(), [](char c) {
              return absl::ascii_isalpha(static_cast<unsigned char>(c));
            })) {
          i = close;
          continue;
        }
      }
    }
    out.push_back(raw[i]);
  }
  // Non-breaking spaces (U+00A0) become plain spaces before trimming.
  for (size_t pos; (pos = out.find("\xC2\xA0")) != std::string::npos;) out.replace(pos, 2, " ");
  return std::string(absl::StripAsciiWhitespace(out));
}

}  // namespace renstra
