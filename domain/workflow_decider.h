// The decisions of the revision workflow (Decide): each takes the current projections
// and a command and returns the events to append, or the error that changes nothing.
//
// Life cycle of a proposal: DRAFT → SUBMITTED → APPROVED | REJECTED | RETURNED;
// RETURNED → (revise) → SUBMITTED again; DRAFT, SUBMITTED and RETURNED may be
// withdrawn by the proposer; APPROVED may be revised by its proposer (a rebase after a
// conflict), which sends it back to DRAFT; APPLIED, REJECTED and WITHDRAWN are final.
//
// Rules (docs/architecture.md, invariant 5): only KEPALA_BIDANG and SEKRETARIAT propose, each for
// its own division's nodes; only the proposer submits, revises or withdraws; only the
// KEPALA_DINAS reviews, opens, ratifies and locks; nobody decides on a proposal they
// made; INSPEKTORAT and ADMIN write nothing here.
//
// Errors: PERMISSION_DENIED naming the rule; INVALID_ARGUMENT naming the field;
// NOT_FOUND for an unknown proposal; FAILED_PRECONDITION for a forbidden transition, a
// locked plan or no open revision; ABORTED for a ratification whose proposals' "before"
// values no longer hold (each conflicting value named; nothing is applied);
// FAILED_PRECONDITION for a ratification that adds a validator finding without
// accept_findings (each added finding named; nothing is applied).
//
// Pure functions; thread-safe.
#ifndef RENSTRA_DOMAIN_WORKFLOW_DECIDER_H_
#define RENSTRA_DOMAIN_WORKFLOW_DECIDER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "domain/actor.h"
#include "domain/finding_diff.h"
#include "domain/plan_state.h"
#include "domain/proposal_state.h"
#include "renstra/v1/events.pb.h"
#include "renstra/v1/workflow.pb.h"

namespace renstra {

struct DraftCommand {
  std::string proposal_id;  // chosen by the application (unique)
  std::string title;
  std::string justification;
  std::vector<v1::Change> changes;
};

struct ReviseCommand {
  std::string proposal_id;
  std::string justification;  // empty keeps the current one
  std::vector<v1::Change> changes;
};

struct RatifyCommand {
  std::string legal_basis;
  std::string reason;
  std::string effective_date;  // YYYY-MM-DD
  std::string signer;
  std::vector<std::string> proposal_ids;
  // Proceed although the ratification adds findings (finding_diff.h); requires a
  // non-empty accept_reason, which is recorded with the accepted findings.
  bool accept_findings = false;
  std::string accept_reason;
};

// What a ratification would do: its events, the plan after them, and the validator's
// findings it adds to and removes from the plan now.
struct RatificationPreview {
  std::vector<v1::PlanEvent> events;  // RevisionRatified first, then the changes
  PlanState plan;                     // the plan after `events`
  FindingDiff findings;
};

absl::StatusOr<std::vector<v1::ProposalEvent>> DecideDraft(const PlanState& plan,
                                                           const Actor& actor,
                                                           const DraftCommand& command);
absl::StatusOr<std::vector<v1::ProposalEvent>> DecideRevise(const PlanState& plan,
                                                            const ProposalBook& book,
                                                            const Actor& actor,
                                                            const ReviseCommand& command);
absl::StatusOr<std::vector<v1::ProposalEvent>> DecideSubmit(const ProposalBook& book,
                                                            const Actor& actor,
                                                            const std::string& proposal_id,
                                                            const std::string& note);
absl::StatusOr<std::vector<v1::ProposalEvent>> DecideWithdraw(const ProposalBook& book,
                                                              const Actor& actor,
                                                              const std::string& proposal_id,
                                                              const std::string& note);
absl::StatusOr<std::vector<v1::ProposalEvent>> DecideReview(const ProposalBook& book,
                                                            const Actor& actor,
                                                            const std::string& proposal_id,
                                                            v1::ProposalReviewed::Decision decision,
                                                            const std::string& note);

absl::StatusOr<std::vector<v1::PlanEvent>> DecideOpenRevision(const PlanState& plan,
                                                              const Actor& actor,
                                                              const std::string& revision_id,
                                                              const std::string& name);
// Refuses with FAILED_PRECONDITION, listing each added finding (FindingLabel), a
// ratification that adds a finding unless command.accept_findings; the accepted
// findings and reason are then recorded in the RevisionRatified event.
absl::StatusOr<std::vector<v1::PlanEvent>> DecideRatify(const PlanState& plan,
                                                        const ProposalBook& book,
                                                        const Actor& actor,
                                                        const RatifyCommand& command);
// The dry run of DecideRatify: the same checks and errors, except that added findings
// are reported in the preview rather than refused.
absl::StatusOr<RatificationPreview> PreviewRatify(const PlanState& plan, const ProposalBook& book,
                                                  const Actor& actor, const RatifyCommand& command);
// The findings one proposal alone would add to and remove from `plan`. FAILED_PRECONDITION
// when one of its changes no longer applies (its "before" value changed: it must be
// rebased).
absl::StatusOr<FindingDiff> ProposalFindings(const PlanState& plan, const ProposalState& proposal);
absl::StatusOr<std::vector<v1::PlanEvent>> DecideLock(const PlanState& plan, const Actor& actor);

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_WORKFLOW_DECIDER_H_
