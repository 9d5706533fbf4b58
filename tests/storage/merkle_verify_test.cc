#include "audit/merkle_verify.h"

#include <algorithm>
#include <string>
#include <vector>

#include "audit/merkle_hash.h"
#include "audit/merkle_tree.h"
#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"

namespace renstra::merkle {
namespace {

using ::renstra::testing::IsOk;

using absl::StatusCode;

Hash H(std::string_view hex) {
  auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
  Hash h{};
  EXPECT_EQ(hex.size(), 64u) << hex;
  for (size_t i = 0; i < h.size() && 2 * i + 1 < hex.size(); ++i) {
    h[i] = static_cast<uint8_t>(nibble(hex[2 * i]) << 4 | nibble(hex[2 * i + 1]));
  }
  return h;
}

std::vector<Hash> Hs(std::initializer_list<const char*> hexes) {
  std::vector<Hash> out;
  for (const char* hex : hexes) out.push_back(H(hex));
  return out;
}

// Published vectors: roots of the 8-leaf RFC 6962 reference tree and its proofs, from
// google/certificate-transparency cpp/merkletree/merkle_tree_test.cc and
// transparency-dev/merkle proof/verify_test.go (leaf numbers converted to 0-based).
const char* const kRoots[8] = {"6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                               "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                               "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
                               "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                               "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
                               "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
                               "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
                               "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};
const char* const kH96a2 = "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7";
const char* const kH5f08 = "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e";
const char* const kH6b47 = "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4";
const char* const kHbc1a = "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b";
const char* const kHca85 = "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0";
const char* const kHd37e = "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7";
const char* const kH0ebc = "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a";
const char* const kHb086 = "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f";

// LeafHash of the published leaf `index` (the RFC 6962 reference tree's eight leaves).
Hash PublishedLeafHash(uint64_t index) {
  static const std::string kLeaves[] = {
      "",
      std::string(1, '\0'),
      "\x10",
      "\x20\x21",
      "\x30\x31",
      "\x40\x41\x42\x43",
      "\x50\x51\x52\x53\x54\x55\x56\x57",
      "\x60\x61\x62\x63\x64\x65\x66\x67\x68\x69\x6a\x6b\x6c\x6d\x6e\x6f"};
  return LeafHash(kLeaves[index]);
}

// The verdict a correct verifier must reach for a claim about `tree` (sound up to SHA-256
// collisions): malformed -> INVALID_ARGUMENT; exactly the true proof for true hashes -> OK;
// anything else of the right length -> FAILED_PRECONDITION.
StatusCode InclusionOracle(const MerkleTree& tree, uint64_t i, uint64_t n, const Hash& leaf,
                           const std::vector<Hash>& proof, const Hash& root) {
  if (i >= n) return StatusCode::kInvalidArgument;
  const std::vector<Hash> truth = tree.InclusionProof(i, n).value();
  if (proof.size() != truth.size()) return StatusCode::kInvalidArgument;
  const bool true_claim = leaf == tree.LeafHashAt(i).value() && root == tree.Root(n).value();
  return true_claim && proof == truth ? StatusCode::kOk : StatusCode::kFailedPrecondition;
}

StatusCode ConsistencyOracle(const MerkleTree& tree, uint64_t m, uint64_t n, const Hash& old_root,
                             const Hash& new_root, const std::vector<Hash>& proof) {
  if (m > n) return StatusCode::kInvalidArgument;
  const std::vector<Hash> truth = tree.ConsistencyProof(m, n).value();
  if (proof.size() != truth.size()) return StatusCode::kInvalidArgument;
  if (m == 0 && old_root != EmptyRoot()) return StatusCode::kFailedPrecondition;
  if (m == n) return old_root == new_root ? StatusCode::kOk : StatusCode::kFailedPrecondition;
  if (m == 0) return StatusCode::kOk;
  const bool true_claim = old_root == tree.Root(m).value() && new_root == tree.Root(n).value();
  return true_claim && proof == truth ? StatusCode::kOk : StatusCode::kFailedPrecondition;
}

TEST(VerifyInclusionTest, PublishedProofsVerify) {
  struct Case {
    uint64_t index, size;
    std::vector<Hash> proof;
  };
  const Case cases[] = {
      {0, 1, {}},
      {0, 8, Hs({kH96a2, kH5f08, kH6b47})},
      {5, 8, Hs({kHbc1a, kHca85, kHd37e})},
      {2, 3, Hs({kRoots[1]})},
      {1, 5, Hs({kRoots[0], kH5f08, kHbc1a})},
  };
  for (const Case& c : cases) {
    const Hash root = H(kRoots[c.size - 1]);
    const Hash leaf = PublishedLeafHash(c.index);
    EXPECT_EQ(RootFromInclusionProof(c.index, c.size, leaf, c.proof).value(), root);
    EXPECT_THAT(VerifyInclusion(c.index, c.size, leaf, c.proof, root), IsOk());
    EXPECT_EQ(VerifyInclusion(c.index, c.size, LeafHash("WrongLeaf"), c.proof, root).code(),
              StatusCode::kFailedPrecondition);
    EXPECT_EQ(VerifyInclusion(c.index, c.size, leaf, c.proof, EmptyRoot()).code(),
              StatusCode::kFailedPrecondition);
  }
}

TEST(VerifyInclusionTest, EdgeCasesAndMessages) {
  const Hash some = H("abacaba000000000000000000000000000000000000000000060061e00123456");
  EXPECT_EQ(VerifyInclusion(0, 0, some, {}, EmptyRoot()),
            absl::InvalidArgumentError("leaf index 0 is not in a tree of size 0"));
  EXPECT_EQ(VerifyInclusion(2, 1, some, {}, some).code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(VerifyInclusion(0, 1, some, {}, some), IsOk());  // A 1-leaf root is the leaf.
  EXPECT_EQ(
      VerifyInclusion(0, 1, some, {}, EmptyRoot()),
      absl::FailedPreconditionError(
          "inclusion proof for leaf 0 in a tree of size 1 does not match the root of size 1"));
  EXPECT_EQ(VerifyInclusion(0, 8, PublishedLeafHash(0), Hs({kH96a2, kH5f08}), H(kRoots[7])),
            absl::InvalidArgumentError(
                "inclusion proof for leaf 0 in a tree of size 8 has 2 hashes, expected 3"));
}

TEST(VerifyConsistencyTest, PublishedProofsVerify) {
  struct Case {
    uint64_t old_size, new_size;
    std::vector<Hash> proof;
  };
  const Case cases[] = {
      {1, 1, {}},
      {1, 8, Hs({kH96a2, kH5f08, kH6b47})},
      {6, 8, Hs({kH0ebc, kHca85, kHd37e})},
      {2, 5, Hs({kH5f08, kHbc1a})},
      {6, 7, Hs({kH0ebc, kHb086, kHd37e})},
  };
  for (const Case& c : cases) {
    const Hash old_root = H(kRoots[c.old_size - 1]);
    const Hash new_root = H(kRoots[c.new_size - 1]);
    EXPECT_THAT(VerifyConsistency(c.old_size, c.new_size, old_root, new_root, c.proof), IsOk());
    if (c.proof.empty()) continue;
    EXPECT_EQ(VerifyConsistency(c.old_size, c.new_size, new_root, old_root, c.proof).code(),
              StatusCode::kFailedPrecondition)
        << "swapped roots";
    EXPECT_EQ(VerifyConsistency(c.old_size, c.new_size, old_root, new_root, {}).code(),
              StatusCode::kInvalidArgument)
        << "empty proof";
  }
}

TEST(VerifyConsistencyTest, TrivialCases) {
  const Hash empty = EmptyRoot();
  const Hash r1 = H(kRoots[0]);
  const Hash r2 = H(kRoots[1]);
  EXPECT_THAT(VerifyConsistency(0, 0, empty, empty, {}), IsOk());
  EXPECT_THAT(VerifyConsistency(0, 1, empty, r2, {}), IsOk());
  EXPECT_THAT(VerifyConsistency(1, 1, r1, r1, {}), IsOk());
  // Stricter than transparency-dev: a size-0 tree can only have the empty root.
  EXPECT_EQ(VerifyConsistency(0, 1, r1, r2, {}),
            absl::FailedPreconditionError(
                "the root given for size 0 is not the empty-tree hash SHA-256(\"\")"));
  EXPECT_EQ(VerifyConsistency(1, 1, r1, r2, {}),
            absl::FailedPreconditionError("two different roots given for the same tree size 1"));
  EXPECT_EQ(VerifyConsistency(2, 1, r2, r1, {}),
            absl::InvalidArgumentError(
                "consistency proof from size 2 to 1: the old size exceeds the new size"));
  EXPECT_EQ(
      VerifyConsistency(1, 2, r1, r2, {}),
      absl::InvalidArgumentError("consistency proof from size 1 to 2 has 0 hashes, expected 1"));
  // Matching roots but a non-empty proof.
  EXPECT_EQ(VerifyConsistency(0, 0, empty, empty, {empty}).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(VerifyConsistency(1, 1, r1, r1, {empty}).code(), StatusCode::kInvalidArgument);
}

TEST(VerifyConsistencyTest, MessagesNameTheRootThatFailed) {
  MerkleTree tree;
  for (int i = 0; i < 8; ++i) tree.Append(LeafHash(std::to_string(i)));
  const std::vector<Hash> proof = tree.ConsistencyProof(5, 8).value();
  const Hash root5 = tree.Root(5).value();
  const Hash root8 = tree.Root(8).value();
  ASSERT_THAT(VerifyConsistency(5, 8, root5, root8, proof), IsOk());
  EXPECT_EQ(VerifyConsistency(5, 8, root5, EmptyRoot(), proof),
            absl::FailedPreconditionError(
                "consistency proof from size 5 to 8 does not match the root of size 8"));
  EXPECT_EQ(VerifyConsistency(5, 8, EmptyRoot(), root8, proof),
            absl::FailedPreconditionError(
                "consistency proof from size 5 to 8 does not match the root of size 5"));
  std::vector<Hash> truncated(proof.begin(), proof.end() - 1);
  EXPECT_EQ(
      VerifyConsistency(5, 8, root5, root8, truncated),
      absl::InvalidArgumentError("consistency proof from size 5 to 8 has 3 hashes, expected 4"));
}

// Every proof for every size up to 70 verifies, and every tampering is rejected with the
// right code: each byte of each hash flipped, a wrong index or size, truncated, extended or
// prepended. Claims about a wrong index/size are judged by the oracle, since some of them
// are true (e.g. old size m+1 when its proof happens to be the same).
TEST(VerifyTest, EveryTamperingIsRejectedForAllSizesUpTo70) {
  constexpr uint64_t kMax = 70;
  MerkleTree tree;  // Twice as large, so "size * 2" claims have a real root to pair with.
  for (uint64_t i = 0; i < 2 * kMax; ++i) tree.Append(LeafHash("leaf " + std::to_string(i)));
  auto root = [&](uint64_t n) { return tree.Root(n).value(); };
  // Calls check(tampered_proof, expected_code) for every tampering of `proof`. A flipped
  // byte keeps the length, so it must fail the hash check; a changed length must be caught
  // as malformed.
  // Every byte is flipped for trees up to 32 leaves; beyond that the first, a middle and
  // the last byte of each hash, which keeps the test at about a second in a Debug build.
  auto for_each_tampering = [](std::vector<Hash> proof, uint64_t n, auto check) {
    for (size_t e = 0; e < proof.size(); ++e) {
      for (size_t b = 0; b < kHashSize; ++b) {
        if (n > 32 && b != 0 && b != kHashSize / 2 && b != kHashSize - 1) continue;
        proof[e][b] ^= 0x01;
        check(proof, StatusCode::kFailedPrecondition);
        proof[e][b] ^= 0x01;
      }
    }
    if (!proof.empty()) {
      check(std::vector<Hash>(proof.begin(), proof.end() - 1), StatusCode::kInvalidArgument);
    }
    std::vector<Hash> extended = proof;
    extended.push_back(EmptyRoot());
    check(extended, StatusCode::kInvalidArgument);
    std::vector<Hash> prepended = proof;
    prepended.insert(prepended.begin(), Hash{});
    check(prepended, StatusCode::kInvalidArgument);
  };
  for (uint64_t n = 1; n <= kMax; ++n) {
    for (uint64_t i = 0; i < n; ++i) {
      const std::vector<Hash> proof = tree.InclusionProof(i, n).value();
      const Hash leaf = tree.LeafHashAt(i).value();
      ASSERT_THAT(VerifyInclusion(i, n, leaf, proof, root(n)), IsOk()) << i << " in " << n;
      for_each_tampering(proof, n, [&](const std::vector<Hash>& bad, StatusCode want) {
        ASSERT_EQ(VerifyInclusion(i, n, leaf, bad, root(n)).code(), want) << i << " in " << n;
      });
      if (HasFatalFailure()) return;
      Hash bad_root = root(n);
      bad_root[i % kHashSize] ^= 0x80;
      ASSERT_EQ(VerifyInclusion(i, n, leaf, proof, bad_root).code(),
                StatusCode::kFailedPrecondition);
      if (n > 1) {
        ASSERT_EQ(
            VerifyInclusion(i, n, tree.LeafHashAt((i + 1) % n).value(), proof, root(n)).code(),
            StatusCode::kFailedPrecondition)
            << "another leaf at " << i << " in " << n;
      }
      for (uint64_t j : {i - 1, i + 1, i ^ 1, i ^ 2}) {
        if (j == i || j > 2 * kMax) continue;
        ASSERT_EQ(VerifyInclusion(j, n, leaf, proof, root(n)).code(),
                  InclusionOracle(tree, j, n, leaf, proof, root(n)))
            << "index " << j << " instead of " << i << " in " << n;
      }
      for (uint64_t s : {n - 1, n + 1, 2 * n, n / 2}) {
        ASSERT_EQ(VerifyInclusion(i, s, leaf, proof, root(s)).code(),
                  InclusionOracle(tree, i, s, leaf, proof, root(s)))
            << "size " << s << " instead of " << n << " for leaf " << i;
      }
    }
    for (uint64_t m = 0; m <= n; ++m) {
      const std::vector<Hash> proof = tree.ConsistencyProof(m, n).value();
      ASSERT_THAT(VerifyConsistency(m, n, root(m), root(n), proof), IsOk()) << m << " -> " << n;
      for_each_tampering(proof, n, [&](const std::vector<Hash>& bad, StatusCode want) {
        ASSERT_EQ(VerifyConsistency(m, n, root(m), root(n), bad).code(), want) << m << " -> " << n;
      });
      if (HasFatalFailure()) return;
      Hash bad_old = root(m);
      bad_old[m % kHashSize] ^= 0x80;
      ASSERT_EQ(VerifyConsistency(m, n, bad_old, root(n), proof).code(),
                StatusCode::kFailedPrecondition)
          << "altered old root " << m << " -> " << n;
      Hash bad_new = root(n);
      bad_new[n % kHashSize] ^= 0x80;
      if (m != 0) {  // Every tree is consistent with the empty tree, whatever its root.
        ASSERT_EQ(VerifyConsistency(m, n, root(m), bad_new, proof).code(),
                  StatusCode::kFailedPrecondition)
            << "altered new root " << m << " -> " << n;
      }
      for (uint64_t s : {m - 1, m + 1, m ^ 2}) {
        if (s > 2 * kMax) continue;
        ASSERT_EQ(VerifyConsistency(s, n, root(s), root(n), proof).code(),
                  ConsistencyOracle(tree, s, n, root(s), root(n), proof))
            << "old size " << s << " instead of " << m << " to " << n;
      }
      for (uint64_t s : {n - 1, n + 1, 2 * n, n / 2}) {
        ASSERT_EQ(VerifyConsistency(m, s, root(m), root(s), proof).code(),
                  ConsistencyOracle(tree, m, s, root(m), root(s), proof))
            << m << " -> new size " << s << " instead of " << n;
      }
    }
  }
}

}  // namespace
}  // namespace renstra::merkle
