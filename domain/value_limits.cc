#include "domain/value_limits.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "domain/money.h"
#include "domain/strings.h"
#include "domain/target_value.h"

namespace renstra {
namespace {

absl::Status Invalid(std::string_view field, std::string_view reason) {
  return absl::InvalidArgumentError(absl::StrCat(AsAbsl(field), ": ", AsAbsl(reason)));
}

// A text quoted for an error message: at most kMaxEcho bytes of it (cut before a UTF-8
// continuation byte), so that a huge value cannot blow up the error itself.
std::string ShortQuote(std::string_view text) {
  constexpr size_t kMaxEcho = 40;
  if (text.size() <= kMaxEcho) return absl::StrCat("\"", AsAbsl(text), "\"");
  size_t n = kMaxEcho;
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  return absl::StrCat("\"", AsAbsl(text.substr(0, n)), "\"…");
}

bool IsBoundOp(std::string_view op) { return op == ">" || op == ">=" || op == "<" || op == "<="; }

bool HasLow(v1::TargetValue::Kind k) {
  return k == v1::TargetValue::NUMBER || k == v1::TargetValue::PERCENT ||
         k == v1::TargetValue::RANGE || k == v1::TargetValue::BOUND ||
         k == v1::TargetValue::BOUND_RANGE;
}
bool HasHigh(v1::TargetValue::Kind k) {
  return k == v1::TargetValue::RANGE || k == v1::TargetValue::BOUND_RANGE;
}
bool HasOp(v1::TargetValue::Kind k) {
  return k == v1::TargetValue::BOUND || k == v1::TargetValue::BOUND_RANGE;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

absl::Status CheckTargetNumber(std::string_view field, const Decimal& value) {
  if (value.scale() > kMaxValueScale) {
    return Invalid(absl::StrCat(AsAbsl(field), ".scale"),
                   absl::StrCat(value.scale(), " exceeds the maximum scale ", kMaxValueScale));
  }
  if (value < Decimal()) {
    return Invalid(field, absl::StrCat(value.ToIndonesian(), " is negative"));
  }
  if (value > Decimal::FromInt(kMaxTargetValue)) {
    return Invalid(field, absl::StrCat(value.ToIndonesian(), " exceeds the maximum ",
                                       Decimal::FromInt(kMaxTargetValue).ToIndonesian()));
  }
  return absl::OkStatus();
}

absl::Status CheckTargetNumberMessage(std::string_view field, const v1::Decimal& value) {
  if (value.scale() < 0) {
    return Invalid(absl::StrCat(AsAbsl(field), ".scale"),
                   absl::StrCat(value.scale(), " is negative; a scale is 0..", kMaxValueScale));
  }
  if (value.scale() > kMaxValueScale) {
    return Invalid(absl::StrCat(AsAbsl(field), ".scale"),
                   absl::StrCat(value.scale(), " exceeds the maximum scale ", kMaxValueScale));
  }
  return CheckTargetNumber(field, Decimal::FromProto(value));
}

absl::Status CheckTargetValueMessage(std::string_view field, const v1::TargetValue& value) {
  const v1::TargetValue::Kind kind = value.kind();
  if (!v1::TargetValue::Kind_IsValid(kind)) {
    return Invalid(absl::StrCat(AsAbsl(field), ".kind"),
                   absl::StrCat(static_cast<int>(kind), " is not a known kind"));
  }
  if (kind == v1::TargetValue::KIND_UNSPECIFIED || kind == v1::TargetValue::EMPTY) {
    return absl::OkStatus();
  }
  const std::string kind_name = v1::TargetValue::Kind_Name(kind);
  if (HasLow(kind)) {
    if (absl::Status s = CheckTargetNumberMessage(absl::StrCat(AsAbsl(field), ".low"), value.low());
        !s.ok()) {
      return s;
    }
  } else if (value.has_low()) {
    return Invalid(absl::StrCat(AsAbsl(field), ".low"),
                   absl::StrCat("a ", kind_name, " value has no number"));
  }
  if (HasHigh(kind)) {
    const std::string high_field = absl::StrCat(AsAbsl(field), ".high");
    if (!value.has_high()) return Invalid(high_field, absl::StrCat("required for ", kind_name));
    if (absl::Status s = CheckTargetNumberMessage(high_field, value.high()); !s.ok()) return s;
    const Decimal low = Decimal::FromProto(value.low());
    const Decimal high = Decimal::FromProto(value.high());
    if (low > high) {
      return Invalid(field, absl::StrCat("range low end ", low.ToIndonesian(),
                                         " is above its high end ", high.ToIndonesian()));
    }
  } else if (value.has_high()) {
    return Invalid(absl::StrCat(AsAbsl(field), ".high"),
                   absl::StrCat("a ", kind_name, " value has no high end"));
  }
  const std::string op_field = absl::StrCat(AsAbsl(field), ".bound_op");
  if (HasOp(kind)) {
    if (!IsBoundOp(value.bound_op())) {
      return Invalid(op_field, absl::StrCat(ShortQuote(value.bound_op()),
                                            " is not a bound operator (>, >=, <, <=)"));
    }
  } else if (!value.bound_op().empty()) {
    return Invalid(op_field, absl::StrCat("a ", kind_name, " value has no bound operator"));
  }
  if (!value.written().empty()) {
    const absl::StatusOr<TargetValue> read = TargetValue::Parse(value.written());
    const TargetValue given = TargetValue::FromProto(value);
    if (!read.ok() || !(*read == given) || read->kind() != given.kind()) {
      return Invalid(absl::StrCat(AsAbsl(field), ".written"),
                     absl::StrCat(ShortQuote(value.written()), " does not read as the value \"",
                                  given.ToIndonesian(), "\""));
    }
  }
  return absl::OkStatus();
}

absl::Status CheckAchievedValueMessage(std::string_view field, const v1::AchievedValue& value) {
  const std::pair<const char*, const v1::TargetValue*> parts[] = {
      {"yearly", &value.yearly()}, {"q1", &value.q1()}, {"q2", &value.q2()},
      {"q3", &value.q3()},         {"q4", &value.q4()},
  };
  for (const auto& [name, part] : parts) {
    if (absl::Status s = CheckTargetValueMessage(absl::StrCat(AsAbsl(field), ".", name), *part);
        !s.ok()) {
      return s;
    }
  }
  return absl::OkStatus();
}

absl::Status CheckRupiah(std::string_view field, int64_t rupiah) {
  if (rupiah < 0) return Invalid(field, absl::StrCat("negative amount ", FormatRupiah(rupiah)));
  if (rupiah > kMaxRupiah) {
    return Invalid(field, absl::StrCat(FormatRupiah(rupiah), " exceeds the maximum ",
                                       FormatRupiah(kMaxRupiah), " Rupiah"));
  }
  return absl::OkStatus();
}

absl::Status CheckMoneyMessage(std::string_view field, const v1::Money& money) {
  if (!money.present()) return Invalid(field, "required");
  if (absl::Status s = CheckRupiah(field, money.rupiah()); !s.ok()) return s;
  if (!money.written().empty()) {
    const absl::StatusOr<Money> read = Money::Parse(money.written());
    if (!read.ok() || !read->present() || read->rupiah() != money.rupiah()) {
      return Invalid(absl::StrCat(AsAbsl(field), ".written"),
                     absl::StrCat(ShortQuote(money.written()), " does not read as the amount ",
                                  FormatRupiah(money.rupiah())));
    }
  }
  return absl::OkStatus();
}

absl::Status CheckChangeValues(std::string_view field, const v1::Change& change) {
  const auto targets = [](const std::string& path,
                          const google::protobuf::RepeatedPtrField<v1::YearTarget>& list) {
    for (int i = 0; i < list.size(); ++i) {
      if (absl::Status s =
              CheckTargetValueMessage(absl::StrCat(path, "[", i, "].value"), list.Get(i).value());
          !s.ok()) {
        return s;
      }
    }
    return absl::OkStatus();
  };
  const std::string path(field);
  switch (change.kind_case()) {
    case v1::Change::kSetTarget:
      return CheckTargetValueMessage(path + ".set_target.value", change.set_target().value());
    case v1::Change::kSetFunding:
      return CheckMoneyMessage(path + ".set_funding.amount", change.set_funding().amount());
    case v1::Change::kReplaceIndicator:
      return targets(path + ".replace_indicator.targets", change.replace_indicator().targets());
    case v1::Change::kAddSubActivity: {
      const v1::AddSubActivity& a = change.add_sub_activity();
      if (absl::Status s = targets(path + ".add_sub_activity.targets", a.targets()); !s.ok()) {
        return s;
      }
      for (int i = 0; i < a.funding_size(); ++i) {
        if (absl::Status s =
                CheckMoneyMessage(absl::StrCat(path, ".add_sub_activity.funding[", i, "].amount"),
                                  a.funding(i).amount());
            !s.ok()) {
          return s;
        }
      }
      return absl::OkStatus();
    }
    case v1::Change::kRetireSubActivity:
    case v1::Change::KIND_NOT_SET:
      break;
  }
  return absl::OkStatus();
}

absl::Status CheckDate(std::string_view field, std::string_view text) {
  bool shape = text.size() == 10 && text[4] == '-' && text[7] == '-';
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    shape = shape && IsAsciiDigit(text[i]);
  }
  if (!shape) return Invalid(field, absl::StrCat(ShortQuote(text), " is not a date YYYY-MM-DD"));
  const auto number = [&text](int from, int len) {
    int n = 0;
    for (int i = from; i < from + len; ++i) n = n * 10 + (text[i] - '0');
    return n;
  };
  const int year = number(0, 4), month = number(5, 2), day = number(8, 2);
  if (year < kMinDateYear || year > kMaxDateYear) {
    return Invalid(field, absl::StrCat(ShortQuote(text), " is outside the years ", kMinDateYear,
                                       "..", kMaxDateYear));
  }
  if (month < 1 || month > 12) {
    return Invalid(field, absl::StrCat(ShortQuote(text), " is not a date: no month ", month));
  }
  if (day < 1 || day > DaysInMonth(year, month)) {
    return Invalid(field, absl::StrCat(ShortQuote(text), " is not a date: month ", month, " of ",
                                       year, " has ", DaysInMonth(year, month), " days"));
  }
  return absl::OkStatus();
}

}  // namespace renstra
