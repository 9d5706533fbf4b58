// LogServiceImpl: the gRPC adapter of LogService (renstra/v1/plan_service.proto): the
// event log's chain head, and an on-demand check of its hash chain.
//
// Ownership: borrows the EventStore (must outlive the service).
// Thread safety: safe for gRPC's concurrent handler threads (EventStore is thread-safe).
// Errors: INVALID_ARGUMENT when from_sequence is past the head; DATA_LOSS naming the
// first broken event; the store's UNAVAILABLE / INTERNAL.
#ifndef RENSTRA_SERVICES_LOG_SERVICE_H_
#define RENSTRA_SERVICES_LOG_SERVICE_H_

#include <grpcpp/grpcpp.h>

#include "renstra/v1/plan_service.grpc.pb.h"
#include "storage/event_store.h"

namespace renstra {

// Implements v1::LogService.
class LogServiceImpl final : public v1::LogService::Service {
 public:
  explicit LogServiceImpl(EventStore* store) : store_(store) {}

  grpc::Status GetHead(grpc::ServerContext* context, const v1::GetHeadRequest* request,
                       v1::GetHeadResponse* response) override;
  grpc::Status VerifyLog(grpc::ServerContext* context, const v1::VerifyLogRequest* request,
                         v1::VerifyLogResponse* response) override;

 private:
  EventStore* const store_;
};

}  // namespace renstra

#endif  // RENSTRA_SERVICES_LOG_SERVICE_H_
