// The building blocks that keep one caller from exhausting the server: the token-bucket
// RateLimiter, the RefusalThrottle that turns a flood of refusals into a bounded
// record, and the FeedSlots of the live audit feeds — each with a fake clock.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "services/feed_slots.h"
#include "services/rate_limiter.h"
#include "services/refusal_throttle.h"
#include "tests/testing/status_matchers.h"

namespace renstra {
namespace {

using ::renstra::testing::IsOk;

class FakeClock {
 public:
  absl::Time Now() const { return now_; }
  void Advance(absl::Duration d) { now_ += d; }
  std::function<absl::Time()> fn() {
    return [this] { return now_; };
  }

 private:
  absl::Time now_ = absl::FromUnixSeconds(1'700'000'000);
};

TEST(RateLimiterTest, AllowsTheBurstThenOneCallPerTokenAndSaysWhenToRetry) {
  FakeClock clock;
  RateLimiter limiter({/*per_second=*/2, /*burst=*/3, /*max_keys=*/100}, clock.fn());
  EXPECT_EQ(limiter.Take("a"), absl::ZeroDuration());
  EXPECT_EQ(limiter.Take("a"), absl::ZeroDuration());
  EXPECT_EQ(limiter.Take("a"), absl::ZeroDuration());
  EXPECT_EQ(limiter.Take("a"), absl::Milliseconds(500));
  // Another key has its own bucket.
  EXPECT_EQ(limiter.Take("b"), absl::ZeroDuration());
  clock.Advance(absl::Milliseconds(250));
  EXPECT_EQ(limiter.Take("a"), absl::Milliseconds(250));
  clock.Advance(absl::Milliseconds(250));
  EXPECT_EQ(limiter.Take("a"), absl::ZeroDuration());
  EXPECT_EQ(limiter.Take("a"), absl::Milliseconds(500));
}

TEST(RateLimiterTest, ZeroRateIsNoLimit) {
  RateLimiter limiter({0, 1, 10});
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(limiter.Take("a"), absl::ZeroDuration());
  EXPECT_FALSE(limiter.enabled());
  EXPECT_EQ(limiter.size(), 0u);
}

TEST(RateLimiterTest, KeepsAtMostMaxKeysAndLimitsNewKeysTogetherBeyond) {
  FakeClock clock;
  RateLimiter limiter({/*per_second=*/1, /*burst=*/1, /*max_keys=*/2}, clock.fn());
  EXPECT_EQ(limiter.Take("a"), absl::ZeroDuration());
  EXPECT_EQ(limiter.Take("b"), absl::ZeroDuration());
  // The map is full of busy buckets: new keys share one overflow bucket.
  EXPECT_EQ(limiter.Take("c"), absl::ZeroDuration());
  EXPECT_EQ(limiter.Take("d"), absl::Seconds(1));
  EXPECT_EQ(limiter.size(), 2u);
  // Once a and b are full again (idle), they make room.
  clock.Advance(absl::Seconds(1));
  EXPECT_EQ(limiter.Take("e"), absl::ZeroDuration());
  EXPECT_EQ(limiter.size(), 1u);
}

TEST(PeerHostTest, DropsThePortOnly) {
  EXPECT_EQ(PeerHost("ipv4:127.0.0.1:50122"), "ipv4:127.0.0.1");
  EXPECT_EQ(PeerHost("ipv6:[::1]:50122"), "ipv6:[::1]");
  EXPECT_EQ(PeerHost("unix:/run/renstra.sock"), "unix:/run/renstra.sock");
  EXPECT_EQ(PeerHost(""), "");
}

const RefusalKey kKey{"ipv4:10.0.0.7", "", "/renstra.v1.LogService/GetHead", "UNAUTHENTICATED"};

TEST(RefusalThrottleTest, RecordsTheFirstRefusalsThenSummarisesTheWindow) {
  FakeClock clock;
  RefusalThrottle throttle({/*recorded_per_window=*/2, absl::Minutes(1), 100}, clock.fn());
  EXPECT_TRUE(throttle.Note(kKey, "", "no credentials"));
  EXPECT_TRUE(throttle.Note(kKey, "", "no credentials"));
  const absl::Time first = clock.Now();
  EXPECT_FALSE(throttle.Note(kKey, "", "bad token"));
  clock.Advance(absl::Seconds(30));
  EXPECT_FALSE(throttle.Note(kKey, "", "no credentials"));
  clock.Advance(absl::Seconds(20));
  EXPECT_FALSE(throttle.Note(kKey, "", "no credentials"));
  const absl::Time last = clock.Now();
  EXPECT_TRUE(throttle.TakeDue(false).empty());  // the window has not ended

  clock.Advance(absl::Seconds(10));
  std::vector<RefusalSummary> due = throttle.TakeDue(false);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].key, kKey);
  EXPECT_EQ(due[0].count, 3u);
  EXPECT_EQ(due[0].message, "bad token");
  EXPECT_EQ(due[0].first, first);
  EXPECT_EQ(due[0].last, last);
  EXPECT_TRUE(throttle.TakeDue(true).empty());
  // A new window records individually again.
  EXPECT_TRUE(throttle.Note(kKey, "", "no credentials"));
}

TEST(RefusalThrottleTest, AKeyWithoutExcessLeavesNoSummary) {
  FakeClock clock;
  RefusalThrottle throttle({2, absl::Minutes(1), 100}, clock.fn());
  EXPECT_TRUE(throttle.Note(kKey, "", "m"));
  EXPECT_TRUE(throttle.TakeDue(true).empty());
}

TEST(RefusalThrottleTest, ShutdownTakesEveryPendingSummary) {
  FakeClock clock;
  RefusalThrottle throttle({0, absl::Minutes(1), 100}, clock.fn());
  RefusalKey other = kKey;
  other.method = "/renstra.v1.PlanService/GetPlan";
  EXPECT_FALSE(throttle.Note(kKey, "", "m"));
  clock.Advance(absl::Seconds(1));
  EXPECT_FALSE(throttle.Note(other, "", "m"));
  std::vector<RefusalSummary> due = throttle.TakeDue(true);
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[0].key, kKey);
  EXPECT_EQ(due[1].key, other);
}

TEST(RefusalThrottleTest, BeyondMaxKeysRefusalsAreCountedTogether) {
  FakeClock clock;
  RefusalThrottle throttle({5, absl::Minutes(1), /*max_keys=*/1}, clock.fn());
  EXPECT_TRUE(throttle.Note(kKey, "", "m"));
  RefusalKey other = kKey;
  other.peer_host = "ipv4:10.0.0.8";
  EXPECT_FALSE(throttle.Note(other, "", "m"));
  other.peer_host = "ipv4:10.0.0.9";
  EXPECT_FALSE(throttle.Note(other, "", "m"));
  std::vector<RefusalSummary> due = throttle.TakeDue(true);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].key, (RefusalKey{"*", "*", "*", "UNAUTHENTICATED"}));
  EXPECT_EQ(due[0].count, 2u);
}

Actor User(const std::string& name, v1::Role::Value role) { return Actor{name, role, {}}; }

TEST(FeedSlotsTest, OnePrincipalHoldsAtMostItsShare) {
  FeedSlots slots({/*total=*/32, /*per_principal=*/4, /*reserved_for_auditors=*/8});
  const Actor rehab = User("rehab", v1::Role::KEPALA_BIDANG);
  std::vector<FeedSlots::Lease> held;
  for (int i = 0; i < 4; ++i) {
    absl::StatusOr<FeedSlots::Lease> lease = slots.Acquire(rehab);
    ASSERT_THAT(lease, IsOk()) << lease.status();
    held.push_back(*std::move(lease));
  }
  absl::StatusOr<FeedSlots::Lease> fifth = slots.Acquire(rehab);
  EXPECT_EQ(fifth.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(fifth.status().message(),
            "live feeds: rehab already holds 4, the most one user may (4); close one and try "
            "again");
  held.pop_back();  // a feed ends: its slot is free again
  EXPECT_THAT(slots.Acquire(rehab), IsOk());
}

TEST(FeedSlotsTest, TheInspektoratGetsASlotWhenOthersHoldAllTheShared) {
  FeedSlots slots({/*total=*/32, /*per_principal=*/4, /*reserved_for_auditors=*/8});
  std::vector<FeedSlots::Lease> held;
  for (int user = 0; user < 6; ++user) {
    for (int i = 0; i < 4; ++i) {
      absl::StatusOr<FeedSlots::Lease> lease =
          slots.Acquire(User("kabid" + std::to_string(user), v1::Role::KEPALA_BIDANG));
      ASSERT_THAT(lease, IsOk()) << lease.status();
      held.push_back(*std::move(lease));
    }
  }
  absl::StatusOr<FeedSlots::Lease> refused = slots.Acquire(User("kadis", v1::Role::KEPALA_DINAS));
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(refused.status().message(),
            "live feeds: all 24 shared ones are in use (8 more are kept for the INSPEKTORAT); "
            "try again later");
  // Two inspectors, four feeds each: the eight reserved slots.
  for (const char* name : {"iwan", "ika"}) {
    for (int i = 0; i < 4; ++i) {
      absl::StatusOr<FeedSlots::Lease> lease = slots.Acquire(User(name, v1::Role::INSPEKTORAT));
      ASSERT_THAT(lease, IsOk()) << name << " " << i << ": " << lease.status();
      held.push_back(*std::move(lease));
    }
  }
  absl::StatusOr<FeedSlots::Lease> full = slots.Acquire(User("ina", v1::Role::INSPEKTORAT));
  EXPECT_EQ(full.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(full.status().message(), "live feeds: all 32 are in use; try again later");
}

TEST(FeedSlotsTest, AuditorsOnSharedSlotsLeaveTheReservedOnesForAuditorsOnly) {
  FeedSlots slots({/*total=*/4, /*per_principal=*/4, /*reserved_for_auditors=*/2});
  std::vector<FeedSlots::Lease> held;
  for (int i = 0; i < 3; ++i) {
    absl::StatusOr<FeedSlots::Lease> lease = slots.Acquire(User("iwan", v1::Role::INSPEKTORAT));
    ASSERT_THAT(lease, IsOk());
    held.push_back(*std::move(lease));
  }
  // Three auditors' feeds take the two reserved slots and one of the two shared ones.
  EXPECT_THAT(slots.Acquire(User("rehab", v1::Role::KEPALA_BIDANG)), IsOk());
  absl::StatusOr<FeedSlots::Lease> lease = slots.Acquire(User("rehab", v1::Role::KEPALA_BIDANG));
  ASSERT_THAT(lease, IsOk());
  held.push_back(*std::move(lease));
  EXPECT_EQ(slots.Acquire(User("kadis", v1::Role::KEPALA_DINAS)).status().code(),
            absl::StatusCode::kResourceExhausted);
}

}  // namespace
}  // namespace renstra
