#include "services/refusal_throttle.h"

#include <algorithm>
#include <utility>

namespace renstra {

RefusalThrottle::RefusalThrottle(Options options, Clock clock)
    : options_(std::move(options)), clock_(std::move(clock)) {}

void RefusalThrottle::Expire(absl::Time now, bool all) {
  for (auto it = windows_.begin(); it != windows_.end();) {
    auto here = it++;
    if (!all && now < here->second.start + options_.window) continue;
    if (here->second.counted.count > 0) due_.push_back(std::move(here->second.counted));
    windows_.erase(here);
  }
}

bool RefusalThrottle::Note(const RefusalKey& key, const std::string& role,
                           const std::string& message) {
  const absl::Time now = clock_();
  absl::MutexLock lock(&mu_);
  auto it = windows_.find(key);
  if (it != windows_.end() && now >= it->second.start + options_.window) {
    Expire(now, /*all=*/false);
    it = windows_.end();
  }
  if (it == windows_.end()) {
    if (windows_.size() >= options_.max_keys) Expire(now, /*all=*/false);
    RefusalKey tracked = key;
    if (windows_.size() >= options_.max_keys) {
      tracked = RefusalKey{"*", "*", "*", key.code};
      it = windows_.find(tracked);
    }
    if (it == windows_.end()) it = windows_.emplace(tracked, Window{now, 0, {}}).first;
  }
  Window& w = it->second;
  const bool overflow = it->first.peer_host == "*" && key.peer_host != "*";
  if (!overflow && w.recorded < options_.recorded_per_window) {
    ++w.recorded;
    return true;
  }
  RefusalSummary& s = w.counted;
  if (s.count == 0) {
    s.key = it->first;
    s.role = role;
    s.message = message;
    s.first = now;
  }
  ++s.count;
  s.last = now;
  return false;
}

std::vector<RefusalSummary> RefusalThrottle::TakeDue(bool all) {
  const absl::Time now = clock_();
  absl::MutexLock lock(&mu_);
  Expire(now, all);
  std::vector<RefusalSummary> out = std::move(due_);
  due_.clear();
  std::sort(out.begin(), out.end(),
            [](const RefusalSummary& a, const RefusalSummary& b) { return a.first < b.first; });
  return out;
}

}  // namespace renstra
