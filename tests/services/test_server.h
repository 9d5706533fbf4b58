// TestServer: an in-process renstrad for service tests — a RocksDbEventStore in a fresh
// temp dir, a recovered PlanApp, and a RenstraServer on 127.0.0.1 port 0 — with stubs
// on a real channel to it. Everything is torn down (and the dir removed) on destruction.
//
// Options: a users config (else open mode) and TLS material (the channel then pins the
// given CA).
//
// Thread safety: use from the test thread; the stubs and the channel may be used from
// several client threads at once; the server serves on gRPC's threads.
#ifndef RENSTRA_TESTS_SERVICES_TEST_SERVER_H_
#define RENSTRA_TESTS_SERVICES_TEST_SERVER_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "renstra/v1/plan_service.grpc.pb.h"
#include "renstra/v1/users.pb.h"
#include "renstra/v1/workflow_service.grpc.pb.h"
#include "services/authenticator.h"
#include "services/plan_app.h"
#include "services/renstra_server.h"
#include "storage/rocksdb_event_store.h"
#include "tests/testing/seed.h"
#include "tests/testing/temp_dir.h"

namespace renstra::testing {

struct TestServerOptions {
  // The users file's content; unset = open mode (no authentication).
  std::optional<v1::UsersConfig> users;
  // TLS: the server's certificate chain and key (PEM), and the CA the channel trusts.
  std::string tls_cert_pem;
  std::string tls_key_pem;
  std::string tls_ca_pem;
  // Rate limits and the record of refusals (see call_guard.h).
  CallGuardOptions guard;
  // Set: online backups of the store, with this backup root ("" = none).
  std::optional<std::string> backup_dir;
};

class TestServer {
 public:
  // Fails the current test (and returns nullptr) if any part cannot start.
  static std::unique_ptr<TestServer> Start(const TestServerOptions& options = {});
  ~TestServer();

  v1::PlanService::Stub& plan() { return *plan_stub_; }
  v1::LogService::Stub& log() { return *log_stub_; }
  v1::WorkflowService::Stub& workflow() { return *workflow_stub_; }
  const std::shared_ptr<grpc::Channel>& channel() const { return channel_; }
  RenstraServer& server() { return *server_; }
  PlanApp& app() { return *app_; }
  RocksDbEventStore& store() { return *store_; }
  const std::string& data_dir() const { return dir_->path(); }

  // Imports the seed document through ImportTable with `request_id`.
  grpc::Status ImportSeed(const std::string& request_id, v1::ImportTableResponse* response);
  // Imports the seed document as renstrad does at start (principal "renstrad").
  void SeedPlan();
  // Version of the plan stream in the store.
  uint64_t PlanVersion();

 private:
  TestServer() = default;

  // Declared first so it is removed after everything that uses it is gone.
  std::unique_ptr<TempDir> dir_;
  std::unique_ptr<RocksDbEventStore> store_;
  std::unique_ptr<PlanApp> app_;
  std::optional<Authenticator> authenticator_;
  std::unique_ptr<RenstraServer> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::PlanService::Stub> plan_stub_;
  std::unique_ptr<v1::LogService::Stub> log_stub_;
  std::unique_ptr<v1::WorkflowService::Stub> workflow_stub_;
};

// A client context with a 30 s deadline.
std::unique_ptr<grpc::ClientContext> Context();
// The same, sending "authorization: Bearer <token>".
std::unique_ptr<grpc::ClientContext> ContextAs(std::string_view token);

}  // namespace renstra::testing

#endif  // RENSTRA_TESTS_SERVICES_TEST_SERVER_H_
