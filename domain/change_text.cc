#include "domain/change_text.h"

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "domain/text_limits.h"

namespace renstra {
namespace {

template <typename Targets>
absl::Status CheckTargets(const std::string& path, const Targets& targets) {
  for (int i = 0; i < targets.size(); ++i) {
    RENSTRA_RETURN_IF_ERROR(
        CheckValueText(absl::StrCat(path, ".targets[", i, "].value"), targets.Get(i).value()));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status CheckValueText(const std::string& field, const v1::TargetValue& value) {
  RENSTRA_RETURN_IF_ERROR(CheckText(field + ".unit", value.unit(), kUnitText));
  RENSTRA_RETURN_IF_ERROR(CheckText(field + ".bound_op", value.bound_op(), kValueText));
  return CheckText(field + ".written", value.written(), kValueText);
}

absl::Status CheckMoneyText(const std::string& field, const v1::Money& money) {
  return CheckText(field + ".written", money.written(), kValueText);
}

absl::Status CheckChangeText(const v1::Change& change, const std::string& path) {
  switch (change.kind_case()) {
    case v1::Change::kSetTarget: {
      const v1::SetTarget& t = change.set_target();
      const std::string p = path + ".set_target";
      RENSTRA_RETURN_IF_ERROR(CheckText(p + ".indicator_id", t.indicator_id(), kCodeText));
      return CheckValueText(p + ".value", t.value());
    }
    case v1::Change::kSetFunding: {
      const v1::SetFunding& f = change.set_funding();
      const std::string p = path + ".set_funding";
      RENSTRA_RETURN_IF_ERROR(CheckText(p + ".node_code", f.node_code(), kCodeText));
      return CheckMoneyText(p + ".amount", f.amount());
    }
    case v1::Change::kReplaceIndicator: {
      const v1::ReplaceIndicator& r = change.replace_indicator();
      const std::string p = path + ".replace_indicator";
      RENSTRA_RETURN_IF_ERROR(CheckText(p + ".indicator_id", r.indicator_id(), kCodeText));
      RENSTRA_RETURN_IF_ERROR(CheckText(p + ".statement", r.statement(), kStatementText));
      RENSTRA_RETURN_IF_ERROR(CheckText(p + ".unit", r.unit(), kUnitText));
      return CheckTargets(p, r.targets());
    }
    case v1::Change::kAddSubActivity: {
      const v1::AddSubActivity& a = change.add_sub_activity();
      const std::string p = path + ".add_sub_activity";
      RENSTRA_RETURN_IF_ERROR(CheckText(p + ".code", a.code(), kCodeText));
      RENSTRA_RETURN_IF_ERROR(CheckText(p + ".name", a.name(), kNameText));
      RENSTRA_RETURN_IF_ERROR(CheckText(p + ".indicator", a.indicator(), kStatementText));
      RENSTRA_RETURN_IF_ERROR(CheckText(p + ".unit", a.unit(), kUnitText));
      RENSTRA_RETURN_IF_ERROR(CheckTargets(p, a.targets()));
      for (int i = 0; i < a.funding_size(); ++i) {
        RENSTRA_RETURN_IF_ERROR(
            CheckMoneyText(absl::StrCat(p, ".funding[", i, "].amount"), a.funding(i).amount()));
      }
      return absl::OkStatus();
    }
    case v1::Change::kRetireSubActivity:
      return CheckText(path + ".retire_sub_activity.code", change.retire_sub_activity().code(),
                       kCodeText);
    case v1::Change::KIND_NOT_SET:
      break;
  }
  return absl::OkStatus();
}

}  // namespace renstra
