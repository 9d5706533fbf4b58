// Small helpers shared by the `renstra` subcommands: registering a subcommand that
// accepts the main command's options after its name, and printing instants.
#ifndef RENSTRA_CLIENTS_CLI_APP_H_
#define RENSTRA_CLIENTS_CLI_APP_H_

#include <cstdint>
#include <string>

namespace CLI {
class App;
}  // namespace CLI

namespace renstra {

// Adds subcommand `name` to `parent`; options of the main command (--server, --timeout,
// ...) are still accepted after the subcommand's name.
CLI::App* AddCommand(CLI::App* parent, const std::string& name, const std::string& help);

// "2026-11-27 21:10:02 UTC" for microseconds since the Unix epoch.
std::string FormatUtcMicros(int64_t micros);

}  // namespace renstra

#endif  // RENSTRA_CLIENTS_CLI_APP_H_
