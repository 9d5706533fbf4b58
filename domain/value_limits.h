// Value limits: what a Renstra can hold, checked where a request's value enters the
// domain (the workflow's changes and ratification, the realization commands), so that a
// value approved is the value applied, and sums over a whole plan cannot overflow.
//
// The limits (docs/limits.md lists them for users):
//  - a target, baseline or realization number is 0..kMaxTargetValue (10^14) with at most
//    kMaxValueScale (4) decimals: the plan counts people, documents, percentages and
//    indexes, none negative; a decrease is a lower target. At scale 4 such a number is at
//    most 10^18 units, so four quarters or five years of them still add up in an int64
//    Decimal, and capaian's 128-bit ratios have room to spare.
//  - a Rupiah amount (funding cell, spending record) is 0..kMaxRupiah (10^14, one hundred
//    trillion Rupiah: more than the whole yearly budget of any Indonesian region). Any
//    92,000 such cells — 18,000 nodes × 5 years — add up without overflowing int64, and
//    a ratification that would take the plan's total funding past INT64_MAX is refused
//    (plan_limits.h), so node totals, roll-ups and table totals always fit.
//  - a date is a real calendar date YYYY-MM-DD in the years kMinDateYear..kMaxDateYear.
//  - the seed plan's values are all within these limits (tested).
//
// Every error is INVALID_ARGUMENT and names the field by its path in the request, e.g.
// "changes[0].set_target.value.low.scale: 99 exceeds the maximum scale 4". A value
// echoed in a message is the number (never more than ~30 characters) or a short prefix
// of a text.
//
// Pure functions; thread-safe.
#ifndef RENSTRA_DOMAIN_VALUE_LIMITS_H_
#define RENSTRA_DOMAIN_VALUE_LIMITS_H_

#include <cstdint>
#include <string_view>

#include "absl/status/status.h"
#include "domain/decimal.h"
#include "renstra/v1/realization.pb.h"
#include "renstra/v1/values.pb.h"
#include "renstra/v1/workflow.pb.h"

namespace renstra {

inline constexpr int kMaxValueScale = 4;
inline constexpr int64_t kMaxTargetValue = 100'000'000'000'000;  // 10^14
inline constexpr int64_t kMaxRupiah = 100'000'000'000'000;       // 10^14 Rupiah
inline constexpr int kMinDateYear = 2000;
inline constexpr int kMaxDateYear = 2099;

// A number of a target or realization: scale 0..kMaxValueScale, 0 <= value <=
// kMaxTargetValue. `field` names the number ("….value.low").
absl::Status CheckTargetNumber(std::string_view field, const Decimal& value);
// As CheckTargetNumber, for the message as sent: a scale outside 0..6 cannot even be
// held by a Decimal, so it is checked here, before conversion.
absl::Status CheckTargetNumberMessage(std::string_view field, const v1::Decimal& value);

// A target value as a request carries it: a known kind; numbers exactly where the kind
// has them (low for NUMBER, PERCENT, BOUND; low and high for RANGE, BOUND_RANGE; none
// for EMPTY, NONE, NOT_AVAILABLE), each within CheckTargetNumber; low <= high; a bound
// operator (">", ">=", "<", "<=") exactly for BOUND and BOUND_RANGE; and `written`, when
// given, reads (TargetValue::Parse) as the same value, so that what a reviewer is shown
// is what is applied. EMPTY and KIND_UNSPECIFIED pass: callers decide whether a value is
// required.
absl::Status CheckTargetValueMessage(std::string_view field, const v1::TargetValue& value);

// Each stated part (yearly, q1..q4) of an achievement, as CheckTargetValueMessage.
absl::Status CheckAchievedValueMessage(std::string_view field, const v1::AchievedValue& value);

// A whole-Rupiah amount: 0..kMaxRupiah ("negative amount -5", "… exceeds the maximum …").
absl::Status CheckRupiah(std::string_view field, int64_t rupiah);
// A required amount as sent: present, CheckRupiah, and `written`, when given, reads
// (Money::Parse) as the same amount.
absl::Status CheckMoneyMessage(std::string_view field, const v1::Money& money);

// Every value a change carries (set_target.value, set_funding.amount, the targets of
// replace_indicator and add_sub_activity, add_sub_activity's funding), as above, each
// named under `field` ("changes[2]" → "changes[2].set_funding.amount"). Years, codes and
// units are the change rules' (change_rules.h). For a ratification to re-check
// proposals approved before these limits existed.
absl::Status CheckChangeValues(std::string_view field, const v1::Change& change);

// A real calendar date "YYYY-MM-DD" (2025-02-30 is not) in kMinDateYear..kMaxDateYear.
absl::Status CheckDate(std::string_view field, std::string_view text);

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_VALUE_LIMITS_H_
