// The seed document: the agency's 2024 Perubahan Renstra (data/seed/), embedded in the
// server at build time (services/embed_seed.cmake generates seed_data.cc). renstrad
// imports its T-C.27 table into an empty plan on first start.
//
// Thread safety: immutable data; safe from any thread.
#ifndef RENSTRA_SERVICES_SEED_DATA_H_
#define RENSTRA_SERVICES_SEED_DATA_H_

#include <string_view>

namespace renstra {

// The whole seed document (UTF-8 text), exactly as in the repository.
std::string_view SeedDocument();

// The name recorded as the plan's source: the seed's path in the repository.
extern const std::string_view kSeedSourceName;

}  // namespace renstra

#endif  // RENSTRA_SERVICES_SEED_DATA_H_
