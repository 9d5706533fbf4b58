// RenstraLoad: the benchmarks' gRPC clients of a running renstrad — one channel (its
// own TCP connection) per simulated client — and the commands and queries they send:
// WorkflowService.Propose (a one-event durable command on a new proposal stream, as
// each division's Kepala Bidang would send it), PlanService.GetPlan / GetSubtree, and
// AuditService.ReadEvents to sample the envelopes the server stored.
//
// Users: the demo users file (deploy/users.demo.textproto) and its demo tokens; renstrad
// must be started with it.
//
// Thread safety: after Connect(), Propose(c, ...), GetPlan(c) and GetSubtree(c, ...) may
// run concurrently for different clients c (each client is used by one thread).
// Errors: calls return "" on success, else "CODE: message" of the gRPC status.
#ifndef RENSTRA_BENCH_RENSTRA_LOAD_H_
#define RENSTRA_BENCH_RENSTRA_LOAD_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "renstra/v1/audit_service.grpc.pb.h"
#include "renstra/v1/plan_service.grpc.pb.h"
#include "renstra/v1/workflow_service.grpc.pb.h"

namespace renstra::bench {

// One (indicator, year) a client proposes new targets for, and who may propose it.
struct ProposalTarget {
  std::string indicator_id;
  int year = 0;
  v1::TargetValue current;  // NUMBER or PERCENT
  std::string token;        // of the Kepala Bidang / Sekretariat owning the node
};

class RenstraLoad {
 public:
  // Opens `clients` channels to `address`. Reads the plan once (as the inspectorate)
  // to find every indicator target a proposer may change, and the plan's codes.
  static absl::StatusOr<std::unique_ptr<RenstraLoad>> Connect(const std::string& address,
                                                              int clients);

  // Drafts a proposal setting client's indicator target (targets()[client % size]) to a
  // new value; request id "<run_tag>-<client>-<n>".
  std::string Propose(int client, const std::string& run_tag, uint64_t n);
  std::string GetPlan(int client);
  // LogService.GetHead: an authenticated call that does almost no work (the head's
  // sequence and hash), i.e. what gRPC itself costs per call.
  std::string GetHead(int client);
  // GetSubtree of codes()[n % size].
  std::string GetSubtree(int client, uint64_t n);

  // Up to `limit` (<= 1000) stored envelopes from `from_sequence`, and the log's head.
  absl::StatusOr<std::vector<v1::EventEnvelope>> ReadEvents(uint64_t from_sequence, uint32_t limit,
                                                            uint64_t* head);

  const std::vector<ProposalTarget>& targets() const { return targets_; }
  // Program, kegiatan and sub kegiatan codes of the plan.
  const std::vector<std::string>& codes() const { return codes_; }
  int clients() const { return static_cast<int>(plans_.size()); }

 private:
  RenstraLoad() = default;

  std::vector<std::unique_ptr<v1::PlanService::Stub>> plans_;
  std::vector<std::unique_ptr<v1::WorkflowService::Stub>> workflows_;
  std::vector<std::unique_ptr<v1::LogService::Stub>> logs_;
  std::unique_ptr<v1::AuditService::Stub> audit_;
  std::vector<ProposalTarget> targets_;
  std::vector<std::string> codes_;
};

}  // namespace renstra::bench

#endif  // RENSTRA_BENCH_RENSTRA_LOAD_H_
