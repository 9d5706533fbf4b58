// Responsible units in `plan show`: the unit of the agency that is responsible for each
// node now, by the agency's assignments (AgencyService.GetAgency: ResponsibilityAssigned
// events, docs/operations.md), rather than the division a Dinas Sosial table implies.
// Another agency's nodes, whose bidang are its own units, then show who owns them.
//
// A node is covered by its own assignment in effect, else its kegiatan's, else its
// program's (the directory's rule). The name goes in Node.division_name, which the plan
// printer shows as "Penanggung jawab"; a node no assignment covers keeps the server's
// division name. For the seed agency the two agree (its units are its four bidang and
// the Sekretariat, assigned by program).
#ifndef RENSTRA_CLIENTS_RESPONSIBLE_UNITS_H_
#define RENSTRA_CLIENTS_RESPONSIBLE_UNITS_H_

#include <map>
#include <string>

#include "clients/client.h"
#include "renstra/v1/plan.pb.h"

namespace renstra {

// code → the responsible unit's name, for every node of `plan` an assignment covers.
// Empty when the agency cannot be read (a server with no agencies, or one started before
// the agency was created): the plan then shows the division names the server gave.
std::map<std::string, std::string> ResponsibleUnitNames(Client& client, const v1::Plan& plan);

// Sets Node.division_name of `node` and its descendants that `names` holds.
void NameResponsibleUnits(const std::map<std::string, std::string>& names, v1::Node* node);
void NameResponsibleUnits(const std::map<std::string, std::string>& names, v1::Plan* plan);

}  // namespace renstra

#endif  // RENSTRA_CLIENTS_RESPONSIBLE_UNITS_H_
