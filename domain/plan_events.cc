#include "domain/plan_events.h"

namespace renstra {

std::string EventTypeName(const v1::PlanEvent& event) {
  // The payload message's full name doubles as the event type, so a reader of the raw
  // log can decode it without knowing this table.
  switch (event.kind_case()) {
    case v1::PlanEvent::kPlanEstablished:
      return v1::PlanEstablished::descriptor()->full_name();
    case v1::PlanEvent::kGoalDefined:
      return v1::GoalDefined::descriptor()->full_name();
    case v1::PlanEvent::kObjectiveDefined:
      return v1::ObjectiveDefined::descriptor()->full_name();
    case v1::PlanEvent::kNodeAdded:
      return v1::NodeAdded::descriptor()->full_name();
    case v1::PlanEvent::kIndicatorDefined:
      return v1::IndicatorDefined::descriptor()->full_name();
    case v1::PlanEvent::kTargetSet:
      return v1::TargetSet::descriptor()->full_name();
    case v1::PlanEvent::kFundingSet:
      return v1::FundingSet::descriptor()->full_name();
    case v1::PlanEvent::kImportReported:
      return v1::ImportReported::descriptor()->full_name();
    case v1::PlanEvent::kRevisionOpened:
      return v1::RevisionOpened::descriptor()->full_name();
    case v1::PlanEvent::kRevisionRatified:
      return v1::RevisionRatified::descriptor()->full_name();
    case v1::PlanEvent::kIndicatorReplaced:
      return v1::IndicatorReplaced::descriptor()->full_name();
    case v1::PlanEvent::kNodeRetired:
      return v1::NodeRetired::descriptor()->full_name();
    case v1::PlanEvent::kPlanLocked:
      return v1::PlanLocked::descriptor()->full_name();
    case v1::PlanEvent::kEndConditionSet:
      return v1::EndConditionSet::descriptor()->full_name();
    case v1::PlanEvent::KIND_NOT_SET:
      break;
  }
  return "";
}

}  // namespace renstra
