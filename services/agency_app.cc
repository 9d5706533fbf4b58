#include "services/agency_app.h"

#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "base/status_macros.h"
#include "domain/agency_decider.h"
#include "google/protobuf/text_format.h"

namespace renstra {
namespace {

constexpr uint32_t kAgencyEventSchemaVersion = 1;
constexpr size_t kChunk = 4096;
// The principal of the seed's events, as for the seed plan's import.
const Principal kSeedPrincipal{"renstrad", "SYSTEM"};
// The seed's events are decided as an administrator's would be.
const Actor kSeedActor{"renstrad", v1::Role::ADMIN, {}};

std::string Method(const char* rpc) { return absl::StrCat("/renstra.v1.AgencyService/", rpc); }

v1::AssignmentView ToView(const Assignment& a) {
  v1::AssignmentView v;
  v.set_node(a.node);
  v.set_unit(a.unit);
  v.set_effective_from_micros(a.effective_micros);
  v.set_from_plan_version(a.from_plan_version);
  v.set_sequence(a.sequence);
  v.set_recorded_micros(a.recorded_micros);
  return v;
}

// The agency without its assignments (what ListAgencies shows).
v1::AgencyView Summary(const AgencyInfo& agency) {
  v1::AgencyView v;
  v.set_code(agency.code);
  v.set_name(agency.name);
  v.set_pemda(agency.pemda);
  v.set_retired(agency.retired);
  v.set_version(agency.version);
  for (const UnitInfo& u : agency.units) {
    v1::UnitView* unit = v.add_units();
    unit->set_unit(u.code);
    unit->set_name(u.name);
    unit->set_kind(u.kind);
    unit->set_retired(u.retired);
  }
  return v;
}

// The envelope's reason: what the command does, in a line.
std::string ReasonOf(const v1::AgencyEvent& e) {
  switch (e.kind_case()) {
    case v1::AgencyEvent::kAgencyCreated:
      return absl::StrCat("create agency ", e.agency_created().code());
    case v1::AgencyEvent::kAgencyRenamed:
      return absl::StrCat("rename agency ", e.agency_renamed().agency());
    case v1::AgencyEvent::kAgencyRetired:
      return absl::StrCat("retire agency ", e.agency_retired().agency());
    case v1::AgencyEvent::kUnitCreated:
      return absl::StrCat("create unit ", e.unit_created().unit(), " of ",
                          e.unit_created().agency());
    case v1::AgencyEvent::kUnitRenamed:
      return absl::StrCat("rename unit ", e.unit_renamed().unit(), " of ",
                          e.unit_renamed().agency());
    case v1::AgencyEvent::kUnitRetired:
      return absl::StrCat("retire unit ", e.unit_retired().unit(), " of ",
                          e.unit_retired().agency());
    case v1::AgencyEvent::kResponsibilityAssigned:
      return absl::StrCat("assign ", e.responsibility_assigned().node(), " to ",
                          e.responsibility_assigned().unit(), " of ",
                          e.responsibility_assigned().agency());
    default:
      return "";
  }
}

int64_t SystemMicros() { return absl::ToUnixMicros(absl::Now()); }

}  // namespace

AgencyApp::AgencyApp(CommandRunner* runner, std::function<int64_t()> now_micros)
    : runner_(runner),
      store_(runner->store()),
      now_micros_(now_micros ? std::move(now_micros) : std::function<int64_t()>(SystemMicros)) {}

absl::Status AgencyApp::Recover() {
  AgencyDirectory directory;
  RENSTRA_RETURN_IF_ERROR(store_->Scan(1, [&](const v1::EventEnvelope& e) -> absl::Status {
    if (e.stream().rfind(kAgencyStreamPrefix, 0) != 0) return absl::OkStatus();
    v1::AgencyEvent event;
    if (!event.ParseFromString(e.payload())) {
      return absl::DataLossError(absl::StrCat("event ", e.sequence(), ": not an AgencyEvent"));
    }
    return directory.Apply(event, e.sequence(), e.timestamp_micros());
  }));
  absl::MutexLock lock(&mu_);
  directory_ = std::move(directory);
  return absl::OkStatus();
}

absl::Status AgencyApp::CatchUp(const std::string& code) {
  absl::MutexLock lock(&mu_);
  const AgencyInfo* known = directory_.Find(code);
  uint64_t next = known == nullptr ? 1 : known->version + 1;
  const std::string stream = AgencyStream(code);
  while (true) {
    RENSTRA_ASSIGN_OR_RETURN(std::vector<v1::EventEnvelope> chunk,
                             store_->ReadStream(stream, next, kChunk));
    for (const v1::EventEnvelope& e : chunk) {
      v1::AgencyEvent event;
      if (!event.ParseFromString(e.payload())) {
        return absl::DataLossError(absl::StrCat("event ", e.sequence(), ": not an AgencyEvent"));
      }
      RENSTRA_RETURN_IF_ERROR(directory_.Apply(event, e.sequence(), e.timestamp_micros()));
    }
    if (chunk.size() < kChunk) return absl::OkStatus();
    next += chunk.size();
  }
}

absl::StatusOr<v1::AgencyView> AgencyApp::ViewOf(std::string_view code) const {
  const AsOf now = AsOf::Now(now_micros_());
  absl::ReaderMutexLock lock(&mu_);
  RENSTRA_ASSIGN_OR_RETURN(const AgencyInfo* agency, directory_.Get(code));
  v1::AgencyView view = Summary(*agency);
  RENSTRA_ASSIGN_OR_RETURN(std::vector<Assignment> current, directory_.AssignmentsAt(code, now));
  for (const Assignment& a : current) *view.add_assignments() = ToView(a);
  for (const Assignment& a : agency->assignments) *view.add_history() = ToView(a);
  return view;
}

absl::StatusOr<v1::AgencyView> AgencyApp::Execute(const Actor& actor, const char* rpc,
                                                  const google::protobuf::Message& request,
                                                  const std::string& request_id,
                                                  const v1::AgencyEvent& command) {
  const std::string code(AgencyOfEvent(command));
  CommandSpec spec{PrincipalOf(actor), Method(rpc), &request, request_id, CommandLock::kAgencies};
  return runner_->Run<v1::AgencyView>(
      spec,
      [&]() -> absl::StatusOr<Decision> {
        absl::StatusOr<v1::AgencyEvent> event;
        {
          absl::ReaderMutexLock lock(&mu_);
          event = DecideAgencyCommand(actor, directory_, command);
        }
        if (!event.ok()) return event.status();
        Decision decision;
        decision.stream = AgencyStream(code);
        decision.expected_version = static_cast<int64_t>(store_->StreamVersion(decision.stream));
        decision.reason = ReasonOf(*event);
        decision.events.push_back(ToNewEvent(*event, kAgencyEventSchemaVersion));
        decision.apply = [this, code] { return CatchUp(code); };
        return decision;
      },
      [&](const Landed&) -> absl::StatusOr<v1::AgencyView> {
        // A retry's events were folded by its first attempt; catching up is harmless.
        RENSTRA_RETURN_IF_ERROR(CatchUp(code));
        return ViewOf(code);
      });
}

namespace {

absl::StatusOr<v1::AgencySeed> ParseSeed(std::string_view seed_text, std::string_view source_name) {
  v1::AgencySeed seed;
  if (!google::protobuf::TextFormat::ParseFromString(std::string(seed_text), &seed)) {
    return absl::InvalidArgumentError(
        absl::StrCat(std::string(source_name), ": not an AgencySeed in protobuf text format"));
  }
  return seed;
}

}  // namespace

absl::StatusOr<std::string> AgencyApp::SeedAgencyCode(std::string_view seed_text,
                                                      std::string_view source_name) {
  RENSTRA_ASSIGN_OR_RETURN(v1::AgencySeed seed, ParseSeed(seed_text, source_name));
  if (seed.agency().code().empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(std::string(source_name), ": agency.code: required"));
  }
  return seed.agency().code();
}

absl::StatusOr<bool> AgencyApp::SeedIfAbsent(std::string_view seed_text,
                                             std::string_view source_name) {
  RENSTRA_ASSIGN_OR_RETURN(v1::AgencySeed seed, ParseSeed(seed_text, source_name));
  const std::string code = seed.agency().code();
  {
    absl::ReaderMutexLock lock(&mu_);
    if (directory_.Find(code) != nullptr) return false;
  }
  // The seed's commands, decided one after the other on a scratch directory, so a bad
  // line of the data file is refused like an administrator's command.
  std::vector<v1::AgencyEvent> commands;
  *commands.emplace_back().mutable_agency_created() = seed.agency();
  for (const v1::UnitCreated& u : seed.units()) {
    v1::UnitCreated& unit = *commands.emplace_back().mutable_unit_created();
    unit = u;
    unit.set_agency(code);
  }
  for (const v1::ResponsibilityAssigned& a : seed.assignments()) {
    v1::ResponsibilityAssigned& assignment =
        *commands.emplace_back().mutable_responsibility_assigned();
    assignment = a;
    assignment.set_agency(code);
  }
  std::vector<v1::AgencyEvent> events;
  {
    AgencyDirectory scratch;
    uint64_t sequence = 0;
    for (size_t i = 0; i < commands.size(); ++i) {
      absl::StatusOr<v1::AgencyEvent> event = DecideAgencyCommand(kSeedActor, scratch, commands[i]);
      if (!event.ok()) {
        return absl::InvalidArgumentError(absl::StrCat(
            std::string(source_name), ": ", ReasonOf(commands[i]), ": ", event.status().message()));
      }
      RENSTRA_RETURN_IF_ERROR(scratch.Apply(*event, ++sequence, 0));
      events.push_back(*std::move(event));
    }
  }
  // A fixed id: a server that crashed mid-start and retries cannot seed twice.
  CommandSpec spec{kSeedPrincipal, "renstrad/SeedAgency", &seed,
                   absl::StrCat("renstrad-seed-agency-", code), CommandLock::kAgencies};
  RENSTRA_RETURN_IF_ERROR(runner_
                              ->Run<bool>(
                                  spec,
                                  [&]() -> absl::StatusOr<Decision> {
                                    Decision decision;
                                    decision.stream = AgencyStream(code);
                                    decision.expected_version = 0;
                                    decision.reason = absl::StrCat("set up agency ", code, " from ",
                                                                   std::string(source_name));
                                    decision.events =
                                        ToNewEvents(events, kAgencyEventSchemaVersion);
                                    decision.apply = [this, code] { return CatchUp(code); };
                                    return decision;
                                  },
                                  [&](const Landed&) -> absl::StatusOr<bool> {
                                    RENSTRA_RETURN_IF_ERROR(CatchUp(code));
                                    return true;
                                  })
                              .status());
  return true;
}

absl::StatusOr<v1::AgencyView> AgencyApp::CreateAgency(const Actor& actor,
                                                       const v1::CreateAgencyRequest& request) {
  v1::AgencyEvent command;
  v1::AgencyCreated* e = command.mutable_agency_created();
  e->set_code(request.code());
  e->set_name(request.name());
  e->set_pemda(request.pemda());
  return Execute(actor, "CreateAgency", request, request.request_id(), command);
}

absl::StatusOr<v1::AgencyView> AgencyApp::RenameAgency(const Actor& actor,
                                                       const v1::RenameAgencyRequest& request) {
  v1::AgencyEvent command;
  command.mutable_agency_renamed()->set_agency(request.agency());
  command.mutable_agency_renamed()->set_name(request.name());
  return Execute(actor, "RenameAgency", request, request.request_id(), command);
}

absl::StatusOr<v1::AgencyView> AgencyApp::RetireAgency(const Actor& actor,
                                                       const v1::RetireAgencyRequest& request) {
  v1::AgencyEvent command;
  command.mutable_agency_retired()->set_agency(request.agency());
  return Execute(actor, "RetireAgency", request, request.request_id(), command);
}

absl::StatusOr<v1::AgencyView> AgencyApp::CreateUnit(const Actor& actor,
                                                     const v1::CreateUnitRequest& request) {
  v1::AgencyEvent command;
  v1::UnitCreated* e = command.mutable_unit_created();
  e->set_agency(request.agency());
  e->set_unit(request.unit());
  e->set_name(request.name());
  e->set_kind(request.kind());
  return Execute(actor, "CreateUnit", request, request.request_id(), command);
}

absl::StatusOr<v1::AgencyView> AgencyApp::RenameUnit(const Actor& actor,
                                                     const v1::RenameUnitRequest& request) {
  v1::AgencyEvent command;
  v1::UnitRenamed* e = command.mutable_unit_renamed();
  e->set_agency(request.agency());
  e->set_unit(request.unit());
  e->set_name(request.name());
  return Execute(actor, "RenameUnit", request, request.request_id(), command);
}

absl::StatusOr<v1::AgencyView> AgencyApp::RetireUnit(const Actor& actor,
                                                     const v1::RetireUnitRequest& request) {
  v1::AgencyEvent command;
  command.mutable_unit_retired()->set_agency(request.agency());
  command.mutable_unit_retired()->set_unit(request.unit());
  return Execute(actor, "RetireUnit", request, request.request_id(), command);
}

absl::StatusOr<v1::AgencyView> AgencyApp::AssignResponsibility(
    const Actor& actor, const v1::AssignResponsibilityRequest& request) {
  v1::AgencyEvent command;
  v1::ResponsibilityAssigned* e = command.mutable_responsibility_assigned();
  e->set_agency(request.agency());
  e->set_node(request.node());
  e->set_unit(request.unit());
  e->set_effective_from_micros(request.effective_from_micros());
  e->set_from_plan_version(request.from_plan_version());
  return Execute(actor, "AssignResponsibility", request, request.request_id(), command);
}

absl::Status AgencyApp::RecordImportResponsibility(const Principal& who, std::string_view agency,
                                                   const v1::ImportTableRequest& request,
                                                   const v1::ImportTableResponse& imported) {
  if (imported.units().empty() || imported.dry_run()) return absl::OkStatus();
  const std::string code(agency);
  const Actor as_admin{who.name, v1::Role::ADMIN, {}};
  CommandSpec spec{who, "/renstra.v1.PlanService/ImportTable#units", &request,
                   request.request_id().empty() ? "" : absl::StrCat(request.request_id(), "/units"),
                   CommandLock::kAgencies};
  return runner_
      ->Run<bool>(
          spec,
          [&]() -> absl::StatusOr<Decision> {
            Decision decision;
            decision.stream = AgencyStream(code);
            decision.reason = absl::StrCat("assign the nodes of plan version ",
                                           imported.plan_version(), "'s import to their units");
            // One assignment never changes whether another may be recorded: each is
            // decided against the directory as it stands.
            absl::ReaderMutexLock lock(&mu_);
            decision.expected_version =
                static_cast<int64_t>(store_->StreamVersion(decision.stream));
            for (const v1::ImportedUnit& unit : imported.units()) {
              for (const std::string& node : unit.nodes()) {
                v1::AgencyEvent command;
                v1::ResponsibilityAssigned* a = command.mutable_responsibility_assigned();
                a->set_agency(code);
                a->set_node(node);
                a->set_unit(unit.unit());
                a->set_from_plan_version(static_cast<uint64_t>(imported.plan_version()));
                RENSTRA_ASSIGN_OR_RETURN(v1::AgencyEvent event,
                                         DecideAgencyCommand(as_admin, directory_, command));
                decision.events.push_back(ToNewEvent(event, kAgencyEventSchemaVersion));
              }
            }
            decision.apply = [this, code] { return CatchUp(code); };
            return decision;
          },
          [&](const Landed&) -> absl::StatusOr<bool> {
            RENSTRA_RETURN_IF_ERROR(CatchUp(code));
            return true;
          })
      .status();
}

v1::ListAgenciesResponse AgencyApp::ListAgencies() const {
  v1::ListAgenciesResponse out;
  absl::ReaderMutexLock lock(&mu_);
  for (const AgencyInfo* agency : directory_.List()) *out.add_agencies() = Summary(*agency);
  return out;
}

absl::StatusOr<v1::AgencyView> AgencyApp::GetAgency(const v1::GetAgencyRequest& request) const {
  if (request.agency().empty()) return absl::InvalidArgumentError("agency: required");
  return ViewOf(request.agency());
}

}  // namespace renstra
