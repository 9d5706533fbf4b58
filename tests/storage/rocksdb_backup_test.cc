// RocksDbBackup: backups of a live store, listing, restore into a fresh directory,
// refusal of a non-empty target, detection of a damaged backup, consistency of a backup
// taken while another thread appends.
#include "storage/rocksdb_backup.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "storage/envelope_hash.h"
#include "storage/rocksdb_event_store.h"
#include "tests/storage/storage_test_util.h"
#include "tests/testing/status_matchers.h"

namespace renstra {
namespace {

namespace fs = std::filesystem;
using ::renstra::testing::FakeClock;
using ::renstra::testing::HashOf;
using ::renstra::testing::IsOk;
using ::renstra::testing::MakeRequest;
using ::renstra::testing::Sequences;
using ::renstra::testing::TempDir;

int64_t NowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::vector<uint64_t> OneTo(uint64_t n) {
  std::vector<uint64_t> out;
  for (uint64_t i = 1; i <= n; ++i) out.push_back(i);
  return out;
}

void ExpectSameEnvelopes(const std::vector<v1::EventEnvelope>& actual,
                         const std::vector<v1::EventEnvelope>& expected) {
  ASSERT_EQ(actual.size(), expected.size());
  for (size_t i = 0; i < actual.size(); ++i) {
    EXPECT_EQ(actual[i].SerializeAsString(), expected[i].SerializeAsString()) << i;
  }
}

// Every file under `dir` with its size, sorted.
std::vector<std::string> FilesUnder(const std::string& dir) {
  std::vector<std::string> out;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) {
      out.push_back(entry.path().string() + " " + std::to_string(entry.file_size()));
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Flips one byte in the middle of the largest table file of the backup directory.
void FlipByteInLargestTableFile(const std::string& backup_dir) {
  fs::path largest;
  uintmax_t largest_size = 0;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(backup_dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".sst" &&
        entry.file_size() > largest_size) {
      largest = entry.path();
      largest_size = entry.file_size();
    }
  }
  ASSERT_GT(largest_size, 0u) << "no .sst file in " << backup_dir;
  std::fstream file(largest, std::ios::in | std::ios::out | std::ios::binary);
  ASSERT_TRUE(file.is_open()) << largest;
  const std::streamoff at = static_cast<std::streamoff>(largest_size / 2);
  file.seekg(at);
  char byte = 0;
  file.read(&byte, 1);
  byte = static_cast<char>(byte ^ 0x01);
  file.seekp(at);
  file.write(&byte, 1);
  ASSERT_TRUE(file.good());
}

class RocksDbBackupTest : public ::testing::Test {
 protected:
  std::unique_ptr<RocksDbEventStore> OpenStore(const std::string& path) {
    RocksDbEventStore::Options options;
    options.now_micros = clock_.AsFunction();
    auto store = RocksDbEventStore::Open(path, options);
    EXPECT_THAT(store, IsOk()) << store.status();
    return store.ok() ? *std::move(store) : nullptr;
  }

  // Appends requests first..first+count-1, one event each, alternating two streams,
  // with request ids "req-N".
  static void AppendEvents(RocksDbEventStore& store, int first, int count) {
    for (int i = first; i < first + count; ++i) {
      auto result =
          store.Append(MakeRequest(i % 2 == 0 ? "plan/a" : "plan/b", kAnyVersion,
                                   {"E" + std::to_string(i)}, "req-" + std::to_string(i)));
      ASSERT_THAT(result, IsOk()) << result.status();
    }
  }

  TempDir dir_;
  const std::string data_ = dir_.Sub("data");
  const std::string backups_ = dir_.Sub("backups");
  FakeClock clock_;
};

TEST_F(RocksDbBackupTest, TwoBackupsAreListedAndTheFirstRestoresExactly) {
  auto store = OpenStore(data_);
  ASSERT_NE(store, nullptr);
  AppendEvents(*store, 0, 5);
  const ChainHead head1 = store->Head();
  const std::vector<v1::EventEnvelope> events1 = *store->ReadAll(1, 100);
  const int64_t before = NowSeconds();
  absl::StatusOr<BackupInfo> first = RocksDbBackup::Create(*store, backups_);
  ASSERT_THAT(first, IsOk()) << first.status();
  EXPECT_EQ(first->id, 1u);
  EXPECT_EQ(first->last_sequence, 5u);
  EXPECT_EQ(first->head_hash, head1.hash);
  EXPECT_EQ(first->head_hash, HashOf(events1.back()));
  EXPECT_GE(first->timestamp_seconds, before);
  EXPECT_LE(first->timestamp_seconds, NowSeconds());
  EXPECT_GT(first->number_files, 0u);
  EXPECT_GT(first->size_bytes, 0u);

  AppendEvents(*store, 5, 3);
  const ChainHead head2 = store->Head();
  absl::StatusOr<BackupInfo> second = RocksDbBackup::Create(*store, backups_);
  ASSERT_THAT(second, IsOk()) << second.status();
  EXPECT_EQ(second->id, 2u);
  EXPECT_EQ(second->last_sequence, 8u);
  EXPECT_EQ(second->head_hash, head2.hash);

  absl::StatusOr<std::vector<BackupInfo>> listed = RocksDbBackup::List(backups_);
  ASSERT_THAT(listed, IsOk()) << listed.status();
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].id, 1u);
  EXPECT_EQ((*listed)[0].last_sequence, 5u);
  EXPECT_EQ((*listed)[0].head_hash, head1.hash);
  EXPECT_EQ((*listed)[0].number_files, first->number_files);
  EXPECT_EQ((*listed)[0].timestamp_seconds, first->timestamp_seconds);
  EXPECT_EQ((*listed)[1].id, 2u);
  EXPECT_EQ((*listed)[1].last_sequence, 8u);
  EXPECT_EQ((*listed)[1].head_hash, head2.hash);

  const std::string restored_dir = dir_.Sub("restored/data");
  const std::vector<std::string> backup_files = FilesUnder(backups_);
  absl::StatusOr<BackupInfo> restored = RocksDbBackup::Restore(backups_, 1, restored_dir);
  ASSERT_THAT(restored, IsOk()) << restored.status();
  EXPECT_EQ(FilesUnder(backups_), backup_files);  // A restore only reads the backups.
  EXPECT_EQ(restored->id, 1u);
  EXPECT_EQ(restored->last_sequence, 5u);
  EXPECT_EQ(restored->head_hash, head1.hash);
  EXPECT_FALSE(fs::exists(dir_.Sub("restored/.data.restoring")));
  {
    auto copy = OpenStore(restored_dir);
    ASSERT_NE(copy, nullptr);
    EXPECT_EQ(copy->Head().sequence, 5u);
    EXPECT_EQ(copy->Head().hash, head1.hash);
    ExpectSameEnvelopes(*copy->ReadAll(1, 100), events1);
    EXPECT_EQ(*copy->VerifyChain(1), 5u);
    EXPECT_EQ(copy->StreamVersion("plan/a"), 3u);
    EXPECT_EQ(copy->StreamVersion("plan/b"), 2u);
    // The idempotency records came along: a retry of request 4 appends nothing.
    auto retry = copy->Append(MakeRequest("plan/a", kAnyVersion, {"E4"}, "req-4"));
    ASSERT_THAT(retry, IsOk()) << retry.status();
    EXPECT_TRUE(retry->deduplicated);
    EXPECT_EQ(retry->last_sequence, 5u);
    // Request 5 came after the backup: it is new here.
    auto later = copy->Append(MakeRequest("plan/b", kAnyVersion, {"E5"}, "req-5"));
    ASSERT_THAT(later, IsOk()) << later.status();
    EXPECT_FALSE(later->deduplicated);
    EXPECT_EQ(later->first_sequence, 6u);
  }
  EXPECT_EQ(store->Head().sequence, 8u);  // The live store is untouched.

  const std::string latest_dir = dir_.Sub("latest");
  absl::StatusOr<BackupInfo> latest = RocksDbBackup::RestoreLatest(backups_, latest_dir);
  ASSERT_THAT(latest, IsOk()) << latest.status();
  EXPECT_EQ(latest->id, 2u);
  EXPECT_EQ(latest->last_sequence, 8u);
  auto copy = OpenStore(latest_dir);
  ASSERT_NE(copy, nullptr);
  EXPECT_EQ(copy->Head().hash, head2.hash);
  ExpectSameEnvelopes(*copy->ReadAll(1, 100), *store->ReadAll(1, 100));
  EXPECT_EQ(*copy->VerifyChain(1), 8u);
}

TEST_F(RocksDbBackupTest, RestoreRefusesANonEmptyTarget) {
  {
    auto store = OpenStore(data_);
    ASSERT_NE(store, nullptr);
    AppendEvents(*store, 0, 2);
    ASSERT_THAT(RocksDbBackup::Create(*store, backups_), IsOk());
  }
  const std::string target = dir_.Sub("target");
  fs::create_directories(target);
  { std::ofstream(target + "/keep.txt") << "precious"; }
  absl::StatusOr<BackupInfo> refused = RocksDbBackup::RestoreLatest(backups_, target);
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(refused.status().message(), "restore: target directory " + target + " is not empty");
  EXPECT_EQ(RocksDbBackup::Restore(backups_, 1, target).status().code(),
            absl::StatusCode::kFailedPrecondition);
  std::ifstream kept(target + "/keep.txt");
  std::string content;
  kept >> content;
  EXPECT_EQ(content, "precious");
  EXPECT_EQ(std::distance(fs::directory_iterator(target), fs::directory_iterator()), 1);

  // The live data directory is never a valid target either.
  EXPECT_EQ(RocksDbBackup::RestoreLatest(backups_, data_).status().message(),
            "restore: target directory " + data_ + " is not empty");

  const std::string file = dir_.Sub("a-file");
  { std::ofstream(file) << "x"; }
  absl::StatusOr<BackupInfo> not_dir = RocksDbBackup::RestoreLatest(backups_, file);
  EXPECT_EQ(not_dir.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(not_dir.status().message(),
            "restore: target " + file + " exists and is not a directory");

  // An existing empty directory is fine.
  const std::string empty = dir_.Sub("empty");
  fs::create_directories(empty);
  absl::StatusOr<BackupInfo> restored = RocksDbBackup::RestoreLatest(backups_, empty);
  ASSERT_THAT(restored, IsOk()) << restored.status();
  EXPECT_EQ(restored->last_sequence, 2u);
}

TEST_F(RocksDbBackupTest, VerifyDetectsAFlippedByteAndRestoreRefusesTheBackup) {
  {
    auto store = OpenStore(data_);
    ASSERT_NE(store, nullptr);
    AppendEvents(*store, 0, 20);
    ASSERT_THAT(RocksDbBackup::Create(*store, backups_), IsOk());
  }
  const std::vector<std::string> files = FilesUnder(backups_);
  absl::StatusOr<BackupInfo> good = RocksDbBackup::Verify(backups_, 1);
  ASSERT_THAT(good, IsOk()) << good.status();
  EXPECT_EQ(good->id, 1u);
  EXPECT_EQ(good->last_sequence, 20u);
  ASSERT_THAT(RocksDbBackup::List(backups_), IsOk());
  EXPECT_EQ(FilesUnder(backups_), files);  // Reading a backup writes nothing into it.

  FlipByteInLargestTableFile(backups_);
  absl::StatusOr<BackupInfo> bad = RocksDbBackup::Verify(backups_, 1);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_TRUE(
      absl::StartsWith(bad.status().message(), "verify backup 1 in " + backups_ + ": Corruption: "))
      << bad.status();

  const std::string target = dir_.Sub("restored");
  absl::StatusOr<BackupInfo> restored = RocksDbBackup::Restore(backups_, 1, target);
  EXPECT_EQ(restored.status().code(), absl::StatusCode::kDataLoss) << restored.status();
  EXPECT_TRUE(absl::StartsWith(restored.status().message(),
                               "restore backup 1 from " + backups_ + " to " + target + ": "))
      << restored.status();
  EXPECT_FALSE(fs::exists(target));
  EXPECT_FALSE(fs::exists(dir_.Sub(".restored.restoring")));
}

TEST_F(RocksDbBackupTest, BackupWhileAnotherThreadAppendsIsConsistent) {
  auto store = OpenStore(data_);
  ASSERT_NE(store, nullptr);
  std::atomic<bool> stop{false};
  std::atomic<int> appended{0};
  std::thread appender([&] {
    for (int i = 0; !stop.load(); ++i) {
      auto result = store->Append(MakeRequest("plan/" + std::to_string(i % 3), kAnyVersion,
                                              {"E1", "E2"}, "req-" + std::to_string(i)));
      ASSERT_THAT(result, IsOk()) << result.status();
      appended.fetch_add(1);
    }
  });
  while (appended.load() < 25) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  const uint64_t head_before = store->Head().sequence;
  absl::StatusOr<BackupInfo> backup = RocksDbBackup::Create(*store, backups_);
  const int after_backup = appended.load();
  while (appended.load() < after_backup + 10) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  stop = true;
  appender.join();
  ASSERT_THAT(backup, IsOk()) << backup.status();
  const uint64_t head_after = store->Head().sequence;
  EXPECT_GE(backup->last_sequence, head_before);
  EXPECT_LT(backup->last_sequence, head_after);
  EXPECT_EQ(backup->last_sequence % 2, 0u);  // Whole commands only: two events each.

  const std::string target = dir_.Sub("restored");
  absl::StatusOr<BackupInfo> restored = RocksDbBackup::Restore(backups_, 1, target);
  ASSERT_THAT(restored, IsOk()) << restored.status();
  EXPECT_EQ(restored->last_sequence, backup->last_sequence);
  auto copy = OpenStore(target);
  ASSERT_NE(copy, nullptr);
  const uint64_t n = backup->last_sequence;
  EXPECT_EQ(copy->Head().sequence, n);
  EXPECT_EQ(copy->Head().hash, backup->head_hash);
  EXPECT_EQ(*copy->VerifyChain(1), n);
  const std::vector<v1::EventEnvelope> copied = *copy->ReadAll(1, 100000);
  EXPECT_EQ(Sequences(copied), OneTo(n));
  ExpectSameEnvelopes(copied, *store->ReadAll(1, n));
  EXPECT_EQ(
      copy->StreamVersion("plan/0") + copy->StreamVersion("plan/1") + copy->StreamVersion("plan/2"),
      n);
}

TEST_F(RocksDbBackupTest, EmptyStoreBacksUpAndRestoresEmpty) {
  auto store = OpenStore(data_);
  ASSERT_NE(store, nullptr);
  absl::StatusOr<BackupInfo> backup = RocksDbBackup::Create(*store, backups_);
  ASSERT_THAT(backup, IsOk()) << backup.status();
  EXPECT_EQ(backup->last_sequence, 0u);
  EXPECT_EQ(backup->head_hash, kZeroHash);
  EXPECT_EQ(RocksDbBackup::Verify(backups_, 1)->last_sequence, 0u);
  const std::string target = dir_.Sub("restored");
  ASSERT_THAT(RocksDbBackup::RestoreLatest(backups_, target), IsOk());
  auto copy = OpenStore(target);
  ASSERT_NE(copy, nullptr);
  EXPECT_EQ(copy->Head().sequence, 0u);
}

TEST_F(RocksDbBackupTest, PurgeKeepsTheNewestBackups) {
  auto store = OpenStore(data_);
  ASSERT_NE(store, nullptr);
  for (int i = 0; i < 3; ++i) {
    AppendEvents(*store, i, 1);
    ASSERT_THAT(RocksDbBackup::Create(*store, backups_), IsOk());
  }
  EXPECT_EQ(RocksDbBackup::Purge(backups_, 0).message(), "keep: must be >= 1");
  ASSERT_THAT(RocksDbBackup::Purge(backups_, 1), IsOk());
  absl::StatusOr<std::vector<BackupInfo>> listed = RocksDbBackup::List(backups_);
  ASSERT_THAT(listed, IsOk()) << listed.status();
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].id, 3u);
  EXPECT_EQ((*listed)[0].last_sequence, 3u);
  EXPECT_THAT(RocksDbBackup::Verify(backups_, 3), IsOk());
  EXPECT_EQ(RocksDbBackup::Verify(backups_, 1).status().code(), absl::StatusCode::kNotFound);
}

TEST_F(RocksDbBackupTest, MissingBackupsAndBadDirectoriesAreNamed) {
  absl::StatusOr<std::vector<BackupInfo>> missing = RocksDbBackup::List(backups_);
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(missing.status().message(), "backup directory " + backups_ + " does not exist");

  fs::create_directories(backups_);
  absl::StatusOr<std::vector<BackupInfo>> empty = RocksDbBackup::List(backups_);
  ASSERT_THAT(empty, IsOk()) << empty.status();
  EXPECT_TRUE(empty->empty());
  EXPECT_EQ(RocksDbBackup::Verify(backups_, 1).status().message(), "backup 1: not in " + backups_);
  absl::StatusOr<BackupInfo> none = RocksDbBackup::RestoreLatest(backups_, dir_.Sub("t"));
  EXPECT_EQ(none.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(none.status().message(), "no backup in " + backups_);
  EXPECT_FALSE(fs::exists(dir_.Sub("t")));

  auto store = OpenStore(data_);
  ASSERT_NE(store, nullptr);
  AppendEvents(*store, 0, 1);
  ASSERT_THAT(RocksDbBackup::Create(*store, backups_), IsOk());
  absl::StatusOr<BackupInfo> unknown = RocksDbBackup::Verify(backups_, 7);
  EXPECT_EQ(unknown.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(unknown.status().message(), "backup 7: not in " + backups_);
  EXPECT_EQ(RocksDbBackup::Restore(backups_, 7, dir_.Sub("t")).status().message(),
            "backup 7: not in " + backups_);

  const std::string inside = data_ + "/backups";
  absl::StatusOr<BackupInfo> nested = RocksDbBackup::Create(*store, inside);
  EXPECT_EQ(nested.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(
      nested.status().message(),
      "backup directory " + inside + ": must not be the data directory " + data_ + " or inside it");
  EXPECT_EQ(RocksDbBackup::Create(*store, data_).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(RocksDbBackup::Create(*store, "").status().message(),
            "backup directory: must not be empty");
}

}  // namespace
}  // namespace renstra
