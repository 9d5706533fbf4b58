#include "audit/merkle_hash.h"

#include <openssl/evp.h>
#include <openssl/sha.h>

#include <cstdlib>
#include <cstring>
#include <memory>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

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
  // Streamed through an EVP context: leaves can be large, so they are not copied to
  // prepend the prefix byte.
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  Hash out;
  unsigned int length = 0;
  // These calls fail only on allocation failure or a broken OpenSSL installation; a log
  // that cannot hash must not produce tree heads, so treat it as fatal.
  if (ctx == nullptr || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1 ||
      EVP_DigestUpdate(ctx.get(), &kLeafPrefix, 1) != 1 ||
      EVP_DigestUpdate(ctx.get(), leaf_bytes.data(), leaf_bytes.size()) != 1 ||
      EVP_DigestFinal_ex(ctx.get(), out.data(), &length) != 1 || length != kHashSize) {
    std::abort();
  }
  return out;
}

Hash NodeHash(const Hash& left, const Hash& right) {
  // Fixed 65-byte input: the one-shot SHA256() (not deprecated in OpenSSL 3) avoids a
  // context allocation per node, which dominates when the server rebuilds a large tree.
  uint8_t input[1 + 2 * kHashSize];
  input[0] = kNodePrefix;
  std::memcpy(input + 1, left.data(), kHashSize);
  std::memcpy(input + 1 + kHashSize, right.data(), kHashSize);
  Hash out;
  if (SHA256(input, sizeof(input), out.data()) == nullptr) std::abort();
  return out;
}

Hash EmptyRoot() {
  static constexpr uint8_t kNothing[1] = {0};
  Hash out;
  if (SHA256(kNothing, 0, out.data()) == nullptr) std::abort();
  return out;
}

std::string ToHex(const Hash& hash) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * kHashSize);
  for (uint8_t b : hash) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 0xf]);
  }
  return out;
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
