#include "clients/web/csrf.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace renstra::web {

std::string RandomHex32() {
  unsigned char bytes[32];
  RAND_bytes(bytes, sizeof(bytes));
  return absl::BytesToHexString(
      absl::string_view(reinterpret_cast<const char*>(bytes), sizeof(bytes)));
}

Csrf::Csrf() : secret_(RandomHex32()) {}

std::string Csrf::TokenFor(std::string_view kind, std::string_view cookie) const {
  const std::string input = absl::StrCat(absl::string_view(kind.data(), kind.size()), ":",
                                         absl::string_view(cookie.data(), cookie.size()));
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret_.data(), static_cast<int>(secret_.size()),
       reinterpret_cast<const unsigned char*>(input.data()), input.size(), mac, &length);
  return absl::BytesToHexString(absl::string_view(reinterpret_cast<const char*>(mac), length));
}

bool Csrf::Check(std::string_view kind, std::string_view cookie, std::string_view token) const {
  if (cookie.empty() || token.empty()) return false;
  const std::string expected = TokenFor(kind, cookie);
  return token.size() == expected.size() &&
         CRYPTO_memcmp(token.data(), expected.data(), expected.size()) == 0;
}

std::map<std::string, std::string> ParseCookies(std::string_view header) {
  std::map<std::string, std::string> out;
  for (absl::string_view part :
       absl::StrSplit(absl::string_view(header.data(), header.size()), ';')) {
    part = absl::StripAsciiWhitespace(part);
    const size_t eq = part.find('=');
    if (eq == absl::string_view::npos || eq == 0) continue;
    out.emplace(std::string(part.substr(0, eq)), std::string(part.substr(eq + 1)));
  }
  return out;
}

std::string SetCookie(std::string_view name, std::string_view value, bool secure,
                      long max_age_seconds) {
  std::string out = absl::StrCat(absl::string_view(name.data(), name.size()), "=",
                                 absl::string_view(value.data(), value.size()),
                                 "; Path=/; HttpOnly; SameSite=Strict");
  if (secure) absl::StrAppend(&out, "; Secure");
  if (max_age_seconds >= 0) absl::StrAppend(&out, "; Max-Age=", max_age_seconds);
  return out;
}

}  // namespace renstra::web
