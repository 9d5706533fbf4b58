#include "clients/web/change_values.h"

#include <string>
#include <utility>

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

// A target written as text, read in place; nothing when it is typed or absent.
std::optional<WebError> ReadTarget(v1::TargetValue* value, const std::string& field) {
  if (value->kind() != v1::TargetValue::KIND_UNSPECIFIED || value->written().empty()) {
    return std::nullopt;
  }
  std::string error;
  std::optional<v1::TargetValue> read = ParseTarget(value->written(), &error);
  if (!read) return Unreadable(field + ".written", error);
  *value = *read;
  return std::nullopt;
}

}  // namespace

std::optional<WebError> ReadWrittenAchievement(v1::AchievedValue* value, const std::string& field) {
  const std::pair<const char*, v1::TargetValue*> parts[] = {
      {"yearly", value->mutable_yearly()}, {"q1", value->mutable_q1()}, {"q2", value->mutable_q2()},
      {"q3", value->mutable_q3()},         {"q4", value->mutable_q4()},
  };
  for (const auto& [name, target] : parts) {
    if (auto error = ReadTarget(target, absl::StrCat(field, ".", name))) return error;
  }
  // mutable_* made every part present; an empty one means "not stated", as if unset.
  if (value->yearly().ByteSizeLong() == 0) value->clear_yearly();
  if (value->q1().ByteSizeLong() == 0) value->clear_q1();
  if (value->q2().ByteSizeLong() == 0) value->clear_q2();
  if (value->q3().ByteSizeLong() == 0) value->clear_q3();
  if (value->q4().ByteSizeLong() == 0) value->clear_q4();
  return std::nullopt;
}

std::optional<WebError> ReadWrittenMoney(v1::Money* amount, const std::string& field) {
  if (amount->present()) return std::nullopt;
  if (amount->written().empty()) return Unreadable(field + ".written", "wajib diisi");
  std::string error;
  std::optional<v1::Money> read = ParseRupiah(amount->written(), &error);
  if (!read) return Unreadable(field + ".written", error);
  *amount = *read;
  return std::nullopt;
}

std::optional<WebError> ReadWrittenRealization(v1::RecordAchievementRequest* request) {
  return ReadWrittenAchievement(request->mutable_value(), "value");
}

std::optional<WebError> ReadWrittenRealization(v1::RecordSpendingRequest* request) {
  return ReadWrittenMoney(request->mutable_spent(), "spent");
}

std::optional<WebError> ReadWrittenRealization(v1::CorrectRealizationRequest* request) {
  if (request->has_achievement()) {
    return ReadWrittenAchievement(request->mutable_achievement(), "achievement");
  }
  if (request->has_spent()) return ReadWrittenMoney(request->mutable_spent(), "spent");
  return std::nullopt;
}

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
