// What RocksDbEventStore::Open() does when RocksDB reports a damaged write-ahead log:
// keep the WAL as found for the operator, and see how far a point-in-time recovery
// would bring the log, without changing anything.
//
// RocksDB deletes a WAL once its contents are in table files, and a point-in-time
// recovery drops everything after the first damaged record and then flushes: without a
// copy taken first, the evidence (and any chance of salvaging the dropped records with
// `ldb dump_wal`) would be gone.
//
// Thread safety: free functions; call them before the store is opened read-write.
// Errors: INTERNAL naming the path for a file that cannot be linked or copied; the
// RocksDB error (as FromRocksDb) of the read-only open.
#ifndef RENSTRA_STORAGE_WAL_RECOVERY_H_
#define RENSTRA_STORAGE_WAL_RECOVERY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "storage/event_store.h"

namespace rocksdb {
struct ColumnFamilyDescriptor;
}  // namespace rocksdb

namespace renstra {

// Hard-links (or, on another file system, copies) every WAL file (*.log) of the RocksDB
// directory `dir` into a new directory `dir`/wal-kept-<UTC time>[-N] and returns its
// path; "" when there is no WAL file.
absl::StatusOr<std::string> KeepWalFiles(const std::string& dir);

// The log a point-in-time recovery of `dir` would give: its head, and the hash of its
// event `at` (nullopt if the log ends before `at`; `at` = 0 asks for none). Opens the
// database read-only: nothing on disk changes.
struct RecoveryProbe {
  ChainHead head;
  std::optional<std::string> hash_at;
};
absl::StatusOr<RecoveryProbe> ProbePointInTimeRecovery(const std::string& dir, uint64_t at);

}  // namespace renstra

#endif  // RENSTRA_STORAGE_WAL_RECOVERY_H_
