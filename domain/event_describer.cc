#include "domain/event_describer.h"

#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "domain/code.h"
#include "domain/finding_diff.h"
#include "domain/proposal_state.h"
#include "domain/strings.h"
#include "renstra/v1/realization.pb.h"
#include "renstra/v1/users.pb.h"
#include "renstra/v1/workflow.pb.h"

namespace renstra {
namespace {

constexpr std::string_view kProposalPrefix = "proposal/";
constexpr std::string_view kRealizationPrefix = "realization/";
constexpr std::string_view kUsersStream = "users";
constexpr std::string_view kDeniedSummaryType = "renstra.v1.AccessDeniedSummary";

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// "1.06.04.2.01.0001" for "1.06.04.2.01.0001#1": indicator ids embed their node's code.
std::string_view NodeOfIndicator(std::string_view indicator_id) {
  return indicator_id.substr(0, indicator_id.find('#'));
}

// Changes store codes canonical once resolved, except AddSubActivity, which keeps the
// code as the proposer wrote it; canonicalize so both forms match.
std::string Canonical(const std::string& code) {
  absl::StatusOr<Code> parsed = Code::Parse(code);
  return parsed.ok() ? parsed->canonical() : code;
}

std::string Suffix(const std::string& note) { return note.empty() ? "" : ": " + note; }

// "95 Orang", or the quarters given: "TW I 20 Orang, TW II 30 Orang".
std::string DescribeAchieved(const v1::AchievedValue& v) {
  if (v.has_yearly()) return AuditTarget(TargetValue::FromProto(v.yearly()));
  std::vector<std::string> parts;
  const std::pair<const char*, const v1::TargetValue*> quarters[] = {
      {"TW I", v.has_q1() ? &v.q1() : nullptr},
      {"TW II", v.has_q2() ? &v.q2() : nullptr},
      {"TW III", v.has_q3() ? &v.q3() : nullptr},
      {"TW IV", v.has_q4() ? &v.q4() : nullptr}};
  for (const auto& [name, q] : quarters) {
    if (q != nullptr)
      parts.push_back(absl::StrCat(name, " ", AuditTarget(TargetValue::FromProto(*q))));
  }
  return parts.empty() ? "-" : absl::StrJoin(parts, ", ");
}

// " TW IV" after the year of a triwulan spending record (an achievement's value names
// its quarter already); "" for a year record.
std::string QuarterTag(int32_t quarter, bool spending) {
  static constexpr const char* kNames[] = {"", " TW I", " TW II", " TW III", " TW IV"};
  return spending && quarter >= 1 && quarter <= 4 ? kNames[quarter] : "";
}

std::string Evidence(const std::string& ref) {
  return ref.empty() ? "" : absl::StrCat(" (evidence ", ref, ")");
}

std::string DescribeRealization(const v1::RealizationEvent& event) {
  switch (event.kind_case()) {
    case v1::RealizationEvent::kAchievementRecorded: {
      const auto& e = event.achievement_recorded();
      return absl::StrCat("AchievementRecorded ", e.realization_id(), " ", e.indicator_id(), " ",
                          e.year(), " = ", DescribeAchieved(e.value()), Evidence(e.evidence_ref()),
                          Suffix(e.note()));
    }
    case v1::RealizationEvent::kSpendingRecorded: {
      const auto& e = event.spending_recorded();
      return absl::StrCat("SpendingRecorded ", e.realization_id(), " ", e.node_code(), " ",
                          e.year(), QuarterTag(e.quarter(), true), " = ",
                          AuditMoney(Money::FromProto(e.spent())), Evidence(e.evidence_ref()),
                          Suffix(e.note()));
    }
    case v1::RealizationEvent::kCorrected: {
      const auto& e = event.corrected();
      std::string value = "retracted";
      if (e.has_achievement()) value = DescribeAchieved(e.achievement());
      if (e.has_spent()) value = AuditMoney(Money::FromProto(e.spent()));
      return absl::StrCat("RealizationCorrected ", e.realization_id(), " corrects ",
                          e.corrects_id(), ": ",
                          e.indicator_id().empty() ? e.node_code() : e.indicator_id(), " ",
                          e.year(), QuarterTag(e.quarter(), e.indicator_id().empty()), " = ", value,
                          Evidence(e.evidence_ref()), Suffix(e.note()));
    }
    case v1::RealizationEvent::KIND_NOT_SET:
      break;
  }
  return "";
}

std::string DescribeUser(const v1::UserEvent& event) {
  switch (event.kind_case()) {
    case v1::UserEvent::kAdded: {
      const v1::UserEntry& u = event.added().user();
      std::string line = absl::StrCat("UserAdded ", u.name(), " ", v1::Role::Value_Name(u.role()));
      if (u.division() != v1::DIVISION_UNSPECIFIED) {
        absl::StrAppend(&line, " ", v1::Division_Name(u.division()));
      }
      return line;
    }
    case v1::UserEvent::kDisabled:
      return absl::StrCat("UserDisabled ", event.disabled().name());
    case v1::UserEvent::kTokenRotated:
      return absl::StrCat("UserTokenRotated ", event.token_rotated().name());
    case v1::UserEvent::kEnabled:
      return absl::StrCat("UserEnabled ", event.enabled().name());
    case v1::UserEvent::kPasswordSet:
      return absl::StrCat("UserPasswordSet ", event.password_set().name(),
                          event.password_set().by_self() ? " by self" : " by admin");
    case v1::UserEvent::KIND_NOT_SET:
      break;
  }
  return "";
}

// "AccessDeniedSummary UNAUTHENTICATED /renstra.v1.PlanService/GetPlan x2710 from
// ipv4:10.0.0.7 [by rehab] between <first> and <last> UTC: <message>".
std::string DescribeDeniedSummary(const v1::AccessDeniedSummary& s) {
  const auto when = [](int64_t micros) {
    return absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", absl::FromUnixMicros(micros),
                            absl::UTCTimeZone());
  };
  return absl::StrCat("AccessDeniedSummary ", s.code(), " ", s.method(), " x", s.count(), " from ",
                      s.peer(), s.principal().empty() ? "" : " by " + s.principal(), " between ",
                      when(s.first_micros()), " and ", when(s.last_micros()), Suffix(s.message()));
}

// The user an administration event is about.
std::string UserOf(const v1::UserEvent& event) {
  if (event.has_added()) return event.added().user().name();
  if (event.has_disabled()) return event.disabled().name();
  if (event.has_token_rotated()) return event.token_rotated().name();
  if (event.has_password_set()) return event.password_set().name();
  if (event.has_enabled()) return event.enabled().name();
  return "";
}

bool RealizationTouches(const v1::RealizationEvent& event, const AuditSubject& subject) {
  std::string indicator, node;
  if (event.has_achievement_recorded()) {
    indicator = event.achievement_recorded().indicator_id();
    node = event.achievement_recorded().node_code();
  } else if (event.has_spending_recorded()) {
    node = event.spending_recorded().node_code();
  } else if (event.has_corrected()) {
    indicator = event.corrected().indicator_id();
    node = event.corrected().node_code();
  }
  if (subject.kind == AuditSubject::Kind::kIndicator) return indicator == subject.id;
  if (subject.kind != AuditSubject::Kind::kNode) return false;
  return Canonical(node) == subject.id ||
         (!indicator.empty() && NodeOfIndicator(indicator) == subject.id);
}

std::string DescribePlan(const v1::PlanEvent& event) {
  switch (event.kind_case()) {
    case v1::PlanEvent::kPlanEstablished: {
      const auto& e = event.plan_established();
      return absl::StrCat("PlanEstablished ", e.plan_id(), " ", e.agency(), " ", e.baseline_year(),
                          "-", e.final_year());
    }
    case v1::PlanEvent::kGoalDefined:
      return absl::StrCat("GoalDefined ", event.goal_defined().goal_id(), " ",
                          event.goal_defined().statement());
    case v1::PlanEvent::kObjectiveDefined:
      return absl::StrCat("ObjectiveDefined ", event.objective_defined().objective_id(), " ",
                          event.objective_defined().statement());
    case v1::PlanEvent::kNodeAdded:
      return absl::StrCat("NodeAdded ", event.node_added().code(), " ", event.node_added().name());
    case v1::PlanEvent::kIndicatorDefined: {
      const auto& e = event.indicator_defined();
      return absl::StrCat("IndicatorDefined ", e.indicator_id(), " ", e.statement(), " (", e.unit(),
                          ")");
    }
    case v1::PlanEvent::kTargetSet: {
      const auto& e = event.target_set();
      return absl::StrCat("TargetSet ", e.indicator_id(), " ", e.year(), " = ",
                          AuditTarget(TargetValue::FromProto(e.value())));
    }
    case v1::PlanEvent::kFundingSet: {
      const auto& e = event.funding_set();
      return absl::StrCat("FundingSet ", e.node_code(), " ", e.year(), " = ",
                          AuditMoney(Money::FromProto(e.amount())));
    }
    case v1::PlanEvent::kImportReported: {
      const auto& e = event.import_reported();
      return absl::StrCat("ImportReported ", e.findings_size(), " findings, ", e.lines_read(),
                          " lines read, ", e.rows_used(), " rows used");
    }
    case v1::PlanEvent::kRevisionOpened:
      return absl::StrCat("RevisionOpened ", event.revision_opened().revision_id(), " ",
                          event.revision_opened().name());
    case v1::PlanEvent::kRevisionRatified: {
      const auto& e = event.revision_ratified();
      std::string out =
          absl::StrCat("RevisionRatified ", e.revision_id(), " ", e.name(), " (", e.legal_basis(),
                       ") proposals ", absl::StrJoin(e.proposal_ids(), ", "));
      if (e.accepted_findings_size() > 0) {
        std::vector<std::string> labels;
        for (const v1::Finding& f : e.accepted_findings()) labels.push_back(FindingLabel(f));
        absl::StrAppend(&out, "; accepted findings ", absl::StrJoin(labels, ", "), " because ",
                        e.accept_reason());
      }
      return out;
    }
    case v1::PlanEvent::kIndicatorReplaced: {
      const auto& e = event.indicator_replaced();
      return absl::StrCat("IndicatorReplaced ", e.indicator_id(), " by ", e.new_indicator_id(),
                          " from ", e.from_year(), ": ", e.statement(), " (", e.unit(), ")");
    }
    case v1::PlanEvent::kNodeRetired:
      return absl::StrCat("NodeRetired ", event.node_retired().code(), " from ",
                          event.node_retired().from_year());
    case v1::PlanEvent::kPlanLocked:
      return absl::StrCat("PlanLocked revision ", event.plan_locked().revision_number());
    case v1::PlanEvent::kEndConditionSet: {
      const auto& e = event.end_condition_set();
      std::string out = absl::StrCat("EndConditionSet ", e.indicator_id());
      if (e.has_end_target()) {
        absl::StrAppend(&out, " target = ", AuditTarget(TargetValue::FromProto(e.end_target())));
      }
      if (e.has_end_funding()) {
        absl::StrAppend(&out, " Rp = ", AuditMoney(Money::FromProto(e.end_funding())));
      }
      return out;
    }
    case v1::PlanEvent::KIND_NOT_SET:
      break;
  }
  return "";
}

std::string DescribeProposal(std::string_view id, const v1::ProposalEvent& event) {
  switch (event.kind_case()) {
    case v1::ProposalEvent::kDrafted: {
      const auto& e = event.drafted();
      // The justification in full: the envelope's reason keeps only its first line.
      return absl::StrCat("ProposalDrafted ", AsAbsl(id), " by ", e.proposer(), ": ", e.title(),
                          " (", e.changes_size(), " changes)", Suffix(e.justification()));
    }
    case v1::ProposalEvent::kRevised:
      return absl::StrCat("ProposalRevised ", AsAbsl(id), " (", event.revised().changes_size(),
                          " changes)", Suffix(event.revised().justification()));
    case v1::ProposalEvent::kSubmitted:
      return absl::StrCat("ProposalSubmitted ", AsAbsl(id), Suffix(event.submitted().note()));
    case v1::ProposalEvent::kWithdrawn:
      return absl::StrCat("ProposalWithdrawn ", AsAbsl(id), Suffix(event.withdrawn().note()));
    case v1::ProposalEvent::kReviewed: {
      // The outcome as the proposal's status names it, which is what readers look for.
      static constexpr const char* kOutcome[] = {"UNSPECIFIED", "APPROVED", "REJECTED", "RETURNED"};
      const int d = static_cast<int>(event.reviewed().decision());
      return absl::StrCat("ProposalReviewed ", AsAbsl(id), " ",
                          d >= 0 && d <= 3 ? kOutcome[d] : "UNSPECIFIED",
                          Suffix(event.reviewed().note()));
    }
    case v1::ProposalEvent::KIND_NOT_SET:
      break;
  }
  return "";
}

// The changes a proposal event carries (only drafts and revisions carry any).
std::vector<const v1::Change*> ChangesOf(const v1::ProposalEvent& event) {
  std::vector<const v1::Change*> out;
  if (event.has_drafted()) {
    for (const v1::Change& c : event.drafted().changes()) out.push_back(&c);
  } else if (event.has_revised()) {
    for (const v1::Change& c : event.revised().changes()) out.push_back(&c);
  }
  return out;
}

bool ChangeOnNode(const v1::Change& c, std::string_view node) {
  switch (c.kind_case()) {
    case v1::Change::kSetTarget:
      return NodeOfIndicator(c.set_target().indicator_id()) == node;
    case v1::Change::kSetFunding:
      return Canonical(c.set_funding().node_code()) == node;
    case v1::Change::kReplaceIndicator:
      return NodeOfIndicator(c.replace_indicator().indicator_id()) == node;
    case v1::Change::kAddSubActivity:
      return Canonical(c.add_sub_activity().code()) == node;
    case v1::Change::kRetireSubActivity:
      return Canonical(c.retire_sub_activity().code()) == node;
    case v1::Change::KIND_NOT_SET:
      break;
  }
  return false;
}

bool ChangeOnIndicator(const v1::Change& c, std::string_view indicator) {
  switch (c.kind_case()) {
    case v1::Change::kSetTarget:
      return c.set_target().indicator_id() == indicator;
    case v1::Change::kReplaceIndicator:
      return c.replace_indicator().indicator_id() == indicator;
    case v1::Change::kAddSubActivity:
      // The new node's indicator is "<code>#1" (see ChangeEvents).
      return Canonical(c.add_sub_activity().code()) + "#1" == indicator;
    default:
      return false;
  }
}

bool PlanEventTouches(const v1::PlanEvent& e, const AuditSubject& subject) {
  const std::string& id = subject.id;
  switch (subject.kind) {
    case AuditSubject::Kind::kNode:
      switch (e.kind_case()) {
        case v1::PlanEvent::kNodeAdded:
          return e.node_added().code() == id;
        case v1::PlanEvent::kFundingSet:
          return e.funding_set().node_code() == id;
        case v1::PlanEvent::kIndicatorDefined:
          return e.indicator_defined().node_code() == id;
        case v1::PlanEvent::kTargetSet:
          return NodeOfIndicator(e.target_set().indicator_id()) == id;
        case v1::PlanEvent::kEndConditionSet:
          return NodeOfIndicator(e.end_condition_set().indicator_id()) == id;
        case v1::PlanEvent::kIndicatorReplaced:
          return NodeOfIndicator(e.indicator_replaced().indicator_id()) == id ||
                 NodeOfIndicator(e.indicator_replaced().new_indicator_id()) == id;
        case v1::PlanEvent::kNodeRetired:
          return e.node_retired().code() == id;
        default:
          return false;
      }
    case AuditSubject::Kind::kIndicator:
      switch (e.kind_case()) {
        case v1::PlanEvent::kTargetSet:
          return e.target_set().indicator_id() == id;
        case v1::PlanEvent::kIndicatorDefined:
          return e.indicator_defined().indicator_id() == id;
        case v1::PlanEvent::kEndConditionSet:
          return e.end_condition_set().indicator_id() == id;
        case v1::PlanEvent::kIndicatorReplaced:
          return e.indicator_replaced().indicator_id() == id ||
                 e.indicator_replaced().new_indicator_id() == id;
        default:
          return false;
      }
    case AuditSubject::Kind::kProposal:
      if (!e.has_revision_ratified()) return false;
      for (const std::string& p : e.revision_ratified().proposal_ids()) {
        if (p == id) return true;
      }
      return false;
    case AuditSubject::Kind::kRevision:
      return (e.has_revision_opened() && e.revision_opened().revision_id() == id) ||
             (e.has_revision_ratified() && e.revision_ratified().revision_id() == id);
    case AuditSubject::Kind::kUser:
      return false;  // decided on the envelope's principal
  }
  return false;
}

}  // namespace

std::string AuditMoney(const Money& amount) {
  return amount.present() ? absl::StrCat("Rp ", amount.ToIndonesian()) : "-";
}

std::string AuditTarget(const TargetValue& value) {
  std::string shown = value.Display();
  return shown.empty() ? "-" : shown;
}

std::string DescribeEvent(const v1::EventEnvelope& envelope) {
  const std::string& stream = envelope.stream();
  std::string line;
  if (StartsWith(stream, kPlanStreamPrefix)) {
    v1::PlanEvent event;
    if (event.ParseFromString(envelope.payload())) line = DescribePlan(event);
  } else if (StartsWith(stream, kProposalPrefix)) {
    v1::ProposalEvent event;
    if (event.ParseFromString(envelope.payload())) {
      line = DescribeProposal(std::string_view(stream).substr(kProposalPrefix.size()), event);
    }
  } else if (StartsWith(stream, kRealizationPrefix)) {
    v1::RealizationEvent event;
    if (event.ParseFromString(envelope.payload())) line = DescribeRealization(event);
  } else if (stream == kUsersStream) {
    v1::UserEvent event;
    if (event.ParseFromString(envelope.payload())) line = DescribeUser(event);
  } else if (stream == kDeniedStream && envelope.event_type() == kDeniedSummaryType) {
    v1::AccessDeniedSummary s;
    if (s.ParseFromString(envelope.payload())) line = DescribeDeniedSummary(s);
  } else if (stream == kDeniedStream) {
    v1::AccessDenied denied;
    if (denied.ParseFromString(envelope.payload())) {
      line = absl::StrCat("AccessDenied ", denied.code(), " ", denied.method(),
                          Suffix(denied.message()));
    }
  }
  if (!line.empty()) return line;
  if (!envelope.event_type().empty()) return envelope.event_type();
  return absl::StrCat("event ", envelope.sequence());
}

bool EventTouches(const v1::EventEnvelope& envelope, const AuditSubject& subject) {
  const std::string& stream = envelope.stream();
  if (subject.kind == AuditSubject::Kind::kUser) {
    if (!subject.id.empty() && envelope.principal() == subject.id) return true;
    if (stream == kUsersStream) {
      v1::UserEvent event;
      return event.ParseFromString(envelope.payload()) && UserOf(event) == subject.id;
    }
    if (stream != kDeniedStream) return false;
    if (envelope.event_type() == kDeniedSummaryType) {
      v1::AccessDeniedSummary s;
      return s.ParseFromString(envelope.payload()) && !subject.id.empty() &&
             s.principal() == subject.id;
    }
    v1::AccessDenied denied;
    return denied.ParseFromString(envelope.payload()) && !subject.id.empty() &&
           denied.principal() == subject.id;
  }
  if (StartsWith(stream, kPlanStreamPrefix)) {
    v1::PlanEvent event;
    return event.ParseFromString(envelope.payload()) && PlanEventTouches(event, subject);
  }
  if (StartsWith(stream, kRealizationPrefix)) {
    v1::RealizationEvent event;
    return event.ParseFromString(envelope.payload()) && RealizationTouches(event, subject);
  }
  if (!StartsWith(stream, kProposalPrefix)) return false;
  if (subject.kind == AuditSubject::Kind::kProposal) {
    return ProposalBook::IdOf(stream) == subject.id;
  }
  if (subject.kind != AuditSubject::Kind::kNode && subject.kind != AuditSubject::Kind::kIndicator) {
    return false;
  }
  v1::ProposalEvent event;
  if (!event.ParseFromString(envelope.payload())) return false;
  for (const v1::Change* c : ChangesOf(event)) {
    if (subject.kind == AuditSubject::Kind::kNode ? ChangeOnNode(*c, subject.id)
                                                  : ChangeOnIndicator(*c, subject.id)) {
      return true;
    }
  }
  return false;
}

VersionRange RatificationChangeVersions(uint64_t ratified_version, int32_t change_count) {
  if (change_count <= 0) return VersionRange{ratified_version + 1, ratified_version};
  return VersionRange{ratified_version + 1, ratified_version + static_cast<uint64_t>(change_count)};
}

}  // namespace renstra
