// Client: a small synchronous client of renstrad (PlanService, LogService and
// WorkflowService) over one gRPC channel, and the translation of gRPC errors into
// messages for people.
//
// Each call carries a deadline of `timeout`; none waits for a server that is down (the
// call fails fast with UNAVAILABLE). When a token is configured every call carries
// "authorization: Bearer <token>". The channel is plaintext unless TLS is asked for
// (then the server's certificate is checked against the pinned CA, or the system's
// roots).
// Ownership: owns its channel and stubs.
// Thread safety: calls may be made from several threads (gRPC stubs are thread-safe).
// Errors: every call returns the server's grpc::Status; UserMessage() words it.
#ifndef RENSTRA_CLIENTS_CLIENT_H_
#define RENSTRA_CLIENTS_CLIENT_H_

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "renstra/v1/admin_service.grpc.pb.h"
#include "renstra/v1/agency_service.grpc.pb.h"
#include "renstra/v1/audit_service.grpc.pb.h"
#include "renstra/v1/plan_service.grpc.pb.h"
#include "renstra/v1/realization_service.grpc.pb.h"
#include "renstra/v1/session_service.grpc.pb.h"
#include "renstra/v1/workflow_service.grpc.pb.h"

namespace renstra {

struct ClientOptions {
  // "HOST:PORT".
  std::string server;
  std::chrono::milliseconds timeout{30000};
  // Bearer token; empty sends no authorization header.
  std::string token;
  // TLS: with `ca_pem` empty, the system's root certificates are trusted.
  bool tls = false;
  std::string ca_pem;
  // Name to check the server's certificate against instead of the host of `server`.
  std::string tls_server_name;
  // The agency (its code) whose plan every plan, workflow, realization and audit
  // request is about, unless the request names one; empty: the server's default.
  std::string agency;
};

class Client {
 public:
  explicit Client(ClientOptions options);

  grpc::Status GetPlan(v1::GetPlanResponse* response);
  grpc::Status GetSubtree(const std::string& code, v1::GetSubtreeResponse* response);
  grpc::Status Validate(v1::ValidateResponse* response);
  grpc::Status ExportTable(const std::string& table, v1::TableFormat format,
                           v1::ExportTableResponse* response);
  grpc::Status ImportTable(const v1::ImportTableRequest& request,
                           v1::ImportTableResponse* response);
  grpc::Status ReadCascade(const v1::ReadCascadeRequest& request,
                           v1::ReadCascadeResponse* response);
  grpc::Status GetHead(v1::GetHeadResponse* response);
  grpc::Status VerifyLog(uint64_t from_sequence, v1::VerifyLogResponse* response);

  // WorkflowService (see proto/renstra/v1/workflow_service.proto).
  grpc::Status Propose(const v1::ProposeRequest& request, v1::ProposalView* response);
  grpc::Status ReviseProposal(const v1::ReviseProposalRequest& request, v1::ProposalView* response);
  grpc::Status SubmitProposal(const v1::ProposalActionRequest& request, v1::ProposalView* response);
  grpc::Status WithdrawProposal(const v1::ProposalActionRequest& request,
                                v1::ProposalView* response);
  grpc::Status ReviewProposal(const v1::ReviewProposalRequest& request, v1::ProposalView* response);
  grpc::Status OpenRevision(const v1::OpenRevisionRequest& request, v1::RevisionInfo* response);
  grpc::Status RatifyRevision(const v1::RatifyRevisionRequest& request, v1::RevisionInfo* response);
  grpc::Status PreviewRatification(const v1::RatifyRevisionRequest& request,
                                   v1::RatificationPreview* response);
  grpc::Status LockPlan(const v1::LockPlanRequest& request, v1::LockPlanResponse* response);
  grpc::Status GetInbox(v1::GetInboxResponse* response);
  grpc::Status GetProposal(const std::string& proposal_id, v1::ProposalView* response);
  // One page (see ListProposalsRequest); page_size 0 = as many as the server's page
  // holds.
  grpc::Status ListProposals(v1::ProposalStatus status, uint32_t page_size,
                             const std::string& page_token, v1::ListProposalsResponse* response);
  grpc::Status ListRevisions(v1::ListRevisionsResponse* response);
  grpc::Status GetPlanAtVersion(int64_t version, v1::Plan* response);

  // AuditService (see proto/renstra/v1/audit_service.proto): called directly on the
  // stub with a context from NewContext(); live feeds ask for one without a deadline.
  v1::AuditService::Stub* audit() { return audit_.get(); }
  v1::AdminService::Stub* admin() { return admin_.get(); }
  // AgencyService (see proto/renstra/v1/agency_service.proto), the same way.
  v1::AgencyService::Stub* agency() { return agency_.get(); }
  // RealizationService (see proto/renstra/v1/realization_service.proto), the same way.
  v1::RealizationService::Stub* realization() { return realization_.get(); }
  // SessionService (see proto/renstra/v1/session_service.proto): `admin user password`.
  v1::SessionService::Stub* session() { return session_.get(); }
  std::unique_ptr<grpc::ClientContext> NewContext(bool with_deadline = true) const;

  const std::string& server() const { return options_.server; }
  // ClientOptions::agency, for requests the commands send on the stubs themselves.
  const std::string& agency() const { return options_.agency; }
  std::chrono::milliseconds timeout() const { return options_.timeout; }
  bool tls() const { return options_.tls; }

 private:
  // `request` with ClientOptions::agency unless it names an agency.
  template <typename Request>
  Request WithAgency(Request request) const;

  const ClientOptions options_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::PlanService::Stub> plan_;
  std::unique_ptr<v1::LogService::Stub> log_;
  std::unique_ptr<v1::WorkflowService::Stub> workflow_;
  std::unique_ptr<v1::AuditService::Stub> audit_;
  std::unique_ptr<v1::AdminService::Stub> admin_;
  std::unique_ptr<v1::AgencyService::Stub> agency_;
  std::unique_ptr<v1::RealizationService::Stub> realization_;
  std::unique_ptr<v1::SessionService::Stub> session_;
};

// A one-line message for people, starting with "renstra: ", e.g.
// "renstra: cannot reach renstrad at 127.0.0.1:50051 (is it running?): <detail>",
// "renstra: not authenticated: <detail> (set RENSTRA_TOKEN or --token-file)",
// "renstra: permission denied: <rule>", "renstra: conflict: <detail>".
std::string UserMessage(const grpc::Status& status, const Client& client);

// `request` with the client's agency (ClientOptions::agency) unless it names one: for
// the requests commands send on the stubs themselves.
template <typename Request>
Request ForAgency(const Client& client, Request request) {
  if (request.agency().empty()) request.set_agency(client.agency());
  return request;
}

// A fresh request id (idempotency key): 32 random hexadecimal digits.
std::string NewRequestId();

}  // namespace renstra

#endif  // RENSTRA_CLIENTS_CLIENT_H_
