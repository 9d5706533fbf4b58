// SeededApps: the server's application layer without gRPC or RocksDB — a
// MemoryEventStore, a PlanApp with the seed plan imported (as renstrad does at its
// first start), and the WorkflowApp and RealizationApp on the PlanApp's CommandRunner,
// as RenstraServer wires them. For tests of the apps' logic and of the command
// pipeline's policies (retries, reused request ids, conflicts) that need no disk.
//
// SeededAppsTest is the gtest fixture over it (`apps_`); a failed import fails the
// test in SetUp.
//
// Ownership: owns the store and the apps. Thread safety: the apps are safe to call
// from several threads, as in the server; construct and destroy on the test thread.
#ifndef RENSTRA_TESTS_TESTING_SEEDED_APPS_H_
#define RENSTRA_TESTS_TESTING_SEEDED_APPS_H_

#include <gtest/gtest.h>

#include <memory>

#include "services/plan_app.h"
#include "services/realization_app.h"
#include "services/workflow_app.h"
#include "storage/memory_event_store.h"

namespace renstra::testing {

struct SeededApps {
  SeededApps();
  // Imports the seed document; a failure is a test failure.
  void Seed();

  MemoryEventStore store;
  PlanApp plan{&store, std::string(PlanApp::kDefaultPlanId)};
  WorkflowApp workflow{plan.runner()};
  RealizationApp realization{plan.runner()};
};

class SeededAppsTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_NO_FATAL_FAILURE(apps_.Seed()); }

  SeededApps apps_;
};

}  // namespace renstra::testing

#endif  // RENSTRA_TESTS_TESTING_SEEDED_APPS_H_
