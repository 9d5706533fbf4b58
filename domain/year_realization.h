// Year realization: a subject's figure for a year when it may be recorded as one year
// record or by triwulan (quarter records, each its own fact).
//
// Rules (docs/cli.md, "Triwulan"):
//  - A year is recorded either as one year record (quarter 0) or by triwulan
//    (quarters 1..4), never both: the deciders refuse the second form while the first
//    has a current record (realization_decider.h).
//  - A year record gives the year's figure as it always did (EffectiveAchievement: its
//    `yearly`, else the quarters it states, for logs written before quarters were facts).
//  - By triwulan, an achievement's year figure follows the indicator's kind (KindOf,
//    indicator_kind.h): cumulative — the sum of the recorded quarters; stock and rate —
//    the latest recorded quarter; undetermined — as a year record's quarters (a
//    percentage the latest, a count the sum). Spending (Rupiah) is always the sum.
//  - Nothing recorded (or everything retracted): no figure.
//
// Pure functions; thread-safe with respect to const inputs.
#ifndef RENSTRA_DOMAIN_YEAR_REALIZATION_H_
#define RENSTRA_DOMAIN_YEAR_REALIZATION_H_

#include <array>
#include <optional>
#include <string>

#include "domain/capaian.h"
#include "domain/money.h"
#include "domain/plan_state.h"
#include "domain/realization_book.h"
#include "domain/target_value.h"

namespace renstra {

struct YearAchievement {
  // The year's figure; kEmpty when nothing is recorded (or the quarters' sum overflows).
  TargetValue value;
  // The year record's id, or the latest triwulan record's; "" when none.
  std::string realization_id;
  // Triwulan I..IV as recorded: the quarter records' values, or the quarters a year
  // record states; kEmpty where none.
  std::array<TargetValue, 4> quarters;
  bool by_quarter = false;  // true when the figure derives from quarter records
};

struct YearSpending {
  Money spent;  // absent when nothing is recorded; the quarters' sum by triwulan
  std::string realization_id;
  std::array<Money, 4> quarters;  // the triwulan records' amounts; absent where none
  bool by_quarter = false;
  bool overflow = false;  // the quarters add up to more than an amount can hold
};

// The indicator's kind as recorded, else as its statement and unit tell
// (InferIndicatorKind, as the validator reads it); unspecified when neither does.
v1::IndicatorKind KindOf(const IndicatorState& indicator);

// The year's figure of `quarters` (kEmpty = not recorded) for an indicator of `kind`.
TargetValue YearFromQuarters(v1::IndicatorKind kind, const std::array<TargetValue, 4>& quarters);

YearAchievement YearAchievementOf(const RealizationBook& book, const IndicatorState& indicator,
                                  int year);
YearSpending YearSpendingOf(const RealizationBook& book, std::string_view node_code, int year);

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_YEAR_REALIZATION_H_
