// RocksDbBackup: online backups of a RocksDbEventStore with RocksDB's BackupEngine, and
// restores of them into a new data directory.
//
// A backup directory holds any number of numbered backups (1, 2, ...) of one store;
// table files are shared between them, so each backup after the first copies only what
// is new. Create() backs up a *live* store: RocksDB flushes every column family, stops
// deleting files, and copies the live table files, the manifest and the WAL up to one
// point, so the backup holds exactly the commits (WriteBatches) up to that point — all
// column families together — however many Append() calls run meanwhile. The log's
// head in the backup (`last_sequence`, `head_hash`) is read back from the backup
// itself, so it is exact. Every file's CRC32C is recorded in the backup's metadata.
//
// Restore() and RestoreLatest() copy a backup into a target directory that must be
// missing or empty. They restore into a sibling staging directory
// (`<parent>/.<name>.restoring`), open the result as a RocksDbEventStore and re-hash its
// whole chain, and only then rename it to the target, so the target is either absent
// /empty or a verified store, never a half-restored one. The target must therefore not
// be a mount point (use a subdirectory such as /var/lib/renstra/data). Restore with the
// server stopped; the target is then opened with `renstrad --data_dir=TARGET`.
//
// Ownership: nothing is kept between calls; each call opens and closes its own
// BackupEngine. Create() borrows the store, which must outlive the call.
// Thread safety: all functions are thread-safe. Calls in one process are serialized by
// one internal mutex (two BackupEngines must not write one backup directory at once);
// the store keeps serving Append()/reads during Create(). Another *process* writing
// the same backup directory at the same time is not supported.
//
// Errors (messages name the directory and, where there is one, the backup id):
//   INVALID_ARGUMENT     empty directory argument, or one with a NUL or control
//                        character or a ".." component (checked before anything is
//                        created); a backup directory that is the store's data
//                        directory or inside it; keep == 0 for Purge()
//   NOT_FOUND            the backup directory does not exist (List/Verify/Restore); no
//                        backup with that id; no backup at all
//   FAILED_PRECONDITION  the restore target exists and is not an empty directory
//   DATA_LOSS            a backup file whose checksum or size differs from the one
//                        recorded, a missing backup file, or a backed-up log whose hash
//                        chain is broken ("backup N: event S: ...")
//   UNAVAILABLE          I/O errors (including a full disk), file system errors
//   INTERNAL             other RocksDB failures
#ifndef RENSTRA_STORAGE_ROCKSDB_BACKUP_H_
#define RENSTRA_STORAGE_ROCKSDB_BACKUP_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace renstra {

class RocksDbEventStore;

// One backup in a backup directory.
struct BackupInfo {
  uint32_t id = 0;                // 1, 2, ... in order of creation
  int64_t timestamp_seconds = 0;  // creation time, seconds since the Unix epoch
  uint64_t size_bytes = 0;        // all its files, shared ones included
  uint32_t number_files = 0;      // files it consists of, shared ones included
  uint64_t last_sequence = 0;     // the log's head in the backup (0: empty log)
  std::string head_hash;          // 32 raw bytes: hash of event last_sequence
};

class RocksDbBackup {
 public:
  RocksDbBackup() = delete;

  // INVALID_ARGUMENT naming `what` when `dir` is empty, holds a NUL or another control
  // character, or has a ".." component; every function here checks its directories
  // so before it touches the file system.
  static absl::Status CheckDirName(const std::string& dir, const std::string& what);

  // Backs up the live `store` as a new backup in `backup_dir` (created if missing,
  // with its parents), and returns it.
  static absl::StatusOr<BackupInfo> Create(RocksDbEventStore& store, const std::string& backup_dir);

  // The backups in `backup_dir`, oldest first (an existing empty directory: none).
  // Backups whose metadata RocksDB finds corrupt are left out.
  static absl::StatusOr<std::vector<BackupInfo>> List(const std::string& backup_dir);

  // Checks backup `id` in depth: every file's size and CRC32C against the recorded
  // ones, then the hash chain of the whole backed-up log and its recorded head.
  // Returns the backup's description on success.
  static absl::StatusOr<BackupInfo> Verify(const std::string& backup_dir, uint32_t id);

  // Restores backup `id` into `target_dir` (missing or empty; its parents are created),
  // verifying the restored log as described above. Returns the restored backup.
  static absl::StatusOr<BackupInfo> Restore(const std::string& backup_dir, uint32_t id,
                                            const std::string& target_dir);
  // Restore() of the newest backup.
  static absl::StatusOr<BackupInfo> RestoreLatest(const std::string& backup_dir,
                                                  const std::string& target_dir);

  // Deletes all but the `keep` newest backups, and the files only they used.
  static absl::Status Purge(const std::string& backup_dir, uint32_t keep);
};

}  // namespace renstra

#endif  // RENSTRA_STORAGE_ROCKSDB_BACKUP_H_
