// Helpers shared by the fuzz targets: UTF-8 validity (proto3 strings must be UTF-8, and
// the services only ever receive UTF-8), event round trips and the seed plan.
#ifndef RENSTRA_TESTS_FUZZ_FUZZ_UTIL_H_
#define RENSTRA_TESTS_FUZZ_FUZZ_UTIL_H_

#include <string>
#include <string_view>

#include "domain/plan_state.h"
#include "google/protobuf/message.h"
#include "tests/fuzz/utf8.h"

namespace renstra::fuzz {

// Serializes `message` and parses the bytes into a fresh message of its type; traps
// (FUZZ_CHECK) unless both succeed and the copy serializes to the same bytes. `what`
// names the message in the report.
void CheckRoundTrip(const google::protobuf::Message& message, std::string_view what);

// Deterministic serialization (map order fixed), for comparing two messages' bytes.
std::string DeterministicBytes(const google::protobuf::Message& message);

// The seed document (RENSTRA_SEED_PATH), read once.
const std::string& SeedText();

// The seed plan imported into an empty state, applied through envelopes (stream versions
// 1..N) as the server does. Built once; traps if the seed does not import.
const PlanState& SeedPlan();

}  // namespace renstra::fuzz

#endif  // RENSTRA_TESTS_FUZZ_FUZZ_UTIL_H_
