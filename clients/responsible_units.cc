#include "clients/responsible_units.h"

#include <utility>

#include "renstra/v1/agency_service.grpc.pb.h"

namespace renstra {
namespace {

// Walks the tree passing down the name that covers a node from above.
void Collect(const v1::Node& node, const std::map<std::string, std::string>& own,
             const std::string& inherited, std::map<std::string, std::string>* out) {
  auto it = own.find(node.code());
  const std::string& name = it != own.end() ? it->second : inherited;
  if (!name.empty()) (*out)[node.code()] = name;
  for (const v1::Node& child : node.children()) Collect(child, own, name, out);
}

}  // namespace

std::map<std::string, std::string> ResponsibleUnitNames(Client& client, const v1::Plan& plan) {
  v1::GetAgencyRequest request = ForAgency(std::as_const(client), v1::GetAgencyRequest());
  if (request.agency().empty()) {
    v1::ListAgenciesResponse agencies;
    if (!client.agency()->ListAgencies(client.NewContext().get(), {}, &agencies).ok()) return {};
    request.set_agency(agencies.default_agency());
  }
  v1::AgencyView agency;
  if (!client.agency()->GetAgency(client.NewContext().get(), request, &agency).ok()) return {};
  std::map<std::string, std::string> unit_names;
  for (const v1::UnitView& u : agency.units()) unit_names[u.unit()] = u.name();
  std::map<std::string, std::string> own;  // code → name of the assignment in effect
  for (const v1::AssignmentView& a : agency.assignments()) {
    auto it = unit_names.find(a.unit());
    own[a.node()] = it != unit_names.end() ? it->second : a.unit();
  }
  std::map<std::string, std::string> out;
  for (const v1::Node& program : plan.programs()) Collect(program, own, "", &out);
  return out;
}

void NameResponsibleUnits(const std::map<std::string, std::string>& names, v1::Node* node) {
  if (auto it = names.find(node->code()); it != names.end()) node->set_division_name(it->second);
  for (v1::Node& child : *node->mutable_children()) NameResponsibleUnits(names, &child);
}

void NameResponsibleUnits(const std::map<std::string, std::string>& names, v1::Plan* plan) {
  for (v1::Node& program : *plan->mutable_programs()) NameResponsibleUnits(names, &program);
}

}  // namespace renstra
