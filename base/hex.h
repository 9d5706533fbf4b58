// base/hex.h: lowercase hexadecimal, the one encoder for digests and salts in logs,
// files and messages.
//
// Thread safety: pure; any thread.
#ifndef RENSTRA_BASE_HEX_H_
#define RENSTRA_BASE_HEX_H_

#include <string>
#include <string_view>

namespace renstra {

// Two lowercase hex digits per byte of `bytes`.
std::string ToHex(std::string_view bytes);

}  // namespace renstra

#endif  // RENSTRA_BASE_HEX_H_
