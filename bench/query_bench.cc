// Plan-read latency under write load.
//
// Starts a real renstrad (this build, demo users, the seed plan) on loopback. For each
// of PlanService.GetPlan (the whole plan tree) and PlanService.GetSubtree (one program,
// kegiatan or sub kegiatan with its descendants, codes in turn), runs --readers closed-
// loop reader clients (each its own connection) for --seconds:
//   alone     the baseline: readers only;
//   loaded    the same readers while --writers clients keep sending durable commands
//             (WorkflowService.Propose, as in throughput_bench).
// Prints p50 / p99 / p99.9 latency, reads/s and writes/s, and loaded ÷ alone.
// Closed loop: a reader sends its next call when the previous one returns, so with the
// machine's cores saturated latency ≈ readers ÷ reads/s (Little's law); the clients share
// the cores with the server.
//
// Usage: renstra_query_bench [--seconds S] [--readers N] [--writers M] [--work_dir DIR]
//          [--renstrad PATH]
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "bench/bench_support.h"
#include "bench/renstra_load.h"
#include "bench/renstrad_runner.h"

namespace renstra::bench {
namespace {

namespace fs = std::filesystem;

struct Flags {
  double seconds = 5;
  int readers = 64;
  int writers = 16;
  std::string work_dir;
  std::string renstrad = DefaultRenstradPath();
};

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "renstra_query_bench: %s\n", what.c_str());
  std::exit(1);
}

Flags ParseFlags(int argc, char** argv) {
  Flags f;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string name = argv[i];
    const std::string value = argv[i + 1];
    if (name == "--seconds") {
      f.seconds = std::atof(value.c_str());
    } else if (name == "--readers") {
      f.readers = std::max(1, std::atoi(value.c_str()));
    } else if (name == "--writers") {
      f.writers = std::max(1, std::atoi(value.c_str()));
    } else if (name == "--work_dir") {
      f.work_dir = value;
    } else if (name == "--renstrad") {
      f.renstrad = value;
    } else {
      Die("unknown flag " + name);
    }
  }
  return f;
}

struct Latency {
  double p50_ms = 0, p99_ms = 0, p999_ms = 0, reads_per_s = 0, writes_per_s = 0;
};

Latency Summarize(LoadResult& reads, const LoadResult* writes) {
  if (reads.errors > 0) {
    std::fprintf(stderr, "  %llu read errors; first: %s\n",
                 static_cast<unsigned long long>(reads.errors), reads.first_error.c_str());
  }
  if (writes != nullptr && writes->errors > 0) {
    std::fprintf(stderr, "  %llu write errors; first: %s\n",
                 static_cast<unsigned long long>(writes->errors), writes->first_error.c_str());
  }
  Latency l;
  l.p50_ms = Percentile(reads.latencies_us, 50) / 1000;
  l.p99_ms = Percentile(reads.latencies_us, 99) / 1000;
  l.p999_ms = Percentile(reads.latencies_us, 99.9) / 1000;
  l.reads_per_s = reads.per_second();
  l.writes_per_s = writes == nullptr ? 0 : writes->per_second();
  return l;
}

void Print(const char* query, const char* mode, const Latency& l) {
  std::printf("%-10s %-7s %9.2f %9.2f %9.2f %10.0f %10.0f\n", query, mode, l.p50_ms, l.p99_ms,
              l.p999_ms, l.reads_per_s, l.writes_per_s);
}

}  // namespace

int Main(int argc, char** argv) {
  const Flags flags = ParseFlags(argc, argv);
  // Debian's Abseil is built without NDEBUG, so every absl::Mutex acquisition (gRPC's
  // locks included) runs lock-order deadlock detection on a global graph; the clients
  // are load generators and skip it, so less of the shared CPU goes to them.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  const fs::path root =
      fs::path(flags.work_dir.empty() ? fs::temp_directory_path().string() : flags.work_dir) /
      absl::StrCat("renstra_query_", getpid());
  fs::create_directories(root);
  absl::StatusOr<RunningRenstrad> server =
      StartRenstrad(flags.renstrad, (root / "renstrad").string(), (root / "renstrad.log").string());
  if (!server.ok()) Die(server.status().ToString());
  absl::StatusOr<std::unique_ptr<RenstraLoad>> load =
      RenstraLoad::Connect(server->address, flags.readers + flags.writers);
  if (!load.ok()) Die(load.status().ToString());
  RenstraLoad& grpc = **load;

  std::vector<uint64_t> counters(flags.readers + flags.writers, 0);
  auto writer = [&](int c) {
    const int client = flags.readers + c;
    return grpc.Propose(client, "w", counters[client]++);
  };
  // Warm-up: connections, server threads, the write path.
  RunClosedLoop(
      8, 1, [&](int c) { return grpc.GetPlan(c); }, false);
  RunClosedLoop(flags.writers, 1, writer, false);

  std::printf("%d readers, %d writers, %.0f s per run; latency in ms\n", flags.readers,
              flags.writers, flags.seconds);
  std::printf("%-10s %-7s %9s %9s %9s %10s %10s\n", "query", "mode", "p50", "p99", "p99.9",
              "reads/s", "writes/s");
  struct Query {
    const char* name;
    Operation op;
  };
  const std::vector<Query> queries = {
      {"GetPlan", [&](int c) { return grpc.GetPlan(c); }},
      {"GetSubtree", [&](int c) { return grpc.GetSubtree(c, counters[c]++); }},
  };
  for (const Query& q : queries) {
    LoadResult alone_reads = RunClosedLoop(flags.readers, flags.seconds, q.op, true);
    const Latency alone = Summarize(alone_reads, nullptr);
    Print(q.name, "alone", alone);

    LoadResult writes;
    std::thread writers(
        [&] { writes = RunClosedLoop(flags.writers, flags.seconds, writer, false); });
    LoadResult loaded_reads = RunClosedLoop(flags.readers, flags.seconds, q.op, true);
    writers.join();
    const Latency loaded = Summarize(loaded_reads, &writes);
    Print(q.name, "loaded", loaded);
    std::printf("%-10s loaded/alone: p50 %.2fx, p99 %.2fx, reads/s %.2fx\n", q.name,
                loaded.p50_ms / alone.p50_ms, loaded.p99_ms / alone.p99_ms,
                loaded.reads_per_s / alone.reads_per_s);
    std::printf("SUMMARY|query|%s|%d|%d|%.2f|%.2f|%.2f|%.2f|%.0f|%.0f|%.0f\n", q.name,
                flags.readers, flags.writers, alone.p50_ms, alone.p99_ms, loaded.p50_ms,
                loaded.p99_ms, alone.reads_per_s, loaded.reads_per_s, loaded.writes_per_s);
    std::fflush(stdout);
  }
  if (server->daemon->Stop() != 0) std::fprintf(stderr, "renstrad did not stop cleanly\n");
  std::error_code ec;
  fs::remove_all(root, ec);
  return 0;
}

}  // namespace renstra::bench

int main(int argc, char** argv) { return renstra::bench::Main(argc, argv); }
