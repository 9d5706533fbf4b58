#include "audit/merkle_verify.h"

#include <bit>
#include <string>

#include "absl/strings/str_cat.h"

namespace renstra::merkle {
namespace {

bool Lsb(uint64_t x) { return (x & 1) != 0; }

// RFC 9162: "right-shift both fn and sn equally until either LSB(fn) is set or fn is 0".
void ShiftUntilLsbOrZero(uint64_t& fn, uint64_t& sn) {
  while (!Lsb(fn) && fn != 0) {
    fn >>= 1;
    sn >>= 1;
  }
}

std::string ConsistencyName(uint64_t old_size, uint64_t new_size) {
  return absl::StrCat("consistency proof from size ", old_size, " to ", new_size);
}

}  // namespace

uint64_t InclusionProofLength(uint64_t index, uint64_t tree_size) {
  // Below the level where the paths to `index` and to the last leaf meet, every step has
  // a sibling ("inner" part); above it, only the steps where `index` is a right child do,
  // since the right edge of an unbalanced tree has missing siblings ("border" part).
  const int inner = std::bit_width(index ^ (tree_size - 1));
  return static_cast<uint64_t>(inner + std::popcount(index >> inner));
}

uint64_t ConsistencyProofLength(uint64_t old_size, uint64_t new_size) {
  if (old_size == 0 || old_size == new_size) return 0;
  // Levels below the old tree's last complete subtree are shared and need no hashes; the
  // rest is an inclusion proof for that subtree, plus the subtree itself unless it is the
  // whole old tree (old_size a power of two), whose root the verifier already has.
  const int shift = std::countr_zero(old_size);
  const uint64_t node = (old_size >> shift) - 1;
  const uint64_t last = (new_size - 1) >> shift;
  return (node == 0 ? 0 : 1) + InclusionProofLength(node, last + 1);
}

absl::StatusOr<Hash> RootFromInclusionProof(uint64_t index, uint64_t tree_size,
                                            const Hash& leaf_hash, absl::Span<const Hash> proof) {
  if (index >= tree_size) {
    return absl::InvalidArgumentError(
        absl::StrCat("leaf index ", index, " is not in a tree of size ", tree_size));
  }
  if (const uint64_t want = InclusionProofLength(index, tree_size); proof.size() != want) {
    return absl::InvalidArgumentError(absl::StrCat("inclusion proof for leaf ", index,
                                                   " in a tree of size ", tree_size, " has ",
                                                   proof.size(), " hashes, expected ", want));
  }
  // RFC 9162 section 2.1.3.2, steps 2-5.
  uint64_t fn = index;
  uint64_t sn = tree_size - 1;
  Hash r = leaf_hash;
  for (const Hash& p : proof) {
    if (sn == 0) {  // Unreachable after the length check; kept as in the RFC.
      return absl::InvalidArgumentError(absl::StrCat(
          "inclusion proof for leaf ", index, " is too long for a tree of size ", tree_size));
    }
    if (Lsb(fn) || fn == sn) {
      r = NodeHash(p, r);
      if (!Lsb(fn)) ShiftUntilLsbOrZero(fn, sn);
    } else {
      r = NodeHash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  if (sn != 0) {
    return absl::InvalidArgumentError(absl::StrCat("inclusion proof for leaf ", index,
                                                   " does not fit a tree of size ", tree_size));
  }
  return r;
}

absl::Status VerifyInclusion(uint64_t index, uint64_t tree_size, const Hash& leaf_hash,
                             absl::Span<const Hash> proof, const Hash& root) {
  absl::StatusOr<Hash> computed = RootFromInclusionProof(index, tree_size, leaf_hash, proof);
  if (!computed.ok()) return computed.status();
  if (*computed != root) {
    return absl::FailedPreconditionError(
        absl::StrCat("inclusion proof for leaf ", index, " in a tree of size ", tree_size,
                     " does not match the root of size ", tree_size));
  }
  return absl::OkStatus();
}

absl::Status VerifyConsistency(uint64_t old_size, uint64_t new_size, const Hash& old_root,
                               const Hash& new_root, absl::Span<const Hash> proof) {
  if (old_size > new_size) {
    return absl::InvalidArgumentError(
        absl::StrCat(ConsistencyName(old_size, new_size), ": the old size exceeds the new size"));
  }
  if (const uint64_t want = ConsistencyProofLength(old_size, new_size); proof.size() != want) {
    return absl::InvalidArgumentError(absl::StrCat(ConsistencyName(old_size, new_size), " has ",
                                                   proof.size(), " hashes, expected ", want));
  }
  if (old_size == 0 && old_root != EmptyRoot()) {
    return absl::FailedPreconditionError(
        "the root given for size 0 is not the empty-tree hash SHA-256(\"\")");
  }
  if (old_size == new_size) {
    if (old_root != new_root) {
      return absl::FailedPreconditionError(
          absl::StrCat("two different roots given for the same tree size ", old_size));
    }
    return absl::OkStatus();
  }
  if (old_size == 0) return absl::OkStatus();

  // RFC 9162 section 2.1.4.2, steps 2-7. Step 2 prepends old_root when old_size is a power
  // of two; here that is `seed` instead of a copy of the proof.
  const bool seed_is_old_root = std::has_single_bit(old_size);
  absl::Span<const Hash> rest = seed_is_old_root ? proof : proof.subspan(1);
  const Hash& seed = seed_is_old_root ? old_root : proof[0];
  uint64_t fn = old_size - 1;
  uint64_t sn = new_size - 1;
  while (Lsb(fn)) {
    fn >>= 1;
    sn >>= 1;
  }
  Hash fr = seed;
  Hash sr = seed;
  for (const Hash& c : rest) {
    if (sn == 0) {  // Unreachable after the length check; kept as in the RFC.
      return absl::InvalidArgumentError(
          absl::StrCat(ConsistencyName(old_size, new_size), " is too long for the tree sizes"));
    }
    if (Lsb(fn) || fn == sn) {
      fr = NodeHash(c, fr);
      sr = NodeHash(c, sr);
      if (!Lsb(fn)) ShiftUntilLsbOrZero(fn, sn);
    } else {
      sr = NodeHash(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  if (sn != 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(ConsistencyName(old_size, new_size), " does not fit the tree sizes"));
  }
  if (fr != old_root) {
    return absl::FailedPreconditionError(absl::StrCat(
        ConsistencyName(old_size, new_size), " does not match the root of size ", old_size));
  }
  if (sr != new_root) {
    return absl::FailedPreconditionError(absl::StrCat(
        ConsistencyName(old_size, new_size), " does not match the root of size ", new_size));
  }
  return absl::OkStatus();
}

}  // namespace renstra::merkle
