// AgencyCommands: the `renstra agency` subcommands — list, show, create, unit-create,
// assign — over AgencyService (renstra/v1/agency_service.proto), registered on the
// CLI11 application. Reads are for every user; the writes need the ADMIN role (the
// server refuses others).
//
// Ownership: holds the parsed arguments. Thread safety: not thread-safe.
#ifndef RENSTRA_CLIENTS_AGENCY_COMMANDS_H_
#define RENSTRA_CLIENTS_AGENCY_COMMANDS_H_

#include <cstdint>
#include <optional>
#include <string>

#include "clients/client.h"

namespace CLI {
class App;
}  // namespace CLI

namespace renstra {

class AgencyCommands {
 public:
  AgencyCommands() = default;
  AgencyCommands(const AgencyCommands&) = delete;
  AgencyCommands& operator=(const AgencyCommands&) = delete;

  void Register(CLI::App* app);
  // The exit status when one of these commands was given, else nullopt.
  std::optional<int> Run(Client& client);

 private:
  CLI::App* list_ = nullptr;
  CLI::App* plans_ = nullptr;
  int plans_year_ = 0;  // agency plans --year; 0: none
  CLI::App* show_ = nullptr;
  CLI::App* create_ = nullptr;
  CLI::App* unit_create_ = nullptr;
  CLI::App* assign_ = nullptr;
  std::string agency_, unit_, node_, name_, pemda_, kind_, effective_, request_id_;
  uint64_t plan_version_ = 0;
};

}  // namespace renstra

#endif  // RENSTRA_CLIENTS_AGENCY_COMMANDS_H_
