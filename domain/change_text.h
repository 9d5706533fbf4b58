// The text limits (text_limits.h) applied to the fields of a proposed change and of
// the values it carries, before any of them is looked up or quoted in an error.
//
// Why a separate step: the change rules quote codes, ids and units back ("unknown
// indicator \"…\"", "unit \"…\" does not match"); checking the text first means those
// messages only ever quote a short, clean value.
//
// Errors: INVALID_ARGUMENT naming the field by its path, e.g.
//   "changes[0].set_target.value.unit: 102400 bytes exceeds the limit of 128".
//
// Pure functions; thread-safe.
#ifndef RENSTRA_DOMAIN_CHANGE_TEXT_H_
#define RENSTRA_DOMAIN_CHANGE_TEXT_H_

#include <string>

#include "absl/status/status.h"
#include "renstra/v1/values.pb.h"
#include "renstra/v1/workflow.pb.h"

namespace renstra {

// The text of `change` (written at `path`, e.g. "changes[2]") fits the limits.
// The server-filled "before" fields are not checked: they come from the plan.
absl::Status CheckChangeText(const v1::Change& change, const std::string& path);

// The unit, bound operator and written form of a value fit the limits.
absl::Status CheckValueText(const std::string& field, const v1::TargetValue& value);

// The written form of an amount fits the limits.
absl::Status CheckMoneyText(const std::string& field, const v1::Money& money);

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_CHANGE_TEXT_H_
