// What the crash test reads from a running renstrad besides its log: the projections,
// as clients read them, and their comparison with a fresh replay of the same log in a
// second renstrad. Also the client plumbing the harness shares (contexts, channels,
// renstrad's command line).
//
// Thread safety: the functions are thread-safe; CompareWithReplay() starts and stops a
// child process, so call it from the thread that owns the children (see process.h).
#ifndef RENSTRA_TESTS_CRASH_REPLAY_CHECK_H_
#define RENSTRA_TESTS_CRASH_REPLAY_CHECK_H_

#include <grpcpp/grpcpp.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "renstra/v1/audit_service.pb.h"
#include "renstra/v1/plan_service.pb.h"
#include "renstra/v1/realization_service.pb.h"
#include "renstra/v1/workflow_service.pb.h"

namespace renstra::crash {

// A client context with a 60 s deadline, authenticated as `user` (see TokenOf()).
std::unique_ptr<grpc::ClientContext> ContextAs(const std::string& user);

// A plaintext channel to `address` that takes answers as large as the CLI does (a long
// run's ListProposals passes gRPC's default 4 MiB).
std::shared_ptr<grpc::Channel> Connect(const std::string& address);

// renstrad's command line: the users file, the data directory, --log_level=warn, and
// for a replay server --empty --verify_tail=0 (it only reads).
std::vector<std::string> RenstradArgs(const std::string& renstrad, const std::string& users_file,
                                      const std::string& data_dir, const std::string& listen,
                                      bool replay = false);

// The projections of one server, as the clients read them.
struct Projections {
  v1::GetPlanResponse plan;
  v1::ListProposalsResponse proposals;
  v1::ListRealizationsResponse realizations;
  v1::ListRevisionsResponse revisions;
  v1::SignedTreeHead head;
};
absl::StatusOr<Projections> ReadProjections(const std::shared_ptr<grpc::Channel>& channel);

struct ReplaySetup {
  std::string renstrad;
  std::string users_file;
  // backups/, replay/ (removed afterwards) and replay.log go here.
  std::string work_dir;
};

// Takes an online backup of the server behind `live` (which must not be appending; its
// log has `events` events), restores it with `renstrad --restore_from` (which re-hashes
// the whole restored chain), serves it with a second renstrad, and compares GetPlan,
// ListProposals, ListRealizations, ListRevisions and the signed Merkle root of both.
// Returns one line per difference (empty: identical), or why it could not compare.
absl::StatusOr<std::vector<std::string>> CompareWithReplay(
    const ReplaySetup& setup, const std::shared_ptr<grpc::Channel>& live, uint64_t events);

}  // namespace renstra::crash

#endif  // RENSTRA_TESTS_CRASH_REPLAY_CHECK_H_
