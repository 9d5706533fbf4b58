// Many agencies on one server: renstrad's start-up time, its memory and one agency's
// GetPlan latency with --agencies agencies, beside the same figures with one.
//
//   1 agency   A fresh renstrad seeds the default agency (DINSOS-DUMAI). It is restarted
//              on its data directory and measured: start-up (exec to the ready line),
//              VmRSS after one GetPlan of the default agency, and --readers closed-loop
//              clients reading the default agency's plan for --seconds.
//   N agencies On the same data directory, agencies BENCH-01 .. BENCH-(N-1) are created by
//              the admin; each imports the seed table (a plan the seed's size), gets a
//              Kepala Bidang (REHABILITASI_SOSIAL) who drafts --proposals proposals (a
//              2025 target each) and records --realizations achievements for 2024.
//              renstrad is restarted and measured the same way, for the default agency
//              and for the last agency; the first read of an agency after the restart is
//              timed on its own (its plan desk is built by that read).
//
// Prints each figure and the ratio N agencies ÷ 1 agency. Reads of one agency touch only
// its own projections, so the default agency's reads/s and p99 should stay near 1.0×;
// start-up and memory grow with the log.
//
// Usage: renstra_agencies_bench [--agencies N] [--proposals P] [--realizations R]
//          [--readers C] [--seconds S] [--work_dir DIR] [--renstrad PATH]
#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "bench/bench_support.h"
#include "bench/renstrad_runner.h"
#include "renstra/v1/admin_service.grpc.pb.h"
#include "renstra/v1/agency_service.grpc.pb.h"
#include "renstra/v1/plan_service.grpc.pb.h"
#include "renstra/v1/realization_service.grpc.pb.h"
#include "renstra/v1/workflow_service.grpc.pb.h"

namespace renstra::bench {
namespace {

namespace fs = std::filesystem;

constexpr char kAdminToken[] = "demo-admin-token";
constexpr char kReaderToken[] = "demo-inspektorat-token";
constexpr char kDefaultAgency[] = "DINSOS-DUMAI";

struct Flags {
  int agencies = 40;
  int proposals = 20;
  int realizations = 20;
  int readers = 8;
  double seconds = 3;
  std::string work_dir;
  std::string renstrad = DefaultRenstradPath();
};

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "renstra_agencies_bench: %s\n", what.c_str());
  std::exit(1);
}

Flags ParseFlags(int argc, char** argv) {
  Flags f;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string name = argv[i];
    const std::string value = argv[i + 1];
    if (name == "--agencies") {
      f.agencies = std::max(2, std::atoi(value.c_str()));
    } else if (name == "--proposals") {
      f.proposals = std::max(0, std::atoi(value.c_str()));
    } else if (name == "--realizations") {
      f.realizations = std::max(0, std::atoi(value.c_str()));
    } else if (name == "--readers") {
      f.readers = std::max(1, std::atoi(value.c_str()));
    } else if (name == "--seconds") {
      f.seconds = std::atof(value.c_str());
    } else if (name == "--work_dir") {
      f.work_dir = value;
    } else if (name == "--renstrad") {
      f.renstrad = value;
    } else {
      Die("unknown flag " + name);
    }
  }
  return f;
}

std::unique_ptr<grpc::ClientContext> As(const std::string& token) {
  auto context = std::make_unique<grpc::ClientContext>();
  context->AddMetadata("authorization", "Bearer " + token);
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(120));
  return context;
}

void Check(const grpc::Status& s, const std::string& what) {
  if (!s.ok()) Die(absl::StrCat(what, ": ", s.error_code(), ": ", s.error_message()));
}

std::shared_ptr<grpc::Channel> OwnChannel(const std::string& address) {
  grpc::ChannelArguments args;
  args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
  args.SetMaxReceiveMessageSize(64 << 20);
  args.SetMaxSendMessageSize(64 << 20);
  return grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(), args);
}

// A NUMBER target of the Kepala Bidang's division, for one year.
struct Target {
  std::string indicator_id;
  v1::TargetValue value;
};

void CollectTargets(const v1::Node& node, int year, std::vector<Target>* out) {
  if (node.division() == v1::REHABILITASI_SOSIAL && node.retired_from() == 0) {
    for (const v1::Indicator& indicator : node.indicators()) {
      for (const v1::YearTarget& t : indicator.targets()) {
        if (t.year() != year || t.value().kind() != v1::TargetValue::NUMBER) continue;
        Target target{indicator.id(), t.value()};
        target.value.set_unit(indicator.unit());
        target.value.clear_written();
        out->push_back(std::move(target));
      }
    }
  }
  for (const v1::Node& child : node.children()) CollectTargets(child, year, out);
}

// Creates agency `code` with the seed's plan, its Kepala Bidang, and that user's
// proposals and realizations.
void Populate(const std::string& address, const std::string& code, const std::string& seed,
              const Flags& flags) {
  std::shared_ptr<grpc::Channel> channel = OwnChannel(address);
  auto agencies = v1::AgencyService::NewStub(channel);
  auto plans = v1::PlanService::NewStub(channel);
  auto admin = v1::AdminService::NewStub(channel);
  auto workflow = v1::WorkflowService::NewStub(channel);
  auto realization = v1::RealizationService::NewStub(channel);

  v1::CreateAgencyRequest create;
  create.set_request_id("create-" + code);
  create.set_code(code);
  create.set_name("Dinas Sosial " + code);
  create.set_pemda("Pemda Uji");
  v1::AgencyView agency;
  Check(agencies->CreateAgency(As(kAdminToken).get(), create, &agency), "CreateAgency " + code);

  v1::ImportTableRequest import;
  import.set_request_id("import-" + code);
  import.set_content(seed);
  import.set_source_name("renstra_dumai_2024.txt");
  import.set_agency(code);
  v1::ImportTableResponse imported;
  Check(plans->ImportTable(As(kAdminToken).get(), import, &imported), "ImportTable " + code);

  v1::AddUserRequest add;
  add.set_request_id("user-" + code);
  std::string name = absl::AsciiStrToLower(code);
  name.erase(std::remove(name.begin(), name.end(), '-'), name.end());
  add.set_name("kabid" + name);
  add.set_role(v1::Role::KEPALA_BIDANG);
  add.set_division(v1::REHABILITASI_SOSIAL);
  add.set_agency(code);
  v1::UserWithToken user;
  Check(admin->AddUser(As(kAdminToken).get(), add, &user), "AddUser " + code);

  v1::GetPlanRequest read;
  read.set_agency(code);
  v1::GetPlanResponse plan;
  Check(plans->GetPlan(As(kReaderToken).get(), read, &plan), "GetPlan " + code);
  std::vector<Target> next_year, this_year;
  for (const v1::Node& program : plan.plan().programs()) {
    CollectTargets(program, 2025, &next_year);
    CollectTargets(program, 2024, &this_year);
  }
  if (next_year.empty() || this_year.empty()) Die("no REHABILITASI_SOSIAL targets in " + code);
  for (int n = 0; n < flags.proposals; ++n) {
    const Target& t = next_year[static_cast<size_t>(n) % next_year.size()];
    v1::ProposeRequest propose;
    propose.set_request_id(absl::StrCat("propose-", code, "-", n));
    propose.set_agency(code);
    propose.set_title("Penyesuaian target");
    propose.set_justification("Jumlah penerima manfaat bertambah");
    v1::SetTarget* set = propose.add_changes()->mutable_set_target();
    set->set_indicator_id(t.indicator_id);
    set->set_year(2025);
    *set->mutable_value() = t.value;
    set->mutable_value()->mutable_low()->set_units(t.value.low().units() + n + 1);
    v1::ProposalView view;
    Check(workflow->Propose(As(user.token()).get(), propose, &view), "Propose " + code);
  }
  for (int n = 0; n < flags.realizations; ++n) {
    const Target& t = this_year[static_cast<size_t>(n) % this_year.size()];
    v1::RecordAchievementRequest record;
    record.set_request_id(absl::StrCat("achieve-", code, "-", n));
    record.set_agency(code);
    record.set_indicator_id(t.indicator_id);
    record.set_year(2024);
    *record.mutable_value()->mutable_yearly() = t.value;
    record.set_evidence_ref(absl::StrCat("LKjIP 2024 hlm. ", n + 1));
    v1::RealizationView view;
    const grpc::Status s = realization->RecordAchievement(As(user.token()).get(), record, &view);
    // An indicator recorded once already (fewer targets than realizations) is refused as
    // a duplicate: a correction would be another kind of event; count only the first.
    if (!s.ok() && s.error_code() != grpc::StatusCode::ALREADY_EXISTS &&
        s.error_code() != grpc::StatusCode::FAILED_PRECONDITION) {
      Check(s, "RecordAchievement " + code);
    }
  }
}

std::string ReadSeed() {
  std::ifstream in(RENSTRA_SEED_PATH);
  std::stringstream text;
  text << in.rdbuf();
  if (!in || text.str().empty()) Die(absl::StrCat("cannot read ", RENSTRA_SEED_PATH));
  return text.str();
}

// One agency's reads: the first after a restart, then closed loop.
struct Reads {
  double first_ms = 0;
  LoadResult load;
  double p50_ms = 0, p99_ms = 0;
};

Reads MeasureReads(const std::string& address, const std::string& agency, const Flags& flags) {
  std::vector<std::unique_ptr<v1::PlanService::Stub>> stubs;
  for (int c = 0; c < flags.readers; ++c) {
    stubs.push_back(v1::PlanService::NewStub(OwnChannel(address)));
  }
  v1::GetPlanRequest request;
  request.set_agency(agency);
  auto read = [&](int c) -> std::string {
    v1::GetPlanResponse plan;
    const grpc::Status s = stubs[c]->GetPlan(As(kReaderToken).get(), request, &plan);
    return s.ok() ? "" : absl::StrCat(s.error_code(), ": ", s.error_message());
  };
  Reads out;
  const Clock::time_point start = Clock::now();
  const std::string first = read(0);
  out.first_ms = SecondsSince(start) * 1000;
  if (!first.empty()) Die("GetPlan " + agency + ": " + first);
  out.load = RunClosedLoop(flags.readers, flags.seconds, read, /*record_latency=*/true);
  if (out.load.errors > 0) Die("GetPlan " + agency + ": " + out.load.first_error);
  out.p50_ms = Percentile(out.load.latencies_us, 50) / 1000;
  out.p99_ms = Percentile(out.load.latencies_us, 99) / 1000;
  return out;
}

// A restarted server's figures.
struct Restart {
  double start_seconds = 0;
  uint64_t events = 0;
  int64_t rss_kb = 0;
  Reads default_reads;
  Reads last_reads;  // only with many agencies
};

Restart MeasureRestart(const Flags& flags, const fs::path& data, const fs::path& log,
                       const std::string& last_agency) {
  absl::StatusOr<RunningRenstrad> server = StartRenstrad(flags.renstrad, data, log);
  if (!server.ok()) Die(server.status().ToString());
  Restart out;
  out.start_seconds = server->ready_seconds;
  out.events = server->events;
  out.default_reads = MeasureReads(server->address, kDefaultAgency, flags);
  if (!last_agency.empty()) out.last_reads = MeasureReads(server->address, last_agency, flags);
  out.rss_kb = ProcStatusKb(server->pid(), "VmRSS");
  if (server->daemon->Stop() != 0) std::fprintf(stderr, "renstrad did not stop cleanly\n");
  return out;
}

std::string Ratio(double a, double b) { return b > 0 ? absl::StrFormat("%.2f", a / b) : "-"; }

void PrintReads(const char* what, const Reads& r, const Reads& base) {
  std::printf("  %-34s first %7.1f ms  %8.0f reads/s (%s×)  p50 %6.1f ms  p99 %6.1f ms (%s×)\n",
              what, r.first_ms, r.load.per_second(),
              Ratio(r.load.per_second(), base.load.per_second()).c_str(), r.p50_ms, r.p99_ms,
              Ratio(r.p99_ms, base.p99_ms).c_str());
}

}  // namespace

int Main(int argc, char** argv) {
  const Flags flags = ParseFlags(argc, argv);
  const fs::path root = PrepareLoadGenerator(flags.work_dir, "renstra_agencies");
  const fs::path data = root / "data";
  const fs::path log = root / "renstrad.log";
  const std::string seed = ReadSeed();

  // The first start seeds the default agency; the restart is the one-agency figure.
  {
    absl::StatusOr<RunningRenstrad> first = StartRenstrad(flags.renstrad, data, log);
    if (!first.ok()) Die(first.status().ToString());
    if (first->daemon->Stop() != 0) std::fprintf(stderr, "renstrad did not stop cleanly\n");
  }
  const Restart one = MeasureRestart(flags, data, log, "");

  // Grow to N agencies.
  std::string last;
  const Clock::time_point populate_start = Clock::now();
  {
    absl::StatusOr<RunningRenstrad> server = StartRenstrad(flags.renstrad, data, log);
    if (!server.ok()) Die(server.status().ToString());
    for (int a = 1; a < flags.agencies; ++a) {
      last = absl::StrFormat("BENCH-%02d", a);
      Populate(server->address, last, seed, flags);
    }
    if (server->daemon->Stop() != 0) std::fprintf(stderr, "renstrad did not stop cleanly\n");
  }
  const double populate_seconds = SecondsSince(populate_start);
  const Restart many = MeasureRestart(flags, data, log, last);

  std::printf(
      "%d agencies (each the seed's plan, %d proposals, %d realizations), %d readers, %.0f s "
      "per read run; set-up took %.0f s\n",
      flags.agencies, flags.proposals, flags.realizations, flags.readers, flags.seconds,
      populate_seconds);
  std::printf("%-12s %10s %12s %12s\n", "", "events", "start-up s", "VmRSS MiB");
  std::printf("%-12s %10llu %12.2f %12.1f\n", "1 agency",
              static_cast<unsigned long long>(one.events), one.start_seconds, one.rss_kb / 1024.0);
  std::printf("%-12s %10llu %12.2f %12.1f\n", absl::StrCat(flags.agencies, " agencies").c_str(),
              static_cast<unsigned long long>(many.events), many.start_seconds,
              many.rss_kb / 1024.0);
  std::printf("%-12s %10s %12s %12s\n", "ratio", Ratio(many.events, one.events).c_str(),
              Ratio(many.start_seconds, one.start_seconds).c_str(),
              Ratio(many.rss_kb, one.rss_kb).c_str());
  std::printf("GetPlan after the restart (ratios against the default agency with 1 agency):\n");
  PrintReads("default agency, 1 agency", one.default_reads, one.default_reads);
  PrintReads(absl::StrCat("default agency, ", flags.agencies, " agencies").c_str(),
             many.default_reads, one.default_reads);
  PrintReads(absl::StrCat(last, ", ", flags.agencies, " agencies").c_str(), many.last_reads,
             one.default_reads);
  std::printf("SUMMARY|agencies|%d|%llu|%.3f|%.3f|%lld|%lld|%.0f|%.0f|%.0f|%.2f|%.2f|%.2f\n",
              flags.agencies, static_cast<unsigned long long>(many.events), one.start_seconds,
              many.start_seconds, static_cast<long long>(one.rss_kb),
              static_cast<long long>(many.rss_kb), one.default_reads.load.per_second(),
              many.default_reads.load.per_second(), many.last_reads.load.per_second(),
              one.default_reads.p99_ms, many.default_reads.p99_ms, many.last_reads.p99_ms);

  std::error_code ec;
  fs::remove_all(root, ec);
  return 0;
}

}  // namespace renstra::bench

int main(int argc, char** argv) { return renstra::bench::Main(argc, argv); }
