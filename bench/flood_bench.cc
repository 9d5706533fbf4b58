// A flood of refused calls against a real renstrad, and what it costs: bytes on disk and
// in the log per refused call, and the latency of one user's writes meanwhile.
//
// Starts renstrad (this build, demo users) on loopback in a fresh temp dir for each of
// three runs of the same length:
//   quiet      one authenticated client proposes (Propose, closed loop); no flood;
//   unlimited  the same, while --flooders threads (each its own connection) call
//              LogService.GetHead without a token as fast as they can, with the limits
//              off and every refusal recorded (--anonymous_calls_per_second=0,
//              --refusals_recorded_per_window=4294967295): the server before the fix;
//   limited    the same flood against renstrad's default limits.
// For each: refused calls and their codes, the growth of the log's files (RocksDB .sst,
// .log and MANIFEST files, after a clean shutdown) and of renstrad's stderr log, both
// per refused call (the writer's own share, measured in the quiet run, subtracted), and
// the writer's p50/p99 latency. Clients and server share this machine's cores.
//
// Usage: renstra_flood_bench [--seconds S] [--flooders N] [--work_dir DIR]
//          [--renstrad PATH]
#include <grpcpp/grpcpp.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/synchronization/mutex.h"
#include "bench/bench_support.h"
#include "bench/renstra_load.h"
#include "bench/renstrad_runner.h"
#include "renstra/v1/plan_service.grpc.pb.h"

namespace renstra::bench {
namespace {

namespace fs = std::filesystem;

struct Flags {
  double seconds = 10;
  int flooders = 4;
  std::string work_dir;
  std::string renstrad = DefaultRenstradPath();
};

bool ParseFlags(int argc, char** argv, Flags* flags) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--seconds" && has_value) {
      if (!absl::SimpleAtod(argv[++i], &flags->seconds)) return false;
    } else if (arg == "--flooders" && has_value) {
      if (!absl::SimpleAtoi(argv[++i], &flags->flooders)) return false;
    } else if (arg == "--work_dir" && has_value) {
      flags->work_dir = argv[++i];
    } else if (arg == "--renstrad" && has_value) {
      flags->renstrad = argv[++i];
    } else {
      return false;
    }
  }
  return flags->seconds > 0 && flags->flooders >= 0;
}

// Bytes of the log's own files: table files, write-ahead logs, manifests.
uint64_t LogBytes(const std::string& dir) {
  uint64_t total = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    const bool ours = entry.path().extension() == ".sst" || entry.path().extension() == ".log" ||
                      name.rfind("MANIFEST-", 0) == 0;
    if (ours && entry.is_regular_file()) total += entry.file_size();
  }
  return total;
}

uint64_t FileBytes(const std::string& path) {
  std::error_code ec;
  const uintmax_t size = fs::file_size(path, ec);
  return ec ? 0 : size;
}

struct RunResult {
  std::string name;
  uint64_t refused = 0;
  std::map<std::string, uint64_t> codes;
  uint64_t proposals = 0;
  uint64_t log_growth = 0;     // bytes of the log's files
  uint64_t stderr_growth = 0;  // bytes of renstrad's stderr log
  double p50_ms = 0;
  double p99_ms = 0;
};

absl::StatusOr<RunResult> Run(const Flags& flags, const std::string& name, int flooders,
                              const std::vector<std::string>& extra) {
  RunResult result;
  result.name = name;
  const std::string dir = flags.work_dir + "/" + name;
  const std::string log_path = dir + ".log";
  fs::remove_all(dir);
  fs::remove(log_path);
  absl::StatusOr<RunningRenstrad> server = StartRenstrad(flags.renstrad, dir, log_path, extra);
  if (!server.ok()) return server.status();
  absl::StatusOr<std::unique_ptr<RenstraLoad>> load = RenstraLoad::Connect(server->address, 1);
  if (!load.ok()) return load.status();
  const uint64_t log_before = LogBytes(dir);
  const uint64_t stderr_before = FileBytes(log_path);

  std::atomic<bool> stop{false};
  absl::Mutex mu;
  std::vector<std::thread> threads;
  for (int f = 0; f < flooders; ++f) {
    threads.emplace_back([&, f] {
      grpc::ChannelArguments args;
      args.SetInt("flood", f);  // its own connection
      auto stub = v1::LogService::NewStub(
          grpc::CreateCustomChannel(server->address, grpc::InsecureChannelCredentials(), args));
      std::map<std::string, uint64_t> codes;
      uint64_t refused = 0;
      while (!stop.load()) {
        grpc::ClientContext context;
        v1::GetHeadResponse head;
        const grpc::Status status = stub->GetHead(&context, {}, &head);
        ++codes[std::to_string(status.error_code())];
        if (!status.ok()) ++refused;
      }
      absl::MutexLock lock(&mu);
      result.refused += refused;
      for (const auto& [code, n] : codes) result.codes[code] += n;
    });
  }
  uint64_t n = 0;
  LoadResult writes = RunClosedLoop(
      1, flags.seconds, [&](int client) { return (*load)->Propose(client, "flood-" + name, n++); },
      /*record_latency=*/true);
  stop = true;
  for (std::thread& t : threads) t.join();
  load->reset();
  const int exit_status = server->daemon->Stop();
  if (exit_status != 0) {
    return absl::InternalError(absl::StrCat(name, ": renstrad exited with ", exit_status));
  }
  result.proposals = writes.ops;
  result.log_growth = LogBytes(dir) - log_before;
  result.stderr_growth = FileBytes(log_path) - stderr_before;
  result.p50_ms = Percentile(writes.latencies_us, 50) / 1000;
  result.p99_ms = Percentile(writes.latencies_us, 99) / 1000;
  if (writes.errors > 0) {
    std::fprintf(stderr, "%s: %llu writes failed, e.g. %s\n", name.c_str(),
                 static_cast<unsigned long long>(writes.errors), writes.first_error.c_str());
  }
  return result;
}

const char* CodeName(const std::string& code) {
  if (code == "0") return "OK";
  if (code == "8") return "RESOURCE_EXHAUSTED";
  if (code == "16") return "UNAUTHENTICATED";
  return "other";
}

}  // namespace
}  // namespace renstra::bench

int main(int argc, char** argv) {
  using namespace renstra::bench;
  Flags flags;
  if (!ParseFlags(argc, argv, &flags)) {
    std::fprintf(stderr,
                 "usage: renstra_flood_bench [--seconds S] [--flooders N] [--work_dir DIR] "
                 "[--renstrad PATH]\n");
    return 2;
  }
  std::string made;
  if (flags.work_dir.empty()) {
    std::string pattern = (fs::temp_directory_path() / "renstra_flood.XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) return 1;
    flags.work_dir = made = pattern;
  }
  const std::vector<std::pair<std::string, std::vector<std::string>>> runs = {
      {"quiet", {}},
      {"unlimited",
       {"--anonymous_calls_per_second=0", "--refusals_recorded_per_window=4294967295"}},
      {"limited", {}},
  };
  std::vector<RunResult> results;
  for (const auto& [name, extra] : runs) {
    absl::StatusOr<RunResult> r = Run(flags, name, name == "quiet" ? 0 : flags.flooders, extra);
    if (!r.ok()) {
      std::fprintf(stderr, "%s\n", r.status().ToString().c_str());
      return 1;
    }
    results.push_back(*std::move(r));
  }
  const RunResult& quiet = results[0];
  const double log_per_write =
      quiet.proposals > 0 ? static_cast<double>(quiet.log_growth) / quiet.proposals : 0;
  const double stderr_per_write =
      quiet.proposals > 0 ? static_cast<double>(quiet.stderr_growth) / quiet.proposals : 0;
  std::printf("%.0f s per run, %d flooding connections (GetHead without a token)\n", flags.seconds,
              flags.flooders);
  std::printf("%-10s %10s %9s %24s %14s %14s %16s %16s\n", "run", "refused", "refused/s", "codes",
              "writes", "write p50 ms", "write p99 ms", "disk B/refused");
  for (const RunResult& r : results) {
    std::string codes;
    for (const auto& [code, n] : r.codes) absl::StrAppend(&codes, CodeName(code), "=", n, " ");
    const double refused_disk =
        r.refused > 0 ? (r.log_growth - log_per_write * r.proposals) / r.refused : 0;
    const double refused_stderr =
        r.refused > 0 ? (r.stderr_growth - stderr_per_write * r.proposals) / r.refused : 0;
    std::printf("%-10s %10llu %9.0f %24s %14llu %14.2f %16.2f %8.2f (+%.2f log)\n", r.name.c_str(),
                static_cast<unsigned long long>(r.refused), r.refused / flags.seconds,
                codes.c_str(), static_cast<unsigned long long>(r.proposals), r.p50_ms, r.p99_ms,
                refused_disk, refused_stderr);
    std::printf(
        "SUMMARY|%s|refused=%llu|writes=%llu|p50_ms=%.2f|p99_ms=%.2f|log_bytes=%llu|"
        "stderr_bytes=%llu|disk_bytes_per_refused=%.2f|stderr_bytes_per_refused=%.2f\n",
        r.name.c_str(), static_cast<unsigned long long>(r.refused),
        static_cast<unsigned long long>(r.proposals), r.p50_ms, r.p99_ms,
        static_cast<unsigned long long>(r.log_growth),
        static_cast<unsigned long long>(r.stderr_growth), refused_disk, refused_stderr);
  }
  if (!made.empty()) fs::remove_all(made);
  return 0;
}
