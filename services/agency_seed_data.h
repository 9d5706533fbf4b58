// The seed agency: Dinas Sosial dan Pemberdayaan Masyarakat Kota Dumai, its units and
// default responsibility (data/seed/agency_dinsos_dumai.textproto, an AgencySeed in
// protobuf text format), embedded in the server at build time (services/embed_seed.cmake
// generates agency_seed_data.cc). renstrad sets it up on its first start
// (AgencyApp::SeedIfAbsent).
//
// Thread safety: immutable data; safe from any thread.
#ifndef RENSTRA_SERVICES_AGENCY_SEED_DATA_H_
#define RENSTRA_SERVICES_AGENCY_SEED_DATA_H_

#include <string_view>

namespace renstra {

// The whole data file, exactly as in the repository.
std::string_view AgencySeedDocument();

// The data file's path in the repository.
extern const std::string_view kAgencySeedSourceName;

}  // namespace renstra

#endif  // RENSTRA_SERVICES_AGENCY_SEED_DATA_H_
