// The short crash test (ctest): a few kill-and-restart cycles of renstrad under load
// from 16 clients; the long one is deploy/crash-test.sh (renstra-crash --cycles=200).
#include <gtest/gtest.h>

#include <iostream>

#include "tests/crash/crash_harness.h"

namespace renstra::crash {
namespace {

TEST(CrashTest, KilledUnderLoadLosesAndDuplicatesNothing) {
  CrashOptions options;
  options.renstrad = RENSTRAD_PATH;
  options.cycles = 8;
  options.clients = 16;
  options.progress = &std::cerr;
  const CrashSummary summary = RunCrashTest(options);
  std::cout << summary.ToString();
  EXPECT_EQ(summary.cycles, 8);
  EXPECT_GT(summary.acknowledged, 0);
  EXPECT_EQ(summary.lost, 0);
  EXPECT_EQ(summary.duplicated, 0);
  EXPECT_EQ(summary.refused, 0);
  EXPECT_EQ(summary.bad_answers, 0);
  EXPECT_EQ(summary.in_doubt_unresolved, 0);
  EXPECT_EQ(summary.replays_compared, 10);  // at the first start, after each restart, at the end
  EXPECT_TRUE(summary.failures.empty()) << summary.ToString();
}

}  // namespace
}  // namespace renstra::crash
