// MemoryEventStore specifics (the shared contract is in event_store_contract_test.cc).
#include "storage/memory_event_store.h"

#include <chrono>

#include "gtest/gtest.h"
#include "tests/storage/storage_test_util.h"
#include "tests/testing/status_matchers.h"

namespace renstra {
namespace {

using ::renstra::testing::IsOk;
using ::renstra::testing::MakeRequest;

TEST(MemoryEventStoreTest, DefaultClockIsTheSystemClock) {
  MemoryEventStore store;
  const int64_t before = std::chrono::duration_cast<std::chrono::microseconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count();
  ASSERT_THAT(store.Append(MakeRequest("a", 0, {"E"})), IsOk());
  const int64_t after = std::chrono::duration_cast<std::chrono::microseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
  const int64_t stamp = store.ReadAll(1, 1)->at(0).timestamp_micros();
  EXPECT_GE(stamp, before);
  EXPECT_LE(stamp, after);
}

TEST(MemoryEventStoreTest, FailedAppendLeavesNoTraceOfTheStream) {
  MemoryEventStore store([] { return int64_t{42}; });
  EXPECT_EQ(store.Append(MakeRequest("new", 3, {"E"})).status().code(), absl::StatusCode::kAborted);
  EXPECT_EQ(store.StreamVersion("new"), 0u);
  EXPECT_TRUE(store.ReadStream("new", 1, 10)->empty());
  auto ok = store.Append(MakeRequest("new", 0, {"E"}));
  ASSERT_THAT(ok, IsOk());
  EXPECT_EQ(store.ReadAll(1, 1)->at(0).timestamp_micros(), 42);
}

}  // namespace
}  // namespace renstra
