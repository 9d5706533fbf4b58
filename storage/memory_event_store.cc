#include "storage/memory_event_store.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "storage/append_rules.h"
#include "storage/chain_verifier.h"
#include "storage/envelope_hash.h"
#include "storage/system_clock.h"

namespace renstra {

MemoryEventStore::MemoryEventStore(std::function<int64_t()> now_micros)
    : now_micros_(now_micros ? std::move(now_micros) : SystemNowMicros), head_hash_(kZeroHash) {}

absl::StatusOr<AppendResult> MemoryEventStore::Append(const AppendRequest& request) {
  RENSTRA_RETURN_IF_ERROR(ValidateAppendRequest(request));
  absl::MutexLock lock(&mu_);
  RENSTRA_RETURN_IF_ERROR(refused_);
  const std::string& request_id = request.meta.request_id;
  const RequestKey key{request.meta.principal, request_id};
  if (!request_id.empty()) {
    auto it = request_ids_.find(key);
    if (it != request_ids_.end()) {
      RENSTRA_RETURN_IF_ERROR(CheckRetryOf(it->second, request));
      AppendResult result = it->second.result;
      result.deduplicated = true;
      return result;
    }
  }
  std::vector<uint64_t>& stream = streams_[request.stream];
  if (absl::Status s =
          CheckExpectedVersion(request.stream, request.expected_version, stream.size());
      !s.ok()) {
    if (stream.empty()) streams_.erase(request.stream);
    return s;
  }
  const int64_t now = now_micros_();
  AppendResult result;
  result.first_sequence = log_.size() + 1;
  for (size_t i = 0; i < request.events.size(); ++i) {
    const uint64_t sequence = log_.size() + 1;
    v1::EventEnvelope envelope =
        BuildEnvelope(request, i, sequence, stream.size() + 1, now, head_hash_);
    head_hash_ = HashEnvelope(envelope);
    log_.push_back(std::move(envelope));
    stream.push_back(sequence);
  }
  result.last_sequence = log_.size();
  result.stream_version = stream.size();
  if (!request_id.empty()) {
    request_ids_[key] =
        RequestRecord{request.stream, result, request.meta.method, request.meta.fingerprint};
  }
  return result;
}

absl::StatusOr<std::vector<v1::EventEnvelope>> MemoryEventStore::ReadAll(uint64_t from_sequence,
                                                                         size_t max_count) {
  absl::MutexLock lock(&mu_);
  std::vector<v1::EventEnvelope> out;
  for (uint64_t seq = std::max<uint64_t>(from_sequence, 1);
       seq <= log_.size() && out.size() < max_count; ++seq) {
    out.push_back(log_[seq - 1]);
  }
  return out;
}

absl::Status MemoryEventStore::Scan(
    uint64_t from_sequence, const std::function<absl::Status(const v1::EventEnvelope&)>& visit) {
  constexpr size_t kBatch = 256;
  std::vector<const v1::EventEnvelope*> batch;
  uint64_t end = 0;
  {
    absl::MutexLock lock(&mu_);
    end = log_.size();
  }
  for (uint64_t next = std::max<uint64_t>(from_sequence, 1); next <= end;) {
    batch.clear();
    {
      // Only the deque's index needs the lock: appended envelopes stay where they are.
      absl::MutexLock lock(&mu_);
      for (; next <= end && batch.size() < kBatch; ++next) batch.push_back(&log_[next - 1]);
    }
    for (const v1::EventEnvelope* envelope : batch) RENSTRA_RETURN_IF_ERROR(visit(*envelope));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::optional<RequestRecord>> MemoryEventStore::FindRequest(
    std::string_view principal, std::string_view request_id) {
  if (request_id.empty()) return std::nullopt;
  absl::MutexLock lock(&mu_);
  auto it = request_ids_.find(RequestKey{std::string(principal), std::string(request_id)});
  if (it == request_ids_.end()) return std::nullopt;
  return it->second;
}

absl::StatusOr<std::vector<v1::EventEnvelope>> MemoryEventStore::ReadStream(std::string_view stream,
                                                                            uint64_t from_version,
                                                                            size_t max_count) {
  absl::MutexLock lock(&mu_);
  std::vector<v1::EventEnvelope> out;
  auto it = streams_.find(absl::string_view(stream.data(), stream.size()));
  if (it == streams_.end()) return out;
  const std::vector<uint64_t>& sequences = it->second;
  for (uint64_t v = std::max<uint64_t>(from_version, 1);
       v <= sequences.size() && out.size() < max_count; ++v) {
    out.push_back(log_[sequences[v - 1] - 1]);
  }
  return out;
}

uint64_t MemoryEventStore::StreamVersion(std::string_view stream) {
  absl::MutexLock lock(&mu_);
  auto it = streams_.find(absl::string_view(stream.data(), stream.size()));
  return it == streams_.end() ? 0 : it->second.size();
}

ChainHead MemoryEventStore::Head() {
  absl::MutexLock lock(&mu_);
  return ChainHead{log_.size(), head_hash_};
}

absl::StatusOr<uint64_t> MemoryEventStore::VerifyChain(uint64_t from_sequence) {
  if (from_sequence == 0) {
    return absl::InvalidArgumentError("from_sequence: must be >= 1");
  }
  absl::MutexLock lock(&mu_);
  if (from_sequence > log_.size()) return 0;
  std::string prev = from_sequence == 1 ? kZeroHash : HashEnvelope(log_[from_sequence - 2]);
  ChainVerifier verifier(from_sequence, std::move(prev));
  for (uint64_t seq = from_sequence; seq <= log_.size(); ++seq) {
    RENSTRA_RETURN_IF_ERROR(verifier.Check(seq, SerializeEnvelope(log_[seq - 1])));
  }
  if (verifier.last_hash() != head_hash_) {
    return absl::DataLossError(
        absl::StrCat("event ", log_.size(), ": hash does not match the head hash"));
  }
  return verifier.checked();
}

void MemoryEventStore::RefuseAppends(absl::Status reason) {
  absl::MutexLock lock(&mu_);
  if (refused_.ok()) refused_ = std::move(reason);
}

}  // namespace renstra
