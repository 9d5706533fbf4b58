#include "bench/bench_support.h"

#include <dirent.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "absl/synchronization/mutex.h"

namespace renstra::bench {
namespace {

// Fields 14 and 15 (utime, stime) and 4 (ppid) of /proc/PID/stat.
struct Stat {
  pid_t ppid = 0;
  uint64_t ticks = 0;
  bool ok = false;
};

Stat ReadStat(pid_t pid) {
  Stat out;
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string text;
  if (!std::getline(in, text)) return out;
  // The command name (field 2) is in parentheses and may hold spaces.
  const size_t close = text.rfind(')');
  if (close == std::string::npos) return out;
  std::istringstream rest(text.substr(close + 2));
  std::string field;
  std::vector<std::string> fields;  // fields from 3 on
  while (rest >> field && fields.size() < 13) fields.push_back(field);
  if (fields.size() < 13) return out;
  out.ppid = static_cast<pid_t>(std::stol(fields[1]));
  out.ticks = std::stoull(fields[11]) + std::stoull(fields[12]);
  out.ok = true;
  return out;
}

double MicrosSince(Clock::time_point start) {
  return std::chrono::duration<double, std::micro>(Clock::now() - start).count();
}

double TicksToSeconds(uint64_t ticks) {
  static const long kTicks = sysconf(_SC_CLK_TCK);
  return static_cast<double>(ticks) / static_cast<double>(kTicks);
}

}  // namespace

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

void LoadResult::Count(std::string error, double latency_us) {
  if (error.empty()) {
    ++ops;
    if (latency_us >= 0) latencies_us.push_back(latency_us);
  } else {
    ++errors;
    if (first_error.empty()) first_error = std::move(error);
  }
}

void LoadResult::Merge(const LoadResult& other) {
  ops += other.ops;
  errors += other.errors;
  if (first_error.empty()) first_error = other.first_error;
  latencies_us.insert(latencies_us.end(), other.latencies_us.begin(), other.latencies_us.end());
}

std::string PrepareLoadGenerator(const std::string& work_dir, const std::string& name) {
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  const std::filesystem::path root =
      std::filesystem::path(work_dir.empty() ? std::filesystem::temp_directory_path().string()
                                             : work_dir) /
      (name + "_" + std::to_string(getpid()));
  std::filesystem::create_directories(root);
  return root.string();
}

LoadResult RunClosedLoop(int clients, double seconds, const Operation& op, bool record_latency) {
  std::atomic<bool> done{false};
  std::mutex mu;
  LoadResult total;
  std::vector<std::thread> threads;
  const Clock::time_point start = Clock::now();
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      LoadResult mine;
      while (!done.load(std::memory_order_relaxed)) {
        const Clock::time_point t0 = Clock::now();
        std::string error = op(c);
        mine.Count(std::move(error), record_latency ? MicrosSince(t0) : -1);
      }
      std::lock_guard<std::mutex> lock(mu);
      total.Merge(mine);
    });
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  done = true;
  // Operations still in flight finish and count: the elapsed time covers them.
  for (std::thread& t : threads) t.join();
  total.seconds = SecondsSince(start);
  return total;
}

LoadResult RunOpenLoop(int clients, double seconds, double rate, const Operation& op) {
  const uint64_t total_ops = static_cast<uint64_t>(seconds * rate);
  std::atomic<uint64_t> next{0};
  std::mutex mu;
  LoadResult total;
  std::vector<std::thread> threads;
  const Clock::time_point start = Clock::now();
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      LoadResult mine;
      for (uint64_t i = next++; i < total_ops; i = next++) {
        const Clock::time_point due =
            start + std::chrono::duration_cast<Clock::duration>(
                        std::chrono::duration<double>(static_cast<double>(i) / rate));
        std::this_thread::sleep_until(due);
        std::string error = op(c);
        mine.Count(std::move(error), MicrosSince(due));
      }
      std::lock_guard<std::mutex> lock(mu);
      total.Merge(mine);
    });
  }
  for (std::thread& t : threads) t.join();
  total.seconds = SecondsSince(start);
  return total;
}

double Percentile(std::vector<double>& values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const double rank = p / 100.0 * static_cast<double>(values.size() - 1);
  return values[static_cast<size_t>(std::llround(rank))];
}

double Median(std::vector<double> values) { return Percentile(values, 50); }

double ProcessCpuSeconds(pid_t pid) {
  const Stat s = ReadStat(pid);
  return s.ok ? TicksToSeconds(s.ticks) : 0;
}

double ProcessTreeCpuSeconds(pid_t pid) {
  uint64_t ticks = 0;
  DIR* proc = opendir("/proc");
  if (proc == nullptr) return 0;
  while (dirent* entry = readdir(proc)) {
    char* end = nullptr;
    const long other = std::strtol(entry->d_name, &end, 10);
    if (end == entry->d_name || *end != '\0') continue;
    const Stat s = ReadStat(static_cast<pid_t>(other));
    if (s.ok && (other == pid || s.ppid == pid)) ticks += s.ticks;
  }
  closedir(proc);
  return TicksToSeconds(ticks);
}

double SelfCpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

int64_t ProcStatusKb(pid_t pid, const std::string& field) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(field + ":", 0) == 0) {
      std::istringstream value(line.substr(field.size() + 1));
      int64_t kb = -1;
      value >> kb;
      return kb;
    }
  }
  return -1;
}

}  // namespace renstra::bench
