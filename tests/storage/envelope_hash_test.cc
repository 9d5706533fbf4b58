#include "storage/envelope_hash.h"

#include "gtest/gtest.h"
#include "tests/storage/storage_test_util.h"
#include "tests/testing/sample_envelope.h"

namespace renstra {
namespace {

using ::renstra::testing::OpenSslSha256;
using ::renstra::testing::SampleEnvelope;

TEST(EnvelopeHashTest, Sha256MatchesTheKnownVector) {
  EXPECT_EQ(ToHex(Sha256("abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(ToHex(Sha256("")), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(EnvelopeHashTest, HashIsSha256OfTheSerialization) {
  const v1::EventEnvelope e = SampleEnvelope();
  std::string bytes;
  ASSERT_TRUE(e.SerializeToString(&bytes));
  EXPECT_EQ(SerializeEnvelope(e), bytes);
  EXPECT_EQ(HashEnvelope(e).size(), 32u);
  EXPECT_EQ(HashEnvelope(e), OpenSslSha256(bytes));
}

TEST(EnvelopeHashTest, AnyFieldChangeChangesTheHash) {
  const std::string original = HashEnvelope(SampleEnvelope());
  v1::EventEnvelope e = SampleEnvelope();
  e.set_payload(std::string("\x00\x01\xfe", 3));
  EXPECT_NE(HashEnvelope(e), original);
  e = SampleEnvelope();
  e.set_timestamp_micros(e.timestamp_micros() + 1);
  EXPECT_NE(HashEnvelope(e), original);
  EXPECT_EQ(HashEnvelope(SampleEnvelope()), original);
}

TEST(EnvelopeHashTest, ZeroHashAndHex) {
  EXPECT_EQ(kZeroHash, std::string(32, '\0'));
  EXPECT_EQ(ToHex(std::string("\x00\x0f\xa0\xff", 4)), "000fa0ff");
  EXPECT_EQ(ToHex(""), "");
}

}  // namespace
}  // namespace renstra
