// MerkleTree: the append-only RFC 6962 Merkle tree over the audit log's leaf hashes.
//
// The server appends one leaf hash per event and answers, for any past tree size n:
//   Root(n)                    MTH(D[0:n])              (RFC 6962 2.1)
//   InclusionProof(index, n)   PATH(index, D[0:n])      (RFC 6962 2.1.1), leaf to root
//   ConsistencyProof(m, n)     PROOF(m, D[0:n])         (RFC 6962 2.1.2)
// Clients check the answers with merkle_verify.h, which does not need this class.
//
// Representation: levels_[k][i] is the hash of the complete, aligned subtree over leaves
// [i * 2^k, (i + 1) * 2^k); only complete subtrees are stored, so nothing is ever rewritten
// by Append(). Every subtree that appears in MTH/PATH/PROOF for a size n <= size() is either
// one stored entry or a right-edge chain of at most log2(n) stored entries, so each query
// costs O(log n) lookups and hashes, never O(n).
//
// Cost: Append() is amortized O(1) hashes (worst case log2(size) when it completes a
// subtree). Memory is about 2 hashes (64 bytes) per leaf: 1,000,000 events take ~64 MB,
// plus up to 2x transient slack while a level's std::vector reallocates.
//
// Thread safety: NOT thread-safe. Const methods may run concurrently with each other, but
// Append() needs exclusive access; the server guards the tree with its own mutex.
//
// Errors:
//   OUT_OF_RANGE      a tree size larger than size() (it may become valid as the log grows).
//   INVALID_ARGUMENT  a request that is never valid: leaf index >= tree size, or a
//                     consistency proof whose old size exceeds the new size.
#ifndef RENSTRA_AUDIT_MERKLE_TREE_H_
#define RENSTRA_AUDIT_MERKLE_TREE_H_

#include <cstdint>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "audit/merkle_hash.h"

namespace renstra::merkle {

class MerkleTree {
 public:
  MerkleTree() = default;

  // Appends the hash of the next leaf, normally LeafHash(entry bytes).
  void Append(const Hash& leaf_hash);

  // Number of leaves appended so far.
  uint64_t size() const { return levels_.empty() ? 0 : levels_[0].size(); }

  // The hash appended as leaf `index`. OUT_OF_RANGE if index >= size().
  absl::StatusOr<Hash> LeafHashAt(uint64_t index) const;

  // MTH of the whole tree; EmptyRoot() when empty.
  Hash Root() const;

  // MTH of the first `tree_size` leaves; EmptyRoot() for 0.
  absl::StatusOr<Hash> Root(uint64_t tree_size) const;

  // Audit path for leaf `index` in the tree of the first `tree_size` leaves, ordered from
  // the leaf's sibling up to the child of the root (empty for tree_size 1).
  absl::StatusOr<std::vector<Hash>> InclusionProof(uint64_t index, uint64_t tree_size) const;

  // RFC 6962 consistency proof between the trees of the first `old_size` and `new_size`
  // leaves. Empty when old_size == new_size or old_size == 0 (every tree extends the empty
  // tree, and RFC 6962 defines no proof for it).
  absl::StatusOr<std::vector<Hash>> ConsistencyProof(uint64_t old_size, uint64_t new_size) const;

  // The stored subtree hashes of the tree of the first `tree_size` leaves (see
  // Representation): level k holds tree_size >> k hashes; levels that would be empty are
  // left out. OUT_OF_RANGE if tree_size > size(). For snapshots.
  absl::StatusOr<std::vector<std::vector<Hash>>> LevelsAt(uint64_t tree_size) const;
  // A tree from levels as LevelsAt gives them (a snapshot's), taken as they are: nothing
  // is re-hashed. INVALID_ARGUMENT if their shape is not that of a tree (a level that is
  // not half the one below, rounded down, or a missing or extra level).
  static absl::StatusOr<MerkleTree> FromLevels(std::vector<std::vector<Hash>> levels);
  // Whether the first `tree_size` leaves and the subtrees over them equal `other`'s.
  bool SamePrefix(const MerkleTree& other, uint64_t tree_size) const;

 private:
  absl::Status CheckTreeSize(uint64_t tree_size) const;

  // MTH(D[begin:end]) for 0 <= begin < end <= size(), where begin is a multiple of the
  // largest power of two <= end - begin: true of every subtree RFC 6962's recursions visit.
  Hash SubtreeHash(uint64_t begin, uint64_t end) const;

  std::vector<std::vector<Hash>> levels_;
};

}  // namespace renstra::merkle

#endif  // RENSTRA_AUDIT_MERKLE_TREE_H_
