// RFC 6962 (section 2.1) hashing for the audit log's Merkle tree.
//
// Leaves and interior nodes are hashed with different one-byte prefixes (0x00 and 0x01)
// so that no interior node can be passed off as a leaf (second-preimage resistance):
//   LeafHash(d)    = SHA-256(0x00 || d)
//   NodeHash(l, r) = SHA-256(0x01 || l || r)
//   EmptyRoot()    = SHA-256("")            (the root of a tree with no leaves)
//
// This library (renstra_audit) is shared by the server and the CLI, so it depends on
// OpenSSL and Abseil only. Its names live in renstra::merkle because storage/envelope_hash.h
// already declares renstra::kHashSize and base/hex.h renstra::ToHex for raw std::string digests.
//
// Thread safety: all functions are pure and thread-safe.
// Errors: FromHex()/HashFromBytes() return INVALID_ARGUMENT for malformed input.
#ifndef RENSTRA_AUDIT_MERKLE_HASH_H_
#define RENSTRA_AUDIT_MERKLE_HASH_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "base/sha256.h"

namespace renstra::merkle {

// Size of a SHA-256 digest in bytes.
inline constexpr size_t kHashSize = 32;
static_assert(kHashSize == kSha256Size);

// A SHA-256 digest. A value type, so proofs (std::vector<Hash>) cannot hold a hash of the
// wrong length; bytes from the wire go through HashFromBytes() first.
using Hash = std::array<uint8_t, kHashSize>;

// SHA-256(0x00 || leaf_bytes): the hash of one log entry.
Hash LeafHash(std::string_view leaf_bytes);

// SHA-256(0x01 || left || right): the hash of an interior node.
Hash NodeHash(const Hash& left, const Hash& right);

// SHA-256 of the empty string: the root of the empty tree.
Hash EmptyRoot();

// Lowercase hexadecimal (64 characters).
std::string ToHex(const Hash& hash);

// Parses 64 hexadecimal characters (either case). INVALID_ARGUMENT otherwise.
absl::StatusOr<Hash> FromHex(std::string_view hex);

// The 32 raw bytes of `hash`, e.g. for a protobuf `bytes` field.
std::string ToBytes(const Hash& hash);

// Parses exactly 32 raw bytes. INVALID_ARGUMENT otherwise.
absl::StatusOr<Hash> HashFromBytes(std::string_view bytes);

}  // namespace renstra::merkle

#endif  // RENSTRA_AUDIT_MERKLE_HASH_H_
