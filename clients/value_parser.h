// Value parsing for the CLI: targets and Rupiah amounts typed the way Indonesians write
// them (thousands with dots, decimals with a comma: "139.700 Orang", "4,19-4,90",
// "1.234.567"), turned into the API's exact value messages (v1::TargetValue, v1::Money).
//
// The client links only the generated stubs (docs/architecture.md, "Layers"), so this is the
// client's own reader; it accepts the forms the server's domain reads (see
// domain/target_value.h) and keeps the text as typed in `written`. The server checks
// the value again against the indicator (unit, year).
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

// "0", "36", "139.700", "4,19", "1.234,5", "-3,5": dots group exactly three digits, a
// comma starts at most six decimals.
std::optional<v1::Decimal> ParseIndonesianDecimal(std::string_view text, std::string* error);

// A target: "220 Orang", "1349Orang", "100%", "4,19-4,90", "> 351", ">= 201-350",
// "N/A", "-". Surrounding spaces are dropped and inner runs collapse to one.
std::optional<v1::TargetValue> ParseTarget(std::string_view text, std::string* error);

// Whole Rupiah: "1.234.567", "1234567", "Rp 1.234.567", "1.234.567,00". Negative
// amounts, fractions of a Rupiah and "-" are refused. `written` keeps the number as
// typed, without "Rp".
std::optional<v1::Money> ParseRupiah(std::string_view text, std::string* error);

}  // namespace renstra

#endif  // RENSTRA_CLIENTS_VALUE_PARSER_H_
