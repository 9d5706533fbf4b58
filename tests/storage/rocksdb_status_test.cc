#include "storage/rocksdb_status.h"

#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"

namespace renstra {
namespace {

using ::renstra::testing::IsOk;

TEST(RocksDbStatusTest, MapsEachKindToItsCode) {
  EXPECT_THAT(FromRocksDb(rocksdb::Status::OK(), "ctx"), IsOk());

  absl::Status io = FromRocksDb(rocksdb::Status::IOError("disk gone"), "append");
  EXPECT_EQ(io.code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(io.message(), "append: IO error: disk gone");

  absl::Status full = FromRocksDb(rocksdb::Status::NoSpace("full"), "append");
  EXPECT_EQ(full.code(), absl::StatusCode::kUnavailable);

  absl::Status corrupt = FromRocksDb(rocksdb::Status::Corruption("bad block"), "read");
  EXPECT_EQ(corrupt.code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(corrupt.message(), "read: Corruption: bad block");

  absl::Status other = FromRocksDb(rocksdb::Status::InvalidArgument("nope"), "open");
  EXPECT_EQ(other.code(), absl::StatusCode::kInternal);
  EXPECT_EQ(other.message(), "open: Invalid argument: nope");
}

}  // namespace
}  // namespace renstra
