// The crash test: renstrad under load from many concurrent clients (workload.h) is
// killed with SIGKILL at random moments and restarted, cycle after cycle, and after
// every restart the harness checks invariants 2–4 of docs/architecture.md from the outside:
//   - every acknowledged command is in the log exactly once (by its request id, with the
//     event type and stream it should have), and no command in doubt is there twice;
//   - the hash chain verifies (the events read here, and LogService.VerifyLog);
//   - the Merkle tree verifies: the tree head is signed by the key pinned at the first
//     start, it is consistent with the previous cycle's head, and its root is the root
//     of the events read;
//   - the projections equal a fresh replay: GetPlan, ListProposals, ListRealizations,
//     ListRevisions and the signed root of the running server equal those of a second
//     renstrad started (--verify_tail=0) on a restored online backup of the same log;
//   - each acknowledged answer held (a submitted proposal is not a draft, a review's
//     decision stands, a ratified proposal is applied, a recorded realization is
//     listed), and a refused command wrote nothing.
// Some restarts are killed again while the server recovers, and the very first start
// (seed import) is killed before it is let finish.
//
// Thread safety: RunCrashTest() runs one test at a time on the calling thread, which
// must stay alive while it runs (it parents the server processes).
#ifndef RENSTRA_TESTS_CRASH_CRASH_HARNESS_H_
#define RENSTRA_TESTS_CRASH_CRASH_HARNESS_H_

#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace renstra::crash {

struct CrashOptions {
  // The renstrad binary.
  std::string renstrad;
  // Where the data, backups and logs go; created, and removed at the end unless
  // `keep_work_dir` (or a check failed). Empty: a new directory under $TMPDIR.
  std::string work_dir;
  bool keep_work_dir = false;
  int cycles = 5;
  int clients = 16;
  // 0: taken from the clock (printed, so a run can be repeated).
  uint32_t seed = 0;
  // The server runs under load this long (uniformly random) before each kill.
  int min_delay_ms = 50;
  int max_delay_ms = 500;
  // Every Nth restart is also killed while it recovers, before it serves (0: never).
  int recovery_kill_every = 4;
  // Kills of the first start (while it imports the seed) before it may finish.
  int first_start_kills = 2;
  // Compare with a fresh replay every N cycles, and always at the end (0: at the end).
  int replay_every = 1;
  // Progress lines, one per cycle (null: quiet).
  std::ostream* progress = nullptr;
};

struct CrashSummary {
  uint32_t seed = 0;
  int cycles = 0;
  int kills = 0;              // SIGKILLs of a serving server
  int recovery_kills = 0;     // SIGKILLs of a server still recovering
  int first_start_kills = 0;  // SIGKILLs of the first start
  uint64_t events = 0;        // events in the log at the end
  int replays_compared = 0;
  double seconds = 0;

  int64_t commands = 0;
  int64_t acknowledged = 0;
  std::map<std::string, int64_t> acknowledged_by_kind;
  // Commands whose answer was lost at least once, and how they ended: found in the
  // log by the retry (the original had landed), written by the retry (it had not), or
  // still unanswered at the end (must be 0: the clients drain before the end).
  int64_t in_doubt = 0;
  int64_t in_doubt_landed_before_retry = 0;
  int64_t in_doubt_written_by_retry = 0;
  int64_t in_doubt_refused = 0;  // a ratification in doubt, then told to rebase
  int64_t in_doubt_unresolved = 0;
  int64_t attempts = 0;
  // Failures: must all be 0.
  int64_t lost = 0;         // acknowledged, not in the log
  int64_t duplicated = 0;   // in the log more than once
  int64_t refused = 0;      // a definite refusal of a workload command
  int64_t bad_answers = 0;  // an acknowledged answer that did not hold
  // Ratifications refused (ABORTED) because an earlier one changed the same value:
  // expected, and checked to have written nothing.
  int64_t rebase_refusals = 0;

  // Every failed check, "cycle N: what".
  std::vector<std::string> failures;

  bool ok() const { return failures.empty(); }
  // A multi-line report.
  std::string ToString() const;
};

CrashSummary RunCrashTest(const CrashOptions& options);

}  // namespace renstra::crash

#endif  // RENSTRA_TESTS_CRASH_CRASH_HARNESS_H_
