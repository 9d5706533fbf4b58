#include "services/parse_error_interceptor.h"

#include <google/protobuf/stubs/logging.h>

#include <mutex>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace renstra {
namespace {

using grpc::experimental::InterceptionHookPoints;

// The field protobuf last reported as invalid UTF-8 in this thread; consumed by the
// interceptor of the call whose request this thread just failed to parse.
thread_local std::string utf8_error_field;

google::protobuf::LogHandler* previous_handler = nullptr;

// "String field 'renstra.v1.X.y' contains invalid UTF-8 data when parsing a protocol
// buffer. ..." → "renstra.v1.X.y"; anything else goes on to the previous handler.
void CaptureUtf8Errors(google::protobuf::LogLevel level, const char* filename, int line,
                       const std::string& message) {
  constexpr absl::string_view kPrefix = "String field '";
  if (absl::StartsWith(message, kPrefix) &&
      absl::StrContains(message, "' contains invalid UTF-8 data when parsing")) {
    const size_t end = message.find('\'', kPrefix.size());
    utf8_error_field = message.substr(kPrefix.size(), end - kPrefix.size());
    return;
  }
  if (previous_handler != nullptr) previous_handler(level, filename, line, message);
}

class ParseErrorInterceptor final : public grpc::experimental::Interceptor {
 public:
  explicit ParseErrorInterceptor(grpc::experimental::ServerRpcInfo* info) : info_(info) {}

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::POST_RECV_MESSAGE)) {
      // Always consume the slot, so that a report never outlives its call.
      std::string field;
      field.swap(utf8_error_field);
      if (methods->GetRecvMessage() == nullptr) {
        unparsed_ = true;
        field_ = std::move(field);
      }
    }
    if (unparsed_ && methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS) &&
        methods->GetSendStatus().error_code() == grpc::StatusCode::INTERNAL) {
      methods->ModifySendStatus(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, Message()));
    }
    methods->Proceed();
  }

 private:
  std::string Message() const {
    if (!field_.empty()) {
      return absl::StrCat("request: field ", field_,
                          " is not valid UTF-8 (string fields carry UTF-8 text)");
    }
    // "/renstra.v1.WorkflowService/Propose" → the request type is not known here by
    // name, so the method names what could not be read.
    return absl::StrCat("request: not a valid request message for ", info_->method());
  }

  grpc::experimental::ServerRpcInfo* const info_;
  bool unparsed_ = false;
  std::string field_;
};

}  // namespace

void InstallParseErrorCapture() {
  static std::once_flag once;
  std::call_once(once,
                 [] { previous_handler = google::protobuf::SetLogHandler(&CaptureUtf8Errors); });
}

ParseErrorInterceptorFactory::ParseErrorInterceptorFactory() { InstallParseErrorCapture(); }

grpc::experimental::Interceptor* ParseErrorInterceptorFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* info) {
  return new ParseErrorInterceptor(info);
}

}  // namespace renstra
