// Client: a small synchronous client of renstrad (PlanService and LogService) over one
// gRPC channel, and the translation of gRPC errors into messages for people.
//
// Each call carries a deadline of `timeout`; none waits for a server that is down (the
// call fails fast with UNAVAILABLE).
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

#include "renstra/v1/plan_service.grpc.pb.h"

namespace renstra {

class Client {
 public:
  // `server` is "HOST:PORT".
  Client(std::string server, std::chrono::milliseconds timeout);

  grpc::Status GetPlan(v1::GetPlanResponse* response);
  grpc::Status GetSubtree(const std::string& code, v1::GetSubtreeResponse* response);
  grpc::Status Validate(v1::ValidateResponse* response);
  grpc::Status ExportTable(const std::string& table, v1::TableFormat format,
                           v1::ExportTableResponse* response);
  grpc::Status ImportTable(const v1::ImportTableRequest& request,
                           v1::ImportTableResponse* response);
  grpc::Status GetHead(v1::GetHeadResponse* response);
  grpc::Status VerifyLog(uint64_t from_sequence, v1::VerifyLogResponse* response);

  const std::string& server() const { return server_; }
  std::chrono::milliseconds timeout() const { return timeout_; }

 private:
  // A context with this client's deadline.
  std::unique_ptr<grpc::ClientContext> NewContext() const;

  const std::string server_;
  const std::chrono::milliseconds timeout_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::PlanService::Stub> plan_;
  std::unique_ptr<v1::LogService::Stub> log_;
};

// A one-line message for people, starting with "renstra: ", e.g.
// "renstra: cannot reach renstrad at 127.0.0.1:50051 (is it running?): <detail>".
std::string UserMessage(const grpc::Status& status, const Client& client);

// A fresh request id (idempotency key): 32 random hexadecimal digits.
std::string NewRequestId();

}  // namespace renstra

#endif  // RENSTRA_CLIENTS_CLIENT_H_
