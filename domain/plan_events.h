// Helpers for plan events: their type names and schema version.
#ifndef RENSTRA_DOMAIN_PLAN_EVENTS_H_
#define RENSTRA_DOMAIN_PLAN_EVENTS_H_

#include <cstdint>
#include <string>

#include "renstra/v1/events.pb.h"

namespace renstra {

// Schema version written with every PlanEvent payload today.
//   1  the first version.
//   2  RevisionRatified carries change_count (the changes that follow it in its
//      append). A version-1 ratification has none; PlanUpcaster upcasts it by
//      counting the events of the same append that follow it (see plan_upcaster.h).
// The procedure for a new version is in docs/schema.md.
inline constexpr uint32_t kPlanEventSchemaVersion = 2;
// The first version whose RevisionRatified states its change_count.
inline constexpr uint32_t kRatificationCountsChanges = 2;

// "renstra.v1.NodeAdded" for a PlanEvent holding node_added; "" when empty.
std::string EventTypeName(const v1::PlanEvent& event);

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_PLAN_EVENTS_H_
