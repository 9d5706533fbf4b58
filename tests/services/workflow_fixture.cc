#include "tests/services/workflow_fixture.h"

#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "domain/target_value.h"
#include "services/authenticator.h"
#include "services/call_guard.h"
#include "tests/testing/status_matchers.h"

namespace renstra::testing {
namespace {

void AddUser(v1::UsersConfig* config, const std::string& name, v1::Role::Value role,
             v1::Division division = v1::DIVISION_UNSPECIFIED, bool disabled = false) {
  v1::UserEntry* e = config->add_user();
  *e = Authenticator::MakeEntry(name, role, division, TokenOf(name));
  e->set_disabled(disabled);
}

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

v1::UsersConfig TestUsers() {
  v1::UsersConfig config;
  AddUser(&config, "kadis", v1::Role::KEPALA_DINAS);
  AddUser(&config, "rehab", v1::Role::KEPALA_BIDANG, v1::REHABILITASI_SOSIAL);
  AddUser(&config, "linjamsos", v1::Role::KEPALA_BIDANG, v1::PERLINDUNGAN_JAMINAN_SOSIAL);
  AddUser(&config, "sekretariat", v1::Role::SEKRETARIAT);
  AddUser(&config, "iwan", v1::Role::INSPEKTORAT);
  AddUser(&config, "admin", v1::Role::ADMIN);
  AddUser(&config, "pensiun", v1::Role::KEPALA_BIDANG, v1::REHABILITASI_SOSIAL, true);
  return config;
}

std::string TokenOf(std::string_view name) {
  return absl::StrCat(std::string(name), "-token-0123456789");
}

v1::Change SetTarget(const std::string& indicator, int year, const std::string& value) {
  v1::Change c;
  c.mutable_set_target()->set_indicator_id(indicator);
  c.mutable_set_target()->set_year(year);
  absl::StatusOr<TargetValue> parsed = TargetValue::Parse(value);
  EXPECT_THAT(parsed, IsOk()) << value << ": " << parsed.status();
  if (parsed.ok()) parsed->ToProto(c.mutable_set_target()->mutable_value());
  return c;
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

std::vector<v1::AccessDenied> DeniedCalls(TestServer& server) {
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
