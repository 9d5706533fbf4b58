// Predikat: the performance rating (predikat kinerja) of a ratio, by configurable bands.
//
// Default scale (the evaluation tables' 91–100 / 76–90 / 66–75 / 51–65 / ≤ 50):
//   Sangat Baik   ratio > 90      Baik   75 < ratio ≤ 90     Cukup   65 < ratio ≤ 75
//   Kurang        50 < ratio ≤ 65  Sangat Kurang  ratio ≤ 50
// Each band is "above a floor" so that integer ratios fall exactly where the printed
// scale puts them (91 Sangat Baik, 90 Baik, 76 Baik, 75 Cukup, 51 Kurang, 50 Sangat
// Kurang) and the gaps between the printed bands are closed upward: 90,5 and 90,01 are
// Sangat Baik, 75,5 is Baik. Ratios above 100 (targets exceeded) are Sangat Baik.
// The ratio judged is the rounded two-decimal value a reader sees in the table.
//
// Value types and pure functions; thread-safe.
#ifndef RENSTRA_DOMAIN_PREDIKAT_H_
#define RENSTRA_DOMAIN_PREDIKAT_H_

#include <optional>
#include <string>
#include <vector>

#include "domain/decimal.h"
#include "domain/realization_ratio.h"

namespace renstra {

struct PredikatBand {
  // The band holds ratios strictly above `above`; std::nullopt for the last band, which
  // holds everything else.
  std::optional<Decimal> above;
  std::string name;
};

// Bands ordered from the highest floor down; the last one has no floor.
struct PredikatScale {
  std::vector<PredikatBand> bands = {
      {Decimal::FromInt(90), "Sangat Baik"}, {Decimal::FromInt(75), "Baik"},
      {Decimal::FromInt(65), "Cukup"},       {Decimal::FromInt(50), "Kurang"},
      {std::nullopt, "Sangat Kurang"},
  };
};

// The band's name for a computable ratio; "" when the ratio is not computable (no
// rating without a figure) or no band matches (a scale without a catch-all band).
std::string PredikatOf(const PredikatScale& scale, const Ratio& ratio);

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_PREDIKAT_H_
