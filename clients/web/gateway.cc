#include "clients/web/gateway.h"

#include <google/protobuf/util/json_util.h>

#include <chrono>
#include <cstdio>
#include <type_traits>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/time/clock.h"
#include "base/json_text.h"
#include "clients/web/change_values.h"
#include "clients/web/web_assets.h"
#include "clients/web/web_errors.h"

namespace renstra::web {
namespace {

constexpr char kJson[] = "application/json; charset=utf-8";

std::string CookieOf(const httplib::Request& req, std::string_view name) {
  const std::map<std::string, std::string> cookies = ParseCookies(req.get_header_value("Cookie"));
  auto it = cookies.find(std::string(name));
  return it == cookies.end() ? std::string() : it->second;
}

std::string HtmlEscape(const std::string& text) {
  return absl::StrReplaceAll(
      text, {{"&", "&amp;"}, {"<", "&lt;"}, {">", "&gt;"}, {"\"", "&quot;"}, {"'", "&#39;"}});
}

// The signed-in pages: each file of static/ holds only its <main>; the frame they share
// (head, header, menu) is static/kerangka.html. `script`: the page's own script beside
// app.js ("alur.js", the workflow pages'; "catatan.js", the Realisasi, Laporan and Audit
// pages'), or none.
struct FramedPage {
  const char* name;
  const char* title;
  const char* script;
};
constexpr FramedPage kFramedPages[] = {
    {"beranda", "Beranda", nullptr},       {"renstra", "Renstra", nullptr},
    {"usulan", "Usulan", "alur.js"},       {"persetujuan", "Persetujuan", "alur.js"},
    {"perubahan", "Perubahan", "alur.js"}, {"realisasi", "Realisasi", "catatan.js"},
    {"laporan", "Laporan", "catatan.js"},  {"audit", "Audit", "catatan.js"},
};

// `main` of page `name` in the shared frame; `main` alone for a page not listed.
std::string Framed(const std::string& name, const std::string& main) {
  const WebAsset* frame = FindAsset("kerangka.html");
  for (const FramedPage& p : kFramedPages) {
    if (name != p.name || frame == nullptr) continue;
    const std::string skrip = p.script == nullptr ? ""
                                                  : absl::StrCat("<script src=\"/static/", p.script,
                                                                 "\" defer></script>\n");
    return absl::StrReplaceAll(
        absl::string_view(frame->bytes.data(), frame->bytes.size()),
        {{"{{judul}}", p.title}, {"{{halaman}}", p.name}, {"{{skrip}}", skrip}, {"{{isi}}", main}});
  }
  return main;
}

void SendError(httplib::Response& res, const WebError& e) {
  res.status = e.http_status;
  res.set_content(e.Json(), kJson);
}

std::string ToJson(const google::protobuf::Message& m) {
  std::string out;
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = false;
  (void)google::protobuf::util::MessageToJsonString(m, &out, options);
  return out;
}

// Reads a request body in protobuf's JSON mapping; false (and a 400 written) if it
// is not one. An empty body is an empty message.
bool FromJson(const httplib::Request& req, httplib::Response& res, google::protobuf::Message* m) {
  if (req.body.empty()) return true;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  auto status = google::protobuf::util::JsonStringToMessage(req.body, m, options);
  if (!status.ok()) {
    SendError(res, BadJson(std::string(status.message())));
    return false;
  }
  return true;
}

}  // namespace

bool MessageFromQuery(const httplib::Params& params, google::protobuf::Message* m,
                      WebError* error) {
  if (params.empty()) return true;
  std::string json = "{";
  for (const auto& [name, value] : params) {
    if (json.size() > 1) json += ",";
    absl::StrAppend(&json, JsonQuote(name), ":", JsonQuote(value));
  }
  json += "}";
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  auto status = google::protobuf::util::JsonStringToMessage(json, m, options);
  if (status.ok()) return true;
  *error = BadJson(std::string(status.message()));
  return false;
}

bool ApplyAgency(const httplib::Request& req, google::protobuf::Message* m, WebError* error) {
  if (!req.has_param("agency")) return true;
  const google::protobuf::FieldDescriptor* field = m->GetDescriptor()->FindFieldByName("agency");
  if (field == nullptr || field->type() != google::protobuf::FieldDescriptor::TYPE_STRING ||
      field->is_repeated()) {
    return true;  // no plan's request: the console's agency does not apply
  }
  const std::string agency = req.get_param_value("agency");
  const google::protobuf::Reflection* reflection = m->GetReflection();
  const std::string named = reflection->GetString(*m, field);
  if (!named.empty() && named != agency) {
    error->http_status = 400;
    error->code = "INVALID_ARGUMENT";
    error->field = "agency";
    error->detail = absl::StrCat("agency: the body names ", named, ", the query ", agency);
    error->message = absl::StrCat("Isian 'agency' tidak valid: isi permintaan menyebut ", named,
                                  ", sedangkan perangkat daerah yang dipilih ", agency, ".");
    return false;
  }
  reflection->SetString(m, field, agency);
  return true;
}

void FillRequestId(google::protobuf::Message* m) {
  const google::protobuf::FieldDescriptor* field =
      m->GetDescriptor()->FindFieldByName("request_id");
  if (field == nullptr || field->type() != google::protobuf::FieldDescriptor::TYPE_STRING ||
      field->is_repeated()) {
    return;
  }
  const google::protobuf::Reflection* reflection = m->GetReflection();
  if (reflection->GetString(*m, field).empty()) {
    reflection->SetString(m, field, "web-" + RandomHex32().substr(0, 24));
  }
}

std::string SessionTokenOf(const httplib::Request& req) { return CookieOf(req, kSessionCookie); }

Gateway::Gateway(std::shared_ptr<grpc::Channel> channel, GatewayOptions options)
    : channel_(std::move(channel)),
      sessions_(v1::SessionService::NewStub(channel_)),
      plans_(v1::PlanService::NewStub(channel_)),
      workflow_(v1::WorkflowService::NewStub(channel_)),
      realization_(v1::RealizationService::NewStub(channel_)),
      audit_(v1::AuditService::NewStub(channel_)),
      agencies_(v1::AgencyService::NewStub(channel_)),
      feed_(channel_, options.live),
      options_(std::move(options)) {}

std::unique_ptr<grpc::ClientContext> Gateway::Context(const std::string& session_token) const {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(std::chrono::system_clock::now() +
                        std::chrono::seconds(options_.call_timeout_seconds));
  if (!session_token.empty()) context->AddMetadata("authorization", "Bearer " + session_token);
  return context;
}

bool Gateway::CheckCsrf(const httplib::Request& req, httplib::Response& res) const {
  if (req.method != "POST") return true;
  const bool login = req.path == "/api/masuk";
  const std::string cookie = CookieOf(req, login ? kPreSessionCookie : kSessionCookie);
  if (csrf_.Check(login ? "pra" : "sesi", cookie,
                  req.get_header_value(std::string(kCsrfHeader).c_str()))) {
    return true;
  }
  WebError e;
  e.http_status = 403;
  e.code = "CSRF";
  e.field = std::string(kCsrfHeader);
  e.message =
      "Permintaan ditolak: token CSRF tidak ada atau tidak cocok. Muat ulang halaman lalu coba "
      "lagi.";
  SendError(res, e);
  return false;
}

void Gateway::Page(const httplib::Request& req, httplib::Response& res, const std::string& page) {
  std::string csrf;
  std::string display_name;
  std::string role;
  std::string agency;
  const std::string token = SessionTokenOf(req);
  bool live = false;
  if (!token.empty()) {
    v1::UserView me;
    grpc::Status status = sessions_->WhoAmI(Context(token).get(), {}, &me);
    live = status.ok();
    if (live) {
      csrf = csrf_.TokenFor("sesi", token);
      display_name = me.display_name().empty() ? me.name() : me.display_name();
      role = v1::Role::Value_Name(me.role());
      agency = me.agency();
    } else if (status.error_code() == grpc::StatusCode::UNAUTHENTICATED) {
      res.set_header("Set-Cookie", SetCookie(kSessionCookie, "", options_.secure_cookies, 0));
    }
  }
  if (page != "masuk" && !live) {
    res.status = 303;
    res.set_header("Location", "/masuk");
    return;
  }
  if (page == "masuk") {
    if (live) {
      res.status = 303;
      res.set_header("Location", "/beranda");
      return;
    }
    std::string pra = CookieOf(req, kPreSessionCookie);
    if (pra.size() != 64) {
      pra = RandomHex32();
      res.set_header("Set-Cookie", SetCookie(kPreSessionCookie, pra, options_.secure_cookies));
    }
    csrf = csrf_.TokenFor("pra", pra);
  }
  const WebAsset* asset = FindAsset(page + ".html");
  if (asset == nullptr) {
    res.status = 404;
    return;
  }
  std::string html(asset->bytes);
  if (page != "masuk") html = Framed(page, html);
  // One pass: what a user wrote (their display name) is never read as a placeholder.
  html = absl::StrReplaceAll(html, {{"{{csrf}}", csrf},
                                    {"{{nama}}", HtmlEscape(display_name)},
                                    {"{{peran}}", role},
                                    {"{{instansi}}", HtmlEscape(agency)}});
  res.set_content(html, std::string(asset->content_type));
}

void Gateway::Login(const httplib::Request& req, httplib::Response& res) {
  v1::LoginRequest request;
  if (!FromJson(req, res, &request)) return;
  v1::Session session;
  grpc::Status status = sessions_->Login(Context("").get(), request, &session);
  if (!status.ok()) return SendError(res, ToWebError(status));
  res.set_header("Set-Cookie", SetCookie(kSessionCookie, session.token(), options_.secure_cookies));
  res.set_header("Set-Cookie", SetCookie(kPreSessionCookie, "", options_.secure_cookies, 0));
  res.set_content(absl::StrCat("{\"user\":", ToJson(session.user()), ",\"csrf\":",
                               JsonQuote(csrf_.TokenFor("sesi", session.token())), "}"),
                  kJson);
}

void Gateway::Logout(const httplib::Request& req, httplib::Response& res) {
  v1::LogoutResponse out;
  grpc::Status status = sessions_->Logout(Context(SessionTokenOf(req)).get(), {}, &out);
  res.set_header("Set-Cookie", SetCookie(kSessionCookie, "", options_.secure_cookies, 0));
  // An ended or expired session is logged out already.
  if (!status.ok() && status.error_code() != grpc::StatusCode::UNAUTHENTICATED) {
    return SendError(res, ToWebError(status));
  }
  res.set_content("{}", kJson);
}

void Gateway::ChangePassword(const httplib::Request& req, httplib::Response& res) {
  v1::ChangePasswordRequest request;
  if (!FromJson(req, res, &request)) return;
  if (request.request_id().empty()) request.set_request_id("web-" + RandomHex32().substr(0, 24));
  v1::UserView out;
  grpc::Status status =
      sessions_->ChangePassword(Context(SessionTokenOf(req)).get(), request, &out);
  if (!status.ok()) return SendError(res, ToWebError(status));
  res.set_content(ToJson(out), kJson);
}

void Gateway::WhoAmI(const httplib::Request& req, httplib::Response& res) {
  v1::UserView out;
  grpc::Status status = sessions_->WhoAmI(Context(SessionTokenOf(req)).get(), {}, &out);
  if (!status.ok()) return SendError(res, ToWebError(status));
  res.set_content(ToJson(out), kJson);
}

void Gateway::Plan(const httplib::Request& req, httplib::Response& res) {
  v1::GetPlanRequest request;
  WebError error;
  if (!MessageFromQuery(req.params, &request, &error)) return SendError(res, error);
  v1::GetPlanResponse out;
  grpc::Status status = plans_->GetPlan(Context(SessionTokenOf(req)).get(), request, &out);
  if (!status.ok()) return SendError(res, ToWebError(status));
  res.set_content(ToJson(out), kJson);
}

void Gateway::Agencies(const httplib::Request& req, httplib::Response& res) {
  const std::string token = SessionTokenOf(req);
  v1::UserView me;
  grpc::Status status = sessions_->WhoAmI(Context(token).get(), {}, &me);
  if (!status.ok()) return SendError(res, ToWebError(status));
  v1::ListAgenciesResponse list;
  status = agencies_->ListAgencies(Context(token).get(), {}, &list);
  if (!status.ok()) return SendError(res, ToWebError(status));
  std::string json = absl::StrCat("{\"defaultAgency\":", JsonQuote(list.default_agency()),
                                  ",\"userAgency\":", JsonQuote(me.agency()), ",\"agencies\":[");
  for (int i = 0; i < list.agencies_size(); ++i) {
    absl::StrAppend(&json, i == 0 ? "" : ",", ToJson(list.agencies(i)));
  }
  json += "]}";
  res.set_content(json, kJson);
}

template <typename Request, typename Answer, typename Call>
void Gateway::Forward(const httplib::Request& req, httplib::Response& res, Call call) {
  Request request;
  if (req.method == "GET") {
    WebError error;
    if (!MessageFromQuery(req.params, &request, &error)) return SendError(res, error);
  } else if (!FromJson(req, res, &request)) {
    return;
  }
  if (WebError error; !ApplyAgency(req, &request, &error)) return SendError(res, error);
  FillRequestId(&request);
  if constexpr (std::is_same_v<Request, v1::ProposeRequest> ||
                std::is_same_v<Request, v1::ReviseProposalRequest>) {
    if (auto error = ReadWrittenValues(request.mutable_changes())) return SendError(res, *error);
  }
  if constexpr (std::is_same_v<Request, v1::RecordAchievementRequest> ||
                std::is_same_v<Request, v1::RecordSpendingRequest> ||
                std::is_same_v<Request, v1::CorrectRealizationRequest>) {
    if (auto error = ReadWrittenRealization(&request)) return SendError(res, *error);
  }
  Answer out;
  grpc::Status status = call(Context(SessionTokenOf(req)).get(), request, &out);
  if (!status.ok()) return SendError(res, ToWebError(status));
  res.set_content(ToJson(out), kJson);
}

template <typename Stub, typename Request, typename Answer>
void Gateway::Route(httplib::Server* server, const char* method, const char* path, Stub* stub,
                    grpc::Status (Stub::*call)(grpc::ClientContext*, const Request&, Answer*)) {
  auto handler = [this, stub, call](const httplib::Request& req, httplib::Response& res) {
    Forward<Request, Answer>(req, res,
                             [stub, call](grpc::ClientContext* c, const Request& r, Answer* out) {
                               return (stub->*call)(c, r, out);
                             });
  };
  if (std::string_view(method) == "GET") {
    server->Get(path, handler);
  } else {
    server->Post(path, handler);
  }
}

void Gateway::RegisterWorkflow(httplib::Server* server) {
  using W = v1::WorkflowService::Stub;
  Route(server, "GET", "/api/kotak", workflow_.get(), &W::GetInbox);
  Route(server, "GET", "/api/usulan", workflow_.get(), &W::ListProposals);
  Route(server, "POST", "/api/usulan", workflow_.get(), &W::Propose);
  Route(server, "POST", "/api/usulan/revisi", workflow_.get(), &W::ReviseProposal);
  Route(server, "POST", "/api/usulan/ajukan", workflow_.get(), &W::SubmitProposal);
  Route(server, "POST", "/api/usulan/tarik", workflow_.get(), &W::WithdrawProposal);
  Route(server, "POST", "/api/usulan/tinjau", workflow_.get(), &W::ReviewProposal);
  Route(server, "GET", "/api/perubahan", workflow_.get(), &W::ListRevisions);
  Route(server, "POST", "/api/perubahan/buka", workflow_.get(), &W::OpenRevision);
  Route(server, "POST", "/api/perubahan/sahkan", workflow_.get(), &W::RatifyRevision);
  Route(server, "POST", "/api/perubahan/kunci", workflow_.get(), &W::LockPlan);
  server->Get("/api/peristiwa",
              [this, server](const httplib::Request& req, httplib::Response& res) {
                feed_.Serve(SessionTokenOf(req), server, res);
              });
}

void Gateway::RegisterRecords(httplib::Server* server) {
  using R = v1::RealizationService::Stub;
  R* realization = realization_.get();
  Route(server, "GET", "/api/realisasi", realization, &R::ListRealizations);
  Route(server, "POST", "/api/realisasi/capaian", realization, &R::RecordAchievement);
  Route(server, "POST", "/api/realisasi/belanja", realization, &R::RecordSpending);
  Route(server, "POST", "/api/realisasi/koreksi", realization, &R::CorrectRealization);
  server->Get(
      R"(/api/laporan/(capaian|anggaran|triwulan|evaluasi|peringatan)(?:\.(csv|xlsx|pdf))?)",
      [this](const httplib::Request& req, httplib::Response& res) {
        Report(req, res, req.matches[1].str(), req.matches[2].str());
      });
  server->Get("/api/audit/riwayat",
              [this](const httplib::Request& req, httplib::Response& res) { History(req, res); });
  server->Get("/api/audit/verifikasi",
              [this](const httplib::Request& req, httplib::Response& res) { VerifyLog(req, res); });
}

void Gateway::Register(httplib::Server* server) {
  // httplib serves each connection on one pool thread for as long as it lives: a live
  // feed holds one, and so does each keep-alive connection of a browser. The pool has
  // room for every feed plus the pages' ordinary requests.
  const size_t threads = static_cast<size_t>(options_.live.max_streams) + 16;
  server->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server->set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    return CheckCsrf(req, res) ? httplib::Server::HandlerResponse::Unhandled
                               : httplib::Server::HandlerResponse::Handled;
  });
  server->set_post_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    res.set_header("Content-Security-Policy", kContentSecurityPolicy);
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("X-Frame-Options", "DENY");
    if (req.path.rfind("/static/", 0) != 0) res.set_header("Cache-Control", "no-store");
  });
  server->set_logger([this](const httplib::Request& req, const httplib::Response& res) {
    // Method, path (never the query) and status: no cookie, header or body.
    const std::string line = absl::StrCat("http ", req.method, " ", req.path, " ", res.status);
    if (options_.log) {
      options_.log(line);
    } else {
      std::fprintf(stderr, "%s\n", line.c_str());
    }
  });
  server->Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.status = 303;
    res.set_header("Location", "/beranda");
  });
  for (const char* page : {"masuk", "beranda", "renstra", "usulan", "persetujuan", "perubahan",
                           "realisasi", "laporan", "audit"}) {
    server->Get(absl::StrCat("/", page),
                [this, page](const httplib::Request& req, httplib::Response& res) {
                  Page(req, res, page);
                });
  }
  server->Get(R"(/static/([a-z0-9_-]+\.(css|js)))",
              [](const httplib::Request& req, httplib::Response& res) {
                const WebAsset* asset = FindAsset(req.matches[1].str());
                if (asset == nullptr) {
                  res.status = 404;
                  return;
                }
                res.set_content(std::string(asset->bytes), std::string(asset->content_type));
              });
  server->Post("/api/masuk",
               [this](const httplib::Request& req, httplib::Response& res) { Login(req, res); });
  server->Post("/api/keluar",
               [this](const httplib::Request& req, httplib::Response& res) { Logout(req, res); });
  server->Post("/api/sandi", [this](const httplib::Request& req, httplib::Response& res) {
    ChangePassword(req, res);
  });
  server->Get("/api/saya",
              [this](const httplib::Request& req, httplib::Response& res) { WhoAmI(req, res); });
  server->Get("/api/perangkat-daerah",
              [this](const httplib::Request& req, httplib::Response& res) { Agencies(req, res); });
  server->Get("/api/renstra",
              [this](const httplib::Request& req, httplib::Response& res) { Plan(req, res); });
  RegisterWorkflow(server);
  RegisterRecords(server);
}

}  // namespace renstra::web
