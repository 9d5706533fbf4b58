// MemoryEventStore: an in-memory EventStore for domain and application tests.
//
// Same semantics as the persistent store (gap-free sequence, stream versions, expected
// version, idempotency, hash chain, timestamps from the injected clock, identical error
// messages) but nothing is persisted: "durable" means "in this object". Each Append()
// is its own commit; there is no grouping.
//
// Thread safety: all methods are thread-safe (one mutex).
// Errors: as EventStore; never UNAVAILABLE.
#ifndef RENSTRA_STORAGE_MEMORY_EVENT_STORE_H_
#define RENSTRA_STORAGE_MEMORY_EVENT_STORE_H_

#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "storage/event_store.h"

namespace renstra {

// Implements EventStore.
class MemoryEventStore : public EventStore {
 public:
  // `now_micros` supplies envelope timestamps (microseconds since the Unix epoch);
  // empty means the system clock.
  explicit MemoryEventStore(std::function<int64_t()> now_micros = {});

  absl::StatusOr<AppendResult> Append(const AppendRequest& request) override;
  absl::StatusOr<std::vector<v1::EventEnvelope>> ReadAll(uint64_t from_sequence,
                                                         size_t max_count) override;
  // Visits the stored envelopes themselves (no copies), outside the store's lock.
  absl::Status Scan(uint64_t from_sequence,
                    const std::function<absl::Status(const v1::EventEnvelope&)>& visit) override;
  absl::StatusOr<std::optional<RequestRecord>> FindRequest(std::string_view principal,
                                                           std::string_view request_id) override;
  absl::StatusOr<std::vector<v1::EventEnvelope>> ReadStream(std::string_view stream,
                                                            uint64_t from_version,
                                                            size_t max_count) override;
  uint64_t StreamVersion(std::string_view stream) override;
  ChainHead Head() override;
  absl::StatusOr<uint64_t> VerifyChain(uint64_t from_sequence) override;
  // Nothing to persist.
  absl::Status SyncAcknowledged() override { return absl::OkStatus(); }
  void RefuseAppends(absl::Status reason) override;

 private:
  const std::function<int64_t()> now_micros_;
  absl::Mutex mu_;
  // log_[i] has sequence i + 1. A deque so that an envelope never moves once appended
  // (and is never changed): Scan() reads it without holding mu_.
  std::deque<v1::EventEnvelope> log_ ABSL_GUARDED_BY(mu_);
  // Per stream: the sequences of its events; entry v - 1 is stream version v.
  absl::flat_hash_map<std::string, std::vector<uint64_t>> streams_ ABSL_GUARDED_BY(mu_);
  // (principal, request id) → where that request landed; never holds legacy records.
  using RequestKey = std::pair<std::string, std::string>;
  absl::flat_hash_map<RequestKey, RequestRecord> request_ids_ ABSL_GUARDED_BY(mu_);
  std::string head_hash_ ABSL_GUARDED_BY(mu_);
  absl::Status refused_ ABSL_GUARDED_BY(mu_);
};

}  // namespace renstra

#endif  // RENSTRA_STORAGE_MEMORY_EVENT_STORE_H_
