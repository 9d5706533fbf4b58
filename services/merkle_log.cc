#include "services/merkle_log.h"

#include <algorithm>
#include <filesystem>
#include <utility>

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "spdlog/spdlog.h"
#include "storage/envelope_hash.h"
#include "storage/system_clock.h"

namespace renstra {
namespace {

constexpr size_t kChunk = 4096;
// A long Sync logs its progress every this many events.
constexpr uint64_t kProgressEvery = 250000;

}  // namespace

MerkleLog::MerkleLog(EventStore* store, Ed25519PrivateKey key)
    : store_(store),
      key_(std::move(key)),
      public_key_(key_.PublicKey()),
      key_id_(ToHex(Sha256(key_.PublicKeyRaw()))) {}

absl::StatusOr<std::unique_ptr<MerkleLog>> MerkleLog::Open(
    EventStore* store, const std::string& key_path, std::optional<merkle::MerkleTree> restored) {
  std::error_code ec;
  const bool exists = std::filesystem::exists(key_path, ec);
  std::unique_ptr<MerkleLog> log;
  if (exists) {
    RENSTRA_ASSIGN_OR_RETURN(Ed25519PrivateKey key, Ed25519PrivateKey::LoadPemFile(key_path));
    log.reset(new MerkleLog(store, std::move(key)));
  } else {
    RENSTRA_ASSIGN_OR_RETURN(Ed25519PrivateKey key, Ed25519PrivateKey::Generate());
    RENSTRA_RETURN_IF_ERROR(key.SavePemFile(key_path));
    spdlog::info("made the tree-head signing key {}", key_path);
    log.reset(new MerkleLog(store, std::move(key)));
  }
  uint64_t restored_size = 0;
  if (restored.has_value() && restored->size() > 0) {
    restored_size = restored->size();
    absl::MutexLock lock(&log->mu_);
    log->tree_ = *std::move(restored);
  }
  log->StartVerifying(restored_size);
  RENSTRA_RETURN_IF_ERROR(log->Sync());
  return log;
}

MerkleLog::~MerkleLog() {
  stop_ = true;
  if (verifier_.joinable()) verifier_.join();
}

void MerkleLog::StartVerifying(uint64_t restored_size) {
  {
    absl::MutexLock lock(&mu_);
    verifying_ = true;
  }
  verifier_ = std::thread([this, restored_size] {
    const absl::Time start = absl::Now();
    merkle::MerkleTree fresh;
    uint64_t next = 1;
    std::string prev_hash = kZeroHash;
    // The chain, as ChainVerifier checks it (same wording), over the parsed envelopes;
    // and the leaves of the restored part of the tree.
    absl::Status result = store_->Scan(1, [&](const v1::EventEnvelope& e) -> absl::Status {
      if (stop_) return absl::CancelledError("stopped before the log's chain was checked");
      if (e.sequence() != next) {
        return absl::DataLossError(absl::StrCat(
            "event ", next, ": missing (the next stored event is ", e.sequence(), ")"));
      }
      if (e.prev_hash() != prev_hash) {
        return absl::DataLossError(
            absl::StrCat("event ", next, ": prev_hash ", ToHex(e.prev_hash()),
                         " does not match the hash of event ", next - 1, " (", ToHex(prev_hash),
                         "); one of them was altered"));
      }
      const std::string bytes = SerializeEnvelope(e);
      prev_hash = Sha256(bytes);
      if (next <= restored_size) fresh.Append(merkle::LeafHash(bytes));
      ++next;
      return absl::OkStatus();
    });
    const uint64_t checked = next - 1;
    bool chain_broken = false;
    if (result.ok() && checked < restored_size) {
      result = absl::DataLossError(absl::StrCat("event ", next, " is missing"));
    }
    if (!result.ok() && result.code() == absl::StatusCode::kDataLoss) {
      chain_broken = true;
      result = absl::DataLossError(
          absl::StrCat(result.message(),
                       "; found by the background check of the whole chain: audit reads and "
                       "writes are refused until the log is repaired (restore a backup)"));
    }
    absl::MutexLock lock(&mu_);
    if (result.ok() && restored_size > 0 && !tree_.SamePrefix(fresh, restored_size)) {
      uint64_t first = 0;  // the first event whose leaf differs; 0: an inner node only
      for (uint64_t i = 0; i < restored_size && first == 0; ++i) {
        if (*tree_.LeafHashAt(i) != *fresh.LeafHashAt(i)) first = i + 1;
      }
      result = absl::DataLossError(absl::StrCat(
          "the Merkle tree restored from the snapshot differs from the hashes of events 1..",
          restored_size,
          first == 0 ? std::string(" (an inner node)")
                     : absl::StrCat(" (first at event ", first, ")"),
          "; audit reads are refused: restart without that snapshot"));
    }
    if (result.ok()) {
      spdlog::info(
          "event log: the hash chain of events 1..{} is intact{} (checked in the background in "
          "{})",
          checked,
          restored_size > 0 ? absl::StrCat(", and the snapshot's Merkle hashes of events 1..",
                                           restored_size, " match it")
                            : std::string(),
          absl::FormatDuration(absl::Now() - start));
    } else if (!stop_) {
      spdlog::error("event log: {}", result.ToString());
      if (result.code() != absl::StatusCode::kDataLoss) {
        result = absl::DataLossError(
            absl::StrCat("the event log's hash chain could not be checked: ", result.message()));
      }
      if (chain_broken) store_->RefuseAppends(result);
    } else if (result.ok() || result.code() != absl::StatusCode::kDataLoss) {
      result = absl::CancelledError("stopped before the log's chain was checked");
    }
    verified_ = result;
    verifying_ = false;
  });
}

absl::Status MerkleLog::damage() const {
  absl::MutexLock lock(&mu_);
  if (verifying_) return absl::OkStatus();
  return verified_;
}

absl::Status MerkleLog::VerifiedLocked() const {
  auto done = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return !verifying_; };
  mu_.Await(absl::Condition(&done));
  return verified_;
}

absl::Status MerkleLog::AwaitVerified() const {
  absl::MutexLock lock(&mu_);
  return VerifiedLocked();
}

absl::StatusOr<std::vector<std::vector<merkle::Hash>>> MerkleLog::LevelsAt(uint64_t tree_size) {
  bool behind = false;
  {
    absl::MutexLock lock(&mu_);
    behind = tree_.size() < tree_size;
  }
  if (behind) RENSTRA_RETURN_IF_ERROR(Sync());
  absl::MutexLock lock(&mu_);
  // A restored tree found wrong is not passed on to the next snapshot.
  if (!verifying_ && !verified_.ok()) return verified_;
  return tree_.LevelsAt(tree_size);
}

absl::StatusOr<std::unique_ptr<MerkleLog>> MerkleLog::OpenEphemeral(EventStore* store) {
  RENSTRA_ASSIGN_OR_RETURN(Ed25519PrivateKey key, Ed25519PrivateKey::Generate());
  std::unique_ptr<MerkleLog> log(new MerkleLog(store, std::move(key)));
  RENSTRA_RETURN_IF_ERROR(log->Sync());
  return log;
}

merkle::Hash MerkleLog::LeafOf(const v1::EventEnvelope& envelope) {
  return merkle::LeafHash(SerializeEnvelope(envelope));
}

void MerkleLog::AppendLocked(const v1::EventEnvelope& envelope) { tree_.Append(LeafOf(envelope)); }

absl::Status MerkleLog::Sync() {
  absl::MutexLock lock(&mu_);
  const uint64_t start = tree_.size();
  uint64_t next_report = kProgressEvery;
  while (true) {
    const uint64_t next = tree_.size() + 1;
    RENSTRA_ASSIGN_OR_RETURN(std::vector<v1::EventEnvelope> chunk, store_->ReadAll(next, kChunk));
    for (size_t i = 0; i < chunk.size(); ++i) {
      if (chunk[i].sequence() != next + i) {
        return absl::DataLossError(
            absl::StrCat("event ", next + i, " is missing; read event ", chunk[i].sequence()));
      }
      AppendLocked(chunk[i]);
    }
    if (chunk.size() < kChunk) return absl::OkStatus();
    // Only the first Sync (start-up) hashes this many: later ones follow the projector.
    if (tree_.size() - start >= next_report) {
      spdlog::info("Merkle tree: hashed {} events (sequence {} of {})", tree_.size() - start,
                   tree_.size(), store_->Head().sequence);
      next_report += kProgressEvery;
    }
  }
}

void MerkleLog::Observe(const v1::EventEnvelope& envelope) {
  absl::MutexLock lock(&mu_);
  if (envelope.sequence() == tree_.size() + 1) AppendLocked(envelope);
}

uint64_t MerkleLog::size() const {
  absl::MutexLock lock(&mu_);
  return tree_.size();
}

absl::StatusOr<SignedHead> MerkleLog::SignedTreeHead() {
  RENSTRA_RETURN_IF_ERROR(Sync());
  // Never sign a size the store's acknowledged record could not vouch for after a crash.
  RENSTRA_RETURN_IF_ERROR(store_->SyncAcknowledged());
  SignedHead out;
  {
    absl::MutexLock lock(&mu_);
    RENSTRA_RETURN_IF_ERROR(VerifiedLocked());
    out.head.size = tree_.size();
    out.head.root = tree_.Root();
  }
  out.head.timestamp_micros = SystemNowMicros();
  RENSTRA_ASSIGN_OR_RETURN(out.signature, merkle::SignTreeHead(key_, out.head));
  return out;
}

absl::StatusOr<std::vector<merkle::Hash>> MerkleLog::InclusionProof(uint64_t index,
                                                                    uint64_t tree_size) const {
  absl::MutexLock lock(&mu_);
  RENSTRA_RETURN_IF_ERROR(VerifiedLocked());
  return tree_.InclusionProof(index, tree_size);
}

absl::StatusOr<std::vector<merkle::Hash>> MerkleLog::ConsistencyProof(uint64_t from_size,
                                                                      uint64_t to_size) const {
  absl::MutexLock lock(&mu_);
  RENSTRA_RETURN_IF_ERROR(VerifiedLocked());
  return tree_.ConsistencyProof(from_size, to_size);
}

absl::StatusOr<merkle::Hash> MerkleLog::Root(uint64_t tree_size) const {
  absl::MutexLock lock(&mu_);
  RENSTRA_RETURN_IF_ERROR(VerifiedLocked());
  return tree_.Root(tree_size);
}

uint64_t MerkleLog::WaitBeyond(uint64_t size, absl::Duration timeout) const {
  absl::MutexLock lock(&mu_);
  auto grown = [this, size]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return tree_.size() > size; };
  mu_.AwaitWithTimeout(absl::Condition(&grown), timeout);
  return tree_.size();
}

}  // namespace renstra
