// Rebuilding past plans from the log: the plan as of a plan-stream version or an
// instant, replayed from the plan stream's first event.
//
// Only command boundaries are plans someone saw: a version inside the import or a
// ratification (see PlanState::SpanInside) is refused, naming the versions around it.
// An instant gives the plan after every plan event stored at or before it (events of
// one append share their timestamp, so this is always a command boundary).
// Every replay reads the stored envelopes through a PlanUpcaster, flushed when the
// replay stops, as the projector does.
//
// Thread safety: safe to call concurrently (the store and projector are thread-safe).
// Errors: INVALID_ARGUMENT naming `field` for a version beyond the plan or inside a
// command; the store's errors.
#ifndef RENSTRA_SERVICES_PLAN_REPLAY_H_
#define RENSTRA_SERVICES_PLAN_REPLAY_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "domain/plan_state.h"
#include "services/projector.h"
#include "storage/event_store.h"

namespace renstra {

// The plan at `version` (0 = current). `field` names the request field in errors.
absl::StatusOr<PlanState> ReplayPlanToVersion(EventStore* store, const Projector& projector,
                                              int64_t version, std::string_view field);

// The plan as it stood at `micros` (microseconds since the Unix epoch).
absl::StatusOr<PlanState> ReplayPlanToInstant(EventStore* store, const Projector& projector,
                                              int64_t micros);

// The envelopes of `stream` from its first through `max_version`, brought to the current
// schema by a PlanUpcaster (flushed at the end), in stream order: what a pure rebuild
// such as PlanInForce (domain/plan_in_force.h) reads. Errors: the store's.
absl::StatusOr<std::vector<v1::EventEnvelope>> ReadPlanStream(EventStore* store,
                                                              const std::string& stream,
                                                              uint64_t max_version);

// The plan from the first event of `stream`, replayed through a PlanUpcaster, up to
// `max_version` events and while keep(stored envelope) holds (the first envelope for
// which it does not is not applied). Stop at a command boundary: the upcaster is
// flushed there, and a version-1 ratification is counted up to where the replay
// stopped. Errors: the store's; PlanState::Apply's (INVALID_ARGUMENT, FAILED_PRECONDITION).
absl::StatusOr<PlanState> ReplayPlanWhile(
    EventStore* store, const std::string& stream, uint64_t max_version,
    const std::function<bool(const v1::EventEnvelope&)>& keep);

}  // namespace renstra

#endif  // RENSTRA_SERVICES_PLAN_REPLAY_H_
