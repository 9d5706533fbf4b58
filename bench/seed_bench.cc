// Seed import and replay benchmark.
//
// Measures, on a real RocksDB store in a temporary directory:
//  - parsing the seed's T-C.27 table (no I/O);
//  - importing the seed through PlanApp (decide, one synced group commit, apply);
//  - replaying the plan stream into a fresh projection (PlanApp::Recover), against the
//    baseline of a raw read and decode of the same events with no projection work.
// Prints each figure and replay ÷ raw; the ratio is what to watch across machines.
//
// Usage: renstra_seed_bench [--rounds N]   (build Release for meaningful figures)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "domain/tc27_parser.h"
#include "services/plan_app.h"
#include "services/seed_data.h"
#include "storage/rocksdb_event_store.h"

namespace {

using Clock = std::chrono::steady_clock;

double MillisSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

void Check(const absl::Status& s, const char* what) {
  if (!s.ok()) {
    std::fprintf(stderr, "%s: %s\n", what, std::string(s.ToString()).c_str());
    std::exit(1);
  }
}

}  // namespace

int main(int argc, char** argv) {
  int rounds = 9;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--rounds") rounds = std::max(1, std::atoi(argv[i + 1]));
  }
  const std::string seed(renstra::SeedDocument());
  char tmpl[] = "/tmp/renstra-bench-XXXXXX";
  const std::string dir = mkdtemp(tmpl);

  std::vector<double> parse;
  for (int r = 0; r < rounds; ++r) {
    const auto start = Clock::now();
    absl::StatusOr<renstra::ParsedTable> t = renstra::ParseTc27(seed);
    parse.push_back(MillisSince(start));
    Check(t.status(), "parse");
  }

  auto store = renstra::RocksDbEventStore::Open(dir + "/store");
  Check(store.status(), "open");
  renstra::PlanApp app(store->get(), std::string(renstra::PlanApp::kDefaultPlanId));
  renstra::v1::ImportTableRequest request;
  request.set_content(seed);
  request.set_source_name("seed");
  request.set_request_id("bench-import");
  auto start = Clock::now();
  auto imported = app.Import(request, renstra::Principal{"bench", "SYSTEM"});
  const double import_ms = MillisSince(start);
  Check(imported.status(), "import");
  const uint64_t events = imported->events();

  std::vector<double> replay, raw;
  for (int r = 0; r < rounds; ++r) {
    // Baseline: read (in log order, as the replay does) and decode every event, with
    // no projection work.
    start = Clock::now();
    auto envelopes = (*store)->ReadAll(1, events + 1);
    Check(envelopes.status(), "read");
    size_t decoded = 0;
    for (const auto& e : *envelopes) {
      renstra::v1::PlanEvent payload;
      decoded += payload.ParseFromString(e.payload());
    }
    raw.push_back(MillisSince(start));
    if (decoded != events) Check(absl::InternalError("decode count"), "raw");

    renstra::PlanApp fresh(store->get(), std::string(renstra::PlanApp::kDefaultPlanId));
    start = Clock::now();
    Check(fresh.Recover(), "recover");
    replay.push_back(MillisSince(start));
    if (fresh.version() != static_cast<int64_t>(events)) {
      Check(absl::InternalError("replay version"), "replay");
    }
  }
  store->reset();
  std::filesystem::remove_all(dir);

  std::printf("seed T-C.27: %llu events, %d rounds (medians)\n",
              static_cast<unsigned long long>(events), rounds);
  std::printf("  parse table            %8.2f ms\n", Median(parse));
  std::printf("  import (decide+fsync+apply) %8.2f ms (single run)\n", import_ms);
  std::printf("  replay into projection %8.2f ms  (%.0f events/s)\n", Median(replay),
              events / (Median(replay) / 1000.0));
  std::printf("  raw read+decode        %8.2f ms  (baseline)\n", Median(raw));
  std::printf("  replay / raw           %8.2f x\n", Median(replay) / Median(raw));
  return 0;
}
