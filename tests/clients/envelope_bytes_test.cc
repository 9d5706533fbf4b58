// The CLI checks the server's hash chain and Merkle leaves with the store's own
// SerializeEnvelope (storage/envelope_hash.h). What it hashes is an envelope it read back
// from JSON (a log archive) or from a proof; these tests pin that such a copy gives the
// bytes the store hashed.
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "audit/ed25519_key.h"
#include "base/hex.h"
#include "clients/log_archive.h"
#include "storage/envelope_hash.h"
#include "tests/testing/sample_envelope.h"

namespace renstra {
namespace {

using ::renstra::testing::SampleEnvelope;

TEST(EnvelopeBytesTest, AnEnvelopeReadBackFromJsonHashesAsTheStoredOne) {
  const v1::EventEnvelope stored = SampleEnvelope(2);
  std::string json;
  ASSERT_TRUE(google::protobuf::util::MessageToJsonString(stored, &json).ok());
  v1::EventEnvelope read;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(json, &read).ok());
  EXPECT_EQ(SerializeEnvelope(read), SerializeEnvelope(stored));
  EXPECT_EQ(ToHex(HashEnvelope(read)), ToHex(HashEnvelope(stored)));
}

// An archive whose second event names the store's hash of the first as its prev_hash
// passes the chain check (and then fails only on the tree head, which is absent here).
TEST(EnvelopeBytesTest, TheArchiveCheckChainsWithTheStoresHash) {
  v1::EventEnvelope first = SampleEnvelope(2);
  first.set_sequence(1);
  first.set_prev_hash(kZeroHash);
  v1::EventEnvelope second = SampleEnvelope(2);
  second.set_prev_hash(HashEnvelope(first));
  std::string head, one, two;
  v1::SignedTreeHead sth;
  sth.set_tree_size(3);
  ASSERT_TRUE(google::protobuf::util::MessageToJsonString(sth, &head).ok());
  ASSERT_TRUE(google::protobuf::util::MessageToJsonString(first, &one).ok());
  ASSERT_TRUE(google::protobuf::util::MessageToJsonString(second, &two).ok());
  std::istringstream in(head + "\n" + one + "\n" + two + "\n");
  const ArchiveCheck check =
      VerifyArchive(in, Ed25519PrivateKey::Generate().value().PublicKeyPem());
  EXPECT_EQ(check.error, "the archive holds 2 events but its tree head covers 3");
  EXPECT_EQ(check.head_hash_hex, ToHex(HashEnvelope(second)));
}

}  // namespace
}  // namespace renstra
