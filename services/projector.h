// Projector: keeps the read models of one plan (one agency's Renstra) current by
// applying the event log in global sequence order — the plan (PlanState) from the plan
// stream, the proposals (ProposalBook) from the plan's proposal streams (its
// proposal_scope) and the plan's ratifications, the realizations
// (RealizationBook) from the plan's realization stream. (Request ids are looked up by
// the CommandRunner in the store's idempotency records, which it catches up to.)
//
// Every command appends, then calls CatchUp() before answering, so a client reads its
// own writes; concurrent commands catch up together (whoever holds the lock applies
// everything appended so far). Replaying from the first event gives the same models.
// Catching up streams the log (EventStore::Scan) rather than reading it in chunks.
// Plan-stream envelopes go through a PlanUpcaster before the plan applies them; one
// that it holds (a version-1 ratification's append) is applied when the append ends: at
// the next event of the log, or at the end of the catch-up (appends are atomic, and a
// scan sees whole appends). A catch-up therefore always ends with everything it read
// applied, and the observer sees each event as stored, once, in sequence order.
// A long catch-up (the replay at start) logs its progress every 250,000 events (info).
//
// Ownership: borrows the EventStore. Thread safety: all methods are thread-safe;
// Read() and ReadRealizations() run their function under a reader lock.
#ifndef RENSTRA_SERVICES_PROJECTOR_H_
#define RENSTRA_SERVICES_PROJECTOR_H_

#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "domain/plan_state.h"
#include "domain/plan_upcaster.h"
#include "domain/proposal_state.h"
#include "domain/realization_book.h"
#include "storage/event_store.h"

namespace renstra {

// What a snapshot holds of the projector: its models as they stand after applying
// events 1..sequence, and that sequence. A plain value (copyable, movable, no locks):
// Projector::Capture() fills one, Projector::Restore() takes one back. The plan is
// included so that the pair is complete; a snapshot file may store only part of it and
// rebuild the rest from the log (services/snapshotter.h).
struct ProjectionState {
  uint64_t sequence = 0;  // the last event reflected; 0: nothing applied
  PlanState plan;
  ProposalBook proposals;
  RealizationBook realizations;
};

class Projector {
 public:
  // `proposal_scope`: the scope of the plan's proposal streams (ProposalBook::StreamOf):
  // empty for the plan whose streams kept the names of the one-agency server, the
  // plan's name for every other plan.
  Projector(EventStore* store, std::string plan_id, std::string proposal_scope = "");

  // Drops the models and rebuilds them from the first event.
  absl::Status Recover();
  // Applies every event appended since the last one applied.
  absl::Status CatchUp();

  // Runs fn(plan, proposals) under the reader lock and returns its result.
  template <typename Fn>
  auto Read(Fn&& fn) const {
    absl::ReaderMutexLock lock(&mu_);
    return fn(static_cast<const PlanState&>(plan_), static_cast<const ProposalBook&>(book_));
  }

  // Runs fn(plan, realizations) under the reader lock and returns its result. The plan
  // and the book are read at the same point of the log, so a decision sees both as they
  // were when the realization stream reached book.version().
  template <typename Fn>
  auto ReadRealizations(Fn&& fn) const {
    absl::ReaderMutexLock lock(&mu_);
    return fn(static_cast<const PlanState&>(plan_),
              static_cast<const RealizationBook&>(realizations_));
  }

  // Calls `observer` with each event applied from now on, in sequence order, under the
  // projector's lock (keep it short). Set before serving; not thread-safe with CatchUp.
  void SetObserver(std::function<void(const v1::EventEnvelope&)> observer) {
    absl::MutexLock lock(&mu_);
    observer_ = std::move(observer);
  }

  const std::string& plan_id() const { return plan_id_; }
  const std::string& proposal_scope() const { return proposal_scope_; }
  // Sequence of the last event applied.
  uint64_t applied() const {
    absl::ReaderMutexLock lock(&mu_);
    return applied_;
  }
  EventStore* store() const { return store_; }

  // A copy of the models and the sequence they reflect, taken under the reader lock
  // (commands wait while it is copied; readers go on). Always a command boundary: a
  // catch-up holds the lock until it has applied everything it read.
  ProjectionState Capture() const;

  // Replaces the models with `state`, which must equal a replay of events
  // 1..state.sequence of this projector's log (the caller checks that, e.g. against the
  // log's hash of that event); the next CatchUp() applies from state.sequence + 1.
  // Meant for start-up, before the projector is served; an observer sees no event for
  // what was restored.
  void Restore(ProjectionState state);

 private:
  // Takes the next event of the log: applies it, or, for the plan, hands it to the
  // upcaster and applies what that releases.
  absl::Status ReceiveLocked(const v1::EventEnvelope& stored) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Applies the plan envelopes `ready` released, paired in order with unapplied_.
  absl::Status ApplyReleasedLocked(const std::vector<v1::EventEnvelope>& ready)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Applies `current` (`stored` upcast, or `stored` itself) to the models; the observer
  // gets `stored`.
  absl::Status ApplyLocked(const v1::EventEnvelope& stored, const v1::EventEnvelope& current)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Forgets what was received and not applied, to read it again from applied_ + 1.
  void DropUnappliedLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  EventStore* const store_;
  const std::string plan_id_;
  const std::string proposal_scope_;
  mutable absl::Mutex mu_;
  PlanState plan_ ABSL_GUARDED_BY(mu_);
  ProposalBook book_ ABSL_GUARDED_BY(mu_);
  RealizationBook realizations_ ABSL_GUARDED_BY(mu_);
  // RealizationBook::StreamOf(plan_id_), computed once.
  const std::string realization_stream_;
  uint64_t applied_ ABSL_GUARDED_BY(mu_) = 0;
  // The plan stream's upcaster, and the stored envelopes handed to it and not applied
  // yet (the events of one append, right after applied_; empty outside CatchUp()).
  PlanUpcaster upcaster_ ABSL_GUARDED_BY(mu_);
  std::deque<v1::EventEnvelope> unapplied_ ABSL_GUARDED_BY(mu_);
  std::function<void(const v1::EventEnvelope&)> observer_ ABSL_GUARDED_BY(mu_);
};

}  // namespace renstra

#endif  // RENSTRA_SERVICES_PROJECTOR_H_
