// CommandRunner: the one pipeline every command of the server runs through (the plan
// import, the revision workflow, realizations, user administration):
//
//   fingerprint → request-id lookup → lock → decide → append → catch up → answer
//
// Request ids. A client may send any command again with the same request id (a retry
// after a lost answer). Request ids are readable by every user in the log, so a request
// id alone identifies nothing: it is scoped to its principal, and the store records
// with it the command's method and a fingerprint of its request — SHA-256 of the
// method and of the request message's deterministic serialization with `request_id`
// cleared (EventStore, "Idempotency"). Then:
//
//   * Retry: same principal, method and request (the fingerprint matches) — answered
//     from the command as it landed (the same result, nothing appended), without
//     deciding again: the same principal already passed this very decision, role rules
//     included. This is the only way a request id short-cuts the pipeline.
//   * Another principal: the id is new in their scope; the command runs as a new one
//     and the domain's rules decide it (a caller who may not run it gets
//     PERMISSION_DENIED). Nobody can learn, or be answered with, another's result.
//   * Same principal, another method or request: decided first (authorisation before
//     any answer about the id: a refused command gets its refusal), then refused with
//     INVALID_ARGUMENT naming the request id and what it was used for; nothing appended.
//   * A record written before request ids were scoped (no principal, method or
//     fingerprint, see storage/rocksdb_layout.h): treated like the previous case — it
//     cannot be told apart from a reuse, so it is never answered as a retry and never
//     executed again; the client is told to use a new request id. (A retry across the
//     upgrade is thus refused rather than repeated: safe, and the client can read what
//     its first attempt did.)
//
// Races. The lookup happens before the lock (a retry answers without waiting for it)
// and the store checks the scoped record again, atomically with the append. A command
// that fails (decision refused, ABORTED, a racing retry took the stream) looks again
// once the projections have caught up: if a concurrent attempt of the same request
// landed meanwhile, that is its answer too.
//
// Locks. A command decides and appends under one command lock, chosen by what its
// decision reads and where it appends:
//   kProposal      the plan lock, shared: commands on a proposal's own stream run
//                  concurrently and conflict only through its expected version.
//   kPlan          the plan lock, exclusive: commands appending to the plan stream
//                  (import, open/ratify/lock a revision) — a ratification reads proposal
//                  streams, so no proposal command may slip between decision and append.
//   kRealizations  the realization stream's lock: ids are allocated without gaps.
//   kUsers         the "users" stream's lock (the Authenticator is applied under it).
//   kAgencies      the lock of the "agency/<CODE>" streams (the AgencyDirectory is
//                  applied under it).
// Within a lock the decision's expected version still guards against writers elsewhere
// (concurrent proposal commands under the shared lock, or a lock's other streams). When
// the store refuses an append for its expected version, the command is decided again on
// caught-up projections, up to kConflictRedecisions times: the loser of a race gets the
// decision's answer (e.g. FAILED_PRECONDITION "proposal ... is APPROVED"), not ABORTED.
// ABORTED reaches the client only when every attempt lost. The answer is built after the
// lock is released.
//
// Ownership: borrows the EventStore and the Projector (both must outlive it).
// Thread safety: Run() is safe to call concurrently.
// Errors: the decision's; INVALID_ARGUMENT for a request id reused as above; the
// store's (ABORTED, DATA_LOSS, UNAVAILABLE ...); the answer's.
#ifndef RENSTRA_SERVICES_COMMAND_RUNNER_H_
#define RENSTRA_SERVICES_COMMAND_RUNNER_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "domain/actor.h"
#include "google/protobuf/message.h"
#include "services/projector.h"
#include "storage/event_store.h"

namespace renstra {

// Who is calling, as recorded in the envelope (and the scope of their request ids).
struct Principal {
  std::string name;
  std::string role;
};
Principal PrincipalOf(const Actor& actor);

enum class CommandLock { kProposal, kPlan, kRealizations, kUsers, kAgencies };

// What a command decided: the events to append, where, and against which version.
struct Decision {
  std::string stream;
  int64_t expected_version = kAnyVersion;
  std::vector<NewEvent> events;
  // The envelope's reason.
  std::string reason;
  // Applies the appended events to a model the Projector does not keep (the
  // Authenticator); run under the command lock after the append, not for a retry.
  std::function<absl::Status()> apply = {};
};

// A command to run: who sends which request with which request id, under which lock.
struct CommandSpec {
  Principal principal;
  // The full gRPC method, e.g. "/renstra.v1.WorkflowService/Propose".
  std::string method;
  // The request message (its `request_id` field is left out of the fingerprint).
  const google::protobuf::Message* request = nullptr;
  // Usually request->request_id; derived for a command's follow-up (Propose's submit).
  std::string request_id;
  CommandLock lock = CommandLock::kPlan;
};

// How a command landed: now, or earlier (result.deduplicated: a retry).
struct Landed {
  std::string stream;
  AppendResult result;
};

// The events of `events` (messages with one oneof): each event's type is the full name
// of the message set in its oneof, e.g. "renstra.v1.ProposalDrafted"; "" if none is set
// (the store refuses that).
NewEvent ToNewEvent(const google::protobuf::Message& event, uint32_t schema_version);
template <typename Event>
std::vector<NewEvent> ToNewEvents(const std::vector<Event>& events, uint32_t schema_version) {
  std::vector<NewEvent> out;
  out.reserve(events.size());
  for (const Event& e : events) out.push_back(ToNewEvent(e, schema_version));
  return out;
}

// SHA-256 of `method`, a NUL, and `request` serialized deterministically with its
// `request_id` field (if it has one) cleared.
std::string RequestFingerprint(const std::string& method, const google::protobuf::Message& request);

class CommandRunner {
 public:
  CommandRunner(EventStore* store, Projector* projector) : store_(store), projector_(projector) {}

  // Runs the pipeline above. `decide()` runs under the command lock and returns the
  // Decision (or why not); `answer(landed)` builds the result from how the command
  // landed — now, or earlier for a retry — after the lock is released.
  template <typename Result>
  absl::StatusOr<Result> Run(const CommandSpec& spec,
                             const std::function<absl::StatusOr<Decision>()>& decide,
                             const std::function<absl::StatusOr<Result>(const Landed&)>& answer) {
    absl::StatusOr<Landed> landed = Execute(spec, decide);
    if (!landed.ok()) return landed.status();
    return answer(*landed);
  }

  EventStore* store() const { return store_; }
  Projector* projector() const { return projector_; }

 private:
  // How many times a command whose append lost a version race is decided again.
  static constexpr int kConflictRedecisions = 3;

  // What the lookup of a request id found.
  struct Prior {
    RequestRecord record;
    // INVALID_ARGUMENT naming the request id, unless the record is this very request.
    absl::Status reuse;
  };

  absl::StatusOr<Landed> Execute(const CommandSpec& spec,
                                 const std::function<absl::StatusOr<Decision>()>& decide);
  // Decides and appends under the command lock. `reuse`: refuse after deciding.
  absl::StatusOr<Landed> DecideAndAppend(const CommandSpec& spec, const std::string& fingerprint,
                                         const absl::Status& reuse,
                                         const std::function<absl::StatusOr<Decision>()>& decide);
  // The record of (principal, request id), once the projections show it.
  absl::StatusOr<std::optional<Prior>> Lookup(const CommandSpec& spec,
                                              const std::string& fingerprint);
  absl::Mutex* LockOf(CommandLock lock);

  EventStore* const store_;
  Projector* const projector_;
  absl::Mutex plan_mu_;
  absl::Mutex realization_mu_;
  absl::Mutex users_mu_;
  absl::Mutex agencies_mu_;
};

}  // namespace renstra

#endif  // RENSTRA_SERVICES_COMMAND_RUNNER_H_
