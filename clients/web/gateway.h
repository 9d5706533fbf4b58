// Gateway: the HTTP side of renstra-web — the console's pages, its static files and a
// JSON API — over renstrad's public gRPC API, as any client (no domain rule here).
//
// JSON ↔ protobuf is protobuf's own JSON mapping (JsonStringToMessage for request
// bodies, unknown fields refused; MessageToJsonString for answers). Routes:
//
//   GET  /masuk, /beranda, /renstra,    pages (Bahasa Indonesia); without a live session
//        /usulan, /persetujuan,         every page but /masuk answers 303 → /masuk
//        /perubahan, /realisasi,
//        /laporan, /audit
//   GET  /static/<file>                 CSS and JavaScript (embedded in the binary)
//   POST /api/masuk    LoginRequest     → {"user":UserView,"csrf":...}; sets the cookie
//   POST /api/keluar                    ends the session, deletes the cookie
//   POST /api/sandi    ChangePasswordRequest → UserView
//   GET  /api/saya                      → UserView (WhoAmI)
//   GET  /api/perangkat-daerah          →
//   {"defaultAgency":…,"userAgency":…,"agencies":[AgencyView…]}
//                                         (AgencyService.ListAgencies; the console's picker)
//   GET  /api/renstra                   → GetPlanResponse
//   GET  /api/kotak                     → GetInboxResponse (WorkflowService.GetInbox)
//   GET  /api/usulan?status=APPROVED    → ListProposalsResponse (query = the request's fields)
//   POST /api/usulan        ProposeRequest         → ProposalView
//   POST /api/usulan/revisi ReviseProposalRequest  → ProposalView
//   POST /api/usulan/ajukan ProposalActionRequest  → ProposalView (SubmitProposal)
//   POST /api/usulan/tarik  ProposalActionRequest  → ProposalView (WithdrawProposal)
//   POST /api/usulan/tinjau ReviewProposalRequest  → ProposalView (ReviewProposal)
//   GET  /api/perubahan                 → ListRevisionsResponse
//   POST /api/perubahan/buka   OpenRevisionRequest   → RevisionInfo
//   POST /api/perubahan/sahkan RatifyRevisionRequest → RevisionInfo
//   POST /api/perubahan/kunci  LockPlanRequest       → LockPlanResponse
//   GET  /api/realisasi?year=2025       → ListRealizationsResponse (query = the request's fields)
//   POST /api/realisasi/capaian RecordAchievementRequest  → RealizationView
//   POST /api/realisasi/belanja RecordSpendingRequest     → RealizationView
//   POST /api/realisasi/koreksi CorrectRealizationRequest → RealizationView
//   GET  /api/laporan/{capaian,anggaran,triwulan,evaluasi,peringatan}?…
//                                       → the report's table (report_files.h); the query is
//                                         the report request's fields: capaian and triwulan
//                                         take year and rootCode, anggaran and evaluasi (E.80,
//                                         every year) rootCode, peringatan year, rootCode,
//                                         ratioThreshold, absorptionThreshold, includeUnrecorded
//   GET  /api/laporan/<report>.{csv,xlsx,pdf}?…           → the file, as an attachment
//   GET  /api/audit/riwayat?nodeCode=…  → an event history (audit_views.h)
//   GET  /api/audit/verifikasi          → the log verified here (audit_views.h)
//   GET  /api/peristiwa                 server-sent events (live_feed.h)
//
// The agency (perangkat daerah) a plan-bound call is about is the query parameter
// `agency` of any /api/ route, GET or POST (e.g. POST /api/usulan?agency=DINSOS-BENGKALIS):
// it fills the request's `agency` field (field 50 of every plan-bound request); absent or
// empty, renstrad's default agency. A body that names another agency than the query is 400
// naming `agency`; routes that are no plan's (/api/saya, /api/keluar, /api/peristiwa, the
// log's verification) ignore it. The gateway does not check the code: renstrad answers
// INVALID_ARGUMENT or NOT_FOUND "agency: no agency X", which web_errors.h says in Indonesian.
//
// A command without a request_id gets a fresh one (the browser sends its own, so that
// a retried click is one command). A change's target or pagu may come as the text its
// user typed (change_values.h), and so may a realization's value or Rupiah. Which pages a role is
// offered is the page's business; whether it may act is renstrad's, whose refusal is passed on.
//
// Security: the session token lives only in the HttpOnly, SameSite=Strict cookie and
// the gRPC metadata — never in a URL, a page, a JSON answer or the access log (which
// writes method, path, status and time only); every POST needs the CSRF header
// (csrf.h; 403 without); every answer carries a Content-Security-Policy without inline
// scripts or styles, nosniff, no referrer, no framing, no caching of API answers.
// Errors are web_errors.h's mapping of renstrad's status.
//
// Ownership: shares the channel. Thread safety: handlers run on httplib's thread pool;
// the gateway is immutable after construction but for the lock that lets one PDF render
// at a time and the default agency's code, learnt once (under its own lock).
#ifndef RENSTRA_CLIENTS_WEB_GATEWAY_H_
#define RENSTRA_CLIENTS_WEB_GATEWAY_H_

#include <grpcpp/grpcpp.h>
#include <httplib.h>

#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "clients/web/csrf.h"
#include "clients/web/live_feed.h"
#include "clients/web/web_errors.h"
#include "renstra/v1/agency_service.grpc.pb.h"
#include "renstra/v1/audit_service.grpc.pb.h"
#include "renstra/v1/plan_service.grpc.pb.h"
#include "renstra/v1/realization_service.grpc.pb.h"
#include "renstra/v1/session_service.grpc.pb.h"
#include "renstra/v1/workflow_service.grpc.pb.h"

namespace renstra::web {

struct GatewayOptions {
  // Cookies marked Secure (the gateway serves HTTPS).
  bool secure_cookies = false;
  // Deadline of each call to renstrad.
  int call_timeout_seconds = 10;
  // The live feed's limits (GET /api/peristiwa).
  LiveFeedOptions live;
  // The audit log's public key (PEM) the Audit page verifies with; empty: the key
  // renstrad gives (GetPublicKey), which the result then says.
  std::string audit_public_key_pem;
  // Access log line sink (default: stderr).
  std::function<void(const std::string&)> log;
};

inline constexpr char kContentSecurityPolicy[] =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

class Gateway {
 public:
  Gateway(std::shared_ptr<grpc::Channel> channel, GatewayOptions options);

  // Registers the routes, the CSRF check, the security headers and the access log.
  void Register(httplib::Server* server);

 private:
  std::unique_ptr<grpc::ClientContext> Context(const std::string& session_token) const;
  void Page(const httplib::Request& req, httplib::Response& res, const std::string& page);
  void Login(const httplib::Request& req, httplib::Response& res);
  void Logout(const httplib::Request& req, httplib::Response& res);
  void ChangePassword(const httplib::Request& req, httplib::Response& res);
  void WhoAmI(const httplib::Request& req, httplib::Response& res);
  void Plan(const httplib::Request& req, httplib::Response& res);
  // GET /api/perangkat-daerah: the agencies, the server's default and the user's own.
  void Agencies(const httplib::Request& req, httplib::Response& res);
  // Forwards one unary call: the request from the body (POST) or the query (GET), the
  // answer as JSON or the refusal as a WebError.
  template <typename Request, typename Answer, typename Call>
  void Forward(const httplib::Request& req, httplib::Response& res, Call call);
  // Binds GET or POST `path` to one method of `stub`.
  template <typename Stub, typename Request, typename Answer>
  void Route(httplib::Server* server, const char* method, const char* path, Stub* stub,
             grpc::Status (Stub::*call)(grpc::ClientContext*, const Request&, Answer*));
  void RegisterWorkflow(httplib::Server* server);
  void RegisterRecords(httplib::Server* server);
  // GET /api/laporan/<report>[.<format>] (gateway_records.cc).
  void Report(const httplib::Request& req, httplib::Response& res, const std::string& report,
              const std::string& format);
  // GET /api/audit/riwayat and /api/audit/verifikasi (gateway_records.cc).
  void History(const httplib::Request& req, httplib::Response& res);
  void VerifyLog(const httplib::Request& req, httplib::Response& res);
  // False (and a 403 written) when a POST lacks the CSRF token of its cookie.
  bool CheckCsrf(const httplib::Request& req, httplib::Response& res) const;

  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::SessionService::Stub> sessions_;
  std::unique_ptr<v1::PlanService::Stub> plans_;
  std::unique_ptr<v1::WorkflowService::Stub> workflow_;
  std::unique_ptr<v1::RealizationService::Stub> realization_;
  std::unique_ptr<v1::AuditService::Stub> audit_;
  std::unique_ptr<v1::AgencyService::Stub> agencies_;
  LiveFeed feed_;
  const GatewayOptions options_;
  const Csrf csrf_;
  // One Chromium at a time for PDF downloads (pdf_renderer.h).
  std::mutex pdf_mutex_;
};

// The session token of a request (its cookie), or "".
std::string SessionTokenOf(const httplib::Request& req);

// The query parameters of a GET as a message in protobuf's JSON mapping (each value a
// JSON string, which the mapping reads for numbers and enums too); false with a 400
// WebError when a parameter is not a field or not its type.
bool MessageFromQuery(const httplib::Params& params, google::protobuf::Message* m, WebError* error);

// Sets a message's `agency` field (when it has one) to the request's query parameter
// `agency` when given; false with a 400 WebError naming `agency` when the message (its
// body) already names another agency.
bool ApplyAgency(const httplib::Request& req, google::protobuf::Message* m, WebError* error);

// Sets a message's `request_id` field to a fresh id when it has one and it is empty.
void FillRequestId(google::protobuf::Message* m);

}  // namespace renstra::web

#endif  // RENSTRA_CLIENTS_WEB_GATEWAY_H_
