// The plan period: baseline year 2021, target years 2022..2026.
#ifndef RENSTRA_DOMAIN_YEAR_H_
#define RENSTRA_DOMAIN_YEAR_H_

#include <array>

#include "absl/status/status.h"

namespace renstra {

inline constexpr int kBaselineYear = 2021;
inline constexpr int kFirstTargetYear = 2022;
inline constexpr int kFinalYear = 2026;
inline constexpr int kTargetYears = kFinalYear - kFirstTargetYear + 1;
inline constexpr std::array<int, kTargetYears> kAllTargetYears = {2022, 2023, 2024, 2025, 2026};

// OK for 2022..2026; INVALID_ARGUMENT naming `field` and the allowed range otherwise.
absl::Status CheckTargetYear(int year, const char* field = "year");

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_YEAR_H_
