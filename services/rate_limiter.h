// RateLimiter: token buckets keyed by a string (a peer's address, a principal), so one
// caller cannot take the server's CPU or fill its disk with calls.
//
// Each key has a bucket of `burst` tokens refilled at `per_second`; a call takes one
// token or is refused with the time until the next token. Buckets are created on first
// use. At most `max_keys` buckets are kept: when that many exist, full buckets (idle
// callers, equivalent to a new bucket) are dropped, and if none is full every further
// new key shares one overflow bucket — so a caller spraying addresses cannot grow the
// map without bound, and is still limited.
//
// The clock is injected (tests pass a fake one); the default is absl::Now.
// Ownership: owns its buckets. Thread safety: thread-safe.
#ifndef RENSTRA_SERVICES_RATE_LIMITER_H_
#define RENSTRA_SERVICES_RATE_LIMITER_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace renstra {

class RateLimiter {
 public:
  using Clock = std::function<absl::Time()>;

  struct Options {
    // Tokens added per second; 0 or less disables the limiter (every call passes).
    double per_second = 0;
    // Bucket size: calls a quiet caller may make at once. At least 1.
    double burst = 1;
    // Buckets kept at most (see the overview).
    size_t max_keys = 10000;
  };

  explicit RateLimiter(
      Options options, Clock clock = [] { return absl::Now(); });

  // Takes a token of `key`'s bucket: zero when one was taken, else how long until the
  // next token (the caller is refused and should retry no sooner).
  absl::Duration Take(std::string_view key);

  bool enabled() const { return options_.per_second > 0; }
  const Options& options() const { return options_; }
  // Buckets held (for tests of the bound).
  size_t size() const;

 private:
  struct Bucket {
    double tokens = 0;
    absl::Time updated;
  };

  // Tokens of `b` at `now`, capped at the burst.
  double Refilled(const Bucket& b, absl::Time now) const;
  // Drops full buckets; called when the map is at its bound.
  void DropIdle(absl::Time now) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const Options options_;
  const Clock clock_;
  mutable absl::Mutex mu_;
  absl::flat_hash_map<std::string, Bucket> buckets_ ABSL_GUARDED_BY(mu_);
  Bucket overflow_ ABSL_GUARDED_BY(mu_);
  bool overflow_used_ ABSL_GUARDED_BY(mu_) = false;
};

// The host part of a gRPC peer string: "ipv4:127.0.0.1:50122" → "ipv4:127.0.0.1",
// "ipv6:[::1]:50122" → "ipv6:[::1]"; other forms ("unix:/path") unchanged. A client
// opening new connections changes its port, not its host: limits are per host.
std::string PeerHost(std::string_view peer);

}  // namespace renstra

#endif  // RENSTRA_SERVICES_RATE_LIMITER_H_
