#include "domain/realization_ratio.h"

#include <utility>

namespace renstra {
namespace {

constexpr int kGuardDigits = 16;

__int128 Pow10(int n) {
  __int128 p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

__int128 Gcd(__int128 a, __int128 b) {
  while (b != 0) {
    const __int128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

bool Mul(__int128 a, __int128 b, __int128* out) { return !__builtin_mul_overflow(a, b, out); }

// floor((2·num + den) / (2·den)) for num >= 0, den > 0: the half-up rounding of num/den.
bool RoundHalfUp(__int128 num, __int128 den, __int128* out) {
  __int128 twice_num, twice_den;
  if (!Mul(num, 2, &twice_num) || !Mul(den, 2, &twice_den)) return false;
  if (__builtin_add_overflow(twice_num, den, &twice_num)) return false;
  *out = twice_num / twice_den;
  return true;
}

}  // namespace

Ratio Ratio::NotComputable(std::string reason) {
  Ratio r;
  r.reason_ = std::move(reason);
  return r;
}

Ratio Ratio::Percent(__int128 num, __int128 den) {
  if (den <= 0) return NotComputable("denominator is not positive");
  if (num < 0) return NotComputable("negative numerator");
  __int128 percent_num;
  if (!Mul(num, 100, &percent_num)) return NotComputable("numbers too large");
  // Reduced, so that averages over several ratios stay far from the 128-bit limit.
  const __int128 g = Gcd(percent_num, den);
  if (g > 1) {
    percent_num /= g;
    den /= g;
  }
  __int128 hundredths_num, hundredths;
  if (!Mul(percent_num, 100, &hundredths_num) || !RoundHalfUp(hundredths_num, den, &hundredths) ||
      hundredths > INT64_MAX) {
    return NotComputable("numbers too large");
  }
  Ratio r;
  r.computable_ = true;
  r.value_ = Decimal(static_cast<int64_t>(hundredths), 2);
  r.num_ = percent_num;
  r.den_ = den;
  return r;
}

Ratio Ratio::PercentOf(const Decimal& part, const Decimal& whole) {
  if (whole.units() == 0) return NotComputable("denominator is 0");
  if (whole.units() < 0) return NotComputable("negative denominator");
  // part.units/10^ps ÷ whole.units/10^ws = part.units·10^ws ÷ (whole.units·10^ps).
  return Percent(static_cast<__int128>(part.units()) * Pow10(whole.scale()),
                 static_cast<__int128>(whole.units()) * Pow10(part.scale()));
}

Ratio Ratio::Exactly(int64_t percent) { return Percent(percent, 100); }

std::string Ratio::ToIndonesian() const { return computable_ ? value_.ToIndonesian() : "-"; }

Ratio AverageOf(const std::vector<Ratio>& ratios) {
  std::vector<const Ratio*> with_data;
  for (const Ratio& r : ratios) {
    if (r.computable()) with_data.push_back(&r);
  }
  if (with_data.empty()) return Ratio::NotComputable("no year has a ratio");
  const __int128 n = static_cast<__int128>(with_data.size());
  // Fewer guard digits only if the numbers are too large for 128 bits with all of them.
  for (int guard = kGuardDigits; guard >= 0; --guard) {
    const __int128 scale = Pow10(2 + guard);  // units of 10^-(2+guard) percent
    __int128 sum = 0;
    bool overflow = false;
    for (const Ratio* r : with_data) {
      __int128 scaled;
      if (!Mul(r->num(), scale, &scaled) || __builtin_add_overflow(sum, scaled / r->den(), &sum)) {
        overflow = true;
        break;
      }
    }
    if (overflow) continue;
    // sum / (n·10^guard) hundredths, rounded half-up once.
    __int128 hundredths;
    if (!RoundHalfUp(sum, n * Pow10(guard), &hundredths) || hundredths > INT64_MAX) continue;
    Ratio avg = Ratio::Percent(hundredths, 10000);
    return avg;
  }
  return Ratio::NotComputable("numbers too large");
}

int64_t DivideHalfUp(int64_t a, int64_t b) {
  __int128 out = 0;
  RoundHalfUp(a, b, &out);
  return static_cast<int64_t>(out);
}

}  // namespace renstra
