// RealizationApp: the application layer of realization (realisasi) recording and its
// reports. A command allocates the next realization id ("RLZ-000001"), decides with the
// domain (realization_decider.h) against the Projector's plan and realization book,
// appends to the plan's realization stream (RealizationBook::StreamOf) with the book's
// version as the expected version, and catches the Projector up before answering.
// Reports are built by domain/report_models.h and converted by report_views.h.
//
// Concurrency: every command appends to the same stream, so commands are serialized by
// one mutex: ids are then allocated without gaps (a refused command consumes none), and
// a retry with the same request id that races its original is answered from the log.
// A writer in another process would still make the append fail with ABORTED.
//
// Idempotency: a request id already in the log returns the record that command created
// (a request id used by a command of another kind is ALREADY_EXISTS).
//
// Ownership: borrows the EventStore and the Projector (both must outlive it).
// Thread safety: all methods are safe to call concurrently.
// Errors: see RealizationService in proto/renstra/v1/realization_service.proto.
#ifndef RENSTRA_SERVICES_REALIZATION_APP_H_
#define RENSTRA_SERVICES_REALIZATION_APP_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "domain/actor.h"
#include "domain/report_models.h"
#include "renstra/v1/realization_service.pb.h"
#include "services/projector.h"
#include "storage/event_store.h"

namespace renstra {

class RealizationApp {
 public:
  // `options`: polarity and predikat configuration of the reports (defaults: the
  // domain's; the year filter is set per request).
  RealizationApp(EventStore* store, Projector* projector, ReportOptions options = {});

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

 private:
  // Decides with decide(plan, book, id) and appends; returns the new record's view.
  template <typename Decide>
  absl::StatusOr<v1::RealizationView> Run(const Actor& actor, const std::string& request_id,
                                          const std::string& reason, Decide decide);
  // The record created by the command of `request_id`, if the log has one.
  std::optional<absl::StatusOr<v1::RealizationView>> Earlier(const std::string& request_id) const;

  EventStore* const store_;
  Projector* const projector_;
  const ReportOptions options_;
  absl::Mutex command_mu_;
};

}  // namespace renstra

#endif  // RENSTRA_SERVICES_REALIZATION_APP_H_
