// Small string helpers shared by the domain's parsers, and the bridge between
// std::string_view and absl::string_view.
//
// Debian's Abseil 20220623 is built with its own absl::string_view (not an alias of
// std::string_view), so Abseil's string functions and heterogeneous lookups need an
// explicit conversion from the std::string_view our interfaces use.
#ifndef RENSTRA_DOMAIN_STRINGS_H_
#define RENSTRA_DOMAIN_STRINGS_H_

#include <string_view>

#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"

namespace renstra {

inline absl::string_view AsAbsl(std::string_view s) {
  return absl::string_view(s.data(), s.size());
}

// ASCII digit test that does not depend on the locale.
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// `s` without leading and trailing ASCII white space.
inline std::string_view TrimAscii(std::string_view s) {
  while (!s.empty() && absl::ascii_isspace(static_cast<unsigned char>(s.front()))) {
    s.remove_prefix(1);
  }
  while (!s.empty() && absl::ascii_isspace(static_cast<unsigned char>(s.back()))) {
    s.remove_suffix(1);
  }
  return s;
}

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_STRINGS_H_
