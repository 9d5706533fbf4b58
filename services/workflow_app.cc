#include "services/workflow_app.h"

#include <cstdio>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "domain/consequences.h"
#include "domain/plan_events.h"
#include "domain/text_limits.h"
#include "domain/workflow_decider.h"
#include "services/page_budget.h"
#include "services/plan_replay.h"

namespace renstra {
namespace {

constexpr uint32_t kProposalEventSchemaVersion = 1;

// The full gRPC method of a WorkflowService command: the scope of its request ids.
std::string Method(const char* rpc) { return absl::StrCat("/renstra.v1.WorkflowService/", rpc); }

// The proposal whose stream `stream` is; INTERNAL if it is not a proposal's.
absl::StatusOr<std::string> ProposalIdOf(const std::string& stream) {
  if (!absl::StartsWith(stream, "proposal/")) {
    return absl::InternalError(absl::StrCat("stream \"", stream, "\" is not a proposal's"));
  }
  return std::string(ProposalBook::IdOf(stream));
}

v1::ProposalView ViewOf(const ProposalState& p) {
  v1::ProposalView v;
  v.set_proposal_id(p.id);
  v.set_title(p.title);
  v.set_justification(p.justification);
  v.set_proposer(p.proposer);
  v.set_division(p.division);
  v.set_status(p.status);
  v.set_base_version(p.base_version);
  for (const v1::Change& c : p.changes) *v.add_changes() = c;
  for (const ProposalStep& s : p.history) {
    v1::ProposalStepView* step = v.add_history();
    step->set_event(s.event);
    step->set_who(s.who);
    step->set_role(s.role);
    step->set_at_micros(s.at_micros);
    step->set_note(s.note);
  }
  v.set_last_note(p.last_note);
  v.set_reviewer(p.reviewer);
  v.set_revision_id(p.revision_id);
  return v;
}

void AddConsequences(const PlanState& plan, const ProposalState& p, v1::ProposalView* view) {
  for (const IndexedConsequence& ic : ProposalConsequences(plan, p.changes)) {
    v1::Consequence* c = view->add_consequences();
    c->set_change_index(ic.change_index);
    c->set_code(ic.consequence.code);
    c->set_what(ic.consequence.what);
    c->set_year(ic.consequence.year);
    c->set_before(ic.consequence.before);
    c->set_after(ic.consequence.after);
    c->set_note(ic.consequence.note);
  }
}

std::vector<std::string> Ids(const google::protobuf::RepeatedPtrField<std::string>& ids) {
  return std::vector<std::string>(ids.begin(), ids.end());
}

RatifyCommand RatifyCommandOf(const v1::RatifyRevisionRequest& request) {
  RatifyCommand command;
  command.legal_basis = request.legal_basis();
  command.reason = request.reason();
  command.effective_date = request.effective_date();
  command.signer = request.signer();
  command.proposal_ids = Ids(request.proposal_ids());
  command.accept_findings = request.accept_findings();
  command.accept_reason = request.accept_reason();
  return command;
}

}  // namespace

WorkflowApp::WorkflowApp(CommandRunner* runner)
    : runner_(runner), store_(runner->store()), projector_(runner->projector()) {}

template <typename Decide>
absl::StatusOr<Decision> WorkflowApp::DecideProposal(const std::string& proposal_id,
                                                     const std::string& reason, Decide decide) {
  Decision decision;
  decision.stream = ProposalBook::StreamOf(projector_->proposal_scope(), proposal_id);
  decision.reason = reason;
  RENSTRA_ASSIGN_OR_RETURN(std::vector<v1::ProposalEvent> events,
                           projector_->Read([&](const PlanState& plan, const ProposalBook& book) {
                             const ProposalState* p = book.Find(proposal_id);
                             decision.expected_version =
                                 p == nullptr ? 0 : static_cast<int64_t>(p->stream_version);
                             return decide(plan, book);
                           }));
  decision.events = ToNewEvents(events, kProposalEventSchemaVersion);
  return decision;
}

absl::StatusOr<v1::ProposalView> WorkflowApp::AnswerProposal(const Landed& landed) const {
  RENSTRA_ASSIGN_OR_RETURN(std::string id, ProposalIdOf(landed.stream));
  return GetProposal(id);
}

template <typename Decide>
absl::StatusOr<v1::ProposalView> WorkflowApp::RunProposalCommand(
    const Actor& actor, const char* rpc, const google::protobuf::Message& request,
    const std::string& request_id, const std::string& proposal_id, const std::string& reason,
    Decide decide) {
  CommandSpec spec{PrincipalOf(actor), Method(rpc), &request, request_id, CommandLock::kProposal};
  return runner_->Run<v1::ProposalView>(
      spec, [&] { return DecideProposal(proposal_id, reason, decide); },
      [&](const Landed& landed) { return AnswerProposal(landed); });
}

template <typename Decide>
absl::StatusOr<AppendResult> WorkflowApp::RunPlanCommand(const Actor& actor, const char* rpc,
                                                         const google::protobuf::Message& request,
                                                         const std::string& request_id,
                                                         const std::string& reason, Decide decide) {
  CommandSpec spec{PrincipalOf(actor), Method(rpc), &request, request_id, CommandLock::kPlan};
  return runner_->Run<AppendResult>(
      spec,
      [&]() -> absl::StatusOr<Decision> {
        Decision decision;
        decision.stream = projector_->plan_id();
        decision.reason = reason;
        RENSTRA_ASSIGN_OR_RETURN(
            std::vector<v1::PlanEvent> events,
            projector_->Read([&](const PlanState& plan, const ProposalBook& book) {
              decision.expected_version = plan.version();
              return decide(plan, book);
            }));
        decision.events = ToNewEvents(events, kPlanEventSchemaVersion);
        return decision;
      },
      [&](const Landed& landed) -> absl::StatusOr<AppendResult> {
        if (landed.stream != projector_->plan_id()) {
          return absl::InternalError(
              absl::StrCat("stream \"", landed.stream, "\" is not the plan's"));
        }
        return landed.result;
      });
}

std::string WorkflowApp::NextProposalId() {
  absl::MutexLock lock(&id_mu_);
  if (next_proposal_ == 0) {
    // Continue after the highest id in the log ("USL-0007" → 8).
    next_proposal_ = projector_->Read([](const PlanState&, const ProposalBook& book) {
      int highest = 0;
      for (const auto& [id, p] : book.all()) {
        int n = 0;
        if (id.size() > 4 && absl::SimpleAtoi(id.substr(4), &n)) highest = std::max(highest, n);
      }
      return highest + 1;
    });
  }
  char id[32];
  std::snprintf(id, sizeof(id), "USL-%04d", next_proposal_++);
  return id;
}

void WorkflowApp::ReleaseProposalId(const std::string& id) {
  absl::MutexLock lock(&id_mu_);
  char last[32];
  std::snprintf(last, sizeof(last), "USL-%04d", next_proposal_ - 1);
  if (id == last) --next_proposal_;
}

std::string WorkflowApp::NextRevisionId() const {
  return projector_->Read([](const PlanState& plan, const ProposalBook&) {
    return absl::StrCat("REV-", plan.revision_number() + 1);
  });
}

absl::StatusOr<v1::ProposalView> WorkflowApp::Propose(const Actor& actor,
                                                      const v1::ProposeRequest& request) {
  // The id is allocated only when the draft is decided (a retry allocates none).
  std::string id;
  CommandSpec spec{PrincipalOf(actor), Method("Propose"), &request, request.request_id(),
                   CommandLock::kProposal};
  absl::StatusOr<v1::ProposalView> view = runner_->Run<v1::ProposalView>(
      spec,
      [&] {
        if (id.empty()) id = NextProposalId();
        DraftCommand command{id,
                             request.title(),
                             request.justification(),
                             {request.changes().begin(), request.changes().end()}};
        return DecideProposal(id, request.justification(),
                              [&](const PlanState& plan, const ProposalBook&) {
                                return DecideDraft(plan, actor, command);
                              });
      },
      [&](const Landed& landed) { return AnswerProposal(landed); });
  // A concurrent attempt of the same request may have drafted under another id first
  // (the store refuses the request id for a second stream); the runner then answers
  // with that proposal, and this id is given back.
  if (!id.empty() && (!view.ok() || view->proposal_id() != id)) ReleaseProposalId(id);
  if (!view.ok() || !request.submit()) return view;
  // The draft landed, now or earlier, but maybe not its submission (the server may have
  // died between the two appends): finish what the request asked for.
  return SubmitDrafted(actor, request, view->proposal_id());
}

absl::StatusOr<v1::ProposalView> WorkflowApp::SubmitDrafted(const Actor& actor,
                                                            const v1::ProposeRequest& request,
                                                            const std::string& proposal_id) {
  // Submitting is its own event and its own transition, with a request id derived from
  // the proposal's: a retry of the Propose submits at most once. It is the very request
  // SubmitProposal would send, so it is fingerprinted as one.
  v1::ProposalActionRequest submit;
  submit.set_proposal_id(proposal_id);
  if (!request.request_id().empty()) {
    submit.set_request_id(absl::StrCat(request.request_id(), kSubmitRequestSuffix));
  }
  // Only a draft is submitted: a proposal that has moved on (submitted, returned,
  // withdrawn) is answered as it is. A draft whose submission did land (submitted,
  // returned, then revised) is answered by the runner as a retry, not submitted again.
  absl::StatusOr<v1::ProposalView> current = GetProposal(proposal_id);
  if (!current.ok() || current->status() != v1::DRAFT) return current;
  return Submit(actor, submit);
}

absl::StatusOr<v1::ProposalView> WorkflowApp::Revise(const Actor& actor,
                                                     const v1::ReviseProposalRequest& request) {
  ReviseCommand command{request.proposal_id(),
                        request.justification(),
                        {request.changes().begin(), request.changes().end()}};
  return RunProposalCommand(actor, "ReviseProposal", request, request.request_id(),
                            request.proposal_id(), request.justification(),
                            [&](const PlanState& plan, const ProposalBook& book) {
                              return DecideRevise(plan, book, actor, command);
                            });
}

absl::StatusOr<v1::ProposalView> WorkflowApp::Submit(const Actor& actor,
                                                     const v1::ProposalActionRequest& request) {
  return RunProposalCommand(
      actor, "SubmitProposal", request, request.request_id(), request.proposal_id(), request.note(),
      [&](const PlanState&, const ProposalBook& book) {
        return DecideSubmit(book, actor, request.proposal_id(), request.note());
      });
}

absl::StatusOr<v1::ProposalView> WorkflowApp::Withdraw(const Actor& actor,
                                                       const v1::ProposalActionRequest& request) {
  return RunProposalCommand(
      actor, "WithdrawProposal", request, request.request_id(), request.proposal_id(),
      request.note(), [&](const PlanState&, const ProposalBook& book) {
        return DecideWithdraw(book, actor, request.proposal_id(), request.note());
      });
}

absl::StatusOr<v1::ProposalView> WorkflowApp::Review(const Actor& actor,
                                                     const v1::ReviewProposalRequest& request) {
  return RunProposalCommand(
      actor, "ReviewProposal", request, request.request_id(), request.proposal_id(), request.note(),
      [&](const PlanState&, const ProposalBook& book) {
        return DecideReview(book, actor, request.proposal_id(), request.decision(), request.note());
      });
}

absl::StatusOr<v1::RevisionInfo> WorkflowApp::OpenRevision(const Actor& actor,
                                                           const v1::OpenRevisionRequest& request) {
  const std::string id = NextRevisionId();
  RENSTRA_RETURN_IF_ERROR(
      RunPlanCommand(actor, "OpenRevision", request, request.request_id(), request.name(),
                     [&](const PlanState& plan, const ProposalBook&) {
                       return DecideOpenRevision(plan, actor, id, request.name());
                     })
          .status());
  return projector_->Read([](const PlanState& plan, const ProposalBook&) {
    return plan.open_revision() != nullptr ? *plan.open_revision() : v1::RevisionInfo();
  });
}

absl::StatusOr<v1::RevisionInfo> WorkflowApp::Ratify(const Actor& actor,
                                                     const v1::RatifyRevisionRequest& request) {
  const RatifyCommand command = RatifyCommandOf(request);
  RENSTRA_ASSIGN_OR_RETURN(
      AppendResult result,
      RunPlanCommand(actor, "RatifyRevision", request, request.request_id(), request.reason(),
                     [&](const PlanState& plan, const ProposalBook& book) {
                       return DecideRatify(plan, book, actor, command);
                     }));
  return projector_->Read(
      [&](const PlanState& plan, const ProposalBook&) -> absl::StatusOr<v1::RevisionInfo> {
        // A revision's plan version is the last version its append wrote.
        for (const v1::RevisionInfo& r : plan.revisions()) {
          if (r.plan_version() == static_cast<int64_t>(result.stream_version)) return r;
        }
        return absl::InternalError("ratified revision not found in the projection");
      });
}

absl::StatusOr<v1::RatificationPreview> WorkflowApp::PreviewRatification(
    const Actor& actor, const v1::RatifyRevisionRequest& request) const {
  const RatifyCommand command = RatifyCommandOf(request);
  return projector_->Read([&](const PlanState& plan,
                              const ProposalBook& book) -> absl::StatusOr<v1::RatificationPreview> {
    RENSTRA_ASSIGN_OR_RETURN(RatificationPreview preview,
                             PreviewRatify(plan, book, actor, command));
    v1::RatificationPreview out;
    const v1::RevisionRatified& ratified = preview.events[0].revision_ratified();
    v1::RevisionInfo* revision = out.mutable_revision();
    revision->set_revision_id(ratified.revision_id());
    revision->set_name(ratified.name());
    revision->set_revision_number(ratified.revision_number());
    revision->set_legal_basis(ratified.legal_basis());
    revision->set_reason(ratified.reason());
    revision->set_effective_date(ratified.effective_date());
    revision->set_signer(ratified.signer());
    *revision->mutable_proposal_ids() = ratified.proposal_ids();
    *out.mutable_plan() = preview.plan.ToProto();
    for (const v1::Finding& f : preview.findings.added) *out.add_added_findings() = f;
    for (const v1::Finding& f : preview.findings.removed) *out.add_removed_findings() = f;
    out.set_would_refuse(!preview.findings.added.empty() && !command.accept_findings);
    return out;
  });
}

absl::StatusOr<v1::LockPlanResponse> WorkflowApp::Lock(const Actor& actor,
                                                       const v1::LockPlanRequest& request) {
  RENSTRA_ASSIGN_OR_RETURN(AppendResult result,
                           RunPlanCommand(actor, "LockPlan", request, request.request_id(), "lock",
                                          [&](const PlanState& plan, const ProposalBook&) {
                                            return DecideLock(plan, actor);
                                          }));
  v1::LockPlanResponse out;
  out.set_plan_version(static_cast<int64_t>(result.stream_version));
  out.set_revision(projector_->Read(
      [](const PlanState& plan, const ProposalBook&) { return plan.revision_number(); }));
  return out;
}

v1::GetInboxResponse WorkflowApp::Inbox(const Actor& actor) const {
  return projector_->Read([&](const PlanState&, const ProposalBook& book) {
    v1::GetInboxResponse out;
    for (const auto& [id, p] : book.all()) {
      if (actor.role == v1::Role::KEPALA_DINAS && p.status == v1::SUBMITTED &&
          p.proposer != actor.name) {
        *out.add_awaiting_decision() = ViewOf(p);
      }
      if (p.proposer != actor.name) continue;
      if (p.status == v1::RETURNED) *out.add_returned_to_me() = ViewOf(p);
      if (p.status == v1::DRAFT || p.status == v1::SUBMITTED || p.status == v1::APPROVED) {
        *out.add_my_open() = ViewOf(p);
      }
    }
    return out;
  });
}

absl::StatusOr<v1::ProposalView> WorkflowApp::GetProposal(const std::string& proposal_id) const {
  if (proposal_id.empty()) return absl::InvalidArgumentError("proposal_id: required");
  return projector_->Read(
      [&](const PlanState& plan, const ProposalBook& book) -> absl::StatusOr<v1::ProposalView> {
        const ProposalState* p = book.Find(proposal_id);
        if (p == nullptr) {
          return absl::NotFoundError(
              absl::StrCat("proposal ", SafePrefix(proposal_id), ": no such proposal"));
        }
        v1::ProposalView view = ViewOf(*p);
        // Only here, not in lists: deriving copies the plan. A final proposal's changes
        // are applied or dropped, so the current plan says nothing about them.
        if (p->status != v1::APPLIED && p->status != v1::REJECTED && p->status != v1::WITHDRAWN) {
          AddConsequences(plan, *p, &view);
        }
        return view;
      });
}

v1::ListProposalsResponse WorkflowApp::ListProposals(
    const v1::ListProposalsRequest& request) const {
  const v1::ProposalStatus status = request.status();
  return projector_->Read([&](const PlanState&, const ProposalBook& book) {
    v1::ListProposalsResponse out;
    PageBudget page(request.page_size());
    // The token is the id of the last proposal of the previous page (ids are the book's
    // order); a page starts after it.
    for (auto it = book.all().upper_bound(request.page_token()); it != book.all().end(); ++it) {
      const ProposalState& p = it->second;
      if (status != v1::PROPOSAL_STATUS_UNSPECIFIED && p.status != status) continue;
      v1::ProposalView view = ViewOf(p);
      if (!page.Take(view.ByteSizeLong())) {
        out.set_next_page_token(out.proposals(out.proposals_size() - 1).proposal_id());
        break;
      }
      *out.add_proposals() = std::move(view);
    }
    return out;
  });
}

v1::ListRevisionsResponse WorkflowApp::ListRevisions() const {
  return projector_->Read([](const PlanState& plan, const ProposalBook&) {
    v1::ListRevisionsResponse out;
    for (const v1::RevisionInfo& r : plan.revisions()) *out.add_revisions() = r;
    if (plan.open_revision() != nullptr) *out.mutable_open_revision() = *plan.open_revision();
    out.set_locked(plan.locked());
    return out;
  });
}

absl::StatusOr<v1::Plan> WorkflowApp::PlanAtVersion(int64_t version) const {
  RENSTRA_ASSIGN_OR_RETURN(PlanState plan,
                           ReplayPlanToVersion(store_, *projector_, version, "version"));
  return plan.ToProto();
}

}  // namespace renstra
