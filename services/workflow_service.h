// WorkflowServiceImpl: the gRPC adapter of WorkflowService
// (renstra/v1/workflow_service.proto): authenticate the caller (CallGuard), hand the
// request to WorkflowApp, record refusals, convert the status once (ToGrpcStatus).
//
// Reads (inbox, proposals, revisions, plan at a version) are open to every
// authenticated role, the inspectorate included; writes follow the domain's rules.
//
// Ownership: borrows the AgencyPlans and the CallGuard.
// Thread safety: safe for gRPC's concurrent handler threads.
#ifndef RENSTRA_SERVICES_WORKFLOW_SERVICE_H_
#define RENSTRA_SERVICES_WORKFLOW_SERVICE_H_

#include <grpcpp/grpcpp.h>

#include "renstra/v1/workflow_service.grpc.pb.h"
#include "services/agency_plans.h"
#include "services/call_guard.h"

namespace renstra {

// Implements v1::WorkflowService.
class WorkflowServiceImpl final : public v1::WorkflowService::Service {
 public:
  // Each call runs on the desk of the agency its request names (AgencyPlans::Desk).
  WorkflowServiceImpl(AgencyPlans* plans, CallGuard* guard) : plans_(plans), guard_(guard) {}

  grpc::Status Propose(grpc::ServerContext* c, const v1::ProposeRequest* r,
                       v1::ProposalView* out) override;
  grpc::Status ReviseProposal(grpc::ServerContext* c, const v1::ReviseProposalRequest* r,
                              v1::ProposalView* out) override;
  grpc::Status SubmitProposal(grpc::ServerContext* c, const v1::ProposalActionRequest* r,
                              v1::ProposalView* out) override;
  grpc::Status WithdrawProposal(grpc::ServerContext* c, const v1::ProposalActionRequest* r,
                                v1::ProposalView* out) override;
  grpc::Status ReviewProposal(grpc::ServerContext* c, const v1::ReviewProposalRequest* r,
                              v1::ProposalView* out) override;
  grpc::Status OpenRevision(grpc::ServerContext* c, const v1::OpenRevisionRequest* r,
                            v1::RevisionInfo* out) override;
  grpc::Status PreviewRatification(grpc::ServerContext* c, const v1::RatifyRevisionRequest* r,
                                   v1::RatificationPreview* out) override;
  grpc::Status RatifyRevision(grpc::ServerContext* c, const v1::RatifyRevisionRequest* r,
                              v1::RevisionInfo* out) override;
  grpc::Status LockPlan(grpc::ServerContext* c, const v1::LockPlanRequest* r,
                        v1::LockPlanResponse* out) override;
  grpc::Status GetInbox(grpc::ServerContext* c, const v1::GetInboxRequest* r,
                        v1::GetInboxResponse* out) override;
  grpc::Status GetProposal(grpc::ServerContext* c, const v1::GetProposalRequest* r,
                           v1::ProposalView* out) override;
  grpc::Status ListProposals(grpc::ServerContext* c, const v1::ListProposalsRequest* r,
                             v1::ListProposalsResponse* out) override;
  grpc::Status ListRevisions(grpc::ServerContext* c, const v1::ListRevisionsRequest* r,
                             v1::ListRevisionsResponse* out) override;
  grpc::Status GetPlanAtVersion(grpc::ServerContext* c, const v1::GetPlanAtVersionRequest* r,
                                v1::Plan* out) override;

 private:
  AgencyPlans* const plans_;
  CallGuard* const guard_;
};

}  // namespace renstra

#endif  // RENSTRA_SERVICES_WORKFLOW_SERVICE_H_
