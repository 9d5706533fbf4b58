#include "clients/value_parser.h"

#include <string>

#include "absl/status/statusor.h"
#include "domain/money.h"
#include "domain/target_value.h"

namespace renstra {

std::optional<v1::TargetValue> ParseTarget(std::string_view text, std::string* error) {
  absl::StatusOr<TargetValue> target = TargetValue::Parse(text);
  if (!target.ok()) {
    *error = std::string(target.status().message());
    return std::nullopt;
  }
  if (target->kind() == TargetValue::Kind::kEmpty) {
    *error = "target \"\": empty (write \"-\" for nothing planned)";
    return std::nullopt;
  }
  v1::TargetValue out;
  target->ToProto(&out);
  return out;
}

std::optional<v1::Money> ParseRupiah(std::string_view text, std::string* error) {
  absl::StatusOr<Money> money = Money::Parse(text);
  if (!money.ok()) {
    *error = std::string(money.status().message());
    return std::nullopt;
  }
  if (!money->present()) {
    *error = "money \"" + money->written() + "\": expected whole Rupiah, e.g. 1.234.567";
    return std::nullopt;
  }
  v1::Money out;
  Money::Rupiah(money->rupiah()).ToProto(&out);
  out.set_written(std::string(WithoutCurrency(money->written())));
  return out;
}

}  // namespace renstra
