// Small helpers shared by the `renstra` subcommands: registering a subcommand that
// accepts the main command's options after its name, and printing instants.
#ifndef RENSTRA_CLIENTS_CLI_APP_H_
#define RENSTRA_CLIENTS_CLI_APP_H_

#include <cstdint>
#include <string>

#include "absl/time/time.h"

namespace CLI {
class App;
}  // namespace CLI

namespace renstra {

// Adds subcommand `name` to `parent`; options of the main command (--server, --timeout,
// ...) are still accepted after the subcommand's name.
CLI::App* AddCommand(CLI::App* parent, const std::string& name, const std::string& help);

// The one way the client shows an instant to people: in WIB (Asia/Jakarta), with the
// zone written, e.g. "2026-12-07 19:47 WIB" for microseconds since the Unix epoch.
//
// WIB is a fixed UTC+07:00: Indonesia has kept no daylight saving since 1964, so a
// fixed offset (absl::FixedTimeZone) is exact for every instant the server can hold and
// needs no tzdata on the machine; absl::LoadTimeZone("Asia/Jakarta") would fall back
// silently to UTC on a host without /usr/share/zoneinfo (slim containers), showing
// wrong hours under a "WIB" label.
std::string FormatWibMicros(int64_t micros);
// The same for seconds since the Unix epoch.
std::string FormatWibSeconds(int64_t seconds);
// The zone FormatWib* print in (UTC+07:00), for parsing dates people type.
absl::TimeZone WibZone();

}  // namespace renstra

#endif  // RENSTRA_CLIENTS_CLI_APP_H_
