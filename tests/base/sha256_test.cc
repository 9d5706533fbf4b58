#include "base/sha256.h"

#include <string>

#include "base/hex.h"
#include "gtest/gtest.h"

namespace renstra {
namespace {

// FIPS 180-2 appendix B test vectors.
TEST(Sha256Test, MatchesPublishedVectors) {
  EXPECT_EQ(ToHex(Sha256("")), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(ToHex(Sha256("abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256Test, TwoPiecesHashAsTheirConcatenation) {
  const Sha256Digest split = Sha256Of("a", "bc");
  EXPECT_EQ(std::string(split.begin(), split.end()), Sha256("abc"));
}

TEST(Sha256Test, StreamHashesItsPiecesAsOne) {
  Sha256Stream stream;
  stream.Update("ab", 2);
  stream.Update("", 0);
  stream.Update("c", 1);
  EXPECT_EQ(stream.Final(), Sha256("abc"));
}

TEST(HexTest, TwoLowercaseDigitsPerByte) {
  EXPECT_EQ(ToHex(std::string("\x00\x0f\xab\xff", 4)), "000fabff");
  EXPECT_EQ(ToHex(""), "");
}

}  // namespace
}  // namespace renstra
