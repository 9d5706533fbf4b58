// Bridges std::string_view and absl::string_view.
//
// Debian's Abseil 20220623 is built with its own absl::string_view (not an alias of
// std::string_view), so Abseil's string functions and heterogeneous lookups need an
// explicit conversion from the std::string_view our interfaces use.
#ifndef RENSTRA_DOMAIN_STRINGS_H_
#define RENSTRA_DOMAIN_STRINGS_H_

#include <string_view>

#include "absl/strings/string_view.h"

namespace renstra {

inline absl::string_view AsAbsl(std::string_view s) {
  return absl::string_view(s.data(), s.size());
}

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_STRINGS_H_
