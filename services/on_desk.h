// OnDesk: runs a service handler's work on the desk of the agency its request names
// (AgencyPlans::Desk), so that every plan-bound RPC resolves the agency the same way and
// answers NOT_FOUND "agency: no agency X" before anything else happens.
//
// The agency is resolved before any rule of the command: an unknown agency is
// NOT_FOUND for every caller. fn(PlanDesk&) returns a value or an absl::StatusOr of one; OnDesk
// returns the absl::StatusOr of that value.
#ifndef RENSTRA_SERVICES_ON_DESK_H_
#define RENSTRA_SERVICES_ON_DESK_H_

#include <string_view>
#include <type_traits>
#include <utility>

#include "absl/status/statusor.h"
#include "domain/actor.h"
#include "services/agency_plans.h"

namespace renstra {
namespace on_desk_internal {

template <typename T>
struct AsStatusOr {
  using type = absl::StatusOr<T>;
};
template <typename T>
struct AsStatusOr<absl::StatusOr<T>> {
  using type = absl::StatusOr<T>;
};

}  // namespace on_desk_internal

template <typename Fn>
auto OnDesk(AgencyPlans* plans, std::string_view agency, Fn&& fn) ->
    typename on_desk_internal::AsStatusOr<
        std::decay_t<decltype(fn(std::declval<PlanDesk&>()))>>::type {
  absl::StatusOr<PlanDesk*> desk = plans->Desk(agency);
  if (!desk.ok()) return desk.status();
  return std::forward<Fn>(fn)(**desk);
}

// OnDesk for a command that changes the agency's Renstra: also refuses, with
// PERMISSION_DENIED naming the rule (RequireOwnAgency), an actor bound to another agency.
template <typename Fn>
auto OnOwnDesk(AgencyPlans* plans, std::string_view agency, const Actor& actor, Fn&& fn) ->
    typename on_desk_internal::AsStatusOr<
        std::decay_t<decltype(fn(std::declval<PlanDesk&>()))>>::type {
  absl::StatusOr<PlanDesk*> desk = plans->Desk(agency);
  if (!desk.ok()) return desk.status();
  if (absl::Status s = RequireOwnAgency(actor, (*desk)->agency, plans->default_agency()); !s.ok()) {
    return s;
  }
  return std::forward<Fn>(fn)(**desk);
}

}  // namespace renstra

#endif  // RENSTRA_SERVICES_ON_DESK_H_
