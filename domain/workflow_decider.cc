#include "domain/workflow_decider.h"

#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "base/status_macros.h"
#include "domain/change_rules.h"
#include "domain/consequences.h"
#include "domain/plan_limits.h"
#include "domain/text_limits.h"
#include "domain/validator.h"
#include "domain/value_limits.h"

namespace renstra {
namespace {

// A refusal names this many added findings, then counts the rest.
constexpr size_t kMaxFindingsNamed = 20;

absl::StatusOr<const ProposalState*> FindProposal(const ProposalBook& book, const std::string& id) {
  if (id.empty()) return absl::InvalidArgumentError("proposal_id: required");
  RENSTRA_RETURN_IF_ERROR(CheckText("proposal_id", id, kCodeText));
  const ProposalState* p = book.Find(id);
  if (p == nullptr) return absl::NotFoundError(absl::StrCat("proposal ", id, ": no such proposal"));
  return p;
}

absl::Status RequireProposer(const ProposalState& p, const Actor& actor, const char* action) {
  if (p.proposer == actor.name) return absl::OkStatus();
  return absl::PermissionDeniedError(absl::StrCat("rule: only the proposer may ", action,
                                                  " a proposal; ", p.id, " was proposed by ",
                                                  p.proposer, ", not ", actor.name));
}

absl::Status RequireStatus(const ProposalState& p, std::initializer_list<v1::ProposalStatus> ok,
                           const char* action) {
  std::vector<std::string> names;
  for (v1::ProposalStatus s : ok) {
    if (s == p.status) return absl::OkStatus();
    names.push_back(v1::ProposalStatus_Name(s));
  }
  return absl::FailedPreconditionError(absl::StrCat("proposal ", p.id, " is ",
                                                    v1::ProposalStatus_Name(p.status), "; ", action,
                                                    " needs ", absl::StrJoin(names, " or ")));
}

absl::StatusOr<std::vector<v1::Change>> ResolveAll(const PlanState& plan, const Actor& actor,
                                                   const std::vector<v1::Change>& changes) {
  if (changes.empty()) return absl::InvalidArgumentError("changes: at least one change required");
  std::vector<v1::Change> out;
  for (size_t i = 0; i < changes.size(); ++i) {
    RENSTRA_ASSIGN_OR_RETURN(v1::Change c,
                             ResolveChange(plan, actor, changes[i], static_cast<int>(i)));
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

absl::StatusOr<std::vector<v1::ProposalEvent>> DecideDraft(const PlanState& plan,
                                                           const Actor& actor,
                                                           const DraftCommand& command) {
  RENSTRA_RETURN_IF_ERROR(
      RequireRole(actor, {v1::Role::KEPALA_BIDANG, v1::Role::SEKRETARIAT}, "propose changes"));
  if (!plan.established()) return absl::FailedPreconditionError("the plan has not been imported");
  if (command.justification.empty()) {
    return absl::InvalidArgumentError("justification: required");
  }
  RENSTRA_RETURN_IF_ERROR(CheckText("title", command.title, kTitleText));
  RENSTRA_RETURN_IF_ERROR(CheckText("justification", command.justification, kJustificationText));
  RENSTRA_ASSIGN_OR_RETURN(std::vector<v1::Change> changes,
                           ResolveAll(plan, actor, command.changes));
  std::vector<v1::ProposalEvent> out(1);
  v1::ProposalDrafted* d = out[0].mutable_drafted();
  d->set_proposal_id(command.proposal_id);
  d->set_title(command.title);
  d->set_justification(command.justification);
  d->set_proposer(actor.name);
  d->set_division(ActingDivision(actor));
  d->set_base_version(plan.version());
  for (v1::Change& c : changes) *d->add_changes() = std::move(c);
  return out;
}

absl::StatusOr<std::vector<v1::ProposalEvent>> DecideRevise(const PlanState& plan,
                                                            const ProposalBook& book,
                                                            const Actor& actor,
                                                            const ReviseCommand& command) {
  RENSTRA_RETURN_IF_ERROR(
      RequireRole(actor, {v1::Role::KEPALA_BIDANG, v1::Role::SEKRETARIAT}, "revise proposals"));
  RENSTRA_RETURN_IF_ERROR(CheckText("justification", command.justification, kJustificationText));
  RENSTRA_ASSIGN_OR_RETURN(const ProposalState* p, FindProposal(book, command.proposal_id));
  RENSTRA_RETURN_IF_ERROR(RequireProposer(*p, actor, "revise"));
  RENSTRA_RETURN_IF_ERROR(RequireStatus(*p, {v1::DRAFT, v1::RETURNED, v1::APPROVED}, "revise"));
  RENSTRA_ASSIGN_OR_RETURN(std::vector<v1::Change> changes,
                           ResolveAll(plan, actor, command.changes));
  std::vector<v1::ProposalEvent> out(1);
  v1::ProposalRevised* r = out[0].mutable_revised();
  r->set_justification(command.justification.empty() ? p->justification : command.justification);
  r->set_base_version(plan.version());
  for (v1::Change& c : changes) *r->add_changes() = std::move(c);
  return out;
}

absl::StatusOr<std::vector<v1::ProposalEvent>> DecideSubmit(const ProposalBook& book,
                                                            const Actor& actor,
                                                            const std::string& proposal_id,
                                                            const std::string& note) {
  RENSTRA_RETURN_IF_ERROR(
      RequireRole(actor, {v1::Role::KEPALA_BIDANG, v1::Role::SEKRETARIAT}, "submit proposals"));
  RENSTRA_RETURN_IF_ERROR(CheckText("note", note, kNoteText));
  RENSTRA_ASSIGN_OR_RETURN(const ProposalState* p, FindProposal(book, proposal_id));
  RENSTRA_RETURN_IF_ERROR(RequireProposer(*p, actor, "submit"));
  RENSTRA_RETURN_IF_ERROR(RequireStatus(*p, {v1::DRAFT, v1::RETURNED}, "submit"));
  std::vector<v1::ProposalEvent> out(1);
  out[0].mutable_submitted()->set_note(note);
  return out;
}

absl::StatusOr<std::vector<v1::ProposalEvent>> DecideWithdraw(const ProposalBook& book,
                                                              const Actor& actor,
                                                              const std::string& proposal_id,
                                                              const std::string& note) {
  RENSTRA_RETURN_IF_ERROR(
      RequireRole(actor, {v1::Role::KEPALA_BIDANG, v1::Role::SEKRETARIAT}, "withdraw proposals"));
  RENSTRA_RETURN_IF_ERROR(CheckText("note", note, kNoteText));
  RENSTRA_ASSIGN_OR_RETURN(const ProposalState* p, FindProposal(book, proposal_id));
  RENSTRA_RETURN_IF_ERROR(RequireProposer(*p, actor, "withdraw"));
  RENSTRA_RETURN_IF_ERROR(RequireStatus(*p, {v1::DRAFT, v1::SUBMITTED, v1::RETURNED}, "withdraw"));
  std::vector<v1::ProposalEvent> out(1);
  out[0].mutable_withdrawn()->set_note(note);
  return out;
}

absl::StatusOr<std::vector<v1::ProposalEvent>> DecideReview(const ProposalBook& book,
                                                            const Actor& actor,
                                                            const std::string& proposal_id,
                                                            v1::ProposalReviewed::Decision decision,
                                                            const std::string& note) {
  RENSTRA_RETURN_IF_ERROR(RequireRole(actor, {v1::Role::KEPALA_DINAS}, "review proposals"));
  RENSTRA_RETURN_IF_ERROR(CheckText("note", note, kNoteText));
  RENSTRA_ASSIGN_OR_RETURN(const ProposalState* p, FindProposal(book, proposal_id));
  if (p->proposer == actor.name) {
    return absl::PermissionDeniedError(absl::StrCat(
        "rule: nobody decides on a proposal they made; ", p->id, " was proposed by ", actor.name));
  }
  if (decision != v1::ProposalReviewed::APPROVE && decision != v1::ProposalReviewed::REJECT &&
      decision != v1::ProposalReviewed::RETURN) {
    return absl::InvalidArgumentError("decision: required (APPROVE, REJECT or RETURN)");
  }
  if (decision != v1::ProposalReviewed::APPROVE && note.empty()) {
    return absl::InvalidArgumentError("note: required when rejecting or returning");
  }
  RENSTRA_RETURN_IF_ERROR(RequireStatus(*p, {v1::SUBMITTED}, "review"));
  std::vector<v1::ProposalEvent> out(1);
  v1::ProposalReviewed* r = out[0].mutable_reviewed();
  r->set_decision(decision);
  r->set_note(note);
  r->set_reviewer(actor.name);
  return out;
}

absl::StatusOr<std::vector<v1::PlanEvent>> DecideOpenRevision(const PlanState& plan,
                                                              const Actor& actor,
                                                              const std::string& revision_id,
                                                              const std::string& name) {
  RENSTRA_RETURN_IF_ERROR(RequireRole(actor, {v1::Role::KEPALA_DINAS}, "open a revision"));
  if (name.empty())
    return absl::InvalidArgumentError("name: required (e.g. \"Perubahan Renstra 2025\")");
  RENSTRA_RETURN_IF_ERROR(CheckText("name", name, kNameText));
  if (!plan.established()) return absl::FailedPreconditionError("the plan has not been imported");
  if (const v1::RevisionInfo* open = plan.open_revision()) {
    return absl::FailedPreconditionError(
        absl::StrCat("revision \"", open->name(), "\" is already open; one at a time"));
  }
  std::vector<v1::PlanEvent> out(1);
  out[0].mutable_revision_opened()->set_revision_id(revision_id);
  out[0].mutable_revision_opened()->set_name(name);
  return out;
}

absl::StatusOr<RatificationPreview> PreviewRatify(const PlanState& plan, const ProposalBook& book,
                                                  const Actor& actor,
                                                  const RatifyCommand& command) {
  RENSTRA_RETURN_IF_ERROR(RequireRole(actor, {v1::Role::KEPALA_DINAS}, "ratify a revision"));
  const v1::RevisionInfo* open = plan.open_revision();
  if (open == nullptr) {
    return absl::FailedPreconditionError(plan.locked() ? "the plan is locked; open a revision first"
                                                       : "no revision is open; open one first");
  }
  if (command.legal_basis.empty()) return absl::InvalidArgumentError("legal_basis: required");
  if (command.signer.empty()) return absl::InvalidArgumentError("signer: required");
  RENSTRA_RETURN_IF_ERROR(CheckText("legal_basis", command.legal_basis, kLegalBasisText));
  RENSTRA_RETURN_IF_ERROR(CheckText("reason", command.reason, kReasonText));
  RENSTRA_RETURN_IF_ERROR(CheckText("signer", command.signer, kSignerText));
  RENSTRA_RETURN_IF_ERROR(CheckText("effective_date", command.effective_date, kDateText));
  RENSTRA_RETURN_IF_ERROR(CheckDate("effective_date", command.effective_date));
  RENSTRA_RETURN_IF_ERROR(CheckText("accept_reason", command.accept_reason, kReasonText));
  if (command.accept_findings && command.accept_reason.empty()) {
    return absl::InvalidArgumentError(
        "accept_reason: required with accept_findings (why the findings the ratification adds "
        "are accepted)");
  }
  if (!command.accept_findings && !command.accept_reason.empty()) {
    return absl::InvalidArgumentError("accept_reason: given without accept_findings");
  }
  if (command.proposal_ids.empty()) {
    return absl::InvalidArgumentError("proposal_ids: at least one approved proposal required");
  }
  std::set<std::string> seen;
  std::vector<const ProposalState*> proposals;
  for (size_t i = 0; i < command.proposal_ids.size(); ++i) {
    const std::string& id = command.proposal_ids[i];
    RENSTRA_RETURN_IF_ERROR(CheckText(absl::StrCat("proposal_ids[", i, "]"), id, kCodeText));
    if (!seen.insert(id).second) {
      return absl::InvalidArgumentError(absl::StrCat("proposal_ids[", i, "]: ", id, " repeated"));
    }
    const ProposalState* p = book.Find(id);
    if (p == nullptr) {
      return absl::NotFoundError(absl::StrCat("proposal_ids[", i, "]: no such proposal ", id));
    }
    if (p->status != v1::APPROVED) {
      return absl::FailedPreconditionError(absl::StrCat("proposal_ids[", i, "]: ", id, " is ",
                                                        v1::ProposalStatus_Name(p->status),
                                                        "; only APPROVED proposals are ratified"));
    }
    // Approved before the value limits existed? Its values are checked again here.
    for (size_t c = 0; c < p->changes.size(); ++c) {
      const absl::Status values =
          CheckChangeValues(absl::StrCat("changes[", c, "]"), p->changes[c]);
      if (!values.ok()) {
        return absl::FailedPreconditionError(
            absl::StrCat("proposal_ids[", i, "]: ", id, " ", values.message(), "; revise it"));
      }
    }
    proposals.push_back(p);
  }

  std::vector<v1::PlanEvent> out(1);
  v1::RevisionRatified* r = out[0].mutable_revision_ratified();
  r->set_revision_id(open->revision_id());
  r->set_name(open->name());
  r->set_legal_basis(command.legal_basis);
  r->set_reason(command.reason);
  r->set_effective_date(command.effective_date);
  r->set_signer(command.signer);
  for (const std::string& id : command.proposal_ids) r->add_proposal_ids(id);
  r->set_revision_number(plan.revision_number() + 1);

  // Apply the changes one by one to a copy, so that two proposals touching the same
  // value conflict just as a proposal and an earlier ratification do.
  PlanState preview = plan;
  // In the log's order: the ratification, then its changes (so the preview shows the
  // new revision number).
  RENSTRA_RETURN_IF_ERROR(preview.ApplyAll({out[0]}));
  std::vector<std::string> conflicts;
  for (const ProposalState* p : proposals) {
    for (const v1::Change& change : p->changes) {
      std::string conflict = DescribeConflict(preview, change);
      if (!conflict.empty()) {
        conflicts.push_back(absl::StrCat(p->id, ": ", conflict));
        continue;
      }
      // The change and what it implies elsewhere (consequences.h), derived from the plan
      // as the earlier changes left it.
      DerivedChanges derived = DeriveConsequences(preview, change, p->changes);
      std::vector<v1::PlanEvent> events = ChangeEvents(preview, change);
      for (v1::PlanEvent& e : derived.events) events.push_back(std::move(e));
      RENSTRA_RETURN_IF_ERROR(preview.ApplyAll(events));
      for (v1::PlanEvent& e : events) out.push_back(std::move(e));
    }
  }
  if (!conflicts.empty()) {
    return absl::AbortedError(
        absl::StrCat("ratification conflicts; nothing applied; rebase these proposals: ",
                     absl::StrJoin(conflicts, "; ")));
  }
  // The cells are bounded one by one; their total is bounded here, where the plan changes.
  RENSTRA_RETURN_IF_ERROR(CheckPlanFundingTotal(preview));
  // Set last: `r` points into out[0], which the push_backs above may have moved.
  out[0].mutable_revision_ratified()->set_change_count(static_cast<int32_t>(out.size() - 1));
  FindingDiff findings = DiffFindings(ValidatePlan(plan), ValidatePlan(preview));
  return RatificationPreview{std::move(out), std::move(preview), std::move(findings)};
}

absl::StatusOr<std::vector<v1::PlanEvent>> DecideRatify(const PlanState& plan,
                                                        const ProposalBook& book,
                                                        const Actor& actor,
                                                        const RatifyCommand& command) {
  RENSTRA_ASSIGN_OR_RETURN(RatificationPreview preview, PreviewRatify(plan, book, actor, command));
  const std::vector<v1::Finding>& added = preview.findings.added;
  if (added.empty()) return std::move(preview.events);
  if (!command.accept_findings) {
    std::vector<std::string> labels;
    for (size_t i = 0; i < added.size() && i < kMaxFindingsNamed; ++i) {
      labels.push_back(FindingLabel(added[i]));
    }
    if (added.size() > kMaxFindingsNamed) {
      labels.push_back(absl::StrCat("and ", added.size() - kMaxFindingsNamed, " more"));
    }
    return absl::FailedPreconditionError(absl::StrCat(
        "the ratification would add ", added.size(), added.size() == 1 ? " finding" : " findings",
        " to the plan; nothing applied; correct the proposals, or accept with accept_findings "
        "and accept_reason: ",
        absl::StrJoin(labels, "; ")));
  }
  v1::RevisionRatified* r = preview.events[0].mutable_revision_ratified();
  for (const v1::Finding& f : added) *r->add_accepted_findings() = f;
  r->set_accept_reason(command.accept_reason);
  return std::move(preview.events);
}

absl::StatusOr<FindingDiff> ProposalFindings(const PlanState& plan, const ProposalState& proposal) {
  PlanState after = plan;
  for (const v1::Change& change : proposal.changes) {
    const std::string conflict = DescribeConflict(after, change);
    if (!conflict.empty()) {
      return absl::FailedPreconditionError(
          absl::StrCat(proposal.id, ": ", conflict, "; rebase the proposal"));
    }
    DerivedChanges derived = DeriveConsequences(after, change, proposal.changes);
    RENSTRA_RETURN_IF_ERROR(after.ApplyAll(ChangeEvents(after, change)));
    RENSTRA_RETURN_IF_ERROR(after.ApplyAll(derived.events));
  }
  return DiffFindings(ValidatePlan(plan), ValidatePlan(after));
}

absl::StatusOr<std::vector<v1::PlanEvent>> DecideLock(const PlanState& plan, const Actor& actor) {
  RENSTRA_RETURN_IF_ERROR(RequireRole(actor, {v1::Role::KEPALA_DINAS}, "lock the plan"));
  if (const v1::RevisionInfo* open = plan.open_revision()) {
    return absl::FailedPreconditionError(
        absl::StrCat("revision \"", open->name(), "\" is open; ratify it before locking"));
  }
  if (plan.locked()) return absl::FailedPreconditionError("the plan is already locked");
  std::vector<v1::PlanEvent> out(1);
  out[0].mutable_plan_locked()->set_revision_number(plan.revision_number());
  return out;
}

}  // namespace renstra
