#include "domain/actor.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "domain/division.h"
#include "domain/strings.h"

namespace renstra {

v1::Division ActingDivision(const Actor& actor) {
  switch (actor.role) {
    case v1::Role::KEPALA_BIDANG:
      return actor.division;
    case v1::Role::SEKRETARIAT:
      return v1::SEKRETARIAT;
    default:
      return v1::DIVISION_UNSPECIFIED;
  }
}

absl::Status RequireRole(const Actor& actor, std::initializer_list<v1::Role::Value> roles,
                         std::string_view action) {
  std::vector<std::string> names;
  for (v1::Role::Value r : roles) {
    if (r == actor.role) return absl::OkStatus();
    names.push_back(v1::Role::Value_Name(r));
  }
  return absl::PermissionDeniedError(absl::StrCat("rule: only ", absl::StrJoin(names, " or "),
                                                  " may ", AsAbsl(action), "; ", actor.name, " is ",
                                                  v1::Role::Value_Name(actor.role)));
}

absl::Status RequireOwnAgency(const Actor& actor, std::string_view plan_agency,
                              std::string_view default_agency) {
  switch (actor.role) {
    case v1::Role::KEPALA_BIDANG:
    case v1::Role::SEKRETARIAT:
    case v1::Role::KEPALA_DINAS:
      break;
    default:
      return absl::OkStatus();
  }
  const std::string_view own = actor.agency.empty() ? default_agency : actor.agency;
  if (own == plan_agency) return absl::OkStatus();
  return absl::PermissionDeniedError(absl::StrCat("rule: ", actor.name, " works for ", AsAbsl(own),
                                                  "; the Renstra of ", AsAbsl(plan_agency),
                                                  " is another agency's"));
}

absl::Status RequireOwnDivision(const Actor& actor, v1::Division node_division,
                                std::string_view what) {
  const v1::Division own = ActingDivision(actor);
  if (own != v1::DIVISION_UNSPECIFIED && own == node_division) return absl::OkStatus();
  return absl::PermissionDeniedError(absl::StrCat(
      "rule: a division proposes and records only for its own nodes; ", AsAbsl(what),
      " belongs to ", DivisionDisplayName(node_division), ", ", actor.name, " acts for ",
      own == v1::DIVISION_UNSPECIFIED ? "no division" : DivisionDisplayName(own)));
}

absl::Status RequireMayPropose(const Actor& actor, v1::Division node_division,
                               std::string_view what) {
  if (actor.role == v1::Role::SEKRETARIAT) return absl::OkStatus();
  return RequireOwnDivision(actor, node_division, what);
}

}  // namespace renstra
