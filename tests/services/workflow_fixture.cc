#include "tests/services/workflow_fixture.h"

#include <gtest/gtest.h>

#include "domain/target_value.h"
#include "services/call_guard.h"
#include "tests/testing/status_matchers.h"

namespace renstra::testing {
namespace {

const v1::Indicator* FindIndicator(const v1::Node& node, const std::string& id) {
  for (const v1::Indicator& i : node.indicators()) {
    if (i.id() == id) return &i;
  }
  for (const v1::Node& child : node.children()) {
    if (const v1::Indicator* i = FindIndicator(child, id)) return i;
  }
  return nullptr;
}

}  // namespace

v1::Change SetTarget(const std::string& indicator, int year, const std::string& value) {
  v1::Change c;
  c.mutable_set_target()->set_indicator_id(indicator);
  c.mutable_set_target()->set_year(year);
  absl::StatusOr<TargetValue> parsed = TargetValue::Parse(value);
  EXPECT_THAT(parsed, IsOk()) << value << ": " << parsed.status();
  if (parsed.ok()) parsed->ToProto(c.mutable_set_target()->mutable_value());
  return c;
}

v1::ProposeRequest TargetProposal(const std::string& request_id, const std::string& value,
                                  bool submit) {
  v1::ProposeRequest r;
  r.set_request_id(request_id);
  r.set_justification("Jumlah PPKS meningkat");
  *r.add_changes() = SetTarget(kRehabIndicator, kYear, value);
  r.set_submit(submit);
  return r;
}

v1::RecordAchievementRequest RehabAchievement(const std::string& request_id, int64_t units) {
  v1::RecordAchievementRequest r;
  r.set_request_id(request_id);
  r.set_indicator_id(kRehabIndicator);
  r.set_year(kYear);
  v1::TargetValue* value = r.mutable_value()->mutable_yearly();
  value->set_kind(v1::TargetValue::NUMBER);
  value->mutable_low()->set_units(units);
  value->set_unit("Orang");
  r.set_evidence_ref("BA-2025");
  return r;
}

std::string TargetIn(const v1::Plan& plan, const std::string& indicator, int year) {
  for (const v1::Node& program : plan.programs()) {
    if (const v1::Indicator* i = FindIndicator(program, indicator)) {
      for (const v1::YearTarget& t : i->targets()) {
        if (t.year() == year) return TargetValue::FromProto(t.value()).Display();
      }
      return "";
    }
  }
  return "";
}

std::vector<v1::AccessDenied> DeniedCalls(SeededServer& server) {
  std::vector<v1::AccessDenied> out;
  absl::StatusOr<std::vector<v1::EventEnvelope>> events =
      server.store().ReadStream(CallGuard::kDeniedStream, 1, 100);
  EXPECT_THAT(events, IsOk()) << events.status();
  if (!events.ok()) return out;
  for (const v1::EventEnvelope& e : *events) {
    EXPECT_EQ(e.event_type(), "renstra.v1.AccessDenied");
    v1::AccessDenied& denied = out.emplace_back();
    EXPECT_TRUE(denied.ParseFromString(e.payload())) << "sequence " << e.sequence();
  }
  return out;
}

}  // namespace renstra::testing
