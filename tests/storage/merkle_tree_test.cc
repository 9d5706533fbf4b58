#include "audit/merkle_tree.h"

#include <openssl/sha.h>

#include <algorithm>
#include <string>
#include <vector>

#include "audit/merkle_hash.h"
#include "audit/merkle_verify.h"
#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"

namespace renstra::merkle {
namespace {

using ::renstra::testing::IsOk;

// --- Independent helpers: OpenSSL one-shot SHA-256 and a local hex decoder, so expected
// values never come from the code under test. ---------------------------------------------

std::string Unhex(std::string_view hex) {
  auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<char>(nibble(hex[i]) << 4 | nibble(hex[i + 1])));
  }
  return out;
}

Hash H(std::string_view hex) {
  const std::string raw = Unhex(hex);
  Hash h{};
  EXPECT_EQ(raw.size(), h.size()) << hex;
  std::copy(raw.begin(), raw.end(), h.begin());
  return h;
}

Hash Sha(const std::string& bytes) {
  Hash h;
  SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), h.data());
  return h;
}

std::string Raw(const Hash& h) { return std::string(h.begin(), h.end()); }

// --- Reference implementation, straight from the recursive definitions of RFC 6962 2.1:
// O(n) per call, no sharing with MerkleTree. D[begin:end] is leaves[begin..end). --------

size_t LargestPowerOfTwoBelow(size_t n) {
  size_t k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

Hash RefMth(const std::vector<std::string>& d, size_t begin, size_t end) {
  const size_t n = end - begin;
  if (n == 0) return Sha("");
  if (n == 1) return Sha(std::string(1, '\0') + d[begin]);
  const size_t k = LargestPowerOfTwoBelow(n);
  return Sha("\x01" + Raw(RefMth(d, begin, begin + k)) + Raw(RefMth(d, begin + k, end)));
}

// PATH(m, D[begin:end]), m relative to begin.
std::vector<Hash> RefPath(size_t m, const std::vector<std::string>& d, size_t begin, size_t end) {
  const size_t n = end - begin;
  if (n == 1) return {};
  const size_t k = LargestPowerOfTwoBelow(n);
  std::vector<Hash> path;
  if (m < k) {
    path = RefPath(m, d, begin, begin + k);
    path.push_back(RefMth(d, begin + k, end));
  } else {
    path = RefPath(m - k, d, begin + k, end);
    path.push_back(RefMth(d, begin, begin + k));
  }
  return path;
}

// SUBPROOF(m, D[begin:end], b), m relative to begin.
std::vector<Hash> RefSubproof(size_t m, const std::vector<std::string>& d, size_t begin, size_t end,
                              bool b) {
  const size_t n = end - begin;
  if (m == n) return b ? std::vector<Hash>{} : std::vector<Hash>{RefMth(d, begin, end)};
  const size_t k = LargestPowerOfTwoBelow(n);
  std::vector<Hash> proof;
  if (m <= k) {
    proof = RefSubproof(m, d, begin, begin + k, b);
    proof.push_back(RefMth(d, begin + k, end));
  } else {
    proof = RefSubproof(m - k, d, begin + k, end, false);
    proof.push_back(RefMth(d, begin, begin + k));
  }
  return proof;
}

// --- Published test vectors. --------------------------------------------------------------
// The eight leaves, the roots of sizes 1..8 and the proofs below are copied from
// google/certificate-transparency cpp/merkletree/merkle_tree_test.cc (kInputs, kSHA256Roots,
// kSHA256Paths, kSHA256Proofs) and transparency-dev/merkle proof/verify_test.go (which
// repeats them and adds the 6 -> 7 consistency proof). Leaf numbers there are 1-based;
// here they are 0-based indexes.

const std::vector<std::string> kLeaves = {Unhex(""),
                                          Unhex("00"),
                                          Unhex("10"),
                                          Unhex("2021"),
                                          Unhex("3031"),
                                          Unhex("40414243"),
                                          Unhex("5051525354555657"),
                                          Unhex("606162636465666768696a6b6c6d6e6f")};

const char* const kRoots[8] = {"6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                               "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                               "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
                               "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                               "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
                               "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
                               "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
                               "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

MerkleTree TreeOf(const std::vector<std::string>& leaves) {
  MerkleTree tree;
  for (const std::string& leaf : leaves) tree.Append(LeafHash(leaf));
  return tree;
}

TEST(MerkleHashTest, MatchesRfc6962KnownAnswers) {
  // From transparency-dev/merkle rfc6962/rfc6962_test.go.
  EXPECT_EQ(EmptyRoot(), H("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
  EXPECT_EQ(LeafHash(""), H("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"));
  EXPECT_EQ(LeafHash("L123456"),
            H("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56"));
  const Hash a = Sha("left");
  const Hash b = Sha("right");
  EXPECT_EQ(NodeHash(a, b), Sha("\x01" + Raw(a) + Raw(b)));
  EXPECT_NE(NodeHash(a, b), NodeHash(b, a));
  EXPECT_NE(NodeHash(a, b), LeafHash(Raw(a) + Raw(b)));  // Leaf/node domain separation.
}

TEST(MerkleHashTest, HexAndBytesRoundTripAndRejectMalformedInput) {
  const Hash h = H(kRoots[7]);
  EXPECT_EQ(ToHex(h), kRoots[7]);
  EXPECT_EQ(FromHex("5DC9DA79A70659A9AD559CB701DED9A2AB9D823AAD2F4960CFE370EFF4604328").value(), h);
  EXPECT_EQ(HashFromBytes(ToBytes(h)).value(), h);

  absl::StatusOr<Hash> short_hex = FromHex("abc");
  EXPECT_EQ(short_hex.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(short_hex.status().message(), "a SHA-256 hash is 64 hex digits, got 3");
  std::string bad(kRoots[7]);
  bad[5] = 'g';
  EXPECT_EQ(FromHex(bad).status().message(), "not a hex digit at position 5");
  EXPECT_EQ(HashFromBytes(std::string(31, 'x')).status().message(),
            "a SHA-256 hash is 32 bytes, got 31");
}

TEST(MerkleTreeTest, EmptyTree) {
  MerkleTree tree;
  EXPECT_EQ(tree.size(), 0u);
  EXPECT_EQ(tree.Root(), H("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
  EXPECT_EQ(tree.Root(0).value(), tree.Root());
  EXPECT_EQ(tree.InclusionProof(0, 0).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(tree.ConsistencyProof(0, 0).value().empty());
}

TEST(MerkleTreeTest, RootsOfThePublishedTreeForEverySize) {
  MerkleTree tree;
  for (size_t i = 0; i < kLeaves.size(); ++i) {
    tree.Append(LeafHash(kLeaves[i]));
    EXPECT_EQ(tree.size(), i + 1);
    EXPECT_EQ(tree.Root(), H(kRoots[i])) << "size " << i + 1;
    for (size_t j = 0; j <= i; ++j) EXPECT_EQ(tree.Root(j + 1).value(), H(kRoots[j]));
    EXPECT_EQ(tree.Root(i + 2).status().code(), absl::StatusCode::kOutOfRange);
  }
  EXPECT_EQ(tree.LeafHashAt(3).value(), Sha(std::string(1, '\0') + Unhex("2021")));
}

TEST(MerkleTreeTest, PublishedInclusionProofs) {
  const MerkleTree tree = TreeOf(kLeaves);
  struct Case {
    uint64_t index, size;
    std::vector<const char*> proof;
  };
  const Case cases[] = {
      {0, 1, {}},
      {0,
       8,
       {"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"}},
      {5,
       8,
       {"bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"}},
      {2, 3, {"fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"}},
      {1,
       5,
       {"6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"}},
  };
  for (const Case& c : cases) {
    std::vector<Hash> want;
    for (const char* hex : c.proof) want.push_back(H(hex));
    EXPECT_EQ(tree.InclusionProof(c.index, c.size).value(), want) << c.index << "/" << c.size;
  }
}

TEST(MerkleTreeTest, PublishedConsistencyProofs) {
  const MerkleTree tree = TreeOf(kLeaves);
  struct Case {
    uint64_t old_size, new_size;
    std::vector<const char*> proof;
  };
  const Case cases[] = {
      {1, 1, {}},
      {1,
       8,
       {"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"}},
      {6,
       8,
       {"0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"}},
      {2,
       5,
       {"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"}},
      {6,
       7,
       {"0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
        "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"}},
  };
  for (const Case& c : cases) {
    std::vector<Hash> want;
    for (const char* hex : c.proof) want.push_back(H(hex));
    EXPECT_EQ(tree.ConsistencyProof(c.old_size, c.new_size).value(), want)
        << c.old_size << " -> " << c.new_size;
  }
}

TEST(MerkleTreeTest, ErrorsNameTheSizes) {
  const MerkleTree tree = TreeOf(std::vector<std::string>(10, "x"));
  EXPECT_EQ(tree.Root(12).status(),
            absl::OutOfRangeError("tree size 12 exceeds the log's 10 leaves"));
  EXPECT_EQ(tree.InclusionProof(3, 11).status(),
            absl::OutOfRangeError("tree size 11 exceeds the log's 10 leaves"));
  EXPECT_EQ(tree.InclusionProof(7, 7).status(),
            absl::InvalidArgumentError("leaf index 7 is not in a tree of size 7"));
  EXPECT_EQ(tree.ConsistencyProof(4, 11).status(),
            absl::OutOfRangeError("tree size 11 exceeds the log's 10 leaves"));
  EXPECT_EQ(
      tree.ConsistencyProof(6, 5).status(),
      absl::InvalidArgumentError("consistency proof asked from size 6 back to smaller size 5"));
  EXPECT_EQ(tree.LeafHashAt(10).status(),
            absl::OutOfRangeError("leaf index 10 is past the log's 10 leaves"));
  EXPECT_TRUE(tree.ConsistencyProof(0, 10).value().empty());
}

// Every root, inclusion proof and consistency proof of every tree size up to 70 equals the
// reference, and verifies with merkle_verify.
TEST(MerkleTreeTest, MatchesTheRfcReferenceForAllSizesUpTo70) {
  constexpr size_t kMax = 70;
  std::vector<std::string> leaves;
  for (size_t i = 0; i < kMax; ++i) leaves.push_back("event-" + std::to_string(i * i));
  MerkleTree tree;
  for (size_t n = 1; n <= kMax; ++n) {
    tree.Append(LeafHash(leaves[n - 1]));
    ASSERT_EQ(tree.Root(), RefMth(leaves, 0, n)) << "incremental root at size " << n;
  }
  for (size_t n = 1; n <= kMax; ++n) {
    const Hash root = RefMth(leaves, 0, n);
    ASSERT_EQ(tree.Root(n).value(), root) << "size " << n;
    for (size_t i = 0; i < n; ++i) {
      const std::vector<Hash> proof = tree.InclusionProof(i, n).value();
      ASSERT_EQ(proof, RefPath(i, leaves, 0, n)) << "inclusion " << i << " in " << n;
      EXPECT_EQ(proof.size(), InclusionProofLength(i, n));
      EXPECT_THAT(VerifyInclusion(i, n, LeafHash(leaves[i]), proof, root), IsOk());
    }
    for (size_t m = 1; m <= n; ++m) {
      const std::vector<Hash> proof = tree.ConsistencyProof(m, n).value();
      ASSERT_EQ(proof, RefSubproof(m, leaves, 0, n, true)) << "consistency " << m << "->" << n;
      EXPECT_EQ(proof.size(), ConsistencyProofLength(m, n));
      EXPECT_THAT(VerifyConsistency(m, n, RefMth(leaves, 0, m), root, proof), IsOk());
    }
  }
}

TEST(MerkleTreeTest, LargerTreeAgreesWithTheReference) {
  std::vector<std::string> leaves;
  for (size_t i = 0; i < 4096 + 37; ++i) leaves.push_back(std::to_string(i));
  const MerkleTree tree = TreeOf(leaves);
  EXPECT_EQ(tree.Root(), RefMth(leaves, 0, leaves.size()));
  EXPECT_EQ(tree.Root(3000).value(), RefMth(leaves, 0, 3000));
  EXPECT_EQ(tree.InclusionProof(4100, leaves.size()).value(),
            RefPath(4100, leaves, 0, leaves.size()));
  EXPECT_EQ(tree.ConsistencyProof(1234, 4111).value(), RefSubproof(1234, leaves, 0, 4111, true));
}

}  // namespace
}  // namespace renstra::merkle
