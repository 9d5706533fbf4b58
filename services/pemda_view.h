// PemdaView: the Pemda-wide list of agencies with the state of each one's Renstra (plan
// version, ratified revisions, open revision, lock, findings, open proposals), for the
// Inspektorat and Bappeda, who look across every perangkat daerah of the Pemda.
//
// Reads only: each agency's figures come from its own desk's projections (AgencyPlans),
// read under that desk's projector lock, so an agency's line is consistent in itself;
// lines of different agencies may be of slightly different moments.
// Thread safety: thread-safe (as AgencyPlans and AgencyApp are).
// Errors: INVALID_ARGUMENT for a bad year; those of building a desk that was not made yet
// (DATA_LOSS from its replay).
#ifndef RENSTRA_SERVICES_PEMDA_VIEW_H_
#define RENSTRA_SERVICES_PEMDA_VIEW_H_

#include "absl/status/statusor.h"
#include "renstra/v1/agency_service.pb.h"
#include "services/agency_app.h"
#include "services/agency_plans.h"

namespace renstra {

// `year` 0: the Renstra's state only; a target year: also each planned agency's
// capaian and serapan of that year (RealizationApp::YearFigures). INVALID_ARGUMENT
// naming "year" for any other year, before anything is read.
absl::StatusOr<v1::ListAgencyPlansResponse> ListAgencyPlans(AgencyPlans* plans,
                                                            const AgencyApp& agencies, int year);

}  // namespace renstra

#endif  // RENSTRA_SERVICES_PEMDA_VIEW_H_
