// LoginThrottle: the lockout of password logins after repeated failures, per user name.
//
// Rule: `max_failures` (5) failed logins of one user name within `window` (15 min) lock
// that name for `lock_for` (15 min) from the last of them; while locked every login of
// the name is refused, the right password too, and says when it unlocks. A successful
// login clears the name's failures. Names that exist and names that do not are counted
// alike, so the answer does not tell which exist.
//
// In memory (a restart clears it): the per-peer rate limit of calls without valid
// credentials (call_guard.h) bounds how fast one host may guess anyway. Bounded: at
// most `max_names` names are tracked; beyond, names with no live window are dropped,
// then the least recently failed.
//
// Thread safety: thread-safe. Clock injected (tests).
#ifndef RENSTRA_SERVICES_LOGIN_THROTTLE_H_
#define RENSTRA_SERVICES_LOGIN_THROTTLE_H_

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace renstra {

// Outside the class for the same reason as SessionTableOptions.
struct LoginThrottleOptions {
  int max_failures = 5;
  absl::Duration window = absl::Minutes(15);
  absl::Duration lock_for = absl::Minutes(15);
  size_t max_names = 10000;
};

class LoginThrottle {
 public:
  using Options = LoginThrottleOptions;
  // What a failure left: attempts before the lock, or the lock's end.
  struct AfterFailure {
    int attempts_left = 0;
    std::optional<absl::Time> locked_until;
  };

  explicit LoginThrottle(Options options = {}, std::function<absl::Time()> clock = {});

  // When `name` is locked, the time it unlocks.
  std::optional<absl::Time> LockedUntil(const std::string& name);
  // Counts a failed login of `name`.
  AfterFailure Fail(const std::string& name);
  // A successful login: forgets the name's failures.
  void Succeed(const std::string& name);
  const Options& options() const { return options_; }

 private:
  struct Entry {
    int failures = 0;
    absl::Time window_start;
    absl::Time last_failure;
    absl::Time locked_until = absl::InfinitePast();
  };
  void MakeRoomLocked(absl::Time now) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const Options options_;
  const std::function<absl::Time()> clock_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, Entry> names_ ABSL_GUARDED_BY(mu_);
};

}  // namespace renstra

#endif  // RENSTRA_SERVICES_LOGIN_THROTTLE_H_
