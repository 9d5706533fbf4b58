// AcknowledgedHead: the server's own record of the last event it acknowledged, kept in a
// small file beside RocksDB and outside its write-ahead log, so that a log that comes
// back shorter than what clients were told is durable (a WAL damaged and then
// point-in-time recovered, a WAL deleted) is detected instead of served.
//
// Invariant: the recorded (sequence, hash) is never ahead of what the store has synced:
// Record() is called only after the WriteBatch holding that event was synced. It may lag
// behind what was acknowledged (see the sync policy in rocksdb_event_store.h); a log
// shorter than the record, or whose event at the recorded sequence has another hash, has
// lost (or changed) acknowledged events.
//
// File: two 56-byte slots at offsets 0 and 512 (separate disk sectors), written in turn
// with pwrite, each "RNSTRACK" + 8-byte big-endian sequence + 32-byte hash + the first 8
// bytes of the SHA-256 of the 48 bytes before. A torn write spoils at most the slot being
// written; Open() takes the valid slot with the higher sequence. Created (both slots,
// by base/durable_file.h: temporary file, fsync, rename, directory fsync) with the head
// the store opened with.
//
// Ownership: owns the file descriptor. Thread safety: thread-safe (one mutex).
// Errors: UNAVAILABLE naming the path and the errno text when the file cannot be read or
// written; DATA_LOSS when the file exists but neither slot is valid.
#ifndef RENSTRA_STORAGE_ACKNOWLEDGED_HEAD_H_
#define RENSTRA_STORAGE_ACKNOWLEDGED_HEAD_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "storage/event_store.h"

namespace renstra {

class AcknowledgedHead {
 public:
  // The file's name in the store's directory.
  static constexpr char kFileName[] = "RENSTRA-ACKNOWLEDGED";

  // Opens `path`, or notes that it does not exist yet (recorded() is then nullopt and
  // the first Record() creates it).
  static absl::StatusOr<std::unique_ptr<AcknowledgedHead>> Open(const std::string& path);

  // Reads the record of the file at `path` without keeping it open; nullopt if the file
  // does not exist.
  static absl::StatusOr<std::optional<ChainHead>> Read(const std::string& path);

  AcknowledgedHead(const AcknowledgedHead&) = delete;
  AcknowledgedHead& operator=(const AcknowledgedHead&) = delete;
  ~AcknowledgedHead();

  // The record as of Open() or the last Record().
  std::optional<ChainHead> recorded() const;

  // Records `head` (pwrite to the page cache: it survives the process being killed); with
  // `sync`, also fdatasyncs it (it survives a power loss). Creating the file, and a head
  // lower than the recorded one (an accepted loss: both slots are rewritten), always sync.
  absl::Status Record(const ChainHead& head, bool sync);
  // fdatasyncs the file if a Record() since the last sync has not been synced.
  absl::Status Sync();

  const std::string& path() const { return path_; }

 private:
  explicit AcknowledgedHead(std::string path) : path_(std::move(path)) {}
  absl::Status CreateLocked(const ChainHead& head) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const std::string path_;
  mutable absl::Mutex mu_;
  int fd_ ABSL_GUARDED_BY(mu_) = -1;
  std::optional<ChainHead> recorded_ ABSL_GUARDED_BY(mu_);
  int next_slot_ ABSL_GUARDED_BY(mu_) = 0;
  bool dirty_ ABSL_GUARDED_BY(mu_) = false;
};

// What RocksDbEventStore::Open() accepted with its accept_log_loss option.
struct AcceptedLoss {
  ChainHead acknowledged;  // the record before: events up to here had been acknowledged
  ChainHead head;          // where the log ends now
  std::string kept_wal;    // the WAL files as found ("" if there were none)
};

// Compares a log (`head`, and `hash_at` = the hash of its event at the recorded sequence,
// nullopt if it has none) in directory `dir` with the acknowledged record `recorded`
// (kept at `record_path`). OK when nothing acknowledged is missing, or when the loss is
// accepted at exactly `head` (then sets *accepted); FAILED_PRECONDITION for another
// `accept`; otherwise DATA_LOSS naming the missing events, what RocksDB reported
// (`rocksdb_error`, may be empty), where the WAL was kept (`kept_wal`, may be empty) and
// how to go on.
absl::Status CompareWithAcknowledged(const std::string& dir, const std::string& record_path,
                                     const std::optional<ChainHead>& recorded,
                                     const ChainHead& head,
                                     const std::optional<std::string>& hash_at,
                                     std::optional<uint64_t> accept, const std::string& kept_wal,
                                     const std::string& rocksdb_error,
                                     std::optional<AcceptedLoss>* accepted);

}  // namespace renstra

#endif  // RENSTRA_STORAGE_ACKNOWLEDGED_HEAD_H_
