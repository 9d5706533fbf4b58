// Replay and start-up with a large log.
//
// Builds a RocksDB store of --events events (default 1,000,000: the seed import, then
// proposals and realization records interleaved; see event_mix.h) and measures:
//  - rebuilding every projection from the first event (PlanApp::Recover: the plan,
//    proposals, realizations, request ids), against the baseline of a raw RocksDB
//    scan of the same events with each envelope and its payload decoded and nothing
//    else done — target: replay <= 2x raw;
//  - hashing the log into the Merkle tree (MerkleLog, done at every start);
//  - renstrad's start-up, from exec to its ready line, and its peak resident memory
//    (VmHWM) once ready, with this store; the same for a store holding the seed only,
//    as the baseline;
//  - the same start-up from a snapshot (services/snapshotter.h) of the whole log,
//    written by a renstrad stopped cleanly, against the start-up replaying the log (both
//    with --snapshot_every=0, so no start writes one); target: serving within 1 s.
// Prints each figure and the ratios; "SUMMARY|" lines are for bench/run-all.sh.
//
// Usage: renstra_replay_bench [--events N] [--rounds R] [--work_dir DIR] [--keep]
//          [--store DIR] [--renstrad PATH] [--skip_startup]
// --keep leaves the work directory (and its store) in place; --store DIR measures an
// existing store (e.g. a kept one, DIR = .../store) instead of building one;
// --skip_startup measures the replay only (no renstrad start-ups).
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "bench/bench_support.h"
#include "bench/event_mix.h"
#include "bench/renstrad_runner.h"
#include "renstra/v1/realization.pb.h"
#include "renstra/v1/workflow.pb.h"
#include "rocksdb/db.h"
#include "services/merkle_log.h"
#include "services/plan_app.h"
#include "storage/rocksdb_event_store.h"
#include "storage/rocksdb_layout.h"

namespace renstra::bench {
namespace {

namespace fs = std::filesystem;

struct Flags {
  uint64_t events = 1000000;
  int rounds = 3;
  std::string work_dir;
  bool keep = false;
  bool skip_startup = false;
  std::string store;  // an existing store (kept by --keep) instead of building one
  std::string renstrad = DefaultRenstradPath();
};

// CPU seconds this thread has used: the work itself, whatever else shares the cores
// (the wall-clock figures of a loaded machine vary far more).
double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "renstra_replay_bench: %s\n", what.c_str());
  std::exit(1);
}

void Check(const absl::Status& s, const char* what) {
  if (!s.ok()) Die(absl::StrCat(what, ": ", s.ToString()));
}

template <typename T>
T OrDie(absl::StatusOr<T> v, const char* what) {
  Check(v.status(), what);
  return *std::move(v);
}

Flags ParseFlags(int argc, char** argv) {
  Flags f;
  for (int i = 1; i < argc; ++i) {
    const std::string name = argv[i];
    if (name == "--keep") {
      f.keep = true;
      continue;
    }
    if (name == "--skip_startup") {
      f.skip_startup = true;
      continue;
    }
    if (i + 1 >= argc) Die(name + " needs a value");
    const std::string value = argv[++i];
    if (name == "--events") {
      f.events = std::strtoull(value.c_str(), nullptr, 10);
    } else if (name == "--rounds") {
      f.rounds = std::max(1, std::atoi(value.c_str()));
    } else if (name == "--work_dir") {
      f.work_dir = value;
    } else if (name == "--store") {
      f.store = value;
    } else if (name == "--renstrad") {
      f.renstrad = value;
    } else {
      Die("unknown flag " + name);
    }
  }
  return f;
}

// Baseline: every event read from RocksDB's "events" column family in order (with the
// replay's read options), its envelope and payload decoded (by stream kind, into one
// reused message per type, as the replay does), nothing applied. Returns the seconds
// the scan took (opening the database excluded, as for the replay); dies unless it
// decoded `events` events.
double RawScan(const std::string& dir, uint64_t events, double* cpu_seconds) {
  std::vector<std::string> names;
  Check(absl::Status(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir, &names).ok()
                         ? absl::OkStatus()
                         : absl::InternalError("list column families")),
        "raw scan");
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  for (const std::string& n : names) families.emplace_back(n, rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  if (!rocksdb::DB::OpenForReadOnly(rocksdb::DBOptions(), dir, families, &handles, &raw).ok()) {
    Die("raw scan: cannot open " + dir);
  }
  std::unique_ptr<rocksdb::DB> db(raw);
  rocksdb::ColumnFamilyHandle* events_cf = nullptr;
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == layout::kEventsCf) events_cf = handles[i];
  }
  if (events_cf == nullptr) Die("raw scan: no events column family");
  uint64_t decoded = 0;
  const double cpu_start = ThreadCpuSeconds();
  const Clock::time_point start = Clock::now();
  {
    // The read options RocksDbEventStore::Scan (the replay's reader) uses.
    rocksdb::ReadOptions read_options;
    read_options.readahead_size = 2 << 20;
    read_options.fill_cache = false;
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(read_options, events_cf));
    v1::EventEnvelope envelope;
    v1::PlanEvent plan_event;
    v1::ProposalEvent proposal_event;
    v1::RealizationEvent realization_event;
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      const rocksdb::Slice v = it->value();
      if (!envelope.ParseFromArray(v.data(), static_cast<int>(v.size()))) Die("raw: envelope");
      const std::string& stream = envelope.stream();
      bool ok = true;
      if (absl::StartsWith(stream, "plan/")) {
        ok = plan_event.ParseFromString(envelope.payload());
      } else if (absl::StartsWith(stream, "proposal/")) {
        ok = proposal_event.ParseFromString(envelope.payload());
      } else if (absl::StartsWith(stream, "realization/")) {
        ok = realization_event.ParseFromString(envelope.payload());
      }
      if (!ok) Die("raw: payload");
      ++decoded;
    }
  }
  const double seconds = SecondsSince(start);
  *cpu_seconds = ThreadCpuSeconds() - cpu_start;
  for (rocksdb::ColumnFamilyHandle* h : handles) db->DestroyColumnFamilyHandle(h);
  db->Close();
  if (decoded != events) Die("raw scan: wrong number of events");
  return seconds;
}

// PlanApp::Recover over the store in `dir`: seconds, and checks it applied `events`.
// Sets *rss_growth_mb to how much this process's resident memory grew during it.
// *cpu_seconds: the CPU time the replay's thread used.
double Replay(const std::string& dir, uint64_t events, double* rss_growth_mb, double* cpu_seconds) {
  RocksDbEventStore::Options options;
  options.verify_tail = 0;
  std::unique_ptr<RocksDbEventStore> store = OrDie(RocksDbEventStore::Open(dir, options), "open");
  PlanApp app(store.get(), std::string(PlanApp::kDefaultPlanId));
  const int64_t rss_before = ProcStatusKb(getpid(), "VmRSS");
  const double cpu_start = ThreadCpuSeconds();
  const Clock::time_point start = Clock::now();
  Check(app.Recover(), "replay");
  const double seconds = SecondsSince(start);
  *cpu_seconds = ThreadCpuSeconds() - cpu_start;
  *rss_growth_mb = (ProcStatusKb(getpid(), "VmRSS") - rss_before) / 1024.0;
  if (app.projector()->applied() != events) Die("replay applied the wrong number of events");
  return seconds;
}

// MerkleLog over the store in `dir` (hashes every event): seconds.
double HashAll(const std::string& dir, uint64_t events) {
  RocksDbEventStore::Options options;
  options.verify_tail = 0;
  std::unique_ptr<RocksDbEventStore> store = OrDie(RocksDbEventStore::Open(dir, options), "open");
  const Clock::time_point start = Clock::now();
  std::unique_ptr<MerkleLog> merkle = OrDie(MerkleLog::OpenEphemeral(store.get()), "merkle");
  const double seconds = SecondsSince(start);
  if (merkle->size() != events) Die("the tree has the wrong size");
  return seconds;
}

struct Startup {
  uint64_t events = 0;  // in the log, from the ready line
  std::vector<double> seconds;
  std::vector<double> hwm_mb;
  std::vector<double> rss_mb;
};

// Starts renstrad on `dir` `rounds` times: time to ready, VmHWM and VmRSS once ready.
Startup MeasureStartup(const Flags& flags, const std::string& dir, const std::string& log,
                       int rounds, const std::vector<std::string>& extra = {}) {
  Startup out;
  for (int r = 0; r < rounds; ++r) {
    std::ofstream(log, std::ios::trunc).close();  // keep the last start's log only
    RunningRenstrad server =
        OrDie(StartRenstrad(flags.renstrad, dir, log, extra), "start renstrad");
    out.events = server.events;
    out.seconds.push_back(server.ready_seconds);
    out.hwm_mb.push_back(ProcStatusKb(server.pid(), "VmHWM") / 1024.0);
    out.rss_mb.push_back(ProcStatusKb(server.pid(), "VmRSS") / 1024.0);
    if (server.daemon->Stop() != 0) Die("renstrad did not stop cleanly; see " + log);
  }
  return out;
}

// renstrad's progress lines (replay, hashing) from its log.
void PrintProgressLines(const std::string& log) {
  std::ifstream in(log);
  std::string line;
  while (std::getline(in, line)) {
    if (absl::StrContains(line, "projections:") || absl::StrContains(line, "Merkle") ||
        absl::StrContains(line, "replayed") || absl::StrContains(line, "snapshot")) {
      std::printf("    | %s\n", line.c_str());
    }
  }
}

}  // namespace

int Main(int argc, char** argv) {
  const Flags flags = ParseFlags(argc, argv);
  const fs::path root =
      fs::path(flags.work_dir.empty() ? fs::temp_directory_path().string() : flags.work_dir) /
      absl::StrCat("renstra_replay_", getpid());
  const std::string dir = flags.store.empty() ? (root / "store").string() : flags.store;
  fs::create_directories(root);

  // Build the log (or take the one given).
  MixCounts counts;
  double build_seconds = 0;
  if (!flags.store.empty()) {
    RocksDbEventStore::Options options;
    options.verify_tail = 0;
    counts.total = OrDie(RocksDbEventStore::Open(dir, options), "open")->Head().sequence;
    std::printf("log: %llu events in %s\n", static_cast<unsigned long long>(counts.total),
                dir.c_str());
  } else {
    std::unique_ptr<RocksDbEventStore> store = OrDie(RocksDbEventStore::Open(dir), "open");
    MixOptions options;
    options.total_events = flags.events;
    const Clock::time_point start = Clock::now();
    counts = OrDie(BuildEventMix(store.get(), options), "build the log");
    build_seconds = SecondsSince(start);
    std::printf(
        "log: %llu events = seed %llu + %llu proposals x 3 + %llu realization records "
        "(%llu corrections); %llu commands written in %.1f s (%.0f events/s, synced "
        "group commits)\n",
        static_cast<unsigned long long>(counts.total), static_cast<unsigned long long>(counts.seed),
        static_cast<unsigned long long>(counts.proposals),
        static_cast<unsigned long long>(counts.realizations),
        static_cast<unsigned long long>(counts.corrections),
        static_cast<unsigned long long>(counts.appends), build_seconds,
        counts.total / build_seconds);
  }
  const uint64_t events = counts.total;

  // Replay vs raw, alternating, medians.
  std::vector<double> raw, replay, hash, raw_cpu, replay_cpu;
  double projection_mb = 0;  // from the first replay: freed memory is not given back
  for (int r = 0; r < flags.rounds; ++r) {
    double cpu = 0;
    raw.push_back(RawScan(dir, events, &cpu));
    raw_cpu.push_back(cpu);
    double growth_mb = 0;
    replay.push_back(Replay(dir, events, &growth_mb, &cpu));
    replay_cpu.push_back(cpu);
    if (r == 0) projection_mb = growth_mb;
    hash.push_back(HashAll(dir, events));
  }
  const double raw_s = Median(raw), replay_s = Median(replay), hash_s = Median(hash);
  std::printf("\n%d rounds, medians:\n", flags.rounds);
  std::printf("  raw RocksDB scan + decode      %7.2f s  (%.0f events/s)  baseline\n", raw_s,
              events / raw_s);
  std::printf(
      "  replay into all projections    %7.2f s  (%.0f events/s)  replay/raw %.2fx, "
      "i.e. %.0f%% of raw speed (target >= 50%%)\n",
      replay_s, events / replay_s, replay_s / raw_s, 100 * raw_s / replay_s);
  std::printf("  CPU time of the thread: raw %.2f s, replay %.2f s, replay/raw %.2fx\n",
              Median(raw_cpu), Median(replay_cpu), Median(replay_cpu) / Median(raw_cpu));
  std::printf("  Merkle tree of the log         %7.2f s  (%.0f events/s)\n", hash_s,
              events / hash_s);
  std::printf("  resident memory the first replay added: %.0f MB (%.0f bytes/event)\n",
              projection_mb, projection_mb * 1024 * 1024 / events);

  if (flags.skip_startup) {
    if (!flags.keep) {
      std::error_code ec;
      fs::remove_all(root, ec);
    }
    return 0;
  }

  // renstrad start-up: the seed-only store as baseline, then the big one.
  const std::string seed_dir = (root / "seed-only").string();
  const std::string log = (root / "renstrad.log").string();
  MeasureStartup(flags, seed_dir, log, 1);  // imports the seed; not measured
  const Startup seed = MeasureStartup(flags, seed_dir, log, flags.rounds);
  const std::string snapshots = (fs::path(dir) / "snapshots").string();
  std::error_code ec;
  fs::remove_all(snapshots, ec);  // a kept store's, from an earlier run
  const std::vector<std::string> no_writes = {"--snapshot_every=0"};
  const Startup big = MeasureStartup(flags, dir, log, flags.rounds, no_writes);
  // One start that writes a snapshot at its clean shutdown only (not measured as a start).
  const Clock::time_point snapshot_start = Clock::now();
  MeasureStartup(flags, dir, log, 1, {"--snapshot_every=1000000000000"});
  const double snapshot_cycle_s = SecondsSince(snapshot_start);
  uint64_t snapshot_bytes = 0;
  for (const fs::directory_entry& e : fs::directory_iterator(snapshots)) {
    snapshot_bytes += e.file_size();
  }
  std::string snapshot_log;
  {
    std::ifstream in(log);
    std::string line;
    while (std::getline(in, line)) {
      if (absl::StrContains(line, "snapshot (")) snapshot_log = line;
    }
  }
  const Startup snap = MeasureStartup(flags, dir, log, flags.rounds, no_writes);
  std::printf("\nrenstrad start-up, exec to ready line (%d starts each, medians):\n", flags.rounds);
  std::printf("  seed only (%llu events)   %7.2f s   VmHWM %6.0f MB   VmRSS %6.0f MB\n",
              static_cast<unsigned long long>(seed.events), Median(seed.seconds),
              Median(seed.hwm_mb), Median(seed.rss_mb));
  std::printf(
      "  %llu events     %7.2f s   VmHWM %6.0f MB   VmRSS %6.0f MB   (%.0f bytes of "
      "peak RSS per event over the seed-only server)\n",
      static_cast<unsigned long long>(events), Median(big.seconds), Median(big.hwm_mb),
      Median(big.rss_mb), (Median(big.hwm_mb) - Median(seed.hwm_mb)) * 1024 * 1024 / events);
  std::printf(
      "  %llu events, from a snapshot   %7.2f s   VmHWM %6.0f MB   VmRSS %6.0f MB   "
      "(start-up %.1fx faster than the replay; target: serving within 1 s)\n",
      static_cast<unsigned long long>(snap.events), Median(snap.seconds), Median(snap.hwm_mb),
      Median(snap.rss_mb), Median(big.seconds) / Median(snap.seconds));
  std::printf(
      "  the snapshot: %.1f MB; the start + clean stop that wrote it took %.2f s:\n    | %s\n",
      snapshot_bytes / 1e6, snapshot_cycle_s, snapshot_log.c_str());
  std::printf("  its log's lines (last start, from the snapshot):\n");
  PrintProgressLines(log);

  std::printf("SUMMARY|replay|%llu|%.2f|%.2f|%.2f|%.2f|%.2f|%.0f|%.2f|%.0f|%.0f|%.2f|%.0f\n",
              static_cast<unsigned long long>(events), raw_s, replay_s, hash_s, Median(big.seconds),
              Median(seed.seconds), Median(big.hwm_mb), build_seconds, Median(seed.hwm_mb),
              projection_mb, Median(snap.seconds), Median(snap.hwm_mb));
  if (!flags.keep) {
    std::error_code ec;
    fs::remove_all(root, ec);
  } else {
    std::printf("kept %s\n", root.c_str());
  }
  return 0;
}

}  // namespace renstra::bench

int main(int argc, char** argv) { return renstra::bench::Main(argc, argv); }
