#include "services/renstra_server.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>

#include <chrono>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "services/call_log.h"
#include "services/parse_error_interceptor.h"
#include "spdlog/spdlog.h"

namespace renstra {
namespace {

constexpr int kPollTimeoutMs = 200;

// Plaintext, or TLS with the options' certificate and key (clients need no certificate).
absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> CredentialsOf(
    const ServerOptions& options) {
  if (!options.tls()) return grpc::InsecureServerCredentials();
  if (options.tls_cert_chain_pem.empty() || options.tls_private_key_pem.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("TLS needs both a certificate and a key; the ",
                     options.tls_cert_chain_pem.empty() ? "certificate" : "key", " is missing"));
  }
  grpc::SslServerCredentialsOptions ssl;
  ssl.pem_key_cert_pairs.push_back({options.tls_private_key_pem, options.tls_cert_chain_pem});
  ssl.client_certificate_request = GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE;
  return grpc::SslServerCredentials(ssl);
}

}  // namespace

std::string WithPort(const std::string& listen_address, int port) {
  const size_t colon = listen_address.rfind(':');
  const std::string host =
      colon == std::string::npos ? listen_address : listen_address.substr(0, colon);
  return absl::StrCat(host, ":", port);
}

RenstraServer::RenstraServer(PlanApp* app, EventStore* store, const ServerOptions& options,
                             MerkleLog* merkle)
    : guard_(options.authenticator, store, options.guard),
      agency_app_(app->runner()),
      agency_service_(&agency_app_, &plans_, &guard_),
      plans_(store, merkle, app, &agency_app_),
      plan_service_(&plans_, &agency_app_, &guard_, options.plan_reads),
      log_service_(store, &guard_),
      workflow_service_(&plans_, &guard_),
      audit_service_(&plans_, &guard_),
      user_admin_(app->runner(), options.authenticator, &agency_app_),
      admin_app_(options.rocksdb, options.backup_dir, &metrics_),
      admin_service_(&admin_app_, &user_admin_, &guard_),
      realization_service_(&plans_, &guard_),
      session_app_(options.authenticator, options.lockout, options.session_clock),
      session_service_(&session_app_, &user_admin_, &guard_) {}

void RenstraServer::AddSampledMetrics(PlanApp* app, EventStore* store, RocksDbEventStore* rocksdb) {
  metrics_.AddSampled("renstra_events", "Events in the log (the head's sequence).", "gauge",
                      [store] { return static_cast<double>(store->Head().sequence); });
  metrics_.AddSampled("renstra_projection_lag_events",
                      "Events in the log not yet applied to the read models.", "gauge",
                      [store, app] {
                        const uint64_t head = store->Head().sequence;
                        const uint64_t applied = app->projector()->applied();
                        return static_cast<double>(head > applied ? head - applied : 0);
                      });
  metrics_.AddSampled(
      "renstra_merkle_tree_size", "Leaves in the log's Merkle tree.", "gauge",
      [this] { return static_cast<double>(plans_.primary()->audit.merkle()->size()); });
  if (rocksdb != nullptr) {
    metrics_.AddSampled("renstra_fsync_groups_total",
                        "Synced write groups (one fsync each) since start.", "counter",
                        [rocksdb] { return static_cast<double>(rocksdb->sync_groups()); });
  }
}

RenstraServer::~RenstraServer() {
  if (server_ != nullptr) {
    Shutdown(absl::ZeroDuration());
    Wait();
  }
}

absl::StatusOr<std::unique_ptr<RenstraServer>> RenstraServer::Start(const ServerOptions& options,
                                                                    PlanApp* app,
                                                                    EventStore* store) {
  // Both are process-wide switches read by every ServerBuilder; setting them again is
  // harmless.
  grpc::EnableDefaultHealthCheckService(true);
  // Create spdlog's registry here, on one thread, before the handlers' threads first log
  // (call_log.cc): its lazy creation inside the uninstrumented libspdlog is invisible to
  // ThreadSanitizer, which then reports the first concurrent calls as a race.
  spdlog::default_logger();
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();

  absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> credentials = CredentialsOf(options);
  if (!credentials.ok()) return credentials.status();
  std::unique_ptr<MerkleLog> own_merkle;
  MerkleLog* merkle = options.merkle;
  if (merkle == nullptr) {
    absl::StatusOr<std::unique_ptr<MerkleLog>> made = MerkleLog::OpenEphemeral(store);
    if (!made.ok()) return made.status();
    own_merkle = *std::move(made);
    merkle = own_merkle.get();
  }
  app->projector()->SetObserver([merkle](const v1::EventEnvelope& e) { merkle->Observe(e); });
  if (options.authenticator != nullptr) {
    options.authenticator->UseSessions(
        std::make_shared<SessionTable>(options.sessions, options.session_clock));
  }
  std::unique_ptr<RenstraServer> server(new RenstraServer(app, store, options, merkle));
  // Users added, disabled or rotated at run time, over the users file.
  if (absl::Status s = server->user_admin_.Recover(); !s.ok()) return s;
  // The agencies, then the seed agency on the first start.
  if (absl::Status s = server->agency_app_.Recover(); !s.ok()) return s;
  if (!options.agency_seed.empty()) {
    absl::StatusOr<bool> seeded =
        server->agency_app_.SeedIfAbsent(options.agency_seed, options.agency_seed_name);
    if (!seeded.ok()) return seeded.status();
  }
  server->own_merkle_ = std::move(own_merkle);
  server->guard_.StartFlusher();
  server->AddSampledMetrics(app, store, options.rocksdb);
  grpc::ServerBuilder builder;
  builder.AddListeningPort(options.listen_address, *credentials, &server->port_);
  builder.SetMaxReceiveMessageSize(options.max_receive_message_bytes);
  // The sync server's polling threads wake this often; gRPC's default (10 s) can delay
  // the server's destruction, and so renstrad's exit, by as much.
  builder.SetSyncServerOption(grpc::ServerBuilder::SyncServerOption::CQ_TIMEOUT_MSEC,
                              kPollTimeoutMs);
  builder.SetSyncServerOption(grpc::ServerBuilder::SyncServerOption::MAX_POLLERS,
                              options.max_pollers);
  builder.RegisterService(&server->plan_service_);
  builder.RegisterService(&server->log_service_);
  builder.RegisterService(&server->workflow_service_);
  builder.RegisterService(&server->audit_service_);
  builder.RegisterService(&server->admin_service_);
  builder.RegisterService(&server->agency_service_);
  builder.RegisterService(&server->session_service_);
  std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> interceptors;
  // First, so that CallLog logs the status it makes of an unparsable request.
  interceptors.push_back(std::make_unique<ParseErrorInterceptorFactory>());
  interceptors.push_back(
      std::make_unique<CallLogFactory>(options.authenticator, &server->metrics_, &server->guard_));
  builder.experimental().SetInterceptorCreators(std::move(interceptors));
  builder.RegisterService(&server->realization_service_);
  server->server_ = builder.BuildAndStart();
  if (server->server_ == nullptr || server->port_ == 0) {
    server->server_.reset();
    return absl::UnavailableError(absl::StrCat(
        "cannot listen on ", options.listen_address,
        options.tls() ? " with TLS (address in use, not an address of this machine, or a "
                        "certificate and key that are not a matching PEM pair?)"
                      : " (address in use, or not an address of this machine?)"));
  }
  server->address_ = WithPort(options.listen_address, server->port_);
  return server;
}

void RenstraServer::Shutdown(absl::Duration grace) {
  server_->Shutdown(std::chrono::system_clock::now() + absl::ToChronoMilliseconds(grace));
}

void RenstraServer::Wait() { server_->Wait(); }

}  // namespace renstra
