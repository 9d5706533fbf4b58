#include "bench/renstrad_runner.h"

#include <chrono>
#include <regex>

#include "absl/strings/str_cat.h"
#include "bench/bench_support.h"

namespace renstra::bench {

std::string DefaultRenstradPath() { return RENSTRAD_PATH; }
std::string DemoUsersPath() { return RENSTRA_DEMO_USERS; }

absl::StatusOr<RunningRenstrad> StartRenstrad(const std::string& binary,
                                              const std::string& data_dir,
                                              const std::string& log_path,
                                              const std::vector<std::string>& extra) {
  std::vector<std::string> argv = {binary, "--listen=127.0.0.1:0", "--data_dir=" + data_dir,
                                   "--users=" + DemoUsersPath(),
                                   // The benchmarks measure throughput: one demo user
                                   // makes thousands of calls a second (`extra` may
                                   // set a limit again: the later flag wins).
                                   "--user_calls_per_second=0"};
  argv.insert(argv.end(), extra.begin(), extra.end());
  RunningRenstrad out;
  std::string error;
  const Clock::time_point start = Clock::now();
  out.daemon = testing::Daemon::Start(argv, log_path, std::chrono::minutes(10), &error);
  out.ready_seconds = SecondsSince(start);
  if (out.daemon == nullptr) return absl::UnavailableError(absl::StrCat("renstrad: ", error));
  static const std::regex kReady(R"(renstrad listening on (\S+:\d+) \(.*, (\d+) events\))");
  std::smatch m;
  const std::string& line = out.daemon->ready_line();
  if (!std::regex_match(line, m, kReady)) {
    return absl::InternalError(absl::StrCat("renstrad's ready line: \"", line, "\""));
  }
  out.address = m[1];
  out.events = std::stoull(m[2]);
  return out;
}

}  // namespace renstra::bench
