// RenstraServer: the gRPC server of renstrad — PlanService, LogService,
// WorkflowService, AuditService, RealizationService, AdminService, SessionService, the standard
// health service (grpc.health.v1) and server reflection — listening on one address.
// renstrad and the service tests build the server the same way through this class.
//
// Every Renstra service authenticates through one CallGuard (see call_guard.h); the
// health and reflection services stay open so probes and generic tools work.
// With a certificate and key the server speaks TLS only; without, plaintext.
//
// Ownership: borrows the PlanApp, the EventStore and the Authenticator (all must
// outlive the server); owns the service adapters and the grpc::Server.
// Thread safety: Shutdown() and Wait() may be called from any thread; the services run
// on gRPC's thread pool.
// Errors: Start() returns INVALID_ARGUMENT when only one of the TLS certificate and
// key is given, UNAVAILABLE when the address cannot be bound or the TLS material is
// not a usable PEM certificate and key.
#ifndef RENSTRA_SERVICES_RENSTRA_SERVER_H_
#define RENSTRA_SERVICES_RENSTRA_SERVER_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "services/admin_app.h"
#include "services/admin_service.h"
#include "services/agency_app.h"
#include "services/agency_plans.h"
#include "services/agency_service.h"
#include "services/audit_app.h"
#include "services/audit_service.h"
#include "services/authenticator.h"
#include "services/call_guard.h"
#include "services/log_service.h"
#include "services/merkle_log.h"
#include "services/metrics.h"
#include "services/plan_app.h"
#include "services/plan_service.h"
#include "services/realization_app.h"
#include "services/realization_service.h"
#include "services/session_app.h"
#include "services/session_service.h"
#include "services/session_table.h"
#include "services/user_admin.h"
#include "services/workflow_app.h"
#include "services/workflow_service.h"
#include "storage/event_store.h"
#include "storage/rocksdb_event_store.h"

namespace renstra {

struct ServerOptions {
  // "HOST:PORT"; port 0 picks a free port (see RenstraServer::port()).
  std::string listen_address = "127.0.0.1:50051";
  // Largest request accepted; gRPC refuses a larger one (RESOURCE_EXHAUSTED) before
  // reading it into memory. 4 MiB holds an import of the whole seed document (104 KiB)
  // forty times over and any command within the text limits (docs/limits.md).
  int max_receive_message_bytes = 4 << 20;
  // Idle polling threads the sync server keeps. gRPC's default (2) makes a loaded server
  // start and end a thread for nearly every call (11% of its CPU at 64 clients).
  int max_pollers = 16;
  // Users and their token hashes; null = open mode (see CallGuard).
  Authenticator* authenticator = nullptr;
  // TLS: the server's certificate chain and private key, PEM. Both or neither; empty
  // serves plaintext.
  std::string tls_cert_chain_pem;
  std::string tls_private_key_pem;

  // The Merkle tree and tree-head key of the log (see merkle_log.h); null = a tree
  // with a key made for this server only (tests).
  MerkleLog* merkle = nullptr;
  // The RocksDB store behind `store`, for online backups (null: the log is in memory),
  // and the directory backups go to when a request names none.
  RocksDbEventStore* rocksdb = nullptr;
  std::string backup_dir;
  // Rate limits and the record of refused calls (see call_guard.h); the limits are off
  // by default (renstrad sets them from its flags).
  CallGuardOptions guard;
  // How GetPlan and GetSubtree are answered (plan_service.h): from the per-version cache
  // by default.
  PlanReadOptions plan_reads;
  // The seed agency's data file (an AgencySeed in protobuf text format, e.g. the
  // embedded AgencySeedDocument()), set up at start unless its agency exists; empty =
  // none. `agency_seed_name` names it in errors and in the events' reason.
  std::string_view agency_seed;
  std::string_view agency_seed_name;
  // Password logins: the session lifetimes and the lockout (session_service.proto);
  // the clock of both (null = absl::Now; tests inject). Start() gives the Authenticator
  // a session table with these options.
  SessionTable::Options sessions;
  LoginThrottle::Options lockout;
  std::function<absl::Time()> session_clock;

  bool tls() const { return !tls_cert_chain_pem.empty() || !tls_private_key_pem.empty(); }
};

class RenstraServer {
 public:
  // Builds and starts the server. `app` is the default agency's plan (its plan id names
  // the agency, AgencyPlans); the other agencies' plans are built on first use.
  // UNAVAILABLE if the address cannot be bound.
  static absl::StatusOr<std::unique_ptr<RenstraServer>> Start(const ServerOptions& options,
                                                              PlanApp* app, EventStore* store);

  RenstraServer(const RenstraServer&) = delete;
  RenstraServer& operator=(const RenstraServer&) = delete;
  ~RenstraServer();

  // The port actually bound (the chosen one when the address asked for port 0).
  int port() const { return port_; }
  const Metrics& metrics() const { return metrics_; }
  // The listen address with the bound port, e.g. "127.0.0.1:40123".
  const std::string& address() const { return address_; }

  // Stops accepting calls, lets running calls finish until `grace` has passed, then
  // cancels the rest. Idempotent.
  void Shutdown(absl::Duration grace);
  // Blocks until the server has shut down.
  void Wait();

 private:
  RenstraServer(PlanApp* app, EventStore* store, const ServerOptions& options, MerkleLog* merkle);
  // Registers the sampled metrics (log size, fsync groups, projection lag, tree size).
  void AddSampledMetrics(PlanApp* app, EventStore* store, RocksDbEventStore* rocksdb);

  CallGuard guard_;
  // The agencies first: the plans (one desk per agency) are found through them.
  AgencyApp agency_app_;
  AgencyServiceImpl agency_service_;
  AgencyPlans plans_;
  PlanServiceImpl plan_service_;
  LogServiceImpl log_service_;
  WorkflowServiceImpl workflow_service_;
  std::unique_ptr<MerkleLog> own_merkle_;  // when the options bring none
  AuditServiceImpl audit_service_;
  Metrics metrics_;
  UserAdmin user_admin_;
  AdminApp admin_app_;
  AdminServiceImpl admin_service_;
  RealizationServiceImpl realization_service_;
  SessionApp session_app_;
  SessionServiceImpl session_service_;
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
  std::string address_;
};

// "HOST:PORT" with PORT replaced by `port` ("[::1]:0", 4000 → "[::1]:4000").
std::string WithPort(const std::string& listen_address, int port);

}  // namespace renstra

#endif  // RENSTRA_SERVICES_RENSTRA_SERVER_H_
