#include "tests/clients/gateway_harness.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace renstra::testing {

GatewayHarness::~GatewayHarness() {
  http_.stop();
  if (thread_.joinable()) thread_.join();
  if (grpc_ != nullptr) grpc_->Shutdown();
}

void GatewayHarness::Start(std::initializer_list<grpc::Service*> services) {
  int grpc_port = 0;
  grpc::ServerBuilder builder;
  builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &grpc_port);
  for (grpc::Service* service : services) builder.RegisterService(service);
  grpc_ = builder.BuildAndStart();
  ASSERT_NE(grpc_, nullptr);
  web::GatewayOptions options;
  options.log = [](const std::string&) {};
  gateway_ =
      std::make_unique<web::Gateway>(grpc::CreateChannel("127.0.0.1:" + std::to_string(grpc_port),
                                                         grpc::InsecureChannelCredentials()),
                                     options);
  gateway_->Register(&http_);
  const int port = http_.bind_to_any_port("127.0.0.1");
  ASSERT_GT(port, 0);
  thread_ = std::thread([this] { http_.listen_after_bind(); });
  // Debian 12's httplib has no wait_until_ready().
  while (!http_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  client_ = std::make_unique<httplib::Client>("127.0.0.1", port);
}

}  // namespace renstra::testing
