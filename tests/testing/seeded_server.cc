#include "tests/testing/seeded_server.h"

#include <gtest/gtest.h>

#include <chrono>

#include "services/agency_seed_data.h"
#include "tests/testing/status_matchers.h"

namespace renstra::testing {

SeededServerOptions SeededServerOptions::CastWithSeed() {
  SeededServerOptions options;
  options.users = TestUsers();
  options.seed = true;
  return options;
}

std::unique_ptr<SeededServer> SeededServer::Start(const SeededServerOptions& test_options) {
  std::unique_ptr<SeededServer> t(new SeededServer());
  t->dir_ = std::make_unique<TempDir>("renstra_services_test");
  if (t->dir_->path().empty()) return nullptr;
  auto store = RocksDbEventStore::Open(t->dir_->path());
  if (!store.ok()) {
    ADD_FAILURE() << "open store: " << store.status();
    return nullptr;
  }
  t->store_ = *std::move(store);
  t->app_ = std::make_unique<PlanApp>(t->store_.get(), std::string(PlanApp::kDefaultPlanId));
  if (absl::Status s = t->app_->Recover(); !s.ok()) {
    ADD_FAILURE() << "recover: " << s;
    return nullptr;
  }
  if (test_options.seed) {
    absl::StatusOr<bool> imported = t->app_->ImportSeedIfEmpty(ReadSeedDocument(), "seed");
    if (!imported.ok() || !*imported) {
      ADD_FAILURE() << "seed: "
                    << (imported.ok() ? "the plan was not empty" : imported.status().ToString());
      return nullptr;
    }
  }
  ServerOptions options;
  options.listen_address = "127.0.0.1:0";
  if (test_options.users.has_value()) {
    absl::StatusOr<Authenticator> authenticator = Authenticator::FromConfig(*test_options.users);
    if (!authenticator.ok()) {
      ADD_FAILURE() << "users: " << authenticator.status();
      return nullptr;
    }
    t->authenticator_ = *std::move(authenticator);
    options.authenticator = &*t->authenticator_;
  }
  options.tls_cert_chain_pem = test_options.tls_cert_pem;
  options.tls_private_key_pem = test_options.tls_key_pem;
  options.guard = test_options.guard;
  options.plan_reads = test_options.plan_reads;
  if (test_options.seed_agency) {
    options.agency_seed = AgencySeedDocument();
    options.agency_seed_name = kAgencySeedSourceName;
  }
  options.sessions = test_options.sessions;
  options.lockout = test_options.lockout;
  options.session_clock = test_options.session_clock;
  if (test_options.backup_dir.has_value()) {
    options.rocksdb = t->store_.get();
    options.backup_dir = *test_options.backup_dir;
  }
  auto server = RenstraServer::Start(options, t->app_.get(), t->store_.get());
  if (!server.ok()) {
    ADD_FAILURE() << "start server: " << server.status();
    return nullptr;
  }
  t->server_ = *std::move(server);
  grpc::ChannelArguments args;
  args.SetMaxSendMessageSize(64 << 20);
  args.SetMaxReceiveMessageSize(64 << 20);
  std::shared_ptr<grpc::ChannelCredentials> credentials = grpc::InsecureChannelCredentials();
  if (options.tls()) {
    grpc::SslCredentialsOptions ssl;
    ssl.pem_root_certs = test_options.tls_ca_pem;
    credentials = grpc::SslCredentials(ssl);
  }
  t->channel_ = grpc::CreateCustomChannel(t->server_->address(), credentials, args);
  t->plan_stub_ = v1::PlanService::NewStub(t->channel_);
  t->log_stub_ = v1::LogService::NewStub(t->channel_);
  t->workflow_stub_ = v1::WorkflowService::NewStub(t->channel_);
  t->realization_stub_ = v1::RealizationService::NewStub(t->channel_);
  t->admin_stub_ = v1::AdminService::NewStub(t->channel_);
  t->audit_stub_ = v1::AuditService::NewStub(t->channel_);
  t->agency_stub_ = v1::AgencyService::NewStub(t->channel_);
  t->session_stub_ = v1::SessionService::NewStub(t->channel_);
  return t;
}

SeededServer::~SeededServer() {
  plan_stub_.reset();
  log_stub_.reset();
  workflow_stub_.reset();
  realization_stub_.reset();
  admin_stub_.reset();
  audit_stub_.reset();
  agency_stub_.reset();
  session_stub_.reset();
  channel_.reset();
  if (server_ != nullptr) {
    server_->Shutdown(absl::Seconds(1));
    server_->Wait();
  }
  server_.reset();
  app_.reset();
  store_.reset();
}

grpc::Status SeededServer::ImportSeed(const std::string& request_id,
                                      v1::ImportTableResponse* response) {
  v1::ImportTableRequest request;
  request.set_content(ReadSeedDocument());
  request.set_source_name("renstra_dumai_2024.txt");
  request.set_request_id(request_id);
  return plan().ImportTable(Context().get(), request, response);
}

void SeededServer::SeedPlan() {
  absl::StatusOr<bool> imported = app_->ImportSeedIfEmpty(ReadSeedDocument(), "seed");
  ASSERT_THAT(imported, IsOk()) << imported.status();
  ASSERT_TRUE(*imported);
}

uint64_t SeededServer::PlanVersion() { return store_->StreamVersion(PlanApp::kDefaultPlanId); }

void SeededServerTest::SetUp() {
  server_ = SeededServer::Start(Options());
  ASSERT_NE(server_, nullptr);
}

std::unique_ptr<grpc::ClientContext> Context() {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  return context;
}

std::unique_ptr<grpc::ClientContext> ContextAs(std::string_view token) {
  std::unique_ptr<grpc::ClientContext> context = Context();
  context->AddMetadata("authorization", "Bearer " + std::string(token));
  return context;
}

}  // namespace renstra::testing
