#include "services/feed_slots.h"

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace renstra {

FeedSlots::Lease::~Lease() {
  if (slots_ != nullptr) slots_->Release(actor_);
}

absl::StatusOr<FeedSlots::Lease> FeedSlots::Acquire(const Actor& actor) {
  const bool auditor = actor.role == v1::Role::INSPEKTORAT;
  absl::MutexLock lock(&mu_);
  int& mine = held_[actor.name];
  if (mine >= options_.per_principal) {
    return absl::ResourceExhaustedError(absl::StrCat(
        "live feeds: ", actor.name, " already holds ", mine, ", the most one user may (",
        options_.per_principal, "); close one and try again"));
  }
  const int shared = options_.total - options_.reserved_for_auditors;
  // Auditors take a shared slot first and their reserved ones after; the others only
  // the shared ones.
  const int shared_in_use = others_ + std::max(0, auditors_ - options_.reserved_for_auditors);
  if (auditor ? others_ + auditors_ >= options_.total : shared_in_use >= shared) {
    if (mine == 0) held_.erase(actor.name);
    return absl::ResourceExhaustedError(
        auditor ? absl::StrCat("live feeds: all ", options_.total, " are in use; try again later")
                : absl::StrCat("live feeds: all ", shared, " shared ones are in use (",
                               options_.reserved_for_auditors,
                               " more are kept for the INSPEKTORAT); try again later"));
  }
  ++mine;
  ++(auditor ? auditors_ : others_);
  return Lease(this, actor);
}

void FeedSlots::Release(const Actor& actor) {
  absl::MutexLock lock(&mu_);
  auto it = held_.find(actor.name);
  if (it != held_.end() && --it->second == 0) held_.erase(it);
  --(actor.role == v1::Role::INSPEKTORAT ? auditors_ : others_);
}

}  // namespace renstra
