#include "domain/text_limits.h"

#include <cstdio>

#include "absl/strings/str_cat.h"
#include "domain/strings.h"

namespace renstra {
namespace {

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// The size of the control character at `i`, or 0 when there is none: 1 for a C0 control
// or DEL, 2 for a C1 control (U+0080–U+009F is C2 80–C2 9F in UTF-8).
size_t ControlAt(std::string_view s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x20 || c == 0x7F) return 1;
  if (c == 0xC2 && i + 1 < s.size()) {
    const unsigned char next = static_cast<unsigned char>(s[i + 1]);
    if (next >= 0x80 && next <= 0x9F) return 2;
  }
  return 0;
}

// The longest prefix of `s` of at most `max_bytes` that ends on a character boundary.
size_t CutAt(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s.size();
  size_t cut = max_bytes;
  while (cut > 0 && IsContinuation(static_cast<unsigned char>(s[cut]))) --cut;
  return cut;
}

std::string CodePoint(std::string_view s, size_t i) {
  unsigned int cp = static_cast<unsigned char>(s[i]);
  if (ControlAt(s, i) == 2) cp = static_cast<unsigned char>(s[i + 1]);
  char buf[16];
  std::snprintf(buf, sizeof(buf), "U+%04X", cp);
  return buf;
}

}  // namespace

size_t FindControlCharacter(std::string_view value, bool multi_line) {
  for (size_t i = 0; i < value.size(); ++i) {
    if (ControlAt(value, i) == 0) continue;
    if (multi_line && (value[i] == '\n' || value[i] == '\t')) continue;
    return i;
  }
  return std::string_view::npos;
}

absl::Status CheckText(std::string_view field, std::string_view value, const TextRule& rule) {
  if (value.size() > rule.max_bytes) {
    return absl::InvalidArgumentError(absl::StrCat(AsAbsl(field), ": ", value.size(),
                                                   " bytes exceeds the limit of ", rule.max_bytes));
  }
  const size_t at = FindControlCharacter(value, rule.multi_line);
  if (at == std::string_view::npos) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat(AsAbsl(field), ": control character ", CodePoint(value, at), " at byte ", at,
                   rule.multi_line ? " is not allowed (only line feed and tab are)"
                                   : " is not allowed in a one-line field"));
}

std::string SafePrefix(std::string_view value, size_t max_bytes) {
  const size_t keep = CutAt(value, max_bytes);
  std::string out;
  out.reserve(keep + 16);
  for (size_t i = 0; i < keep; ++i) {
    const size_t control = ControlAt(value, i);
    if (control == 0) {
      out.push_back(value[i]);
      continue;
    }
    char buf[8];
    const unsigned char c = static_cast<unsigned char>(value[control == 2 ? i + 1 : i]);
    std::snprintf(buf, sizeof(buf), control == 2 ? "\\u%04x" : "\\x%02x", c);
    out += buf;
    i += control - 1;
  }
  if (keep < value.size()) absl::StrAppend(&out, "\xE2\x80\xA6(", value.size(), " bytes)");
  return out;
}

std::string EnvelopeReason(std::string_view text) {
  const size_t line_end = text.find('\n');
  std::string_view line = text.substr(0, line_end);
  const bool cut = line.size() > kEnvelopeReasonBytes || line_end != std::string_view::npos;
  line = line.substr(0, CutAt(line, kEnvelopeReasonBytes));
  std::string out(line);
  // Tabs are allowed in multi-line text; the reason is one line.
  for (char& c : out) {
    if (c == '\t') c = ' ';
  }
  if (cut) out += "\xE2\x80\xA6";
  return out;
}

}  // namespace renstra
