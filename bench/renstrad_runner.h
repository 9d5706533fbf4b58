// Starting renstrad for a benchmark: exec the binary, wait for its ready line
// ("renstrad listening on HOST:PORT (data DIR, plan version N, M events)") and time it.
// Uses the end-to-end tests' child-process helper (tests/e2e/process.h), so the child
// dies with the benchmark.
//
// Thread safety: not thread-safe; use from the benchmark's main thread.
#ifndef RENSTRA_BENCH_RENSTRAD_RUNNER_H_
#define RENSTRA_BENCH_RENSTRAD_RUNNER_H_

#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "tests/e2e/process.h"

namespace renstra::bench {

// The renstrad binary and demo users file of this build (set by bench/CMakeLists.txt).
std::string DefaultRenstradPath();
std::string DemoUsersPath();

struct RunningRenstrad {
  std::unique_ptr<testing::Daemon> daemon;
  std::string address;       // HOST:PORT it listens on
  uint64_t events = 0;       // from the ready line
  double ready_seconds = 0;  // from exec to the ready line

  pid_t pid() const { return daemon->pid(); }
};

// Starts `binary` on 127.0.0.1:0 with `data_dir`, the demo users file, no per-user
// rate limit and `extra` flags, stderr appended to `log_path`; waits up to 10 minutes for the ready
// line.
absl::StatusOr<RunningRenstrad> StartRenstrad(const std::string& binary,
                                              const std::string& data_dir,
                                              const std::string& log_path,
                                              const std::vector<std::string>& extra = {});

}  // namespace renstra::bench

#endif  // RENSTRA_BENCH_RENSTRAD_RUNNER_H_
