#include "clients/client.h"

#include <random>
#include <sstream>
#include <utility>

namespace renstra {
namespace {

// Answers can hold a whole plan or table; requests a whole document (server limit 32 MiB).
constexpr int kMaxMessageBytes = 64 << 20;

}  // namespace

Client::Client(ClientOptions options) : options_(std::move(options)) {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(kMaxMessageBytes);
  args.SetMaxSendMessageSize(kMaxMessageBytes);
  std::shared_ptr<grpc::ChannelCredentials> credentials = grpc::InsecureChannelCredentials();
  if (options_.tls) {
    grpc::SslCredentialsOptions ssl;
    ssl.pem_root_certs = options_.ca_pem;  // empty: gRPC's default (system) roots
    credentials = grpc::SslCredentials(ssl);
    if (!options_.tls_server_name.empty()) {
      args.SetSslTargetNameOverride(options_.tls_server_name);
    }
  }
  channel_ = grpc::CreateCustomChannel(options_.server, credentials, args);
  plan_ = v1::PlanService::NewStub(channel_);
  log_ = v1::LogService::NewStub(channel_);
  workflow_ = v1::WorkflowService::NewStub(channel_);
  audit_ = v1::AuditService::NewStub(channel_);
  admin_ = v1::AdminService::NewStub(channel_);
  agency_ = v1::AgencyService::NewStub(channel_);
  realization_ = v1::RealizationService::NewStub(channel_);
  session_ = v1::SessionService::NewStub(channel_);
}

std::unique_ptr<grpc::ClientContext> Client::NewContext(bool with_deadline) const {
  auto context = std::make_unique<grpc::ClientContext>();
  if (with_deadline) context->set_deadline(std::chrono::system_clock::now() + options_.timeout);
  // Plain metadata rather than CallCredentials: those are refused on a plaintext
  // channel, and a local trial runs without TLS.
  if (!options_.token.empty()) context->AddMetadata("authorization", "Bearer " + options_.token);
  return context;
}

template <typename Request>
Request Client::WithAgency(Request request) const {
  if (request.agency().empty()) request.set_agency(options_.agency);
  return request;
}

grpc::Status Client::GetPlan(v1::GetPlanResponse* response) {
  return plan_->GetPlan(NewContext().get(), WithAgency(v1::GetPlanRequest()), response);
}

grpc::Status Client::GetSubtree(const std::string& code, v1::GetSubtreeResponse* response) {
  v1::GetSubtreeRequest request;
  request.set_code(code);
  return plan_->GetSubtree(NewContext().get(), WithAgency(request), response);
}

grpc::Status Client::Validate(v1::ValidateResponse* response) {
  return plan_->Validate(NewContext().get(), WithAgency(v1::ValidateRequest()), response);
}

grpc::Status Client::ExportTable(const std::string& table, v1::TableFormat format,
                                 v1::ExportTableResponse* response) {
  v1::ExportTableRequest request;
  request.set_table(table);
  request.set_format(format);
  return plan_->ExportTable(NewContext().get(), WithAgency(request), response);
}

grpc::Status Client::ImportTable(const v1::ImportTableRequest& request,
                                 v1::ImportTableResponse* response) {
  return plan_->ImportTable(NewContext().get(), WithAgency(request), response);
}

grpc::Status Client::ReadCascade(const v1::ReadCascadeRequest& request,
                                 v1::ReadCascadeResponse* response) {
  return plan_->ReadCascade(NewContext().get(), request, response);
}

grpc::Status Client::GetHead(v1::GetHeadResponse* response) {
  return log_->GetHead(NewContext().get(), v1::GetHeadRequest(), response);
}

grpc::Status Client::VerifyLog(uint64_t from_sequence, v1::VerifyLogResponse* response) {
  v1::VerifyLogRequest request;
  request.set_from_sequence(from_sequence);
  return log_->VerifyLog(NewContext().get(), request, response);
}

grpc::Status Client::Propose(const v1::ProposeRequest& request, v1::ProposalView* response) {
  return workflow_->Propose(NewContext().get(), WithAgency(request), response);
}

grpc::Status Client::ReviseProposal(const v1::ReviseProposalRequest& request,
                                    v1::ProposalView* response) {
  return workflow_->ReviseProposal(NewContext().get(), WithAgency(request), response);
}

grpc::Status Client::SubmitProposal(const v1::ProposalActionRequest& request,
                                    v1::ProposalView* response) {
  return workflow_->SubmitProposal(NewContext().get(), WithAgency(request), response);
}

grpc::Status Client::WithdrawProposal(const v1::ProposalActionRequest& request,
                                      v1::ProposalView* response) {
  return workflow_->WithdrawProposal(NewContext().get(), WithAgency(request), response);
}

grpc::Status Client::ReviewProposal(const v1::ReviewProposalRequest& request,
                                    v1::ProposalView* response) {
  return workflow_->ReviewProposal(NewContext().get(), WithAgency(request), response);
}

grpc::Status Client::OpenRevision(const v1::OpenRevisionRequest& request,
                                  v1::RevisionInfo* response) {
  return workflow_->OpenRevision(NewContext().get(), WithAgency(request), response);
}

grpc::Status Client::RatifyRevision(const v1::RatifyRevisionRequest& request,
                                    v1::RevisionInfo* response) {
  return workflow_->RatifyRevision(NewContext().get(), WithAgency(request), response);
}

grpc::Status Client::PreviewRatification(const v1::RatifyRevisionRequest& request,
                                         v1::RatificationPreview* response) {
  return workflow_->PreviewRatification(NewContext().get(), WithAgency(request), response);
}

grpc::Status Client::LockPlan(const v1::LockPlanRequest& request, v1::LockPlanResponse* response) {
  return workflow_->LockPlan(NewContext().get(), WithAgency(request), response);
}

grpc::Status Client::GetInbox(v1::GetInboxResponse* response) {
  return workflow_->GetInbox(NewContext().get(), WithAgency(v1::GetInboxRequest()), response);
}

grpc::Status Client::GetProposal(const std::string& proposal_id, v1::ProposalView* response) {
  v1::GetProposalRequest request;
  request.set_proposal_id(proposal_id);
  return workflow_->GetProposal(NewContext().get(), WithAgency(request), response);
}

grpc::Status Client::ListProposals(v1::ProposalStatus status, uint32_t page_size,
                                   const std::string& page_token,
                                   v1::ListProposalsResponse* response) {
  v1::ListProposalsRequest request;
  request.set_status(status);
  request.set_page_size(page_size);
  request.set_page_token(page_token);
  return workflow_->ListProposals(NewContext().get(), WithAgency(request), response);
}

grpc::Status Client::ListRevisions(v1::ListRevisionsResponse* response) {
  return workflow_->ListRevisions(NewContext().get(), WithAgency(v1::ListRevisionsRequest()),
                                  response);
}

grpc::Status Client::GetPlanAtVersion(int64_t version, v1::Plan* response) {
  v1::GetPlanAtVersionRequest request;
  request.set_version(version);
  return workflow_->GetPlanAtVersion(NewContext().get(), WithAgency(request), response);
}

std::string UserMessage(const grpc::Status& status, const Client& client) {
  const std::string& detail = status.error_message();
  std::ostringstream out;
  out << "renstra: ";
  switch (status.error_code()) {
    case grpc::StatusCode::UNAVAILABLE:
      if (client.tls() &&
          (detail.find("SSL") != std::string::npos || detail.find("Ssl") != std::string::npos ||
           detail.find("handshake") != std::string::npos)) {
        out << "TLS handshake with renstrad at " << client.server()
            << " failed (does it serve TLS, and does --ca hold the CA that signed its "
               "certificate?): "
            << detail;
      } else {
        out << "cannot reach renstrad at " << client.server() << " (is it running?): " << detail;
      }
      break;
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      out << "renstrad at " << client.server() << " did not answer within "
          << client.timeout().count() / 1000.0 << " s (raise --timeout?)";
      break;
    case grpc::StatusCode::INVALID_ARGUMENT:
      out << "invalid request: " << detail;
      break;
    case grpc::StatusCode::NOT_FOUND:
      out << "not found: " << detail;
      break;
    case grpc::StatusCode::FAILED_PRECONDITION:
      out << "refused: " << detail;
      break;
    case grpc::StatusCode::ABORTED:
      out << "conflict: " << detail;
      break;
    case grpc::StatusCode::DATA_LOSS:
      out << "the event log is damaged: " << detail;
      break;
    case grpc::StatusCode::PERMISSION_DENIED:
      out << "permission denied: " << detail;
      break;
    case grpc::StatusCode::UNAUTHENTICATED:
      out << "not authenticated: " << detail << " (set RENSTRA_TOKEN or --token-file)";
      break;
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      out << "request too large or server busy: " << detail;
      break;
    default:
      out << "server error (code " << static_cast<int>(status.error_code()) << "): " << detail;
      break;
  }
  return out.str();
}

std::string NewRequestId() {
  std::random_device device;
  std::uniform_int_distribution<int> digit(0, 15);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id(32, '0');
  for (char& c : id) c = kHex[digit(device)];
  return id;
}

}  // namespace renstra
