// CallGuard: authenticates each call from its bearer token, limits how fast each caller
// may call, and records refused calls (UNAUTHENTICATED, PERMISSION_DENIED, and
// RESOURCE_EXHAUSTED by a rate limit) on the stream "audit/denied", so the inspectorate
// sees attempts that changed nothing — without letting a caller write without bound.
//
// Rate limits (token buckets, see rate_limiter.h): calls without valid credentials are
// limited per peer host; authenticated calls per principal (in open mode, per peer
// host). A call beyond its limit gets RESOURCE_EXHAUSTED naming the limit and when to
// retry. Authenticated calls are not limited per peer, so one office behind one
// address is not throttled by an anonymous flood from that address.
//
// The record: the first refusals of each (peer host, principal, method, code) in a
// window are appended as AccessDenied events (and logged), the rest are counted and
// appended as one AccessDeniedSummary per key once the window ends (see
// refusal_throttle.h). Summaries are written by FlushSummaries(): on the next refusal,
// every second by the flusher thread (StartFlusher), and all pending ones on
// destruction.
//
// Without a users file (no --users) the server is in open mode: every caller is
// "anonymous" with no role; the workflow's role rules then refuse all its writes, while
// PlanService keeps its pre-authentication behaviour (see plan_service.h).
//
// Every adapter goes through one CallGuard — a unary RPC is one call of Run, a stream
// starts with Admit — and every RPC is declared in the RPC table (rpc_table.h), whose
// coarse role gate Admit applies. The health and reflection services are not guarded
// (probes and tools need them).
//
// Ownership: borrows the Authenticator (may be null: open mode) and the EventStore,
// which must outlive the guard. Thread safety: thread-safe.
// Errors: Authenticate returns the Authenticator's UNAUTHENTICATED or RESOURCE_EXHAUSTED
// (rate limit); Admit adds the RPC table's PERMISSION_DENIED; Check returns the status
// it was given; Run returns all of these and the app's status, as grpc::Status. A failure to record
// a refusal is logged, never returned.
#ifndef RENSTRA_SERVICES_CALL_GUARD_H_
#define RENSTRA_SERVICES_CALL_GUARD_H_

#include <grpcpp/grpcpp.h>

#include <string>
#include <string_view>
#include <thread>
#include <utility>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "domain/actor.h"
#include "services/authenticator.h"
#include "services/grpc_status.h"
#include "services/rate_limiter.h"
#include "services/refusal_throttle.h"
#include "storage/event_store.h"

namespace renstra {

struct CallGuardOptions {
  // Calls without valid credentials, per peer host (default: off; renstrad sets it).
  RateLimiter::Options per_peer;
  // Authenticated calls, per principal (default: off; renstrad sets it).
  RateLimiter::Options per_principal;
  RefusalThrottle::Options refusals;
  // The time of the limits and the record windows; null = absl::Now (tests inject).
  std::function<absl::Time()> clock;
};

class CallGuard {
 public:
  static constexpr std::string_view kDeniedStream = "audit/denied";
  static constexpr std::string_view kDeniedType = "renstra.v1.AccessDenied";
  static constexpr std::string_view kSummaryType = "renstra.v1.AccessDeniedSummary";

  CallGuard(const Authenticator* authenticator, EventStore* store,
            const CallGuardOptions& options = {});
  // Stops the flusher and writes every pending summary.
  ~CallGuard();
  CallGuard(const CallGuard&) = delete;
  CallGuard& operator=(const CallGuard&) = delete;

  // The caller, or UNAUTHENTICATED / RESOURCE_EXHAUSTED (recorded). `method` is the
  // full gRPC method name (see FullMethodName).
  absl::StatusOr<Actor> Authenticate(grpc::ServerContextBase* context, std::string_view method);

  // Authenticate, then the RPC table's gate for `method` (rpc_table.h): the caller, or
  // UNAUTHENTICATED / RESOURCE_EXHAUSTED / PERMISSION_DENIED (recorded). A method the
  // table marks `anonymous` (Login) admits an "anonymous" caller without a role, within
  // the per-peer limit of calls without valid credentials.
  absl::StatusOr<Actor> Admit(grpc::ServerContextBase* context, std::string_view method);

  // The guarded call of a unary RPC: Admit, then fn(actor) → absl::StatusOr<T>; a
  // refusal by fn (a domain rule) is recorded too; the status is converted once
  // (ToGrpcStatus) and the value moved into *out.
  template <typename T, typename Fn>
  grpc::Status Run(grpc::ServerContextBase* context, std::string_view method, T* out, Fn fn) {
    absl::StatusOr<Actor> actor = Admit(context, method);
    if (!actor.ok()) return ToGrpcStatus(actor.status());
    absl::StatusOr<T> result = fn(*actor);
    if (!result.ok()) return ToGrpcStatus(Check(context, method, &*actor, result.status()));
    *out = *std::move(result);
    return grpc::Status::OK;
  }

  // Records `status` if it is a refusal (UNAUTHENTICATED or PERMISSION_DENIED) of
  // `actor` (null: unknown caller), and returns it unchanged.
  absl::Status Check(grpc::ServerContextBase* context, std::string_view method, const Actor* actor,
                     absl::Status status);

  // Appends the summaries whose window has ended (all pending ones when `all`).
  void FlushSummaries(bool all);
  // Starts a thread that calls FlushSummaries(false) every second until destruction.
  void StartFlusher();

  bool open_mode() const { return authenticator_ == nullptr; }

 private:
  // Refuses with RESOURCE_EXHAUSTED when `limiter` has no token for `key`.
  absl::Status Limit(RateLimiter& limiter, const std::string& key, std::string_view who);
  // Records the refusal `status` (see Check) of a caller from `peer`.
  void Record(std::string_view method, const std::string& peer, const Actor* actor,
              const absl::Status& status);
  void Append(const std::string& event_type, const std::string& payload,
              const std::string& principal, const std::string& role, const std::string& reason);

  const Authenticator* const authenticator_;
  EventStore* const store_;
  RateLimiter per_peer_;
  RateLimiter per_principal_;
  RefusalThrottle refusals_;

  absl::Mutex flusher_mu_;
  bool stopping_ ABSL_GUARDED_BY(flusher_mu_) = false;
  std::thread flusher_;
};

// "/<service>/<rpc>", e.g. "/renstra.v1.PlanService/ImportTable": the method name
// recorded in AccessDenied.method.
std::string FullMethodName(std::string_view service_full_name, std::string_view rpc);

}  // namespace renstra

#endif  // RENSTRA_SERVICES_CALL_GUARD_H_
