// Verification of RFC 6962 inclusion and consistency proofs, for clients (the CLI) that
// hold only signed tree heads, not the tree.
//
// The algorithms are the iterative ones of RFC 9162 section 2.1.3.2 (inclusion) and
// 2.1.4.2 (consistency), which state precisely how the proof's hashes are combined given
// only the sizes; MerkleTree (merkle_tree.h) produces the proofs they accept. Before running
// them, the proof length is checked against the length the sizes imply, so a truncated or
// padded proof is reported as such rather than as a hash mismatch.
//
// Thread safety: pure functions, thread-safe.
//
// Errors:
//   INVALID_ARGUMENT    malformed request or proof: leaf index >= tree size, old size > new
//                       size, or a proof with the wrong number of hashes.
//   FAILED_PRECONDITION the proof is well formed but the hashes do not lead to the given
//                       root(s): the log, the proof or the caller's data has been altered.
//                       The message names which root failed.
#ifndef RENSTRA_AUDIT_MERKLE_VERIFY_H_
#define RENSTRA_AUDIT_MERKLE_VERIFY_H_

#include <cstdint>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "audit/merkle_hash.h"

namespace renstra::merkle {

// Number of hashes in a valid inclusion proof for `index` in a tree of `tree_size`
// (requires index < tree_size).
uint64_t InclusionProofLength(uint64_t index, uint64_t tree_size);

// Number of hashes in a valid consistency proof from `old_size` to `new_size`
// (requires old_size <= new_size); 0 when old_size is 0 or equals new_size.
uint64_t ConsistencyProofLength(uint64_t old_size, uint64_t new_size);

// The root that `proof` and `leaf_hash` imply for a tree of `tree_size` leaves in which the
// leaf is at `index`. INVALID_ARGUMENT if index >= tree_size or the length is wrong.
absl::StatusOr<Hash> RootFromInclusionProof(uint64_t index, uint64_t tree_size,
                                            const Hash& leaf_hash, absl::Span<const Hash> proof);

// OK iff `proof` shows that `leaf_hash` is leaf `index` of the tree of `tree_size` leaves
// whose root is `root`. FAILED_PRECONDITION when the computed root differs.
absl::Status VerifyInclusion(uint64_t index, uint64_t tree_size, const Hash& leaf_hash,
                             absl::Span<const Hash> proof, const Hash& root);

// OK iff `proof` shows that the tree of `old_size` leaves with root `old_root` is a prefix
// of the tree of `new_size` leaves with root `new_root`. Trivial cases: old_size == new_size
// needs an empty proof and equal roots; old_size == 0 needs an empty proof and
// old_root == EmptyRoot() (the only root a tree of size 0 can have).
absl::Status VerifyConsistency(uint64_t old_size, uint64_t new_size, const Hash& old_root,
                               const Hash& new_root, absl::Span<const Hash> proof);

}  // namespace renstra::merkle

#endif  // RENSTRA_AUDIT_MERKLE_VERIFY_H_
