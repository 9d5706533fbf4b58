// The one conversion of rocksdb::Status into absl::Status for the storage layer.
//
// IOError (including NoSpace) -> UNAVAILABLE, Corruption -> DATA_LOSS, anything else
// -> INTERNAL; the message is "<context>: <RocksDB message>". OK stays OK.
#ifndef RENSTRA_STORAGE_ROCKSDB_STATUS_H_
#define RENSTRA_STORAGE_ROCKSDB_STATUS_H_

#include <string_view>

#include "absl/status/status.h"
#include "rocksdb/status.h"

namespace renstra {

absl::Status FromRocksDb(const rocksdb::Status& status, std::string_view context);

}  // namespace renstra

#endif  // RENSTRA_STORAGE_ROCKSDB_STATUS_H_
