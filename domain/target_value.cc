#include "domain/target_value.h"

#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "domain/strings.h"
#include "domain/text_limits.h"

namespace renstra {
namespace {

constexpr std::string_view kEnDash = "\xE2\x80\x93";
constexpr std::string_view kNbsp = "\xC2\xA0";

bool IsSpace(char c) { return absl::ascii_isspace(static_cast<unsigned char>(c)); }
// Trims and collapses runs of whitespace (non-breaking spaces too) into one space:
// PDF-extracted cells carry incidental padding that is layout, not content.
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

void SkipSpace(std::string_view& s) {
  if (!s.empty() && s[0] == ' ') s.remove_prefix(1);
}

bool ConsumePrefix(std::string_view& s, std::string_view prefix) {
  if (s.substr(0, prefix.size()) != prefix) return false;
  s.remove_prefix(prefix.size());
  return true;
}

// Reads a bound operator; "≥"/"≤" become ">="/"<=". Two-character forms first so ">="
// is not read as ">" followed by "=".
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

// The longest prefix that can be a number: an optional minus directly followed by
// digits, dots and commas. Decimal decides whether it is well formed.
std::string_view ConsumeNumberToken(std::string_view& s) {
  size_t n = (s.size() >= 2 && s[0] == '-' && IsAsciiDigit(s[1])) ? 1 : 0;
  if (n == 0 && (s.empty() || !IsAsciiDigit(s[0]))) return {};
  while (n < s.size() && (IsAsciiDigit(s[n]) || s[n] == '.' || s[n] == ',')) ++n;
  std::string_view token = s.substr(0, n);
  s.remove_prefix(n);
  return token;
}

// A unit starts with a letter (ASCII, or a UTF-8 lead byte for non-ASCII letters).
bool StartsUnit(char c) {
  return absl::ascii_isalpha(static_cast<unsigned char>(c)) ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool HasHigh(TargetValue::Kind k) {
  return k == TargetValue::Kind::kRange || k == TargetValue::Kind::kBoundRange;
}
bool HasOp(TargetValue::Kind k) {
  return k == TargetValue::Kind::kBound || k == TargetValue::Kind::kBoundRange;
}

v1::TargetValue::Kind KindToProto(TargetValue::Kind k) {
  switch (k) {
    case TargetValue::Kind::kEmpty:
      return v1::TargetValue::EMPTY;
    case TargetValue::Kind::kNone:
      return v1::TargetValue::NONE;
    case TargetValue::Kind::kNotAvailable:
      return v1::TargetValue::NOT_AVAILABLE;
    case TargetValue::Kind::kNumber:
      return v1::TargetValue::NUMBER;
    case TargetValue::Kind::kPercent:
      return v1::TargetValue::PERCENT;
    case TargetValue::Kind::kRange:
      return v1::TargetValue::RANGE;
    case TargetValue::Kind::kBound:
      return v1::TargetValue::BOUND;
    case TargetValue::Kind::kBoundRange:
      return v1::TargetValue::BOUND_RANGE;
  }
  return v1::TargetValue::KIND_UNSPECIFIED;
}

TargetValue::Kind KindFromProto(v1::TargetValue::Kind k) {
  switch (k) {
    case v1::TargetValue::NONE:
      return TargetValue::Kind::kNone;
    case v1::TargetValue::NOT_AVAILABLE:
      return TargetValue::Kind::kNotAvailable;
    case v1::TargetValue::NUMBER:
      return TargetValue::Kind::kNumber;
    case v1::TargetValue::PERCENT:
      return TargetValue::Kind::kPercent;
    case v1::TargetValue::RANGE:
      return TargetValue::Kind::kRange;
    case v1::TargetValue::BOUND:
      return TargetValue::Kind::kBound;
    case v1::TargetValue::BOUND_RANGE:
      return TargetValue::Kind::kBoundRange;
    default:  // EMPTY, KIND_UNSPECIFIED and values from a newer schema.
      return TargetValue::Kind::kEmpty;
  }
}

}  // namespace

TargetValue TargetValue::Number(Decimal value, std::string unit) {
  TargetValue t;
  t.kind_ = Kind::kNumber;
  t.low_ = value;
  if (!unit.empty()) t.mutable_texts().unit = std::move(unit);
  return t;
}

TargetValue TargetValue::Percent(Decimal value) {
  TargetValue t;
  t.kind_ = Kind::kPercent;
  t.low_ = value;
  t.mutable_texts().unit.assign(1, '%');  // not = "%": GCC 12 -O3 warns falsely (PR105329)
  return t;
}

TargetValue TargetValue::None() {
  TargetValue t;
  t.kind_ = Kind::kNone;
  return t;
}

TargetValue TargetValue::NotAvailable() {
  TargetValue t;
  t.kind_ = Kind::kNotAvailable;
  return t;
}

absl::StatusOr<TargetValue> TargetValue::Parse(std::string_view text) {
  const std::string cell = NormalizeSpaces(text);
  auto invalid = [&cell](absl::string_view reason) {
    return absl::InvalidArgumentError(absl::StrCat("target \"", SafePrefix(cell), "\": ", reason));
  };

  TargetValue t;
  if (cell.empty()) return t;
  t.mutable_texts().written = cell;
  if (cell == "-" || cell == kEnDash) {
    t.kind_ = Kind::kNone;
    return t;
  }
  if (absl::EqualsIgnoreCase(cell, "n/a") || absl::EqualsIgnoreCase(cell, "na")) {
    t.kind_ = Kind::kNotAvailable;
    return t;
  }

  std::string_view rest = cell;
  t.mutable_texts().bound_op = ConsumeBoundOp(rest);
  SkipSpace(rest);
  if (!t.bound_op().empty() && rest.empty()) return invalid("bound without a number");

  const std::string_view low_text = ConsumeNumberToken(rest);
  if (low_text.empty()) return invalid("expected a number");
  absl::StatusOr<Decimal> low = Decimal::ParseIndonesianReason(low_text);
  if (!low.ok()) return invalid(low.status().message());
  t.low_ = *low;
  SkipSpace(rest);

  bool range = false;
  if (ConsumePrefix(rest, "-") || ConsumePrefix(rest, kEnDash)) {
    range = true;
    SkipSpace(rest);
    const std::string_view high_text = ConsumeNumberToken(rest);
    if (high_text.empty()) return invalid("range without a high end");
    absl::StatusOr<Decimal> high = Decimal::ParseIndonesianReason(high_text);
    if (!high.ok()) return invalid(high.status().message());
    t.high_ = *high;
    if (t.low_ > t.high_) {
      return invalid(absl::StrCat("range low end ", t.low_.ToIndonesian(),
                                  " is above its high end ", t.high_.ToIndonesian()));
    }
    SkipSpace(rest);
  }

  if (rest == "%") {
    t.mutable_texts().unit.assign(1, '%');
  } else if (!rest.empty()) {
    if (!StartsUnit(rest[0])) {
      return invalid(absl::StrCat("unexpected \"", SafePrefix(rest), "\" after the number"));
    }
    t.mutable_texts().unit = std::string(rest);
  }

  if (!t.bound_op().empty()) {
    t.kind_ = range ? Kind::kBoundRange : Kind::kBound;
  } else if (range) {
    t.kind_ = Kind::kRange;
  } else {
    t.kind_ = t.unit() == "%" ? Kind::kPercent : Kind::kNumber;
  }
  return t;
}

bool TargetValue::IsBlank() const {
  return kind_ == Kind::kEmpty || kind_ == Kind::kNone || kind_ == Kind::kNotAvailable;
}

std::string TargetValue::NormalizedUnit() const {
  if (kind_ == Kind::kPercent) return "%";
  return absl::AsciiStrToLower(unit());
}

std::string TargetValue::ToIndonesian() const {
  switch (kind_) {
    case Kind::kEmpty:
      return "";
    case Kind::kNone:
      return "-";
    case Kind::kNotAvailable:
      return "N/A";
    default:
      break;
  }
  std::string out;
  if (HasOp(kind_)) absl::StrAppend(&out, bound_op(), " ");
  absl::StrAppend(&out, low_.ToIndonesian());
  if (HasHigh(kind_)) absl::StrAppend(&out, "-", high_.ToIndonesian());
  // "%" sticks to the number ("100%"); a word unit is separated ("36 Dokumen").
  if (kind_ == Kind::kPercent || unit() == "%") {
    out.push_back('%');
  } else if (!unit().empty()) {
    absl::StrAppend(&out, " ", unit());
  }
  return out;
}

std::string TargetValue::Display() const { return written().empty() ? ToIndonesian() : written(); }

bool operator==(const TargetValue& a, const TargetValue& b) {
  if (a.kind_ != b.kind_) return false;
  if (a.IsBlank()) return true;
  if (a.low_ != b.low_ || a.NormalizedUnit() != b.NormalizedUnit()) return false;
  if (HasHigh(a.kind_) && a.high_ != b.high_) return false;
  if (HasOp(a.kind_) && a.bound_op() != b.bound_op()) return false;
  return true;
}

void TargetValue::ToProto(v1::TargetValue* out) const {
  out->set_kind(KindToProto(kind_));
  // Numbers only where the kind uses them: a message carries nothing the value ignores.
  if (!IsBlank()) low_.ToProto(out->mutable_low());
  if (HasHigh(kind_)) high_.ToProto(out->mutable_high());
  out->set_unit(unit());
  out->set_bound_op(bound_op());
  out->set_written(written());
}

TargetValue TargetValue::FromProto(const v1::TargetValue& in) {
  TargetValue t;
  t.kind_ = KindFromProto(in.kind());
  t.low_ = Decimal::FromProto(in.low());
  t.high_ = Decimal::FromProto(in.high());
  if (!in.unit().empty() || !in.bound_op().empty() || !in.written().empty()) {
    t.texts_ = std::make_unique<Texts>(Texts{in.unit(), in.bound_op(), in.written()});
  }
  return t;
}

TargetValue::TargetValue(const TargetValue& other)
    : kind_(other.kind_),
      low_(other.low_),
      high_(other.high_),
      texts_(other.texts_ ? std::make_unique<Texts>(*other.texts_) : nullptr) {}

TargetValue& TargetValue::operator=(const TargetValue& other) {
  if (this != &other) {
    kind_ = other.kind_;
    low_ = other.low_;
    high_ = other.high_;
    if (!other.texts_) {
      texts_.reset();
    } else if (texts_) {
      *texts_ = *other.texts_;
    } else {
      texts_ = std::make_unique<Texts>(*other.texts_);
    }
  }
  return *this;
}

const TargetValue::Texts& TargetValue::texts() const {
  static const Texts* const kNone = new Texts();  // never destroyed: no exit-order issue
  return texts_ ? *texts_ : *kNone;
}

TargetValue::Texts& TargetValue::mutable_texts() {
  if (!texts_) texts_ = std::make_unique<Texts>();
  return *texts_;
}

}  // namespace renstra
