#include "services/agency_plans.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "domain/agency_decider.h"
#include "spdlog/spdlog.h"

namespace renstra {
namespace {

constexpr std::string_view kPlanPrefix = "plan/";

}  // namespace

std::string AgencyPlans::PlanIdOf(std::string_view agency_code) {
  return std::string(kPlanPrefix) + absl::AsciiStrToLower(std::string(agency_code));
}

std::string AgencyPlans::AgencyOfPlan(std::string_view plan_id) {
  if (plan_id.substr(0, kPlanPrefix.size()) == kPlanPrefix)
    plan_id.remove_prefix(kPlanPrefix.size());
  return absl::AsciiStrToUpper(std::string(plan_id));
}

AgencyPlans::AgencyPlans(EventStore* store, MerkleLog* merkle, PlanApp* primary,
                         const AgencyApp* agencies)
    : store_(store),
      merkle_(merkle),
      agencies_(agencies),
      primary_(AgencyOfPlan(primary->projector()->plan_id()), primary, store, merkle) {}

absl::StatusOr<PlanDesk*> AgencyPlans::Desk(std::string_view agency) {
  if (agency.empty() || agency == primary_.agency) return &primary_;
  // A malformed code is the caller's mistake, not an agency that might exist: say so
  // (INVALID_ARGUMENT) rather than NOT_FOUND, before any lookup.
  if (absl::Status s = CheckOrgCode("agency", agency); !s.ok()) return s;
  absl::MutexLock lock(&mu_);
  if (auto it = others_.find(agency); it != others_.end()) return it->second.desk.get();
  const bool known =
      agencies_->Read([&](const AgencyDirectory& d) { return d.Find(agency) != nullptr; });
  if (!known) return absl::NotFoundError(absl::StrCat("agency: no agency ", std::string(agency)));
  // The first request for this agency since start: build its projections (one pass over
  // the log) while holding the lock, so two first requests do not build them twice.
  const std::string plan_id = PlanIdOf(agency);
  auto plan = std::make_unique<PlanApp>(store_, plan_id,
                                        /*proposal_scope=*/plan_id.substr(kPlanPrefix.size()));
  if (absl::Status s = plan->Recover(); !s.ok()) return s;
  spdlog::info("agency {}: replayed {} to version {}", agency, plan_id, plan->version());
  Owned owned;
  owned.desk = std::make_unique<PlanDesk>(std::string(agency), plan.get(), store_, merkle_);
  owned.plan = std::move(plan);
  PlanDesk* desk = owned.desk.get();
  others_.emplace(std::string(agency), std::move(owned));
  return desk;
}

}  // namespace renstra
