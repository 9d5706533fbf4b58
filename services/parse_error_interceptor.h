// ParseErrorInterceptor: gives a request that protobuf refuses to parse a clear
// INVALID_ARGUMENT instead of gRPC's INTERNAL with an empty message.
//
// The sync server parses a request before any handler runs; when parsing fails (most
// often a proto3 `string` field holding bytes that are not valid UTF-8), gRPC answers
// INTERNAL with protobuf's InitializationErrorString(), which is empty for proto3. The
// handler never sees the call, so the fix sits here: the interceptor notices at
// POST_RECV_MESSAGE that no message was parsed and rewrites the status at
// PRE_SEND_STATUS. The failing field is named from protobuf's own report ("String field
// 'renstra.v1.ProposeRequest.justification' contains invalid UTF-8 data when parsing a
// protocol buffer"): protobuf writes it through its log handler, in the thread that
// parses, which in gRPC's sync server is the thread that then runs this interceptor;
// InstallParseErrorCapture() routes that one message to a thread-local slot (any other
// protobuf log message goes on to the previous handler). The field is named by message
// type and field ("renstra.v1.TargetValue.unit"), not by its path in the request.
//
// Messages:
//   "request: field renstra.v1.ProposeRequest.justification is not valid UTF-8 (string
//    fields carry UTF-8 text)"
//   "request: not a valid request message for /renstra.v1.WorkflowService/Propose"
//   (any other parse failure)
//
// Must run before CallLog in the interceptor list so the call is logged with the status
// sent. Thread safety: the factory is thread-safe; InstallParseErrorCapture() replaces
// protobuf's process-wide log handler once (idempotent, thread-safe).
#ifndef RENSTRA_SERVICES_PARSE_ERROR_INTERCEPTOR_H_
#define RENSTRA_SERVICES_PARSE_ERROR_INTERCEPTOR_H_

#include <grpcpp/grpcpp.h>
#include <grpcpp/support/server_interceptor.h>

namespace renstra {

// Routes protobuf's "invalid UTF-8" parse reports to the interceptor (see above).
void InstallParseErrorCapture();

class ParseErrorInterceptorFactory final
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  // Calls InstallParseErrorCapture().
  ParseErrorInterceptorFactory();

  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;
};

}  // namespace renstra

#endif  // RENSTRA_SERVICES_PARSE_ERROR_INTERCEPTOR_H_
