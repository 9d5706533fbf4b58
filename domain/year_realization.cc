#include "domain/year_realization.h"

#include <cstdint>

#include "domain/indicator_kind.h"

namespace renstra {
namespace {

using Kind = TargetValue::Kind;

bool Stated(const TargetValue& v) {
  return v.kind() == Kind::kNumber || v.kind() == Kind::kPercent;
}

}  // namespace

v1::IndicatorKind KindOf(const IndicatorState& indicator) {
  if (indicator.kind != v1::INDICATOR_KIND_UNSPECIFIED) return indicator.kind;
  return InferIndicatorKind(indicator.statement, indicator.unit).kind;
}

TargetValue YearFromQuarters(v1::IndicatorKind kind, const std::array<TargetValue, 4>& quarters) {
  const TargetValue* latest = nullptr;
  std::optional<Decimal> sum = Decimal();
  for (const TargetValue& q : quarters) {
    if (!Stated(q)) continue;
    if (sum) sum = Decimal::CheckedAdd(*sum, q.low());
    latest = &q;
  }
  if (latest == nullptr) return TargetValue();
  switch (kind) {
    case v1::INDICATOR_KIND_STOCK:
    case v1::INDICATOR_KIND_RATE:
      return *latest;
    case v1::INDICATOR_KIND_CUMULATIVE:
      if (!sum) return TargetValue();
      return latest->kind() == Kind::kPercent ? TargetValue::Percent(*sum)
                                              : TargetValue::Number(*sum, latest->unit());
    default: {
      AchievedValue as_year;  // a year record's rule: a percentage the latest, a count the sum
      as_year.quarters = quarters;
      return EffectiveAchievement(as_year);
    }
  }
}

YearAchievement YearAchievementOf(const RealizationBook& book, const IndicatorState& indicator,
                                  int year) {
  YearAchievement out;
  if (const RealizationRecord* r = book.CurrentAchievement(indicator.id, year)) {
    out.value = r->Achieved();
    out.realization_id = r->id;
    out.quarters = r->achievement.quarters;
    return out;
  }
  for (const RealizationRecord* r : book.QuarterAchievements(indicator.id, year)) {
    if (r == nullptr) continue;
    out.quarters[r->quarter - 1] = r->Achieved();
    out.realization_id = r->id;
    out.by_quarter = true;
  }
  out.value = YearFromQuarters(KindOf(indicator), out.quarters);
  return out;
}

YearSpending YearSpendingOf(const RealizationBook& book, std::string_view node_code, int year) {
  YearSpending out;
  if (const RealizationRecord* r = book.CurrentSpending(node_code, year)) {
    out.spent = r->spent;
    out.realization_id = r->id;
    return out;
  }
  int64_t sum = 0;
  for (const RealizationRecord* r : book.QuarterSpending(node_code, year)) {
    if (r == nullptr) continue;
    out.quarters[r->quarter - 1] = r->spent;
    out.realization_id = r->id;
    out.by_quarter = true;
    const std::optional<int64_t> next = CheckedAdd(sum, r->spent.rupiah());
    if (!next) {
      out.overflow = true;
      return out;
    }
    sum = *next;
  }
  if (out.by_quarter) out.spent = Money::Rupiah(sum);
  return out;
}

}  // namespace renstra
