#include "services/login_throttle.h"

#include <utility>

namespace renstra {

LoginThrottle::LoginThrottle(Options options, std::function<absl::Time()> clock)
    : options_(options), clock_(clock ? std::move(clock) : [] { return absl::Now(); }) {}

std::optional<absl::Time> LoginThrottle::LockedUntil(const std::string& name) {
  const absl::Time now = clock_();
  absl::MutexLock lock(&mu_);
  auto it = names_.find(name);
  if (it == names_.end() || it->second.locked_until <= now) return std::nullopt;
  return it->second.locked_until;
}

void LoginThrottle::MakeRoomLocked(absl::Time now) {
  if (names_.size() < options_.max_names) return;
  for (auto it = names_.begin(); it != names_.end();) {
    const Entry& e = it->second;
    if (now - e.window_start >= options_.window && e.locked_until <= now) {
      names_.erase(it++);
    } else {
      ++it;
    }
  }
  while (names_.size() >= options_.max_names) {
    auto oldest = names_.begin();
    for (auto it = names_.begin(); it != names_.end(); ++it) {
      if (it->second.last_failure < oldest->second.last_failure) oldest = it;
    }
    names_.erase(oldest);
  }
}

LoginThrottle::AfterFailure LoginThrottle::Fail(const std::string& name) {
  const absl::Time now = clock_();
  absl::MutexLock lock(&mu_);
  if (names_.find(name) == names_.end()) MakeRoomLocked(now);
  Entry& e = names_[name];
  // A new window starts after the old one ended, or once a lock has run out.
  if (e.failures == 0 || now - e.window_start >= options_.window ||
      (e.failures >= options_.max_failures && e.locked_until <= now)) {
    e.failures = 0;
    e.window_start = now;
  }
  ++e.failures;
  e.last_failure = now;
  AfterFailure after;
  if (e.failures >= options_.max_failures) {
    e.locked_until = now + options_.lock_for;
    after.locked_until = e.locked_until;
  } else {
    after.attempts_left = options_.max_failures - e.failures;
  }
  return after;
}

void LoginThrottle::Succeed(const std::string& name) {
  absl::MutexLock lock(&mu_);
  names_.erase(name);
}

}  // namespace renstra
