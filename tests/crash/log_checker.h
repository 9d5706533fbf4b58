// LogChecker: follows one renstrad's event log across restarts, as an auditor with a
// pinned key would, and indexes the events by request id.
//
// Each Check() (call it while nothing is appended) verifies, against the pinned
// Ed25519 key:
//   - the signed tree head's signature;
//   - that the log did not shrink, and the consistency proof from the head verified by
//     the previous Check() to this one (so the prefix read before is unchanged and
//     need not be read again);
//   - every new event (AuditService.ReadEvents): gap-free sequences, each prev_hash
//     the SHA-256 of the previous envelope; the Merkle root of all events read equals
//     the signed root;
//   - the server's own view: LogService.GetHead ends where the events read end, and
//     LogService.VerifyLog re-hashes the whole chain without error.
//
// Thread safety: not thread-safe.
#ifndef RENSTRA_TESTS_CRASH_LOG_CHECKER_H_
#define RENSTRA_TESTS_CRASH_LOG_CHECKER_H_

#include <grpcpp/grpcpp.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "audit/ed25519_key.h"
#include "audit/merkle_tree.h"
#include "renstra/v1/audit_service.grpc.pb.h"
#include "renstra/v1/plan_service.grpc.pb.h"

namespace renstra::crash {

// One event of the log, as indexed by request id.
struct LoggedEvent {
  uint64_t sequence = 0;
  std::string stream;
  std::string event_type;
};

class LogChecker {
 public:
  // `public_key_pem`: the key pinned at the first start. FAILED_PRECONDITION if it
  // does not parse.
  static absl::StatusOr<LogChecker> Create(const std::string& public_key_pem);

  // Checks the server behind `channel` (calls authenticated with `token`). On failure
  // the message says which check failed; the checker then keeps its last good head.
  absl::Status Check(const std::shared_ptr<grpc::Channel>& channel, const std::string& token);

  // Events verified so far (the last verified tree size) and its signed root.
  uint64_t size() const { return tree_.size(); }
  merkle::Hash root() const { return tree_.Root(); }

  // The events carrying `request_id` (empty if none).
  const std::vector<LoggedEvent>& EventsOf(const std::string& request_id) const;

 private:
  explicit LogChecker(Ed25519PublicKey key) : key_(std::move(key)) {}

  Ed25519PublicKey key_;
  merkle::MerkleTree tree_;
  std::string last_hash_;  // SHA-256 of the last envelope read ("" before any)
  std::map<std::string, std::vector<LoggedEvent>> by_request_;
};

}  // namespace renstra::crash

#endif  // RENSTRA_TESTS_CRASH_LOG_CHECKER_H_
