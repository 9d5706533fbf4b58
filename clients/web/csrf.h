// CSRF tokens and cookies of the web console.
//
// The browser holds the session token only in an HttpOnly, SameSite=Strict cookie
// ("renstra_sesi"); before login a random "renstra_pra" cookie of the same kind stands
// in. Every state-changing request (POST) must carry the header "X-CSRF-Token" equal to
// HMAC-SHA256(secret, kind ‖ ":" ‖ cookie) in hex, which the gateway writes into each
// page it serves (<meta name="csrf-token">) and into the login answer. A page of another
// site cannot read it, and SameSite=Strict keeps the cookie off its requests besides.
// The secret is random per gateway process: a restart asks the pages to reload.
//
// Thread safety: immutable after construction; thread-safe.
#ifndef RENSTRA_CLIENTS_WEB_CSRF_H_
#define RENSTRA_CLIENTS_WEB_CSRF_H_

#include <map>
#include <string>
#include <string_view>

namespace renstra::web {

inline constexpr std::string_view kSessionCookie = "renstra_sesi";
inline constexpr std::string_view kPreSessionCookie = "renstra_pra";
inline constexpr std::string_view kCsrfHeader = "X-CSRF-Token";

class Csrf {
 public:
  Csrf();  // a fresh random secret
  explicit Csrf(std::string secret) : secret_(std::move(secret)) {}

  // The token for a cookie value of `kind` ("sesi" or "pra").
  std::string TokenFor(std::string_view kind, std::string_view cookie) const;
  // True when `token` is the token of the cookie (compared in constant time); false for
  // an empty cookie or token.
  bool Check(std::string_view kind, std::string_view cookie, std::string_view token) const;

 private:
  std::string secret_;
};

// The cookies of a "Cookie" header value ("a=1; b=2").
std::map<std::string, std::string> ParseCookies(std::string_view header);

// A Set-Cookie value: HttpOnly, SameSite=Strict, Path=/, Secure when `secure`;
// `max_age_seconds` 0 deletes the cookie, -1 leaves it a session cookie.
std::string SetCookie(std::string_view name, std::string_view value, bool secure,
                      long max_age_seconds = -1);

// 32 random bytes in hex.
std::string RandomHex32();

}  // namespace renstra::web

#endif  // RENSTRA_CLIENTS_WEB_CSRF_H_
