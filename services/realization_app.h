// RealizationApp: the application layer of realization (realisasi) recording and its
// reports. A command allocates the next realization id ("RLZ-000001"), decides with the
// domain (realization_decider.h) against the Projector's plan and realization book, and
// has the CommandRunner append to the plan's realization stream
// (RealizationBook::StreamOf) with the book's version as the expected version.
// Reports are built by domain/report_models.h and converted by report_views.h.
//
// Concurrency: every command appends to the same stream, so commands are serialized by
// the runner's kRealizations lock: ids are then allocated without gaps (a refused
// command consumes none). A writer in another process would still make the append fail
// with ABORTED.
//
// Idempotency (command_runner.h): a retry — same user, method and request — returns the
// record that command created; any other reuse of its request id is refused.
//
// Ownership: borrows the CommandRunner (and through it the EventStore and Projector;
// all must outlive it).
// Thread safety: all methods are safe to call concurrently.
// Errors: see RealizationService in proto/renstra/v1/realization_service.proto.
#ifndef RENSTRA_SERVICES_REALIZATION_APP_H_
#define RENSTRA_SERVICES_REALIZATION_APP_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "domain/actor.h"
#include "domain/report_models.h"
#include "renstra/v1/agency_service.pb.h"
#include "renstra/v1/realization_service.pb.h"
#include "services/command_runner.h"
#include "services/projector.h"
#include "storage/event_store.h"

namespace renstra {

class RealizationApp {
 public:
  // `options`: polarity and predikat configuration of the reports (defaults: the
  // domain's; the year filter is set per request).
  explicit RealizationApp(CommandRunner* runner, ReportOptions options = {});

  absl::StatusOr<v1::RealizationView> RecordAchievement(const Actor& actor,
                                                        const v1::RecordAchievementRequest& r);
  absl::StatusOr<v1::RealizationView> RecordSpending(const Actor& actor,
                                                     const v1::RecordSpendingRequest& r);
  absl::StatusOr<v1::RealizationView> Correct(const Actor& actor,
                                              const v1::CorrectRealizationRequest& r);

  // NOT_FOUND for an unknown id; INVALID_ARGUMENT when it is empty.
  absl::StatusOr<v1::RealizationView> Get(const std::string& realization_id) const;
  // NOT_FOUND for an unknown node code.
  absl::StatusOr<v1::ListRealizationsResponse> List(const v1::ListRealizationsRequest& r) const;

  absl::StatusOr<v1::CapaianReport> Capaian(const v1::GetCapaianReportRequest& r) const;
  absl::StatusOr<v1::AnggaranReport> Anggaran(const v1::GetAnggaranReportRequest& r) const;
  absl::StatusOr<v1::EvaluationReport> Evaluation(const v1::GetEvaluationReportRequest& r) const;
  absl::StatusOr<v1::EarlyWarnings> EarlyWarnings(const v1::GetEarlyWarningsRequest& r) const;
  // INVALID_ARGUMENT for a year outside 2022–2026; NOT_FOUND for an unknown root.
  absl::StatusOr<v1::TriwulanReport> Triwulan(const v1::GetTriwulanReportRequest& r) const;
  // The agency's capaian and serapan of `year` (domain/agency_year.h), for the
  // Pemda-wide view; INVALID_ARGUMENT naming "year" outside 2022–2026.
  absl::StatusOr<v1::AgencyYearFigures> YearFigures(int year) const;

 private:
  // Decides with decide(plan, book, id) and appends; returns the new record's view.
  // `rpc`: the RealizationService method (the scope of the request id).
  template <typename Decide>
  absl::StatusOr<v1::RealizationView> Run(const Actor& actor, const char* rpc,
                                          const google::protobuf::Message& request,
                                          const std::string& request_id, const std::string& reason,
                                          Decide decide);
  // The record a command created (its first event).
  absl::StatusOr<v1::RealizationView> RecordOf(const Landed& landed) const;

  CommandRunner* const runner_;
  Projector* const projector_;
  const ReportOptions options_;
};

}  // namespace renstra

#endif  // RENSTRA_SERVICES_REALIZATION_APP_H_
