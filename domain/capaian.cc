#include "domain/capaian.h"

#include <algorithm>
#include <optional>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "domain/strings.h"

namespace renstra {
namespace {

using Kind = TargetValue::Kind;

__int128 Pow10(int n) {
  __int128 p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

// Both numbers as integers at their common scale (exact).
struct Aligned {
  __int128 a;
  __int128 b;
};
Aligned Align(const Decimal& a, const Decimal& b) {
  const int scale = std::max(a.scale(), b.scale());
  return {static_cast<__int128>(a.units()) * Pow10(scale - a.scale()),
          static_cast<__int128>(b.units()) * Pow10(scale - b.scale())};
}

// The polarity formula of realization `r` against the number `t` (t > 0 checked here).
Ratio Formula(const Decimal& t, const Decimal& r, Polarity polarity, LowerIsBetterFormula lower,
              std::string_view what) {
  const auto [tv, rv] = Align(t, r);
  if (tv == 0) return Ratio::NotComputable(absl::StrCat(AsAbsl(what), " is 0"));
  if (polarity == Polarity::kHigherIsBetter) return Ratio::Percent(rv, tv);
  if (lower == LowerIsBetterFormula::kInverse) {
    if (rv == 0) {
      return Ratio::NotComputable(
          "realization is 0: the inverse formula for a lower-is-better indicator is undefined");
    }
    return Ratio::Percent(tv, rv);
  }
  const __int128 num = 2 * tv - rv;
  return Ratio::Percent(num < 0 ? 0 : num, tv);
}

std::string UnitOf(const TargetValue& v) { return v.NormalizedUnit(); }

}  // namespace

Polarity PolarityOf(const PolarityConfig& config, std::string_view indicator_id,
                    std::string_view statement) {
  if (config.higher_is_better_ids.contains(indicator_id)) return Polarity::kHigherIsBetter;
  if (config.lower_is_better_ids.contains(indicator_id)) return Polarity::kLowerIsBetter;
  const absl::string_view text = absl::StripLeadingAsciiWhitespace(AsAbsl(statement));
  for (const std::string& prefix : config.lower_is_better_prefixes) {
    if (absl::StartsWithIgnoreCase(text, prefix)) return Polarity::kLowerIsBetter;
  }
  return Polarity::kHigherIsBetter;
}

std::string PolarityName(Polarity polarity) {
  return polarity == Polarity::kHigherIsBetter ? "lebih tinggi lebih baik"
                                               : "lebih rendah lebih baik";
}

bool AchievedValue::empty() const {
  if (yearly.kind() != Kind::kEmpty) return false;
  for (const TargetValue& q : quarters) {
    if (q.kind() != Kind::kEmpty) return false;
  }
  return true;
}

void AchievedValue::ToProto(v1::AchievedValue* out) const {
  // Unstated values stay unset, so that the message says only what was stated.
  if (yearly.kind() != Kind::kEmpty) yearly.ToProto(out->mutable_yearly());
  if (quarters[0].kind() != Kind::kEmpty) quarters[0].ToProto(out->mutable_q1());
  if (quarters[1].kind() != Kind::kEmpty) quarters[1].ToProto(out->mutable_q2());
  if (quarters[2].kind() != Kind::kEmpty) quarters[2].ToProto(out->mutable_q3());
  if (quarters[3].kind() != Kind::kEmpty) quarters[3].ToProto(out->mutable_q4());
}

AchievedValue AchievedValue::FromProto(const v1::AchievedValue& in) {
  AchievedValue v;
  if (in.has_yearly()) v.yearly = TargetValue::FromProto(in.yearly());
  if (in.has_q1()) v.quarters[0] = TargetValue::FromProto(in.q1());
  if (in.has_q2()) v.quarters[1] = TargetValue::FromProto(in.q2());
  if (in.has_q3()) v.quarters[2] = TargetValue::FromProto(in.q3());
  if (in.has_q4()) v.quarters[3] = TargetValue::FromProto(in.q4());
  return v;
}

TargetValue EffectiveAchievement(const AchievedValue& value) {
  if (value.yearly.kind() != Kind::kEmpty) return value.yearly;
  const TargetValue* latest = nullptr;
  std::optional<Decimal> sum = Decimal();
  for (const TargetValue& q : value.quarters) {
    if (q.kind() != Kind::kNumber && q.kind() != Kind::kPercent) continue;
    if (sum) sum = Decimal::CheckedAdd(*sum, q.low());
    latest = &q;
  }
  if (latest == nullptr) return TargetValue();
  if (latest->kind() == Kind::kPercent) return *latest;
  if (!sum) return TargetValue();  // the deciders refuse quarters that do not add up
  return TargetValue::Number(*sum, latest->unit());
}

Ratio AchievementRatio(const TargetValue& target, const TargetValue& realization, Polarity polarity,
                       LowerIsBetterFormula lower_formula) {
  switch (target.kind()) {
    case Kind::kEmpty:
      return Ratio::NotComputable("no target");
    case Kind::kNone:
      return Ratio::NotComputable("no target (\"-\")");
    case Kind::kNotAvailable:
      return Ratio::NotComputable("target is N/A");
    default:
      break;
  }
  if (realization.kind() != Kind::kNumber && realization.kind() != Kind::kPercent) {
    return Ratio::NotComputable("no realization recorded");
  }
  const std::string t_unit = UnitOf(target);
  const std::string r_unit = UnitOf(realization);
  if (!t_unit.empty() && !r_unit.empty() && t_unit != r_unit) {
    return Ratio::NotComputable(absl::StrCat("unit mismatch: target in \"", target.unit(),
                                             "\", realization in \"", realization.unit(), "\""));
  }
  const Decimal& r = realization.low();
  switch (target.kind()) {
    case Kind::kNumber:
    case Kind::kPercent:
      return Formula(target.low(), r, polarity, lower_formula, "target");
    case Kind::kRange:
    case Kind::kBoundRange:
      if (r < target.low())
        return Formula(target.low(), r, polarity, lower_formula, "range low end");
      if (r > target.high()) {
        return Formula(target.high(), r, polarity, lower_formula, "range high end");
      }
      return Ratio::Exactly(100);
    case Kind::kBound: {
      const bool at_least = target.bound_op().empty() || target.bound_op()[0] == '>';
      const bool met = at_least ? r >= target.low() : r <= target.low();
      if (met) return Ratio::Exactly(100);
      return Formula(target.low(), r,
                     at_least ? Polarity::kHigherIsBetter : Polarity::kLowerIsBetter, lower_formula,
                     "bound");
    }
    default:
      return Ratio::NotComputable("no target");
  }
}

}  // namespace renstra
