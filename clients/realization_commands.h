// RealizationCommands: the `renstra realize` subcommands (achievement, spending,
// correct, list) and the `renstra report` subcommands (capaian, anggaran, evaluasi,
// peringatan, triwulan), registered on the CLI11 application and run against a Client (see
// docs/cli.md).
//
// Values are typed the Indonesian way and read by clients/value_parser.h; the server
// checks them again against the indicator. Reports are printed with
// clients/report_printer.h (table, TSV, CSV) or clients/report_html.h (HTML page with
// charts for one program).
//
// Ownership: holds the parsed arguments; the CLI::App objects belong to the caller's
// application. Thread safety: not thread-safe (one command per process).
#ifndef RENSTRA_CLIENTS_REALIZATION_COMMANDS_H_
#define RENSTRA_CLIENTS_REALIZATION_COMMANDS_H_

#include <optional>
#include <string>

#include "clients/client.h"
#include "clients/print_flags.h"
#include "clients/report_printer.h"

namespace CLI {
class App;
}  // namespace CLI

namespace renstra {

class RealizationCommands {
 public:
  RealizationCommands() = default;
  RealizationCommands(const RealizationCommands&) = delete;
  RealizationCommands& operator=(const RealizationCommands&) = delete;

  // Adds `realize` and `report` and their subcommands to `app`.
  void Register(CLI::App* app);
  // Runs the parsed command; std::nullopt when none of these was given.
  std::optional<int> Run(Client& client);

 private:
  int Achievement(Client& client);
  int Spending(Client& client);
  int Correct(Client& client);
  int List(Client& client);
  int Report(Client& client, const std::string& which);
  int Warnings(Client& client);
  int Triwulan(Client& client);
  // Writes `table` in format_ to output_ (stdout when empty); HTML with the program's
  // charts when `charts` (needs --code), else the table alone.
  int Emit(Client& client, const ReportTable& table, bool charts = true);
  // Fills the value fields (--value, --q1..--q4 of `realize correct`); false (usage error
  // printed) on a bad one.
  bool ReadAchievement(v1::AchievedValue* value, int* exit_code) const;

  CLI::App* achievement_ = nullptr;
  CLI::App* spending_ = nullptr;
  CLI::App* correct_ = nullptr;
  CLI::App* list_ = nullptr;
  CLI::App* capaian_ = nullptr;
  CLI::App* anggaran_ = nullptr;
  CLI::App* evaluasi_ = nullptr;
  CLI::App* peringatan_ = nullptr;
  CLI::App* triwulan_ = nullptr;

  std::string indicator_, code_, value_, q_[4], amount_, evidence_, note_, request_id_;
  std::string corrects_;
  bool retract_ = false;
  int year_ = 0;
  int quarter_ = 0;  // --quarter 1..4; 0 = the year
  bool json_ = false;
  std::string format_ = "table";
  // report --division: a division, "saya", "semua"; empty: the caller's default.
  std::string division_;
  std::string output_;
  // --format print|pdf: kop and signature block.
  PrintFlags print_;
  std::string ratio_;  // "" = the server default (75)
  std::string absorption_;
  bool unrecorded_ = false;
  // --wide: the table one line per row, whatever the terminal (default: fit 120 columns).
  bool wide_ = false;
};

}  // namespace renstra

#endif  // RENSTRA_CLIENTS_REALIZATION_COMMANDS_H_
