#include "services/call_log.h"

#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "services/grpc_status.h"
#include "spdlog/spdlog.h"

namespace renstra {
namespace {

using grpc::experimental::InterceptionHookPoints;

class CallLogInterceptor final : public grpc::experimental::Interceptor {
 public:
  CallLogInterceptor(grpc::experimental::ServerRpcInfo* info, const Authenticator* authenticator,
                     Metrics* metrics, CallGuard* guard, CallLogFactory* factory)
      : info_(info),
        authenticator_(authenticator),
        metrics_(metrics),
        guard_(guard),
        factory_(factory),
        start_(absl::Now()) {}

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::POST_RECV_INITIAL_METADATA)) {
      principal_ = PrincipalOf(*methods->GetRecvInitialMetadata());
    }
    // No message: gRPC could not parse the body, and will not call the handler.
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::POST_RECV_MESSAGE) &&
        methods->GetRecvMessage() == nullptr) {
      unreadable_body_ = true;
    }
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) {
      grpc::Status status = methods->GetSendStatus();
      if (unreadable_body_ && guard_ != nullptr) {
        absl::StatusOr<Actor> actor =
            guard_->Authenticate(info_->server_context(), info_->method());
        if (!actor.ok()) {
          status = ToGrpcStatus(actor.status());
          methods->ModifySendStatus(status);
        }
      }
      const absl::Duration latency = absl::Now() - start_;
      // gRPC's codes are Abseil's, number for number (both follow google.rpc.Code).
      const std::string code =
          absl::StatusCodeToString(static_cast<absl::StatusCode>(status.error_code()));
      const std::string peer = info_->server_context()->peer();
      const bool refused = status.error_code() == grpc::StatusCode::UNAUTHENTICATED ||
                           status.error_code() == grpc::StatusCode::PERMISSION_DENIED ||
                           status.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED;
      const bool notable = refused || status.error_code() == grpc::StatusCode::INTERNAL ||
                           status.error_code() == grpc::StatusCode::DATA_LOSS ||
                           status.error_code() == grpc::StatusCode::UNAVAILABLE;
      uint64_t suppressed = 0;
      if (!refused || factory_->TakeRefusalLine(&suppressed)) {
        spdlog::log(notable ? spdlog::level::warn : spdlog::level::info,
                    "rpc method={} principal={} code={} latency_ms={:.3f} peer={}{}",
                    info_->method(), principal_, code, absl::ToDoubleMilliseconds(latency), peer,
                    suppressed == 0 ? std::string() : absl::StrCat(" suppressed=", suppressed));
      }
      if (metrics_ != nullptr) metrics_->ObserveCall(info_->method(), code, latency);
    }
    methods->Proceed();
  }

 private:
  std::string PrincipalOf(const std::multimap<grpc::string_ref, grpc::string_ref>& metadata) {
    if (authenticator_ == nullptr) return "anonymous";
    auto it = metadata.find("authorization");
    if (it == metadata.end()) return "-";
    absl::StatusOr<Actor> actor =
        authenticator_->AuthenticateHeader(std::string_view(it->second.data(), it->second.size()));
    return actor.ok() ? actor->name : "?";
  }

  grpc::experimental::ServerRpcInfo* const info_;
  const Authenticator* const authenticator_;
  Metrics* const metrics_;
  CallGuard* const guard_;
  CallLogFactory* const factory_;
  const absl::Time start_;
  std::string principal_ = "-";
  bool unreadable_body_ = false;
};

}  // namespace

grpc::experimental::Interceptor* CallLogFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* info) {
  return new CallLogInterceptor(info, authenticator_, metrics_, guard_, this);
}

bool CallLogFactory::TakeRefusalLine(uint64_t* suppressed) {
  if (refusal_lines_.Take("") != absl::ZeroDuration()) {
    suppressed_.fetch_add(1);
    return false;
  }
  *suppressed = suppressed_.exchange(0);
  return true;
}

}  // namespace renstra
