// Agency decider: whether an administrator's command on the agency directory may be
// recorded, and the event that records it. A command is written as the event it asks
// for (renstra/v1/agency.proto); the decider checks it against the directory and
// returns it normalised (a node code in its canonical form) — or why not. It changes
// nothing: the caller appends the event and folds it into the directory.
//
// Rules:
//   * only ADMIN manages agencies (PERMISSION_DENIED, as RequireRole words it);
//   * codes of agencies and units: 2 to 40 characters, uppercase letters, digits, '-'
//     or '_', starting with a letter (INVALID_ARGUMENT naming the field);
//   * names and the Pemda: required, one line, at most 512 bytes;
//   * an agency code or a unit code within its agency is used once (ALREADY_EXISTS);
//   * an unknown agency or unit is NOT_FOUND naming it; a retired agency takes no
//     command, a retired unit is not renamed, retired again or assigned anything
//     (FAILED_PRECONDITION);
//   * a unit still responsible for a node (by the latest assignment recorded) cannot
//     be retired: reassign its nodes first (FAILED_PRECONDITION naming them);
//   * an assignment names a program, kegiatan or sub kegiatan code and a
//     non-negative effective time.
//
// Pure functions; thread-safe as long as the directory is not changed meanwhile.
#ifndef RENSTRA_DOMAIN_AGENCY_DECIDER_H_
#define RENSTRA_DOMAIN_AGENCY_DECIDER_H_

#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "domain/actor.h"
#include "domain/agency_directory.h"
#include "renstra/v1/agency.pb.h"

namespace renstra {

// OK when `text` is a well-formed agency or unit code; INVALID_ARGUMENT naming `field`.
absl::Status CheckOrgCode(std::string_view field, std::string_view text);

// The event recording `command` (one AgencyEvent), or why not (see the rules above).
absl::StatusOr<v1::AgencyEvent> DecideAgencyCommand(const Actor& actor,
                                                    const AgencyDirectory& directory,
                                                    const v1::AgencyEvent& command);

// The code of the agency an event belongs to (its stream is AgencyStream(code)).
std::string_view AgencyOfEvent(const v1::AgencyEvent& event);

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_AGENCY_DECIDER_H_
