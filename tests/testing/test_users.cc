#include "tests/testing/test_users.h"

#include "absl/strings/str_cat.h"
#include "services/authenticator.h"

namespace renstra::testing {
namespace {

void AddUser(v1::UsersConfig* config, const std::string& name, v1::Role::Value role,
             v1::Division division = v1::DIVISION_UNSPECIFIED, bool disabled = false) {
  v1::UserEntry* e = config->add_user();
  *e = Authenticator::MakeEntry(name, role, division, TokenOf(name));
  e->set_disabled(disabled);
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

}  // namespace renstra::testing
