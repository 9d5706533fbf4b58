#include "clients/client.h"

#include <random>
#include <sstream>
#include <utility>

namespace renstra {
namespace {

// Answers can hold a whole plan or table; requests a whole document (server limit 32 MiB).
constexpr int kMaxMessageBytes = 64 << 20;

}  // namespace

Client::Client(std::string server, std::chrono::milliseconds timeout)
    : server_(std::move(server)), timeout_(timeout) {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(kMaxMessageBytes);
  args.SetMaxSendMessageSize(kMaxMessageBytes);
  channel_ = grpc::CreateCustomChannel(server_, grpc::InsecureChannelCredentials(), args);
  plan_ = v1::PlanService::NewStub(channel_);
  log_ = v1::LogService::NewStub(channel_);
}

std::unique_ptr<grpc::ClientContext> Client::NewContext() const {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(std::chrono::system_clock::now() + timeout_);
  return context;
}

grpc::Status Client::GetPlan(v1::GetPlanResponse* response) {
  return plan_->GetPlan(NewContext().get(), v1::GetPlanRequest(), response);
}

grpc::Status Client::GetSubtree(const std::string& code, v1::GetSubtreeResponse* response) {
  v1::GetSubtreeRequest request;
  request.set_code(code);
  return plan_->GetSubtree(NewContext().get(), request, response);
}

grpc::Status Client::Validate(v1::ValidateResponse* response) {
  return plan_->Validate(NewContext().get(), v1::ValidateRequest(), response);
}

grpc::Status Client::ExportTable(const std::string& table, v1::TableFormat format,
                                 v1::ExportTableResponse* response) {
  v1::ExportTableRequest request;
  request.set_table(table);
  request.set_format(format);
  return plan_->ExportTable(NewContext().get(), request, response);
}

grpc::Status Client::ImportTable(const v1::ImportTableRequest& request,
                                 v1::ImportTableResponse* response) {
  return plan_->ImportTable(NewContext().get(), request, response);
}

grpc::Status Client::GetHead(v1::GetHeadResponse* response) {
  return log_->GetHead(NewContext().get(), v1::GetHeadRequest(), response);
}

grpc::Status Client::VerifyLog(uint64_t from_sequence, v1::VerifyLogResponse* response) {
  v1::VerifyLogRequest request;
  request.set_from_sequence(from_sequence);
  return log_->VerifyLog(NewContext().get(), request, response);
}

std::string UserMessage(const grpc::Status& status, const Client& client) {
  const std::string& detail = status.error_message();
  std::ostringstream out;
  out << "renstra: ";
  switch (status.error_code()) {
    case grpc::StatusCode::UNAVAILABLE:
      out << "cannot reach renstrad at " << client.server() << " (is it running?): " << detail;
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
      out << "conflict with a concurrent change, try again: " << detail;
      break;
    case grpc::StatusCode::DATA_LOSS:
      out << "the event log is damaged: " << detail;
      break;
    case grpc::StatusCode::PERMISSION_DENIED:
      out << "not allowed: " << detail;
      break;
    case grpc::StatusCode::UNAUTHENTICATED:
      out << "not signed in: " << detail;
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
