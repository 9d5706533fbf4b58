#include "clients/value_parser.h"

#include <cstdint>
#include <utility>

namespace renstra {
namespace {

constexpr int kMaxScale = 6;
constexpr std::string_view kEnDash = "\xE2\x80\x93";
constexpr std::string_view kNbsp = "\xC2\xA0";

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
// The ASCII white space of absl::ascii_isspace (\v included), as the domain trims it.
bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}
bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Trims, and collapses runs of white space (non-breaking spaces too) into one space.
std::string NormalizeSpaces(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    bool space = IsSpace(text[i]);
    if (!space && text.substr(i, kNbsp.size()) == kNbsp) {
      space = true;
      i += kNbsp.size() - 1;
    }
    if (space) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(text[i]);
  }
  return out;
}

bool ConsumePrefix(std::string_view& s, std::string_view prefix) {
  if (s.substr(0, prefix.size()) != prefix) return false;
  s.remove_prefix(prefix.size());
  return true;
}

void SkipSpace(std::string_view& s) {
  if (!s.empty() && s[0] == ' ') s.remove_prefix(1);
}

// ">=", "<=", "≥", "≤", ">", "<" (two-character forms first); "" if none.
std::string ConsumeBoundOp(std::string_view& s) {
  static constexpr std::pair<std::string_view, std::string_view> kOps[] = {
      {">=", ">="},           {"<=", "<="}, {"\xE2\x89\xA5", ">="},
      {"\xE2\x89\xA4", "<="}, {">", ">"},   {"<", "<"},
  };
  for (const auto& [spelling, op] : kOps) {
    if (ConsumePrefix(s, spelling)) return std::string(op);
  }
  return "";
}

// The longest prefix that can be a number: digits, dots and commas.
std::string_view ConsumeNumberToken(std::string_view& s) {
  size_t n = 0;
  if (s.empty() || !IsDigit(s[0])) return {};
  while (n < s.size() && (IsDigit(s[n]) || s[n] == '.' || s[n] == ',')) ++n;
  std::string_view token = s.substr(0, n);
  s.remove_prefix(n);
  return token;
}

// Plain digits, or a first group of 1-3 digits then groups of exactly three after each
// dot. "4.19" is how English writes a decimal: refused rather than read as 419.
bool CheckIntegerPart(std::string_view part, std::string* reason) {
  if (part.find('.') == std::string_view::npos) return true;
  size_t start = 0;
  bool first = true;
  while (true) {
    const size_t dot = part.find('.', start);
    const std::string_view group =
        part.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (group.empty()) {
      *reason = "misplaced thousands dot";
      return false;
    }
    if ((first && (group.size() > 3 || group[0] == '0')) || (!first && group.size() != 3)) {
      *reason = "thousands groups must have three digits (write decimals with a comma: 4,19)";
      return false;
    }
    if (dot == std::string_view::npos) return true;
    start = dot + 1;
    first = false;
  }
}

// ParseIndonesianDecimal without the text in the message.
std::optional<v1::Decimal> ParseDecimalReason(std::string_view s, std::string* reason) {
  const bool negative = !s.empty() && s[0] == '-';
  if (negative) s.remove_prefix(1);
  for (char c : s) {
    if (!IsDigit(c) && c != '.' && c != ',') {
      *reason = "unexpected character '" + std::string(1, c) + "'";
      return std::nullopt;
    }
  }
  const size_t comma = s.find(',');
  const std::string_view int_part = s.substr(0, comma);
  const std::string_view frac =
      comma == std::string_view::npos ? std::string_view() : s.substr(comma + 1);
  if (int_part.empty()) {
    *reason = "no digits";
  } else if (frac.find(',') != std::string_view::npos) {
    *reason = "more than one decimal comma";
  } else if (frac.find('.') != std::string_view::npos) {
    *reason = "thousands dot after the decimal comma";
  } else if (comma != std::string_view::npos && frac.empty()) {
    *reason = "no digits after the decimal comma";
  } else if (frac.size() > static_cast<size_t>(kMaxScale)) {
    *reason = "more than " + std::to_string(kMaxScale) + " decimals";
  } else if (CheckIntegerPart(int_part, reason)) {
    int64_t units = 0;
    for (char c : s) {
      if (!IsDigit(c)) continue;
      if (__builtin_mul_overflow(units, 10, &units) ||
          __builtin_add_overflow(units, c - '0', &units)) {
        *reason = "number too large";
        return std::nullopt;
      }
    }
    v1::Decimal out;
    out.set_units(negative ? -units : units);
    out.set_scale(static_cast<int32_t>(frac.size()));
    return out;
  }
  return std::nullopt;
}

bool Greater(const v1::Decimal& a, const v1::Decimal& b) {
  // Compare at the larger scale; plan values are far from the int64 limit.
  __int128 x = a.units();
  __int128 y = b.units();
  for (int i = a.scale(); i < b.scale(); ++i) x *= 10;
  for (int i = b.scale(); i < a.scale(); ++i) y *= 10;
  return x > y;
}

}  // namespace

std::optional<v1::Decimal> ParseIndonesianDecimal(std::string_view text, std::string* error) {
  std::string reason;
  std::optional<v1::Decimal> d = ParseDecimalReason(text, &reason);
  if (!d) *error = "number \"" + std::string(text) + "\": " + reason;
  return d;
}

std::optional<v1::TargetValue> ParseTarget(std::string_view text, std::string* error) {
  const std::string cell = NormalizeSpaces(text);
  auto invalid = [&](const std::string& reason) {
    *error = "target \"" + cell + "\": " + reason;
    return std::nullopt;
  };
  v1::TargetValue t;
  t.set_written(cell);
  if (cell.empty()) return invalid("empty (write \"-\" for nothing planned)");
  if (cell == "-" || cell == kEnDash) {
    t.set_kind(v1::TargetValue::NONE);
    return t;
  }
  if (Lower(cell) == "n/a" || Lower(cell) == "na") {
    t.set_kind(v1::TargetValue::NOT_AVAILABLE);
    return t;
  }

  std::string_view rest = cell;
  t.set_bound_op(ConsumeBoundOp(rest));
  SkipSpace(rest);
  const std::string_view low_text = ConsumeNumberToken(rest);
  if (low_text.empty()) return invalid("expected a number");
  std::string reason;
  std::optional<v1::Decimal> low = ParseDecimalReason(low_text, &reason);
  if (!low) return invalid(reason);
  *t.mutable_low() = *low;
  SkipSpace(rest);

  bool range = false;
  if (ConsumePrefix(rest, "-") || ConsumePrefix(rest, kEnDash)) {
    range = true;
    SkipSpace(rest);
    const std::string_view high_text = ConsumeNumberToken(rest);
    if (high_text.empty()) return invalid("range without a high end");
    std::optional<v1::Decimal> high = ParseDecimalReason(high_text, &reason);
    if (!high) return invalid(reason);
    if (Greater(*low, *high)) return invalid("range low end is above its high end");
    *t.mutable_high() = *high;
    SkipSpace(rest);
  }

  if (rest == "%") {
    t.set_unit("%");
  } else if (!rest.empty()) {
    // A unit starts with a letter (ASCII, or a UTF-8 lead byte).
    if (!IsAsciiAlpha(rest[0]) && static_cast<unsigned char>(rest[0]) < 0x80) {
      return invalid("unexpected \"" + std::string(rest) + "\" after the number");
    }
    t.set_unit(std::string(rest));
  }

  if (!t.bound_op().empty()) {
    t.set_kind(range ? v1::TargetValue::BOUND_RANGE : v1::TargetValue::BOUND);
  } else if (range) {
    t.set_kind(v1::TargetValue::RANGE);
  } else {
    t.set_kind(t.unit() == "%" ? v1::TargetValue::PERCENT : v1::TargetValue::NUMBER);
  }
  return t;
}

std::optional<v1::Money> ParseRupiah(std::string_view text, std::string* error) {
  const std::string written = NormalizeSpaces(text);
  auto invalid = [&](const std::string& reason) {
    *error = "amount \"" + written + "\": " + reason;
    return std::nullopt;
  };
  std::string_view number = written;
  if (number.size() >= 2 && Lower(number.substr(0, 2)) == "rp") {
    // The currency is the column's, not the cell's: the written form keeps the number.
    number.remove_prefix(2);
    ConsumePrefix(number, ".");
    SkipSpace(number);
  }
  const std::string number_written(number);
  if (number.empty() || number == "-") return invalid("expected whole Rupiah, e.g. 1.234.567");
  if (number[0] == '-') return invalid("negative amount");
  // Zero decimals ("1.234.567,00") are how some tables print every amount.
  if (const size_t comma = number.find(','); comma != std::string_view::npos) {
    const std::string_view decimals = number.substr(comma + 1);
    if (!decimals.empty() && decimals.find_first_not_of('0') == std::string_view::npos) {
      number = number.substr(0, comma);
    }
  }
  std::string reason;
  std::optional<v1::Decimal> d = ParseDecimalReason(number, &reason);
  if (!d) return invalid(reason);
  if (d->scale() != 0) return invalid("a fraction of a Rupiah");
  v1::Money money;
  money.set_rupiah(d->units());
  money.set_present(true);
  money.set_written(number_written);
  return money;
}

}  // namespace renstra
