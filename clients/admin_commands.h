// AdminCommands: the `renstra admin` subcommands for operators (role ADMIN) — backup,
// backups, verify-backup, metrics, user add|disable|enable|rotate|password|list — registered
// on the CLI11 application. A new token is printed once, on stdout, and never again; a new
// password is read from a file (never from the command line, where `ps` would show it).
//
// Ownership: holds the parsed arguments. Thread safety: not thread-safe.
#ifndef RENSTRA_CLIENTS_ADMIN_COMMANDS_H_
#define RENSTRA_CLIENTS_ADMIN_COMMANDS_H_

#include <cstdint>
#include <optional>
#include <string>

#include "clients/client.h"

namespace CLI {
class App;
}  // namespace CLI

namespace renstra {

class AdminCommands {
 public:
  AdminCommands() = default;
  AdminCommands(const AdminCommands&) = delete;
  AdminCommands& operator=(const AdminCommands&) = delete;

  void Register(CLI::App* app);
  std::optional<int> Run(Client& client);

 private:
  CLI::App* backup_ = nullptr;
  CLI::App* backups_ = nullptr;
  CLI::App* verify_backup_ = nullptr;
  CLI::App* metrics_ = nullptr;
  CLI::App* user_add_ = nullptr;
  CLI::App* user_disable_ = nullptr;
  CLI::App* user_enable_ = nullptr;
  CLI::App* user_rotate_ = nullptr;
  CLI::App* user_password_ = nullptr;
  CLI::App* user_list_ = nullptr;
  std::string dir_;
  uint32_t id_ = 0;
  std::string name_, role_, division_, display_name_, reason_, request_id_;
  std::string user_agency_;    // `user add --agency`: not the global --agency (which plan)
  std::string password_file_;  // `user password --password-file`

  int RunUsers(Client& client);
};

}  // namespace renstra

#endif  // RENSTRA_CLIENTS_ADMIN_COMMANDS_H_
