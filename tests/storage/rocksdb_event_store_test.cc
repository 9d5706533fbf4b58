// RocksDbEventStore specifics: persistence across reopen, tamper detection on the raw
// database, group commit.
#include "storage/rocksdb_event_store.h"

#include <barrier>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "rocksdb/db.h"
#include "tests/storage/storage_test_util.h"
#include "tests/testing/status_matchers.h"

namespace renstra {
namespace {

using ::renstra::testing::FakeClock;
using ::renstra::testing::HashOf;
using ::renstra::testing::IsOk;
using ::renstra::testing::MakeRequest;
using ::renstra::testing::TempDir;

// The 8-byte big-endian key of an event, written out independently of the store.
std::string EventKeyBytes(uint64_t sequence) {
  std::string key(8, '\0');
  for (int i = 7; i >= 0; --i, sequence >>= 8) key[i] = static_cast<char>(sequence & 0xff);
  return key;
}

// Opens the raw database with all its column families and hands `edit` the "events" one.
void EditRawEvents(const std::string& dir,
                   const std::function<void(rocksdb::DB*, rocksdb::ColumnFamilyHandle*)>& edit) {
  std::vector<std::string> names;
  ASSERT_THAT(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir, &names), IsOk());
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  for (const std::string& name : names) families.emplace_back(name, rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* db = nullptr;
  ASSERT_THAT(rocksdb::DB::Open(rocksdb::DBOptions(), dir, families, &handles, &db), IsOk());
  rocksdb::ColumnFamilyHandle* events = nullptr;
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == "events") events = handles[i];
  }
  ASSERT_NE(events, nullptr);
  edit(db, events);
  for (rocksdb::ColumnFamilyHandle* handle : handles) {
    ASSERT_THAT(db->DestroyColumnFamilyHandle(handle), IsOk());
  }
  ASSERT_THAT(db->Close(), IsOk());
  delete db;
}

// Flips one byte inside the stored payload of event `sequence`.
void FlipPayloadByte(const std::string& dir, uint64_t sequence) {
  EditRawEvents(dir, [sequence](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* events) {
    std::string value;
    ASSERT_THAT(db->Get(rocksdb::ReadOptions(), events, EventKeyBytes(sequence), &value), IsOk());
    v1::EventEnvelope envelope;
    ASSERT_TRUE(envelope.ParseFromString(value));
    const size_t at = value.find(envelope.payload());
    ASSERT_NE(at, std::string::npos);
    value[at] ^= 0x01;
    ASSERT_TRUE(envelope.ParseFromString(value));  // Still a valid envelope.
    rocksdb::WriteOptions sync;
    sync.sync = true;
    ASSERT_THAT(db->Put(sync, events, EventKeyBytes(sequence), value), IsOk());
  });
}

void DeleteEvent(const std::string& dir, uint64_t sequence) {
  EditRawEvents(dir, [sequence](rocksdb::DB* db, rocksdb::ColumnFamilyHandle* events) {
    ASSERT_THAT(db->Delete(rocksdb::WriteOptions(), events, EventKeyBytes(sequence)), IsOk());
  });
}

class RocksDbEventStoreTest : public ::testing::Test {
 protected:
  std::unique_ptr<RocksDbEventStore> Open(uint64_t verify_tail = 1000,
                                          size_t max_batch_commands = 256) {
    RocksDbEventStore::Options options;
    options.now_micros = clock_.AsFunction();
    options.verify_tail = verify_tail;
    options.max_batch_commands = max_batch_commands;
    auto store = RocksDbEventStore::Open(path_, options);
    EXPECT_THAT(store, IsOk()) << store.status();
    return store.ok() ? *std::move(store) : nullptr;
  }

  absl::Status OpenStatus(uint64_t verify_tail) {
    RocksDbEventStore::Options options;
    options.verify_tail = verify_tail;
    return RocksDbEventStore::Open(path_, options).status();
  }

  // Five single-event appends to "plan/a", then close.
  void WriteFiveEvents() {
    auto store = Open();
    ASSERT_NE(store, nullptr);
    for (int v = 0; v < 5; ++v) {
      ASSERT_THAT(store->Append(MakeRequest("plan/a", v, {"E"})), IsOk());
    }
  }

  TempDir dir_;
  const std::string path_ = dir_.Sub("db");
  FakeClock clock_;
};

TEST_F(RocksDbEventStoreTest, ReopenKeepsHeadVersionsEventsAndRequestIds) {
  ChainHead head;
  std::vector<v1::EventEnvelope> before;
  {
    auto store = Open();
    ASSERT_NE(store, nullptr);
    ASSERT_THAT(store->Append(MakeRequest("plan/a", 0, {"E1", "E2"}, "req-1")), IsOk());
    ASSERT_THAT(store->Append(MakeRequest("plan/b", 0, {"E3"}, "req-2")), IsOk());
    head = store->Head();
    before = *store->ReadAll(1, 100);
  }
  auto store = Open();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->Head().sequence, 3u);
  EXPECT_EQ(store->Head().hash, head.hash);
  EXPECT_EQ(store->Head().hash, HashOf(before[2]));
  EXPECT_EQ(store->StreamVersion("plan/a"), 2u);
  EXPECT_EQ(store->StreamVersion("plan/b"), 1u);
  std::vector<v1::EventEnvelope> after = *store->ReadAll(1, 100);
  ASSERT_EQ(after.size(), before.size());
  for (size_t i = 0; i < after.size(); ++i) {
    EXPECT_EQ(after[i].SerializeAsString(), before[i].SerializeAsString()) << i;
  }
  EXPECT_EQ(*store->VerifyChain(1), 3u);

  auto retry = store->Append(MakeRequest("plan/a", 0, {"E1", "E2"}, "req-1"));
  ASSERT_THAT(retry, IsOk()) << retry.status();
  EXPECT_EQ(retry->first_sequence, 1u);
  EXPECT_EQ(retry->last_sequence, 2u);
  EXPECT_EQ(retry->stream_version, 2u);
  EXPECT_TRUE(retry->deduplicated);
  auto reused = store->Append(MakeRequest("plan/c", 0, {"E"}, "req-2"));
  EXPECT_EQ(reused.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(store->Head().sequence, 3u);

  auto stale = store->Append(MakeRequest("plan/a", 1, {"E4"}));
  EXPECT_EQ(stale.status().code(), absl::StatusCode::kAborted);
  EXPECT_EQ(stale.status().message(), "stream plan/a: expected version 1, actual 2");

  auto next = store->Append(MakeRequest("plan/a", 2, {"E4"}));
  ASSERT_THAT(next, IsOk()) << next.status();
  EXPECT_EQ(next->first_sequence, 4u);
  EXPECT_EQ(next->stream_version, 3u);
  EXPECT_EQ(store->ReadAll(4, 1)->at(0).prev_hash(), head.hash);
  EXPECT_EQ(*store->VerifyChain(1), 4u);
}

TEST_F(RocksDbEventStoreTest, TamperedPayloadBreaksTheNextLink) {
  WriteFiveEvents();
  FlipPayloadByte(path_, 3);

  // Event 3 still links to event 2; event 4's prev_hash no longer matches event 3.
  auto store = Open(/*verify_tail=*/0);
  ASSERT_NE(store, nullptr);
  auto verified = store->VerifyChain(1);
  EXPECT_EQ(verified.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_TRUE(absl::StartsWith(verified.status().message(), "event 4: prev_hash "))
      << verified.status();
  EXPECT_EQ(store->VerifyChain(4).status().code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(*store->VerifyChain(5), 1u);
  EXPECT_EQ(*store->VerifyTail(1), 1u);
  EXPECT_EQ(store->VerifyTail(2).status().code(), absl::StatusCode::kDataLoss);
  store.reset();

  absl::Status open = OpenStatus(/*verify_tail=*/1000);
  EXPECT_EQ(open.code(), absl::StatusCode::kDataLoss);
  EXPECT_TRUE(absl::StartsWith(open.message(), "open " + path_ + ": event 4: prev_hash ")) << open;
  EXPECT_THAT(OpenStatus(/*verify_tail=*/1), IsOk());
  EXPECT_EQ(OpenStatus(/*verify_tail=*/2).code(), absl::StatusCode::kDataLoss);
}

TEST_F(RocksDbEventStoreTest, TamperedLastEventDoesNotMatchTheRecordedHead) {
  WriteFiveEvents();
  FlipPayloadByte(path_, 5);
  // The store's record of what it acknowledged catches it even without the tail check.
  EXPECT_EQ(OpenStatus(/*verify_tail=*/0),
            absl::DataLossError("open " + path_ +
                                ": event 5: its hash differs from the one "
                                "acknowledged (recorded in " +
                                path_ +
                                "/RENSTRA-ACKNOWLEDGED); "
                                "restore a backup, or serve the log as it is with "
                                "--accept_log_loss=5"));
  // Without that record (a data directory of an older version) VerifyChain finds it.
  ASSERT_TRUE(std::filesystem::remove(path_ + "/RENSTRA-ACKNOWLEDGED"));
  auto store = Open(/*verify_tail=*/0);
  ASSERT_NE(store, nullptr);
  auto verified = store->VerifyChain(1);
  EXPECT_EQ(verified.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(verified.status().message(), "event 5: hash does not match the recorded head hash");
}

TEST_F(RocksDbEventStoreTest, TruncatedLogIsDetected) {
  WriteFiveEvents();
  DeleteEvent(path_, 5);
  EXPECT_EQ(OpenStatus(/*verify_tail=*/0),
            absl::DataLossError("open " + path_ +
                                ": 1 acknowledged event is missing, from event "
                                "5 to 5: the log ends at event 4, but events up to 5 were "
                                "acknowledged (recorded in " +
                                path_ +
                                "/RENSTRA-ACKNOWLEDGED); "
                                "restore a backup, or serve the log as it is with "
                                "--accept_log_loss=4"));
  ASSERT_TRUE(std::filesystem::remove(path_ + "/RENSTRA-ACKNOWLEDGED"));
  auto store = Open(/*verify_tail=*/0);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->Head().sequence, 4u);
  auto verified = store->VerifyChain(1);
  EXPECT_EQ(verified.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(verified.status().message(),
            "event 5: missing; the log ends at 4 but its recorded head is 5");
  store.reset();
  EXPECT_EQ(OpenStatus(/*verify_tail=*/1).code(), absl::StatusCode::kDataLoss);
}

TEST_F(RocksDbEventStoreTest, GapInTheLogIsDetected) {
  WriteFiveEvents();
  DeleteEvent(path_, 3);
  auto store = Open(/*verify_tail=*/0);
  ASSERT_NE(store, nullptr);
  auto verified = store->VerifyChain(1);
  EXPECT_EQ(verified.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(verified.status().message(), "event 3: missing (the next stored event is 4)");
  EXPECT_EQ(store->VerifyChain(4).status().message(),
            "event 3: missing (the next stored event is 4)");
}

TEST_F(RocksDbEventStoreTest, ZeroBatchSizeIsRejected) {
  RocksDbEventStore::Options options;
  options.max_batch_commands = 0;
  auto store = RocksDbEventStore::Open(path_, options);
  EXPECT_EQ(store.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(store.status().message(), "max_batch_commands: must be >= 1");
}

TEST_F(RocksDbEventStoreTest, OneCommandPerBatchSyncsOncePerAppend) {
  auto store = Open(1000, /*max_batch_commands=*/1);
  ASSERT_NE(store, nullptr);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&store, t] {
      for (int i = 0; i < 10; ++i) {
        EXPECT_THAT(store->Append(MakeRequest("s" + std::to_string(t), i, {"E"})), IsOk());
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(store->sync_groups(), 40u);
  EXPECT_EQ(*store->VerifyChain(1), 40u);
}

TEST_F(RocksDbEventStoreTest, DeduplicatedAndAbortedRequestsDoNotSync) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  ASSERT_THAT(store->Append(MakeRequest("a", 0, {"E"}, "req-1")), IsOk());
  EXPECT_EQ(store->sync_groups(), 1u);
  EXPECT_TRUE(store->Append(MakeRequest("a", 0, {"E"}, "req-1"))->deduplicated);
  EXPECT_EQ(store->Append(MakeRequest("a", 0, {"E"})).status().code(), absl::StatusCode::kAborted);
  EXPECT_EQ(store->sync_groups(), 1u);
}

TEST_F(RocksDbEventStoreTest, ConcurrentRetriesOfOneRequestAppendOnce) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  constexpr int kThreads = 8;
  std::barrier start(kThreads);
  std::mutex mu;
  std::vector<AppendResult> results;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      start.arrive_and_wait();
      auto result = store->Append(MakeRequest("plan/a", 0, {"E1", "E2"}, "same-request"));
      ASSERT_THAT(result, IsOk()) << result.status();
      std::lock_guard<std::mutex> lock(mu);
      results.push_back(*result);
    });
  }
  for (std::thread& t : threads) t.join();
  ASSERT_EQ(results.size(), static_cast<size_t>(kThreads));
  int originals = 0;
  for (const AppendResult& r : results) {
    if (!r.deduplicated) ++originals;
    EXPECT_EQ(r.first_sequence, 1u);
    EXPECT_EQ(r.last_sequence, 2u);
    EXPECT_EQ(r.stream_version, 2u);
  }
  EXPECT_EQ(originals, 1);
  EXPECT_EQ(store->Head().sequence, 2u);
}

}  // namespace
}  // namespace renstra
