// Rules shared by every EventStore implementation: request validation, the
// expected-version check and how an envelope is built from a request, so the in-memory
// and RocksDB stores produce identical envelopes and identical error messages.
//
// Thread safety: pure functions, thread-safe.
#ifndef RENSTRA_STORAGE_APPEND_RULES_H_
#define RENSTRA_STORAGE_APPEND_RULES_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "renstra/v1/events.pb.h"
#include "storage/event_store.h"

namespace renstra {

// INVALID_ARGUMENT naming the field: empty or NUL-containing `stream`, empty `events`,
// an event without `event_type`, an expected version below kAnyVersion.
absl::Status ValidateAppendRequest(const AppendRequest& request);

// OK when `expected` is kAnyVersion or equals `actual`; otherwise ABORTED
// "stream S: expected version X, actual Y".
absl::Status CheckExpectedVersion(std::string_view stream, int64_t expected, uint64_t actual);

// OK when `request` retries the command `record` describes (same stream, method and
// fingerprint): the store then answers with the record's result. Otherwise
// INVALID_ARGUMENT naming the request id: "meta.request_id: "R" was already used for
// stream "A", not "B"", "... for <method>, not <method>", "... for a different <method>
// request", or "... before request ids were scoped" for a legacy record.
absl::Status CheckRetryOf(const RequestRecord& record, const AppendRequest& request);

// The envelope for request.events[index] at the given position in the log.
v1::EventEnvelope BuildEnvelope(const AppendRequest& request, size_t index, uint64_t sequence,
                                uint64_t stream_version, int64_t timestamp_micros,
                                const std::string& prev_hash);

}  // namespace renstra

#endif  // RENSTRA_STORAGE_APPEND_RULES_H_
