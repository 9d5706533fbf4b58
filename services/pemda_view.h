// PemdaView: the Pemda-wide list of agencies with the state of each one's Renstra (plan
// version, ratified revisions, open revision, lock, findings, open proposals), for the
// Inspektorat and Bappeda, who look across every perangkat daerah of the Pemda.
//
// Reads only: each agency's figures come from its own desk's projections (AgencyPlans),
// read under that desk's projector lock, so an agency's line is consistent in itself;
// lines of different agencies may be of slightly different moments.
// Thread safety: thread-safe (as AgencyPlans and AgencyApp are).
// Errors: those of building a desk that was not made yet (DATA_LOSS from its replay).
#ifndef RENSTRA_SERVICES_PEMDA_VIEW_H_
#define RENSTRA_SERVICES_PEMDA_VIEW_H_

#include "absl/status/statusor.h"
#include "renstra/v1/agency_service.pb.h"
#include "services/agency_app.h"
#include "services/agency_plans.h"

namespace renstra {

absl::StatusOr<v1::ListAgencyPlansResponse> ListAgencyPlans(AgencyPlans* plans,
                                                            const AgencyApp& agencies);

}  // namespace renstra

#endif  // RENSTRA_SERVICES_PEMDA_VIEW_H_
