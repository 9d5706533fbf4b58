#include "tests/testing/seeded_apps.h"

#include "tests/testing/seed.h"
#include "tests/testing/status_matchers.h"

namespace renstra::testing {

SeededApps::SeededApps() = default;

void SeededApps::Seed() {
  absl::StatusOr<bool> imported = plan.ImportSeedIfEmpty(ReadSeedDocument(), "seed");
  ASSERT_THAT(imported, IsOk());
  ASSERT_TRUE(*imported) << "the plan was not empty";
}

}  // namespace renstra::testing
