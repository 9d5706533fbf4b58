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
  // The agency (its code) the actor works for; empty: the server's default agency.
  // Binding only for the roles RequireOwnAgency names.
  std::string agency{};
};

// The division whose nodes the actor proposes for and records realizations of: its
// own for a Kepala Bidang, SEKRETARIAT for the Sekretariat, DIVISION_UNSPECIFIED for
// everyone else.
v1::Division ActingDivision(const Actor& actor);

// PERMISSION_DENIED "rule: only <roles> may <action>; <name> is <ROLE>" unless the
// actor's role is one of `roles`.
absl::Status RequireRole(const Actor& actor, std::initializer_list<v1::Role::Value> roles,
                         std::string_view action);

// PERMISSION_DENIED "rule: <name> works for <A>; the Renstra of <B> is another
// agency's" when a KEPALA_BIDANG, SEKRETARIAT or KEPALA_DINAS would change the plan of
// agency `plan_agency` while working for another (an empty Actor::agency is
// `default_agency`). ADMIN, INSPEKTORAT and the other roles serve every agency (their
// roles limit what they may change).
absl::Status RequireOwnAgency(const Actor& actor, std::string_view plan_agency,
                              std::string_view default_agency);

// PERMISSION_DENIED naming the rule when `node_division` is not the actor's division.
// `what` names the field and node, e.g. "changes[0]: node 1.06.04.2.01.0001".
absl::Status RequireOwnDivision(const Actor& actor, v1::Division node_division,
                                std::string_view what);

// Who may propose a change to a node of `node_division`: the Sekretariat on any node of
// its agency — it is the agency's planning unit, the one that drafts the fix when a
// revision left the plan inconsistent across bidang — and a Kepala Bidang on its own
// division's nodes (RequireOwnDivision). Recording realizations stays with the
// responsible unit (RequireOwnDivision alone). The Kepala Dinas does not propose: the
// one who decides on proposals does not write them (RequireRole in the deciders).
absl::Status RequireMayPropose(const Actor& actor, v1::Division node_division,
                               std::string_view what);

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_ACTOR_H_
