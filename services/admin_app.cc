#include "services/admin_app.h"

#include <chrono>
#include <filesystem>

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "storage/envelope_hash.h"
#include "storage/rocksdb_backup.h"

namespace renstra {
namespace {

v1::Backup ToProto(const std::string& dir, const BackupInfo& info) {
  v1::Backup out;
  out.set_dir(dir);
  out.set_id(info.id);
  out.set_timestamp_seconds(info.timestamp_seconds);
  out.set_size_bytes(info.size_bytes);
  out.set_number_files(info.number_files);
  out.set_last_sequence(info.last_sequence);
  out.set_head_hash(ToHex(info.head_hash));
  return out;
}

int64_t MicrosSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() -
                                                               start)
      .count();
}

}  // namespace

absl::StatusOr<std::string> AdminApp::DirOf(const std::string& requested, bool need_root) const {
  namespace fs = std::filesystem;
  if (requested.empty()) {
    if (!default_backup_dir_.empty()) return default_backup_dir_;
    return absl::FailedPreconditionError(
        "dir: required (the server was started without --backup_dir)");
  }
  RENSTRA_RETURN_IF_ERROR(RocksDbBackup::CheckDirName(requested, "dir"));
  if (default_backup_dir_.empty()) {
    if (!need_root) return requested;
    return absl::FailedPreconditionError(
        "dir: the server was started without --backup_dir: backups are listed and verified "
        "only under that backup root");
  }
  // Lexical: ".." is refused above, so a normal path below the root stays below it.
  const fs::path root = fs::absolute(default_backup_dir_).lexically_normal();
  const fs::path dir = (root / requested).lexically_normal();  // an absolute one replaces
  const fs::path relative = dir.lexically_relative(root);
  if (relative.empty() || *relative.begin() == "..") {
    return absl::PermissionDeniedError(
        absl::StrCat("dir: ", requested, " is outside the backup root ", root.string(),
                     " (--backup_dir); only it and its subdirectories are allowed"));
  }
  return dir.string();
}

absl::StatusOr<v1::Backup> AdminApp::CreateBackup(const v1::CreateBackupRequest& request) const {
  if (store_ == nullptr) {
    return absl::FailedPreconditionError("this server keeps its log in memory: nothing to back up");
  }
  RENSTRA_ASSIGN_OR_RETURN(std::string dir, DirOf(request.dir(), /*need_root=*/false));
  const auto start = std::chrono::steady_clock::now();
  RENSTRA_ASSIGN_OR_RETURN(BackupInfo info, RocksDbBackup::Create(*store_, dir));
  v1::Backup out = ToProto(dir, info);
  out.set_elapsed_micros(MicrosSince(start));
  return out;
}

absl::StatusOr<v1::ListBackupsResponse> AdminApp::ListBackups(
    const v1::ListBackupsRequest& request) const {
  RENSTRA_ASSIGN_OR_RETURN(std::string dir, DirOf(request.dir(), /*need_root=*/true));
  RENSTRA_ASSIGN_OR_RETURN(std::vector<BackupInfo> backups, RocksDbBackup::List(dir));
  v1::ListBackupsResponse out;
  for (const BackupInfo& info : backups) *out.add_backups() = ToProto(dir, info);
  return out;
}

absl::StatusOr<v1::Backup> AdminApp::VerifyBackup(const v1::VerifyBackupRequest& request) const {
  if (request.id() == 0) return absl::InvalidArgumentError("id: required (a backup number)");
  RENSTRA_ASSIGN_OR_RETURN(std::string dir, DirOf(request.dir(), /*need_root=*/true));
  const auto start = std::chrono::steady_clock::now();
  RENSTRA_ASSIGN_OR_RETURN(BackupInfo info, RocksDbBackup::Verify(dir, request.id()));
  v1::Backup out = ToProto(dir, info);
  out.set_elapsed_micros(MicrosSince(start));
  return out;
}

v1::Metrics AdminApp::GetMetrics() const {
  v1::Metrics out;
  out.set_text(metrics_->RenderPrometheus());
  return out;
}

}  // namespace renstra
