#include "services/rate_limiter.h"

#include <algorithm>
#include <utility>

#include "domain/strings.h"

namespace renstra {

RateLimiter::RateLimiter(Options options, Clock clock)
    : options_(std::move(options)), clock_(std::move(clock)) {}

double RateLimiter::Refilled(const Bucket& b, absl::Time now) const {
  const double elapsed = std::max(0.0, absl::ToDoubleSeconds(now - b.updated));
  return std::min(options_.burst, b.tokens + elapsed * options_.per_second);
}

void RateLimiter::DropIdle(absl::Time now) {
  for (auto it = buckets_.begin(); it != buckets_.end();) {
    auto here = it++;
    if (Refilled(here->second, now) >= options_.burst) buckets_.erase(here);
  }
}

absl::Duration RateLimiter::Take(std::string_view key) {
  if (!enabled()) return absl::ZeroDuration();
  const absl::Time now = clock_();
  absl::MutexLock lock(&mu_);
  Bucket* bucket = nullptr;
  if (auto it = buckets_.find(AsAbsl(key)); it != buckets_.end()) {
    bucket = &it->second;
  } else {
    if (buckets_.size() >= options_.max_keys) DropIdle(now);
    if (buckets_.size() < options_.max_keys) {
      bucket = &buckets_.emplace(std::string(key), Bucket{options_.burst, now}).first->second;
    } else {
      if (!overflow_used_) overflow_ = Bucket{options_.burst, now};
      overflow_used_ = true;
      bucket = &overflow_;
    }
  }
  bucket->tokens = Refilled(*bucket, now);
  bucket->updated = now;
  if (bucket->tokens >= 1) {
    bucket->tokens -= 1;
    return absl::ZeroDuration();
  }
  return absl::Seconds((1 - bucket->tokens) / options_.per_second);
}

size_t RateLimiter::size() const {
  absl::MutexLock lock(&mu_);
  return buckets_.size();
}

std::string PeerHost(std::string_view peer) {
  if (peer.substr(0, 5) != "ipv4:" && peer.substr(0, 5) != "ipv6:") return std::string(peer);
  const size_t colon = peer.rfind(':');
  if (colon <= 4) return std::string(peer);
  return std::string(peer.substr(0, colon));
}

}  // namespace renstra
