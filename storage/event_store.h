// EventStore: the append-only, hash-chained log every command ends in.
//
// A global, gap-free sequence (from 1) over all streams; per-stream versions (from 1);
// atomic append of a batch of events to one stream with an expected version; an
// idempotency record per (principal, request id) so a retried command appends nothing
// more; and a SHA-256 hash chain: each envelope's prev_hash is the hash of the
// previous envelope's deterministic serialization (32 zero bytes for the first).
//
// Idempotency: a request id is scoped to its principal — two principals may use the
// same id for unrelated commands. The record of (principal, request id) keeps the
// stream, the result, the command's method and its request fingerprint (see
// CommandMeta). An Append() with a recorded (principal, request id) appends nothing:
// it returns the original result (deduplicated) when stream, method and fingerprint
// all match, and INVALID_ARGUMENT naming the request id otherwise — never another
// command's result. Records written before request ids were scoped (keyed by the id
// alone, with no principal, method or fingerprint) stay readable: FindRequest()
// reports them with `legacy` set, and they never deduplicate an Append(); the caller
// (services/command_runner.h) refuses to reuse such an id.
//
// Durability: Append() returns only after the events are synced to stable storage
// (implementations that persist). Concurrent Append() calls may be grouped so one
// sync covers many of them (group commit).
//
// Thread safety: all methods are safe to call concurrently.
//
// Errors: ABORTED when the expected version does not match (message names the stream,
// expected and actual versions); INVALID_ARGUMENT for an empty stream name, an empty
// batch, or a request id its principal used for a different stream, method or request
// (message names the request id); DATA_LOSS when a stored event
// fails the chain check (message names the sequence); UNAVAILABLE / INTERNAL when the
// underlying storage fails.
#ifndef RENSTRA_STORAGE_EVENT_STORE_H_
#define RENSTRA_STORAGE_EVENT_STORE_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "renstra/v1/events.pb.h"

namespace renstra {

// One event to append: its type, schema version and serialized payload.
struct NewEvent {
  std::string event_type;
  uint32_t schema_version = 1;
  std::string payload;
};

// Who issued the command and why; copied into every envelope of the batch.
struct CommandMeta {
  std::string principal;
  std::string role;
  std::string reason;
  // Idempotency key, scoped to `principal`; empty means "no deduplication".
  std::string request_id;
  // What a retry with the same request id must match to be deduplicated: the command's
  // full method name ("/renstra.v1.WorkflowService/Propose") and a digest of its
  // request (services/command_runner.h computes it). Ignored without a request id.
  std::string method = {};
  std::string fingerprint = {};
};

// Expected-version value meaning "append whatever the stream's version is".
inline constexpr int64_t kAnyVersion = -1;

struct AppendRequest {
  std::string stream;
  // The stream's current version the command was decided against (0 = new stream),
  // or kAnyVersion.
  int64_t expected_version = kAnyVersion;
  std::vector<NewEvent> events;
  CommandMeta meta;
};

struct AppendResult {
  uint64_t first_sequence = 0;
  uint64_t last_sequence = 0;
  // The stream's version after the append.
  uint64_t stream_version = 0;
  // True when the request id had been seen: nothing was appended and this is the
  // original result.
  bool deduplicated = false;
};

// Where the command that used a request id landed: its stream and the result its
// Append() returned (deduplicated is false here), with the method and fingerprint a
// retry must match.
struct RequestRecord {
  std::string stream;
  AppendResult result;
  std::string method = {};
  std::string fingerprint = {};
  // Written before request ids were scoped: keyed by the request id alone, with no
  // principal, method or fingerprint (both empty). Such a record identifies no request
  // that could be retried safely.
  bool legacy = false;
};

// The last event of the log.
struct ChainHead {
  uint64_t sequence = 0;  // 0 for an empty log
  std::string hash;       // 32 raw bytes; 32 zero bytes for an empty log
};

class EventStore {
 public:
  virtual ~EventStore() = default;

  // Appends the batch atomically and durably, assigning sequences, stream versions,
  // server timestamps and hash links. See the file comment for errors.
  virtual absl::StatusOr<AppendResult> Append(const AppendRequest& request) = 0;

  // Up to `max_count` envelopes with sequence >= from_sequence, in order.
  virtual absl::StatusOr<std::vector<v1::EventEnvelope>> ReadAll(uint64_t from_sequence,
                                                                 size_t max_count) = 0;

  // Calls visit(envelope) for every envelope with sequence >= from_sequence, in sequence
  // order, without building them all at once: the way to read a long log (a replay).
  // Visits the log as it was when the call began: events appended after that are not
  // visited (a catch-up scans again for them). The envelope passed to `visit` is valid
  // only during that call (implementations reuse the message). Stops at the first non-OK
  // status `visit` returns and returns it; otherwise OK once the end is reached (also
  // when from_sequence is past the head; 0 reads from the first event). DATA_LOSS if a
  // stored envelope does not decode. No lock of the store is held while `visit` runs:
  // it may call any method of the store, Append() included.
  virtual absl::Status Scan(uint64_t from_sequence,
                            const std::function<absl::Status(const v1::EventEnvelope&)>& visit) = 0;

  // Where the command that `principal` sent with `request_id` landed (as Append()
  // deduplicates it), or else a legacy record of the request id alone (see the file
  // comment), or nullopt (always nullopt for ""). A record becomes visible with the
  // events of its command, never before them.
  virtual absl::StatusOr<std::optional<RequestRecord>> FindRequest(std::string_view principal,
                                                                   std::string_view request_id) = 0;

  // Up to `max_count` envelopes of `stream` with stream_version >= from_version.
  virtual absl::StatusOr<std::vector<v1::EventEnvelope>> ReadStream(std::string_view stream,
                                                                    uint64_t from_version,
                                                                    size_t max_count) = 0;

  // Current version of a stream (0 if it has no events).
  virtual uint64_t StreamVersion(std::string_view stream) = 0;

  virtual ChainHead Head() = 0;

  // Re-hashes envelopes from `from_sequence` (>= 1) to the head and checks every
  // prev_hash link and that sequences have no gap. Returns the number checked;
  // DATA_LOSS naming the first bad sequence.
  virtual absl::StatusOr<uint64_t> VerifyChain(uint64_t from_sequence) = 0;

  // Makes the store's record of what it has acknowledged durable, before the server
  // commits to it elsewhere (a signed tree head). A no-op where nothing persists.
  virtual absl::Status SyncAcknowledged() = 0;

  // From now on every Append() fails with `reason` (a DATA_LOSS naming the first broken
  // event, found by the background check of the chain): appending would extend a broken
  // chain. Reads go on. The first reason given stays.
  virtual void RefuseAppends(absl::Status reason) = 0;
};

}  // namespace renstra

#endif  // RENSTRA_STORAGE_EVENT_STORE_H_
