// RawSyncedWriter: the disk's limit for durable writes as RocksDB gives them — plain
// Puts of a value with WriteOptions::sync = true into one default column family, no
// read before the write, no hash, no index. Concurrent Puts are grouped by RocksDB's own
// write-group leader into one WAL sync, so this is the most synced writes per second
// this disk gives RocksDB, the ceiling our store (which adds a stream index, an
// idempotency record, the hash chain and the head record) can approach.
//
// Ownership: owns the rocksdb::DB. Thread safety: Put() is thread-safe.
#ifndef RENSTRA_BENCH_RAW_ROCKSDB_H_
#define RENSTRA_BENCH_RAW_ROCKSDB_H_

#include <cstdint>
#include <memory>
#include <string>

#include "absl/status/statusor.h"

namespace rocksdb {
class DB;
}  // namespace rocksdb

namespace renstra::bench {

class RawSyncedWriter {
 public:
  // Opens (creating) a RocksDB database with default options in `dir`.
  static absl::StatusOr<std::unique_ptr<RawSyncedWriter>> Open(const std::string& dir);
  ~RawSyncedWriter();
  RawSyncedWriter(const RawSyncedWriter&) = delete;
  RawSyncedWriter& operator=(const RawSyncedWriter&) = delete;

  // Puts `value` under "<client>/<n>", synced. "" on success, else RocksDB's message.
  std::string Put(int client, uint64_t n, const std::string& value);

 private:
  explicit RawSyncedWriter(std::unique_ptr<rocksdb::DB> db);
  std::unique_ptr<rocksdb::DB> db_;
};

}  // namespace renstra::bench

#endif  // RENSTRA_BENCH_RAW_ROCKSDB_H_
