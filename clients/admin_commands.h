// AdminCommands: the `renstra admin` subcommands for operators (role ADMIN) — backup,
// backups, verify-backup, metrics — registered on the CLI11 application.
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
  std::string dir_;
  uint32_t id_ = 0;
};

}  // namespace renstra

#endif  // RENSTRA_CLIENTS_ADMIN_COMMANDS_H_
