#include "services/call_log.h"

#include <string>

#include "absl/time/clock.h"
#include "spdlog/spdlog.h"

namespace renstra {
namespace {

using grpc::experimental::InterceptionHookPoints;

class CallLogInterceptor final : public grpc::experimental::Interceptor {
 public:
  CallLogInterceptor(grpc::experimental::ServerRpcInfo* info, const Authenticator* authenticator,
                     Metrics* metrics)
      : info_(info), authenticator_(authenticator), metrics_(metrics), start_(absl::Now()) {}

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::POST_RECV_INITIAL_METADATA)) {
      principal_ = PrincipalOf(*methods->GetRecvInitialMetadata());
    }
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) {
      const grpc::Status status = methods->GetSendStatus();
      const absl::Duration latency = absl::Now() - start_;
      const char* code = StatusCodeName(status.error_code());
      const std::string peer = info_->server_context()->peer();
      const bool notable = status.error_code() == grpc::StatusCode::UNAUTHENTICATED ||
                           status.error_code() == grpc::StatusCode::PERMISSION_DENIED ||
                           status.error_code() == grpc::StatusCode::INTERNAL ||
                           status.error_code() == grpc::StatusCode::DATA_LOSS ||
                           status.error_code() == grpc::StatusCode::UNAVAILABLE;
      spdlog::log(notable ? spdlog::level::warn : spdlog::level::info,
                  "rpc method={} principal={} code={} latency_ms={:.3f} peer={}", info_->method(),
                  principal_, code, absl::ToDoubleMilliseconds(latency), peer);
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
  const absl::Time start_;
  std::string principal_ = "-";
};

}  // namespace

grpc::experimental::Interceptor* CallLogFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* info) {
  return new CallLogInterceptor(info, authenticator_, metrics_);
}

const char* StatusCodeName(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::OK:
      return "OK";
    case grpc::StatusCode::CANCELLED:
      return "CANCELLED";
    case grpc::StatusCode::UNKNOWN:
      return "UNKNOWN";
    case grpc::StatusCode::INVALID_ARGUMENT:
      return "INVALID_ARGUMENT";
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return "DEADLINE_EXCEEDED";
    case grpc::StatusCode::NOT_FOUND:
      return "NOT_FOUND";
    case grpc::StatusCode::ALREADY_EXISTS:
      return "ALREADY_EXISTS";
    case grpc::StatusCode::PERMISSION_DENIED:
      return "PERMISSION_DENIED";
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return "RESOURCE_EXHAUSTED";
    case grpc::StatusCode::FAILED_PRECONDITION:
      return "FAILED_PRECONDITION";
    case grpc::StatusCode::ABORTED:
      return "ABORTED";
    case grpc::StatusCode::OUT_OF_RANGE:
      return "OUT_OF_RANGE";
    case grpc::StatusCode::UNIMPLEMENTED:
      return "UNIMPLEMENTED";
    case grpc::StatusCode::INTERNAL:
      return "INTERNAL";
    case grpc::StatusCode::UNAVAILABLE:
      return "UNAVAILABLE";
    case grpc::StatusCode::DATA_LOSS:
      return "DATA_LOSS";
    case grpc::StatusCode::UNAUTHENTICATED:
      return "UNAUTHENTICATED";
    default:
      return "UNKNOWN";
  }
}

}  // namespace renstra
