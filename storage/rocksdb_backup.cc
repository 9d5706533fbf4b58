#include "storage/rocksdb_backup.h"

#include <algorithm>
#include <cstdarg>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <system_error>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "base/durable_file.h"
#include "base/status_macros.h"
#include "rocksdb/db.h"
#include "rocksdb/env.h"
#include "rocksdb/options.h"
#include "rocksdb/utilities/backup_engine.h"
#include "storage/chain_verifier.h"
#include "storage/envelope_hash.h"
#include "storage/rocksdb_event_store.h"
#include "storage/rocksdb_layout.h"
#include "storage/rocksdb_status.h"

namespace renstra {
namespace {

namespace fs = std::filesystem;

// Serializes the backup operations of this process: BackupEngine objects on one backup
// directory must not write it at the same time.
ABSL_CONST_INIT absl::Mutex backup_mu(absl::kConstInit);

std::string_view View(const rocksdb::Slice& slice) { return {slice.data(), slice.size()}; }

absl::Status FsError(std::string_view what, const fs::path& path, const std::error_code& ec) {
  return absl::UnavailableError(absl::StrCat(absl::string_view(what.data(), what.size()), " ",
                                             path.string(), ": ", ec.message()));
}

// `path` made absolute and normal, without a trailing separator.
absl::StatusOr<fs::path> Normal(const std::string& path, std::string_view what) {
  RENSTRA_RETURN_IF_ERROR(RocksDbBackup::CheckDirName(path, std::string(what)));
  std::error_code ec;
  fs::path normal = fs::weakly_canonical(path, ec);
  if (ec) return FsError(what, path, ec);
  if (!normal.has_filename() && normal.has_parent_path()) normal = normal.parent_path();
  return normal;
}

// Discards RocksDB's info log, so opening a backup writes no LOG file into it.
class NullLogger : public rocksdb::Logger {
 public:
  void Logv(const char* /*format*/, va_list /*ap*/) override {}
  void Logv(const rocksdb::InfoLogLevel /*level*/, const char* /*format*/,
            va_list /*ap*/) override {}
};

absl::Status RequireBackupDir(const std::string& backup_dir) {
  RENSTRA_RETURN_IF_ERROR(RocksDbBackup::CheckDirName(backup_dir, "backup directory"));
  std::error_code ec;
  if (!fs::is_directory(backup_dir, ec)) {
    return absl::NotFoundError(absl::StrCat("backup directory ", backup_dir, " does not exist"));
  }
  return absl::OkStatus();
}

// The engine of an existing backup directory; null when no backup was ever made in it
// (BackupEngineReadOnly refuses a directory without its "meta" subdirectory).
absl::StatusOr<std::unique_ptr<rocksdb::BackupEngineReadOnly>> OpenReadOnlyEngine(
    const std::string& backup_dir) {
  RENSTRA_RETURN_IF_ERROR(RequireBackupDir(backup_dir));
  std::error_code ec;
  if (!fs::exists(fs::path(backup_dir) / "meta", ec)) return nullptr;
  rocksdb::BackupEngineReadOnly* raw = nullptr;
  RENSTRA_RETURN_IF_ERROR(
      FromRocksDb(rocksdb::BackupEngineReadOnly::Open(rocksdb::BackupEngineOptions(backup_dir),
                                                      rocksdb::Env::Default(), &raw),
                  absl::StrCat("open backup directory ", backup_dir)));
  return std::unique_ptr<rocksdb::BackupEngineReadOnly>(raw);
}

// Backup `id` with file details (needed to open it), or NOT_FOUND.
absl::StatusOr<rocksdb::BackupInfo> GetInfo(const rocksdb::BackupEngineReadOnlyBase* engine,
                                            uint32_t id, const std::string& backup_dir) {
  rocksdb::BackupInfo info;
  rocksdb::Status status = engine == nullptr
                               ? rocksdb::Status::NotFound()
                               : engine->GetBackupInfo(id, &info, /*include_file_details=*/true);
  if (status.IsNotFound()) {
    return absl::NotFoundError(absl::StrCat("backup ", id, ": not in ", backup_dir));
  }
  RENSTRA_RETURN_IF_ERROR(FromRocksDb(status, absl::StrCat("backup ", id, " in ", backup_dir)));
  return info;
}

using BackupReader = std::function<absl::Status(
    rocksdb::DB& db, rocksdb::ColumnFamilyHandle* events, rocksdb::ColumnFamilyHandle* meta)>;

// Opens the backup `info` (with file details) read-only, in place, and hands its
// "events" and "meta" column families to `read`.
absl::Status ReadBackup(const rocksdb::BackupInfo& info, const std::string& context,
                        const BackupReader& read) {
  rocksdb::DBOptions options;
  options.env = info.env_for_open.get();
  options.info_log = std::make_shared<NullLogger>();
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  for (const char* name :
       {rocksdb::kDefaultColumnFamilyName.c_str(), layout::kEventsCf, layout::kMetaCf}) {
    families.emplace_back(name, rocksdb::ColumnFamilyOptions());
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  RENSTRA_RETURN_IF_ERROR(FromRocksDb(
      rocksdb::DB::OpenForReadOnly(options, info.name_for_open, families, &handles, &raw),
      absl::StrCat(context, ": open")));
  std::unique_ptr<rocksdb::DB> db(raw);
  absl::Status status = read(*db, handles[1], handles[2]);
  for (rocksdb::ColumnFamilyHandle* handle : handles) {
    db->DestroyColumnFamilyHandle(handle).PermitUncheckedError();
  }
  db->Close().PermitUncheckedError();  // Read-only: nothing to lose.
  return status;
}

// The head recorded in "meta" (the empty log's head when there is none).
absl::StatusOr<ChainHead> RecordedHead(rocksdb::DB& db, rocksdb::ColumnFamilyHandle* meta,
                                       const std::string& context) {
  std::string value;
  rocksdb::Status status = db.Get(rocksdb::ReadOptions(), meta, layout::kHeadKey, &value);
  if (status.IsNotFound()) return ChainHead{0, kZeroHash};
  RENSTRA_RETURN_IF_ERROR(FromRocksDb(status, absl::StrCat(context, ": read the recorded head")));
  std::optional<ChainHead> head = layout::DecodeHead(value);
  if (!head) return absl::DataLossError(absl::StrCat(context, ": malformed recorded head"));
  return *head;
}

// Re-hashes the whole log from event 1 and checks it ends at the recorded head.
absl::StatusOr<ChainHead> VerifyLog(rocksdb::DB& db, rocksdb::ColumnFamilyHandle* events,
                                    rocksdb::ColumnFamilyHandle* meta, const std::string& context) {
  ChainVerifier verifier(1, kZeroHash);
  std::unique_ptr<rocksdb::Iterator> it(db.NewIterator(rocksdb::ReadOptions(), events));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    std::optional<uint64_t> sequence = layout::DecodeU64(View(it->key()));
    if (!sequence) {
      return absl::DataLossError(
          absl::StrCat(context, ": events: malformed key ", ToHex(View(it->key()))));
    }
    absl::Status checked = verifier.Check(*sequence, View(it->value()));
    if (!checked.ok()) {
      return absl::DataLossError(absl::StrCat(context, ": ", checked.message()));
    }
  }
  RENSTRA_RETURN_IF_ERROR(FromRocksDb(it->status(), context));
  const uint64_t last = verifier.next_sequence() - 1;
  RENSTRA_ASSIGN_OR_RETURN(ChainHead recorded, RecordedHead(db, meta, context));
  if (recorded.sequence != last || recorded.hash != verifier.last_hash()) {
    return absl::DataLossError(absl::StrCat(context, ": the log ends at event ", last,
                                            " but its recorded head is event ", recorded.sequence,
                                            recorded.sequence == last ? " with another hash" : ""));
  }
  return recorded;
}

BackupInfo Describe(const rocksdb::BackupInfo& info, ChainHead head) {
  BackupInfo out;
  out.id = info.backup_id;
  out.timestamp_seconds = info.timestamp;
  out.size_bytes = info.size;
  out.number_files = info.number_files;
  out.last_sequence = head.sequence;
  out.head_hash = std::move(head.hash);
  return out;
}

// `info` with the head read back from the backup itself.
absl::StatusOr<BackupInfo> DescribeWithHead(const rocksdb::BackupInfo& info,
                                            const std::string& backup_dir) {
  const std::string context = absl::StrCat("backup ", info.backup_id, " in ", backup_dir);
  ChainHead head;
  RENSTRA_RETURN_IF_ERROR(ReadBackup(info, context,
                                     [&](rocksdb::DB& db, rocksdb::ColumnFamilyHandle*,
                                         rocksdb::ColumnFamilyHandle* meta) -> absl::Status {
                                       RENSTRA_ASSIGN_OR_RETURN(head,
                                                                RecordedHead(db, meta, context));
                                       return absl::OkStatus();
                                     }));
  return Describe(info, std::move(head));
}

// A status about a backup's files: a missing file or one whose size or CRC32C differs
// from the recorded one means the backup is damaged (DATA_LOSS).
absl::Status FromBackupFiles(const rocksdb::Status& status, const std::string& context) {
  if (status.IsNotFound() || status.IsCorruption()) {
    return absl::DataLossError(absl::StrCat(context, ": ", status.ToString()));
  }
  return FromRocksDb(status, context);
}

// Restores backup `id` (the newest when empty) into the missing or empty `target_dir`.
absl::StatusOr<BackupInfo> RestoreInto(const std::string& backup_dir, std::optional<uint32_t> id,
                                       const std::string& target_dir)
    ABSL_EXCLUSIVE_LOCKS_REQUIRED(backup_mu) {
  RENSTRA_RETURN_IF_ERROR(RocksDbBackup::CheckDirName(backup_dir, "backup directory"));
  RENSTRA_ASSIGN_OR_RETURN(fs::path target, Normal(target_dir, "restore target"));
  std::error_code ec;
  const fs::file_status target_status = fs::status(target, ec);
  if (fs::exists(target_status)) {
    if (!fs::is_directory(target_status)) {
      return absl::FailedPreconditionError(
          absl::StrCat("restore: target ", target_dir, " exists and is not a directory"));
    }
    const bool empty = fs::is_empty(target, ec);
    if (ec) return FsError("restore: cannot read target directory", target, ec);
    if (!empty) {
      return absl::FailedPreconditionError(
          absl::StrCat("restore: target directory ", target_dir, " is not empty"));
    }
  }

  RENSTRA_ASSIGN_OR_RETURN(std::unique_ptr<rocksdb::BackupEngineReadOnly> engine,
                           OpenReadOnlyEngine(backup_dir));
  rocksdb::BackupInfo info;
  if (id.has_value()) {
    RENSTRA_ASSIGN_OR_RETURN(info, GetInfo(engine.get(), *id, backup_dir));
  } else {
    rocksdb::Status status =
        engine == nullptr ? rocksdb::Status::NotFound() : engine->GetLatestBackupInfo(&info);
    if (status.IsNotFound()) {
      return absl::NotFoundError(absl::StrCat("no backup in ", backup_dir));
    }
    RENSTRA_RETURN_IF_ERROR(FromRocksDb(status, absl::StrCat("latest backup in ", backup_dir)));
  }
  const std::string context =
      absl::StrCat("restore backup ", info.backup_id, " from ", backup_dir, " to ", target_dir);

  const fs::path parent = target.parent_path();
  const fs::path staging = parent / absl::StrCat(".", target.filename().string(), ".restoring");
  fs::create_directories(parent, ec);
  if (ec) return FsError("restore: cannot create", parent, ec);
  fs::remove_all(staging, ec);  // Left over from an interrupted restore.
  if (ec) return FsError("restore: cannot remove", staging, ec);
  auto fail = [&staging](absl::Status status) {
    std::error_code ignored;
    fs::remove_all(staging, ignored);
    return status;
  };

  absl::Status restored =
      FromBackupFiles(engine->RestoreDBFromBackup(rocksdb::RestoreOptions(), info.backup_id,
                                                  staging.string(), staging.string()),
                      context);
  // RestoreDBFromBackup returns at the first file that fails while the engine's threads
  // may still be copying others into `staging`; destroying the engine joins them, so
  // nothing is written there after it is removed.
  engine.reset();
  if (!restored.ok()) return fail(restored);

  // Open what was restored and re-hash its whole chain before it becomes the target.
  ChainHead head;
  {
    RocksDbEventStore::Options options;
    options.verify_tail = 0;
    absl::StatusOr<std::unique_ptr<RocksDbEventStore>> store =
        RocksDbEventStore::Open(staging.string(), options);
    if (!store.ok()) {
      return fail(absl::Status(store.status().code(),
                               absl::StrCat(context, ": ", store.status().message())));
    }
    absl::StatusOr<uint64_t> verified = (*store)->VerifyChain(1);
    head = (*store)->Head();
    if (!verified.ok()) {
      return fail(absl::Status(verified.status().code(),
                               absl::StrCat(context, ": ", verified.status().message())));
    }
    if (*verified != head.sequence) {
      return fail(absl::DataLossError(absl::StrCat(context, ": verified ", *verified,
                                                   " events but the log ends at ", head.sequence)));
    }
  }

  fs::rename(staging, target, ec);
  if (ec)
    return fail(
        FsError(absl::StrCat(context, ": cannot rename ", staging.string(), " to"), target, ec));
  RENSTRA_RETURN_IF_ERROR(SyncDirectory(parent.string()));
  return Describe(info, std::move(head));
}

}  // namespace

absl::Status RocksDbBackup::CheckDirName(const std::string& dir, const std::string& what) {
  if (dir.empty()) return absl::InvalidArgumentError(absl::StrCat(what, ": must not be empty"));
  for (char c : dir) {
    // A NUL would cut the path short at the system call: a different directory.
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      return absl::InvalidArgumentError(
          absl::StrCat(what, ": must not contain a NUL or control character"));
    }
  }
  for (const fs::path& part : fs::path(dir)) {
    if (part == "..") {
      return absl::InvalidArgumentError(
          absl::StrCat(what, ": must not contain a \"..\" component"));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<BackupInfo> RocksDbBackup::Create(RocksDbEventStore& store,
                                                 const std::string& backup_dir) {
  rocksdb::DB* db = store.db_.get();
  RENSTRA_ASSIGN_OR_RETURN(fs::path backup, Normal(backup_dir, "backup directory"));
  RENSTRA_ASSIGN_OR_RETURN(fs::path data, Normal(db->GetName(), "data directory"));
  if (std::mismatch(data.begin(), data.end(), backup.begin(), backup.end()).first == data.end()) {
    return absl::InvalidArgumentError(absl::StrCat("backup directory ", backup_dir,
                                                   ": must not be the data directory ",
                                                   db->GetName(), " or inside it"));
  }

  absl::MutexLock lock(&backup_mu);
  std::error_code ec;
  fs::create_directories(backup, ec);
  if (ec) return FsError("cannot create backup directory", backup, ec);
  rocksdb::BackupEngine* raw = nullptr;
  RENSTRA_RETURN_IF_ERROR(
      FromRocksDb(rocksdb::BackupEngine::Open(rocksdb::BackupEngineOptions(backup.string()),
                                              db->GetEnv(), &raw),
                  absl::StrCat("open backup directory ", backup_dir)));
  std::unique_ptr<rocksdb::BackupEngine> engine(raw);

  // The flush puts every column family's memtable into table files; the WAL written
  // since is copied too, so the backup is one consistent point of the log.
  rocksdb::CreateBackupOptions options;
  options.flush_before_backup = true;
  rocksdb::BackupID id = 0;
  RENSTRA_RETURN_IF_ERROR(FromRocksDb(engine->CreateNewBackup(options, db, &id),
                                      absl::StrCat("back up ", db->GetName(), " to ", backup_dir)));
  RENSTRA_ASSIGN_OR_RETURN(rocksdb::BackupInfo info, GetInfo(engine.get(), id, backup_dir));
  return DescribeWithHead(info, backup_dir);
}

absl::StatusOr<std::vector<BackupInfo>> RocksDbBackup::List(const std::string& backup_dir) {
  absl::MutexLock lock(&backup_mu);
  RENSTRA_ASSIGN_OR_RETURN(std::unique_ptr<rocksdb::BackupEngineReadOnly> engine,
                           OpenReadOnlyEngine(backup_dir));
  std::vector<rocksdb::BackupInfo> infos;
  if (engine != nullptr) engine->GetBackupInfo(&infos, /*include_file_details=*/true);
  std::sort(infos.begin(), infos.end(),
            [](const rocksdb::BackupInfo& a, const rocksdb::BackupInfo& b) {
              return a.backup_id < b.backup_id;
            });
  std::vector<BackupInfo> out;
  for (const rocksdb::BackupInfo& info : infos) {
    RENSTRA_ASSIGN_OR_RETURN(BackupInfo described, DescribeWithHead(info, backup_dir));
    out.push_back(std::move(described));
  }
  return out;
}

absl::StatusOr<BackupInfo> RocksDbBackup::Verify(const std::string& backup_dir, uint32_t id) {
  absl::MutexLock lock(&backup_mu);
  RENSTRA_ASSIGN_OR_RETURN(std::unique_ptr<rocksdb::BackupEngineReadOnly> engine,
                           OpenReadOnlyEngine(backup_dir));
  RENSTRA_ASSIGN_OR_RETURN(rocksdb::BackupInfo info, GetInfo(engine.get(), id, backup_dir));
  const std::string context = absl::StrCat("verify backup ", id, " in ", backup_dir);
  RENSTRA_RETURN_IF_ERROR(
      FromBackupFiles(engine->VerifyBackup(id, /*verify_with_checksum=*/true), context));
  ChainHead head;
  RENSTRA_RETURN_IF_ERROR(ReadBackup(info, context,
                                     [&](rocksdb::DB& db, rocksdb::ColumnFamilyHandle* events,
                                         rocksdb::ColumnFamilyHandle* meta) -> absl::Status {
                                       RENSTRA_ASSIGN_OR_RETURN(
                                           head, VerifyLog(db, events, meta, context));
                                       return absl::OkStatus();
                                     }));
  return Describe(info, std::move(head));
}

absl::StatusOr<BackupInfo> RocksDbBackup::Restore(const std::string& backup_dir, uint32_t id,
                                                  const std::string& target_dir) {
  absl::MutexLock lock(&backup_mu);
  return RestoreInto(backup_dir, id, target_dir);
}

absl::StatusOr<BackupInfo> RocksDbBackup::RestoreLatest(const std::string& backup_dir,
                                                        const std::string& target_dir) {
  absl::MutexLock lock(&backup_mu);
  return RestoreInto(backup_dir, std::nullopt, target_dir);
}

absl::Status RocksDbBackup::Purge(const std::string& backup_dir, uint32_t keep) {
  if (keep == 0) return absl::InvalidArgumentError("keep: must be >= 1");
  absl::MutexLock lock(&backup_mu);
  RENSTRA_RETURN_IF_ERROR(RequireBackupDir(backup_dir));
  rocksdb::BackupEngine* raw = nullptr;
  RENSTRA_RETURN_IF_ERROR(
      FromRocksDb(rocksdb::BackupEngine::Open(rocksdb::BackupEngineOptions(backup_dir),
                                              rocksdb::Env::Default(), &raw),
                  absl::StrCat("open backup directory ", backup_dir)));
  std::unique_ptr<rocksdb::BackupEngine> engine(raw);
  return FromRocksDb(engine->PurgeOldBackups(keep),
                     absl::StrCat("purge backups in ", backup_dir, " keeping ", keep));
}

}  // namespace renstra
