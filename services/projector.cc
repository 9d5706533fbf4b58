#include "services/projector.h"

#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "spdlog/spdlog.h"

namespace renstra {
namespace {

// A long catch-up logs its progress every this many events.
constexpr uint64_t kProgressEvery = 250000;

}  // namespace

Projector::Projector(EventStore* store, std::string plan_id, std::string proposal_scope)
    : store_(store),
      plan_id_(std::move(plan_id)),
      proposal_scope_(std::move(proposal_scope)),
      realization_stream_(RealizationBook::StreamOf(plan_id_)) {}

absl::Status Projector::Recover() {
  {
    absl::MutexLock lock(&mu_);
    plan_ = PlanState();
    book_ = ProposalBook();
    realizations_ = RealizationBook();
    applied_ = 0;
    DropUnappliedLocked();
  }
  return CatchUp();
}

ProjectionState Projector::Capture() const {
  absl::ReaderMutexLock lock(&mu_);
  return ProjectionState{applied_, plan_, book_, realizations_};
}

void Projector::Restore(ProjectionState state) {
  absl::MutexLock lock(&mu_);
  plan_ = std::move(state.plan);
  book_ = std::move(state.proposals);
  realizations_ = std::move(state.realizations);
  applied_ = state.sequence;
  DropUnappliedLocked();
}

absl::Status Projector::CatchUp() {
  absl::MutexLock lock(&mu_);
  const uint64_t start = applied_;
  uint64_t next_report = start + kProgressEvery;
  // mu_ is held for the whole scan.
  auto apply = [&](const v1::EventEnvelope& envelope) ABSL_NO_THREAD_SAFETY_ANALYSIS {
    RENSTRA_RETURN_IF_ERROR(ReceiveLocked(envelope));
    // Only a long replay (start-up) gets here: commands catch up a few events.
    if (applied_ >= next_report) {
      spdlog::info("projections: applied {} events (sequence {} of {})", applied_ - start, applied_,
                   store_->Head().sequence);
      next_report += kProgressEvery;
    }
    return absl::OkStatus();
  };
  absl::Status status = store_->Scan(applied_ + 1, apply);
  if (status.ok()) {
    // The scan ended at the end of an append: what the upcaster holds is complete.
    std::vector<v1::EventEnvelope> ready;
    upcaster_.Flush(&ready);
    status = ApplyReleasedLocked(ready);
  }
  // After an error the models reflect events 1..applied_; the next catch-up reads on
  // from there, the events received and not applied included.
  if (!status.ok()) DropUnappliedLocked();
  return status;
}

absl::Status Projector::ReceiveLocked(const v1::EventEnvelope& stored) {
  const uint64_t expected = applied_ + unapplied_.size() + 1;
  if (stored.sequence() != expected) {
    return absl::DataLossError(
        absl::StrCat("event ", expected, " is missing; read ", stored.sequence()));
  }
  std::vector<v1::EventEnvelope> ready;
  if (stored.stream() == plan_id_) {
    unapplied_.push_back(stored);
    upcaster_.Push(stored, &ready);
    return ApplyReleasedLocked(ready);
  }
  // Another stream: the plan's append (if one is held) is over, and comes first.
  upcaster_.Flush(&ready);
  RENSTRA_RETURN_IF_ERROR(ApplyReleasedLocked(ready));
  return ApplyLocked(stored, stored);
}

absl::Status Projector::ApplyReleasedLocked(const std::vector<v1::EventEnvelope>& ready) {
  for (const v1::EventEnvelope& current : ready) {
    // The upcaster releases one envelope per envelope pushed, in order.
    const v1::EventEnvelope stored = std::move(unapplied_.front());
    unapplied_.pop_front();
    RENSTRA_RETURN_IF_ERROR(ApplyLocked(stored, current));
  }
  return absl::OkStatus();
}

absl::Status Projector::ApplyLocked(const v1::EventEnvelope& stored,
                                    const v1::EventEnvelope& current) {
  if (current.stream() == plan_id_) {
    RENSTRA_RETURN_IF_ERROR(plan_.Apply(current));
    // Only a ratification concerns the proposals; decode again just for those.
    v1::PlanEvent event;
    if (current.event_type() == v1::RevisionRatified::descriptor()->full_name() &&
        event.ParseFromString(current.payload()) && event.has_revision_ratified()) {
      RENSTRA_RETURN_IF_ERROR(book_.ApplyRatified(event.revision_ratified(), current));
    }
  } else if (ProposalBook::InScope(current.stream(), proposal_scope_)) {
    RENSTRA_RETURN_IF_ERROR(book_.ApplyProposalEnvelope(current));
  } else if (current.stream() == realization_stream_) {
    RENSTRA_RETURN_IF_ERROR(realizations_.ApplyEnvelope(current));
  }
  // Other streams (audit/denied, users, agencies, other plans) have no model here.
  applied_ = stored.sequence();
  if (observer_) observer_(stored);
  return absl::OkStatus();
}

void Projector::DropUnappliedLocked() {
  upcaster_.Reset();
  unapplied_.clear();
}

}  // namespace renstra
