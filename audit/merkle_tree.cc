#include "audit/merkle_tree.h"

#include <algorithm>
#include <bit>

#include "absl/strings/str_cat.h"

namespace renstra::merkle {
namespace {

// The largest power of two strictly below `n` (n >= 2): RFC 6962's split point k.
uint64_t SplitPoint(uint64_t n) { return std::bit_floor(n - 1); }

}  // namespace

void MerkleTree::Append(const Hash& leaf_hash) {
  if (levels_.empty()) levels_.emplace_back();
  levels_[0].push_back(leaf_hash);
  // A level with an even number of entries has just completed a pair: carry its hash up,
  // like incrementing a binary counter.
  for (size_t k = 0; levels_[k].size() % 2 == 0; ++k) {
    if (k + 1 == levels_.size()) levels_.emplace_back();
    const std::vector<Hash>& level = levels_[k];
    const Hash parent = NodeHash(level[level.size() - 2], level[level.size() - 1]);
    levels_[k + 1].push_back(parent);
  }
}

absl::StatusOr<Hash> MerkleTree::LeafHashAt(uint64_t index) const {
  if (index >= size()) {
    return absl::OutOfRangeError(
        absl::StrCat("leaf index ", index, " is past the log's ", size(), " leaves"));
  }
  return levels_[0][index];
}

Hash MerkleTree::Root() const { return size() == 0 ? EmptyRoot() : SubtreeHash(0, size()); }

absl::StatusOr<Hash> MerkleTree::Root(uint64_t tree_size) const {
  if (absl::Status s = CheckTreeSize(tree_size); !s.ok()) return s;
  return tree_size == 0 ? EmptyRoot() : SubtreeHash(0, tree_size);
}

absl::StatusOr<std::vector<Hash>> MerkleTree::InclusionProof(uint64_t index,
                                                             uint64_t tree_size) const {
  if (absl::Status s = CheckTreeSize(tree_size); !s.ok()) return s;
  if (index >= tree_size) {
    return absl::InvalidArgumentError(
        absl::StrCat("leaf index ", index, " is not in a tree of size ", tree_size));
  }
  // PATH(m, D[begin:end]) unrolled from the root down; each step records the sibling
  // subtree, so the list is reversed at the end to run from the leaf up. Only the first
  // step into a left child can meet an incomplete sibling (the right edge); every later
  // sibling is one stored subtree, hence O(log n) work overall.
  std::vector<Hash> proof;
  uint64_t begin = 0;
  uint64_t end = tree_size;
  while (end - begin > 1) {
    const uint64_t k = SplitPoint(end - begin);
    if (index < begin + k) {
      proof.push_back(SubtreeHash(begin + k, end));
      end = begin + k;
    } else {
      proof.push_back(SubtreeHash(begin, begin + k));
      begin += k;
    }
  }
  std::reverse(proof.begin(), proof.end());
  return proof;
}

absl::StatusOr<std::vector<Hash>> MerkleTree::ConsistencyProof(uint64_t old_size,
                                                               uint64_t new_size) const {
  if (absl::Status s = CheckTreeSize(new_size); !s.ok()) return s;
  if (old_size > new_size) {
    return absl::InvalidArgumentError(absl::StrCat("consistency proof asked from size ", old_size,
                                                   " back to smaller size ", new_size));
  }
  if (old_size == 0 || old_size == new_size) return std::vector<Hash>{};
  // SUBPROOF(m, D[begin:end], b) unrolled from the root down, as in InclusionProof(). The
  // flag `old_root_is_ancestor` is RFC 6962's b: while true, the old tree's root is the
  // current subtree's left spine and the verifier already knows it, so it is not emitted.
  std::vector<Hash> proof;
  uint64_t begin = 0;
  uint64_t end = new_size;
  bool old_root_is_ancestor = true;
  while (old_size != end) {
    const uint64_t k = SplitPoint(end - begin);
    if (old_size <= begin + k) {
      proof.push_back(SubtreeHash(begin + k, end));
      end = begin + k;
    } else {
      proof.push_back(SubtreeHash(begin, begin + k));
      begin += k;
      old_root_is_ancestor = false;
    }
  }
  if (!old_root_is_ancestor) proof.push_back(SubtreeHash(begin, end));
  std::reverse(proof.begin(), proof.end());
  return proof;
}

absl::Status MerkleTree::CheckTreeSize(uint64_t tree_size) const {
  if (tree_size > size()) {
    return absl::OutOfRangeError(
        absl::StrCat("tree size ", tree_size, " exceeds the log's ", size(), " leaves"));
  }
  return absl::OkStatus();
}

Hash MerkleTree::SubtreeHash(uint64_t begin, uint64_t end) const {
  // D[begin:end] splits into complete subtrees whose sizes are the set bits of end - begin,
  // largest first; by the alignment precondition each is one stored entry. MTH nests them
  // to the right, H(P1, H(P2, ... Pk)), so fold from the smallest (rightmost) piece.
  uint64_t remaining = end - begin;
  int level = std::countr_zero(remaining);
  uint64_t piece_begin = end - (uint64_t{1} << level);
  Hash acc = levels_[level][piece_begin >> level];
  remaining -= uint64_t{1} << level;
  while (remaining != 0) {
    level = std::countr_zero(remaining);
    piece_begin -= uint64_t{1} << level;
    acc = NodeHash(levels_[level][piece_begin >> level], acc);
    remaining -= uint64_t{1} << level;
  }
  return acc;
}

absl::StatusOr<std::vector<std::vector<Hash>>> MerkleTree::LevelsAt(uint64_t tree_size) const {
  if (tree_size > size()) {
    return absl::OutOfRangeError(
        absl::StrCat("tree size ", tree_size, " is beyond the tree's ", size(), " leaves"));
  }
  std::vector<std::vector<Hash>> out;
  for (size_t k = 0; k < levels_.size() && (tree_size >> k) > 0; ++k) {
    out.emplace_back(levels_[k].begin(), levels_[k].begin() + (tree_size >> k));
  }
  return out;
}

absl::StatusOr<MerkleTree> MerkleTree::FromLevels(std::vector<std::vector<Hash>> levels) {
  const uint64_t leaves = levels.empty() ? 0 : levels[0].size();
  for (size_t k = 0; k < levels.size(); ++k) {
    if (levels[k].size() != (leaves >> k) || levels[k].empty()) {
      return absl::InvalidArgumentError(absl::StrCat("level ", k, " has ", levels[k].size(),
                                                     " hashes; a tree of ", leaves, " leaves has ",
                                                     leaves >> k));
    }
  }
  if (static_cast<size_t>(std::bit_width(leaves)) != levels.size()) {
    return absl::InvalidArgumentError(absl::StrCat("a tree of ", leaves, " leaves has ",
                                                   static_cast<size_t>(std::bit_width(leaves)),
                                                   " levels, not ", levels.size()));
  }
  MerkleTree tree;
  tree.levels_ = std::move(levels);
  return tree;
}

bool MerkleTree::SamePrefix(const MerkleTree& other, uint64_t tree_size) const {
  if (tree_size > size() || tree_size > other.size()) return false;
  for (size_t k = 0; k < levels_.size() && (tree_size >> k) > 0; ++k) {
    if (!std::equal(levels_[k].begin(), levels_[k].begin() + (tree_size >> k),
                    other.levels_[k].begin())) {
      return false;
    }
  }
  return true;
}

}  // namespace renstra::merkle
