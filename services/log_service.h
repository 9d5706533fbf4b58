// LogServiceImpl: the gRPC adapter of LogService (renstra/v1/plan_service.proto): the
// event log's chain head, and an on-demand check of its hash chain.
//
// Access: with a users file every RPC needs a valid token (any role); in open mode
// anyone may call.
//
// Ownership: borrows the EventStore and the CallGuard (both must outlive the service).
// Thread safety: safe for gRPC's concurrent handler threads (EventStore is thread-safe).
// Errors: UNAUTHENTICATED (recorded on "audit/denied"); INVALID_ARGUMENT when
// from_sequence is past the head; DATA_LOSS naming the first broken event; the store's
// UNAVAILABLE / INTERNAL.
#ifndef RENSTRA_SERVICES_LOG_SERVICE_H_
#define RENSTRA_SERVICES_LOG_SERVICE_H_

#include <grpcpp/grpcpp.h>

#include "renstra/v1/plan_service.grpc.pb.h"
#include "services/call_guard.h"
#include "storage/event_store.h"

namespace renstra {

// Implements v1::LogService.
class LogServiceImpl final : public v1::LogService::Service {
 public:
  LogServiceImpl(EventStore* store, CallGuard* guard) : store_(store), guard_(guard) {}

  grpc::Status GetHead(grpc::ServerContext* context, const v1::GetHeadRequest* request,
                       v1::GetHeadResponse* response) override;
  grpc::Status VerifyLog(grpc::ServerContext* context, const v1::VerifyLogRequest* request,
                         v1::VerifyLogResponse* response) override;

 private:
  EventStore* const store_;
  CallGuard* const guard_;
};

}  // namespace renstra

#endif  // RENSTRA_SERVICES_LOG_SERVICE_H_
