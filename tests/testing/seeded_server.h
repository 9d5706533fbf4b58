// SeededServer: an in-process renstrad for service tests — a RocksDbEventStore in a
// fresh temp dir, a recovered PlanApp (with the seed plan imported when asked), and a
// RenstraServer on 127.0.0.1 port 0 — with stubs of every service on one real gRPC
// channel to it. Everything is torn down (and the dir removed) on destruction.
//
// SeededServerTest is the gtest fixture over it: SetUp starts the server with
// Options() (by default the test cast of test_users.h and the seed plan) into
// `server_`, and a failed start fails the test before its body runs.
//
//   class MyTest : public SeededServerTest {};
//   TEST_F(MyTest, X) { server_->workflow().Propose(ContextAs(TokenOf("rehab")).get(), ...); }
//
// Ownership: SeededServer owns the dir, the store, the apps, the server and the stubs.
// Thread safety: start and destroy from the test thread; the stubs and the channel may
// be used from several client threads at once; the server serves on gRPC's threads.
#ifndef RENSTRA_TESTS_TESTING_SEEDED_SERVER_H_
#define RENSTRA_TESTS_TESTING_SEEDED_SERVER_H_

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "renstra/v1/admin_service.grpc.pb.h"
#include "renstra/v1/agency_service.grpc.pb.h"
#include "renstra/v1/audit_service.grpc.pb.h"
#include "renstra/v1/plan_service.grpc.pb.h"
#include "renstra/v1/realization_service.grpc.pb.h"
#include "renstra/v1/session_service.grpc.pb.h"
#include "renstra/v1/users.pb.h"
#include "renstra/v1/workflow_service.grpc.pb.h"
#include "services/authenticator.h"
#include "services/plan_app.h"
#include "services/renstra_server.h"
#include "storage/rocksdb_event_store.h"
#include "tests/testing/seed.h"
#include "tests/testing/temp_dir.h"
#include "tests/testing/test_users.h"

namespace renstra::testing {

struct SeededServerOptions {
  // The users file's content; unset = open mode (no authentication).
  std::optional<v1::UsersConfig> users;
  // Import the seed document before serving, as renstrad does at its first start
  // (principal "renstrad"); else the plan is empty.
  bool seed = false;
  // Set up the seed agency (data/seed/agency_dinsos_dumai.textproto) at start, as
  // renstrad does at its first start.
  bool seed_agency = false;
  // TLS: the server's certificate chain and key (PEM), and the CA the channel trusts.
  std::string tls_cert_pem;
  std::string tls_key_pem;
  std::string tls_ca_pem;
  // Rate limits and the record of refusals (see call_guard.h).
  CallGuardOptions guard;
  // How GetPlan and GetSubtree are answered (default: from the per-version cache).
  PlanReadOptions plan_reads;
  // Set: online backups of the store, with this backup root ("" = none).
  std::optional<std::string> backup_dir;
  // Password logins: session lifetimes, lockout and their clock (see renstra_server.h).
  SessionTable::Options sessions;
  LoginThrottle::Options lockout;
  std::function<absl::Time()> session_clock;

  // The common case: the test cast (TestUsers()) and the seed plan.
  static SeededServerOptions CastWithSeed();
};

class SeededServer {
 public:
  // Fails the current test (and returns nullptr) if any part cannot start.
  static std::unique_ptr<SeededServer> Start(const SeededServerOptions& options = {});
  ~SeededServer();

  v1::PlanService::Stub& plan() { return *plan_stub_; }
  v1::LogService::Stub& log() { return *log_stub_; }
  v1::WorkflowService::Stub& workflow() { return *workflow_stub_; }
  v1::RealizationService::Stub& realization() { return *realization_stub_; }
  v1::AdminService::Stub& admin() { return *admin_stub_; }
  v1::AuditService::Stub& audit() { return *audit_stub_; }
  v1::AgencyService::Stub& agency() { return *agency_stub_; }
  v1::SessionService::Stub& session() { return *session_stub_; }
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
  SeededServer() = default;

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
  std::unique_ptr<v1::RealizationService::Stub> realization_stub_;
  std::unique_ptr<v1::AdminService::Stub> admin_stub_;
  std::unique_ptr<v1::AuditService::Stub> audit_stub_;
  std::unique_ptr<v1::AgencyService::Stub> agency_stub_;
  std::unique_ptr<v1::SessionService::Stub> session_stub_;
};

// The fixture: a SeededServer started in SetUp, in `server_`.
class SeededServerTest : public ::testing::Test {
 protected:
  // What SetUp starts the server with; a fixture overrides it for other users, no
  // seed, limits or a backup root.
  virtual SeededServerOptions Options() { return SeededServerOptions::CastWithSeed(); }

  void SetUp() override;

  std::unique_ptr<SeededServer> server_;
};

// A client context with a 30 s deadline.
std::unique_ptr<grpc::ClientContext> Context();
// The same, sending "authorization: Bearer <token>".
std::unique_ptr<grpc::ClientContext> ContextAs(std::string_view token);

}  // namespace renstra::testing

#endif  // RENSTRA_TESTS_TESTING_SEEDED_SERVER_H_
