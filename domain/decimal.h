// Decimal: an exact decimal number (units / 10^scale), read and printed the Indonesian
// way: dots group thousands, a comma separates the decimals ("139.700", "4,19").
//
// Never a double: targets, ratios and sums stay exact; rounding happens once, at the edge.
// Value type; thread-compatible.
#ifndef RENSTRA_DOMAIN_DECIMAL_H_
#define RENSTRA_DOMAIN_DECIMAL_H_

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "renstra/v1/values.pb.h"

namespace renstra {

// The hint the id-notation reader adds to a thousands-group error: the likely mistake
// is an English decimal point ("4.19"). A reader of another notation removes it.
inline constexpr std::string_view kIdDecimalCommaHint = " (write decimals with a comma: 4,19)";

class Decimal {
 public:
  static constexpr int kMaxScale = 6;

  Decimal() = default;
  // units / 10^scale; scale in 0..kMaxScale.
  Decimal(int64_t units, int scale);
  static Decimal FromInt(int64_t value) { return Decimal(value, 0); }

  // Parses "0", "36", "139.700", "1.234.567", "4,19", "1.234,5", "-3,5".
  // Dots are thousands separators and must group exactly three digits; a comma is the
  // decimal separator (at most kMaxScale digits after it). INVALID_ARGUMENT otherwise,
  // naming the text and the reason. Trailing zeros after the comma are kept in the
  // scale ("4,90" has scale 2) so the value prints as written. Surrounding ASCII
  // whitespace is ignored.
  static absl::StatusOr<Decimal> ParseIndonesian(std::string_view text);
  // As ParseIndonesian (without trimming), but the INVALID_ARGUMENT message is the bare reason
  // ("thousands groups must have three digits"), for callers that name their own field and text
  // (Money, TargetValue).
  static absl::StatusOr<Decimal> ParseIndonesianReason(std::string_view text);

  // "139.700", "4,19", "-3,5": thousands with dots, decimals with a comma, all
  // `scale()` decimals printed.
  std::string ToIndonesian() const;

  int64_t units() const { return units_; }
  int scale() const { return scale_; }
  bool IsInteger() const;
  // The integer part when IsInteger(); truncates toward zero otherwise.
  int64_t IntegerPart() const;

  // Exact sum; the result has the larger scale of the two. std::nullopt when it does not
  // fit (more than int64 units at that scale): values come from tables and requests,
  // so a sum of them can overflow ("9.223.372.036.854.775.807" is a valid target).
  static std::optional<Decimal> CheckedAdd(const Decimal& a, const Decimal& b);
  // CheckedAdd for sums known to fit (asserted; constants and tests).
  Decimal operator+(const Decimal& other) const;

  // Numeric comparison: 4,9 == 4,90.
  friend bool operator==(const Decimal& a, const Decimal& b);
  friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);

  void ToProto(v1::Decimal* out) const;
  static Decimal FromProto(const v1::Decimal& in);

 private:
  int64_t units_ = 0;
  int scale_ = 0;
};

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_DECIMAL_H_
