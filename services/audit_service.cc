#include "services/audit_service.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "domain/event_describer.h"
#include "services/grpc_status.h"
#include "services/on_desk.h"

namespace renstra {
namespace {

constexpr size_t kFeedChunk = 256;
// How long a live feed sleeps before re-reading the store on its own: events appended
// outside commands (refusals) do not wake it.
constexpr absl::Duration kFeedPoll = absl::Milliseconds(500);

std::string Method(const char* rpc) {
  return FullMethodName(v1::AuditService::service_full_name(), rpc);
}

}  // namespace

grpc::Status AuditServiceImpl::GetHistory(grpc::ServerContext* c, const v1::GetHistoryRequest* r,
                                          v1::GetHistoryResponse* out) {
  return guard_->Run(c, Method("GetHistory"), out, [&](const Actor&) {
    return OnDesk(plans_, r->agency(), [&](PlanDesk& d) { return d.audit.History(*r); });
  });
}

grpc::Status AuditServiceImpl::GetPlanAsOf(grpc::ServerContext* c, const v1::GetPlanAsOfRequest* r,
                                           v1::GetPlanAsOfResponse* out) {
  return guard_->Run(
      c, Method("GetPlanAsOf"), out, [&](const Actor&) -> absl::StatusOr<v1::GetPlanAsOfResponse> {
        absl::StatusOr<v1::Plan> plan =
            OnDesk(plans_, r->agency(), [&](PlanDesk& d) { return d.audit.PlanAsOf(*r); });
        if (!plan.ok()) return plan.status();
        v1::GetPlanAsOfResponse response;
        *response.mutable_plan() = *std::move(plan);
        return response;
      });
}

grpc::Status AuditServiceImpl::DiffVersions(grpc::ServerContext* c,
                                            const v1::DiffVersionsRequest* r,
                                            v1::DiffVersionsResponse* out) {
  return guard_->Run(c, Method("DiffVersions"), out, [&](const Actor&) {
    return OnDesk(plans_, r->agency(), [&](PlanDesk& d) { return d.audit.Diff(*r); });
  });
}

grpc::Status AuditServiceImpl::ReadEvents(grpc::ServerContext* c, const v1::ReadEventsRequest* r,
                                          v1::ReadEventsResponse* out) {
  return guard_->Run(
      c, Method("ReadEvents"), out, [&](const Actor&) -> absl::StatusOr<v1::ReadEventsResponse> {
        if (r->agency().empty()) return log_audit()->ReadEvents(*r);
        return OnDesk(plans_, r->agency(), [&](PlanDesk& d) { return d.audit.ReadEvents(*r); });
      });
}

grpc::Status AuditServiceImpl::Follow(grpc::ServerContext* c, const v1::FollowRequest* r,
                                      grpc::ServerWriter<v1::AuditEvent>* writer) {
  const std::string method = Method("Follow");
  absl::StatusOr<Actor> actor = guard_->Admit(c, method);
  if (!actor.ok()) return ToGrpcStatus(actor.status());
  // Held until the feed ends.
  absl::StatusOr<FeedSlots::Lease> slot = feeds_.Acquire(*actor);
  if (!slot.ok()) return ToGrpcStatus(slot.status());

  // An agency's feed: its desk decides which events are the agency's (an unknown code is
  // refused here, before anything is sent).
  const AuditApp* only = nullptr;
  if (!r->agency().empty()) {
    absl::StatusOr<PlanDesk*> desk = plans_->Desk(r->agency());
    if (!desk.ok()) return ToGrpcStatus(desk.status());
    only = &(*desk)->audit;
  }
  uint64_t next = r->from_sequence() == 0 ? 1 : r->from_sequence();
  EventStore* store = log_audit()->store();
  while (!c->IsCancelled()) {
    absl::StatusOr<std::vector<v1::EventEnvelope>> chunk = store->ReadAll(next, kFeedChunk);
    if (!chunk.ok()) return ToGrpcStatus(chunk.status());
    for (v1::EventEnvelope& e : *chunk) {
      if (only != nullptr && !only->OfThisAgency(e)) {
        next = e.sequence() + 1;
        continue;
      }
      v1::AuditEvent event;
      event.set_summary(DescribeEvent(e));
      *event.mutable_envelope() = std::move(e);
      // Blocks while the client's window is full; false once the client is gone.
      if (!writer->Write(event)) return grpc::Status::OK;
      next = event.envelope().sequence() + 1;
    }
    if (chunk->size() < kFeedChunk) log_audit()->merkle()->WaitBeyond(next - 1, kFeedPoll);
  }
  return grpc::Status::OK;
}

grpc::Status AuditServiceImpl::GetSignedTreeHead(grpc::ServerContext* c,
                                                 const v1::GetSignedTreeHeadRequest*,
                                                 v1::SignedTreeHead* out) {
  return guard_->Run(c, Method("GetSignedTreeHead"), out,
                     [&](const Actor&) { return log_audit()->SignedTreeHead(); });
}

grpc::Status AuditServiceImpl::GetInclusionProof(grpc::ServerContext* c,
                                                 const v1::GetInclusionProofRequest* r,
                                                 v1::InclusionProof* out) {
  return guard_->Run(c, Method("GetInclusionProof"), out,
                     [&](const Actor&) { return log_audit()->InclusionProof(*r); });
}

grpc::Status AuditServiceImpl::GetConsistencyProof(grpc::ServerContext* c,
                                                   const v1::GetConsistencyProofRequest* r,
                                                   v1::ConsistencyProof* out) {
  return guard_->Run(c, Method("GetConsistencyProof"), out,
                     [&](const Actor&) { return log_audit()->ConsistencyProof(*r); });
}

grpc::Status AuditServiceImpl::GetPublicKey(grpc::ServerContext* c, const v1::GetPublicKeyRequest*,
                                            v1::PublicKey* out) {
  return guard_->Run(
      c, Method("GetPublicKey"), out,
      [&](const Actor&) -> absl::StatusOr<v1::PublicKey> { return log_audit()->PublicKey(); });
}

grpc::Status AuditServiceImpl::RehashStore(grpc::ServerContext* c, const v1::RehashStoreRequest*,
                                           v1::RehashStoreResponse* out) {
  return guard_->Run(c, Method("RehashStore"), out,
                     [&](const Actor&) -> absl::StatusOr<v1::RehashStoreResponse> {
                       return log_audit()->Rehash();
                     });
}

}  // namespace renstra
