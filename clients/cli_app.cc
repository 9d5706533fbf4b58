#include "clients/cli_app.h"

#include <ctime>

#include "CLI/CLI.hpp"

namespace renstra {

CLI::App* AddCommand(CLI::App* parent, const std::string& name, const std::string& help) {
  CLI::App* command = parent->add_subcommand(name, help);
  command->fallthrough();
  return command;
}

std::string FormatUtcMicros(int64_t micros) {
  const std::time_t seconds = static_cast<std::time_t>(micros / 1000000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char text[32];
  std::strftime(text, sizeof(text), "%Y-%m-%d %H:%M:%S UTC", &tm);
  return text;
}

}  // namespace renstra
