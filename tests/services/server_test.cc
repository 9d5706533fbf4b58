// The server around the services: port 0, the standard health service and server
// reflection (called by method path with wire-compatible messages, as a generic gRPC
// client such as grpcurl would), and a bind failure.
#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/impl/codegen/client_unary_call.h>
#include <grpcpp/impl/codegen/rpc_method.h>
#include <grpcpp/impl/codegen/sync_stream.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "storage/memory_event_store.h"
#include "tests/testing/seeded_server.h"
#include "tests/testing/status_matchers.h"
#include "wire_mirror.pb.h"

namespace renstra::testing {
namespace {

using ::testing::Contains;
using ::testing::StartsWith;

TEST(ServerTest, PortZeroBindsAFreePort) {
  std::unique_ptr<SeededServer> server = SeededServer::Start();
  ASSERT_NE(server, nullptr);
  EXPECT_GT(server->server().port(), 0);
  EXPECT_EQ(server->server().address(), "127.0.0.1:" + std::to_string(server->server().port()));
}

TEST(ServerTest, HealthCheckReportsServing) {
  std::unique_ptr<SeededServer> server = SeededServer::Start();
  ASSERT_NE(server, nullptr);
  const grpc::internal::RpcMethod check("/grpc.health.v1.Health/Check",
                                        grpc::internal::RpcMethod::NORMAL_RPC);
  wire::HealthCheckRequest request;  // "" = the server as a whole
  wire::HealthCheckResponse response;
  grpc::Status status =
      grpc::internal::BlockingUnaryCall<wire::HealthCheckRequest, wire::HealthCheckResponse,
                                        google::protobuf::MessageLite,
                                        google::protobuf::MessageLite>(
          server->channel().get(), check, Context().get(), request, &response);
  ASSERT_THAT(status, IsOk()) << status.error_message();
  EXPECT_EQ(response.status(), wire::HealthCheckResponse::SERVING);
}

TEST(ServerTest, ReflectionListsTheServices) {
  std::unique_ptr<SeededServer> server = SeededServer::Start();
  ASSERT_NE(server, nullptr);
  const grpc::internal::RpcMethod info(
      "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
      grpc::internal::RpcMethod::BIDI_STREAMING);
  std::unique_ptr<grpc::ClientContext> context = Context();
  std::unique_ptr<
      grpc::ClientReaderWriter<wire::ServerReflectionRequest, wire::ServerReflectionResponse>>
      stream(grpc::internal::ClientReaderWriterFactory<
             wire::ServerReflectionRequest,
             wire::ServerReflectionResponse>::Create(server->channel().get(), info, context.get()));
  wire::ServerReflectionRequest request;
  request.set_list_services("");
  ASSERT_TRUE(stream->Write(request));
  wire::ServerReflectionResponse response;
  ASSERT_TRUE(stream->Read(&response));
  stream->WritesDone();
  grpc::Status status = stream->Finish();
  ASSERT_THAT(status, IsOk()) << status.error_message();

  std::vector<std::string> names;
  for (const wire::ServiceResponse& s : response.list_services_response().service()) {
    names.push_back(s.name());
  }
  EXPECT_THAT(names, Contains("renstra.v1.PlanService"));
  EXPECT_THAT(names, Contains("renstra.v1.LogService"));
  EXPECT_THAT(names, Contains("grpc.health.v1.Health"));
  EXPECT_THAT(names, Contains("grpc.reflection.v1alpha.ServerReflection"));
}

TEST(ServerTest, ReflectionDescribesThePlanService) {
  std::unique_ptr<SeededServer> server = SeededServer::Start();
  ASSERT_NE(server, nullptr);
  const grpc::internal::RpcMethod info(
      "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
      grpc::internal::RpcMethod::BIDI_STREAMING);
  std::unique_ptr<grpc::ClientContext> context = Context();
  std::unique_ptr<
      grpc::ClientReaderWriter<wire::ServerReflectionRequest, wire::ServerReflectionResponse>>
      stream(grpc::internal::ClientReaderWriterFactory<
             wire::ServerReflectionRequest,
             wire::ServerReflectionResponse>::Create(server->channel().get(), info, context.get()));
  wire::ServerReflectionRequest request;
  request.set_file_containing_symbol("renstra.v1.PlanService");
  ASSERT_TRUE(stream->Write(request));
  wire::ServerReflectionResponse response;
  ASSERT_TRUE(stream->Read(&response));
  stream->WritesDone();
  ASSERT_THAT(stream->Finish(), IsOk());
  ASSERT_TRUE(response.has_file_descriptor_response()) << response.DebugString();
  EXPECT_GE(response.file_descriptor_response().file_descriptor_proto_size(), 1);
}

// 192.0.2.1 (TEST-NET-1) is not an address of this machine, so it cannot be bound.
TEST(ServerTest, AnAddressThatCannotBeBoundIsUnavailable) {
  MemoryEventStore store;
  PlanApp app(&store, std::string(PlanApp::kDefaultPlanId));
  ServerOptions options;
  options.listen_address = "192.0.2.1:50051";
  auto server = RenstraServer::Start(options, &app, &store);
  EXPECT_EQ(server.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(std::string(server.status().message()),
              StartsWith("cannot listen on 192.0.2.1:50051"));
}

}  // namespace
}  // namespace renstra::testing
