// The EventStore contract, run against both implementations.
#include <atomic>
#include <barrier>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "rocksdb/db.h"
#include "storage/memory_event_store.h"
#include "storage/rocksdb_event_store.h"
#include "storage/rocksdb_layout.h"
#include "tests/storage/storage_test_util.h"
#include "tests/testing/status_matchers.h"

namespace renstra {
namespace {

using ::renstra::testing::FakeClock;
using ::renstra::testing::HashOf;
using ::renstra::testing::IsOk;
using ::renstra::testing::MakeRequest;
using ::renstra::testing::Sequences;
using ::renstra::testing::TempDir;

enum class StoreKind { kMemory, kRocksDb };

class EventStoreContractTest : public ::testing::TestWithParam<StoreKind> {
 protected:
  void SetUp() override {
    if (GetParam() == StoreKind::kMemory) {
      store_ = std::make_unique<MemoryEventStore>(clock_.AsFunction());
      return;
    }
    RocksDbEventStore::Options options;
    options.now_micros = clock_.AsFunction();
    auto opened = RocksDbEventStore::Open(dir_.Sub("db"), options);
    ASSERT_THAT(opened, IsOk()) << opened.status();
    store_ = *std::move(opened);
  }

  std::vector<v1::EventEnvelope> All() {
    auto all = store_->ReadAll(1, 100000);
    EXPECT_THAT(all, IsOk()) << all.status();
    return all.ok() ? *all : std::vector<v1::EventEnvelope>{};
  }

  TempDir dir_;
  FakeClock clock_;
  std::unique_ptr<EventStore> store_;
};

TEST_P(EventStoreContractTest, AppendsAndReadsBackEveryField) {
  AppendRequest request = MakeRequest("plan/dinsos", 0, {"renstra.v1.NodeAdded", "T2"}, "r-1");
  request.events[1].schema_version = 3;
  auto result = store_->Append(request);
  ASSERT_THAT(result, IsOk()) << result.status();
  EXPECT_EQ(result->first_sequence, 1u);
  EXPECT_EQ(result->last_sequence, 2u);
  EXPECT_EQ(result->stream_version, 2u);
  EXPECT_FALSE(result->deduplicated);

  std::vector<v1::EventEnvelope> all = All();
  ASSERT_EQ(all.size(), 2u);
  for (int i = 0; i < 2; ++i) {
    const v1::EventEnvelope& e = all[i];
    EXPECT_EQ(e.sequence(), static_cast<uint64_t>(i + 1));
    EXPECT_EQ(e.stream(), "plan/dinsos");
    EXPECT_EQ(e.stream_version(), static_cast<uint64_t>(i + 1));
    EXPECT_EQ(e.principal(), "budi");
    EXPECT_EQ(e.role(), "KEPALA_DINAS");
    EXPECT_EQ(e.reason(), "test reason");
    EXPECT_EQ(e.request_id(), "r-1");
    EXPECT_EQ(e.timestamp_micros(), FakeClock::kStart);
  }
  EXPECT_EQ(all[0].event_type(), "renstra.v1.NodeAdded");
  EXPECT_EQ(all[0].schema_version(), 1u);
  EXPECT_EQ(all[0].payload(), "payload-plan/dinsos-renstra.v1.NodeAdded-1");
  EXPECT_EQ(all[1].event_type(), "T2");
  EXPECT_EQ(all[1].schema_version(), 3u);
  EXPECT_EQ(all[1].payload(), "payload-plan/dinsos-T2-2");
  EXPECT_EQ(all[0].prev_hash(), std::string(32, '\0'));
  EXPECT_EQ(all[1].prev_hash(), HashOf(all[0]));

  clock_.Advance(5);
  ASSERT_THAT(store_->Append(MakeRequest("plan/dinsos", 2, {"T3"})), IsOk());
  all = All();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[2].timestamp_micros(), FakeClock::kStart + 5);
  EXPECT_EQ(all[2].request_id(), "");
}

TEST_P(EventStoreContractTest, GlobalSequenceIsGapFreeAcrossStreams) {
  ASSERT_THAT(store_->Append(MakeRequest("a", 0, {"A1"})), IsOk());
  ASSERT_THAT(store_->Append(MakeRequest("b", 0, {"B1", "B2"})), IsOk());
  auto last = store_->Append(MakeRequest("a", 1, {"A2"}));
  ASSERT_THAT(last, IsOk()) << last.status();
  EXPECT_EQ(last->first_sequence, 4u);
  EXPECT_EQ(last->stream_version, 2u);

  std::vector<v1::EventEnvelope> all = All();
  EXPECT_EQ(Sequences(all), (std::vector<uint64_t>{1, 2, 3, 4}));
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[1].stream(), "b");
  EXPECT_EQ(all[2].stream_version(), 2u);
  EXPECT_EQ(Sequences(*store_->ReadStream("a", 1, 10)), (std::vector<uint64_t>{1, 4}));
  EXPECT_EQ(Sequences(*store_->ReadStream("b", 2, 10)), (std::vector<uint64_t>{3}));
  EXPECT_EQ(Sequences(*store_->ReadStream("a", 0, 1)), (std::vector<uint64_t>{1}));
  EXPECT_TRUE(store_->ReadStream("c", 1, 10)->empty());
  EXPECT_EQ(Sequences(*store_->ReadAll(3, 1)), (std::vector<uint64_t>{3}));
  EXPECT_TRUE(store_->ReadAll(5, 10)->empty());
  EXPECT_EQ(store_->StreamVersion("a"), 2u);
  EXPECT_EQ(store_->StreamVersion("b"), 2u);
  EXPECT_EQ(store_->StreamVersion("c"), 0u);
  ChainHead head = store_->Head();
  EXPECT_EQ(head.sequence, 4u);
  EXPECT_EQ(head.hash, HashOf(all[3]));
}

TEST_P(EventStoreContractTest, ExpectedVersionConflictIsAbortedAndAppendsNothing) {
  ASSERT_THAT(store_->Append(MakeRequest("plan/a", 0, {"E1", "E2"})), IsOk());
  ASSERT_THAT(store_->Append(MakeRequest("plan/a", kAnyVersion, {"E3"})), IsOk());
  const ChainHead before = store_->Head();

  auto stale = store_->Append(MakeRequest("plan/a", 2, {"E4"}));
  EXPECT_EQ(stale.status().code(), absl::StatusCode::kAborted);
  EXPECT_EQ(stale.status().message(), "stream plan/a: expected version 2, actual 3");
  auto not_new = store_->Append(MakeRequest("plan/b", 1, {"E4"}));
  EXPECT_EQ(not_new.status().code(), absl::StatusCode::kAborted);
  EXPECT_EQ(not_new.status().message(), "stream plan/b: expected version 1, actual 0");

  EXPECT_EQ(store_->Head().sequence, before.sequence);
  EXPECT_EQ(store_->Head().hash, before.hash);
  EXPECT_EQ(store_->StreamVersion("plan/a"), 3u);
  EXPECT_EQ(store_->StreamVersion("plan/b"), 0u);
  EXPECT_EQ(All().size(), 3u);
}

TEST_P(EventStoreContractTest, RetriedRequestIdIsDeduplicated) {
  auto first = store_->Append(MakeRequest("plan/a", 0, {"E1", "E2"}, "req-1"));
  ASSERT_THAT(first, IsOk()) << first.status();
  ASSERT_THAT(store_->Append(MakeRequest("plan/a", 2, {"E3"})), IsOk());
  const ChainHead before = store_->Head();

  // A retry, even decided against the old version, returns the original result.
  auto retry = store_->Append(MakeRequest("plan/a", 0, {"E1", "E2"}, "req-1"));
  ASSERT_THAT(retry, IsOk()) << retry.status();
  EXPECT_EQ(retry->first_sequence, 1u);
  EXPECT_EQ(retry->last_sequence, 2u);
  EXPECT_EQ(retry->stream_version, 2u);
  EXPECT_TRUE(retry->deduplicated);

  auto other_stream = store_->Append(MakeRequest("plan/b", 0, {"E1"}, "req-1"));
  EXPECT_EQ(other_stream.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(other_stream.status().message(),
            "meta.request_id: \"req-1\" was already used for stream \"plan/a\", not \"plan/b\"");

  EXPECT_EQ(store_->Head().sequence, before.sequence);
  EXPECT_EQ(store_->Head().hash, before.hash);
  EXPECT_EQ(store_->StreamVersion("plan/b"), 0u);
  EXPECT_EQ(All().size(), 3u);
}

TEST_P(EventStoreContractTest, HashChainLinksEachEnvelopeToItsPredecessor) {
  ASSERT_THAT(store_->Append(MakeRequest("a", 0, {"E1", "E2"})), IsOk());
  ASSERT_THAT(store_->Append(MakeRequest("b", 0, {"E3"})), IsOk());
  ASSERT_THAT(store_->Append(MakeRequest("a", 2, {"E4", "E5"})), IsOk());
  std::vector<v1::EventEnvelope> all = All();
  ASSERT_EQ(all.size(), 5u);
  EXPECT_EQ(all[0].prev_hash(), std::string(32, '\0'));
  for (size_t i = 1; i < all.size(); ++i) {
    EXPECT_EQ(all[i].prev_hash(), HashOf(all[i - 1])) << "event " << i + 1;
  }
  EXPECT_EQ(store_->Head().hash, HashOf(all[4]));

  EXPECT_EQ(*store_->VerifyChain(1), 5u);
  EXPECT_EQ(*store_->VerifyChain(3), 3u);
  EXPECT_EQ(*store_->VerifyChain(5), 1u);
  EXPECT_EQ(*store_->VerifyChain(6), 0u);
  EXPECT_EQ(store_->VerifyChain(0).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_P(EventStoreContractTest, EmptyStoreHasZeroHeadAndVerifies) {
  EXPECT_EQ(store_->Head().sequence, 0u);
  EXPECT_EQ(store_->Head().hash, std::string(32, '\0'));
  EXPECT_EQ(*store_->VerifyChain(1), 0u);
  EXPECT_TRUE(store_->ReadAll(1, 10)->empty());
}

TEST_P(EventStoreContractTest, BadInputIsInvalidArgumentNamingTheField) {
  struct Case {
    AppendRequest request;
    std::string message;
  };
  std::vector<Case> cases;
  cases.push_back({MakeRequest("", 0, {"E"}), "stream: must not be empty"});
  cases.push_back(
      {MakeRequest(std::string("a\0b", 3), 0, {"E"}), "stream: must not contain a NUL character"});
  cases.push_back({MakeRequest("a", 0, {}), "events: must not be empty"});
  cases.push_back({MakeRequest("a", 0, {"E1", ""}), "events[1].event_type: must not be empty"});
  cases.push_back(
      {MakeRequest("a", -2, {"E"}), "expected_version: must be >= 0 or kAnyVersion (-1), got -2"});
  for (const Case& c : cases) {
    auto result = store_->Append(c.request);
    EXPECT_EQ(result.status().code(), absl::StatusCode::kInvalidArgument) << c.message;
    EXPECT_EQ(result.status().message(), c.message);
  }
  EXPECT_EQ(store_->Head().sequence, 0u);
}

TEST_P(EventStoreContractTest, ScanVisitsEveryEnvelopeFromASequenceInOrder) {
  ASSERT_THAT(store_->Append(MakeRequest("a", 0, {"E1", "E2"}, "req-1")), IsOk());
  ASSERT_THAT(store_->Append(MakeRequest("b", 0, {"E3"})), IsOk());
  ASSERT_THAT(store_->Append(MakeRequest("a", 2, {"E4", "E5"})), IsOk());
  const std::vector<v1::EventEnvelope> all = All();
  ASSERT_EQ(all.size(), 5u);

  std::vector<v1::EventEnvelope> scanned;
  ASSERT_THAT(store_->Scan(1,
                           [&](const v1::EventEnvelope& e) {
                             scanned.push_back(e);
                             return absl::OkStatus();
                           }),
              IsOk());
  ASSERT_EQ(scanned.size(), 5u);
  for (size_t i = 0; i < all.size(); ++i) {
    // Every field, as ReadAll() returns it.
    EXPECT_EQ(scanned[i].SerializeAsString(), all[i].SerializeAsString()) << "event " << i + 1;
  }
  EXPECT_EQ(scanned[4].stream(), "a");
  EXPECT_EQ(scanned[4].stream_version(), 4u);
  EXPECT_EQ(scanned[4].event_type(), "E5");
  EXPECT_EQ(scanned[0].request_id(), "req-1");

  std::vector<uint64_t> sequences;
  auto collect = [&](const v1::EventEnvelope& e) {
    sequences.push_back(e.sequence());
    return absl::OkStatus();
  };
  ASSERT_THAT(store_->Scan(4, collect), IsOk());
  EXPECT_EQ(sequences, (std::vector<uint64_t>{4, 5}));
  sequences.clear();
  ASSERT_THAT(store_->Scan(0, collect), IsOk());  // 0 reads from the first event
  EXPECT_EQ(sequences, (std::vector<uint64_t>{1, 2, 3, 4, 5}));
  sequences.clear();
  ASSERT_THAT(store_->Scan(6, collect), IsOk());
  EXPECT_TRUE(sequences.empty());
}

TEST_P(EventStoreContractTest, ScanStopsAtTheVisitorsErrorAndReturnsIt) {
  ASSERT_THAT(store_->Append(MakeRequest("a", 0, {"E1", "E2", "E3"})), IsOk());
  std::vector<uint64_t> sequences;
  absl::Status s = store_->Scan(1, [&](const v1::EventEnvelope& e) {
    sequences.push_back(e.sequence());
    return e.sequence() == 2 ? absl::DataLossError("stop at 2") : absl::OkStatus();
  });
  EXPECT_EQ(s, absl::DataLossError("stop at 2"));
  EXPECT_EQ(sequences, (std::vector<uint64_t>{1, 2}));
}

TEST_P(EventStoreContractTest, ScanOfAnEmptyStoreVisitsNothing) {
  int visited = 0;
  EXPECT_THAT(store_->Scan(1,
                           [&](const v1::EventEnvelope&) {
                             ++visited;
                             return absl::OkStatus();
                           }),
              IsOk());
  EXPECT_EQ(visited, 0);
}

TEST_P(EventStoreContractTest, ScanDoesNotVisitEventsAppendedByTheVisitor) {
  // The log as of the call: an append made during the scan (here by the visitor) is
  // read by the next scan.
  ASSERT_THAT(store_->Append(MakeRequest("a", 0, {"E1", "E2"})), IsOk());
  std::vector<uint64_t> sequences;
  auto collect = [&](const v1::EventEnvelope& e) {
    sequences.push_back(e.sequence());
    return absl::OkStatus();
  };
  ASSERT_THAT(store_->Scan(1,
                           [&](const v1::EventEnvelope& e) {
                             if (e.sequence() == 1) {
                               EXPECT_THAT(store_->Append(MakeRequest("b", 0, {"E3"})), IsOk());
                             }
                             return collect(e);
                           }),
              IsOk());
  EXPECT_EQ(sequences, (std::vector<uint64_t>{1, 2}));
  sequences.clear();
  ASSERT_THAT(store_->Scan(3, collect), IsOk());
  EXPECT_EQ(sequences, (std::vector<uint64_t>{3}));
}

TEST_P(EventStoreContractTest, FindRequestReportsWhereARequestIdLanded) {
  EXPECT_EQ(*store_->FindRequest("budi", "req-1"), std::nullopt);
  EXPECT_EQ(*store_->FindRequest("budi", ""), std::nullopt);
  ASSERT_THAT(store_->Append(MakeRequest("plan/b", 0, {"E0"})), IsOk());
  ASSERT_THAT(store_->Append(MakeRequest("plan/a", 0, {"E1", "E2"}, "req-1")), IsOk());
  ASSERT_THAT(store_->Append(MakeRequest("plan/b", 1, {"E3"}, "req-2")), IsOk());
  // A retry changes nothing about the record.
  auto retry = store_->Append(MakeRequest("plan/a", 0, {"E1", "E2"}, "req-1"));
  ASSERT_THAT(retry, IsOk()) << retry.status();
  EXPECT_TRUE(retry->deduplicated);

  absl::StatusOr<std::optional<RequestRecord>> one = store_->FindRequest("budi", "req-1");
  ASSERT_THAT(one, IsOk()) << one.status();
  ASSERT_TRUE(one->has_value());
  EXPECT_EQ((*one)->stream, "plan/a");
  EXPECT_EQ((*one)->result.first_sequence, 2u);
  EXPECT_EQ((*one)->result.last_sequence, 3u);
  EXPECT_EQ((*one)->result.stream_version, 2u);
  EXPECT_FALSE((*one)->result.deduplicated);

  absl::StatusOr<std::optional<RequestRecord>> two = store_->FindRequest("budi", "req-2");
  ASSERT_THAT(two, IsOk()) << two.status();
  ASSERT_TRUE(two->has_value());
  EXPECT_EQ((*two)->stream, "plan/b");
  EXPECT_EQ((*two)->result.first_sequence, 4u);
  EXPECT_EQ((*two)->result.last_sequence, 4u);
  EXPECT_EQ((*two)->result.stream_version, 2u);

  EXPECT_EQ(*store_->FindRequest("budi", "req-3"), std::nullopt);
  EXPECT_EQ(*store_->FindRequest("budi", "req"), std::nullopt);
  // Scoped to the principal: nobody else's request.
  EXPECT_EQ(*store_->FindRequest("rina", "req-1"), std::nullopt);
  EXPECT_EQ(*store_->FindRequest("", "req-1"), std::nullopt);
}

// Request ids are public in the log: one principal's id is new for every other.
TEST_P(EventStoreContractTest, RequestIdsAreScopedToTheirPrincipal) {
  ASSERT_THAT(store_->Append(MakeRequest("plan/a", 0, {"E1"}, "req-1")), IsOk());
  AppendRequest other = MakeRequest("plan/b", 0, {"E2"}, "req-1");
  other.meta.principal = "rina";
  auto appended = store_->Append(other);
  ASSERT_THAT(appended, IsOk()) << appended.status();
  EXPECT_FALSE(appended->deduplicated);
  EXPECT_EQ(appended->first_sequence, 2u);

  absl::StatusOr<std::optional<RequestRecord>> budi = store_->FindRequest("budi", "req-1");
  absl::StatusOr<std::optional<RequestRecord>> rina = store_->FindRequest("rina", "req-1");
  ASSERT_THAT(budi, IsOk());
  ASSERT_TRUE(budi->has_value());
  ASSERT_THAT(rina, IsOk());
  ASSERT_TRUE(rina->has_value());
  EXPECT_EQ((*budi)->stream, "plan/a");
  EXPECT_EQ((*rina)->stream, "plan/b");
  EXPECT_EQ((*rina)->result.first_sequence, 2u);
  EXPECT_FALSE((*rina)->legacy);
  EXPECT_EQ(All().size(), 2u);
}

// A request id's record keeps the method and fingerprint; an append with the same
// principal and id but another method or request appends nothing and names the id.
TEST_P(EventStoreContractTest, AReusedRequestIdMustMatchMethodAndFingerprint) {
  AppendRequest first = MakeRequest("plan/a", 0, {"E1"}, "req-1");
  first.meta.method = "/renstra.v1.WorkflowService/LockPlan";
  first.meta.fingerprint = std::string(32, 'f');
  ASSERT_THAT(store_->Append(first), IsOk());
  absl::StatusOr<std::optional<RequestRecord>> record = store_->FindRequest("budi", "req-1");
  ASSERT_THAT(record, IsOk());
  ASSERT_TRUE(record->has_value());
  EXPECT_EQ((*record)->method, "/renstra.v1.WorkflowService/LockPlan");
  EXPECT_EQ((*record)->fingerprint, std::string(32, 'f'));
  const ChainHead before = store_->Head();

  AppendRequest other_body = first;
  other_body.meta.fingerprint = std::string(32, 'g');
  EXPECT_EQ(store_->Append(other_body).status(),
            absl::InvalidArgumentError("meta.request_id: \"req-1\" was already used for a "
                                       "different /renstra.v1.WorkflowService/LockPlan request"));
  AppendRequest other_method = first;
  other_method.meta.method = "/renstra.v1.WorkflowService/OpenRevision";
  EXPECT_EQ(
      store_->Append(other_method).status(),
      absl::InvalidArgumentError(
          "meta.request_id: \"req-1\" was already used for "
          "/renstra.v1.WorkflowService/LockPlan, not /renstra.v1.WorkflowService/OpenRevision"));
  EXPECT_EQ(store_->Head().sequence, before.sequence);
  EXPECT_EQ(store_->Head().hash, before.hash);

  auto retry = store_->Append(first);
  ASSERT_THAT(retry, IsOk()) << retry.status();
  EXPECT_TRUE(retry->deduplicated);
  EXPECT_EQ(retry->first_sequence, 1u);
}

TEST_P(EventStoreContractTest, ConcurrentAppendsStayGapFreeAndRacesHaveOneWinner) {
  constexpr int kWriters = 16;
  constexpr int kAppendsPerWriter = 50;
  constexpr int kRacers = 8;
  constexpr int kRounds = 10;
  std::vector<int> winners(kRounds, 0);
  std::vector<int> aborted(kRounds, 0);
  std::atomic<int> unexpected{0};
  std::mutex mu;
  std::barrier round_start(kRacers);

  std::vector<std::thread> threads;
  for (int w = 0; w < kWriters; ++w) {
    threads.emplace_back([&, w] {
      const std::string stream = "writer/" + std::to_string(w);
      for (int i = 0; i < kAppendsPerWriter; ++i) {
        if (!store_->Append(MakeRequest(stream, i, {"E"})).ok()) ++unexpected;
      }
    });
  }
  for (int r = 0; r < kRacers; ++r) {
    threads.emplace_back([&] {
      for (int round = 0; round < kRounds; ++round) {
        round_start.arrive_and_wait();  // Everyone saw the previous round complete.
        auto result = store_->Append(MakeRequest("race", round, {"R"}));
        std::lock_guard<std::mutex> lock(mu);
        if (result.ok()) {
          ++winners[round];
        } else if (result.status().code() == absl::StatusCode::kAborted &&
                   result.status().message() == "stream race: expected version " +
                                                    std::to_string(round) + ", actual " +
                                                    std::to_string(round + 1)) {
          ++aborted[round];
        } else {
          ++unexpected;
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();

  EXPECT_EQ(unexpected.load(), 0);
  for (int round = 0; round < kRounds; ++round) {
    EXPECT_EQ(winners[round], 1) << "round " << round;
    EXPECT_EQ(aborted[round], kRacers - 1) << "round " << round;
  }
  const uint64_t total = kWriters * kAppendsPerWriter + kRounds;
  std::vector<v1::EventEnvelope> all = All();
  ASSERT_EQ(all.size(), total);
  for (uint64_t i = 0; i < total; ++i) ASSERT_EQ(all[i].sequence(), i + 1);
  EXPECT_EQ(store_->Head().sequence, total);
  EXPECT_EQ(*store_->VerifyChain(1), total);
  EXPECT_EQ(store_->StreamVersion("race"), static_cast<uint64_t>(kRounds));
  for (int w = 0; w < kWriters; ++w) {
    EXPECT_EQ(store_->StreamVersion("writer/" + std::to_string(w)),
              static_cast<uint64_t>(kAppendsPerWriter));
  }
  if (auto* rocks = dynamic_cast<RocksDbEventStore*>(store_.get())) {
    RecordProperty("sync_groups", std::to_string(rocks->sync_groups()));
    EXPECT_GE(rocks->sync_groups(), 1u);
    EXPECT_LE(rocks->sync_groups(), total);
  }
}

INSTANTIATE_TEST_SUITE_P(Stores, EventStoreContractTest,
                         ::testing::Values(StoreKind::kMemory, StoreKind::kRocksDb),
                         [](const ::testing::TestParamInfo<StoreKind>& info) {
                           return info.param == StoreKind::kMemory ? "Memory" : "RocksDb";
                         });

// A log written before request ids were scoped keeps its records under the bare request
// id, with no principal, method or fingerprint: they are read back as legacy records
// (for whoever asks), never as a principal's own, and they deduplicate no append.
TEST(RocksDbIdempotencyUpgradeTest, RecordsOfTheReleaseBeforeAreReadAsLegacy) {
  TempDir dir;
  const std::string path = dir.Sub("db");
  {
    auto opened = RocksDbEventStore::Open(path);
    ASSERT_THAT(opened, IsOk()) << opened.status();
    ASSERT_THAT((*opened)->Append(MakeRequest("plan/a", 0, {"E1", "E2"})), IsOk());
  }
  {
    // What the release before wrote for request "old-1" (the two events above), and a
    // bare key that happens to look like a scoped one.
    rocksdb::Options options;
    std::vector<rocksdb::ColumnFamilyDescriptor> families;
    for (const char* name : {rocksdb::kDefaultColumnFamilyName.c_str(), layout::kEventsCf,
                             layout::kStreamsCf, layout::kIdempotencyCf, layout::kMetaCf}) {
      families.emplace_back(name, rocksdb::ColumnFamilyOptions());
    }
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* raw = nullptr;
    ASSERT_THAT(rocksdb::DB::Open(options, path, families, &handles, &raw), IsOk());
    std::unique_ptr<rocksdb::DB> db(raw);
    const std::string legacy =
        layout::EncodeU64(1) + layout::EncodeU64(2) + layout::EncodeU64(2) + "plan/a";
    ASSERT_THAT(db->Put(rocksdb::WriteOptions(), handles[3], "old-1", legacy), IsOk());
    ASSERT_THAT(
        db->Put(rocksdb::WriteOptions(), handles[3], layout::RequestKey("budi", "old-2"), legacy),
        IsOk());
    for (rocksdb::ColumnFamilyHandle* h : handles)
      ASSERT_THAT(db->DestroyColumnFamilyHandle(h), IsOk());
  }
  auto opened = RocksDbEventStore::Open(path);
  ASSERT_THAT(opened, IsOk()) << opened.status();
  RocksDbEventStore& store = **opened;
  for (const auto& [principal, id] : std::vector<std::pair<std::string, std::string>>{
           {"budi", "old-1"}, {"rina", "old-1"}, {"budi", "old-2"}}) {
    SCOPED_TRACE(principal + " " + id);
    absl::StatusOr<std::optional<RequestRecord>> found = store.FindRequest(principal, id);
    ASSERT_THAT(found, IsOk()) << found.status();
    ASSERT_TRUE(found->has_value());
    EXPECT_TRUE((*found)->legacy);
    EXPECT_EQ((*found)->stream, "plan/a");
    EXPECT_EQ((*found)->result.first_sequence, 1u);
    EXPECT_EQ((*found)->result.last_sequence, 2u);
    EXPECT_EQ((*found)->method, "");
    EXPECT_EQ((*found)->fingerprint, "");
  }
  // A scoped record is never taken for a legacy one of another request id.
  ASSERT_THAT(store.Append(MakeRequest("plan/b", 0, {"E3"}, "new-1")), IsOk());
  EXPECT_EQ(*store.FindRequest("rina", layout::RequestKey("budi", "new-1")), std::nullopt);
  // The legacy record of budi/old-2 under its scoped key refuses an append with it.
  EXPECT_EQ(store.Append(MakeRequest("plan/a", 2, {"E4"}, "old-2")).status(),
            absl::InvalidArgumentError("meta.request_id: \"old-2\" was already used before "
                                       "request ids were scoped; use a new request id"));
}

}  // namespace
}  // namespace renstra
