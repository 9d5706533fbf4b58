#include "domain/agency_decider.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "base/status_macros.h"
#include "domain/code.h"
#include "domain/strings.h"
#include "domain/text_limits.h"

namespace renstra {
namespace {

constexpr size_t kMinCode = 2;
constexpr size_t kMaxCode = 40;

bool IsCodeChar(char c) {
  return (c >= 'A' && c <= 'Z') || IsAsciiDigit(c) || c == '-' || c == '_';
}

absl::Status CheckName(std::string_view field, std::string_view name) {
  if (TrimAscii(name).empty())
    return absl::InvalidArgumentError(absl::StrCat(AsAbsl(field), ": required"));
  return CheckText(field, name, kNameText);
}

// The agency a command names: known and not retired.
absl::StatusOr<const AgencyInfo*> LiveAgency(const AgencyDirectory& directory,
                                             std::string_view code) {
  RENSTRA_RETURN_IF_ERROR(CheckOrgCode("agency", code));
  RENSTRA_ASSIGN_OR_RETURN(const AgencyInfo* agency, directory.Get(code));
  if (agency->retired) {
    return absl::FailedPreconditionError(
        absl::StrCat("agency: ", agency->code, " is retired and takes no more changes"));
  }
  return agency;
}

// A unit of `agency`: known, and (when `live`) not retired.
absl::StatusOr<const UnitInfo*> UnitOf(const AgencyInfo& agency, std::string_view code, bool live) {
  RENSTRA_RETURN_IF_ERROR(CheckOrgCode("unit", code));
  const UnitInfo* unit = agency.FindUnit(code);
  if (unit == nullptr) {
    return absl::NotFoundError(
        absl::StrCat("unit: no unit ", AsAbsl(code), " in agency ", agency.code));
  }
  if (live && unit->retired) {
    return absl::FailedPreconditionError(
        absl::StrCat("unit: ", unit->code, " of ", agency.code, " is retired"));
  }
  return unit;
}

absl::Status CheckKind(v1::UnitKind::Value kind) {
  if (kind == v1::UnitKind::UNIT_KIND_UNSPECIFIED) {
    return absl::InvalidArgumentError("kind: required (SEKRETARIAT, BIDANG or UPT)");
  }
  if (!v1::UnitKind::Value_IsValid(kind)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "kind: ", static_cast<int>(kind), " is not a unit kind (SEKRETARIAT, BIDANG or UPT)"));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status CheckOrgCode(std::string_view field, std::string_view text) {
  if (text.empty()) return absl::InvalidArgumentError(absl::StrCat(AsAbsl(field), ": required"));
  bool ok = text.size() >= kMinCode && text.size() <= kMaxCode && text[0] >= 'A' && text[0] <= 'Z';
  for (char c : text) ok = ok && IsCodeChar(c);
  if (ok) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(
      AsAbsl(field), ": \"", SafePrefix(text),
      "\" is not a code (2 to 40 characters: uppercase letters, digits, '-' or '_', starting with "
      "a letter)"));
}

std::string_view AgencyOfEvent(const v1::AgencyEvent& event) {
  switch (event.kind_case()) {
    case v1::AgencyEvent::kAgencyCreated:
      return event.agency_created().code();
    case v1::AgencyEvent::kAgencyRenamed:
      return event.agency_renamed().agency();
    case v1::AgencyEvent::kAgencyRetired:
      return event.agency_retired().agency();
    case v1::AgencyEvent::kUnitCreated:
      return event.unit_created().agency();
    case v1::AgencyEvent::kUnitRenamed:
      return event.unit_renamed().agency();
    case v1::AgencyEvent::kUnitRetired:
      return event.unit_retired().agency();
    case v1::AgencyEvent::kResponsibilityAssigned:
      return event.responsibility_assigned().agency();
    default:
      return {};
  }
}

absl::StatusOr<v1::AgencyEvent> DecideAgencyCommand(const Actor& actor,
                                                    const AgencyDirectory& directory,
                                                    const v1::AgencyEvent& command) {
  RENSTRA_RETURN_IF_ERROR(RequireRole(actor, {v1::Role::ADMIN}, "manage agencies"));
  v1::AgencyEvent event = command;
  switch (command.kind_case()) {
    case v1::AgencyEvent::kAgencyCreated: {
      const v1::AgencyCreated& c = command.agency_created();
      RENSTRA_RETURN_IF_ERROR(CheckOrgCode("code", c.code()));
      RENSTRA_RETURN_IF_ERROR(CheckName("name", c.name()));
      RENSTRA_RETURN_IF_ERROR(CheckName("pemda", c.pemda()));
      if (directory.Find(c.code()) != nullptr) {
        return absl::AlreadyExistsError(absl::StrCat("code: agency ", c.code(), " exists"));
      }
      return event;
    }
    case v1::AgencyEvent::kAgencyRenamed: {
      const v1::AgencyRenamed& c = command.agency_renamed();
      RENSTRA_RETURN_IF_ERROR(LiveAgency(directory, c.agency()).status());
      RENSTRA_RETURN_IF_ERROR(CheckName("name", c.name()));
      return event;
    }
    case v1::AgencyEvent::kAgencyRetired:
      RENSTRA_RETURN_IF_ERROR(LiveAgency(directory, command.agency_retired().agency()).status());
      return event;
    case v1::AgencyEvent::kUnitCreated: {
      const v1::UnitCreated& c = command.unit_created();
      RENSTRA_ASSIGN_OR_RETURN(const AgencyInfo* agency, LiveAgency(directory, c.agency()));
      RENSTRA_RETURN_IF_ERROR(CheckOrgCode("unit", c.unit()));
      RENSTRA_RETURN_IF_ERROR(CheckName("name", c.name()));
      RENSTRA_RETURN_IF_ERROR(CheckKind(c.kind()));
      if (agency->FindUnit(c.unit()) != nullptr) {
        return absl::AlreadyExistsError(
            absl::StrCat("unit: unit ", c.unit(), " of agency ", agency->code, " exists"));
      }
      return event;
    }
    case v1::AgencyEvent::kUnitRenamed: {
      const v1::UnitRenamed& c = command.unit_renamed();
      RENSTRA_ASSIGN_OR_RETURN(const AgencyInfo* agency, LiveAgency(directory, c.agency()));
      RENSTRA_RETURN_IF_ERROR(UnitOf(*agency, c.unit(), /*live=*/true).status());
      RENSTRA_RETURN_IF_ERROR(CheckName("name", c.name()));
      return event;
    }
    case v1::AgencyEvent::kUnitRetired: {
      const v1::UnitRetired& c = command.unit_retired();
      RENSTRA_ASSIGN_OR_RETURN(const AgencyInfo* agency, LiveAgency(directory, c.agency()));
      RENSTRA_RETURN_IF_ERROR(UnitOf(*agency, c.unit(), /*live=*/true).status());
      RENSTRA_ASSIGN_OR_RETURN(std::vector<Assignment> latest,
                               directory.AssignmentsAt(agency->code, AsOf{}));
      std::vector<std::string> held;
      for (const Assignment& a : latest) {
        if (a.unit == c.unit()) held.push_back(a.node);
      }
      if (!held.empty()) {
        return absl::FailedPreconditionError(
            absl::StrCat("unit: ", c.unit(), " of ", agency->code, " is still responsible for ",
                         absl::StrJoin(held, ", "), "; assign them to another unit first"));
      }
      return event;
    }
    case v1::AgencyEvent::kResponsibilityAssigned: {
      const v1::ResponsibilityAssigned& c = command.responsibility_assigned();
      RENSTRA_ASSIGN_OR_RETURN(const AgencyInfo* agency, LiveAgency(directory, c.agency()));
      if (c.node().empty()) return absl::InvalidArgumentError("node: required");
      RENSTRA_RETURN_IF_ERROR(CheckText("node", c.node(), kCodeText));
      absl::StatusOr<Code> node = Code::Parse(c.node());
      if (!node.ok()) {
        return absl::InvalidArgumentError(absl::StrCat("node: ", node.status().message()));
      }
      if (node->depth() < 3) {
        return absl::InvalidArgumentError(
            absl::StrCat("node: ", node->canonical(),
                         " is above program level (a program, kegiatan or sub kegiatan code)"));
      }
      RENSTRA_RETURN_IF_ERROR(UnitOf(*agency, c.unit(), /*live=*/true).status());
      if (c.effective_from_micros() < 0) {
        return absl::InvalidArgumentError(
            absl::StrCat("effective_from_micros: ", c.effective_from_micros(),
                         " is before 1970 (0: when recorded)"));
      }
      event.mutable_responsibility_assigned()->set_node(node->canonical());
      return event;
    }
    default:
      return absl::InvalidArgumentError("command: no agency command given");
  }
}

}  // namespace renstra
