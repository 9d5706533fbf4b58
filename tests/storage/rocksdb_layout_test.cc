#include "storage/rocksdb_layout.h"

#include "gtest/gtest.h"

namespace renstra::layout {
namespace {

TEST(RocksDbLayoutTest, U64IsBigEndianSoBytesSortNumerically) {
  EXPECT_EQ(EncodeU64(0x0102030405060708), std::string("\x01\x02\x03\x04\x05\x06\x07\x08", 8));
  EXPECT_LT(EncodeU64(255), EncodeU64(256));
  EXPECT_EQ(DecodeU64(EncodeU64(123456789012345)), 123456789012345u);
  EXPECT_EQ(DecodeU64("short"), std::nullopt);
}

TEST(RocksDbLayoutTest, StreamKeysShareTheStreamPrefix) {
  EXPECT_EQ(StreamKey("plan/a", 2), std::string("plan/a\0", 7) + EncodeU64(2));
  EXPECT_EQ(StreamPrefix("a"), std::string("a\0", 2));
}

TEST(RocksDbLayoutTest, IdempotencyRecordRoundTrips) {
  IdempotencyRecord record{"plan/a", AppendResult{4, 6, 3, false}, "/m/Propose",
                           std::string(32, '\x7f')};
  std::optional<IdempotencyRecord> decoded = DecodeIdempotency(EncodeIdempotency(record));
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(decoded->stream, "plan/a");
  EXPECT_EQ(decoded->result.first_sequence, 4u);
  EXPECT_EQ(decoded->result.last_sequence, 6u);
  EXPECT_EQ(decoded->result.stream_version, 3u);
  EXPECT_EQ(decoded->method, "/m/Propose");
  EXPECT_EQ(decoded->fingerprint, std::string(32, '\x7f'));
  EXPECT_FALSE(decoded->legacy);
  EXPECT_EQ(DecodeIdempotency("too short"), std::nullopt);
  // A stream length past the end is malformed, not read beyond the value.
  EXPECT_EQ(DecodeIdempotency(EncodeIdempotency(record).substr(0, 1 + 24 + 8 + 2)), std::nullopt);
}

TEST(RocksDbLayoutTest, LegacyIdempotencyRecordsDecodeAsLegacy) {
  const std::string legacy = EncodeU64(4) + EncodeU64(6) + EncodeU64(3) + "plan/a";
  std::optional<IdempotencyRecord> decoded = DecodeIdempotency(legacy);
  ASSERT_TRUE(decoded.has_value());
  EXPECT_TRUE(decoded->legacy);
  EXPECT_EQ(decoded->stream, "plan/a");
  EXPECT_EQ(decoded->result.first_sequence, 4u);
  EXPECT_EQ(decoded->result.last_sequence, 6u);
  EXPECT_EQ(decoded->result.stream_version, 3u);
  EXPECT_EQ(decoded->method, "");
  EXPECT_EQ(decoded->fingerprint, "");
}

TEST(RocksDbLayoutTest, RequestKeysScopeTheIdToItsPrincipal) {
  EXPECT_EQ(RequestKey("rehab", "r-1"), std::string("\0rehab\0r-1", 10));
  EXPECT_NE(RequestKey("rehab", "r-1"), RequestKey("iwan", "r-1"));
}

TEST(RocksDbLayoutTest, HeadRoundTrips) {
  std::optional<ChainHead> head = DecodeHead(EncodeHead(ChainHead{9, std::string(32, 'h')}));
  ASSERT_TRUE(head.has_value());
  EXPECT_EQ(head->sequence, 9u);
  EXPECT_EQ(head->hash, std::string(32, 'h'));
  EXPECT_EQ(DecodeHead(EncodeU64(9)), std::nullopt);
}

}  // namespace
}  // namespace renstra::layout
