#include <gtest/gtest.h>

#include "clients/cli_app.h"

namespace renstra {
namespace {

// 2026-12-07 12:47:30 UTC.
constexpr int64_t kSeconds = 1796647650;

TEST(WibTimeTest, ShowsMicrosInJakartaWithTheZoneWritten) {
  EXPECT_EQ(FormatWibMicros(kSeconds * 1000000 + 999999), "2026-12-07 19:47 WIB");
}

TEST(WibTimeTest, ShowsSecondsInJakartaWithTheZoneWritten) {
  EXPECT_EQ(FormatWibSeconds(kSeconds), "2026-12-07 19:47 WIB");
}

TEST(WibTimeTest, UtcEveningIsAlreadyTheNextDayInJakarta) {
  // 2026-12-07 17:00:00 UTC, and the Unix epoch.
  EXPECT_EQ(FormatWibSeconds(1796662800), "2026-12-08 00:00 WIB");
  EXPECT_EQ(FormatWibMicros(0), "1970-01-01 07:00 WIB");
}

TEST(WibTimeTest, MidsummerHasNoDaylightSaving) {
  // 2026-07-01 00:00:00 UTC: the same +07:00 as in December.
  EXPECT_EQ(FormatWibSeconds(1782864000), "2026-07-01 07:00 WIB");
}

}  // namespace
}  // namespace renstra
