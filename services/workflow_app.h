// WorkflowApp: the application layer of the revision workflow. For each command it
// decides with the domain (workflow_decider.h) against the Projector's models and has
// the CommandRunner append the events to the right stream with that stream's expected
// version (a proposal's own stream, or the plan stream for revisions). A concurrent
// change to the same stream makes the append fail with ABORTED.
//
// Concurrency: commands on proposals take the runner's kProposal lock (shared), so they
// run concurrently (and share fsyncs); revision commands (open, ratify, lock) take kPlan
// (exclusive). See command_runner.h.
//
// Idempotency (command_runner.h): a retry — same user, method and request — answers
// with the proposal (or revision) as it is now. Propose with `submit` is two appends,
// the draft and then its submission (a SubmitProposal with request id the Propose's +
// "#submit"); a retry whose draft landed but whose submission did not (the server died
// between them) submits it, once.
//
// Ownership: borrows the CommandRunner (and through it the EventStore and Projector;
// all must outlive it).
// Thread safety: all methods are safe to call concurrently.
// Errors: see WorkflowService in proto/renstra/v1/workflow_service.proto.
#ifndef RENSTRA_SERVICES_WORKFLOW_APP_H_
#define RENSTRA_SERVICES_WORKFLOW_APP_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "domain/actor.h"
#include "renstra/v1/workflow_service.pb.h"
#include "services/command_runner.h"
#include "services/projector.h"
#include "storage/event_store.h"

namespace renstra {

class WorkflowApp {
 public:
  explicit WorkflowApp(CommandRunner* runner);

  absl::StatusOr<v1::ProposalView> Propose(const Actor& actor, const v1::ProposeRequest& request);
  absl::StatusOr<v1::ProposalView> Revise(const Actor& actor,
                                          const v1::ReviseProposalRequest& request);
  absl::StatusOr<v1::ProposalView> Submit(const Actor& actor,
                                          const v1::ProposalActionRequest& request);
  absl::StatusOr<v1::ProposalView> Withdraw(const Actor& actor,
                                            const v1::ProposalActionRequest& request);
  absl::StatusOr<v1::ProposalView> Review(const Actor& actor,
                                          const v1::ReviewProposalRequest& request);
  absl::StatusOr<v1::RevisionInfo> OpenRevision(const Actor& actor,
                                                const v1::OpenRevisionRequest& request);
  absl::StatusOr<v1::RevisionInfo> Ratify(const Actor& actor,
                                          const v1::RatifyRevisionRequest& request);
  // The dry run of Ratify: what it would do with `request`, computed on the projections
  // and never appended (PreviewRatify in domain/workflow_decider.h).
  absl::StatusOr<v1::RatificationPreview> PreviewRatification(
      const Actor& actor, const v1::RatifyRevisionRequest& request) const;
  absl::StatusOr<v1::LockPlanResponse> Lock(const Actor& actor, const v1::LockPlanRequest& request);

  v1::GetInboxResponse Inbox(const Actor& actor) const;
  absl::StatusOr<v1::ProposalView> GetProposal(const std::string& proposal_id) const;
  // A page of proposals in id order (see ListProposalsRequest).
  v1::ListProposalsResponse ListProposals(const v1::ListProposalsRequest& request) const;
  v1::ListRevisionsResponse ListRevisions() const;
  // The plan as of a plan-stream version (0 = current), rebuilt from the events.
  absl::StatusOr<v1::Plan> PlanAtVersion(int64_t version) const;

 private:
  // Appended to a Propose's request id for the submission it asks for.
  static constexpr char kSubmitRequestSuffix[] = "#submit";

  // Submits the draft `proposal_id` that `request` created, unless its submission is
  // already in the log or the proposal is no longer a draft.
  absl::StatusOr<v1::ProposalView> SubmitDrafted(const Actor& actor,
                                                 const v1::ProposeRequest& request,
                                                 const std::string& proposal_id);
  // The decision of decide(plan, book) for the stream of `proposal_id`.
  template <typename Decide>
  absl::StatusOr<Decision> DecideProposal(const std::string& proposal_id, const std::string& reason,
                                          Decide decide);
  // The proposal whose stream a command landed on, as it is now.
  absl::StatusOr<v1::ProposalView> AnswerProposal(const Landed& landed) const;
  // Runs a decided proposal command: decide(plan, book) → events for `proposal_id`.
  // `rpc`: the WorkflowService method (the scope of the request id).
  template <typename Decide>
  absl::StatusOr<v1::ProposalView> RunProposalCommand(const Actor& actor, const char* rpc,
                                                      const google::protobuf::Message& request,
                                                      const std::string& request_id,
                                                      const std::string& proposal_id,
                                                      const std::string& reason, Decide decide);
  // Runs a decided plan command: decide(plan, book) → events for the plan stream.
  template <typename Decide>
  absl::StatusOr<AppendResult> RunPlanCommand(const Actor& actor, const char* rpc,
                                              const google::protobuf::Message& request,
                                              const std::string& request_id,
                                              const std::string& reason, Decide decide);
  std::string NextProposalId();
  // Gives back a refused draft's id when no later id was handed out, so that refused
  // proposals leave no gap in the numbering (a gap could look like a deleted record to
  // an auditor). A concurrent refusal can still leave one; the log stays the truth.
  void ReleaseProposalId(const std::string& id);
  std::string NextRevisionId() const;

  CommandRunner* const runner_;
  EventStore* const store_;
  Projector* const projector_;
  absl::Mutex id_mu_;
  int next_proposal_ ABSL_GUARDED_BY(id_mu_) = 0;
};

}  // namespace renstra

#endif  // RENSTRA_SERVICES_WORKFLOW_APP_H_
