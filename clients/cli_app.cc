#include "clients/cli_app.h"

#include "CLI/CLI.hpp"

namespace renstra {

CLI::App* AddCommand(CLI::App* parent, const std::string& name, const std::string& help) {
  CLI::App* command = parent->add_subcommand(name, help);
  command->fallthrough();
  return command;
}

absl::TimeZone WibZone() { return absl::FixedTimeZone(7 * 3600); }

std::string FormatWibMicros(int64_t micros) {
  return absl::FormatTime("%Y-%m-%d %H:%M WIB", absl::FromUnixMicros(micros), WibZone());
}

std::string FormatWibSeconds(int64_t seconds) { return FormatWibMicros(seconds * 1000000); }

}  // namespace renstra
