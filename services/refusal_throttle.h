// RefusalThrottle: decides which refused calls are recorded one by one and which are
// counted into a summary, so a flood of refused calls leaves a bounded record that
// still says who tried what, how often and when.
//
// Refusals are grouped by key = (peer host, principal, method, code). In each window
// (it starts at the key's first refusal and lasts `window`), the first
// `recorded_per_window` refusals of a key are recorded individually (Note() answers
// true); the rest are counted (false). Once the window has ended, TakeDue() hands out
// one RefusalSummary per key with counted refusals — count, first and last time — and
// the key starts afresh. At most `max_keys` keys are tracked; beyond, refusals are
// counted under one overflow key whose peer, principal and method are "*".
//
// So per key and window the record holds at most recorded_per_window + 1 events,
// however many calls were refused.
//
// Ownership: owns its counters. Thread safety: thread-safe.
#ifndef RENSTRA_SERVICES_REFUSAL_THROTTLE_H_
#define RENSTRA_SERVICES_REFUSAL_THROTTLE_H_

#include <cstdint>
#include <functional>
#include <string>
#include <tuple>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace renstra {

struct RefusalKey {
  std::string peer_host;  // see PeerHost() in rate_limiter.h
  std::string principal;  // empty: no valid credentials
  std::string method;
  std::string code;  // "UNAUTHENTICATED", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED"

  template <typename H>
  friend H AbslHashValue(H h, const RefusalKey& k) {
    return H::combine(std::move(h), k.peer_host, k.principal, k.method, k.code);
  }
  friend bool operator==(const RefusalKey& a, const RefusalKey& b) {
    return std::tie(a.peer_host, a.principal, a.method, a.code) ==
           std::tie(b.peer_host, b.principal, b.method, b.code);
  }
};

// The refusals of one key that were counted, not recorded one by one.
struct RefusalSummary {
  RefusalKey key;
  std::string role;     // of the principal, as in AccessDenied
  std::string message;  // the first counted refusal's message
  uint64_t count = 0;
  absl::Time first;
  absl::Time last;
};

class RefusalThrottle {
 public:
  using Clock = std::function<absl::Time()>;

  struct Options {
    // Refusals of one key recorded individually per window; the rest are summarised.
    uint32_t recorded_per_window = 10;
    absl::Duration window = absl::Minutes(1);
    size_t max_keys = 4096;
  };

  explicit RefusalThrottle(
      Options options, Clock clock = [] { return absl::Now(); });

  // Notes one refusal now: true when it is to be recorded individually, false when it
  // was counted into its key's summary.
  bool Note(const RefusalKey& key, const std::string& role, const std::string& message);

  // Summaries of the windows that have ended (every pending one when `all`, e.g. at
  // shutdown), oldest first; they are removed from the throttle.
  std::vector<RefusalSummary> TakeDue(bool all);

  const Options& options() const { return options_; }

 private:
  struct Window {
    absl::Time start;
    uint32_t recorded = 0;
    RefusalSummary counted;  // count 0: nothing counted yet
  };

  // Moves the summaries of ended windows to due_ and drops those keys.
  void Expire(absl::Time now, bool all) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const Options options_;
  const Clock clock_;
  absl::Mutex mu_;
  absl::flat_hash_map<RefusalKey, Window> windows_ ABSL_GUARDED_BY(mu_);
  std::vector<RefusalSummary> due_ ABSL_GUARDED_BY(mu_);
};

}  // namespace renstra

#endif  // RENSTRA_SERVICES_REFUSAL_THROTTLE_H_
