#include "services/authenticator.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "base/sha256.h"
#include "domain/strings.h"
#include "domain/text_limits.h"
#include "domain/user_name.h"
#include "google/protobuf/text_format.h"
#include "services/password_hash.h"

namespace renstra {
namespace {

std::string Sha256(std::string_view salt, std::string_view token) {
  std::string input = absl::StrCat(AsAbsl(salt), AsAbsl(token));
  std::string digest = renstra::Sha256(input);
  OPENSSL_cleanse(input.data(), input.size());
  return digest;
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

absl::StatusOr<Authenticator::User> Authenticator::UserOf(const v1::UserEntry& e,
                                                          const std::string& where) {
  if (e.name().empty()) return absl::InvalidArgumentError(absl::StrCat(where, ".name: required"));
  if (e.role() == v1::Role::ROLE_UNSPECIFIED) {
    return absl::InvalidArgumentError(absl::StrCat(where, ".role: required"));
  }
  if (e.role() == v1::Role::KEPALA_BIDANG && e.division() == v1::DIVISION_UNSPECIFIED) {
    return absl::InvalidArgumentError(
        absl::StrCat(where, ".division: required for a KEPALA_BIDANG"));
  }
  User u;
  u.actor = Actor{e.name(), e.role(), e.division(), e.agency()};
  u.display_name = e.display_name();
  u.disabled = e.disabled();
  if (!e.password_argon2id().empty() && !IsPasswordHash(e.password_argon2id())) {
    return absl::InvalidArgumentError(
        absl::StrCat(where, ".password_argon2id: must be an Argon2id hash (PHC string)"));
  }
  u.password_argon2id = e.password_argon2id();
  if (!FromHex(e.token_salt(), &u.salt) || u.salt.size() < 16) {
    return absl::InvalidArgumentError(
        absl::StrCat(where, ".token_salt: must be at least 16 bytes in hex"));
  }
  if (!FromHex(e.token_sha256(), &u.sha256) || u.sha256.size() != SHA256_DIGEST_LENGTH) {
    return absl::InvalidArgumentError(
        absl::StrCat(where, ".token_sha256: must be a SHA-256 in hex (64 digits)"));
  }
  return u;
}

v1::UserEntry Authenticator::EntryOf(const User& u) {
  v1::UserEntry e;
  e.set_name(u.actor.name);
  e.set_display_name(u.display_name);
  e.set_role(u.actor.role);
  e.set_division(u.actor.division);
  e.set_agency(u.actor.agency);
  e.set_token_salt(absl::BytesToHexString(u.salt));
  e.set_token_sha256(absl::BytesToHexString(u.sha256));
  e.set_disabled(u.disabled);
  e.set_password_argon2id(u.password_argon2id);
  return e;
}

absl::StatusOr<Authenticator> Authenticator::FromConfig(const v1::UsersConfig& config) {
  Authenticator auth;
  std::set<std::string> names;
  absl::MutexLock lock(&auth.users_->mu);
  for (int i = 0; i < config.user_size(); ++i) {
    const v1::UserEntry& e = config.user(i);
    const std::string where = absl::StrCat("user[", i, "] (", SafePrefix(e.name()), ")");
    if (!e.name().empty() && !names.insert(e.name()).second) {
      return absl::InvalidArgumentError(absl::StrCat(where, ".name: used twice"));
    }
    // The file is checked like an added user; the "users" stream is not (an account
    // that was valid when added stays replayable).
    if (!e.name().empty()) {
      if (absl::Status s = CheckUserName(where + ".name", e.name()); !s.ok()) return s;
    }
    if (absl::Status s = CheckText(where + ".display_name", e.display_name(), kDisplayNameText);
        !s.ok()) {
      return s;
    }
    absl::StatusOr<User> u = UserOf(e, where);
    if (!u.ok()) return u.status();
    auth.users_->list.push_back(*std::move(u));
  }
  return auth;
}

size_t Authenticator::user_count() const {
  absl::ReaderMutexLock lock(&users_->mu);
  return users_->list.size();
}

absl::Status Authenticator::Apply(const v1::UserEvent& event, bool replaying) {
  absl::MutexLock lock(&users_->mu);
  std::vector<User>& list = users_->list;
  // The list is a parameter, not a capture: clang's -Wthread-safety checks a lambda's
  // body on its own, without the lock this function holds.
  auto find = [](std::vector<User>& users, const std::string& name) {
    return std::find_if(users.begin(), users.end(),
                        [&name](const User& u) { return u.actor.name == name; });
  };
  switch (event.kind_case()) {
    case v1::UserEvent::kAdded: {
      absl::StatusOr<User> u = UserOf(event.added().user(), "user");
      if (!u.ok()) return u.status();
      auto it = find(list, u->actor.name);
      if (it == list.end()) {
        list.push_back(*std::move(u));
      } else if (replaying) {
        *it = *std::move(u);  // the log's entry wins over the file's
      } else {
        return absl::AlreadyExistsError(absl::StrCat("name: user ", u->actor.name, " exists"));
      }
      return absl::OkStatus();
    }
    case v1::UserEvent::kDisabled: {
      auto it = find(list, event.disabled().name());
      if (it == list.end()) {
        return absl::NotFoundError(absl::StrCat("name: no user ", event.disabled().name()));
      }
      it->disabled = true;
      sessions_->RevokeUser(it->actor.name);
      return absl::OkStatus();
    }
    case v1::UserEvent::kEnabled: {
      auto it = find(list, event.enabled().name());
      if (it == list.end()) {
        return absl::NotFoundError(absl::StrCat("name: no user ", event.enabled().name()));
      }
      it->disabled = false;
      return absl::OkStatus();
    }
    case v1::UserEvent::kTokenRotated: {
      const auto& e = event.token_rotated();
      auto it = find(list, e.name());
      if (it == list.end()) return absl::NotFoundError(absl::StrCat("name: no user ", e.name()));
      std::string salt, sha;
      if (!FromHex(e.token_salt(), &salt) || !FromHex(e.token_sha256(), &sha) ||
          sha.size() != SHA256_DIGEST_LENGTH) {
        return absl::InvalidArgumentError("token: not a salted SHA-256");
      }
      it->salt = std::move(salt);
      it->sha256 = std::move(sha);
      return absl::OkStatus();
    }
    case v1::UserEvent::kPasswordSet: {
      const auto& e = event.password_set();
      auto it = find(list, e.name());
      if (it == list.end()) return absl::NotFoundError(absl::StrCat("name: no user ", e.name()));
      if (!IsPasswordHash(e.password_argon2id())) {
        return absl::InvalidArgumentError("password: not an Argon2id hash");
      }
      it->password_argon2id = e.password_argon2id();
      // The caller of a change of their own password keeps the session it came by
      // (UserAdmin::ChangePassword ends the others); an admin's setting ends all.
      if (!e.by_self()) sessions_->RevokeUser(e.name());
      return absl::OkStatus();
    }
    default:
      return absl::InvalidArgumentError("user event: empty");
  }
}

std::vector<v1::UserEntry> Authenticator::Entries() const {
  absl::ReaderMutexLock lock(&users_->mu);
  std::vector<v1::UserEntry> out;
  for (const User& u : users_->list) out.push_back(EntryOf(u));
  return out;
}

absl::StatusOr<v1::UserEntry> Authenticator::Find(std::string_view name) const {
  absl::ReaderMutexLock lock(&users_->mu);
  for (const User& u : users_->list) {
    if (u.actor.name == name) return EntryOf(u);
  }
  return absl::NotFoundError(absl::StrCat("name: no user ", AsAbsl(name)));
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
  absl::StatusOr<std::string> session = sessions_->Find(token);
  if (session.ok()) {
    absl::ReaderMutexLock lock(&users_->mu);
    for (const User& u : users_->list) {
      if (u.actor.name != *session) continue;
      if (u.disabled) return absl::UnauthenticatedError("this user is disabled");
      return u.actor;
    }
    return absl::UnauthenticatedError("unknown token");
  }
  if (session.status().code() != absl::StatusCode::kNotFound) return session.status();
  return AuthenticateApiToken(token);
}

absl::StatusOr<Actor> Authenticator::AuthenticateApiToken(std::string_view token) const {
  absl::ReaderMutexLock lock(&users_->mu);
  for (const User& u : users_->list) {
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
