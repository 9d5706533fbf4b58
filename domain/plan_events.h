// Helpers for plan events: their type names and schema version.
#ifndef RENSTRA_DOMAIN_PLAN_EVENTS_H_
#define RENSTRA_DOMAIN_PLAN_EVENTS_H_

#include <cstdint>
#include <string>

#include "renstra/v1/events.pb.h"

namespace renstra {

// Schema version written with every PlanEvent payload today.
inline constexpr uint32_t kPlanEventSchemaVersion = 1;

// "renstra.v1.NodeAdded" for a PlanEvent holding node_added; "" when empty.
std::string EventTypeName(const v1::PlanEvent& event);

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_PLAN_EVENTS_H_
