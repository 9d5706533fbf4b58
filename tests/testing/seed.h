// The seed document (data/seed/renstra_dumai_2024.txt, compiled in as RENSTRA_SEED_PATH),
// read from the source tree for tests that import the real plan.
//
// Errors: an unreadable file is a test failure (ADD_FAILURE) and the result is empty.
// Thread safety: safe to call from any thread.
#ifndef RENSTRA_TESTS_TESTING_SEED_H_
#define RENSTRA_TESTS_TESTING_SEED_H_

#include <string>

namespace renstra::testing {

// The path of the seed document.
const char* SeedPath();

// The seed document's bytes.
std::string ReadSeedDocument();

}  // namespace renstra::testing

#endif  // RENSTRA_TESTS_TESTING_SEED_H_
