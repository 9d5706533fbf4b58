// renstrad: the Renstra server. Opens the event log (RocksDB) in --data_dir, checks
// the tail of its hash chain, replays the plan, imports the embedded seed plan into an
// empty store (unless --empty), and serves PlanService, LogService, WorkflowService,
// health and reflection over gRPC on --listen until SIGINT or SIGTERM.
//
// --users=FILE authenticates every call by bearer token (see docs/operations.md);
// --tls_cert=FILE --tls_key=FILE (PEM, both or neither) serve TLS instead of plaintext.
//
// Prints one line to stdout once it serves (scripts and tests parse it):
//   renstrad listening on HOST:PORT (data DIR, plan version N, M events)
// Logs go to stderr. Exit status: 0 after a clean shutdown; 2 when it cannot start
// (damaged or unreadable log, address in use, ...), with the reason on stderr.
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <system_error>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "services/agency_seed_data.h"
#include "services/plan_app.h"
#include "services/renstra_server.h"
#include "services/seed_data.h"
#include "services/snapshotter.h"
#include "spdlog/sinks/stdout_color_sinks.h"
#include "spdlog/spdlog.h"
#include "storage/envelope_hash.h"
#include "storage/rocksdb_backup.h"
#include "storage/rocksdb_event_store.h"

ABSL_FLAG(std::string, listen, "127.0.0.1:50051",
          "Address to serve gRPC on, HOST:PORT (port 0 picks a free port)");
ABSL_FLAG(std::string, data_dir, "./var/renstra",
          "Directory of the event log (created if missing)");
ABSL_FLAG(bool, empty, false,
          "Start without importing the default (seed) plan into an empty store nor setting up "
          "the seed agency (its units and default responsibility)");
ABSL_FLAG(uint64_t, verify_tail, 1000,
          "Number of most recent events whose hash chain is checked at start (0: none)");
ABSL_FLAG(std::string, users, "",
          "Users file (protobuf text UsersConfig, see deploy/users.demo.textproto); without "
          "it every caller is anonymous and the workflow's writes are refused");
ABSL_FLAG(std::string, tls_cert, "",
          "Server certificate chain, PEM (with --tls_key; see deploy/make-tls.sh); without "
          "both the server speaks plaintext");
ABSL_FLAG(std::string, tls_key, "", "Private key of --tls_cert, PEM");
ABSL_FLAG(std::string, tree_key, "",
          "Ed25519 key (PEM) that signs the log's Merkle tree heads; made at first start. "
          "Default: DATA_DIR/tree-head-key.pem");
ABSL_FLAG(std::string, backup_dir, "",
          "Directory for online backups (renstra admin backup) when the request names none");
ABSL_FLAG(std::string, restore_from, "",
          "Restore the newest backup (or --restore_backup) of this backup directory into "
          "--data_dir, which must be missing or empty, and exit without serving");
ABSL_FLAG(uint32_t, restore_backup, 0, "With --restore_from: the backup number (0: newest)");
ABSL_FLAG(int32_t, grpc_max_pollers, 16,
          "Idle gRPC polling threads kept for the next calls (gRPC's own default is 2)");
ABSL_FLAG(bool, plan_read_cache, true,
          "Answer GetPlan and GetSubtree from a cache of each agency's answers, built once per "
          "plan version (false: build and serialize every answer)");
ABSL_FLAG(bool, bench_frozen_plan_reads, false,
          "For benchmarks only: GetPlan answers every call with the plan its first call read, "
          "even after the plan changed (the baseline of renstra_query_bench)");
ABSL_FLAG(std::string, snapshot_dir, "",
          "Directory of the snapshots of the read models and the Merkle tree, so that a "
          "restart replays only the events after the newest one. Default: DATA_DIR/snapshots");
ABSL_FLAG(uint64_t, snapshot_every, 100000,
          "Write a snapshot in the background every this many events, and one at a clean "
          "shutdown (0: write none; an existing snapshot is still used at start)");
ABSL_FLAG(std::string, accept_log_loss, "",
          "After renstrad refused a log shorter than what it had acknowledged: serve it anyway, "
          "provided it ends exactly at this sequence (the one the refusal named). Recorded as "
          "a LogLossAccepted event; see docs/operations.md");
ABSL_FLAG(std::string, log_level, "info",
          "Least severe log level written: trace, debug, info, warn, error, critical, off");
ABSL_FLAG(double, anonymous_calls_per_second, 20,
          "Calls without valid credentials accepted per second from one peer host; beyond "
          "(after --anonymous_burst at once) RESOURCE_EXHAUSTED (0: no limit)");
ABSL_FLAG(double, anonymous_burst, 40,
          "Calls without valid credentials one peer host may make at once");
ABSL_FLAG(double, user_calls_per_second, 1000,
          "Calls accepted per second from one authenticated user (in open mode: one peer "
          "host); beyond (after --user_burst at once) RESOURCE_EXHAUSTED (0: no limit)");
ABSL_FLAG(double, user_burst, 2000, "Calls one user may make at once");
ABSL_FLAG(uint32_t, refusals_recorded_per_window, 10,
          "Refused calls of one (peer host, user, method, code) recorded one by one on "
          "\"audit/denied\" per --refusal_window; the rest are counted into one "
          "AccessDeniedSummary event per window");
ABSL_FLAG(absl::Duration, refusal_window, absl::Minutes(1),
          "The window of --refusals_recorded_per_window, e.g. 60s, 5m");

namespace renstra {
namespace {

constexpr int kExitCannotStart = 2;
constexpr absl::Duration kShutdownGrace = absl::Seconds(5);

int Refuse(const std::string& message) {
  std::cerr << "renstrad: " << message << std::endl;
  return kExitCannotStart;
}

// The whole of a (small) file, or why it cannot be read.
absl::StatusOr<std::string> ReadFile(const std::string& path, const char* what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::InvalidArgumentError(absl::StrCat(what, " ", path, ": cannot read"));
  std::ostringstream text;
  text << in.rdbuf();
  if (text.str().empty()) {
    return absl::InvalidArgumentError(absl::StrCat(what, " ", path, ": empty"));
  }
  return text.str();
}

// Whether clients reach `listen` only from this machine.
bool IsLoopback(const std::string& listen) {
  return absl::StartsWith(listen, "127.") || absl::StartsWith(listen, "localhost:") ||
         absl::StartsWith(listen, "[::1]:");
}

struct Flags {
  std::string listen;
  std::string data_dir;
  bool empty = false;
  uint64_t verify_tail = 0;
  std::string users;
  std::string tls_cert;
  std::string tls_key;
  std::string tree_key;
  std::string backup_dir;
  int max_pollers = 16;
  PlanReadOptions plan_reads;
  std::string snapshot_dir;
  uint64_t snapshot_every = 0;
  std::optional<uint64_t> accept_log_loss;
  CallGuardOptions guard;
};

constexpr char kLogStream[] = "audit/log";

// Records what --accept_log_loss accepted as the first event after the accepted head.
absl::Status RecordAcceptedLoss(EventStore* store, const AcceptedLoss& loss) {
  v1::LogLossAccepted event;
  event.set_acknowledged_sequence(loss.acknowledged.sequence);
  event.set_acknowledged_hash(loss.acknowledged.hash);
  event.set_head_sequence(loss.head.sequence);
  event.set_kept_wal(loss.kept_wal);
  AppendRequest request;
  request.stream = kLogStream;
  request.expected_version = kAnyVersion;
  NewEvent& e = request.events.emplace_back();
  e.event_type = v1::LogLossAccepted::descriptor()->full_name();
  event.SerializeToString(&e.payload);
  request.meta = CommandMeta{"renstrad", "", "--accept_log_loss", ""};
  absl::StatusOr<AppendResult> appended = store->Append(request);
  return appended.ok() ? absl::OkStatus() : appended.status();
}

// Warns when a file holding secrets (token hashes, the signing key) may be read or
// changed by others than the server. Reading through the group is accepted for a file
// the server does not own: deploy/ installs the users file root:renstra 0640.
void WarnIfExposed(const std::string& path, const char* what) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return;
  mode_t exposed = st.st_mode & (S_IRWXG | S_IRWXO);
  if (st.st_uid != ::geteuid()) exposed &= ~S_IRGRP;
  if (exposed == 0) return;
  spdlog::warn(
      "{} {} is readable or writable by group or others (mode {:04o}): chmod 0600 it "
      "(or 0640 owned by root with the server's group, see docs/operations.md)",
      what, path, st.st_mode & 07777);
}

// The rate limits and the record of refusals, or why the flags are unusable.
absl::StatusOr<CallGuardOptions> GuardOptionsOf(double anonymous_rate, double anonymous_burst,
                                                double user_rate, double user_burst,
                                                uint32_t recorded, absl::Duration window) {
  if (anonymous_rate < 0 || user_rate < 0) {
    return absl::InvalidArgumentError(
        "--anonymous_calls_per_second and --user_calls_per_second: must be 0 (no limit) or more");
  }
  if ((anonymous_rate > 0 && anonymous_burst < 1) || (user_rate > 0 && user_burst < 1)) {
    return absl::InvalidArgumentError("--anonymous_burst and --user_burst: must be at least 1");
  }
  if (window <= absl::ZeroDuration()) {
    return absl::InvalidArgumentError("--refusal_window: must be positive, e.g. 60s");
  }
  CallGuardOptions options;
  options.per_peer.per_second = anonymous_rate;
  options.per_peer.burst = anonymous_burst;
  options.per_principal.per_second = user_rate;
  options.per_principal.burst = user_burst;
  options.refusals.recorded_per_window = recorded;
  options.refusals.window = window;
  return options;
}

// --restore_from: restores a backup into an empty data directory and exits.
int Restore(const std::string& backup_dir, uint32_t backup, const std::string& data_dir) {
  absl::StatusOr<BackupInfo> restored = backup == 0
                                            ? RocksDbBackup::RestoreLatest(backup_dir, data_dir)
                                            : RocksDbBackup::Restore(backup_dir, backup, data_dir);
  if (!restored.ok()) return Refuse(absl::StrCat("cannot restore: ", restored.status().ToString()));
  std::cout << "restored backup " << restored->id << " of " << backup_dir << " into " << data_dir
            << ": " << restored->last_sequence << " events, head " << ToHex(restored->head_hash)
            << " (verified)" << std::endl;
  return 0;
}

// The users file and the TLS material into `options`, or the reason they are unusable.
// Read before the log is opened, so a typo fails fast.
absl::Status LoadAccess(const Flags& flags, std::optional<Authenticator>* authenticator,
                        ServerOptions* options) {
  if (flags.tls_cert.empty() != flags.tls_key.empty()) {
    return absl::InvalidArgumentError("--tls_cert and --tls_key go together: give both or neither");
  }
  if (!flags.users.empty()) {
    absl::StatusOr<Authenticator> loaded = Authenticator::Load(flags.users);
    if (!loaded.ok()) return loaded.status();
    *authenticator = *std::move(loaded);
    spdlog::info("{} users from {}", (*authenticator)->user_count(), flags.users);
    WarnIfExposed(flags.users, "the users file");
  } else {
    spdlog::warn("no --users file: every caller is anonymous; workflow commands are refused");
  }
  options->authenticator = authenticator->has_value() ? &**authenticator : nullptr;
  if (!flags.tls_cert.empty()) {
    absl::StatusOr<std::string> cert = ReadFile(flags.tls_cert, "--tls_cert");
    if (!cert.ok()) return cert.status();
    absl::StatusOr<std::string> key = ReadFile(flags.tls_key, "--tls_key");
    if (!key.ok()) return key.status();
    options->tls_cert_chain_pem = *std::move(cert);
    options->tls_private_key_pem = *std::move(key);
    spdlog::info("TLS with the certificate {}", flags.tls_cert);
  } else if (authenticator->has_value() && !IsLoopback(flags.listen)) {
    spdlog::warn(
        "serving {} without TLS: bearer tokens cross the network in the clear; give "
        "--tls_cert and --tls_key (deploy/make-tls.sh makes them)",
        flags.listen);
  }
  return absl::OkStatus();
}

int Run(const Flags& flags) {
  const std::string& data_dir = flags.data_dir;
  ServerOptions server_options;
  server_options.listen_address = flags.listen;
  if (flags.max_pollers < 1) return Refuse("--grpc_max_pollers: must be at least 1");
  server_options.max_pollers = flags.max_pollers;
  server_options.plan_reads = flags.plan_reads;
  if (flags.plan_reads.bench_frozen_plan) {
    spdlog::warn(
        "--bench_frozen_plan_reads: GetPlan answers the plan of its first call, "
        "whatever changes later (a benchmark's baseline, not for use)");
  }
  std::optional<Authenticator> authenticator;
  if (absl::Status s = LoadAccess(flags, &authenticator, &server_options); !s.ok()) {
    return Refuse(std::string(s.message()));
  }

  // Block the shutdown signals before any thread starts (RocksDB, gRPC): every thread
  // inherits the mask, and the main thread takes them synchronously with sigwait().
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  std::error_code ec;
  std::filesystem::create_directories(data_dir, ec);
  if (ec)
    return Refuse(absl::StrCat("cannot create the data directory ", data_dir, ": ", ec.message()));

  RocksDbEventStore::Options store_options;
  store_options.verify_tail = flags.verify_tail;
  store_options.accept_log_loss = flags.accept_log_loss;
  absl::StatusOr<std::unique_ptr<RocksDbEventStore>> store =
      RocksDbEventStore::Open(data_dir, store_options);
  if (!store.ok()) {
    if (store.status().code() == absl::StatusCode::kDataLoss) {
      return Refuse(absl::StrCat("refusing to serve: the event log in ", data_dir,
                                 " is damaged: ", store.status().message()));
    }
    return Refuse(
        absl::StrCat("cannot open the event log in ", data_dir, ": ", store.status().ToString()));
  }
  if (!(*store)->recovery_note().empty()) spdlog::warn("event log: {}", (*store)->recovery_note());
  if (const std::optional<AcceptedLoss>& loss = (*store)->accepted_loss(); loss.has_value()) {
    spdlog::error(
        "event log: ACCEPTING THE LOSS of acknowledged events as asked (--accept_log_loss={}): "
        "events up to {} (hash {}) had been acknowledged, the log now ends at event {}{}; tree "
        "heads signed for more than {} events no longer extend to this log",
        loss->head.sequence, loss->acknowledged.sequence, ToHex(loss->acknowledged.hash),
        loss->head.sequence,
        loss->kept_wal.empty()
            ? std::string()
            : absl::StrCat("; the write-ahead log as found is kept in ", loss->kept_wal),
        loss->head.sequence);
    if (absl::Status s = RecordAcceptedLoss(store->get(), *loss); !s.ok()) {
      return Refuse(absl::StrCat("cannot record the accepted loss: ", s.ToString()));
    }
  } else if (flags.accept_log_loss.has_value()) {
    spdlog::warn("--accept_log_loss={}: no acknowledged event was missing; nothing accepted",
                 *flags.accept_log_loss);
  }

  // The default agency, whose plan a request naming no agency reads and writes: the
  // agency of the seed data file (the plan of a server started before agencies).
  absl::StatusOr<std::string> default_agency =
      AgencyApp::SeedAgencyCode(AgencySeedDocument(), kAgencySeedSourceName);
  if (!default_agency.ok()) return Refuse(default_agency.status().ToString());
  const std::string plan_id = AgencyPlans::PlanIdOf(*default_agency);
  PlanApp app(store->get(), plan_id);
  const absl::Time replay_start = absl::Now();
  const std::string snapshot_dir =
      flags.snapshot_dir.empty() ? data_dir + "/snapshots" : flags.snapshot_dir;
  absl::StatusOr<SnapshotRecovery> recovered =
      Snapshotter::Recover(store->get(), app.projector(), snapshot_dir);
  if (!recovered.ok()) {
    return Refuse(absl::StrCat("refusing to serve: cannot replay the plan from the event log in ",
                               data_dir, ": ", recovered.status().ToString()));
  }
  spdlog::info("replayed {} (default agency {}) to version {} in {} ({})", plan_id, *default_agency,
               app.version(), absl::FormatDuration(absl::Now() - replay_start),
               recovered->path.empty()
                   ? std::string("from event 1, no snapshot")
                   : absl::StrCat("snapshot of events 1..", recovered->sequence, " and ",
                                  recovered->tail_events, " events after it"));
  if (!flags.empty) {
    const absl::Time import_start = absl::Now();
    absl::StatusOr<bool> imported = app.ImportSeedIfEmpty(SeedDocument(), kSeedSourceName);
    if (!imported.ok()) {
      return Refuse(absl::StrCat("cannot import the seed plan ", std::string(kSeedSourceName), ": ",
                                 imported.status().ToString()));
    }
    if (*imported) {
      spdlog::info("imported the seed plan {} (version {}) in {}", kSeedSourceName, app.version(),
                   absl::FormatDuration(absl::Now() - import_start));
    }
  }

  const std::string tree_key =
      flags.tree_key.empty() ? data_dir + "/tree-head-key.pem" : flags.tree_key;
  const absl::Time hash_start = absl::Now();
  const bool tree_restored = recovered->tree.has_value();
  absl::StatusOr<std::unique_ptr<MerkleLog>> merkle =
      MerkleLog::Open(store->get(), tree_key, std::move(recovered->tree));
  if (!merkle.ok()) {
    return Refuse(absl::StrCat("cannot build the Merkle tree with the key ", tree_key, ": ",
                               merkle.status().ToString()));
  }
  spdlog::info("{} {} events into the Merkle tree in {} (key {})",
               tree_restored ? "restored from the snapshot and hashed up to" : "hashed",
               (*merkle)->size(), absl::FormatDuration(absl::Now() - hash_start),
               (*merkle)->key_id());
  WarnIfExposed(tree_key, "the tree-head key");
  server_options.merkle = merkle->get();
  server_options.rocksdb = store->get();
  server_options.backup_dir = flags.backup_dir;
  server_options.guard = flags.guard;
  if (!flags.empty) {
    // The seed agency (its units and default responsibility), unless it exists.
    server_options.agency_seed = AgencySeedDocument();
    server_options.agency_seed_name = kAgencySeedSourceName;
  }

  absl::StatusOr<std::unique_ptr<RenstraServer>> server =
      RenstraServer::Start(server_options, &app, store->get());
  if (!server.ok()) return Refuse(std::string(server.status().message()));

  Snapshotter::Options snapshot_options;
  snapshot_options.dir = snapshot_dir;
  snapshot_options.every = flags.snapshot_every;
  Snapshotter snapshotter(store->get(), app.projector(), merkle->get(), snapshot_options);
  snapshotter.Start();

  std::cout << "renstrad listening on " << (*server)->address() << " (data " << data_dir
            << ", plan version " << app.version() << ", " << (*store)->Head().sequence << " events)"
            << std::endl;

  int signal_number = 0;
  while (sigwait(&stop_signals, &signal_number) != 0) {
  }
  spdlog::info("received {}, shutting down (grace {})", strsignal(signal_number),
               absl::FormatDuration(kShutdownGrace));
  (*server)->Shutdown(kShutdownGrace);
  (*server)->Wait();
  server->reset();
  snapshotter.Stop(/*final_snapshot=*/true);
  spdlog::info("stopped");
  return 0;
}

}  // namespace
}  // namespace renstra

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "The Renstra server.\n"
      "Usage: renstrad [--listen=HOST:PORT] [--data_dir=DIR] [--empty] [--verify_tail=N]\n"
      "                [--users=FILE] [--tls_cert=FILE --tls_key=FILE] [--tree_key=FILE]\n"
      "                [--log_level=info] [--backup_dir=DIR] [--snapshot_dir=DIR]\n"
      "                [--snapshot_every=N] [--grpc_max_pollers=N] [--flagfile=FILE]\n"
      "                [--plan_read_cache=false]\n"
      "                [--accept_log_loss=SEQUENCE]\n"
      "                [--anonymous_calls_per_second=R --anonymous_burst=B]\n"
      "                [--user_calls_per_second=R --user_burst=B]\n"
      "                [--refusals_recorded_per_window=N --refusal_window=D]\n"
      "       renstrad --restore_from=BACKUP_DIR [--restore_backup=N] --data_dir=DIR");
  absl::ParseCommandLine(argc, argv);
#ifdef NDEBUG
  // Abseil's deadlock detection (on in Debian's build of Abseil) records a lock graph on
  // every Mutex acquisition: 6% of a loaded server's CPU. Debug builds (the tests) keep it.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
#endif
  auto logger = spdlog::stderr_color_mt("renstrad");
  spdlog::set_default_logger(logger);
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %^%l%$ %v");
  const spdlog::level::level_enum level = spdlog::level::from_str(absl::GetFlag(FLAGS_log_level));
  if (level == spdlog::level::off && absl::GetFlag(FLAGS_log_level) != "off") {
    std::cerr << "renstrad: --log_level: \"" << absl::GetFlag(FLAGS_log_level)
              << "\" is not a level (trace, debug, info, warn, error, critical, off)" << std::endl;
    return 2;
  }
  spdlog::set_level(level);
  renstra::Flags flags;
  flags.listen = absl::GetFlag(FLAGS_listen);
  flags.data_dir = absl::GetFlag(FLAGS_data_dir);
  flags.empty = absl::GetFlag(FLAGS_empty);
  flags.verify_tail = absl::GetFlag(FLAGS_verify_tail);
  flags.users = absl::GetFlag(FLAGS_users);
  flags.tls_cert = absl::GetFlag(FLAGS_tls_cert);
  flags.tls_key = absl::GetFlag(FLAGS_tls_key);
  flags.max_pollers = absl::GetFlag(FLAGS_grpc_max_pollers);
  flags.plan_reads.cache = absl::GetFlag(FLAGS_plan_read_cache);
  flags.plan_reads.bench_frozen_plan = absl::GetFlag(FLAGS_bench_frozen_plan_reads);
  flags.tree_key = absl::GetFlag(FLAGS_tree_key);
  flags.backup_dir = absl::GetFlag(FLAGS_backup_dir);
  flags.snapshot_dir = absl::GetFlag(FLAGS_snapshot_dir);
  flags.snapshot_every = absl::GetFlag(FLAGS_snapshot_every);
  if (const std::string accept = absl::GetFlag(FLAGS_accept_log_loss); !accept.empty()) {
    uint64_t sequence = 0;
    if (!absl::SimpleAtoi(accept, &sequence)) {
      std::cerr << "renstrad: --accept_log_loss: \"" << accept
                << "\" is not a sequence number (the head the refusal named)" << std::endl;
      return 2;
    }
    flags.accept_log_loss = sequence;
  }
  absl::StatusOr<renstra::CallGuardOptions> guard = renstra::GuardOptionsOf(
      absl::GetFlag(FLAGS_anonymous_calls_per_second), absl::GetFlag(FLAGS_anonymous_burst),
      absl::GetFlag(FLAGS_user_calls_per_second), absl::GetFlag(FLAGS_user_burst),
      absl::GetFlag(FLAGS_refusals_recorded_per_window), absl::GetFlag(FLAGS_refusal_window));
  if (!guard.ok()) {
    std::cerr << "renstrad: " << guard.status().message() << std::endl;
    return 2;
  }
  flags.guard = *std::move(guard);
  if (!absl::GetFlag(FLAGS_restore_from).empty()) {
    return renstra::Restore(absl::GetFlag(FLAGS_restore_from), absl::GetFlag(FLAGS_restore_backup),
                            flags.data_dir);
  }
  return renstra::Run(flags);
}
