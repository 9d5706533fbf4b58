#include "domain/plan_in_force.h"

#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "base/status_macros.h"
#include "domain/plan_state.h"
#include "domain/strings.h"
#include "domain/value_limits.h"

namespace renstra {
namespace {

constexpr char kField[] = "in_force_date";

// One ratification's append: its RevisionRatified envelope and the changes after it.
struct Ratification {
  const v1::EventEnvelope* ratified = nullptr;
  v1::RevisionRatified event;
  std::vector<const v1::EventEnvelope*> changes;
};

}  // namespace

absl::StatusOr<v1::Plan> PlanInForce(const std::vector<v1::EventEnvelope>& stream,
                                     std::string_view date) {
  RENSTRA_RETURN_IF_ERROR(CheckDate(kField, date));
  // Split the stream into the base and the ratifications, each with its changes.
  std::vector<const v1::EventEnvelope*> base;
  std::vector<Ratification> ratifications;
  v1::PlanEstablished established;
  bool has_plan = false;
  int32_t pending_changes = 0;
  for (const v1::EventEnvelope& e : stream) {
    if (pending_changes > 0) {
      ratifications.back().changes.push_back(&e);
      --pending_changes;
      continue;
    }
    v1::PlanEvent event;
    if (!event.ParseFromString(e.payload())) {
      return absl::InvalidArgumentError(
          absl::StrCat("event ", e.sequence(), ": payload is not a PlanEvent"));
    }
    switch (event.kind_case()) {
      case v1::PlanEvent::kRevisionRatified:
        ratifications.push_back({&e, event.revision_ratified(), {}});
        pending_changes = event.revision_ratified().change_count();
        break;
      case v1::PlanEvent::kRevisionOpened:
      case v1::PlanEvent::kPlanLocked:
        break;  // not law
      case v1::PlanEvent::kPlanEstablished:
        established = event.plan_established();
        has_plan = true;
        base.push_back(&e);
        break;
      default:
        base.push_back(&e);
        break;
    }
  }
  if (!has_plan) {
    return absl::NotFoundError(absl::StrCat(kField, ": no plan has been imported"));
  }
  // YYYY-MM-DD strings order as the dates do.
  const std::string first_day = absl::StrFormat("%04d-01-01", established.baseline_year());
  const std::string last_day = absl::StrFormat("%04d-12-31", established.final_year());
  const std::string period =
      absl::StrCat(established.baseline_year(), "–", established.final_year(), " (", first_day,
                   " to ", last_day, ")");
  if (date < std::string_view(first_day)) {
    return absl::NotFoundError(absl::StrCat(kField, ": ", AsAbsl(date),
                                            " is before the plan's period ", period,
                                            " began; no plan was in force"));
  }
  if (date > std::string_view(last_day)) {
    return absl::NotFoundError(absl::StrCat(kField, ": ", AsAbsl(date),
                                            " is after the plan's period ", period,
                                            " ended; no plan was in force"));
  }

  PlanState plan;
  for (const v1::EventEnvelope* e : base) RENSTRA_RETURN_IF_ERROR(plan.Apply(*e));
  int64_t version = plan.version();
  uint64_t sequence = plan.last_sequence();

  std::vector<const Ratification*> in_force;
  for (const Ratification& r : ratifications) {
    if (r.event.effective_date() <= date) in_force.push_back(&r);
  }
  std::stable_sort(in_force.begin(), in_force.end(), [](const auto* a, const auto* b) {
    return a->event.effective_date() < b->event.effective_date();
  });
  std::vector<const Ratification*> applied;
  for (const Ratification* r : in_force) {
    // PlanState takes a ratification only of the open revision: open it again here.
    v1::PlanEvent opened;
    opened.mutable_revision_opened()->set_revision_id(r->event.revision_id());
    opened.mutable_revision_opened()->set_name(r->event.name());
    absl::Status status = plan.Apply(opened);
    if (status.ok()) status = plan.Apply(*r->ratified);
    for (const v1::EventEnvelope* e : r->changes) {
      if (status.ok()) status = plan.Apply(*e);
    }
    if (!status.ok()) {
      std::string after;
      for (const Ratification* earlier : applied) {
        if (earlier->ratified->sequence() > r->ratified->sequence()) {
          after = absl::StrCat(" after ", earlier->event.revision_id(), " (effective ",
                               earlier->event.effective_date(), "), which was ratified later");
        }
      }
      return absl::FailedPreconditionError(absl::StrCat(
          kField, ": the plan in force on ", AsAbsl(date),
          " cannot be rebuilt: ", r->event.revision_id(), " (effective ", r->event.effective_date(),
          ") does not apply", after, ": ", status.message()));
    }
    applied.push_back(r);
    version = std::max(version, plan.version());
    sequence = std::max(sequence, plan.last_sequence());
  }
  v1::Plan out = plan.ToProto();
  out.set_version(version);
  out.set_last_sequence(sequence);
  return out;
}

}  // namespace renstra
