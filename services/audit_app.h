// AuditApp: the application layer of AuditService — history of a subject, the plan as
// of a version or an instant or in force on a date (domain/plan_in_force.h), diffs
// between versions or revisions (domain/diff_endpoints.h), pages of the log, and the
// Merkle tree's signed heads and proofs (see proto/renstra/v1/audit_service.proto).
//
// Reads only: it never appends. Every read answers DATA_LOSS once the background check
// of the chain (merkle_log.h) found it broken. History and diffs read the store directly (the whole
// log, in order), so they see exactly what is stored, not a projection's summary.
//
// Ownership: borrows the store, the projector and the Merkle log.
// Thread safety: all methods are safe to call concurrently.
// Errors: INVALID_ARGUMENT naming the field; NOT_FOUND for an unknown subject;
// OUT_OF_RANGE for a sequence or tree size beyond the log; DATA_LOSS when a re-hash
// finds the store altered; the store's errors.
#ifndef RENSTRA_SERVICES_AUDIT_APP_H_
#define RENSTRA_SERVICES_AUDIT_APP_H_

#include <cstdint>

#include "absl/status/statusor.h"
#include "renstra/v1/audit_service.pb.h"
#include "services/merkle_log.h"
#include "services/projector.h"
#include "storage/event_store.h"

namespace renstra {

class AuditApp {
 public:
  AuditApp(EventStore* store, Projector* projector, MerkleLog* merkle)
      : store_(store), projector_(projector), merkle_(merkle) {}

  absl::StatusOr<v1::GetHistoryResponse> History(const v1::GetHistoryRequest& request) const;
  absl::StatusOr<v1::Plan> PlanAsOf(const v1::GetPlanAsOfRequest& request) const;
  absl::StatusOr<v1::DiffVersionsResponse> Diff(const v1::DiffVersionsRequest& request) const;
  // A page of the log. With `agency` set (this desk's agency; the service resolves the
  // code to the desk), only OfThisAgency events, looking at no more than
  // kAgencyScanBudget events of the log per page.
  absl::StatusOr<v1::ReadEventsResponse> ReadEvents(const v1::ReadEventsRequest& request) const;
  // Whether `e` is one of this desk's agency's own events: its plan, realizations and
  // proposals (OfThisPlan) or its agency stream ("agency/<CODE>"). Users, sessions and
  // the server's events are no agency's.
  bool OfThisAgency(const v1::EventEnvelope& e) const;
  static constexpr uint64_t kAgencyScanBudget = 10000;

  absl::StatusOr<v1::SignedTreeHead> SignedTreeHead() const;
  absl::StatusOr<v1::InclusionProof> InclusionProof(
      const v1::GetInclusionProofRequest& request) const;
  absl::StatusOr<v1::ConsistencyProof> ConsistencyProof(
      const v1::GetConsistencyProofRequest& request) const;
  v1::PublicKey PublicKey() const;
  // Re-reads every event: checks the hash chain and recomputes the Merkle root.
  absl::StatusOr<v1::RehashStoreResponse> Rehash() const;

  MerkleLog* merkle() const { return merkle_; }
  EventStore* store() const { return store_; }

 private:
  // Whether `e` may belong to this plan's history: a plan, proposal or realization
  // event of this projector's plan, or an event of no plan (users, agencies, refusals).
  bool OfThisPlan(const v1::EventEnvelope& e) const;

  EventStore* const store_;
  Projector* const projector_;
  MerkleLog* const merkle_;
};

}  // namespace renstra

#endif  // RENSTRA_SERVICES_AUDIT_APP_H_
