// Gateway: the HTTP side of renstra-web — the console's pages, its static files and a
// JSON API — over renstrad's public gRPC API, as any client (no domain rule here).
//
// JSON ↔ protobuf is protobuf's own JSON mapping (JsonStringToMessage for request
// bodies, unknown fields refused; MessageToJsonString for answers). Routes:
//
//   GET  /masuk, /beranda, /renstra     pages (Bahasa Indonesia); without a live session
//                                       every page but /masuk answers 303 → /masuk
//   GET  /static/<file>                 CSS and JavaScript (embedded in the binary)
//   POST /api/masuk    LoginRequest     → {"user":UserView,"csrf":...}; sets the cookie
//   POST /api/keluar                    ends the session, deletes the cookie
//   POST /api/sandi    ChangePasswordRequest → UserView
//   GET  /api/saya                      → UserView (WhoAmI)
//   GET  /api/renstra                   → GetPlanResponse
//
// Security: the session token lives only in the HttpOnly, SameSite=Strict cookie and
// the gRPC metadata — never in a URL, a page, a JSON answer or the access log (which
// writes method, path, status and time only); every POST needs the CSRF header
// (csrf.h; 403 without); every answer carries a Content-Security-Policy without inline
// scripts or styles, nosniff, no referrer, no framing, no caching of API answers.
// Errors are web_errors.h's mapping of renstrad's status.
//
// Ownership: shares the channel. Thread safety: handlers run on httplib's thread pool;
// the gateway is immutable after construction.
#ifndef RENSTRA_CLIENTS_WEB_GATEWAY_H_
#define RENSTRA_CLIENTS_WEB_GATEWAY_H_

#include <grpcpp/grpcpp.h>
#include <httplib.h>

#include <functional>
#include <memory>
#include <string>

#include "clients/web/csrf.h"
#include "renstra/v1/plan_service.grpc.pb.h"
#include "renstra/v1/session_service.grpc.pb.h"

namespace renstra::web {

struct GatewayOptions {
  // Cookies marked Secure (the gateway serves HTTPS).
  bool secure_cookies = false;
  // Deadline of each call to renstrad.
  int call_timeout_seconds = 10;
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
  // False (and a 403 written) when a POST lacks the CSRF token of its cookie.
  bool CheckCsrf(const httplib::Request& req, httplib::Response& res) const;

  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::SessionService::Stub> sessions_;
  std::unique_ptr<v1::PlanService::Stub> plans_;
  const GatewayOptions options_;
  const Csrf csrf_;
};

// The session token of a request (its cookie), or "".
std::string SessionTokenOf(const httplib::Request& req);

}  // namespace renstra::web

#endif  // RENSTRA_CLIENTS_WEB_GATEWAY_H_
