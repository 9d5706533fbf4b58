#include "clients/web/change_values.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "clients/value_parser.h"

namespace renstra::web {
namespace {

WebError Unreadable(const std::string& field, const std::string& reason) {
  WebError e;
  e.http_status = 400;
  e.code = "INVALID_ARGUMENT";
  e.field = field;
  e.detail = absl::StrCat(field, ": ", reason);
  e.message =
      absl::StrCat("Isian '", field, "' tidak dapat dibaca: ", absl::StripSuffix(reason, "."), ".");
  return e;
}

}  // namespace

std::optional<WebError> ReadWrittenValues(google::protobuf::RepeatedPtrField<v1::Change>* changes) {
  for (int i = 0; i < changes->size(); ++i) {
    v1::Change& change = changes->at(i);
    const std::string at = absl::StrCat("changes[", i, "]");
    std::string error;
    if (change.has_set_target()) {
      v1::TargetValue* value = change.mutable_set_target()->mutable_value();
      if (value->kind() != v1::TargetValue::KIND_UNSPECIFIED) continue;
      if (value->written().empty()) {
        return Unreadable(at + ".set_target.value.written", "wajib diisi");
      }
      std::optional<v1::TargetValue> read = ParseTarget(value->written(), &error);
      if (!read) return Unreadable(at + ".set_target.value.written", error);
      *value = *read;
    } else if (change.has_set_funding()) {
      v1::Money* amount = change.mutable_set_funding()->mutable_amount();
      if (amount->present()) continue;
      if (amount->written().empty()) {
        return Unreadable(at + ".set_funding.amount.written", "wajib diisi");
      }
      std::optional<v1::Money> read = ParseRupiah(amount->written(), &error);
      if (!read) return Unreadable(at + ".set_funding.amount.written", error);
      *amount = *read;
    }
  }
  return std::nullopt;
}

}  // namespace renstra::web
