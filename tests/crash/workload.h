// Workload: the crash test's load generator. Client threads send commands to renstrad
// over the generated gRPC stubs, each with its own user and a unique request id, one
// command at a time:
//   - realization clients (Kepala Bidang) record the spending of nodes of their own
//     division (RealizationService.RecordSpending), then correct it again and again
//     (CorrectRealization of the subject's current record);
//   - proposal clients (Kepala Bidang) propose new funding for a node of their
//     division (WorkflowService.Propose, with `submit` on every other one);
//   - review clients (Kepala Dinas) approve, reject or return the submitted ones; the
//     first of them also ratifies each proposal it approved, in a revision of its own
//     (OpenRevision, then RatifyRevision; a ratification told to rebase because an
//     earlier one changed the same value is an expected refusal).
//
// Every answer is recorded. An OK answer acknowledges the command. A lost answer
// (UNAVAILABLE, DEADLINE_EXCEEDED, CANCELLED: the server died, or the answer never
// came) leaves the command in doubt: the client retries it with the SAME request id
// until it gets a definite answer, and only then goes on. Any other answer is a refusal
// (no command of the workload should be refused): it is recorded as a failure.
//
// The harness closes a gate (Pause) while it restarts and checks the server: clients
// then wait before their next attempt, so the records do not move while it checks.
//
// Thread safety: all public methods are thread-safe; Pause/Resume/Drain from one
// controlling thread.
#ifndef RENSTRA_TESTS_CRASH_WORKLOAD_H_
#define RENSTRA_TESTS_CRASH_WORKLOAD_H_

#include <grpcpp/grpcpp.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "renstra/v1/plan.pb.h"
#include "renstra/v1/users.pb.h"

namespace renstra::crash {

enum class CommandKind {
  kRecordSpending,
  kCorrectSpending,
  kPropose,
  kReview,
  kOpenRevision,
  kRatify,
};

// "RecordSpending", ...
const char* KindName(CommandKind kind);

// One command and what became of it.
struct CommandRecord {
  std::string request_id;
  CommandKind kind = CommandKind::kPropose;
  std::string user;
  // Propose: whether it also submits. Propose/Review: the proposal (known once
  // answered, for Propose). Record/Correct: the record created (once answered).
  bool submit = false;
  std::string proposal_id;  // Ratify: the proposal ratified
  std::string realization_id;
  // Attempts sent; the server generation (restart count) of the first lost answer
  // (-1: none lost, the command was never in doubt) and of the OK answer.
  int attempts = 0;
  int doubt_generation = -1;
  int ack_generation = -1;
  bool acknowledged = false;
  // A definite refusal: "CODE: message"; a refusal the workload expects (a
  // ratification conflict) is in `expected_refusal` instead.
  std::string refusal;
  std::string expected_refusal;
  // What the acknowledged answer said that the harness checks against the log
  // (e.g. "status SUBMITTED"); empty when nothing is wrong with it.
  std::string bad_answer;
};

struct WorkloadOptions {
  std::string address;
  int clients = 16;
  uint32_t seed = 1;
  // Per-call deadline.
  std::chrono::milliseconds call_timeout{5000};
  // Pause between retries of a command whose answer was lost.
  std::chrono::milliseconds retry_pause{20};
};

// The users of the workload (name → role, division) with their tokens, and the
// users file's content for them (Authenticator::MakeEntry).
struct WorkloadUser {
  std::string name;
  v1::Role::Value role;
  v1::Division division;
  std::string token;
};
const std::vector<WorkloadUser>& WorkloadUsers();
v1::UsersConfig WorkloadUsersConfig();
// The token of `name` (one of WorkloadUsers(), or "inspektorat" / "admin").
const std::string& TokenOf(const std::string& name);

class Workload {
 public:
  // `plan`: the plan as served at start (the nodes each division may use).
  Workload(WorkloadOptions options, const v1::Plan& plan);
  ~Workload();  // stops the clients

  Workload(const Workload&) = delete;
  Workload& operator=(const Workload&) = delete;

  void Start();
  // Closes the gate and waits until no client is inside a call.
  void Pause();
  void Resume();
  // Stops issuing new commands; clients finish (retry) the command they hold. Returns
  // when every client is done (the gate must be open, and the server up).
  void Drain();

  // The server generation: set by the harness while paused, after each restart.
  void set_generation(int generation) { generation_.store(generation); }

  // A copy of every command so far, in the order they were started.
  std::vector<CommandRecord> Records() const;

 private:
  struct Client;

  void Run(Client& client);
  // Sends the command until it gets a definite answer (or the workload stops).
  template <typename Call>
  void Send(Client& client, size_t record, Call call);
  size_t NewRecord(CommandRecord record);
  void Update(size_t index, const std::function<void(CommandRecord&)>& fn);

  void RealizationStep(Client& client);
  void ProposeStep(Client& client);
  void ReviewStep(Client& client);
  void RatifyStep(Client& client, const std::string& proposal_id);

  const WorkloadOptions options_;
  std::shared_ptr<grpc::Channel> channel_;
  std::vector<std::unique_ptr<Client>> clients_;
  std::vector<std::thread> threads_;
  std::atomic<int> generation_{0};
  std::atomic<bool> draining_{false};
  std::atomic<bool> stopping_{false};

  mutable std::mutex mu_;
  std::condition_variable changed_;
  bool paused_ = false;                // guarded by mu_
  int in_call_ = 0;                    // guarded by mu_
  std::deque<CommandRecord> records_;  // guarded by mu_ (deque: stable while appending)
  std::deque<std::string> to_review_;  // submitted proposals, guarded by mu_
};

}  // namespace renstra::crash

#endif  // RENSTRA_TESTS_CRASH_WORKLOAD_H_
