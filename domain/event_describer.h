// Event describer: what the Inspektorat reads next to each stored event.
//
//  - DescribeEvent: a one-line summary of an envelope's payload, e.g.
//    "TargetSet 1.06.04.2.01.0001#1 2025 = 220 Orang". The payload is decoded by stream:
//    "plan/..." holds a PlanEvent, "proposal/<id>" a ProposalEvent, "audit/denied" an
//    AccessDenied; any other stream (or a payload that does not decode) is summarised
//    by its event_type alone, so an unknown or newer event never breaks the audit.
//  - EventTouches: whether an event belongs to the history of a node, indicator,
//    proposal, revision or user (the rules are at AuditSubject).
//  - RatificationChangeVersions: which plan-stream versions a ratification applied.
//
// Values are printed as Indonesians write them: targets in their written form
// ("210 Orang"), money as "Rp 1.234.567", "-" when there is none.
//
// No errors: describing never fails (see above). Pure functions; thread-safe.
#ifndef RENSTRA_DOMAIN_EVENT_DESCRIBER_H_
#define RENSTRA_DOMAIN_EVENT_DESCRIBER_H_

#include <cstdint>
#include <string>

#include "domain/money.h"
#include "domain/target_value.h"
#include "renstra/v1/events.pb.h"

namespace renstra {

// Stream names the describer decodes by (the proposal prefix is ProposalBook's).
inline constexpr char kPlanStreamPrefix[] = "plan/";
inline constexpr char kDeniedStream[] = "audit/denied";

// "Rp 180.000.000"; "-" when absent. Always the canonical digits: sources write
// amounts several ways ("350.000.000", "Rp1.234.567,00") and a summary or a diff must
// print like with like.
std::string AuditMoney(const Money& amount);
// The target as written ("210 Orang", "1349Orang"); "-" for a blank cell.
std::string AuditTarget(const TargetValue& value);

// One line, never empty (at least the event_type, or "event <sequence>").
std::string DescribeEvent(const v1::EventEnvelope& envelope);

// What an audit history is about. `id` is exact: node codes canonical
// ("1.06.04.2.01.0001"), indicator ids "<canonical code>#<n>" (callers canonicalize).
struct AuditSubject {
  enum class Kind { kNode, kIndicator, kProposal, kRevision, kUser };
  Kind kind = Kind::kNode;
  std::string id;
};

// True when `envelope` belongs to `subject`'s history:
//  kNode: plan events on the node (NodeAdded, NodeRetired, FundingSet, IndicatorDefined
//    on it; TargetSet / IndicatorReplaced of one of its indicators, old or new id), and
//    ProposalDrafted / ProposalRevised whose changes reference the node or one of its
//    indicators (other proposal events carry no changes: ask for the proposal).
//  kIndicator: TargetSet, IndicatorDefined, IndicatorReplaced (old or new id), and
//    drafted / revised proposals changing it: SetTarget, ReplaceIndicator, or an
//    AddSubActivity whose new node's first indicator ("<code>#1") it is.
//  kProposal: every event of a stream "proposal/[<scope>/]<id>" and the RevisionRatified
//    listing it (the caller keeps other plans' streams out, see AuditApp).
//  kRevision: RevisionOpened / RevisionRatified with that revision id. The change
//    events a ratification applied carry no revision id: find them with
//    RatificationChangeVersions.
//  kUser: events whose principal is the user, and AccessDenied naming the user as the
//    refused principal (the envelope of a refusal is written by the server).
// False for a payload that does not decode.
bool EventTouches(const v1::EventEnvelope& envelope, const AuditSubject& subject);

// Plan-stream versions [first, last] (inclusive); empty when first > last.
struct VersionRange {
  uint64_t first = 1;
  uint64_t last = 0;
  bool empty() const { return first > last; }
  bool Contains(uint64_t version) const { return version >= first && version <= last; }
};

// The versions of the change events applied by the RevisionRatified written at
// `ratified_version` with `change_count` (they follow it in the same append):
// [ratified_version + 1, ratified_version + change_count]; empty for change_count <= 0.
VersionRange RatificationChangeVersions(uint64_t ratified_version, int32_t change_count);

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_EVENT_DESCRIBER_H_
