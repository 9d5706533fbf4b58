// Snapshotter: snapshots of the read models and the Merkle tree, so that a restart
// restores them from one file and replays only the events appended after it, instead
// of replaying (and hashing) the whole log.
//
// Contract:
//  - A snapshot is a disposable cache; the event log stays the truth. It covers events
//    1..S and records S and the chain hash of event S (SHA-256 of its serialization).
//    Recover() uses the newest snapshot in the directory whose plan id, format version
//    and checksums are right and whose (S, hash) matches the log's event S, then
//    catches up from S + 1. A snapshot that is unreadable, truncated, corrupt, of
//    another format version or plan, beyond the log's head (a log restored from an
//    older backup) or of a different event S (another log) is skipped with a warning;
//    without a usable one the projector replays from event 1, exactly as before.
//    A snapshot never stops the server from starting: only the errors a full replay
//    would give are returned.
//  - Content: the proposals (ProposalBook), the realization records and version
//    (RealizationBook) and the Merkle tree's stored levels over events 1..S (request
//    ids need nothing: the store's own index answers them). The plan (PlanState) is not stored: it
//    is rebuilt by applying the plan stream's own events up to S, read through the stream index — a
//    few thousand events (the import, then the ratifications), milliseconds, where storing it would
//    mean a second encoding of every plan field to keep equal to the replay's. The book's proposals
//    already reflect the ratifications up to S.
//  - Restored models are equal to those of a full replay (tests/services/
//    snapshot_test.cc compares them field by field).
//  - Scheduling is the Snapshotter's: which snapshot a start-up uses (above), when the
//    background writer takes one (every `every` events, and at a clean shutdown), and
//    pruning (the newest `keep` stay); Recover() also removes the .tmp files an
//    interrupted write left. The file's name, layout, checksums and durable
//    write are SnapshotFile's (services/snapshot_file.h); the models come from
//    Projector::Capture() and go back through Projector::Restore().
//  - Writing copies the models under the projector's reader lock (Capture(): readers go
//    on, commands wait), then copies the Merkle log's levels under its lock; encoding,
//    writing and syncing the file happen with no lock held. Write() reports how long
//    each lock was held; the background writer logs it.
//
// Ownership: borrows the EventStore, the Projector and the MerkleLog (nullable), which
// must outlive it. Thread safety: Recover() must run before the projector is used
// (start-up); Write(), Start() and Stop() are thread-safe.
// Errors: Recover() returns what Projector::Recover()/CatchUp() return; Write()
// returns FAILED_PRECONDITION for an empty log, the store's errors, and INTERNAL for a
// file that cannot be written (naming the path and errno text, from SnapshotFile).
#ifndef RENSTRA_SERVICES_SNAPSHOTTER_H_
#define RENSTRA_SERVICES_SNAPSHOTTER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <thread>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "audit/merkle_tree.h"
#include "services/merkle_log.h"
#include "services/projector.h"
#include "storage/event_store.h"

namespace renstra {

// What Recover() did.
struct SnapshotRecovery {
  std::string path;       // the snapshot used; empty when the log was replayed from event 1
  uint64_t sequence = 0;  // S of the snapshot used
  absl::Duration load;    // reading, checking and decoding the snapshot, the plan's replay
  absl::Duration tail;    // the replay after it (or the full replay)
  uint64_t tail_events = 0;
  // The snapshot's Merkle tree over events 1..S, for MerkleLog::Open.
  std::optional<merkle::MerkleTree> tree;
};

// What Write() did.
struct SnapshotWritten {
  std::string path;
  uint64_t sequence = 0;
  uint64_t bytes = 0;
  absl::Duration reader_lock;  // the projector's reader lock held while copying the models
  absl::Duration merkle_lock;  // the Merkle log's lock held while copying its levels
  absl::Duration write;        // encoding, writing, fsync, rename, directory fsync
};

class Snapshotter {
 public:
  struct Options {
    std::string dir;          // created if missing
    uint64_t every = 100000;  // background writer: a snapshot per this many events; 0: never
    int keep = 2;             // newest snapshots kept (>= 1)
    absl::Duration poll = absl::Seconds(1);  // how often the background writer looks
  };

  // Restores `projector` from the newest usable snapshot in `dir` and catches up, or
  // replays from event 1 (see the contract). Logs which and how long each part took.
  static absl::StatusOr<SnapshotRecovery> Recover(EventStore* store, Projector* projector,
                                                  const std::string& dir);

  // Writes a snapshot of the projector as it is now (and of `merkle`'s tree over the same
  // events, when given); keeps the newest `keep`. Returns the existing one when the
  // newest snapshot already covers the projector's last event.
  static absl::StatusOr<SnapshotWritten> Write(EventStore* store, Projector* projector,
                                               MerkleLog* merkle, const std::string& dir,
                                               int keep = 2);

  Snapshotter(EventStore* store, Projector* projector, MerkleLog* merkle, Options options);
  ~Snapshotter();  // Stop(false)

  // Starts the background writer (a no-op when options.every == 0).
  void Start();
  // Stops the background writer; with `final_snapshot` (clean shutdown) writes one more
  // if events were applied since the last (unless options.every == 0).
  void Stop(bool final_snapshot);

 private:
  void Run();
  void WriteAndLog(const char* why);

  EventStore* const store_;
  Projector* const projector_;
  MerkleLog* const merkle_;
  const Options options_;
  absl::Mutex mu_;
  bool stop_ ABSL_GUARDED_BY(mu_) = false;
  uint64_t last_ ABSL_GUARDED_BY(mu_) = 0;  // S of the newest snapshot written or loaded
  absl::Mutex write_mu_;                    // one write at a time
  std::thread thread_;
};

}  // namespace renstra

#endif  // RENSTRA_SERVICES_SNAPSHOTTER_H_
