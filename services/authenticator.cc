#include "services/authenticator.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <fstream>
#include <set>
#include <sstream>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "domain/strings.h"
#include "google/protobuf/text_format.h"

namespace renstra {
namespace {

std::string Sha256(std::string_view salt, std::string_view token) {
  std::string input = absl::StrCat(AsAbsl(salt), AsAbsl(token));
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(input.data()), input.size(), digest);
  OPENSSL_cleanse(input.data(), input.size());
  return std::string(reinterpret_cast<const char*>(digest), sizeof(digest));
}

bool FromHex(const std::string& hex, std::string* out) {
  if (hex.size() % 2 != 0) return false;
  for (char c : hex) {
    if (!absl::ascii_isxdigit(static_cast<unsigned char>(c))) return false;
  }
  *out = absl::HexStringToBytes(hex);
  return true;
}

}  // namespace

absl::StatusOr<Authenticator> Authenticator::Load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return absl::InvalidArgumentError(absl::StrCat("users file ", path, ": cannot read"));
  std::stringstream text;
  text << in.rdbuf();
  v1::UsersConfig config;
  if (!google::protobuf::TextFormat::ParseFromString(text.str(), &config)) {
    return absl::InvalidArgumentError(
        absl::StrCat("users file ", path, ": not a UsersConfig in protobuf text format"));
  }
  absl::StatusOr<Authenticator> auth = FromConfig(config);
  if (!auth.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("users file ", path, ": ", auth.status().message()));
  }
  return auth;
}

absl::StatusOr<Authenticator> Authenticator::FromConfig(const v1::UsersConfig& config) {
  Authenticator auth;
  std::set<std::string> names;
  for (int i = 0; i < config.user_size(); ++i) {
    const v1::UserEntry& e = config.user(i);
    const std::string where = absl::StrCat("user[", i, "] (", e.name(), ")");
    if (e.name().empty()) return absl::InvalidArgumentError(absl::StrCat(where, ".name: required"));
    if (!names.insert(e.name()).second) {
      return absl::InvalidArgumentError(absl::StrCat(where, ".name: used twice"));
    }
    if (e.role() == v1::Role::ROLE_UNSPECIFIED) {
      return absl::InvalidArgumentError(absl::StrCat(where, ".role: required"));
    }
    if (e.role() == v1::Role::KEPALA_BIDANG && e.division() == v1::DIVISION_UNSPECIFIED) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ".division: required for a KEPALA_BIDANG"));
    }
    User u;
    u.actor = Actor{e.name(), e.role(), e.division()};
    u.disabled = e.disabled();
    if (!FromHex(e.token_salt(), &u.salt) || u.salt.size() < 16) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ".token_salt: must be at least 16 bytes in hex"));
    }
    if (!FromHex(e.token_sha256(), &u.sha256) || u.sha256.size() != SHA256_DIGEST_LENGTH) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ".token_sha256: must be a SHA-256 in hex (64 digits)"));
    }
    auth.users_.push_back(std::move(u));
  }
  return auth;
}

absl::StatusOr<Actor> Authenticator::AuthenticateHeader(std::string_view authorization) const {
  if (authorization.empty()) {
    return absl::UnauthenticatedError("no credentials: send \"authorization: Bearer <token>\"");
  }
  constexpr std::string_view kBearer = "Bearer ";
  if (authorization.size() <= kBearer.size() ||
      !absl::StartsWithIgnoreCase(AsAbsl(authorization), AsAbsl(kBearer))) {
    return absl::UnauthenticatedError("the authorization header is not \"Bearer <token>\"");
  }
  return AuthenticateToken(authorization.substr(kBearer.size()));
}

absl::StatusOr<Actor> Authenticator::AuthenticateToken(std::string_view token) const {
  for (const User& u : users_) {
    const std::string hash = Sha256(u.salt, token);
    // Constant-time comparison: timing must not reveal how much of a hash matched.
    if (CRYPTO_memcmp(hash.data(), u.sha256.data(), hash.size()) == 0) {
      if (u.disabled) return absl::UnauthenticatedError("this user is disabled");
      return u.actor;
    }
  }
  return absl::UnauthenticatedError("unknown token");
}

v1::UserEntry Authenticator::MakeEntry(const std::string& name, v1::Role::Value role,
                                       v1::Division division, std::string_view token) {
  unsigned char salt[16];
  RAND_bytes(salt, sizeof(salt));
  const std::string salt_bytes(reinterpret_cast<const char*>(salt), sizeof(salt));
  v1::UserEntry e;
  e.set_name(name);
  e.set_role(role);
  e.set_division(division);
  e.set_token_salt(absl::BytesToHexString(salt_bytes));
  e.set_token_sha256(absl::BytesToHexString(Sha256(salt_bytes, token)));
  return e;
}

}  // namespace renstra
