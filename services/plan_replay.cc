#include "services/plan_replay.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "domain/strings.h"

namespace renstra {
namespace {

constexpr size_t kChunk = 4096;

// Replays the plan stream while `keep(envelope)` holds, up to `max_version` events.
template <typename Keep>
absl::StatusOr<PlanState> Replay(EventStore* store, const std::string& stream, uint64_t max_version,
                                 Keep keep) {
  PlanState plan;
  uint64_t next = 1;
  while (next <= max_version) {
    const size_t want = static_cast<size_t>(std::min<uint64_t>(kChunk, max_version - next + 1));
    RENSTRA_ASSIGN_OR_RETURN(std::vector<v1::EventEnvelope> chunk,
                             store->ReadStream(stream, next, want));
    for (const v1::EventEnvelope& e : chunk) {
      if (!keep(e)) return plan;
      RENSTRA_RETURN_IF_ERROR(plan.Apply(e));
    }
    if (chunk.size() < want) break;
    next += chunk.size();
  }
  return plan;
}

}  // namespace

absl::StatusOr<PlanState> ReplayPlanToVersion(EventStore* store, const Projector& projector,
                                              int64_t version, std::string_view field) {
  RENSTRA_ASSIGN_OR_RETURN(
      const int64_t target,
      projector.Read([&](const PlanState& plan, const ProposalBook&) -> absl::StatusOr<int64_t> {
        if (version < 0 || version > plan.version()) {
          return absl::InvalidArgumentError(absl::StrCat(
              AsAbsl(field), ": ", version, " is not a plan version (0..", plan.version(), ")"));
        }
        // A half-applied command is not a plan anyone saw.
        if (const CommandSpan* span = plan.SpanInside(version)) {
          return absl::InvalidArgumentError(absl::StrCat(
              AsAbsl(field), ": ", version, " falls inside ", span->what, " (versions ",
              span->first, "–", span->last, "); the plan's versions around it are ",
              span->first - 1, " and ", span->last));
        }
        return version == 0 ? plan.version() : version;
      }));
  return Replay(store, projector.plan_id(), static_cast<uint64_t>(target),
                [](const v1::EventEnvelope&) { return true; });
}

absl::StatusOr<PlanState> ReplayPlanToInstant(EventStore* store, const Projector& projector,
                                              int64_t micros) {
  const uint64_t current = static_cast<uint64_t>(
      projector.Read([](const PlanState& plan, const ProposalBook&) { return plan.version(); }));
  return Replay(store, projector.plan_id(), current,
                [micros](const v1::EventEnvelope& e) { return e.timestamp_micros() <= micros; });
}

}  // namespace renstra
