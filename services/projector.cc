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

Projector::Projector(EventStore* store, std::string plan_id)
    : store_(store),
      plan_id_(std::move(plan_id)),
      realization_stream_(RealizationBook::StreamOf(plan_id_)) {}

absl::Status Projector::Recover() {
  {
    absl::MutexLock lock(&mu_);
    plan_ = PlanState();
    book_ = ProposalBook();
    realizations_ = RealizationBook();
    applied_ = 0;
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
}

absl::Status Projector::CatchUp() {
  absl::MutexLock lock(&mu_);
  const uint64_t start = applied_;
  uint64_t next_report = start + kProgressEvery;
  // mu_ is held for the whole scan.
  auto apply = [&](const v1::EventEnvelope& envelope) ABSL_NO_THREAD_SAFETY_ANALYSIS {
    RENSTRA_RETURN_IF_ERROR(ApplyLocked(envelope));
    // Only a long replay (start-up) gets here: commands catch up a few events.
    if (applied_ >= next_report) {
      spdlog::info("projections: applied {} events (sequence {} of {})", applied_ - start, applied_,
                   store_->Head().sequence);
      next_report += kProgressEvery;
    }
    return absl::OkStatus();
  };
  return store_->Scan(applied_ + 1, apply);
}

absl::Status Projector::ApplyLocked(const v1::EventEnvelope& envelope) {
  if (envelope.sequence() != applied_ + 1) {
    return absl::DataLossError(
        absl::StrCat("event ", applied_ + 1, " is missing; read ", envelope.sequence()));
  }
  if (envelope.stream() == plan_id_) {
    RENSTRA_RETURN_IF_ERROR(plan_.Apply(envelope));
    // Only a ratification concerns the proposals; decode again just for those.
    v1::PlanEvent event;
    if (envelope.event_type() == v1::RevisionRatified::descriptor()->full_name() &&
        event.ParseFromString(envelope.payload()) && event.has_revision_ratified()) {
      RENSTRA_RETURN_IF_ERROR(book_.ApplyRatified(event.revision_ratified(), envelope));
    }
  } else if (absl::StartsWith(envelope.stream(), "proposal/")) {
    RENSTRA_RETURN_IF_ERROR(book_.ApplyProposalEnvelope(envelope));
  } else if (envelope.stream() == realization_stream_) {
    RENSTRA_RETURN_IF_ERROR(realizations_.ApplyEnvelope(envelope));
  }
  // Other streams (audit/denied, other plans) have no model here yet.
  applied_ = envelope.sequence();
  if (observer_) observer_(envelope);
  return absl::OkStatus();
}

}  // namespace renstra
