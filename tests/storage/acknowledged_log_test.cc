// Acknowledged events and a damaged write-ahead log: RocksDbEventStore refuses to open a
// log shorter than what it acknowledged (keeping the WAL as found), opens a log whose only
// damage is an unacknowledged torn tail, and accepts a loss only when told the exact head.
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "storage/acknowledged_head.h"
#include "storage/rocksdb_event_store.h"
#include "tests/storage/storage_test_util.h"
#include "tests/testing/status_matchers.h"

namespace renstra {
namespace {

namespace fs = std::filesystem;
using ::renstra::testing::HashOf;
using ::renstra::testing::IsOk;
using ::renstra::testing::MakeRequest;
using ::renstra::testing::TempDir;

constexpr int kEvents = 40;

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void WriteBytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

// The WAL files (*.log) directly in `dir`.
std::vector<std::string> WalFiles(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".log") {
      out.push_back(entry.path().string());
    }
  }
  return out;
}

// The WAL file holding the appends: the largest one.
std::string LiveWal(const std::string& dir) {
  std::string best;
  for (const std::string& path : WalFiles(dir)) {
    if (best.empty() || fs::file_size(path) > fs::file_size(best)) best = path;
  }
  return best;
}

std::string Stream(int i) { return absl::StrCat("s", i < 10 ? "0" : "", i); }

// Flips one byte of event `i`'s payload inside the WAL file: its record's checksum breaks.
void FlipWalByteOfEvent(const std::string& wal, int i) {
  std::string bytes = ReadBytes(wal);
  const size_t at = bytes.find(absl::StrCat("payload-", Stream(i), "-T-1"));
  ASSERT_NE(at, std::string::npos) << "event " << i << " not found in " << wal;
  bytes[at + 3] ^= 0x20;
  WriteBytes(wal, bytes);
}

class AcknowledgedLogTest : public ::testing::Test {
 protected:
  std::string Dir() const { return tmp_.Sub("db"); }
  std::string RecordPath() const { return Dir() + "/RENSTRA-ACKNOWLEDGED"; }

  // Appends kEvents acknowledged one-event commands (one WAL record each) and closes the
  // store without a flush: everything is in the live WAL, as after kill -9.
  void AppendAndClose() {
    absl::StatusOr<std::unique_ptr<RocksDbEventStore>> store = RocksDbEventStore::Open(Dir());
    ASSERT_THAT(store, IsOk()) << store.status();
    for (int i = 1; i <= kEvents; ++i) {
      absl::StatusOr<AppendResult> r = (*store)->Append(MakeRequest(Stream(i), 0, {"T"}));
      ASSERT_THAT(r, IsOk()) << r.status();
    }
    absl::StatusOr<std::vector<v1::EventEnvelope>> all = (*store)->ReadAll(1, kEvents);
    ASSERT_THAT(all, IsOk());
    hashes_.clear();
    for (const auto& e : *all) hashes_.push_back(HashOf(e));
  }

  // Events acknowledged up to `sequence`, as if the later ones were never acknowledged.
  void RecordAcknowledged(uint64_t sequence) {
    ASSERT_TRUE(fs::remove(RecordPath()));
    absl::StatusOr<std::unique_ptr<AcknowledgedHead>> record = AcknowledgedHead::Open(RecordPath());
    ASSERT_THAT(record, IsOk()) << record.status();
    ASSERT_THAT((*record)->Record(ChainHead{sequence, hashes_[sequence - 1]}, true), IsOk());
  }

  TempDir tmp_;
  std::vector<std::string> hashes_;
};

TEST_F(AcknowledgedLogTest, AFlippedWalByteRefusesToOpenAndKeepsTheWal) {
  ASSERT_NO_FATAL_FAILURE(AppendAndClose());
  const std::string wal = LiveWal(Dir());
  ASSERT_NO_FATAL_FAILURE(FlipWalByteOfEvent(wal, 21));
  const std::string damaged = ReadBytes(wal);

  absl::StatusOr<std::unique_ptr<RocksDbEventStore>> store = RocksDbEventStore::Open(Dir());
  ASSERT_EQ(store.status().code(), absl::StatusCode::kDataLoss) << store.status();
  const std::string message(store.status().message());
  EXPECT_TRUE(absl::StartsWith(
      message, absl::StrCat("open ", Dir(),
                            ": 20 acknowledged events are missing, from event 21 to 40: the log "
                            "ends at event 20, but events up to 40 were acknowledged (recorded in ",
                            RecordPath(), "); RocksDB reported: Corruption: ")))
      << message;
  EXPECT_TRUE(absl::StrContains(message, "checksum mismatch")) << message;
  const std::string kept_at =
      absl::StrCat("; the write-ahead log as found is kept in ", Dir(), "/wal-kept-");
  ASSERT_TRUE(absl::StrContains(message, kept_at)) << message;
  EXPECT_TRUE(absl::EndsWith(
      message, "; restore a backup, or serve the log as it is with --accept_log_loss=20"))
      << message;

  // The evidence stays: the WAL in place, unchanged, and its copy.
  EXPECT_EQ(ReadBytes(wal), damaged);
  const size_t from = message.find(Dir() + "/wal-kept-");
  const std::string kept = message.substr(from, message.find(';', from) - from);
  EXPECT_EQ(ReadBytes(kept + "/" + fs::path(wal).filename().string()), damaged) << kept;

  // Opening again refuses again (nothing was changed by the first attempt).
  EXPECT_EQ(RocksDbEventStore::Open(Dir()).status().code(), absl::StatusCode::kDataLoss);
}

TEST_F(AcknowledgedLogTest, AcceptingTheLossNeedsTheExactHead) {
  ASSERT_NO_FATAL_FAILURE(AppendAndClose());
  ASSERT_NO_FATAL_FAILURE(FlipWalByteOfEvent(LiveWal(Dir()), 21));

  RocksDbEventStore::Options wrong;
  wrong.accept_log_loss = 19;
  absl::StatusOr<std::unique_ptr<RocksDbEventStore>> refused =
      RocksDbEventStore::Open(Dir(), wrong);
  ASSERT_EQ(refused.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(refused.status().message(),
            absl::StrCat("open ", Dir(),
                         ": accept_log_loss: 19, but the log recovers to event 20; give that "
                         "exact head to accept the loss"));

  RocksDbEventStore::Options accept;
  accept.accept_log_loss = 20;
  {
    absl::StatusOr<std::unique_ptr<RocksDbEventStore>> store =
        RocksDbEventStore::Open(Dir(), accept);
    ASSERT_THAT(store, IsOk()) << store.status();
    EXPECT_EQ((*store)->Head().sequence, 20u);
    ASSERT_TRUE((*store)->accepted_loss().has_value());
    EXPECT_EQ((*store)->accepted_loss()->acknowledged.sequence, 40u);
    EXPECT_EQ((*store)->accepted_loss()->acknowledged.hash, hashes_[39]);
    EXPECT_EQ((*store)->accepted_loss()->head.sequence, 20u);
    EXPECT_TRUE(absl::StartsWith((*store)->accepted_loss()->kept_wal, Dir() + "/wal-kept-"));
    EXPECT_EQ(WalFiles((*store)->accepted_loss()->kept_wal).size(), 1u);
    absl::StatusOr<uint64_t> verified = (*store)->VerifyChain(1);
    ASSERT_THAT(verified, IsOk()) << verified.status();
    EXPECT_EQ(*verified, 20u);
  }
  // The accepted head is the new record: a plain open works and accepts nothing.
  absl::StatusOr<std::unique_ptr<RocksDbEventStore>> reopened = RocksDbEventStore::Open(Dir());
  ASSERT_THAT(reopened, IsOk()) << reopened.status();
  EXPECT_EQ((*reopened)->Head().sequence, 20u);
  EXPECT_FALSE((*reopened)->accepted_loss().has_value());
}

TEST_F(AcknowledgedLogTest, ATornUnacknowledgedTailOpens) {
  ASSERT_NO_FATAL_FAILURE(AppendAndClose());
  // The last group was cut short by the crash: never acknowledged, half written.
  ASSERT_NO_FATAL_FAILURE(RecordAcknowledged(39));
  const std::string wal = LiveWal(Dir());
  fs::resize_file(wal, fs::file_size(wal) - 10);

  absl::StatusOr<std::unique_ptr<RocksDbEventStore>> store = RocksDbEventStore::Open(Dir());
  ASSERT_THAT(store, IsOk()) << store.status();
  EXPECT_EQ((*store)->Head().sequence, 39u);
  EXPECT_EQ((*store)->recovery_note(), "");
  EXPECT_FALSE((*store)->accepted_loss().has_value());
}

TEST_F(AcknowledgedLogTest, ADamagedUnacknowledgedLastRecordOpensWithANote) {
  ASSERT_NO_FATAL_FAILURE(AppendAndClose());
  ASSERT_NO_FATAL_FAILURE(RecordAcknowledged(39));
  ASSERT_NO_FATAL_FAILURE(FlipWalByteOfEvent(LiveWal(Dir()), 40));

  absl::StatusOr<std::unique_ptr<RocksDbEventStore>> store = RocksDbEventStore::Open(Dir());
  ASSERT_THAT(store, IsOk()) << store.status();
  EXPECT_EQ((*store)->Head().sequence, 39u);
  const std::string& note = (*store)->recovery_note();
  EXPECT_TRUE(absl::StartsWith(
      note, "the write-ahead log was damaged after the last acknowledged event 39 (Corruption: "))
      << note;
  EXPECT_TRUE(absl::StrContains(note,
                                "); recovered to event 39, dropping only unacknowledged "
                                "writes; the write-ahead log as found is kept in " +
                                    Dir() + "/wal-kept-"))
      << note;
}

TEST_F(AcknowledgedLogTest, ADamagedAcknowledgedLastRecordRefuses) {
  ASSERT_NO_FATAL_FAILURE(AppendAndClose());
  ASSERT_NO_FATAL_FAILURE(FlipWalByteOfEvent(LiveWal(Dir()), 40));

  absl::StatusOr<std::unique_ptr<RocksDbEventStore>> store = RocksDbEventStore::Open(Dir());
  ASSERT_EQ(store.status().code(), absl::StatusCode::kDataLoss) << store.status();
  EXPECT_TRUE(absl::StartsWith(
      store.status().message(),
      absl::StrCat("open ", Dir(),
                   ": 1 acknowledged event is missing, from event 40 to 40: the log ends at "
                   "event 39, but events up to 40 were acknowledged (recorded in ",
                   RecordPath(), "); RocksDB reported: Corruption: ")))
      << store.status();
}

TEST_F(AcknowledgedLogTest, ADeletedWalRefusesWithoutACorruption) {
  ASSERT_NO_FATAL_FAILURE(AppendAndClose());
  for (const std::string& wal : WalFiles(Dir())) fs::remove(wal);

  absl::StatusOr<std::unique_ptr<RocksDbEventStore>> store = RocksDbEventStore::Open(Dir());
  ASSERT_EQ(store.status().code(), absl::StatusCode::kDataLoss) << store.status();
  EXPECT_EQ(store.status().message(),
            absl::StrCat("open ", Dir(),
                         ": 40 acknowledged events are missing, from event 1 to 40: the log "
                         "ends at event 0, but events up to 40 were acknowledged (recorded in ",
                         RecordPath(),
                         "); restore a backup, or serve the log as it is with "
                         "--accept_log_loss=0"));
}

TEST_F(AcknowledgedLogTest, VerifyChainRefusesALogShorterThanTheRecord) {
  absl::StatusOr<std::unique_ptr<RocksDbEventStore>> store = RocksDbEventStore::Open(Dir());
  ASSERT_THAT(store, IsOk()) << store.status();
  for (int i = 1; i <= 5; ++i)
    ASSERT_THAT((*store)->Append(MakeRequest(Stream(i), 0, {"T"})), IsOk());
  // The record says more was acknowledged than the log holds (as after a loss that
  // happened behind the server's back).
  absl::StatusOr<std::unique_ptr<AcknowledgedHead>> record = AcknowledgedHead::Open(RecordPath());
  ASSERT_THAT(record, IsOk()) << record.status();
  ASSERT_THAT((*record)->Record(ChainHead{10, std::string(32, 'x')}, true), IsOk());

  absl::StatusOr<uint64_t> verified = (*store)->VerifyChain(1);
  ASSERT_EQ(verified.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(verified.status().message(),
            absl::StrCat("event 6: missing; the log ends at 5 but events up to 10 were "
                         "acknowledged (recorded in ",
                         RecordPath(), ")"));
}

TEST_F(AcknowledgedLogTest, RefusedAppendsFailWithTheReason) {
  absl::StatusOr<std::unique_ptr<RocksDbEventStore>> store = RocksDbEventStore::Open(Dir());
  ASSERT_THAT(store, IsOk()) << store.status();
  (*store)->RefuseAppends(absl::DataLossError("event 3: broken"));
  (*store)->RefuseAppends(absl::DataLossError("a later reason"));
  absl::StatusOr<AppendResult> refused = (*store)->Append(MakeRequest("s", 0, {"T"}));
  EXPECT_EQ(refused.status(), absl::DataLossError("event 3: broken"));
  EXPECT_EQ((*store)->Head().sequence, 0u);
}

TEST(AcknowledgedHeadTest, ATornSlotFallsBackToTheOtherOne) {
  TempDir tmp;
  const std::string path = tmp.Sub("record");
  {
    absl::StatusOr<std::unique_ptr<AcknowledgedHead>> record = AcknowledgedHead::Open(path);
    ASSERT_THAT(record, IsOk());
    EXPECT_FALSE((*record)->recorded().has_value());
    ASSERT_THAT((*record)->Record(ChainHead{5, std::string(32, 'a')}, true), IsOk());   // creates
    ASSERT_THAT((*record)->Record(ChainHead{6, std::string(32, 'b')}, false), IsOk());  // slot 0
    ASSERT_THAT((*record)->Record(ChainHead{7, std::string(32, 'c')}, false), IsOk());  // slot 1
  }
  absl::StatusOr<std::optional<ChainHead>> read = AcknowledgedHead::Read(path);
  ASSERT_THAT(read, IsOk());
  EXPECT_EQ((*read)->sequence, 7u);
  // A torn write of slot 1 (offset 512): the other slot's record is used.
  std::string bytes = ReadBytes(path);
  bytes[512 + 20] ^= 0x01;
  WriteBytes(path, bytes);
  read = AcknowledgedHead::Read(path);
  ASSERT_THAT(read, IsOk());
  EXPECT_EQ((*read)->sequence, 6u);
  EXPECT_EQ((*read)->hash, std::string(32, 'b'));
  // Both slots spoiled: DATA_LOSS, never a silent "no record".
  bytes[20] ^= 0x01;
  WriteBytes(path, bytes);
  EXPECT_EQ(AcknowledgedHead::Read(path).status(),
            absl::DataLossError(absl::StrCat(
                path, ": the record of acknowledged events is unreadable (no valid slot)")));
}

}  // namespace
}  // namespace renstra
