// Value parsing for the CLI: targets and Rupiah amounts typed the way Indonesians write
// them (thousands with dots, decimals with a comma: "139.700 Orang", "4,19-4,90",
// "1.234.567"), turned into the API's exact value messages (v1::TargetValue, v1::Money).
//
// The readers are the domain's own (domain/target_value.h, domain/money.h, linked from
// the pure renstra_domain_values library), so the CLI accepts exactly what the server
// reads, with the same error messages. The CLI adds one rule of its own: a change or a
// realization states a value, so a blank target and an absent amount ("", "-" for
// money) are refused here rather than sent. The server checks the value again against
// the indicator (unit, year).
//
// Thread safety: pure functions.
// Errors: std::nullopt, with *error set to a sentence naming the text and the reason.
#ifndef RENSTRA_CLIENTS_VALUE_PARSER_H_
#define RENSTRA_CLIENTS_VALUE_PARSER_H_

#include <optional>
#include <string>
#include <string_view>

#include "renstra/v1/values.pb.h"

namespace renstra {

// A target: "220 Orang", "1349Orang", "100%", "4,19-4,90", "> 351", ">= 201-350",
// "N/A", "-" (TargetValue::Parse). Surrounding spaces are dropped and inner runs
// collapse to one; `written` keeps the text so normalized.
std::optional<v1::TargetValue> ParseTarget(std::string_view text, std::string* error);

// Whole Rupiah: "1.234.567", "1234567", "Rp 1.234.567", "1.234.567,00" (Money::Parse).
// Negative amounts, fractions of a Rupiah, "" and "-" are refused. `written` keeps the
// number as typed, without "Rp" (the currency is the field's, not the value's).
std::optional<v1::Money> ParseRupiah(std::string_view text, std::string* error);

}  // namespace renstra

#endif  // RENSTRA_CLIENTS_VALUE_PARSER_H_
