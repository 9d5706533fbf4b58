// GatewayHarness: a real Gateway (clients/web) serving loopback HTTP in front of
// in-process gRPC services — the fakes a test of the console's routes defines — both on
// port 0. Start() starts them; the destructor stops the HTTP server, then gRPC.
//
// Declare the harness after the fake services it is given: it must stop before they are
// destroyed. Not thread-safe; one test at a time.
#ifndef RENSTRA_TESTS_CLIENTS_GATEWAY_HARNESS_H_
#define RENSTRA_TESTS_CLIENTS_GATEWAY_HARNESS_H_

#include <grpcpp/grpcpp.h>
#include <httplib.h>

#include <initializer_list>
#include <memory>
#include <thread>

#include "clients/web/gateway.h"

namespace renstra::testing {

class GatewayHarness {
 public:
  GatewayHarness() = default;
  GatewayHarness(const GatewayHarness&) = delete;
  GatewayHarness& operator=(const GatewayHarness&) = delete;
  ~GatewayHarness();

  // Registers `services` on a gRPC server and starts the gateway against it (a gtest
  // failure when either cannot start; wrap in ASSERT_NO_FATAL_FAILURE).
  void Start(std::initializer_list<grpc::Service*> services);

  // An HTTP client of the gateway; valid after Start().
  httplib::Client* client() { return client_.get(); }

 private:
  std::unique_ptr<grpc::Server> grpc_;
  std::unique_ptr<web::Gateway> gateway_;
  httplib::Server http_;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
};

}  // namespace renstra::testing

#endif  // RENSTRA_TESTS_CLIENTS_GATEWAY_HARNESS_H_
