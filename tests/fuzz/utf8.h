// IsValidUtf8: the rule protobuf applies to proto3 string fields on parsing. The
// services only ever receive UTF-8 (gRPC refuses a request whose strings are not), so the
// fuzz targets check the "serializes and parses back" invariants for UTF-8 input only.
#ifndef RENSTRA_TESTS_FUZZ_UTF8_H_
#define RENSTRA_TESTS_FUZZ_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace renstra::fuzz {

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or code points past
// U+10FFFF).
inline bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int extra = 0;
    uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      extra = 1;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      extra = 2;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      extra = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + extra >= s.size()) return false;  // truncated sequence
    for (int k = 1; k <= extra; ++k) {
      const unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += extra + 1;
  }
  return true;
}

}  // namespace renstra::fuzz

#endif  // RENSTRA_TESTS_FUZZ_UTF8_H_
