// Plan-read latency under write load, with and without the plan read cache.
//
// Starts a real renstrad (this build, demo users, the seed plan) on loopback three times:
//   uncached  --plan_read_cache=false: every read builds and serializes its answer;
//   cached    the default: answers kept per plan version (services/plan_read_cache.h);
//   blob      --bench_frozen_plan_reads: GetPlan answers a pre-serialized blob of the
//             plan's size through the same server path (authentication included) with no
//             plan work at all — the ceiling of any GetPlan.
// Against each, for PlanService.GetPlan (the whole plan tree) and, on the first two,
// PlanService.GetSubtree (one program, kegiatan or sub kegiatan with its descendants,
// codes in turn), runs --readers closed-loop reader clients (each its own connection) for
// --seconds:
//   alone     readers only;
//   loaded    the same readers while --writers clients keep sending durable commands
//             (WorkflowService.Propose, as in throughput_bench);
// and GetPlan open loop: --open_rate reads/s on a fixed schedule while the writers write,
// latency counted from when each read was due.
// Prints p50 / p99 / p99.9 latency, reads/s and writes/s, loaded ÷ alone, and GetPlan's
// loaded reads/s of each server as a ratio to the blob's.
// Closed loop: a reader sends its next call when the previous one returns, so with the
// machine's cores saturated latency ≈ readers ÷ reads/s (Little's law); the clients share
// the cores with the server. Proposals are not plan events: the cached server builds
// GetPlan's answer once per run here.
//
// Usage: renstra_query_bench [--seconds S] [--readers N] [--writers M] [--open_rate R]
//          [--work_dir DIR] [--renstrad PATH]
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
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
  double open_rate = 200;
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
    } else if (name == "--open_rate") {
      f.open_rate = std::max(1.0, std::atof(value.c_str()));
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

void Print(const std::string& query, const char* mode, const Latency& l) {
  std::printf("%-20s %-7s %9.2f %9.2f %9.2f %10.0f %10.0f\n", query.c_str(), mode, l.p50_ms,
              l.p99_ms, l.p999_ms, l.reads_per_s, l.writes_per_s);
}

// A renstrad configuration of the run.
struct Server {
  const char* name;
  std::vector<std::string> flags;
  bool subtree;  // GetSubtree too (the blob answers GetPlan only)
};

// What one server gave GetPlan.
struct PlanReads {
  double loaded_reads_per_s = 0;
  Latency open;  // open loop, with the writers
};

PlanReads Measure(const Flags& flags, const fs::path& root, const Server& config) {
  const fs::path dir = root / config.name;
  fs::create_directories(dir);
  absl::StatusOr<RunningRenstrad> server = StartRenstrad(
      flags.renstrad, (dir / "renstrad").string(), (dir / "renstrad.log").string(), config.flags);
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

  struct Query {
    std::string name;
    Operation op;
  };
  std::vector<Query> queries = {
      {absl::StrCat("GetPlan/", config.name), [&](int c) { return grpc.GetPlan(c); }}};
  if (config.subtree) {
    queries.push_back({absl::StrCat("GetSubtree/", config.name),
                       [&](int c) { return grpc.GetSubtree(c, counters[c]++); }});
  }
  PlanReads plan;
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
    std::printf("%-20s loaded/alone: p50 %.2fx, p99 %.2fx, reads/s %.2fx\n", q.name.c_str(),
                loaded.p50_ms / alone.p50_ms, loaded.p99_ms / alone.p99_ms,
                loaded.reads_per_s / alone.reads_per_s);
    std::printf("SUMMARY|query|%s|%d|%d|%.2f|%.2f|%.2f|%.2f|%.0f|%.0f|%.0f\n", q.name.c_str(),
                flags.readers, flags.writers, alone.p50_ms, alone.p99_ms, loaded.p50_ms,
                loaded.p99_ms, alone.reads_per_s, loaded.reads_per_s, loaded.writes_per_s);
    std::fflush(stdout);
    if (plan.loaded_reads_per_s == 0) plan.loaded_reads_per_s = loaded.reads_per_s;
  }

  // GetPlan open loop, with the writers.
  LoadResult writes;
  std::thread writers([&] { writes = RunClosedLoop(flags.writers, flags.seconds, writer, false); });
  LoadResult open_reads = RunOpenLoop(flags.readers, flags.seconds, flags.open_rate, queries[0].op);
  writers.join();
  plan.open = Summarize(open_reads, &writes);
  Print(queries[0].name, "open", plan.open);
  std::fflush(stdout);

  if (server->daemon->Stop() != 0) std::fprintf(stderr, "renstrad did not stop cleanly\n");
  return plan;
}

}  // namespace

int Main(int argc, char** argv) {
  const Flags flags = ParseFlags(argc, argv);
  const fs::path root = PrepareLoadGenerator(flags.work_dir, "renstra_query");

  std::printf("%d readers, %d writers, %.0f s per run, open loop at %.0f reads/s; latency in ms\n",
              flags.readers, flags.writers, flags.seconds, flags.open_rate);
  std::printf("%-20s %-7s %9s %9s %9s %10s %10s\n", "query/server", "mode", "p50", "p99", "p99.9",
              "reads/s", "writes/s");
  const PlanReads uncached = Measure(flags, root, {"uncached", {"--plan_read_cache=false"}, true});
  const PlanReads cached = Measure(flags, root, {"cached", {}, true});
  const PlanReads blob = Measure(flags, root, {"blob", {"--bench_frozen_plan_reads"}, false});

  std::printf("\nGetPlan reads/s, %d readers + %d writers, as a ratio to the blob (%.0f/s):\n",
              flags.readers, flags.writers, blob.loaded_reads_per_s);
  std::printf("  cached   %10.0f  %.2fx\n", cached.loaded_reads_per_s,
              cached.loaded_reads_per_s / blob.loaded_reads_per_s);
  std::printf("  uncached %10.0f  %.2fx  (cached ÷ uncached %.2fx)\n", uncached.loaded_reads_per_s,
              uncached.loaded_reads_per_s / blob.loaded_reads_per_s,
              cached.loaded_reads_per_s / uncached.loaded_reads_per_s);
  std::printf(
      "GetPlan p99 at %.0f reads/s open loop with the writers: cached %.2f ms, "
      "uncached %.2f ms, blob %.2f ms\n",
      flags.open_rate, cached.open.p99_ms, uncached.open.p99_ms, blob.open.p99_ms);
  std::printf("SUMMARY|planreads|%d|%d|%.0f|%.0f|%.0f|%.0f|%.2f|%.2f|%.2f\n", flags.readers,
              flags.writers, cached.loaded_reads_per_s, uncached.loaded_reads_per_s,
              blob.loaded_reads_per_s, flags.open_rate, cached.open.p99_ms, uncached.open.p99_ms,
              blob.open.p99_ms);
  std::error_code ec;
  fs::remove_all(root, ec);
  return 0;
}

}  // namespace renstra::bench

int main(int argc, char** argv) { return renstra::bench::Main(argc, argv); }
