#include "tests/crash/crash_harness.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/protobuf/text_format.h"
#include "renstra/v1/audit_service.grpc.pb.h"
#include "renstra/v1/plan_service.grpc.pb.h"
#include "renstra/v1/realization_service.grpc.pb.h"
#include "renstra/v1/workflow_service.grpc.pb.h"
#include "tests/crash/log_checker.h"
#include "tests/crash/replay_check.h"
#include "tests/crash/workload.h"
#include "tests/e2e/process.h"

namespace renstra::crash {
namespace {

using Clock = std::chrono::steady_clock;
using renstra::testing::Daemon;

constexpr auto kReadyTimeout = std::chrono::seconds(120);
constexpr char kRealizationStream[] = "realization/dinsos-dumai";
constexpr char kPlanStream[] = "plan/dinsos-dumai";
constexpr char kSeedRequestId[] = "renstrad-seed-import";

// A port below the kernel's ephemeral range (so no port-0 bind elsewhere on the machine
// takes it while the server is down) that is free now.
int PickPort(std::mt19937& random) {
  for (int attempt = 0; attempt < 200; ++attempt) {
    const int port = 20000 + static_cast<int>(random() % 12000);
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) continue;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool free = bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0;
    close(fd);
    if (free) return port;
  }
  return 0;
}

std::string ExpectedEventType(CommandKind kind) {
  switch (kind) {
    case CommandKind::kRecordSpending:
      return "renstra.v1.SpendingRecorded";
    case CommandKind::kCorrectSpending:
      return "renstra.v1.RealizationCorrected";
    case CommandKind::kPropose:
      return "renstra.v1.ProposalDrafted";
    case CommandKind::kReview:
      return "renstra.v1.ProposalReviewed";
    case CommandKind::kOpenRevision:
      return "renstra.v1.RevisionOpened";
    case CommandKind::kRatify:
      return "renstra.v1.RevisionRatified";  // then its changes and their consequences
  }
  return "";
}

// How many times the command is in the log: its first event (ExpectedEventType) counted.
// Not all its events: a ratification appends its change and as many consequences
// (domain/consequences.h) as the plan around the node gives.
size_t TimesLogged(const std::vector<LoggedEvent>& events, CommandKind kind) {
  const std::string head = ExpectedEventType(kind);
  return static_cast<size_t>(std::count_if(
      events.begin(), events.end(), [&](const LoggedEvent& e) { return e.event_type == head; }));
}

// The stream the command appends to.
std::string ExpectedStream(const CommandRecord& r) {
  switch (r.kind) {
    case CommandKind::kRecordSpending:
    case CommandKind::kCorrectSpending:
      return kRealizationStream;
    case CommandKind::kPropose:
    case CommandKind::kReview:
      return "proposal/" + r.proposal_id;
    case CommandKind::kOpenRevision:
    case CommandKind::kRatify:
      return kPlanStream;
  }
  return "";
}

class Harness {
 public:
  explicit Harness(CrashOptions options) : options_(std::move(options)) {}

  CrashSummary Run();

 private:
  void Fail(const std::string& what) {
    const std::string line = absl::StrCat("cycle ", cycle_, ": ", what);
    if (options_.progress != nullptr) *options_.progress << "FAILED " << line << std::endl;
    summary_.failures.push_back(line);
  }
  // A failure reported once per key (a lost command stays lost in later cycles).
  void FailOnce(const std::string& key, const std::string& what) {
    if (reported_.insert(key).second) Fail(what);
  }
  void Progress(const std::string& line) {
    if (options_.progress != nullptr) *options_.progress << line << std::endl;
  }

  // renstrad's command line for the server under test.
  std::vector<std::string> ServerArgs() const {
    return RenstradArgs(options_.renstrad, users_file_, data_dir_, address_);
  }
  // Starts the server (killing some starts while they recover); false on failure.
  bool StartServer(bool first);
  void Verify(bool final);
  void CheckRecords(const std::vector<CommandRecord>& records);
  void CheckAnswersHeld(const std::vector<CommandRecord>& records);
  void CompareWithReplay();
  void Summarize(const std::vector<CommandRecord>& records);

  const CrashOptions options_;
  CrashSummary summary_;
  std::mt19937 random_;
  std::string work_dir_;
  std::string data_dir_;
  std::string users_file_;
  std::string address_;
  std::unique_ptr<Daemon> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::optional<LogChecker> checker_;
  std::unique_ptr<Workload> workload_;
  int cycle_ = 0;
  int generation_ = 0;
  // Events in the log when each generation of the server became ready.
  std::vector<uint64_t> events_at_start_;
  std::set<std::string> reported_;
};

bool Harness::StartServer(bool first) {
  const std::string log = work_dir_ + "/renstrad.log";
  std::string error;
  // Kills while it starts: of the first start (seed import), and of every Nth restart.
  int kills = 0;
  if (first) {
    kills = options_.first_start_kills;
  } else if (options_.recovery_kill_every > 0 && cycle_ % options_.recovery_kill_every == 0) {
    kills = 1;
  }
  for (int k = 0; k < kills; ++k) {
    std::unique_ptr<Daemon> d = Daemon::Spawn(ServerArgs(), log, &error);
    if (d == nullptr) {
      Fail("cannot start renstrad: " + error);
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(random_() % 400));
    d->Kill();
    ++(first ? summary_.first_start_kills : summary_.recovery_kills);
  }
  server_ = Daemon::Start(ServerArgs(), log, kReadyTimeout, &error);
  if (server_ == nullptr) {
    Fail("renstrad did not come back: " + error.substr(0, 4000));
    return false;
  }
  // "renstrad listening on HOST:PORT (data DIR, plan version N, M events)"
  const std::string& line = server_->ready_line();
  const size_t comma = line.rfind(", ");
  uint64_t events = 0;
  if (comma == std::string::npos ||
      !absl::SimpleAtoi(line.substr(comma + 2, line.find(' ', comma + 2) - comma - 2), &events)) {
    Fail("unexpected ready line: " + line);
  }
  events_at_start_.push_back(events);
  // A new connection: the old one may not have noticed yet that its server died.
  channel_ = Connect(address_);
  return true;
}

CrashSummary Harness::Run() {
  const auto started = Clock::now();
  summary_.seed = options_.seed != 0
                      ? options_.seed
                      : static_cast<uint32_t>(std::chrono::system_clock::now().time_since_epoch() /
                                              std::chrono::microseconds(1));
  random_.seed(summary_.seed);
  Progress(absl::StrCat("crash test: seed ", summary_.seed, ", ", options_.cycles, " cycles, ",
                        options_.clients, " clients, kill after ", options_.min_delay_ms, "-",
                        options_.max_delay_ms, " ms"));

  if (options_.work_dir.empty()) {
    const char* tmp = getenv("TMPDIR");
    std::string pattern = std::string(tmp != nullptr ? tmp : "/tmp") + "/renstra_crash.XXXXXX";
    if (mkdtemp(pattern.data()) == nullptr) {
      Fail("cannot make a work directory");
      return summary_;
    }
    work_dir_ = pattern;
  } else {
    work_dir_ = options_.work_dir;
    std::filesystem::create_directories(work_dir_);
  }
  data_dir_ = work_dir_ + "/data";
  users_file_ = work_dir_ + "/users.textproto";
  {
    std::string text;
    google::protobuf::TextFormat::PrintToString(WorkloadUsersConfig(), &text);
    std::ofstream(users_file_) << text;
  }
  const int port = PickPort(random_);
  if (port == 0) {
    Fail("no free port");
    return summary_;
  }
  address_ = absl::StrCat("127.0.0.1:", port);

  // The first start imports the seed; it is killed a few times first.
  if (!StartServer(/*first=*/true)) return summary_;
  v1::PublicKey pinned;
  grpc::Status s = v1::AuditService::NewStub(channel_)->GetPublicKey(ContextAs("inspektorat").get(),
                                                                     {}, &pinned);
  if (!s.ok()) {
    Fail("GetPublicKey: " + s.error_message());
    return summary_;
  }
  absl::StatusOr<LogChecker> checker = LogChecker::Create(pinned.pem());
  if (!checker.ok()) {
    Fail(std::string(checker.status().message()));
    return summary_;
  }
  checker_.emplace(*std::move(checker));
  Verify(/*final=*/false);
  // The seed import is one append: events 1..N carry its request id, and nothing else.
  const std::vector<LoggedEvent>& seed = checker_->EventsOf(kSeedRequestId);
  if (seed.empty() || seed.front().sequence != 1 || seed.back().sequence != seed.size()) {
    Fail(absl::StrCat("the seed import is not one append from event 1 (", seed.size(),
                      " events carry its request id)"));
  }

  v1::GetPlanResponse plan;
  s = v1::PlanService::NewStub(channel_)->GetPlan(ContextAs("inspektorat").get(), {}, &plan);
  if (!s.ok()) {
    Fail("GetPlan: " + s.error_message());
    return summary_;
  }
  WorkloadOptions workload_options;
  workload_options.address = address_;
  workload_options.clients = options_.clients;
  workload_options.seed = summary_.seed;
  workload_ = std::make_unique<Workload>(workload_options, plan.plan());
  workload_->Start();

  for (cycle_ = 1; cycle_ <= options_.cycles; ++cycle_) {
    const int span = std::max(0, options_.max_delay_ms - options_.min_delay_ms);
    std::this_thread::sleep_for(std::chrono::milliseconds(
        options_.min_delay_ms + static_cast<int>(random_() % static_cast<uint32_t>(span + 1))));
    const int code = server_->Kill();
    if (code != 128 + SIGKILL) Fail(absl::StrCat("renstrad had exited before the kill: ", code));
    ++summary_.kills;
    workload_->Pause();
    const auto restart = Clock::now();
    if (!StartServer(/*first=*/false)) break;
    workload_->set_generation(++generation_);
    const auto check = Clock::now();
    Verify(/*final=*/false);
    const auto checked = Clock::now();
    const std::vector<CommandRecord> records = workload_->Records();
    int64_t acked = 0;
    int64_t doubt = 0;
    for (const CommandRecord& r : records) {
      acked += r.acknowledged;
      doubt += r.doubt_generation >= 0;
    }
    auto ms = [](Clock::duration d) {
      return std::chrono::duration_cast<std::chrono::milliseconds>(d).count();
    };
    Progress(absl::StrCat("cycle ", cycle_, "/", options_.cycles, ": ", checker_->size(),
                          " events, ", acked, " acknowledged, ", doubt, " in doubt so far, ",
                          summary_.failures.size(), " failures (restart ", ms(check - restart),
                          " ms, checks ", ms(checked - check), " ms)"));
    workload_->Resume();
  }

  // Let every client finish the command it holds (retrying those in doubt), then check
  // the running server's incrementally built projections against a replay.
  if (server_ != nullptr) {
    workload_->Drain();
    cycle_ = options_.cycles + 1;
    Verify(/*final=*/true);
  }
  const std::vector<CommandRecord> records =
      workload_ != nullptr ? workload_->Records() : std::vector<CommandRecord>();
  workload_.reset();
  channel_.reset();
  if (server_ != nullptr) {
    const int code = server_->Stop();
    if (code != 0) Fail(absl::StrCat("renstrad exited with ", code, " after SIGTERM"));
  }
  Summarize(records);
  summary_.cycles = std::min(cycle_ - 1, options_.cycles);
  summary_.events = checker_.has_value() ? checker_->size() : 0;
  summary_.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  if (summary_.ok() && !options_.keep_work_dir) {
    std::error_code ec;
    std::filesystem::remove_all(work_dir_, ec);
  } else {
    Progress("work directory kept: " + work_dir_);
  }
  return summary_;
}

void Harness::Verify(bool final) {
  if (absl::Status s = checker_->Check(channel_, TokenOf("inspektorat")); !s.ok()) {
    Fail(absl::StrCat("log check: ", s.message()));
    return;
  }
  if (workload_ != nullptr) {
    const std::vector<CommandRecord> records = workload_->Records();
    CheckRecords(records);
    CheckAnswersHeld(records);
  }
  if (final || (options_.replay_every > 0 && cycle_ % options_.replay_every == 0)) {
    CompareWithReplay();
  }
}

void Harness::CheckRecords(const std::vector<CommandRecord>& records) {
  for (const CommandRecord& r : records) {
    const std::vector<LoggedEvent>& events = checker_->EventsOf(r.request_id);
    const std::string name = absl::StrCat(KindName(r.kind), " ", r.request_id);
    if (!r.refusal.empty()) FailOnce(r.request_id + "/refused", name + " refused: " + r.refusal);
    if (!r.bad_answer.empty()) FailOnce(r.request_id + "/answer", name + ": " + r.bad_answer);
    if (TimesLogged(events, r.kind) > 1) {
      FailOnce(r.request_id + "/dup",
               absl::StrCat(name, " is in the log ", TimesLogged(events, r.kind),
                            " times (first at event ", events.front().sequence, ")"));
    }
    if (!r.expected_refusal.empty() && !events.empty()) {
      FailOnce(r.request_id + "/refused-but-logged",
               absl::StrCat(name, " was refused (", r.expected_refusal, ") but is in the log"));
    }
    if (!r.acknowledged) continue;
    if (events.empty()) {
      FailOnce(r.request_id + "/lost", absl::StrCat(name, " was acknowledged (generation ",
                                                    r.ack_generation, ") but is not in the log"));
      continue;
    }
    const std::string stream = ExpectedStream(r);
    const LoggedEvent& e = events.front();
    // A ratification of one single-change proposal: the RevisionRatified, the change and
    // its consequences; any other command: one event.
    const bool ratify = r.kind == CommandKind::kRatify;
    bool one_append = ratify ? events.size() >= 2 : events.size() == 1;
    for (size_t k = 0; k < events.size(); ++k) {
      one_append = one_append && events[k].sequence == e.sequence + k && events[k].stream == stream;
    }
    if (!one_append) {
      FailOnce(
          r.request_id + "/count",
          absl::StrCat(name, ": ", events.size(), " events from ", e.sequence, " on ", e.stream,
                       "; expected one append of ",
                       ratify ? "a ratification with its changes" : "1 event", " on ", stream));
    }
    if (e.event_type != ExpectedEventType(r.kind) || e.stream != stream) {
      FailOnce(r.request_id + "/type",
               absl::StrCat(name, ": event ", e.sequence, " is ", e.event_type, " on ", e.stream,
                            "; expected ", ExpectedEventType(r.kind), " on ", stream));
    }
    // A Propose with `submit` also submitted, once (request id: its own + "#submit").
    if (r.kind == CommandKind::kPropose && r.submit) {
      const std::vector<LoggedEvent>& submitted = checker_->EventsOf(r.request_id + "#submit");
      if (submitted.size() != 1 || submitted.front().event_type != "renstra.v1.ProposalSubmitted" ||
          submitted.front().stream != stream) {
        FailOnce(r.request_id + "/submitted",
                 absl::StrCat(name, ": ", submitted.size(),
                              " ProposalSubmitted events carry its submission's request id"));
      }
    }
  }
}

void Harness::CheckAnswersHeld(const std::vector<CommandRecord>& records) {
  absl::StatusOr<Projections> live = ReadProjections(channel_);
  if (!live.ok()) {
    Fail(std::string(live.status().message()));
    return;
  }
  std::map<std::string, v1::ProposalStatus> status;
  for (const v1::ProposalView& p : live->proposals.proposals())
    status[p.proposal_id()] = p.status();
  std::set<std::string> realizations;
  for (const v1::RealizationView& r : live->realizations.realizations()) {
    realizations.insert(r.realization_id());
  }
  // The decision of each acknowledged review (no later command touches the proposal).
  std::map<std::string, const CommandRecord*> reviews;
  for (const CommandRecord& r : records) {
    if (r.kind == CommandKind::kReview && r.acknowledged) reviews[r.proposal_id] = &r;
  }
  for (const CommandRecord& r : records) {
    if (!r.acknowledged) continue;
    const std::string name = absl::StrCat(KindName(r.kind), " ", r.request_id);
    switch (r.kind) {
      case CommandKind::kRecordSpending:
      case CommandKind::kCorrectSpending:
        if (realizations.count(r.realization_id) == 0) {
          FailOnce(r.request_id + "/listed",
                   absl::StrCat(name, ": realization ", r.realization_id, " is not listed"));
        }
        break;
      case CommandKind::kPropose: {
        auto it = status.find(r.proposal_id);
        if (it == status.end()) {
          FailOnce(r.request_id + "/listed",
                   absl::StrCat(name, ": proposal ", r.proposal_id, " is not listed"));
        } else if (r.submit && it->second == v1::DRAFT) {
          FailOnce(r.request_id + "/draft",
                   absl::StrCat(name, ": acknowledged Propose(submit) left proposal ",
                                r.proposal_id, " in DRAFT"));
        } else if (!r.submit && it->second != v1::DRAFT) {
          FailOnce(r.request_id + "/status",
                   absl::StrCat(name, ": proposal ", r.proposal_id, " is ",
                                v1::ProposalStatus_Name(it->second), ", not DRAFT"));
        }
        break;
      }
      case CommandKind::kRatify: {
        auto it = status.find(r.proposal_id);
        if (it == status.end() || it->second != v1::APPLIED) {
          FailOnce(r.request_id + "/applied",
                   absl::StrCat(name, ": proposal ", r.proposal_id, " is not APPLIED"));
        }
        break;
      }
      case CommandKind::kReview:
      case CommandKind::kOpenRevision:
        break;
    }
  }
  for (const auto& [id, review] : reviews) {
    auto it = status.find(id);
    const v1::ProposalStatus want =
        it == status.end() ? v1::PROPOSAL_STATUS_UNSPECIFIED : it->second;
    if (want != v1::APPROVED && want != v1::REJECTED && want != v1::RETURNED &&
        want != v1::APPLIED) {
      FailOnce(review->request_id + "/review",
               absl::StrCat("ReviewProposal ", review->request_id, ": proposal ", id, " is ",
                            v1::ProposalStatus_Name(want), " after an acknowledged review"));
    }
  }
}

void Harness::CompareWithReplay() {
  absl::StatusOr<std::vector<std::string>> differences = renstra::crash::CompareWithReplay(
      ReplaySetup{options_.renstrad, users_file_, work_dir_}, channel_, checker_->size());
  if (!differences.ok()) {
    Fail(std::string(differences.status().message()));
    return;
  }
  ++summary_.replays_compared;
  for (const std::string& d : *differences) Fail(d);
}

void Harness::Summarize(const std::vector<CommandRecord>& records) {
  for (const CommandRecord& r : records) {
    ++summary_.commands;
    summary_.attempts += r.attempts;
    if (r.acknowledged) {
      ++summary_.acknowledged;
      ++summary_.acknowledged_by_kind[KindName(r.kind)];
    }
    if (!r.refusal.empty()) ++summary_.refused;
    if (!r.bad_answer.empty()) ++summary_.bad_answers;
    const std::vector<LoggedEvent>& events = checker_->EventsOf(r.request_id);
    if (TimesLogged(events, r.kind) > 1) ++summary_.duplicated;
    if (!r.expected_refusal.empty()) ++summary_.rebase_refusals;
    if (r.acknowledged && events.empty()) ++summary_.lost;
    if (r.doubt_generation < 0) continue;
    ++summary_.in_doubt;
    if (!r.acknowledged) {
      if (!r.expected_refusal.empty()) ++summary_.in_doubt_refused;
      if (r.refusal.empty() && r.expected_refusal.empty()) ++summary_.in_doubt_unresolved;
      continue;
    }
    if (events.empty()) continue;  // counted as lost
    const size_t g = static_cast<size_t>(r.ack_generation);
    if (g < events_at_start_.size() && events.front().sequence <= events_at_start_[g]) {
      ++summary_.in_doubt_landed_before_retry;
    } else {
      ++summary_.in_doubt_written_by_retry;
    }
  }
  if (summary_.in_doubt_unresolved > 0) {
    Fail(absl::StrCat(summary_.in_doubt_unresolved, " commands in doubt never got an answer"));
  }
}

}  // namespace

std::string CrashSummary::ToString() const {
  std::ostringstream out;
  out << "crash test summary (seed " << seed << ")\n";
  out << "  cycles:                 " << cycles << " (" << kills << " kills under load, "
      << recovery_kills << " during recovery, " << first_start_kills
      << " during the first start)\n";
  out << "  time:                   " << static_cast<int64_t>(seconds) << " s\n";
  out << "  events in the log:      " << events << "\n";
  out << "  commands sent:          " << commands << " (" << attempts << " attempts)\n";
  out << "  acknowledged:           " << acknowledged;
  std::vector<std::string> kinds;
  for (const auto& [kind, n] : acknowledged_by_kind) kinds.push_back(absl::StrCat(kind, " ", n));
  out << " (" << absl::StrJoin(kinds, ", ") << ")\n";
  out << "  in doubt:               " << in_doubt << ": " << in_doubt_landed_before_retry
      << " had landed (the retry got the original's answer), " << in_doubt_written_by_retry
      << " had not (the retry wrote them), " << in_doubt_refused
      << " were refused on retry as expected (nothing written), " << in_doubt_unresolved
      << " unresolved\n";
  out << "  lost:                   " << lost << "\n";
  out << "  duplicated:             " << duplicated << "\n";
  out << "  refused:                " << refused << " (and " << rebase_refusals
      << " ratifications told to rebase, as expected)\n";
  out << "  answers that did not hold: " << bad_answers << "\n";
  out << "  replays compared:       " << replays_compared << "\n";
  out << "  failed checks:          " << failures.size() << "\n";
  for (size_t i = 0; i < failures.size() && i < 50; ++i) out << "    " << failures[i] << "\n";
  if (failures.size() > 50) out << "    ... " << failures.size() - 50 << " more\n";
  out << (ok() ? "PASSED" : "FAILED") << "\n";
  return out.str();
}

CrashSummary RunCrashTest(const CrashOptions& options) { return Harness(options).Run(); }

}  // namespace renstra::crash
