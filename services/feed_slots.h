// FeedSlots: the live audit feeds (AuditService.Follow) a server runs at once, shared
// fairly. Each feed holds a handler thread for as long as it runs, so their number is
// bounded (`total`); within it one principal may hold at most `per_principal`, and
// `reserved` slots are kept for the INSPEKTORAT role, so no other user — however many
// feeds they open — can lock the auditors out.
//
// Acquire() hands out a Lease that gives its slot back when destroyed.
// Ownership: owns its counters; a Lease must not outlive its FeedSlots.
// Thread safety: thread-safe.
// Errors: RESOURCE_EXHAUSTED naming the limit reached.
#ifndef RENSTRA_SERVICES_FEED_SLOTS_H_
#define RENSTRA_SERVICES_FEED_SLOTS_H_

#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "domain/actor.h"

namespace renstra {

class FeedSlots {
 public:
  struct Options {
    int total = 32;
    int per_principal = 4;
    // Of `total`, kept for INSPEKTORAT (who may also use the shared ones).
    int reserved_for_auditors = 8;
  };

  class Lease {
   public:
    Lease(Lease&& other) noexcept : slots_(other.slots_), actor_(std::move(other.actor_)) {
      other.slots_ = nullptr;
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;
    ~Lease();

   private:
    friend class FeedSlots;
    Lease(FeedSlots* slots, Actor actor) : slots_(slots), actor_(std::move(actor)) {}
    FeedSlots* slots_;
    Actor actor_;
  };

  explicit FeedSlots(Options options) : options_(options) {}
  FeedSlots() : FeedSlots(Options{}) {}

  // A slot for `actor`, or RESOURCE_EXHAUSTED.
  absl::StatusOr<Lease> Acquire(const Actor& actor);

  const Options& options() const { return options_; }

 private:
  void Release(const Actor& actor);

  const Options options_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, int> held_ ABSL_GUARDED_BY(mu_);
  int auditors_ ABSL_GUARDED_BY(mu_) = 0;  // feeds held by INSPEKTORAT
  int others_ ABSL_GUARDED_BY(mu_) = 0;    // feeds held by every other role
};

}  // namespace renstra

#endif  // RENSTRA_SERVICES_FEED_SLOTS_H_
