// MerkleLog: the RFC 6962 Merkle tree over the whole event log (event N = leaf N-1,
// leaf = SHA-256(0x00 || the envelope's deterministic serialization)), the Ed25519 key
// that signs its tree heads, and the log's tail for live feeds.
//
// The tree lives in memory and is rebuilt from the store at start (one SHA-256 per
// event: about a second per million events); after that it grows incrementally, fed
// by the projector with each event it applies (Observe) and by Sync() before every
// audit read, so events appended outside commands (refusals on "audit/denied") are
// covered too; hashing a long log at start logs its progress every 250,000 events. A
// tree head is signed when asked for, with the time of asking.
//
// The signing key is a PEM file in the data directory, made with mode 0600 at the
// first start; losing it only means clients must pin the new public key.
//
// After Open() a background thread reads the whole log once and checks its hash chain
// (every prev_hash link, no gap): the start-up check covers only the last --verify_tail
// events, and an older event edited with valid RocksDB checksums would otherwise be
// served until someone ran `log verify`. Restored from a snapshot (services/snapshotter.h),
// the tree starts with the snapshot's stored hashes of events 1..S instead of hashing
// them, and the same pass hashes those S events again and compares. Until the pass is
// done, the audit reads (SignedTreeHead, the proofs, Root) wait for it, so no tree head is
// ever signed over unverified hashes; plan reads and commands do not wait. If the chain
// is broken, the error (naming the first bad event) is logged, every audit read answers
// DATA_LOSS (damage() for the reads that do not use the tree) and the store refuses
// every append (EventStore::RefuseAppends); if only the snapshot's hashes differ, the
// audit reads answer DATA_LOSS until a restart without that snapshot.
//
// Before a tree head is signed, the store's record of acknowledged events is made
// durable (EventStore::SyncAcknowledged): a signed size is never beyond it.
//
// Ownership: borrows the EventStore. Thread safety: thread-safe.
// Errors: Sync returns the store's errors and DATA_LOSS when the store's events no
// longer follow the tree (an event missing); proofs return OUT_OF_RANGE for sizes or
// sequences beyond the tree and INVALID_ARGUMENT for an impossible request.
#ifndef RENSTRA_SERVICES_MERKLE_LOG_H_
#define RENSTRA_SERVICES_MERKLE_LOG_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "audit/ed25519_key.h"
#include "audit/merkle_tree.h"
#include "audit/tree_head.h"
#include "renstra/v1/events.pb.h"
#include "storage/event_store.h"

namespace renstra {

struct SignedHead {
  merkle::TreeHead head;
  std::string signature;  // 64 bytes
};

class MerkleLog {
 public:
  // Loads the signing key from `key_path`, making it (mode 0600) if the file does not
  // exist, and hashes every event in the store.
  // With `restored` (a snapshot's tree of events 1..S), starts from it and verifies it
  // in the background (see above) instead of hashing those events now.
  static absl::StatusOr<std::unique_ptr<MerkleLog>> Open(
      EventStore* store, const std::string& key_path,
      std::optional<merkle::MerkleTree> restored = std::nullopt);
  // A log with a key made for this process only (tests, --empty trials).
  static absl::StatusOr<std::unique_ptr<MerkleLog>> OpenEphemeral(EventStore* store);

  // Hashes the events appended since the last one hashed.
  absl::Status Sync();
  // Hashes `envelope` if it is the next event (the projector calls this for each event
  // it applies); an event already hashed or ahead of the tree is ignored (Sync fills).
  void Observe(const v1::EventEnvelope& envelope);

  uint64_t size() const;
  // Signs the head of the current tree (after Sync).
  absl::StatusOr<SignedHead> SignedTreeHead();
  absl::StatusOr<std::vector<merkle::Hash>> InclusionProof(uint64_t index,
                                                           uint64_t tree_size) const;
  absl::StatusOr<std::vector<merkle::Hash>> ConsistencyProof(uint64_t from_size,
                                                             uint64_t to_size) const;
  absl::StatusOr<merkle::Hash> Root(uint64_t tree_size) const;

  const Ed25519PublicKey& public_key() const { return public_key_; }
  // Hex SHA-256 of the raw public key.
  const std::string& key_id() const { return key_id_; }

  // Blocks until the tree has more than `size` leaves or `timeout` passes; returns the
  // size then. Used by live feeds to sleep between appends.
  uint64_t WaitBeyond(uint64_t size, absl::Duration timeout) const;

  // The leaf hash of an envelope as stored.
  static merkle::Hash LeafOf(const v1::EventEnvelope& envelope);

  // The stored levels of the tree over events 1..tree_size, for a snapshot (Syncs first
  // if the tree is smaller). OUT_OF_RANGE beyond the log.
  absl::StatusOr<std::vector<std::vector<merkle::Hash>>> LevelsAt(uint64_t tree_size);
  // Waits for the background check of a restored tree: OK when it matched (or there was
  // nothing to check), DATA_LOSS when it did not.
  absl::Status AwaitVerified() const;
  // Without waiting: the DATA_LOSS the background check found, OK while it runs or if it
  // found nothing.
  absl::Status damage() const;

  ~MerkleLog();

 private:
  MerkleLog(EventStore* store, Ed25519PrivateKey key);
  void StartVerifying(uint64_t restored_size);
  // Waits for the background check; its result.
  absl::Status VerifiedLocked() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void AppendLocked(const v1::EventEnvelope& envelope) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  EventStore* const store_;
  const Ed25519PrivateKey key_;
  const Ed25519PublicKey public_key_;
  const std::string key_id_;
  mutable absl::Mutex mu_;
  merkle::MerkleTree tree_ ABSL_GUARDED_BY(mu_);
  // The background check of a restored tree.
  bool verifying_ ABSL_GUARDED_BY(mu_) = false;
  absl::Status verified_ ABSL_GUARDED_BY(mu_);
  std::atomic<bool> stop_{false};
  std::thread verifier_;
};

}  // namespace renstra

#endif  // RENSTRA_SERVICES_MERKLE_LOG_H_
