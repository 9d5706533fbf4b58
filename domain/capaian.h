// Capaian kinerja: how a realization is judged against a target (rasio capaian), the
// polarity of an indicator, and the year's value of a realization recorded per quarter.
//
// Rules (all exact; the ratio is rounded half-up once to two decimals, see Ratio):
//  - NUMBER / PERCENT target T, realization R:
//      higher is better:              R ÷ T × 100
//      lower is better, INVERSE:      T ÷ R × 100   (R = 0: not computable)
//      lower is better, SYMMETRIC:    (2T − R) ÷ T × 100, floored at 0
//    T = 0 is not computable ("target is 0") whatever the polarity: no honest percentage
//    of nothing exists.
//  - RANGE "4,19-4,90" and BOUND_RANGE "> 201-350" (the seed writes the EPDESSEL
//    categories with a leading ">" that is a label, not an operator): R inside [low, high]
//    gives exactly 100; outside, the formula above (following polarity) against the
//    nearer bound: low when R < low, high when R > high. So a higher-is-better range
//    exceeded gives more than 100, and one missed gives less.
//  - BOUND "> 351", "≥ 80%", "< 5": the operator, not the indicator's polarity, says
//    which side is the goal. Met (R ≥ B for ">"/">=", R ≤ B for "<"/"<="; strict and
//    non-strict are judged alike because the tables use ">" for "at least") gives
//    exactly 100; missed gives the higher-is-better formula against B for ">"/">=" and
//    the configured lower-is-better formula for "<"/"<=".
//  - EMPTY, "-" and "N/A" targets, a missing realization, or a unit that differs between
//    target and realization: not computable, with the reason.
//
// Pure functions and value types; thread-safe.
#ifndef RENSTRA_DOMAIN_CAPAIAN_H_
#define RENSTRA_DOMAIN_CAPAIAN_H_

#include <array>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/plan_state.h"
#include "domain/realization_ratio.h"
#include "domain/target_value.h"
#include "renstra/v1/realization.pb.h"

namespace renstra {

enum class Polarity {
  kHigherIsBetter,  // more is better (most output indicators: people served, documents)
  kLowerIsBetter,   // less is better (poverty rate, mortality ...)
};

enum class LowerIsBetterFormula {
  kInverse,    // T ÷ R × 100
  kSymmetric,  // (2T − R) ÷ T × 100, floored at 0
};

// Which indicators are lower-is-better. The plan has no polarity field, so this is
// configuration. Precedence: an id in `higher_is_better_ids`, then an id in
// `lower_is_better_ids`, then a statement starting (ASCII case-insensitively, after
// leading spaces) with one of `lower_is_better_prefixes`; otherwise higher is better.
struct PolarityConfig {
  std::set<std::string, std::less<>> lower_is_better_ids;
  std::set<std::string, std::less<>> higher_is_better_ids;
  // Not every "Angka ..." (e.g. "Angka Partisipasi Sekolah" is higher-is-better), so
  // only the compounds that measure something bad are listed.
  std::vector<std::string> lower_is_better_prefixes = {
      "Tingkat Kemiskinan",     "Persentase penduduk miskin",
      "Jumlah penduduk miskin", "Angka Kemiskinan",
      "Angka Kematian",         "Angka Kesakitan",
      "Angka Pengangguran",     "Angka Putus Sekolah",
      "Tingkat Pengangguran",
  };
  // SYMMETRIC by default: it is the form Permendagri 86/2017-style evaluations use for
  // negative indicators, and it stays defined when the realization is 0.
  LowerIsBetterFormula lower_formula = LowerIsBetterFormula::kSymmetric;
};

Polarity PolarityOf(const PolarityConfig& config, std::string_view indicator_id,
                    std::string_view statement);
// "lebih tinggi lebih baik" / "lebih rendah lebih baik", for report headings.
std::string PolarityName(Polarity polarity);

// An achievement as recorded: a yearly value and/or quarterly (triwulan) values; a
// value of kind kEmpty is "not stated".
struct AchievedValue {
  TargetValue yearly;
  std::array<TargetValue, 4> quarters;  // triwulan I..IV

  bool empty() const;
  void ToProto(v1::AchievedValue* out) const;
  static AchievedValue FromProto(const v1::AchievedValue& in);
};

// The year's realization: `yearly` when stated (the division's official annual figure
// wins over the quarters, which are progress reports); otherwise the sum of the stated
// quarters for a count (NUMBER) indicator, or the latest stated quarter for a PERCENT
// indicator (a percentage is a state, not a flow). kEmpty when nothing is stated, or
// when the quarters' sum does not fit a Decimal (DecideRecordAchievement and
// DecideCorrect refuse such quarters).
// Non-additive numbers ("Nilai" indexes) should therefore be recorded with `yearly`.
TargetValue EffectiveAchievement(const AchievedValue& value);

// Rasio capaian of `realization` against `target` (see the rules above).
Ratio AchievementRatio(const TargetValue& target, const TargetValue& realization, Polarity polarity,
                       LowerIsBetterFormula lower_formula);

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_CAPAIAN_H_
