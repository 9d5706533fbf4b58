// TreeHead: the audit log's signed statement "after `size` events the Merkle root was
// `root`", and its canonical byte form.
//
// The signature covers exactly these 69 bytes (all integers big endian):
//   offset  0  21 bytes  ASCII "renstra-tree-head-v1\n"   domain separation and version:
//                        a signature over a tree head can never be replayed as a
//                        signature over anything else the key signs, or over a v2 head
//   offset 21   8 bytes  size                  (uint64)
//   offset 29  32 bytes  root                  (MTH of the first `size` leaves)
//   offset 61   8 bytes  timestamp_micros      (int64, two's complement; microseconds since
//                                               the Unix epoch, when the head was signed)
// Fixed-width fields leave no ambiguity about where one ends, so no length prefixes are
// needed. The format is frozen: a change means a new domain string ("...-v2").
//
// Thread safety: pure functions, thread-safe.
// Errors: SignTreeHead() returns INTERNAL if OpenSSL fails; VerifyTreeHead() returns
// FAILED_PRECONDITION when the signature does not verify (see ed25519_key.h).
#ifndef RENSTRA_AUDIT_TREE_HEAD_H_
#define RENSTRA_AUDIT_TREE_HEAD_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "audit/ed25519_key.h"
#include "audit/merkle_hash.h"

namespace renstra::merkle {

inline constexpr std::string_view kTreeHeadDomain = "renstra-tree-head-v1\n";
inline constexpr size_t kSerializedTreeHeadSize = kTreeHeadDomain.size() + 8 + kHashSize + 8;

struct TreeHead {
  uint64_t size = 0;
  Hash root{};
  int64_t timestamp_micros = 0;

  friend bool operator==(const TreeHead&, const TreeHead&) = default;
};

// The canonical kSerializedTreeHeadSize bytes described above.
std::string SerializeTreeHead(const TreeHead& head);

// The 64-byte Ed25519 signature of SerializeTreeHead(head).
absl::StatusOr<std::string> SignTreeHead(const Ed25519PrivateKey& key, const TreeHead& head);

// OK iff `signature` is `key`'s signature of SerializeTreeHead(head).
absl::Status VerifyTreeHead(const Ed25519PublicKey& key, const TreeHead& head,
                            std::string_view signature);

}  // namespace renstra::merkle

#endif  // RENSTRA_AUDIT_TREE_HEAD_H_
