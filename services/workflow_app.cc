#include "services/workflow_app.h"

#include <cstdio>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "domain/plan_events.h"
#include "domain/status_macros.h"
#include "domain/text_limits.h"
#include "domain/workflow_decider.h"
#include "services/page_budget.h"
#include "services/plan_replay.h"

namespace renstra {
namespace {

constexpr uint32_t kProposalEventSchemaVersion = 1;

std::string ProposalEventType(const v1::ProposalEvent& e) {
  switch (e.kind_case()) {
    case v1::ProposalEvent::kDrafted:
      return v1::ProposalDrafted::descriptor()->full_name();
    case v1::ProposalEvent::kRevised:
      return v1::ProposalRevised::descriptor()->full_name();
    case v1::ProposalEvent::kSubmitted:
      return v1::ProposalSubmitted::descriptor()->full_name();
    case v1::ProposalEvent::kWithdrawn:
      return v1::ProposalWithdrawn::descriptor()->full_name();
    case v1::ProposalEvent::kReviewed:
      return v1::ProposalReviewed::descriptor()->full_name();
    case v1::ProposalEvent::KIND_NOT_SET:
      break;
  }
  return "";
}

std::vector<NewEvent> ToNew(const std::vector<v1::ProposalEvent>& events) {
  std::vector<NewEvent> out;
  for (const v1::ProposalEvent& e : events) {
    NewEvent& n = out.emplace_back();
    n.event_type = ProposalEventType(e);
    n.schema_version = kProposalEventSchemaVersion;
    e.SerializeToString(&n.payload);
  }
  return out;
}

std::vector<NewEvent> ToNew(const std::vector<v1::PlanEvent>& events) {
  std::vector<NewEvent> out;
  for (const v1::PlanEvent& e : events) {
    NewEvent& n = out.emplace_back();
    n.event_type = EventTypeName(e);
    n.schema_version = kPlanEventSchemaVersion;
    e.SerializeToString(&n.payload);
  }
  return out;
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

std::vector<std::string> Ids(const google::protobuf::RepeatedPtrField<std::string>& ids) {
  return std::vector<std::string>(ids.begin(), ids.end());
}

}  // namespace

WorkflowApp::WorkflowApp(EventStore* store, Projector* projector)
    : store_(store), projector_(projector) {}

absl::StatusOr<AppendResult> WorkflowApp::Append(const std::string& stream,
                                                 int64_t expected_version,
                                                 std::vector<NewEvent> events, const Actor& actor,
                                                 const std::string& reason,
                                                 const std::string& request_id) {
  AppendRequest request;
  request.stream = stream;
  request.expected_version = expected_version;
  request.events = std::move(events);
  // The full text is in the payload; the envelope keeps a short line (not stored twice).
  request.meta =
      CommandMeta{actor.name, v1::Role::Value_Name(actor.role), EnvelopeReason(reason), request_id};
  ASSIGN_OR_RETURN(AppendResult result, store_->Append(request));
  RETURN_IF_ERROR(projector_->CatchUp());
  return result;
}

template <typename Decide>
absl::StatusOr<v1::ProposalView> WorkflowApp::RunProposalCommand(const Actor& actor,
                                                                 const std::string& request_id,
                                                                 const std::string& proposal_id,
                                                                 const std::string& reason,
                                                                 Decide decide) {
  if (std::optional<AppliedRequest> earlier = projector_->FindRequest(request_id)) {
    // A retry: the original landed; answer with the proposal as it is now.
    return GetProposal(earlier->stream.substr(std::string("proposal/").size()));
  }
  absl::Status done = [&]() -> absl::Status {
    absl::ReaderMutexLock command(&command_mu_);
    int64_t expected = 0;
    ASSIGN_OR_RETURN(std::vector<v1::ProposalEvent> events,
                     projector_->Read([&](const PlanState& plan, const ProposalBook& book) {
                       const ProposalState* p = book.Find(proposal_id);
                       expected = p == nullptr ? 0 : static_cast<int64_t>(p->stream_version);
                       return decide(plan, book);
                     }));
    return Append(ProposalBook::StreamOf(proposal_id), expected, ToNew(events), actor, reason,
                  request_id)
        .status();
  }();
  if (!done.ok()) {
    // A concurrent retry of this request may have landed between the check above and
    // the decision (which then saw the proposal already moved on): that is a success.
    std::optional<AppliedRequest> earlier = FindLandedRequest(request_id);
    if (!earlier.has_value()) return done;
    return GetProposal(earlier->stream.substr(std::string("proposal/").size()));
  }
  return GetProposal(proposal_id);
}

std::optional<AppliedRequest> WorkflowApp::FindLandedRequest(const std::string& request_id) {
  if (request_id.empty() || !projector_->CatchUp().ok()) return std::nullopt;
  return projector_->FindRequest(request_id);
}

template <typename Decide>
absl::StatusOr<AppendResult> WorkflowApp::RunPlanCommand(const Actor& actor,
                                                         const std::string& request_id,
                                                         const std::string& reason, Decide decide) {
  if (std::optional<AppliedRequest> earlier = projector_->FindRequest(request_id)) {
    AppendResult r = earlier->result;
    r.deduplicated = true;
    return r;
  }
  absl::StatusOr<AppendResult> done = [&]() -> absl::StatusOr<AppendResult> {
    absl::WriterMutexLock command(&command_mu_);
    int64_t expected = 0;
    ASSIGN_OR_RETURN(std::vector<v1::PlanEvent> events,
                     projector_->Read([&](const PlanState& plan, const ProposalBook& book) {
                       expected = plan.version();
                       return decide(plan, book);
                     }));
    return Append(projector_->plan_id(), expected, ToNew(events), actor, reason, request_id);
  }();
  if (!done.ok()) {
    // As for proposals: a concurrent retry that landed first makes this a retry too.
    if (std::optional<AppliedRequest> earlier = FindLandedRequest(request_id)) {
      AppendResult r = earlier->result;
      r.deduplicated = true;
      return r;
    }
  }
  return done;
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
  if (std::optional<AppliedRequest> earlier = projector_->FindRequest(request.request_id())) {
    // A retry: the draft landed, but maybe not the submission (the server may have
    // died between the two appends). Finish what the original was asked to do.
    const std::string id = earlier->stream.substr(std::string("proposal/").size());
    if (!request.submit()) return GetProposal(id);
    return SubmitDrafted(actor, request, id);
  }
  const std::string id = NextProposalId();
  DraftCommand command{id,
                       request.title(),
                       request.justification(),
                       {request.changes().begin(), request.changes().end()}};
  absl::StatusOr<v1::ProposalView> view =
      RunProposalCommand(actor, request.request_id(), id, request.justification(),
                         [&](const PlanState& plan, const ProposalBook&) {
                           return DecideDraft(plan, actor, command);
                         });
  // A concurrent retry with the same request id may have drafted under another id first
  // (the store refuses the id for a second stream); RunProposalCommand then answers with
  // that proposal, and this id is given back.
  if (!view.ok() || view->proposal_id() != id) ReleaseProposalId(id);
  if (!view.ok() || !request.submit()) return view;
  return SubmitDrafted(actor, request, view->proposal_id());
}

absl::StatusOr<v1::ProposalView> WorkflowApp::SubmitDrafted(const Actor& actor,
                                                            const v1::ProposeRequest& request,
                                                            const std::string& proposal_id) {
  // Submitting is its own event and its own transition, with a request id derived from
  // the proposal's: a retry of the Propose submits at most once.
  v1::ProposalActionRequest submit;
  submit.set_proposal_id(proposal_id);
  if (!request.request_id().empty()) {
    submit.set_request_id(absl::StrCat(request.request_id(), kSubmitRequestSuffix));
    if (projector_->FindRequest(submit.request_id()).has_value()) return GetProposal(proposal_id);
  }
  // Only a draft is submitted: a proposal that has moved on (submitted by a log written
  // before submissions carried a request id, or withdrawn) is answered as it is.
  absl::StatusOr<v1::ProposalView> current = GetProposal(proposal_id);
  if (!current.ok() || current->status() != v1::DRAFT) return current;
  return Submit(actor, submit);
}

absl::StatusOr<v1::ProposalView> WorkflowApp::Revise(const Actor& actor,
                                                     const v1::ReviseProposalRequest& request) {
  ReviseCommand command{request.proposal_id(),
                        request.justification(),
                        {request.changes().begin(), request.changes().end()}};
  return RunProposalCommand(actor, request.request_id(), request.proposal_id(),
                            request.justification(),
                            [&](const PlanState& plan, const ProposalBook& book) {
                              return DecideRevise(plan, book, actor, command);
                            });
}

absl::StatusOr<v1::ProposalView> WorkflowApp::Submit(const Actor& actor,
                                                     const v1::ProposalActionRequest& request) {
  return RunProposalCommand(actor, request.request_id(), request.proposal_id(), request.note(),
                            [&](const PlanState&, const ProposalBook& book) {
                              return DecideSubmit(book, actor, request.proposal_id(),
                                                  request.note());
                            });
}

absl::StatusOr<v1::ProposalView> WorkflowApp::Withdraw(const Actor& actor,
                                                       const v1::ProposalActionRequest& request) {
  return RunProposalCommand(actor, request.request_id(), request.proposal_id(), request.note(),
                            [&](const PlanState&, const ProposalBook& book) {
                              return DecideWithdraw(book, actor, request.proposal_id(),
                                                    request.note());
                            });
}

absl::StatusOr<v1::ProposalView> WorkflowApp::Review(const Actor& actor,
                                                     const v1::ReviewProposalRequest& request) {
  return RunProposalCommand(actor, request.request_id(), request.proposal_id(), request.note(),
                            [&](const PlanState&, const ProposalBook& book) {
                              return DecideReview(book, actor, request.proposal_id(),
                                                  request.decision(), request.note());
                            });
}

absl::StatusOr<v1::RevisionInfo> WorkflowApp::OpenRevision(const Actor& actor,
                                                           const v1::OpenRevisionRequest& request) {
  const std::string id = NextRevisionId();
  RETURN_IF_ERROR(RunPlanCommand(actor, request.request_id(), request.name(),
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
  RatifyCommand command{request.legal_basis(), request.reason(), request.effective_date(),
                        request.signer(), Ids(request.proposal_ids())};
  ASSIGN_OR_RETURN(AppendResult result,
                   RunPlanCommand(actor, request.request_id(), request.reason(),
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

absl::StatusOr<v1::LockPlanResponse> WorkflowApp::Lock(const Actor& actor,
                                                       const v1::LockPlanRequest& request) {
  ASSIGN_OR_RETURN(AppendResult result,
                   RunPlanCommand(actor, request.request_id(), "lock",
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
      [&](const PlanState&, const ProposalBook& book) -> absl::StatusOr<v1::ProposalView> {
        const ProposalState* p = book.Find(proposal_id);
        if (p == nullptr) {
          return absl::NotFoundError(
              absl::StrCat("proposal ", SafePrefix(proposal_id), ": no such proposal"));
        }
        return ViewOf(*p);
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
  ASSIGN_OR_RETURN(PlanState plan, ReplayPlanToVersion(store_, *projector_, version, "version"));
  return plan.ToProto();
}

}  // namespace renstra
