// RocksDbEventStore: the durable EventStore of the server, on RocksDB.
//
// Layout: see rocksdb_layout.h (column families "events", "streams", "idempotency",
// "meta"; missing ones are created on open). Every commit also records the chain head
// (sequence + hash) in "meta", so truncation or a change to the last event is detected.
//
// Group commit (leader/follower, as in LevelDB): each Append() queues its request and
// waits; the caller at the front of the queue becomes the leader, takes up to
// max_batch_commands queued requests, checks each one's request id and expected version
// (including against the requests before it in the same group; a conflict fails only
// that request), writes all their events in ONE WriteBatch with sync = true, and only
// then publishes the new head/versions and wakes the group. If the write fails, every
// request of the group that would have succeeded gets the error and the in-memory state
// does not advance. There is no background thread.
//
// Acknowledged writes (see acknowledged_head.h and docs/reliability.md): RocksDB opens with
// WALRecoveryMode::kTolerateCorruptedTailRecords, which drops an incomplete last record (a
// write cut short by a crash, never acknowledged) but refuses a damaged record anywhere
// else. Every committed group also records its head in the file RENSTRA-ACKNOWLEDGED beside
// RocksDB (pwrite before the group is acknowledged, so a killed process loses nothing of
// it; fdatasync at most every `acknowledged_sync_every`, before a tree head is signed
// (SyncAcknowledged) and at close). Open() refuses (DATA_LOSS) a log shorter than that
// record or whose event at the recorded sequence has another hash. When RocksDB reports a
// damaged WAL, Open() first keeps the WAL files (wal_recovery.h), then opens a read-only
// point-in-time recovery to see what it would keep: if it keeps every recorded event, the
// damage was in the unacknowledged tail and the store opens with that recovery
// (recovery_note() says so); otherwise Open() refuses, naming the missing events and the
// kept copy. `accept_log_loss` = the exact head a recovery gives opens the shorter log
// deliberately and records it as the new acknowledged head.
//
// Ownership: owns the rocksdb::DB and its column family handles. Destroy the store only
// after all calls into it have returned; the destructor waits for an in-flight group.
// Thread safety: all methods are thread-safe.
// Errors: as EventStore; DATA_LOSS from Open() when the verified tail is broken or
// acknowledged events are missing; FAILED_PRECONDITION when `accept_log_loss` is not the
// head the log recovers to;
// UNAVAILABLE for RocksDB IO errors (including a full disk), DATA_LOSS for RocksDB
// corruption, INTERNAL for other RocksDB failures.
#ifndef RENSTRA_STORAGE_ROCKSDB_EVENT_STORE_H_
#define RENSTRA_STORAGE_ROCKSDB_EVENT_STORE_H_

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "storage/acknowledged_head.h"
#include "storage/event_store.h"
#include "storage/rocksdb_layout.h"

namespace rocksdb {
class ColumnFamilyHandle;
class DB;
}  // namespace rocksdb

namespace renstra {

struct RocksDbEventStoreOptions {
  // Envelope timestamps, microseconds since the Unix epoch; empty = system clock.
  std::function<int64_t()> now_micros;
  // Open() re-verifies the hash chain of this many most recent events (0 = none).
  uint64_t verify_tail = 1000;
  // Most Append() requests committed by one WriteBatch / one sync (>= 1).
  size_t max_batch_commands = 256;
  // The acknowledged record is fdatasynced at most this often (0: after every group, one
  // more fsync per group). In between it is written to the page cache before each group
  // is acknowledged: exact after a killed process, up to this much behind after a power
  // loss.
  std::chrono::milliseconds acknowledged_sync_every{1000};
  // Open the log even though acknowledged events are missing, provided it then ends
  // exactly at this sequence (a point-in-time recovery of a damaged WAL is allowed).
  std::optional<uint64_t> accept_log_loss;
};

// Implements EventStore.
class RocksDbEventStore : public EventStore {
 public:
  using Options = RocksDbEventStoreOptions;

  // Opens (creating if missing) the store in directory `dir`. INVALID_ARGUMENT for bad
  // options; DATA_LOSS "open DIR: event N: ..." when the verified tail is broken.
  static absl::StatusOr<std::unique_ptr<RocksDbEventStore>> Open(const std::string& dir,
                                                                 Options options = {});

  RocksDbEventStore(const RocksDbEventStore&) = delete;
  RocksDbEventStore& operator=(const RocksDbEventStore&) = delete;
  ~RocksDbEventStore() override;

  absl::StatusOr<AppendResult> Append(const AppendRequest& request) override;
  absl::StatusOr<std::vector<v1::EventEnvelope>> ReadAll(uint64_t from_sequence,
                                                         size_t max_count) override;
  // One iterator over the events column family (its implicit snapshot is the log as of
  // the call), one reused message, blocks read ahead and not kept in the block cache.
  absl::Status Scan(uint64_t from_sequence,
                    const std::function<absl::Status(const v1::EventEnvelope&)>& visit) override;
  // A point read of the idempotency column family (written in the events' batch).
  // Reads the scoped record, else a legacy one (see rocksdb_layout.h).
  absl::StatusOr<std::optional<RequestRecord>> FindRequest(std::string_view principal,
                                                           std::string_view request_id) override;
  absl::StatusOr<std::vector<v1::EventEnvelope>> ReadStream(std::string_view stream,
                                                            uint64_t from_version,
                                                            size_t max_count) override;
  // A storage error reads as 0 here; Append() reports it.
  uint64_t StreamVersion(std::string_view stream) override;
  ChainHead Head() override;
  // Also checks that the log ends exactly at the recorded head with the recorded hash, and
  // is not shorter than the acknowledged record (DATA_LOSS naming the first missing event).
  absl::StatusOr<uint64_t> VerifyChain(uint64_t from_sequence) override;

  // VerifyChain() over the `n` most recent events (0 checks nothing), without the
  // acknowledged record (Open() checks that itself).
  absl::StatusOr<uint64_t> VerifyTail(uint64_t n);

  // Number of WriteBatch syncs so far: fewer than the appends when grouping happened.
  uint64_t sync_groups() const;

  // Makes the acknowledged record durable (fdatasync if written since the last one).
  absl::Status SyncAcknowledged() override;
  void RefuseAppends(absl::Status reason) override;

  // What Open() had to do beyond a plain open, for the operator's log ("" if nothing):
  // a damaged unacknowledged WAL tail dropped, the WAL copy kept.
  const std::string& recovery_note() const { return recovery_note_; }
  // Set when Open() accepted a loss (options.accept_log_loss).
  const std::optional<AcceptedLoss>& accepted_loss() const { return accepted_loss_; }

 private:
  // Backs up db_ (a live, consistent copy of all column families); see rocksdb_backup.h.
  friend class RocksDbBackup;

  struct Writer;
  struct Group;

  RocksDbEventStore(Options options, std::unique_ptr<rocksdb::DB> db,
                    std::vector<rocksdb::ColumnFamilyHandle*> handles);

  absl::Status LoadHead();
  // VerifyChain(), and with `against_acknowledged` also against the acknowledged record.
  absl::StatusOr<uint64_t> VerifyChainFrom(uint64_t from_sequence, bool against_acknowledged);
  // Records a committed group's head; called by the leader after the sync.
  absl::Status RecordAcknowledged(const ChainHead& head);
  // Plans and writes `group` (a prefix of writers_); releases mu_ during the write.
  void CommitGroup(const std::vector<Writer*>& group) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Adds one request to the group's batch, or returns why it fails.
  absl::StatusOr<AppendResult> PlanRequest(const AppendRequest& request, Group& group)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Committed version of `stream` (cached after the first lookup).
  absl::StatusOr<uint64_t> LoadStreamVersion(std::string_view stream)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::StatusOr<uint64_t> LastStreamVersionInDb(std::string_view stream);
  // The record stored under `key` (a layout::RequestKey, or a legacy bare request id).
  absl::StatusOr<std::optional<layout::IdempotencyRecord>> LookupRequestId(std::string_view key);

  const Options options_;
  std::unique_ptr<rocksdb::DB> db_;
  // Owned; destroyed before db_ is closed. Order: default, events, streams, idempotency,
  // meta.
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  rocksdb::ColumnFamilyHandle* events_;
  rocksdb::ColumnFamilyHandle* streams_;
  rocksdb::ColumnFamilyHandle* idempotency_;
  rocksdb::ColumnFamilyHandle* meta_;

  mutable absl::Mutex mu_;
  // Waiting Append() calls; the front one leads the current group.
  std::deque<Writer*> writers_ ABSL_GUARDED_BY(mu_);
  // Committed state: changes only after a successful write.
  ChainHead head_ ABSL_GUARDED_BY(mu_);
  // Committed versions of the streams used so far (one entry per stream).
  absl::flat_hash_map<std::string, uint64_t> versions_ ABSL_GUARDED_BY(mu_);
  uint64_t sync_groups_ ABSL_GUARDED_BY(mu_) = 0;
  // Why appends are refused (the log was found damaged while serving); OK otherwise.
  absl::Status refused_ ABSL_GUARDED_BY(mu_);

  std::unique_ptr<AcknowledgedHead> acknowledged_;
  // Touched by the group's leader only (leaders take turns under mu_).
  std::chrono::steady_clock::time_point acknowledged_synced_at_;
  std::string recovery_note_;
  std::optional<AcceptedLoss> accepted_loss_;
};

}  // namespace renstra

#endif  // RENSTRA_STORAGE_ROCKSDB_EVENT_STORE_H_
