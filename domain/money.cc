#include "domain/money.h"

#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "domain/decimal.h"
#include "domain/strings.h"
#include "domain/text_limits.h"

namespace renstra {
namespace {

// True for ",0", ",00", ...: zero decimals, which some tables print after every amount.
bool IsZeroDecimals(std::string_view s) {
  if (s.size() < 2 || s[0] != ',') return false;
  for (char c : s.substr(1)) {
    if (c != '0') return false;
  }
  return true;
}

absl::Status Invalid(std::string_view text, absl::string_view reason) {
  return absl::InvalidArgumentError(absl::StrCat("money \"", SafePrefix(text), "\": ", reason));
}

}  // namespace

Money Money::Rupiah(int64_t rupiah) {
  Money m;
  m.rupiah_ = rupiah;
  m.present_ = true;
  return m;
}

Money Money::Absent(std::string written) {
  Money m;
  m.written_ = std::move(written);
  return m;
}

std::string_view WithoutCurrency(std::string_view text) {
  if (text.size() >= 2 && absl::ascii_tolower(static_cast<unsigned char>(text[0])) == 'r' &&
      absl::ascii_tolower(static_cast<unsigned char>(text[1])) == 'p') {
    text.remove_prefix(2);
    if (!text.empty() && text[0] == '.') text.remove_prefix(1);
    text = TrimAscii(text);
  }
  return text;
}

absl::StatusOr<Money> Money::Parse(std::string_view text) {
  const std::string_view trimmed = TrimAscii(text);
  if (trimmed.empty() || trimmed == "-") return Absent(std::string(trimmed));

  std::string_view number = WithoutCurrency(trimmed);
  if (!number.empty() && number[0] == '-') return Invalid(trimmed, "negative amount");
  // Strip zero decimals before parsing, so they cannot push an amount near the int64
  // limit into overflow when scaled.
  if (const size_t comma = number.find(',');
      comma != std::string_view::npos && IsZeroDecimals(number.substr(comma))) {
    number = number.substr(0, comma);
  }
  absl::StatusOr<Decimal> d = Decimal::ParseIndonesianReason(number);
  if (!d.ok()) return Invalid(trimmed, d.status().message());
  if (d->scale() != 0) return Invalid(trimmed, "a fraction of a Rupiah");

  Money m = Rupiah(d->units());
  m.written_ = std::string(trimmed);
  return m;
}

std::string Money::ToIndonesian() const { return present_ ? FormatRupiah(rupiah_) : "-"; }

std::string Money::Display() const { return written_.empty() ? ToIndonesian() : written_; }

void Money::ToProto(v1::Money* out) const {
  out->set_rupiah(rupiah_);
  out->set_present(present_);
  out->set_written(written_);
}

Money Money::FromProto(const v1::Money& in) {
  Money m;
  m.present_ = in.present();
  // rupiah() is 0 when absent, whatever the message carries.
  m.rupiah_ = in.present() ? in.rupiah() : 0;
  m.written_ = in.written();
  return m;
}

std::string FormatRupiah(int64_t rupiah) { return Decimal::FromInt(rupiah).ToIndonesian(); }

std::optional<int64_t> CheckedAdd(int64_t a, int64_t b) {
  int64_t sum;
  if (__builtin_add_overflow(a, b, &sum)) return std::nullopt;
  return sum;
}

int64_t SaturatingAdd(int64_t a, int64_t b) {
  int64_t sum;
  if (!__builtin_add_overflow(a, b, &sum)) return sum;
  return b > 0 ? INT64_MAX : INT64_MIN;
}

}  // namespace renstra
