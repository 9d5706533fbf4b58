// AgencyApp: the agencies one server holds — creating, renaming and retiring agencies
// and their units, and assigning responsibility for programs, kegiatan and sub kegiatan
// (AgencyService, renstra/v1/agency_service.proto). Each agency's events are on its own
// stream "agency/<CODE>"; the app keeps their fold, the AgencyDirectory.
//
// Commands run through the CommandRunner under the kAgencies lock (serialized; appends
// use the agency stream's expected version): the decision is the domain's
// (domain/agency_decider.h), and after the append the directory reads the agency's
// stream from where it stood (envelope sequence and timestamp included). A retry with
// the same request id answers with the agency as it is now and appends nothing.
//
// Start: Recover() scans the log once for "agency/" streams (an extra pass over the log
// at start; the next step keeps the directory in the Projector and its snapshots), then
// SeedIfAbsent() sets up the seed agency from its data file on the first start.
//
// Ownership: borrows the runner (and its store). Thread safety: thread-safe; Recover()
// and SeedIfAbsent() run before serving.
// Errors: the decider's (INVALID_ARGUMENT, NOT_FOUND, ALREADY_EXISTS,
// FAILED_PRECONDITION, PERMISSION_DENIED); GetAgency: NOT_FOUND "agency: no agency X";
// DATA_LOSS when a stored agency event does not decode or fit; the store's.
#ifndef RENSTRA_SERVICES_AGENCY_APP_H_
#define RENSTRA_SERVICES_AGENCY_APP_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "domain/actor.h"
#include "domain/agency_directory.h"
#include "renstra/v1/agency_service.pb.h"
#include "renstra/v1/plan_service.pb.h"
#include "services/command_runner.h"

namespace renstra {

class AgencyApp {
 public:
  // `now_micros`: the clock "now" reads (current assignments); the system clock when
  // empty.
  explicit AgencyApp(CommandRunner* runner, std::function<int64_t()> now_micros = {});

  // Folds every agency event of the log into the directory (replacing it).
  absl::Status Recover();
  // Appends the events of `seed` (an AgencySeed, protobuf text format, named
  // `source_name` in errors) as principal "renstrad" in one append, unless its agency
  // exists. Returns whether it appended. INVALID_ARGUMENT naming the source for a seed
  // that does not parse or that the decider refuses.
  absl::StatusOr<bool> SeedIfAbsent(std::string_view seed, std::string_view source_name);
  // The code of the agency `seed` sets up (renstrad's default agency); INVALID_ARGUMENT
  // as SeedIfAbsent for a seed that does not parse or names no code.
  static absl::StatusOr<std::string> SeedAgencyCode(std::string_view seed,
                                                    std::string_view source_name);

  absl::StatusOr<v1::AgencyView> CreateAgency(const Actor& actor,
                                              const v1::CreateAgencyRequest& request);
  absl::StatusOr<v1::AgencyView> RenameAgency(const Actor& actor,
                                              const v1::RenameAgencyRequest& request);
  absl::StatusOr<v1::AgencyView> RetireAgency(const Actor& actor,
                                              const v1::RetireAgencyRequest& request);
  absl::StatusOr<v1::AgencyView> CreateUnit(const Actor& actor,
                                            const v1::CreateUnitRequest& request);
  absl::StatusOr<v1::AgencyView> RenameUnit(const Actor& actor,
                                            const v1::RenameUnitRequest& request);
  absl::StatusOr<v1::AgencyView> RetireUnit(const Actor& actor,
                                            const v1::RetireUnitRequest& request);
  absl::StatusOr<v1::AgencyView> AssignResponsibility(
      const Actor& actor, const v1::AssignResponsibilityRequest& request);

  // Records what an import placed (`imported.units`): one ResponsibilityAssigned per
  // node on `agency`'s stream, in one append, effective when recorded and tied to
  // `imported.plan_version`. Decided as an administrator's assignments are (the import's
  // own role gate stands for the ADMIN rule: ADMIN or KEPALA_DINAS may import), recorded
  // under the importer's name. The request id is the import's with "/units" appended,
  // so a retried import records nothing more; an import without id, or that placed
  // nothing, records nothing. Errors: the decider's (a unit retired since the import
  // was decided: FAILED_PRECONDITION), the store's.
  absl::Status RecordImportResponsibility(const Principal& who, std::string_view agency,
                                          const v1::ImportTableRequest& request,
                                          const v1::ImportTableResponse& imported);

  v1::ListAgenciesResponse ListAgencies() const;
  absl::StatusOr<v1::AgencyView> GetAgency(const v1::GetAgencyRequest& request) const;

  // Runs fn(directory) under the reader lock and returns its result.
  template <typename Fn>
  auto Read(Fn&& fn) const {
    absl::ReaderMutexLock lock(&mu_);
    return fn(static_cast<const AgencyDirectory&>(directory_));
  }

 private:
  // Decides `command` for `actor` and appends it to its agency's stream; answers with
  // the agency (GetAgency) as it is after the append.
  absl::StatusOr<v1::AgencyView> Execute(const Actor& actor, const char* rpc,
                                         const google::protobuf::Message& request,
                                         const std::string& request_id,
                                         const v1::AgencyEvent& command);
  // Folds the events of agency `code`'s stream the directory has not seen yet.
  absl::Status CatchUp(const std::string& code);
  // The agency's view at now_micros_(): units, current assignments, history.
  absl::StatusOr<v1::AgencyView> ViewOf(std::string_view code) const;

  CommandRunner* const runner_;
  EventStore* const store_;
  const std::function<int64_t()> now_micros_;
  mutable absl::Mutex mu_;
  AgencyDirectory directory_ ABSL_GUARDED_BY(mu_);
};

}  // namespace renstra

#endif  // RENSTRA_SERVICES_AGENCY_APP_H_
