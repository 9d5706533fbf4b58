#include "services/call_guard.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "domain/strings.h"
#include "renstra/v1/users.pb.h"
#include "services/rpc_table.h"
#include "spdlog/spdlog.h"

namespace renstra {
namespace {

constexpr absl::Duration kFlushEvery = absl::Seconds(1);

std::function<absl::Time()> ClockOf(const CallGuardOptions& options) {
  if (options.clock) return options.clock;
  return [] { return absl::Now(); };
}

const char* CodeName(absl::StatusCode code) {
  switch (code) {
    case absl::StatusCode::kUnauthenticated:
      return "UNAUTHENTICATED";
    case absl::StatusCode::kPermissionDenied:
      return "PERMISSION_DENIED";
    default:
      return "RESOURCE_EXHAUSTED";
  }
}

std::string Rate(double per_second) { return absl::StrFormat("%g", per_second); }

}  // namespace

CallGuard::CallGuard(const Authenticator* authenticator, EventStore* store,
                     const CallGuardOptions& options)
    : authenticator_(authenticator),
      store_(store),
      per_peer_(options.per_peer, ClockOf(options)),
      per_principal_(options.per_principal, ClockOf(options)),
      refusals_(options.refusals, ClockOf(options)) {}

CallGuard::~CallGuard() {
  {
    absl::MutexLock lock(&flusher_mu_);
    stopping_ = true;
  }
  if (flusher_.joinable()) flusher_.join();
  FlushSummaries(/*all=*/true);
}

void CallGuard::StartFlusher() {
  flusher_ = std::thread([this] {
    absl::MutexLock lock(&flusher_mu_);
    while (!flusher_mu_.AwaitWithTimeout(absl::Condition(&stopping_), kFlushEvery)) {
      flusher_mu_.Unlock();
      FlushSummaries(/*all=*/false);
      flusher_mu_.Lock();
    }
  });
}

absl::Status CallGuard::Limit(RateLimiter& limiter, const std::string& key, std::string_view who) {
  const absl::Duration wait = limiter.Take(key);
  if (wait == absl::ZeroDuration()) return absl::OkStatus();
  return absl::ResourceExhaustedError(
      absl::StrCat("rate limit: at most ", Rate(limiter.options().per_second),
                   " calls per second (burst ", Rate(limiter.options().burst), ") ", AsAbsl(who),
                   "; retry in ", absl::StrFormat("%.3f", absl::ToDoubleSeconds(wait)), " s"));
}

absl::StatusOr<Actor> CallGuard::Authenticate(grpc::ServerContextBase* context,
                                              std::string_view method) {
  const std::string peer = context->peer();
  if (authenticator_ == nullptr) {
    Actor anonymous{"anonymous", v1::Role::ROLE_UNSPECIFIED, {}};
    const std::string host = PeerHost(peer);
    if (absl::Status s = Limit(per_principal_, host, absl::StrCat("from ", host)); !s.ok()) {
      Record(method, peer, &anonymous, s);
      return s;
    }
    return anonymous;
  }
  const auto& metadata = context->client_metadata();
  auto it = metadata.find("authorization");
  const std::string_view header = it == metadata.end()
                                      ? std::string_view()
                                      : std::string_view(it->second.data(), it->second.size());
  absl::StatusOr<Actor> actor = authenticator_->AuthenticateHeader(header);
  if (!actor.ok()) {
    // Calls without valid credentials share their peer host's limit; beyond it the
    // refusal says so instead of UNAUTHENTICATED.
    const std::string host = PeerHost(peer);
    absl::Status limited =
        Limit(per_peer_, host, absl::StrCat("without valid credentials from ", host));
    Record(method, peer, nullptr, limited.ok() ? actor.status() : limited);
    return limited.ok() ? actor.status() : limited;
  }
  if (absl::Status s = Limit(per_principal_, actor->name, absl::StrCat("for user ", actor->name));
      !s.ok()) {
    Record(method, peer, &*actor, s);
    return s;
  }
  return actor;
}

absl::StatusOr<Actor> CallGuard::Admit(grpc::ServerContextBase* context, std::string_view method) {
  if (const RpcRule* rule = FindRpcRule(method); rule != nullptr && rule->anonymous) {
    Actor anonymous{"anonymous", v1::Role::ROLE_UNSPECIFIED, {}};
    const std::string peer = context->peer();
    const std::string host = PeerHost(peer);
    absl::Status limited =
        Limit(per_peer_, host, absl::StrCat("without valid credentials from ", host));
    if (!limited.ok()) {
      Record(method, peer, nullptr, limited);
      return limited;
    }
    return anonymous;
  }
  absl::StatusOr<Actor> actor = Authenticate(context, method);
  if (!actor.ok()) return actor;
  if (absl::Status allowed = CheckRpcAccess(method, *actor, open_mode()); !allowed.ok()) {
    return Check(context, method, &*actor, std::move(allowed));
  }
  return actor;
}

absl::Status CallGuard::Check(grpc::ServerContextBase* context, std::string_view method,
                              const Actor* actor, absl::Status status) {
  if (status.code() != absl::StatusCode::kUnauthenticated &&
      status.code() != absl::StatusCode::kPermissionDenied) {
    return status;
  }
  Record(method, context->peer(), actor, status);
  return status;
}

void CallGuard::Record(std::string_view method, const std::string& peer, const Actor* actor,
                       const absl::Status& status) {
  FlushSummaries(/*all=*/false);
  v1::AccessDenied denied;
  denied.set_method(std::string(method));
  if (actor != nullptr) {
    denied.set_principal(actor->name);
    denied.set_role(v1::Role::Value_Name(actor->role));
  }
  denied.set_code(CodeName(status.code()));
  denied.set_message(std::string(status.message()));
  denied.set_peer(peer);
  // Beyond the first refusals of its kind in a window, a refusal is only counted (and
  // not logged): the summary written after the window tells how many there were.
  if (!refusals_.Note({PeerHost(peer), denied.principal(), denied.method(), denied.code()},
                      denied.role(), denied.message())) {
    return;
  }
  spdlog::warn("refused {} for \"{}\" from {}: {} {}", method, denied.principal(), denied.peer(),
               denied.code(), denied.message());
  Append(std::string(kDeniedType), denied.SerializeAsString(), denied.principal(), denied.role(),
         absl::StrCat("refused ", std::string(method)));
}

void CallGuard::FlushSummaries(bool all) {
  for (const RefusalSummary& s : refusals_.TakeDue(all)) {
    v1::AccessDeniedSummary summary;
    summary.set_method(s.key.method);
    summary.set_principal(s.key.principal);
    summary.set_role(s.role);
    summary.set_code(s.key.code);
    summary.set_message(s.message);
    summary.set_peer(s.key.peer_host);
    summary.set_count(s.count);
    summary.set_first_micros(absl::ToUnixMicros(s.first));
    summary.set_last_micros(absl::ToUnixMicros(s.last));
    spdlog::warn("refused {} more calls of {} for \"{}\" from {}: {} {} (from {} to {})", s.count,
                 s.key.method, s.key.principal, s.key.peer_host, s.key.code, s.message,
                 absl::FormatTime(s.first), absl::FormatTime(s.last));
    Append(std::string(kSummaryType), summary.SerializeAsString(),
           s.key.principal == "*" ? "" : s.key.principal, s.role,
           absl::StrCat("refused ", s.count, " calls of ", s.key.method));
  }
}

void CallGuard::Append(const std::string& event_type, const std::string& payload,
                       const std::string& principal, const std::string& role,
                       const std::string& reason) {
  AppendRequest request;
  request.stream = std::string(kDeniedStream);
  request.expected_version = kAnyVersion;
  NewEvent& e = request.events.emplace_back();
  e.event_type = event_type;
  e.payload = payload;
  request.meta = CommandMeta{principal, role, reason, ""};
  // A failure to record must not hide the refusal itself from the caller.
  if (absl::StatusOr<AppendResult> recorded = store_->Append(request); !recorded.ok()) {
    spdlog::error("cannot record {} ({}): {}", event_type, reason, recorded.status().ToString());
  }
}

std::string FullMethodName(std::string_view service_full_name, std::string_view rpc) {
  return absl::StrCat("/", AsAbsl(service_full_name), "/", AsAbsl(rpc));
}

}  // namespace renstra
