// Actor: who issues a command, as the domain sees it (authenticated by services/).
//
// Role rules shared by every decision: which roles may do what, and the division
// scoping of Kepala Bidang and Sekretariat (docs/architecture.md, invariant 5).
#ifndef RENSTRA_DOMAIN_ACTOR_H_
#define RENSTRA_DOMAIN_ACTOR_H_

#include <initializer_list>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "renstra/v1/plan.pb.h"
#include "renstra/v1/workflow.pb.h"

namespace renstra {

struct Actor {
  std::string name;
  v1::Role::Value role = v1::Role::ROLE_UNSPECIFIED;
  // The division a KEPALA_BIDANG heads; ignored for other roles.
  v1::Division division = v1::DIVISION_UNSPECIFIED;
};

// The division whose nodes the actor proposes for and records realizations of: its
// own for a Kepala Bidang, SEKRETARIAT for the Sekretariat, DIVISION_UNSPECIFIED for
// everyone else.
v1::Division ActingDivision(const Actor& actor);

// PERMISSION_DENIED "rule: only <roles> may <action>; <name> is <ROLE>" unless the
// actor's role is one of `roles`.
absl::Status RequireRole(const Actor& actor, std::initializer_list<v1::Role::Value> roles,
                         std::string_view action);

// PERMISSION_DENIED naming the rule when `node_division` is not the actor's division.
// `what` names the field and node, e.g. "changes[0]: node 1.06.04.2.01.0001".
absl::Status RequireOwnDivision(const Actor& actor, v1::Division node_division,
                                std::string_view what);

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_ACTOR_H_
