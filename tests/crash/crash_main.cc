// renstra-crash: the long crash test (see crash_harness.h). Kills renstrad under load
// --cycles times, checks the log, the Merkle tree and the projections after every
// restart, and prints the summary. Exit status: 0 when every check passed, 1 otherwise.
//
//   renstra-crash --renstrad=build/bin/renstrad --cycles=200 [--clients=16] [--seed=N]
#include <iostream>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "tests/crash/crash_harness.h"

ABSL_FLAG(std::string, renstrad, RENSTRAD_PATH, "The renstrad binary to test");
ABSL_FLAG(int, cycles, 200, "Kill-and-restart cycles");
ABSL_FLAG(int, clients, 16, "Concurrent clients");
ABSL_FLAG(uint32_t, seed, 0, "Random seed (0: from the clock; printed)");
ABSL_FLAG(int, min_delay_ms, 50, "Least time under load before a kill");
ABSL_FLAG(int, max_delay_ms, 500, "Most time under load before a kill");
ABSL_FLAG(int, recovery_kill_every, 4, "Kill every Nth restart again while it recovers (0: never)");
ABSL_FLAG(int, first_start_kills, 2, "Kills of the first start (seed import)");
ABSL_FLAG(int, replay_every, 1, "Compare with a fresh replay every N cycles (0: at the end only)");
ABSL_FLAG(std::string, work_dir, "", "Work directory (default: a new one under $TMPDIR)");
ABSL_FLAG(bool, keep, false, "Keep the work directory (it is always kept after a failure)");

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Kills renstrad with SIGKILL under load, again and again, and checks after every "
      "restart that nothing acknowledged was lost or duplicated.\n"
      "Usage: renstra-crash [--cycles=200] [--clients=16] [--seed=N] [--renstrad=PATH]");
  absl::ParseCommandLine(argc, argv);
  renstra::crash::CrashOptions options;
  options.renstrad = absl::GetFlag(FLAGS_renstrad);
  options.cycles = absl::GetFlag(FLAGS_cycles);
  options.clients = absl::GetFlag(FLAGS_clients);
  options.seed = absl::GetFlag(FLAGS_seed);
  options.min_delay_ms = absl::GetFlag(FLAGS_min_delay_ms);
  options.max_delay_ms = absl::GetFlag(FLAGS_max_delay_ms);
  options.recovery_kill_every = absl::GetFlag(FLAGS_recovery_kill_every);
  options.first_start_kills = absl::GetFlag(FLAGS_first_start_kills);
  options.replay_every = absl::GetFlag(FLAGS_replay_every);
  options.work_dir = absl::GetFlag(FLAGS_work_dir);
  options.keep_work_dir = absl::GetFlag(FLAGS_keep);
  options.progress = &std::cerr;
  const renstra::crash::CrashSummary summary = renstra::crash::RunCrashTest(options);
  std::cout << summary.ToString() << std::flush;
  return summary.ok() ? 0 : 1;
}
