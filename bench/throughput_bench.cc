// Durable command throughput through gRPC, against PostgreSQL and the disk, in one run.
//
// Starts a real renstrad (this build, demo users) in a temp dir on loopback and, for 1,
// 16 and 64 concurrent clients (each its own connection, each command its own request
// id), measures for the same time, back to back:
//   renstrad  WorkflowService.Propose: a one-event command on a new proposal stream,
//             answered after the group commit's fsync and the projector's catch-up;
//   pg        PostgreSQL (--pg CONNINFO): the same envelope bytes, one transaction per
//             command with the expected-version check (see pg_load.h), synchronous_commit
//             = on, fsync = on;
//   store     the same append straight into RocksDbEventStore in this process (no gRPC,
//             no projection): what the layers above the store cost;
//   raw       synced RocksDB Puts of values of the envelope's size (raw_rocksdb.h): the
//             disk's limit;
//   floor     LogService.GetHead through the same channels: a call that does no work,
//             the most any command through gRPC could reach on this machine.
// The envelope used for pg, store and raw is one renstrad stored for a Propose (read back
// with AuditService.ReadEvents after a warm-up). Prints commands/s, renstrad ÷ pg,
// renstrad ÷ raw, and CPU microseconds per command of the server and the client.
// Clients, server and PostgreSQL share this machine's cores.
//
// Usage: renstra_throughput_bench [--seconds S] [--clients 1,16,64] [--pg CONNINFO]
//          [--pg_data DIR] [--work_dir DIR] [--renstrad PATH]
// Lines starting "SUMMARY|" are for bench/run-all.sh.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "bench/bench_support.h"
#include "bench/raw_rocksdb.h"
#include "bench/renstra_load.h"
#include "bench/renstrad_runner.h"
#include "storage/envelope_hash.h"
#include "storage/rocksdb_event_store.h"

#ifdef RENSTRA_BENCH_HAVE_PG
#include "bench/pg_load.h"
#endif

namespace renstra::bench {
namespace {

namespace fs = std::filesystem;

struct Flags {
  double seconds = 5;
  std::vector<int> clients = {1, 16, 64};
  std::string pg;
  std::string pg_data;
  std::string work_dir;
  std::string renstrad = DefaultRenstradPath();
};

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "renstra_throughput_bench: %s\n", what.c_str());
  std::exit(1);
}

template <typename T>
T OrDie(absl::StatusOr<T> v, const char* what) {
  if (!v.ok()) Die(absl::StrCat(what, ": ", v.status().ToString()));
  return *std::move(v);
}

Flags ParseFlags(int argc, char** argv) {
  Flags f;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string name = argv[i];
    const std::string value = argv[i + 1];
    if (name == "--seconds") {
      f.seconds = std::atof(value.c_str());
    } else if (name == "--clients") {
      f.clients.clear();
      for (absl::string_view c : absl::StrSplit(value, ',')) {
        int n = 0;
        if (!absl::SimpleAtoi(c, &n) || n < 1) Die("--clients: a list like 1,16,64");
        f.clients.push_back(n);
      }
    } else if (name == "--pg") {
      f.pg = value;
    } else if (name == "--pg_data") {
      f.pg_data = value;
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

// The postmaster's pid from its data directory (0 if unknown).
pid_t PostmasterPid(const std::string& pg_data) {
  if (pg_data.empty()) return 0;
  std::ifstream in(pg_data + "/postmaster.pid");
  long pid = 0;
  in >> pid;
  return static_cast<pid_t>(pid);
}

// One measured load: commands/s and CPU per command of the server side and the client.
struct Measured {
  LoadResult load;
  double server_cpu_us = -1;  // per command; -1 when not measured
  double client_cpu_us = -1;
};

template <typename Op>
Measured Measure(int clients, double seconds, pid_t server, bool server_is_tree, Op op) {
  auto server_cpu = [&] {
    if (server == 0) return 0.0;
    return server_is_tree ? ProcessTreeCpuSeconds(server) : ProcessCpuSeconds(server);
  };
  const double server0 = server_cpu();
  const double client0 = SelfCpuSeconds();
  Measured m;
  m.load = RunClosedLoop(clients, seconds, op, false);
  const double ops = static_cast<double>(std::max<uint64_t>(m.load.ops, 1));
  if (server != 0) m.server_cpu_us = (server_cpu() - server0) * 1e6 / ops;
  m.client_cpu_us = (SelfCpuSeconds() - client0) * 1e6 / ops;
  if (m.load.errors > 0) {
    std::fprintf(stderr, "  %llu errors; first: %s\n",
                 static_cast<unsigned long long>(m.load.errors), m.load.first_error.c_str());
  }
  return m;
}

std::string Cpu(double us) { return us < 0 ? "-" : absl::StrCat(static_cast<int64_t>(us)); }

}  // namespace

int Main(int argc, char** argv) {
  const Flags flags = ParseFlags(argc, argv);
  const fs::path root = PrepareLoadGenerator(flags.work_dir, "renstra_throughput");
  int max_clients = 1;
  for (int c : flags.clients) max_clients = std::max(max_clients, c);

  RunningRenstrad server = OrDie(
      StartRenstrad(flags.renstrad, (root / "renstrad").string(), (root / "renstrad.log").string()),
      "start renstrad");
  std::unique_ptr<RenstraLoad> grpc =
      OrDie(RenstraLoad::Connect(server.address, max_clients), "connect");
  std::printf("renstrad %s (pid %d, %llu events at start, %zu proposable targets), work dir %s\n",
              server.address.c_str(), static_cast<int>(server.pid()),
              static_cast<unsigned long long>(server.events), grpc->targets().size(), root.c_str());
  std::fflush(stdout);

  // Warm-up, then read back what a Propose stores.
  std::vector<uint64_t> counters(max_clients, 0);
  Measure(std::min(16, max_clients), 2, 0, false,
          [&](int c) { return grpc->Propose(c, "warm", counters[c]++); });
  uint64_t head = 0;
  OrDie(grpc->ReadEvents(1, 1, &head), "read head");
  const std::vector<v1::EventEnvelope> sample =
      OrDie(grpc->ReadEvents(head, 1, nullptr), "read sample");
  if (sample.empty() || sample[0].event_type() != "renstra.v1.ProposalDrafted") {
    Die("the last event is not a ProposalDrafted");
  }
  const v1::EventEnvelope& stored = sample[0];
  const std::string envelope = SerializeEnvelope(stored);
  std::printf("a Propose command stores one envelope of %zu bytes (payload %zu bytes)\n",
              envelope.size(), stored.payload().size());

  [[maybe_unused]] const pid_t postmaster = PostmasterPid(flags.pg_data);
#ifdef RENSTRA_BENCH_HAVE_PG
  std::unique_ptr<PgLoad> pg;
  if (!flags.pg.empty()) {
    pg = OrDie(PgLoad::Connect(flags.pg, max_clients), "PostgreSQL");
    std::printf("%s\n", pg->Settings().c_str());
  }
#else
  if (!flags.pg.empty()) Die("built without libpq: --pg is not available");
#endif
  std::unique_ptr<RocksDbEventStore> store =
      OrDie(RocksDbEventStore::Open((root / "store").string()), "open store");
  std::unique_ptr<RawSyncedWriter> raw =
      OrDie(RawSyncedWriter::Open((root / "raw").string()), "open raw");

  std::printf(
      "\n%.0f s per run; cmd/s = acknowledged durable commands per second; CPU in us "
      "per command: server side / client (pg: all PostgreSQL processes / libpq "
      "client; store: the in-process append)\n",
      flags.seconds);
  std::printf("%7s %9s %9s %7s %9s %9s %8s %12s %12s %10s\n", "clients", "renstrad", "pg", "ren/pg",
              "store", "raw", "ren/raw", "ren cpu s/c", "pg cpu s/c", "store cpu");
  for (int clients : flags.clients) {
    const std::string tag = absl::StrCat("c", clients);
    std::fill(counters.begin(), counters.end(), 0);
    const Measured ren = Measure(clients, flags.seconds, server.pid(), false,
                                 [&](int c) { return grpc->Propose(c, tag, counters[c]++); });
    Measured pgm;
#ifdef RENSTRA_BENCH_HAVE_PG
    if (pg != nullptr) {
      std::fill(counters.begin(), counters.end(), 0);
      pgm = Measure(clients, flags.seconds, postmaster, true,
                    [&](int c) { return pg->Append(c, tag, counters[c]++, envelope); });
    }
#endif
    std::fill(counters.begin(), counters.end(), 0);
    const Measured direct = Measure(clients, flags.seconds, 0, false, [&](int c) {
      AppendRequest request;
      const std::string id = absl::StrCat(tag, "-", c, "-", counters[c]++);
      request.stream = absl::StrCat("proposal/", id);
      request.expected_version = 0;
      request.events.push_back({stored.event_type(), stored.schema_version(), stored.payload()});
      request.meta = {stored.principal(), stored.role(), stored.reason(), id};
      absl::StatusOr<AppendResult> r = store->Append(request);
      return r.ok() ? std::string() : r.status().ToString();
    });
    // The ceiling of any command through gRPC here: a call that does no work, with the
    // same clients, channels and tokens.
    const Measured floor = Measure(clients, flags.seconds, server.pid(), false,
                                   [&](int c) { return grpc->GetHead(c); });
    std::fill(counters.begin(), counters.end(), 0);
    const Measured disk = Measure(clients, flags.seconds, 0, false,
                                  [&](int c) { return raw->Put(c, counters[c]++, envelope); });

    const double r = ren.load.per_second();
    const double p = pgm.load.per_second();
    const double d = disk.load.per_second();
    std::printf("%7d %9.0f %9.0f %7s %9.0f %9.0f %8.2f %5s/%-6s %5s/%-6s %10s\n", clients, r, p,
                p > 0 ? absl::StrFormat("%.2f", r / p).c_str() : "-", direct.load.per_second(), d,
                d > 0 ? r / d : 0.0, Cpu(ren.server_cpu_us).c_str(), Cpu(ren.client_cpu_us).c_str(),
                Cpu(pgm.server_cpu_us).c_str(), Cpu(pgm.client_cpu_us).c_str(),
                Cpu(direct.client_cpu_us).c_str());
    std::printf("SUMMARY|throughput|%d|%.0f|%.0f|%.0f|%.0f|%s|%s|%zu|%s|%s|%s\n", clients, r, p,
                direct.load.per_second(), d, Cpu(ren.server_cpu_us).c_str(),
                Cpu(pgm.server_cpu_us).c_str(), envelope.size(), Cpu(ren.client_cpu_us).c_str(),
                Cpu(pgm.client_cpu_us).c_str(), Cpu(direct.client_cpu_us).c_str());
    std::printf(
        "%7s a call that does no work (GetHead): %.0f calls/s, CPU us %s/%s per call; "
        "renstrad Propose reaches %.2f of it\n",
        "", floor.load.per_second(), Cpu(floor.server_cpu_us).c_str(),
        Cpu(floor.client_cpu_us).c_str(), r / std::max(floor.load.per_second(), 1.0));
    std::printf("SUMMARY|floor|%d|%.0f|%s|%s\n", clients, floor.load.per_second(),
                Cpu(floor.server_cpu_us).c_str(), Cpu(floor.client_cpu_us).c_str());
    std::fflush(stdout);
  }

  store.reset();
  raw.reset();
  const int code = server.daemon->Stop();
  if (code != 0) std::fprintf(stderr, "renstrad exited with %d\n", code);
  std::error_code ec;
  fs::remove_all(root, ec);
  return 0;
}

}  // namespace renstra::bench

int main(int argc, char** argv) { return renstra::bench::Main(argc, argv); }
