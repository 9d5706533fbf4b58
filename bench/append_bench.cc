// Durable append throughput against the disk's limit.
//
// For 1, 16 and 64 concurrent writers, each appending one-event commands (an envelope
// the size of a realistic TargetSet command, with its own stream, expected version and
// request id) to a RocksDbEventStore, acknowledged only after fsync (group commit);
// against the baseline of the same writers doing raw RocksDB Puts of values of the same
// size with WriteOptions::sync = true, which RocksDB itself groups into one WAL sync —
// the most this disk gives to synced RocksDB writes (bench/raw_rocksdb.h). Prints commands/s,
// the average commands per fsync, and our throughput as a fraction of the raw one.
//
// Also prints the bytes per event: the serialized envelope, and the store on disk after
// a flush and full compaction, divided by the events in it.
//
// Usage: renstra_append_bench [--seconds S] [--ack_sync_every_ms N]   (build Release)
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "bench/bench_support.h"
#include "bench/raw_rocksdb.h"
#include "rocksdb/db.h"
#include "storage/envelope_hash.h"
#include "storage/rocksdb_event_store.h"

namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

void Check(const absl::Status& s, const char* what) {
  if (!s.ok()) {
    std::fprintf(stderr, "%s: %s\n", what, std::string(s.ToString()).c_str());
    std::exit(1);
  }
}

// A payload of the size of a TargetSet for "1.06.04.2.01.0001#1" 2025 "220 Orang".
std::string Payload() { return std::string(48, 'x'); }

uint64_t DirBytes(const fs::path& dir) {
  uint64_t total = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) total += entry.file_size();
  }
  return total;
}

struct Run {
  double per_second = 0;
  uint64_t commands = 0;
  uint64_t syncs = 0;
};

// --ack_sync_every_ms: how often the store fdatasyncs its record of acknowledged events
// (RocksDbEventStoreOptions::acknowledged_sync_every; 0: after every group).
std::chrono::milliseconds ack_sync_every =
    renstra::RocksDbEventStoreOptions().acknowledged_sync_every;

Run OurAppends(const fs::path& dir, int writers, double seconds) {
  renstra::RocksDbEventStore::Options options;
  options.acknowledged_sync_every = ack_sync_every;
  absl::StatusOr<std::unique_ptr<renstra::RocksDbEventStore>> store =
      renstra::RocksDbEventStore::Open(dir.string(), options);
  Check(store.status(), "open");
  std::atomic<bool> stop{false};
  std::atomic<uint64_t> done{0};
  std::vector<std::thread> threads;
  const auto start = Clock::now();
  for (int w = 0; w < writers; ++w) {
    threads.emplace_back([&, w] {
      int64_t version = 0;
      while (!stop.load(std::memory_order_relaxed)) {
        renstra::AppendRequest request;
        request.stream = absl::StrCat("proposal/BENCH-", w);
        request.expected_version = version;
        request.meta = {"rehab", "KEPALA_BIDANG", "Jumlah penerima bertambah",
                        absl::StrCat("bench-", w, "-", version)};
        request.events.push_back({"renstra.v1.ProposalSubmitted", 1, Payload()});
        Check((*store)->Append(request).status(), "append");
        ++version;
        done.fetch_add(1, std::memory_order_relaxed);
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop = true;
  for (std::thread& t : threads) t.join();
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  return {done / elapsed, done.load(), (*store)->sync_groups()};
}

Run RawSyncedPuts(const fs::path& dir, int writers, double seconds, size_t value_size) {
  absl::StatusOr<std::unique_ptr<renstra::bench::RawSyncedWriter>> raw =
      renstra::bench::RawSyncedWriter::Open(dir.string());
  Check(raw.status(), "open raw");
  const std::string value(value_size, 'v');
  std::vector<uint64_t> counters(writers, 0);
  const renstra::bench::LoadResult load = renstra::bench::RunClosedLoop(
      writers, seconds, [&](int w) { return (*raw)->Put(w, counters[w]++, value); }, false);
  if (load.errors > 0) Check(absl::InternalError(load.first_error), "raw put");
  return {load.per_second(), load.ops, 0};
}

}  // namespace

int main(int argc, char** argv) {
  double seconds = 3;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--seconds") seconds = std::atof(argv[i + 1]);
    if (std::string(argv[i]) == "--ack_sync_every_ms") {
      ack_sync_every = std::chrono::milliseconds(std::atoll(argv[i + 1]));
    }
  }
  const fs::path root = fs::temp_directory_path() / absl::StrCat("renstra_append_bench_", getpid());
  fs::create_directories(root);

  // The envelope a one-event command stores (sequence, hash and timestamp included).
  renstra::v1::EventEnvelope sample;
  sample.set_sequence(123456);
  sample.set_stream("proposal/BENCH-12");
  sample.set_stream_version(4321);
  sample.set_event_type("renstra.v1.ProposalSubmitted");
  sample.set_schema_version(1);
  sample.set_payload(Payload());
  sample.set_principal("rehab");
  sample.set_role("KEPALA_BIDANG");
  sample.set_timestamp_micros(1795814156472589);
  sample.set_reason("Jumlah penerima bertambah");
  sample.set_request_id("bench-12-4321");
  sample.set_prev_hash(std::string(32, 'h'));
  const size_t envelope_bytes = renstra::SerializeEnvelope(sample).size();

  std::printf(
      "durable one-event commands, %.0f s per run (envelope %zu bytes; acknowledged record "
      "fdatasynced every %lld ms)\n",
      seconds, envelope_bytes, static_cast<long long>(ack_sync_every.count()));
  std::printf("%8s %14s %12s %14s %10s\n", "writers", "ours cmd/s", "cmds/fsync", "raw synced/s",
              "ours/raw");
  for (int writers : {1, 16, 64}) {
    const Run ours = OurAppends(root / absl::StrCat("ours-", writers), writers, seconds);
    const Run raw =
        RawSyncedPuts(root / absl::StrCat("raw-", writers), writers, seconds, envelope_bytes);
    std::printf("%8d %14.0f %12.1f %14.0f %10.2f\n", writers, ours.per_second,
                ours.syncs == 0 ? 0.0 : static_cast<double>(ours.commands) / ours.syncs,
                raw.per_second, ours.per_second / raw.per_second);
  }

  // Bytes per event on disk, after a flush and a full compaction (reopened: the log's
  // own files only).
  {
    const fs::path dir = root / "ours-64";
    absl::StatusOr<std::unique_ptr<renstra::RocksDbEventStore>> store =
        renstra::RocksDbEventStore::Open(dir.string());
    Check(store.status(), "reopen");
    const uint64_t events = (*store)->Head().sequence;
    store->reset();
    rocksdb::Options options;
    std::vector<std::string> families;
    rocksdb::DB::ListColumnFamilies(options, dir.string(), &families);
    std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
    for (const std::string& f : families)
      descriptors.emplace_back(f, rocksdb::ColumnFamilyOptions());
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* raw = nullptr;
    if (rocksdb::DB::Open(options, dir.string(), descriptors, &handles, &raw).ok()) {
      for (rocksdb::ColumnFamilyHandle* h : handles) {
        raw->Flush(rocksdb::FlushOptions(), h);
        raw->CompactRange(rocksdb::CompactRangeOptions(), h, nullptr, nullptr);
        raw->DestroyColumnFamilyHandle(h);
      }
      raw->Close();
      delete raw;
    }
    const uint64_t bytes = DirBytes(dir);
    std::printf(
        "on disk: %llu events in %llu bytes = %.0f bytes/event (all column families, "
        "after compaction)\n",
        static_cast<unsigned long long>(events), static_cast<unsigned long long>(bytes),
        events == 0 ? 0.0 : static_cast<double>(bytes) / events);
  }
  fs::remove_all(root);
  return 0;
}
