#include "domain/decimal.h"

#include <algorithm>
#include <cassert>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "domain/strings.h"
#include "domain/text_limits.h"

namespace renstra {
namespace {

constexpr int64_t kPow10[Decimal::kMaxScale + 1] = {1, 10, 100, 1000, 10000, 100000, 1000000};

absl::Status Reason(std::string_view reason) { return absl::InvalidArgumentError(AsAbsl(reason)); }

// The value scaled to `scale` decimals (scale >= d.scale()). 128 bits so that any int64
// times 10^6 fits: comparisons and sums never overflow on the way.
__int128 Rescaled(const Decimal& d, int scale) {
  return static_cast<__int128>(d.units()) * kPow10[scale - d.scale()];
}

// Checks the integer part: plain digits ("1234567"), or a first group of 1-3 digits
// followed by groups of exactly three after each dot ("1.234.567"). A dot followed by
// one or two digits ("4.19") is how English writes decimals: rejecting it keeps a
// mistyped decimal from becoming a value a hundred times too large.
// The hint names the likely mistake: an English decimal point ("4.19").
constexpr std::string_view kGroupsOfThree =
    "thousands groups must have three digits (write decimals with a comma: 4,19)";
static_assert(kGroupsOfThree.ends_with(kIdDecimalCommaHint));

absl::Status CheckIntegerPart(std::string_view part) {
  if (part.find('.') == std::string_view::npos) return absl::OkStatus();
  size_t start = 0;
  bool first = true;
  while (true) {
    const size_t dot = part.find('.', start);
    const std::string_view group =
        part.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (group.empty()) return Reason("misplaced thousands dot");
    if (first) {
      if (group.size() > 3) return Reason(kGroupsOfThree);
      // "0.500" reads as an English decimal, not as five hundred.
      if (group[0] == '0') return Reason("leading zero before a thousands dot");
    } else if (group.size() != 3) {
      return Reason(kGroupsOfThree);
    }
    if (dot == std::string_view::npos) return absl::OkStatus();
    start = dot + 1;
    first = false;
  }
}

}  // namespace

Decimal::Decimal(int64_t units, int scale) : units_(units), scale_(scale) {
  assert(scale >= 0 && scale <= kMaxScale);
}

absl::StatusOr<Decimal> Decimal::ParseIndonesianReason(std::string_view text) {
  std::string_view s = text;
  const bool negative = !s.empty() && s[0] == '-';
  if (negative) s.remove_prefix(1);
  for (char c : s) {
    if (IsAsciiDigit(c) || c == '.' || c == ',') continue;
    if (absl::ascii_isgraph(static_cast<unsigned char>(c))) {
      return Reason(absl::StrCat("unexpected character '", std::string(1, c), "'"));
    }
    return Reason("unexpected character");
  }
  if (s.empty()) return Reason("no digits");

  const size_t comma = s.find(',');
  const std::string_view int_part = s.substr(0, comma);
  const std::string_view frac =
      comma == std::string_view::npos ? std::string_view() : s.substr(comma + 1);
  if (frac.find(',') != std::string_view::npos) return Reason("more than one decimal comma");
  if (frac.find('.') != std::string_view::npos) {
    return Reason("thousands dot after the decimal comma");
  }
  if (comma != std::string_view::npos && frac.empty()) {
    return Reason("no digits after the decimal comma");
  }
  if (int_part.empty()) {
    return Reason(comma != std::string_view::npos ? "no digits before the decimal comma"
                                                  : "no digits");
  }
  if (frac.size() > static_cast<size_t>(kMaxScale)) {
    return Reason(absl::StrCat("more than ", kMaxScale, " decimals"));
  }
  if (absl::Status st = CheckIntegerPart(int_part); !st.ok()) return st;

  int64_t units = 0;
  for (char c : s) {
    if (!IsAsciiDigit(c)) continue;
    if (__builtin_mul_overflow(units, 10, &units) ||
        __builtin_add_overflow(units, c - '0', &units)) {
      return Reason("number too large");
    }
  }
  return Decimal(negative ? -units : units, static_cast<int>(frac.size()));
}

absl::StatusOr<Decimal> Decimal::ParseIndonesian(std::string_view text) {
  // Surrounding spaces are cell padding, not part of the number.
  const std::string_view trimmed = TrimAscii(text);
  absl::StatusOr<Decimal> d = ParseIndonesianReason(trimmed);
  if (!d.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("number \"", SafePrefix(trimmed), "\": ", d.status().message()));
  }
  return d;
}

std::string Decimal::ToIndonesian() const {
  // Unsigned magnitude so that INT64_MIN prints too.
  const uint64_t magnitude =
      units_ < 0 ? 0 - static_cast<uint64_t>(units_) : static_cast<uint64_t>(units_);
  const uint64_t pow = static_cast<uint64_t>(kPow10[scale_]);
  const std::string digits = std::to_string(magnitude / pow);

  std::string out = units_ < 0 ? "-" : "";
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back('.');
    out.push_back(digits[i]);
  }
  if (scale_ > 0) {
    std::string frac = std::to_string(magnitude % pow);
    out.push_back(',');
    out.append(scale_ - frac.size(), '0');
    out.append(frac);
  }
  return out;
}

bool Decimal::IsInteger() const { return units_ % kPow10[scale_] == 0; }

int64_t Decimal::IntegerPart() const { return units_ / kPow10[scale_]; }

std::optional<Decimal> Decimal::CheckedAdd(const Decimal& a, const Decimal& b) {
  const int scale = std::max(a.scale_, b.scale_);
  const __int128 sum = Rescaled(a, scale) + Rescaled(b, scale);
  if (sum < INT64_MIN || sum > INT64_MAX) return std::nullopt;
  return Decimal(static_cast<int64_t>(sum), scale);
}

Decimal Decimal::operator+(const Decimal& other) const {
  const std::optional<Decimal> sum = CheckedAdd(*this, other);
  assert(sum.has_value());
  return sum.value_or(Decimal());
}

bool operator==(const Decimal& a, const Decimal& b) { return (a <=> b) == 0; }

std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
  const int scale = std::max(a.scale_, b.scale_);
  const __int128 x = Rescaled(a, scale);
  const __int128 y = Rescaled(b, scale);
  if (x < y) return std::strong_ordering::less;
  if (x > y) return std::strong_ordering::greater;
  return std::strong_ordering::equal;
}

void Decimal::ToProto(v1::Decimal* out) const {
  out->set_units(units_);
  out->set_scale(scale_);
}

Decimal Decimal::FromProto(const v1::Decimal& in) {
  // Only ToProto writes these messages, so the scale is in range; clamping keeps a
  // corrupt message from indexing past the power table.
  return Decimal(in.units(), std::clamp(in.scale(), 0, kMaxScale));
}

}  // namespace renstra
