// PlanReadCache: the answers of the common reads of one agency's current plan —
// PlanService.GetPlan and GetSubtree — kept for the plan version they were read at, so
// that the readers of a plan that has not changed share one answer instead of each
// building and serializing the whole plan tree under the projector's lock.
//
// Freshness. An answer is served only while its PlanApp still stands at the version it
// was built from: every read first takes the plan's current version (PlanApp::version(),
// one short reader lock) and compares. A command catches its projector up before it
// answers, so a read sent after a ratification (or an import) was acknowledged sees the
// new version, misses, and builds the new answer; it is never served the old one. Only
// plan-stream events change the version: proposals, realizations and refusals leave the
// cached answers valid. Versions only grow while a server serves, and an answer is a
// function of the version, so an answer built at version v is the answer of v for as long
// as v is current.
//
// Built once per version. A miss takes the cache's build lock, looks again, and only then
// builds; the readers that missed the same new version wait for that one build. A
// GetSubtree answer is kept per canonical code ("1.06.04.2.01" for every accepted form of
// it); all of them are dropped when the version moves on. Refusals (a malformed or
// unknown code) are not kept: they are answered as PlanApp answers them.
//
// Pre-serialized. A kept answer holds its fields as one block of serialized bytes (the
// message's unknown fields, see PreSerialized below): gRPC's serialization of a copy is a
// copy of those bytes, not a walk of the plan tree, and a client parses it as the
// ordinary message. A server-side reader of the returned message sees the bytes only, so
// the cache's answers are for sending, not for reading in the server.
//
// Ownership: borrows the PlanApp (must outlive the cache). Thread safety: thread-safe;
// many readers at once, and commands are never blocked by it (it takes only the
// projector's reader lock, like any read).
// Errors: GetSubtree returns PlanApp::GetSubtree's INVALID_ARGUMENT / NOT_FOUND.
#ifndef RENSTRA_SERVICES_PLAN_READ_CACHE_H_
#define RENSTRA_SERVICES_PLAN_READ_CACHE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "renstra/v1/plan_service.pb.h"
#include "services/plan_app.h"

namespace renstra {

class PlanReadCache {
 public:
  explicit PlanReadCache(const PlanApp* plan) : plan_(plan) {}
  PlanReadCache(const PlanReadCache&) = delete;
  PlanReadCache& operator=(const PlanReadCache&) = delete;

  // The answer of PlanApp::GetPlan() at the current version (or a later one), pre-serialized.
  std::shared_ptr<const v1::GetPlanResponse> GetPlan();
  // The answer of PlanApp::GetSubtree(request) at the current version (or a later one),
  // pre-serialized; its refusals unchanged.
  absl::StatusOr<std::shared_ptr<const v1::GetSubtreeResponse>> GetSubtree(
      const v1::GetSubtreeRequest& request);

  // Answers built since construction (GetPlan and GetSubtree together): what the tests and
  // the benchmark read to see that a version is built once.
  int64_t builds() const;

 private:
  // The kept answers of one version.
  struct Version {
    int64_t version = -1;
    std::shared_ptr<const v1::GetPlanResponse> plan;  // null until read at this version
    std::map<std::string, std::shared_ptr<const v1::GetSubtreeResponse>, std::less<>> subtrees;
  };

  // Keeps `answer`, read at `version`, if it is not older than the kept answers (a newer
  // version drops them), by `put(kept_)`.
  template <typename Put>
  void KeepLocked(int64_t version, Put put) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // The kept answer if the kept answers are of `current` or newer; null otherwise.
  std::shared_ptr<const v1::GetPlanResponse> KeptPlanLocked(int64_t current) const
      ABSL_SHARED_LOCKS_REQUIRED(mu_);
  std::shared_ptr<const v1::GetSubtreeResponse> KeptSubtreeLocked(std::string_view key,
                                                                  int64_t current) const
      ABSL_SHARED_LOCKS_REQUIRED(mu_);

  const PlanApp* const plan_;
  // Held while an answer is built, so that one version's answer is built once.
  absl::Mutex build_mu_ ABSL_ACQUIRED_BEFORE(mu_);
  mutable absl::Mutex mu_;
  Version kept_ ABSL_GUARDED_BY(mu_);
  int64_t builds_ ABSL_GUARDED_BY(mu_) = 0;
};

// The PlanReadCache of each agency's plan (each desk's PlanApp), made on first use.
// Thread-safe; a cache lives as long as the PlanReadCaches (desks are never removed).
class PlanReadCaches {
 public:
  PlanReadCache* For(const PlanApp* plan);

 private:
  absl::Mutex mu_;
  std::map<const PlanApp*, std::unique_ptr<PlanReadCache>> caches_ ABSL_GUARDED_BY(mu_);
};

// A message equal on the wire to `message`, whose fields are held as unknown fields (the
// serialized bytes of each top-level field): serializing it, or a copy of it, copies those
// bytes instead of walking the message's tree. Its accessors read as empty.
template <typename M>
M PreSerialized(const M& message) {
  M out;
  out.GetReflection()->MutableUnknownFields(&out)->ParseFromString(message.SerializeAsString());
  return out;
}

}  // namespace renstra

#endif  // RENSTRA_SERVICES_PLAN_READ_CACHE_H_
