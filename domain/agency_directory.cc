#include "domain/agency_directory.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "domain/code.h"
#include "domain/strings.h"

namespace renstra {
namespace {

absl::Status Corrupt(uint64_t sequence, std::string_view why) {
  return absl::DataLossError(absl::StrCat("event ", sequence, ": ", AsAbsl(why)));
}

// The canonical code of a program, kegiatan or sub kegiatan; INVALID_ARGUMENT naming
// `field` otherwise.
absl::StatusOr<Code> NodeCode(std::string_view field, std::string_view text) {
  absl::StatusOr<Code> code = Code::Parse(text);
  if (!code.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(AsAbsl(field), ": ", code.status().message()));
  }
  if (code->depth() < 3) {
    return absl::InvalidArgumentError(
        absl::StrCat(AsAbsl(field), ": ", code->canonical(),
                     " is above program level (a program, kegiatan or sub kegiatan code)"));
  }
  return code;
}

}  // namespace

std::string AgencyStream(std::string_view agency_code) {
  return absl::StrCat(AsAbsl(kAgencyStreamPrefix), AsAbsl(agency_code));
}

const UnitInfo* AgencyInfo::FindUnit(std::string_view unit_code) const {
  for (const UnitInfo& u : units) {
    if (u.code == unit_code) return &u;
  }
  return nullptr;
}

const AgencyInfo* AgencyDirectory::Find(std::string_view agency_code) const {
  auto it = agencies_.find(agency_code);
  return it == agencies_.end() ? nullptr : &it->second;
}

absl::StatusOr<const AgencyInfo*> AgencyDirectory::Get(std::string_view agency_code) const {
  const AgencyInfo* agency = Find(agency_code);
  if (agency == nullptr) {
    return absl::NotFoundError(absl::StrCat("agency: no agency ", AsAbsl(agency_code)));
  }
  return agency;
}

std::vector<const AgencyInfo*> AgencyDirectory::List() const {
  std::vector<const AgencyInfo*> out;
  out.reserve(agencies_.size());
  for (const auto& [code, agency] : agencies_) out.push_back(&agency);
  return out;
}

absl::Status AgencyDirectory::Apply(const v1::AgencyEvent& event, uint64_t sequence,
                                    int64_t timestamp_micros) {
  if (event.has_agency_created()) {
    const v1::AgencyCreated& e = event.agency_created();
    if (Find(e.code()) != nullptr) return Corrupt(sequence, "agency " + e.code() + " exists");
    AgencyInfo& agency = agencies_[e.code()];
    agency.code = e.code();
    agency.name = e.name();
    agency.pemda = e.pemda();
    agency.version = 1;
    return absl::OkStatus();
  }
  // Every other event names an existing agency.
  std::string code;
  switch (event.kind_case()) {
    case v1::AgencyEvent::kAgencyRenamed:
      code = event.agency_renamed().agency();
      break;
    case v1::AgencyEvent::kAgencyRetired:
      code = event.agency_retired().agency();
      break;
    case v1::AgencyEvent::kUnitCreated:
      code = event.unit_created().agency();
      break;
    case v1::AgencyEvent::kUnitRenamed:
      code = event.unit_renamed().agency();
      break;
    case v1::AgencyEvent::kUnitRetired:
      code = event.unit_retired().agency();
      break;
    case v1::AgencyEvent::kResponsibilityAssigned:
      code = event.responsibility_assigned().agency();
      break;
    default:
      return Corrupt(sequence, "an AgencyEvent with no event set");
  }
  auto it = agencies_.find(code);
  if (it == agencies_.end()) return Corrupt(sequence, "no agency " + code);
  AgencyInfo& agency = it->second;
  auto unit_of = [&](const std::string& unit) -> UnitInfo* {
    for (UnitInfo& u : agency.units) {
      if (u.code == unit) return &u;
    }
    return nullptr;
  };
  switch (event.kind_case()) {
    case v1::AgencyEvent::kAgencyRenamed:
      agency.name = event.agency_renamed().name();
      break;
    case v1::AgencyEvent::kAgencyRetired:
      agency.retired = true;
      break;
    case v1::AgencyEvent::kUnitCreated: {
      const v1::UnitCreated& e = event.unit_created();
      if (unit_of(e.unit()) != nullptr) {
        return Corrupt(sequence, absl::StrCat("unit ", e.unit(), " of ", code, " exists"));
      }
      agency.units.push_back(UnitInfo{e.unit(), e.name(), e.kind(), false});
      break;
    }
    case v1::AgencyEvent::kUnitRenamed: {
      UnitInfo* unit = unit_of(event.unit_renamed().unit());
      if (unit == nullptr) return Corrupt(sequence, "no unit " + event.unit_renamed().unit());
      unit->name = event.unit_renamed().name();
      break;
    }
    case v1::AgencyEvent::kUnitRetired: {
      UnitInfo* unit = unit_of(event.unit_retired().unit());
      if (unit == nullptr) return Corrupt(sequence, "no unit " + event.unit_retired().unit());
      unit->retired = true;
      break;
    }
    case v1::AgencyEvent::kResponsibilityAssigned: {
      const v1::ResponsibilityAssigned& e = event.responsibility_assigned();
      if (unit_of(e.unit()) == nullptr) return Corrupt(sequence, "no unit " + e.unit());
      absl::StatusOr<Code> node = NodeCode("node", e.node());
      if (!node.ok()) return Corrupt(sequence, std::string(node.status().message()));
      agency.assignments.push_back(
          Assignment{node->canonical(), e.unit(),
                     e.effective_from_micros() != 0 ? e.effective_from_micros() : timestamp_micros,
                     e.from_plan_version(), sequence, timestamp_micros});
      break;
    }
    default:
      break;
  }
  ++agency.version;
  return absl::OkStatus();
}

std::optional<Assignment> LatestAssignment(const std::vector<Assignment>& assignments,
                                           std::string_view canonical_code, const AsOf& as_of) {
  const Assignment* best = nullptr;
  for (const Assignment& a : assignments) {
    if (a.node != canonical_code || a.sequence > as_of.sequence ||
        a.effective_micros > as_of.micros)
      continue;
    // Log order: a later one with the same effective time wins.
    if (best == nullptr || a.effective_micros >= best->effective_micros) best = &a;
  }
  if (best == nullptr) return std::nullopt;
  return *best;
}

absl::StatusOr<std::optional<Assignment>> AgencyDirectory::ResponsibleFor(
    std::string_view agency_code, std::string_view node_code, const AsOf& as_of) const {
  absl::StatusOr<const AgencyInfo*> agency = Get(agency_code);
  if (!agency.ok()) return agency.status();
  absl::StatusOr<Code> node = NodeCode("node", node_code);
  if (!node.ok()) return node.status();
  // Most specific first: the node, its kegiatan (for a sub kegiatan), its program.
  std::vector<std::string> candidates = {node->canonical()};
  if (node->depth() == 6) candidates.push_back(node->ParentCanonical());
  if (node->depth() > 3) candidates.push_back(node->ProgramCanonical());
  for (const std::string& code : candidates) {
    std::optional<Assignment> found = LatestAssignment((*agency)->assignments, code, as_of);
    if (found.has_value()) return found;
  }
  return std::nullopt;
}

absl::StatusOr<std::vector<Assignment>> AgencyDirectory::AssignmentsAt(std::string_view agency_code,
                                                                       const AsOf& as_of) const {
  absl::StatusOr<const AgencyInfo*> agency = Get(agency_code);
  if (!agency.ok()) return agency.status();
  // The same rule as LatestAssignment, for every code in one pass.
  std::map<std::string, Assignment> winners;
  for (const Assignment& a : (*agency)->assignments) {
    if (a.sequence > as_of.sequence || a.effective_micros > as_of.micros) continue;
    auto [it, inserted] = winners.emplace(a.node, a);
    if (!inserted && a.effective_micros >= it->second.effective_micros) it->second = a;
  }
  std::vector<Assignment> out;
  out.reserve(winners.size());
  for (auto& [code, a] : winners) out.push_back(std::move(a));
  return out;
}

}  // namespace renstra
