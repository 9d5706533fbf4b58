#include "domain/plan_upcaster.h"

#include <cstdint>
#include <utility>

#include "domain/plan_events.h"

namespace renstra {

void PlanUpcaster::Push(v1::EventEnvelope stored, std::vector<v1::EventEnvelope>* ready) {
  if (!held_.empty()) {
    if (SameAppend(stored)) {
      held_.push_back(std::move(stored));
      return;
    }
    Flush(ready);
  }
  if (stored.schema_version() >= kPlanEventSchemaVersion) {
    ready->push_back(std::move(stored));
    return;
  }
  v1::PlanEvent event;
  if (!event.ParseFromString(stored.payload())) {
    ready->push_back(std::move(stored));  // PlanState::Apply reports it
    return;
  }
  if (stored.schema_version() < kRatificationCountsChanges && event.has_revision_ratified() &&
      event.revision_ratified().change_count() == 0) {
    // Version 1 did not say how many changes follow: count them as they arrive.
    ratification_ = std::move(event);
    held_.push_back(std::move(stored));
    return;
  }
  // Version 2 changed only RevisionRatified: any other version-1 payload reads the same.
  stored.set_schema_version(kPlanEventSchemaVersion);
  ready->push_back(std::move(stored));
}

void PlanUpcaster::Flush(std::vector<v1::EventEnvelope>* ready) {
  if (held_.empty()) return;
  v1::EventEnvelope& ratified = held_.front();
  ratification_.mutable_revision_ratified()->set_change_count(
      static_cast<int32_t>(held_.size() - 1));
  ratification_.SerializeToString(ratified.mutable_payload());
  for (v1::EventEnvelope& e : held_) {
    if (e.schema_version() < kPlanEventSchemaVersion) e.set_schema_version(kPlanEventSchemaVersion);
    ready->push_back(std::move(e));
  }
  held_.clear();
  ratification_.Clear();
}

bool PlanUpcaster::SameAppend(const v1::EventEnvelope& stored) const {
  // An append's events share the request id and the server's timestamp (the store
  // stamps the whole batch once); the next append differs in one or the other.
  const v1::EventEnvelope& ratified = held_.front();
  return stored.stream() == ratified.stream() && stored.request_id() == ratified.request_id() &&
         stored.timestamp_micros() == ratified.timestamp_micros();
}

}  // namespace renstra
