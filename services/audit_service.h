// AuditServiceImpl: the gRPC adapter of AuditService (renstra/v1/audit_service.proto).
//
// Access (the RPC table, rpc_table.cc): every authenticated user reads (the
// Inspektorat above all); RehashStore is for ADMIN. Refusals are recorded on "audit/denied" like
// every other service's.
//
// Live feeds (Follow): each runs on its own handler thread, reading the store by
// sequence — so catch-up and live have no gap and no duplicate — and sleeping on the
// Merkle log's tail between appends. A slow client blocks only its own handler (gRPC
// flow control), never an append. The feeds share FeedSlots (see feed_slots.h): at
// most 32 at once, 4 per user, 8 of them kept for the INSPEKTORAT; beyond,
// RESOURCE_EXHAUSTED naming the limit.
//
// Ownership: borrows the AgencyPlans and the CallGuard. Thread safety: thread-safe.
#ifndef RENSTRA_SERVICES_AUDIT_SERVICE_H_
#define RENSTRA_SERVICES_AUDIT_SERVICE_H_

#include <grpcpp/grpcpp.h>

#include "renstra/v1/audit_service.grpc.pb.h"
#include "services/agency_plans.h"
#include "services/call_guard.h"
#include "services/feed_slots.h"

namespace renstra {

class AuditServiceImpl final : public v1::AuditService::Service {
 public:
  // Each call runs on the desk of the agency its request names (AgencyPlans::Desk).
  AuditServiceImpl(AgencyPlans* plans, CallGuard* guard) : plans_(plans), guard_(guard) {}

  grpc::Status GetHistory(grpc::ServerContext* c, const v1::GetHistoryRequest* r,
                          v1::GetHistoryResponse* out) override;
  grpc::Status GetPlanAsOf(grpc::ServerContext* c, const v1::GetPlanAsOfRequest* r,
                           v1::GetPlanAsOfResponse* out) override;
  grpc::Status DiffVersions(grpc::ServerContext* c, const v1::DiffVersionsRequest* r,
                            v1::DiffVersionsResponse* out) override;
  grpc::Status ReadEvents(grpc::ServerContext* c, const v1::ReadEventsRequest* r,
                          v1::ReadEventsResponse* out) override;
  grpc::Status Follow(grpc::ServerContext* c, const v1::FollowRequest* r,
                      grpc::ServerWriter<v1::AuditEvent>* writer) override;
  grpc::Status GetSignedTreeHead(grpc::ServerContext* c, const v1::GetSignedTreeHeadRequest* r,
                                 v1::SignedTreeHead* out) override;
  grpc::Status GetInclusionProof(grpc::ServerContext* c, const v1::GetInclusionProofRequest* r,
                                 v1::InclusionProof* out) override;
  grpc::Status GetConsistencyProof(grpc::ServerContext* c, const v1::GetConsistencyProofRequest* r,
                                   v1::ConsistencyProof* out) override;
  grpc::Status GetPublicKey(grpc::ServerContext* c, const v1::GetPublicKeyRequest* r,
                            v1::PublicKey* out) override;
  grpc::Status RehashStore(grpc::ServerContext* c, const v1::RehashStoreRequest* r,
                           v1::RehashStoreResponse* out) override;

 private:
  // The log-wide reads (events, tree heads, proofs, feeds) are no agency's: they use
  // the default desk's AuditApp, which reads the whole log.
  AuditApp* log_audit() const { return &plans_->primary()->audit; }
  AgencyPlans* const plans_;
  CallGuard* const guard_;
  FeedSlots feeds_;
};

}  // namespace renstra

#endif  // RENSTRA_SERVICES_AUDIT_SERVICE_H_
