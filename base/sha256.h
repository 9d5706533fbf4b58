// base/sha256.h: SHA-256, the one implementation every layer uses (envelope chain
// hashes, Merkle leaves and nodes, token digests, the CLI's archive check).
//
// Thread safety: the functions are pure and may be called from any thread.
// Errors: none reported; OpenSSL fails here only on allocation failure or a broken
// installation, and a process that cannot hash must not write hashes, so it aborts.
#ifndef RENSTRA_BASE_SHA256_H_
#define RENSTRA_BASE_SHA256_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace renstra {

// Size in bytes of a SHA-256 digest.
inline constexpr size_t kSha256Size = 32;

using Sha256Digest = std::array<uint8_t, kSha256Size>;

// SHA-256 of `first` followed by `second`, without copying them together (the Merkle
// leaf hash prefixes one byte to a possibly large leaf).
Sha256Digest Sha256Of(std::string_view first, std::string_view second = {});

// SHA-256 of `bytes` as 32 raw bytes.
std::string Sha256(std::string_view bytes);

// Incremental SHA-256 over pieces fed in order (a file read in blocks). Final() once.
class Sha256Stream {
 public:
  Sha256Stream();
  ~Sha256Stream();
  Sha256Stream(const Sha256Stream&) = delete;
  Sha256Stream& operator=(const Sha256Stream&) = delete;

  void Update(const void* data, size_t n);
  // The 32-byte digest of everything passed to Update.
  std::string Final();

 private:
  struct Context;
  Context* ctx_;
};

}  // namespace renstra

#endif  // RENSTRA_BASE_SHA256_H_
