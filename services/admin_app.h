// AdminApp: the operator's commands — online backups of the RocksDB log and metrics.
// Every method is for the ADMIN role; the service adapter checks it.
//
// Backup directories: the server's --backup_dir is the backup root. A request's `dir`
// must be the root or below it (a relative `dir` is taken below the root); listing and
// verifying need a root, so no caller can probe other directories of the server. A
// backup without a root configured may go to any directory (as before there was one).
// Every `dir` is checked — no NUL or control character, no ".." — before anything
// on disk is touched.
//
// Ownership: borrows the RocksDB store (null when the log is in memory) and Metrics.
// Thread safety: thread-safe (RocksDbBackup serializes backups in one process).
// Errors: FAILED_PRECONDITION when there is no RocksDB store, or no backup directory
// was given, or listing/verifying without a backup root; INVALID_ARGUMENT for a `dir`
// with a NUL, control character or ".."; PERMISSION_DENIED for a `dir` outside the
// backup root; otherwise those of RocksDbBackup (see storage/rocksdb_backup.h).
#ifndef RENSTRA_SERVICES_ADMIN_APP_H_
#define RENSTRA_SERVICES_ADMIN_APP_H_

#include <string>

#include "absl/status/statusor.h"
#include "renstra/v1/admin_service.pb.h"
#include "services/metrics.h"
#include "storage/rocksdb_event_store.h"

namespace renstra {

class AdminApp {
 public:
  AdminApp(RocksDbEventStore* store, std::string default_backup_dir, const Metrics* metrics)
      : store_(store), default_backup_dir_(std::move(default_backup_dir)), metrics_(metrics) {}

  absl::StatusOr<v1::Backup> CreateBackup(const v1::CreateBackupRequest& request) const;
  absl::StatusOr<v1::ListBackupsResponse> ListBackups(const v1::ListBackupsRequest& request) const;
  absl::StatusOr<v1::Backup> VerifyBackup(const v1::VerifyBackupRequest& request) const;
  v1::Metrics GetMetrics() const;

 private:
  // The request's directory, else the server's; FAILED_PRECONDITION when neither.
  // `need_root`: the request is refused without a backup root (list, verify).
  absl::StatusOr<std::string> DirOf(const std::string& requested, bool need_root) const;

  RocksDbEventStore* const store_;
  const std::string default_backup_dir_;
  const Metrics* const metrics_;
};

}  // namespace renstra

#endif  // RENSTRA_SERVICES_ADMIN_APP_H_
