// AuditCommands: the `renstra audit` subcommands for the inspectorate — history,
// diff, follow, export, verify-export, pubkey, head, verify, rehash — registered on
// the CLI11 application and run against a Client (see docs/cli.md).
//
// Ownership: holds the parsed arguments; the CLI::App objects belong to the caller's
// application. Thread safety: not thread-safe (one command per process).
#ifndef RENSTRA_CLIENTS_AUDIT_COMMANDS_H_
#define RENSTRA_CLIENTS_AUDIT_COMMANDS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "clients/client.h"
#include "clients/print_flags.h"

namespace CLI {
class App;
}  // namespace CLI

namespace renstra {

class AuditCommands {
 public:
  AuditCommands() = default;
  AuditCommands(const AuditCommands&) = delete;
  AuditCommands& operator=(const AuditCommands&) = delete;

  // Adds `audit` and its subcommands to `app`.
  void Register(CLI::App* app);
  // Runs the parsed audit command; std::nullopt when none was given.
  std::optional<int> Run(Client& client);

 private:
  int History(Client& client);
  int Diff(Client& client);
  int Follow(Client& client);
  int Export(Client& client);
  int VerifyExport();
  int PublicKey(Client& client);
  int Head(Client& client);
  int Verify(Client& client);
  int Rehash(Client& client);

  CLI::App* history_ = nullptr;
  CLI::App* diff_ = nullptr;
  CLI::App* follow_ = nullptr;
  CLI::App* export_ = nullptr;
  CLI::App* verify_export_ = nullptr;
  CLI::App* pubkey_ = nullptr;
  CLI::App* head_ = nullptr;
  CLI::App* verify_ = nullptr;
  CLI::App* rehash_ = nullptr;

  std::string node_, indicator_, proposal_, revision_, user_;
  // audit diff --from / --to: a plan version (digits) or a revision (REV-<n>).
  std::string from_;
  std::string to_;
  std::string format_ = "table";
  std::string output_;
  // --format print|pdf: kop and signature block.
  PrintFlags print_;
  uint64_t from_sequence_ = 1;
  uint64_t count_ = 0;
  bool agency_only_ = false;
  uint32_t page_size_ = 0;
  std::string file_;
  std::string pubkey_file_;
  std::string state_file_;
  std::vector<uint64_t> events_;
  bool json_ = false;
};

}  // namespace renstra

#endif  // RENSTRA_CLIENTS_AUDIT_COMMANDS_H_
