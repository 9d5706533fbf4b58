#include "storage/wal_recovery.h"

#include <ctime>
#include <filesystem>
#include <memory>
#include <system_error>
#include <vector>

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "rocksdb/db.h"
#include "rocksdb/options.h"
#include "storage/envelope_hash.h"
#include "storage/rocksdb_layout.h"
#include "storage/rocksdb_status.h"

namespace renstra {
namespace {

namespace fs = std::filesystem;

std::string UtcStamp() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y%m%dT%H%M%SZ", &tm);
  return buf;
}

}  // namespace

absl::StatusOr<std::string> KeepWalFiles(const std::string& dir) {
  std::vector<fs::path> wals;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file() && it->path().extension() == ".log") wals.push_back(it->path());
  }
  if (ec) return absl::InternalError(absl::StrCat("list ", dir, ": ", ec.message()));
  if (wals.empty()) return std::string();
  const std::string base = absl::StrCat(dir, "/wal-kept-", UtcStamp());
  std::string kept = base;
  for (int n = 2; fs::exists(kept, ec); ++n) kept = absl::StrCat(base, "-", n);
  fs::create_directories(kept, ec);
  if (ec) return absl::InternalError(absl::StrCat("create ", kept, ": ", ec.message()));
  for (const fs::path& wal : wals) {
    const fs::path to = fs::path(kept) / wal.filename();
    fs::create_hard_link(wal, to, ec);
    if (ec) {
      ec.clear();
      fs::copy_file(wal, to, ec);
      if (ec) {
        return absl::InternalError(
            absl::StrCat("copy ", wal.string(), " to ", to.string(), ": ", ec.message()));
      }
    }
  }
  return kept;
}

absl::StatusOr<RecoveryProbe> ProbePointInTimeRecovery(const std::string& dir, uint64_t at) {
  rocksdb::Options options;
  options.wal_recovery_mode = rocksdb::WALRecoveryMode::kPointInTimeRecovery;
  std::vector<std::string> names;
  RENSTRA_RETURN_IF_ERROR(FromRocksDb(rocksdb::DB::ListColumnFamilies(options, dir, &names),
                                      absl::StrCat("list the column families of ", dir)));
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  size_t events_index = names.size();
  for (size_t i = 0; i < names.size(); ++i) {
    families.emplace_back(names[i], rocksdb::ColumnFamilyOptions(options));
    if (names[i] == layout::kEventsCf) events_index = i;
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  RENSTRA_RETURN_IF_ERROR(
      FromRocksDb(rocksdb::DB::OpenForReadOnly(options, dir, families, &handles, &raw),
                  absl::StrCat("open ", dir, " read-only with point-in-time recovery")));
  std::unique_ptr<rocksdb::DB> db(raw);
  RecoveryProbe out{ChainHead{0, kZeroHash}, std::nullopt};
  absl::Status status;
  if (events_index < names.size()) {
    rocksdb::ColumnFamilyHandle* events = handles[events_index];
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), events));
    it->SeekToLast();
    status = FromRocksDb(it->status(), "probe the head");
    if (status.ok() && it->Valid()) {
      std::optional<uint64_t> sequence =
          layout::DecodeU64(std::string_view(it->key().data(), it->key().size()));
      out.head = ChainHead{sequence.value_or(0),
                           Sha256(std::string_view(it->value().data(), it->value().size()))};
    }
    if (status.ok() && at != 0 && at <= out.head.sequence) {
      std::string value;
      rocksdb::Status got = db->Get(rocksdb::ReadOptions(), events, layout::EncodeU64(at), &value);
      if (got.ok()) out.hash_at = Sha256(value);
      if (!got.ok() && !got.IsNotFound()) status = FromRocksDb(got, "probe an event");
    }
  }
  for (rocksdb::ColumnFamilyHandle* h : handles)
    db->DestroyColumnFamilyHandle(h).PermitUncheckedError();
  db->Close().PermitUncheckedError();
  RENSTRA_RETURN_IF_ERROR(status);
  return out;
}

}  // namespace renstra
