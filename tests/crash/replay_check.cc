#include "tests/crash/replay_check.h"

#include <chrono>
#include <filesystem>
#include <sstream>
#include <utility>

#include "absl/strings/str_cat.h"
#include "google/protobuf/util/json_util.h"
#include "renstra/v1/admin_service.grpc.pb.h"
#include "renstra/v1/audit_service.grpc.pb.h"
#include "renstra/v1/plan_service.grpc.pb.h"
#include "renstra/v1/realization_service.grpc.pb.h"
#include "renstra/v1/workflow_service.grpc.pb.h"
#include "tests/crash/workload.h"
#include "tests/e2e/process.h"

namespace renstra::crash {
namespace {

using renstra::testing::Daemon;

constexpr int kMaxAnswerBytes = 256 << 20;
constexpr auto kReadyTimeout = std::chrono::seconds(120);

std::string Json(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  options.preserve_proto_field_names = true;
  std::string out;
  (void)google::protobuf::util::MessageToJsonString(message, &out, options);
  return out;
}

// Where two JSON texts first differ: the first line that differs, from each.
std::string FirstDifference(const std::string& a, const std::string& b) {
  std::istringstream ia(a), ib(b);
  std::string la, lb;
  int line = 0;
  while (true) {
    const bool ha = static_cast<bool>(std::getline(ia, la));
    const bool hb = static_cast<bool>(std::getline(ib, lb));
    ++line;
    if (!ha && !hb) return "identical";
    if (!ha || !hb || la != lb) {
      return absl::StrCat("line ", line, ": running server \"", ha ? la : "<end>",
                          "\" vs replay \"", hb ? lb : "<end>", "\"");
    }
  }
}

}  // namespace

std::unique_ptr<grpc::ClientContext> ContextAs(const std::string& user) {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
  context->AddMetadata("authorization", "Bearer " + TokenOf(user));
  return context;
}

std::shared_ptr<grpc::Channel> Connect(const std::string& address) {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(kMaxAnswerBytes);
  return grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(), args);
}

std::vector<std::string> RenstradArgs(const std::string& renstrad, const std::string& users_file,
                                      const std::string& data_dir, const std::string& listen,
                                      bool replay) {
  std::vector<std::string> argv = {renstrad, "--listen=" + listen, "--data_dir=" + data_dir,
                                   "--users=" + users_file, "--log_level=warn"};
  if (replay) {
    argv.push_back("--empty");
    argv.push_back("--verify_tail=0");
  }
  return argv;
}

absl::StatusOr<Projections> ReadProjections(const std::shared_ptr<grpc::Channel>& channel) {
  Projections p;
  const std::string reader = "inspektorat";
  grpc::Status s = v1::PlanService::NewStub(channel)->GetPlan(ContextAs(reader).get(), {}, &p.plan);
  auto workflow = v1::WorkflowService::NewStub(channel);
  if (s.ok()) s = workflow->ListProposals(ContextAs(reader).get(), {}, &p.proposals);
  if (s.ok()) s = workflow->ListRevisions(ContextAs(reader).get(), {}, &p.revisions);
  if (s.ok()) {
    s = v1::RealizationService::NewStub(channel)->ListRealizations(ContextAs(reader).get(), {},
                                                                   &p.realizations);
  }
  if (s.ok()) {
    s = v1::AuditService::NewStub(channel)->GetSignedTreeHead(ContextAs(reader).get(), {}, &p.head);
  }
  if (!s.ok()) {
    return absl::InternalError(
        absl::StrCat("reading the projections: ", s.error_code(), " ", s.error_message()));
  }
  return p;
}

absl::StatusOr<std::vector<std::string>> CompareWithReplay(
    const ReplaySetup& setup, const std::shared_ptr<grpc::Channel>& live, uint64_t events) {
  std::vector<std::string> differences;
  // A consistent copy of the live log: an online backup, restored by renstrad itself
  // (which re-hashes the whole restored chain), served by a second renstrad.
  const std::string backups = setup.work_dir + "/backups";
  const std::string replay_dir = setup.work_dir + "/replay";
  std::error_code ec;
  std::filesystem::remove_all(replay_dir, ec);
  v1::CreateBackupRequest request;
  request.set_dir(backups);
  v1::Backup backup;
  grpc::Status s =
      v1::AdminService::NewStub(live)->CreateBackup(ContextAs("admin").get(), request, &backup);
  if (!s.ok()) return absl::InternalError("CreateBackup: " + s.error_message());
  if (backup.last_sequence() != events) {
    differences.push_back(
        absl::StrCat("the backup ends at event ", backup.last_sequence(), ", the log at ", events));
  }
  testing::CommandResult restored = testing::RunCommand(
      {setup.renstrad, "--restore_from=" + backups, absl::StrCat("--restore_backup=", backup.id()),
       "--data_dir=" + replay_dir});
  if (restored.exit_code != 0) {
    return absl::InternalError(absl::StrCat("restore of backup ", backup.id(), " failed (",
                                            restored.exit_code, "): ", restored.err));
  }
  std::string error;
  std::unique_ptr<Daemon> replay =
      Daemon::Start(RenstradArgs(setup.renstrad, setup.users_file, replay_dir, "127.0.0.1:0", true),
                    setup.work_dir + "/replay.log", kReadyTimeout, &error);
  if (replay == nullptr) {
    return absl::InternalError("the replay server did not start: " + error.substr(0, 4000));
  }
  // "renstrad listening on 127.0.0.1:PORT (...": the address is the 4th word.
  std::istringstream words(replay->ready_line());
  std::string word, replay_address;
  for (int i = 0; i < 4 && words >> word; ++i) replay_address = word;
  auto replay_channel = Connect(replay_address);
  absl::StatusOr<Projections> mine = ReadProjections(live);
  absl::StatusOr<Projections> theirs = ReadProjections(replay_channel);
  absl::Status read = absl::OkStatus();
  if (!mine.ok() || !theirs.ok()) {
    read = absl::InternalError(absl::StrCat("compare with replay: ", mine.status().ToString(),
                                            " / ", theirs.status().ToString()));
  } else {
    const std::pair<const char*,
                    std::pair<const google::protobuf::Message*, const google::protobuf::Message*>>
        views[] = {{"GetPlan", {&mine->plan, &theirs->plan}},
                   {"ListProposals", {&mine->proposals, &theirs->proposals}},
                   {"ListRealizations", {&mine->realizations, &theirs->realizations}},
                   {"ListRevisions", {&mine->revisions, &theirs->revisions}}};
    for (const auto& [name, pair] : views) {
      const std::string a = Json(*pair.first);
      const std::string b = Json(*pair.second);
      if (a != b) {
        differences.push_back(
            absl::StrCat(name, " differs from a fresh replay: ", FirstDifference(a, b)));
      }
    }
    if (mine->head.tree_size() != theirs->head.tree_size() ||
        mine->head.root_hash() != theirs->head.root_hash()) {
      differences.push_back(absl::StrCat("the Merkle tree of ", mine->head.tree_size(),
                                         " events differs from the replay's of ",
                                         theirs->head.tree_size()));
    }
  }
  // An idle connection holds a server's graceful shutdown until its grace period ends
  // (the client does not read the server's GOAWAY while it has no call): close it.
  replay_channel.reset();
  const int code = replay->Stop();
  if (code != 0) differences.push_back(absl::StrCat("the replay server exited with ", code));
  std::filesystem::remove_all(replay_dir, ec);
  if (!read.ok()) return read;
  return differences;
}

}  // namespace renstra::crash
