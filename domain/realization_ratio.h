// Ratio: a percentage as official tables print it (rasio capaian, serapan): rounded
// half-up once, to two decimals, from the exact quotient, or "not computable" with the
// reason (a zero or N/A target, nothing recorded ...). Never a fake 0 or 100.
//
// Exact arithmetic only: a ratio keeps its exact fraction (128-bit numerator and
// denominator) so that averages are taken over the exact values, not over the printed
// ones, and rounded once at the end (as T-C.24's "Rata-rata" column does: 84,05, not
// the 84,06 that averaging the printed 81,92 58,89 99,94 95,47 would give).
//
// Value type; thread-compatible. No function here returns an error status: what
// cannot be computed is a NotComputable ratio carrying its reason.
#ifndef RENSTRA_DOMAIN_REALIZATION_RATIO_H_
#define RENSTRA_DOMAIN_REALIZATION_RATIO_H_

#include <cstdint>
#include <string>
#include <vector>

#include "domain/decimal.h"

namespace renstra {

class Ratio {
 public:
  // Not computable, with an empty reason; prefer NotComputable(reason).
  Ratio() = default;
  static Ratio NotComputable(std::string reason);
  // num / den × 100, exactly; den > 0 and num >= 0 (callers check; a violation gives a
  // not-computable ratio naming it). The rounded value is kept beside the fraction.
  static Ratio Percent(__int128 num, __int128 den);
  // part / whole × 100; not computable ("<what> is 0") when whole == 0.
  static Ratio PercentOf(const Decimal& part, const Decimal& whole);
  // Exactly `percent` (e.g. 100 for a range target met).
  static Ratio Exactly(int64_t percent);

  bool computable() const { return computable_; }
  // Rounded half-up to two decimals (scale 2), e.g. 66,67; 0,00 when not computable.
  const Decimal& value() const { return value_; }
  // Why it is not computable; empty when computable.
  const std::string& reason() const { return reason_; }
  // "66,67"; "-" when not computable (the tables' sign for an empty cell).
  std::string ToIndonesian() const;

  // Exact fraction of the percentage (value ≈ num / den); den is 0 when not computable.
  __int128 num() const { return num_; }
  __int128 den() const { return den_; }

  // Same computability and rounded value (the fraction and the reason are not compared).
  friend bool operator==(const Ratio& a, const Ratio& b) {
    return a.computable_ == b.computable_ && a.value_ == b.value_;
  }

 private:
  bool computable_ = false;
  Decimal value_ = Decimal(0, 2);
  std::string reason_;
  __int128 num_ = 0;
  __int128 den_ = 0;
};

// The mean of the computable ratios (the years that have data), rounded half-up once to
// two decimals from the exact values. Not computable ("no year has a ratio") when none
// is. Each exact quotient is carried with 16 guard digits beyond the two printed ones,
// so the result equals the exactly rounded mean unless that mean lies within 10^-16 of
// a rounding boundary without being on it (ratios of plan figures never do).
Ratio AverageOf(const std::vector<Ratio>& ratios);

// a / b rounded half-up to a whole number (b > 0, a >= 0): for average Rupiah amounts.
int64_t DivideHalfUp(int64_t a, int64_t b);

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_REALIZATION_RATIO_H_
