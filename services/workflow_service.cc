#include "services/workflow_service.h"

#include <string>

#include "services/grpc_status.h"
#include "services/on_desk.h"

namespace renstra {
namespace {

std::string Method(const char* rpc) {
  return FullMethodName(v1::WorkflowService::service_full_name(), rpc);
}

}  // namespace

grpc::Status WorkflowServiceImpl::Propose(grpc::ServerContext* c, const v1::ProposeRequest* r,
                                          v1::ProposalView* out) {
  return guard_->Run(c, Method("Propose"), out, [&](const Actor& a) {
    return OnOwnDesk(plans_, r->agency(), a,
                     [&](PlanDesk& d) { return d.workflow.Propose(a, *r); });
  });
}

grpc::Status WorkflowServiceImpl::ReviseProposal(grpc::ServerContext* c,
                                                 const v1::ReviseProposalRequest* r,
                                                 v1::ProposalView* out) {
  return guard_->Run(c, Method("ReviseProposal"), out, [&](const Actor& a) {
    return OnOwnDesk(plans_, r->agency(), a, [&](PlanDesk& d) { return d.workflow.Revise(a, *r); });
  });
}

grpc::Status WorkflowServiceImpl::SubmitProposal(grpc::ServerContext* c,
                                                 const v1::ProposalActionRequest* r,
                                                 v1::ProposalView* out) {
  return guard_->Run(c, Method("SubmitProposal"), out, [&](const Actor& a) {
    return OnOwnDesk(plans_, r->agency(), a, [&](PlanDesk& d) { return d.workflow.Submit(a, *r); });
  });
}

grpc::Status WorkflowServiceImpl::WithdrawProposal(grpc::ServerContext* c,
                                                   const v1::ProposalActionRequest* r,
                                                   v1::ProposalView* out) {
  return guard_->Run(c, Method("WithdrawProposal"), out, [&](const Actor& a) {
    return OnOwnDesk(plans_, r->agency(), a,
                     [&](PlanDesk& d) { return d.workflow.Withdraw(a, *r); });
  });
}

grpc::Status WorkflowServiceImpl::ReviewProposal(grpc::ServerContext* c,
                                                 const v1::ReviewProposalRequest* r,
                                                 v1::ProposalView* out) {
  return guard_->Run(c, Method("ReviewProposal"), out, [&](const Actor& a) {
    return OnOwnDesk(plans_, r->agency(), a, [&](PlanDesk& d) { return d.workflow.Review(a, *r); });
  });
}

grpc::Status WorkflowServiceImpl::OpenRevision(grpc::ServerContext* c,
                                               const v1::OpenRevisionRequest* r,
                                               v1::RevisionInfo* out) {
  return guard_->Run(c, Method("OpenRevision"), out, [&](const Actor& a) {
    return OnOwnDesk(plans_, r->agency(), a,
                     [&](PlanDesk& d) { return d.workflow.OpenRevision(a, *r); });
  });
}

grpc::Status WorkflowServiceImpl::RatifyRevision(grpc::ServerContext* c,
                                                 const v1::RatifyRevisionRequest* r,
                                                 v1::RevisionInfo* out) {
  return guard_->Run(c, Method("RatifyRevision"), out, [&](const Actor& a) {
    return OnOwnDesk(plans_, r->agency(), a, [&](PlanDesk& d) { return d.workflow.Ratify(a, *r); });
  });
}

grpc::Status WorkflowServiceImpl::PreviewRatification(grpc::ServerContext* c,
                                                      const v1::RatifyRevisionRequest* r,
                                                      v1::RatificationPreview* out) {
  return guard_->Run(c, Method("PreviewRatification"), out, [&](const Actor& a) {
    return OnOwnDesk(plans_, r->agency(), a,
                     [&](PlanDesk& d) { return d.workflow.PreviewRatification(a, *r); });
  });
}

grpc::Status WorkflowServiceImpl::LockPlan(grpc::ServerContext* c, const v1::LockPlanRequest* r,
                                           v1::LockPlanResponse* out) {
  return guard_->Run(c, Method("LockPlan"), out, [&](const Actor& a) {
    return OnOwnDesk(plans_, r->agency(), a, [&](PlanDesk& d) { return d.workflow.Lock(a, *r); });
  });
}

grpc::Status WorkflowServiceImpl::GetInbox(grpc::ServerContext* c, const v1::GetInboxRequest* r,
                                           v1::GetInboxResponse* out) {
  return guard_->Run(c, Method("GetInbox"), out, [&](const Actor& a) {
    return OnDesk(plans_, r->agency(), [&](PlanDesk& d) { return d.workflow.Inbox(a); });
  });
}

grpc::Status WorkflowServiceImpl::GetProposal(grpc::ServerContext* c,
                                              const v1::GetProposalRequest* r,
                                              v1::ProposalView* out) {
  return guard_->Run(c, Method("GetProposal"), out, [&](const Actor&) {
    return OnDesk(plans_, r->agency(),
                  [&](PlanDesk& d) { return d.workflow.GetProposal(r->proposal_id()); });
  });
}

grpc::Status WorkflowServiceImpl::ListProposals(grpc::ServerContext* c,
                                                const v1::ListProposalsRequest* r,
                                                v1::ListProposalsResponse* out) {
  return guard_->Run(c, Method("ListProposals"), out, [&](const Actor&) {
    return OnDesk(plans_, r->agency(), [&](PlanDesk& d) { return d.workflow.ListProposals(*r); });
  });
}

grpc::Status WorkflowServiceImpl::ListRevisions(grpc::ServerContext* c,
                                                const v1::ListRevisionsRequest* r,
                                                v1::ListRevisionsResponse* out) {
  return guard_->Run(c, Method("ListRevisions"), out, [&](const Actor&) {
    return OnDesk(plans_, r->agency(), [&](PlanDesk& d) { return d.workflow.ListRevisions(); });
  });
}

grpc::Status WorkflowServiceImpl::GetPlanAtVersion(grpc::ServerContext* c,
                                                   const v1::GetPlanAtVersionRequest* r,
                                                   v1::Plan* out) {
  return guard_->Run(c, Method("GetPlanAtVersion"), out, [&](const Actor&) {
    return OnDesk(plans_, r->agency(),
                  [&](PlanDesk& d) { return d.workflow.PlanAtVersion(r->version()); });
  });
}

}  // namespace renstra
