// The Laporan and Audit handlers of Gateway (gateway.h): reports as tables and files,
// event histories, and the verification of the log.
#include <google/protobuf/util/json_util.h>

#include <vector>

#include "absl/strings/str_cat.h"
#include "clients/report_printer.h"
#include "clients/web/audit_views.h"
#include "clients/web/gateway.h"
#include "clients/web/report_files.h"

namespace renstra::web {
namespace {

constexpr char kJson[] = "application/json; charset=utf-8";

void SendError(httplib::Response& res, const WebError& e) {
  res.status = e.http_status;
  res.set_content(e.Json(), kJson);
}

// A failure of the gateway itself (not renstrad's refusal) as a WebError.
WebError Internal(const absl::Status& status) {
  return ToWebError(
      grpc::Status(static_cast<grpc::StatusCode>(status.code()), std::string(status.message())));
}

}  // namespace

void Gateway::Report(const httplib::Request& req, httplib::Response& res, const std::string& report,
                     const std::string& format) {
  const std::string token = SessionTokenOf(req);
  WebError error;
  grpc::Status status;
  ReportTable table;
  int year = 0;
  if (report == "capaian") {
    v1::GetCapaianReportRequest request;
    if (!MessageFromQuery(req.params, &request, &error)) return SendError(res, error);
    v1::CapaianReport out;
    status = realization_->GetCapaianReport(Context(token).get(), request, &out);
    table = CapaianTable(out);
    year = request.year();
  } else if (report == "anggaran") {
    v1::GetAnggaranReportRequest request;
    if (!MessageFromQuery(req.params, &request, &error)) return SendError(res, error);
    v1::AnggaranReport out;
    status = realization_->GetAnggaranReport(Context(token).get(), request, &out);
    table = AnggaranTable(out);
  } else if (report == "evaluasi") {
    v1::GetEvaluationReportRequest request;
    if (!MessageFromQuery(req.params, &request, &error)) return SendError(res, error);
    v1::EvaluationReport out;
    status = realization_->GetEvaluationReport(Context(token).get(), request, &out);
    table = EvaluationTable(out);
  } else if (report == "peringatan") {
    v1::GetEarlyWarningsRequest request;
    if (!MessageFromQuery(req.params, &request, &error)) return SendError(res, error);
    v1::EarlyWarnings out;
    status = realization_->GetEarlyWarnings(Context(token).get(), request, &out);
    table = WarningTable(out);
    year = request.year();
  } else {
    v1::GetTriwulanReportRequest request;
    if (!MessageFromQuery(req.params, &request, &error)) return SendError(res, error);
    v1::TriwulanReport out;
    status = realization_->GetTriwulanReport(Context(token).get(), request, &out);
    table = TriwulanTable(out);
    year = request.year();
  }
  if (!status.ok()) return SendError(res, ToWebError(status));
  if (format.empty()) return res.set_content(ReportTableJson(table), kJson);
  absl::StatusOr<ReportFile> file;
  if (format == "pdf") {
    std::lock_guard<std::mutex> one_chromium(pdf_mutex_);
    file = RenderReportFile(table, year, format);
  } else {
    file = RenderReportFile(table, year, format);
  }
  if (!file.ok()) return SendError(res, Internal(file.status()));
  res.set_header("Content-Disposition",
                 absl::StrCat("attachment; filename=\"", file->filename, "\""));
  res.set_content(std::move(file->bytes), file->content_type);
}

void Gateway::History(const httplib::Request& req, httplib::Response& res) {
  v1::GetHistoryRequest request;
  WebError error;
  if (!MessageFromQuery(req.params, &request, &error)) return SendError(res, error);
  v1::GetHistoryResponse out;
  grpc::Status status = audit_->GetHistory(Context(SessionTokenOf(req)).get(), request, &out);
  if (!status.ok()) return SendError(res, ToWebError(status));
  res.set_content(HistoryJson(out), kJson);
}

void Gateway::VerifyLog(const httplib::Request& req, httplib::Response& res) {
  const std::string token = SessionTokenOf(req);
  // The head first: the events read are exactly the ones it covers.
  v1::SignedTreeHead head;
  grpc::Status status = audit_->GetSignedTreeHead(Context(token).get(), {}, &head);
  if (!status.ok()) return SendError(res, ToWebError(status));
  std::string pem = options_.audit_public_key_pem;
  const bool pinned = !pem.empty();
  if (!pinned) {
    v1::PublicKey key;
    status = audit_->GetPublicKey(Context(token).get(), {}, &key);
    if (!status.ok()) return SendError(res, ToWebError(status));
    pem = key.pem();
  }
  std::vector<v1::EventEnvelope> events;
  events.reserve(head.tree_size());
  uint64_t next = 1;
  while (next <= head.tree_size()) {
    v1::ReadEventsRequest request;
    request.set_from_sequence(next);
    request.set_limit(static_cast<uint32_t>(std::min<uint64_t>(1000, head.tree_size() - next + 1)));
    v1::ReadEventsResponse page;
    status = audit_->ReadEvents(Context(token).get(), request, &page);
    if (!status.ok()) return SendError(res, ToWebError(status));
    if (page.events_size() == 0) break;  // the verifier names the shortfall
    for (v1::EventEnvelope& e : *page.mutable_events()) {
      if (e.sequence() > head.tree_size()) break;
      next = e.sequence() + 1;
      events.push_back(std::move(e));
    }
  }
  res.set_content(VerificationJson(VerifyLogCopy(head, events, pem, pinned)), kJson);
}

}  // namespace renstra::web
