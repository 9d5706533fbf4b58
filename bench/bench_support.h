// Helpers shared by the benchmarks: closed-loop load from N threads for a fixed time,
// latency percentiles, CPU time of processes (from /proc) and a process's peak RSS.
//
// Thread safety: RunClosedLoop() and RunOpenLoop() run `op` on its own threads; everything else is
// pure or reads /proc and is thread-safe.
#ifndef RENSTRA_BENCH_BENCH_SUPPORT_H_
#define RENSTRA_BENCH_BENCH_SUPPORT_H_

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace renstra::bench {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start);

// What a closed-loop run did.
struct LoadResult {
  uint64_t ops = 0;     // operations that succeeded
  uint64_t errors = 0;  // operations that failed
  double seconds = 0;
  // Latency of each successful operation, microseconds (only when asked for).
  std::vector<double> latencies_us;
  // First error message seen ("" if none).
  std::string first_error;

  double per_second() const { return seconds > 0 ? ops / seconds : 0; }

  // Counts one operation: a success ("" error) with its latency when `latency_us` >= 0,
  // else a failure whose first message is kept.
  void Count(std::string error, double latency_us);
  // Adds another thread's counts (not `seconds`) to these.
  void Merge(const LoadResult& other);
};

// One operation of client `client`: returns "" on success, else why it failed. Called
// again as soon as it returns, until the run's time is over.
using Operation = std::function<std::string(int client)>;

// Runs `clients` threads, each calling op(client) in a loop for `seconds`, and counts
// successes; with `record_latency`, also keeps every successful call's latency.
LoadResult RunClosedLoop(int clients, double seconds, const Operation& op, bool record_latency);

// Open loop: sends `rate` operations per second for `seconds` on a schedule that does not
// wait for answers (operation i is due at start + i / rate), from `clients` threads (each
// takes the next due operation when it is free, so at most `clients` are in flight), and
// keeps each latency from when the operation was due — time queued behind a slow answer
// counts, as it would for a user.
LoadResult RunOpenLoop(int clients, double seconds, double rate, const Operation& op);

// The p-th percentile (0..100) of `values` (sorted in place); 0 when empty.
double Percentile(std::vector<double>& values, double p);

// Prepares this process to be a load generator and returns its scratch directory,
// `<work_dir or the system temp dir>/<name>_<pid>` (created). Debian's Abseil is built
// without NDEBUG, so every absl::Mutex acquisition (gRPC's locks included) runs
// lock-order deadlock detection on a global graph; the load generator skips it, so
// less of the shared CPU goes to the clients.
std::string PrepareLoadGenerator(const std::string& work_dir, const std::string& name);

// User + system CPU seconds of process `pid` (0 when it cannot be read).
double ProcessCpuSeconds(pid_t pid);
// Of `pid` and every process whose parent is `pid` (e.g. a PostgreSQL postmaster and
// its backends).
double ProcessTreeCpuSeconds(pid_t pid);
// User + system CPU seconds of this process so far.
double SelfCpuSeconds();
// A status field of /proc/PID/status in kB ("VmHWM", "VmRSS"); -1 if unreadable.
int64_t ProcStatusKb(pid_t pid, const std::string& field);

// Median of `values` (a copy is sorted); 0 when empty.
double Median(std::vector<double> values);

}  // namespace renstra::bench

#endif  // RENSTRA_BENCH_BENCH_SUPPORT_H_
