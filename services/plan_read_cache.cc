#include "services/plan_read_cache.h"

#include <utility>

#include "domain/code.h"

namespace renstra {

template <typename Put>
void PlanReadCache::KeepLocked(int64_t version, Put put) {
  ++builds_;
  if (version < kept_.version) return;  // a reader already kept a newer version
  if (version > kept_.version) kept_ = Version{version, nullptr, {}};
  put(kept_);
}

std::shared_ptr<const v1::GetPlanResponse> PlanReadCache::KeptPlanLocked(int64_t current) const {
  return kept_.version >= current ? kept_.plan : nullptr;
}

std::shared_ptr<const v1::GetSubtreeResponse> PlanReadCache::KeptSubtreeLocked(
    std::string_view key, int64_t current) const {
  if (kept_.version < current) return nullptr;
  auto it = kept_.subtrees.find(key);
  return it == kept_.subtrees.end() ? nullptr : it->second;
}

std::shared_ptr<const v1::GetPlanResponse> PlanReadCache::GetPlan() {
  const int64_t current = plan_->version();
  {
    absl::ReaderMutexLock lock(&mu_);
    if (auto hit = KeptPlanLocked(current)) return hit;
  }
  absl::MutexLock build(&build_mu_);
  {
    absl::ReaderMutexLock lock(&mu_);
    if (auto hit = KeptPlanLocked(current)) return hit;  // built while this reader waited
  }
  // The version is read with the plan, under the projector's lock: it may be newer than
  // `current`, never older.
  const v1::GetPlanResponse built = plan_->GetPlan();
  auto answer = std::make_shared<const v1::GetPlanResponse>(PreSerialized(built));
  absl::MutexLock lock(&mu_);
  KeepLocked(built.plan().version(), [&](Version& v) { v.plan = answer; });
  return answer;
}

absl::StatusOr<std::shared_ptr<const v1::GetSubtreeResponse>> PlanReadCache::GetSubtree(
    const v1::GetSubtreeRequest& request) {
  absl::StatusOr<Code> code = Code::Parse(request.code());
  if (request.code().empty() || !code.ok()) {
    // Refused: PlanApp names the field and the reason.
    absl::StatusOr<v1::GetSubtreeResponse> refused = plan_->GetSubtree(request);
    if (!refused.ok()) return refused.status();
    return std::make_shared<const v1::GetSubtreeResponse>(*std::move(refused));
  }
  const std::string& key = code->canonical();
  const int64_t current = plan_->version();
  {
    absl::ReaderMutexLock lock(&mu_);
    if (auto hit = KeptSubtreeLocked(key, current)) return hit;
  }
  absl::MutexLock build(&build_mu_);
  {
    absl::ReaderMutexLock lock(&mu_);
    if (auto hit = KeptSubtreeLocked(key, current)) return hit;
  }
  absl::StatusOr<v1::GetSubtreeResponse> built = plan_->GetSubtree(request);
  if (!built.ok()) return built.status();  // NOT_FOUND: not kept
  auto answer = std::make_shared<const v1::GetSubtreeResponse>(PreSerialized(*built));
  absl::MutexLock lock(&mu_);
  KeepLocked(built->plan_version(), [&](Version& v) { v.subtrees[key] = answer; });
  return answer;
}

int64_t PlanReadCache::builds() const {
  absl::ReaderMutexLock lock(&mu_);
  return builds_;
}

PlanReadCache* PlanReadCaches::For(const PlanApp* plan) {
  {
    absl::ReaderMutexLock lock(&mu_);
    if (auto it = caches_.find(plan); it != caches_.end()) return it->second.get();
  }
  absl::MutexLock lock(&mu_);
  std::unique_ptr<PlanReadCache>& cache = caches_[plan];
  if (cache == nullptr) cache = std::make_unique<PlanReadCache>(plan);
  return cache.get();
}

}  // namespace renstra
