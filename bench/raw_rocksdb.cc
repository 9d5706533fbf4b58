#include "bench/raw_rocksdb.h"

#include "absl/strings/str_cat.h"
#include "rocksdb/db.h"

namespace renstra::bench {

absl::StatusOr<std::unique_ptr<RawSyncedWriter>> RawSyncedWriter::Open(const std::string& dir) {
  rocksdb::Options options;
  options.create_if_missing = true;
  rocksdb::DB* raw = nullptr;
  const rocksdb::Status s = rocksdb::DB::Open(options, dir, &raw);
  if (!s.ok()) return absl::UnavailableError(absl::StrCat("open ", dir, ": ", s.ToString()));
  return std::unique_ptr<RawSyncedWriter>(new RawSyncedWriter(std::unique_ptr<rocksdb::DB>(raw)));
}

RawSyncedWriter::RawSyncedWriter(std::unique_ptr<rocksdb::DB> db) : db_(std::move(db)) {}

RawSyncedWriter::~RawSyncedWriter() { db_->Close().PermitUncheckedError(); }

std::string RawSyncedWriter::Put(int client, uint64_t n, const std::string& value) {
  rocksdb::WriteOptions sync;
  sync.sync = true;
  const rocksdb::Status s = db_->Put(sync, absl::StrCat(client, "/", n), value);
  return s.ok() ? "" : s.ToString();
}

}  // namespace renstra::bench
