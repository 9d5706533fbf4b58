#include "services/plan_replay.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "domain/plan_upcaster.h"
#include "domain/strings.h"

namespace renstra {
namespace {

constexpr size_t kChunk = 4096;

// Applies the envelopes the upcaster released, in order.
absl::Status ApplyReady(const std::vector<v1::EventEnvelope>& ready, PlanState& plan) {
  for (const v1::EventEnvelope& e : ready) RENSTRA_RETURN_IF_ERROR(plan.Apply(e));
  return absl::OkStatus();
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
  return ReplayPlanWhile(store, projector.plan_id(), static_cast<uint64_t>(target),
                         [](const v1::EventEnvelope&) { return true; });
}

absl::StatusOr<PlanState> ReplayPlanToInstant(EventStore* store, const Projector& projector,
                                              int64_t micros) {
  const uint64_t current = static_cast<uint64_t>(
      projector.Read([](const PlanState& plan, const ProposalBook&) { return plan.version(); }));
  return ReplayPlanWhile(store, projector.plan_id(), current, [micros](const v1::EventEnvelope& e) {
    return e.timestamp_micros() <= micros;
  });
}

absl::StatusOr<std::vector<v1::EventEnvelope>> ReadPlanStream(EventStore* store,
                                                              const std::string& stream,
                                                              uint64_t max_version) {
  PlanUpcaster upcaster;
  std::vector<v1::EventEnvelope> out;
  uint64_t next = 1;
  while (next <= max_version) {
    const size_t want = static_cast<size_t>(std::min<uint64_t>(kChunk, max_version - next + 1));
    RENSTRA_ASSIGN_OR_RETURN(std::vector<v1::EventEnvelope> chunk,
                             store->ReadStream(stream, next, want));
    for (v1::EventEnvelope& e : chunk) upcaster.Push(std::move(e), &out);
    if (chunk.size() < want) break;
    next += chunk.size();
  }
  // Read up to a command boundary: what the upcaster holds is complete.
  upcaster.Flush(&out);
  return out;
}

absl::StatusOr<PlanState> ReplayPlanWhile(
    EventStore* store, const std::string& stream, uint64_t max_version,
    const std::function<bool(const v1::EventEnvelope&)>& keep) {
  PlanState plan;
  PlanUpcaster upcaster;
  std::vector<v1::EventEnvelope> ready;
  uint64_t next = 1;
  bool kept = true;
  while (kept && next <= max_version) {
    const size_t want = static_cast<size_t>(std::min<uint64_t>(kChunk, max_version - next + 1));
    RENSTRA_ASSIGN_OR_RETURN(std::vector<v1::EventEnvelope> chunk,
                             store->ReadStream(stream, next, want));
    for (v1::EventEnvelope& e : chunk) {
      kept = keep(e);
      if (!kept) break;
      upcaster.Push(std::move(e), &ready);
      RENSTRA_RETURN_IF_ERROR(ApplyReady(ready, plan));
      ready.clear();
    }
    if (chunk.size() < want) break;
    next += chunk.size();
  }
  // The replay stopped at the end of an append: what the upcaster holds is complete.
  upcaster.Flush(&ready);
  RENSTRA_RETURN_IF_ERROR(ApplyReady(ready, plan));
  return plan;
}

}  // namespace renstra
