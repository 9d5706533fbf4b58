// CascadeCommands: `renstra plan cascade` — the agency's performance cascade (Tabel
// TC.25 and Tabel T-C.28) as a document writes it, with the cross-table findings, over
// PlanService.ReadCascade (renstra/v1/plan_service.proto). Reads only.
//
//   renstra plan cascade [--file PATH] [--table TC.25|T-C.28] [--format text|tsv|csv]
//                        [--json]
//
// Without --file the server reads the seed document it embeds. `text` lists both tables
// (or the one --table names) as a tree with each indicator's targets, years in force,
// replacement and links, then the findings one per line (FormatFinding); `tsv`/`csv`
// write one table (--table, required then) as rows with Indonesian headings.
//
// Ownership: holds the parsed arguments. Thread safety: not thread-safe.
#ifndef RENSTRA_CLIENTS_CASCADE_COMMANDS_H_
#define RENSTRA_CLIENTS_CASCADE_COMMANDS_H_

#include <optional>
#include <ostream>
#include <string>

#include "clients/client.h"
#include "renstra/v1/plan_service.pb.h"

namespace CLI {
class App;
}  // namespace CLI

namespace renstra {

class CascadeCommands {
 public:
  CascadeCommands() = default;
  CascadeCommands(const CascadeCommands&) = delete;
  CascadeCommands& operator=(const CascadeCommands&) = delete;

  // Adds `cascade` under `plan`.
  void Register(CLI::App* plan);
  // The exit status when `plan cascade` was given, else nullopt.
  std::optional<int> Run(Client& client);

 private:
  CLI::App* cascade_ = nullptr;
  std::string file_, table_, format_ = "text";
  bool json_ = false;
};

// The renderings, exposed for tests. `table` is "TC.25", "T-C.28" or "" (both; text
// only); `separator` is '\t' or ','.
void PrintCascadeText(const v1::ReadCascadeResponse& cascade, const std::string& table,
                      std::ostream& out);
void PrintCascadeRows(const v1::ReadCascadeResponse& cascade, const std::string& table,
                      char separator, std::ostream& out);

}  // namespace renstra

#endif  // RENSTRA_CLIENTS_CASCADE_COMMANDS_H_
