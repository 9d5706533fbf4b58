#include "tests/e2e/e2e_fixture.h"

#include <stdlib.h>

#include <filesystem>
#include <regex>
#include <system_error>

namespace renstra::testing {

TempDir::TempDir() {
  std::string pattern = ::testing::TempDir() + "renstra_e2e.XXXXXX";
  if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  if (!path_.empty()) std::filesystem::remove_all(path_, ec);
}

Ready ParseReadyLine(const std::string& line) {
  static const std::regex kLine(
      R"(renstrad listening on (\S+:\d+) \(data (.*), plan version (\d+), (\d+) events\))");
  std::smatch m;
  Ready ready;
  EXPECT_TRUE(std::regex_match(line, m, kLine)) << line;
  if (m.empty()) return ready;
  ready.address = m[1];
  ready.data_dir = m[2];
  ready.plan_version = std::stoll(m[3]);
  ready.events = std::stoull(m[4]);
  return ready;
}

Server StartServer(const std::string& data_dir, const std::string& log_path, bool empty,
                   const std::vector<std::string>& extra_args) {
  std::vector<std::string> argv = {RENSTRAD_PATH, "--listen=127.0.0.1:0", "--data_dir=" + data_dir};
  if (empty) argv.push_back("--empty");
  argv.insert(argv.end(), extra_args.begin(), extra_args.end());
  std::string error;
  Server server;
  server.daemon = Daemon::Start(argv, log_path, kStartTimeout, &error);
  EXPECT_NE(server.daemon, nullptr) << error;
  if (server.daemon != nullptr) server.ready = ParseReadyLine(server.daemon->ready_line());
  return server;
}

CommandResult Cli(const std::string& address, std::vector<std::string> args,
                  const std::map<std::string, std::string>& env) {
  std::vector<std::string> argv = {RENSTRA_CLI_PATH, "--server", address};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunCommand(argv, env);
}

}  // namespace renstra::testing
