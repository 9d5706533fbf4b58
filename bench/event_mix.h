// EventMix: fills a RocksDbEventStore with a realistic log of many events for the
// replay and start-up benchmarks, fast: the seed import (through PlanApp, as renstrad
// does), then, concurrently so the streams interleave in the log,
//   proposals   each two commands on its own stream "proposal/USL-n": drafted and
//               submitted by the division's head (a SetTarget change on one of its
//               indicators, with its "before"), then reviewed by the Kepala Dinas
//               (approve, reject or return in turn) — 3 events;
//   realizations one-event commands on the plan's realization stream: every
//               (indicator, year) achievement and (node, year) spending recorded once,
//               then corrections of each subject's current record in turn.
// Every command is its own Append with its own request id and principal, as the
// services write them; many writer threads let group commit share the fsyncs. The
// events are built here (not decided by the services), so replaying them is the check
// that they are well formed.
//
// Thread safety: Build() runs its own threads; call it from one thread.
// Errors: the store's errors; FAILED_PRECONDITION when the seed plan is missing.
#ifndef RENSTRA_BENCH_EVENT_MIX_H_
#define RENSTRA_BENCH_EVENT_MIX_H_

#include <cstdint>

#include "absl/status/statusor.h"
#include "storage/event_store.h"

namespace renstra::bench {

struct MixOptions {
  // Events in the log when done (the seed's included).
  uint64_t total_events = 1000000;
  // Share of the non-seed events that are realization records (the rest: proposals).
  double realization_share = 0.4;
  int writer_threads = 64;
};

struct MixCounts {
  uint64_t seed = 0;
  uint64_t proposals = 0;     // each 3 events
  uint64_t realizations = 0;  // events, corrections included
  uint64_t corrections = 0;
  uint64_t appends = 0;  // commands (Append calls)
  uint64_t total = 0;    // events in the log
};

// Builds the mix into `store`, which must be empty.
absl::StatusOr<MixCounts> BuildEventMix(EventStore* store, const MixOptions& options);

}  // namespace renstra::bench

#endif  // RENSTRA_BENCH_EVENT_MIX_H_
