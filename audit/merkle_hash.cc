#include "audit/merkle_hash.h"

#include <cstring>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "base/hex.h"
#include "base/sha256.h"

namespace renstra::merkle {
namespace {

constexpr uint8_t kLeafPrefix = 0x00;
constexpr uint8_t kNodePrefix = 0x01;

int HexDigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

Hash LeafHash(std::string_view leaf_bytes) {
  // Streamed: leaves can be large, so they are not copied to prepend the prefix byte.
  return Sha256Of(std::string_view(reinterpret_cast<const char*>(&kLeafPrefix), 1), leaf_bytes);
}

Hash NodeHash(const Hash& left, const Hash& right) {
  char input[1 + 2 * kHashSize];
  input[0] = static_cast<char>(kNodePrefix);
  std::memcpy(input + 1, left.data(), kHashSize);
  std::memcpy(input + 1 + kHashSize, right.data(), kHashSize);
  return Sha256Of(std::string_view(input, sizeof(input)));
}

Hash EmptyRoot() { return Sha256Of({}); }

std::string ToHex(const Hash& hash) {
  return renstra::ToHex(std::string_view(reinterpret_cast<const char*>(hash.data()), hash.size()));
}

absl::StatusOr<Hash> FromHex(std::string_view hex) {
  if (hex.size() != 2 * kHashSize) {
    return absl::InvalidArgumentError(
        absl::StrCat("a SHA-256 hash is ", 2 * kHashSize, " hex digits, got ", hex.size()));
  }
  Hash out;
  for (size_t i = 0; i < kHashSize; ++i) {
    const int hi = HexDigitValue(hex[2 * i]);
    const int lo = HexDigitValue(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("not a hex digit at position ", hi < 0 ? 2 * i : 2 * i + 1));
    }
    out[i] = static_cast<uint8_t>(hi << 4 | lo);
  }
  return out;
}

std::string ToBytes(const Hash& hash) {
  return std::string(reinterpret_cast<const char*>(hash.data()), hash.size());
}

absl::StatusOr<Hash> HashFromBytes(std::string_view bytes) {
  if (bytes.size() != kHashSize) {
    return absl::InvalidArgumentError(
        absl::StrCat("a SHA-256 hash is ", kHashSize, " bytes, got ", bytes.size()));
  }
  Hash out;
  std::memcpy(out.data(), bytes.data(), kHashSize);
  return out;
}

}  // namespace renstra::merkle
