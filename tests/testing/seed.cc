#include "tests/testing/seed.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace renstra::testing {

const char* SeedPath() { return RENSTRA_SEED_PATH; }

std::string ReadSeedDocument() {
  std::ifstream in(SeedPath(), std::ios::binary);
  if (!in.good()) {
    ADD_FAILURE() << "cannot read the seed document " << SeedPath();
    return "";
  }
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace renstra::testing
