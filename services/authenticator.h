// Authenticator: turns a call's bearer token into an Actor, from the users file.
//
// The users file (protobuf text format, UsersConfig in proto/renstra/v1/users.proto)
// holds each user's role, division and a salted SHA-256 of their token, never the
// token. Clients send "authorization: Bearer <token>".
//
// Users added, disabled or given a new token or password at run time (AdminService,
// SessionService) arrive as UserEvents through Apply(); copies of an Authenticator share
// their users and their sessions.
//
// Bearer tokens are of two kinds: a user's API token (above) and the token of a session
// opened by a password login (session_table.h), looked up first. A session of a user who
// is disabled is refused; setting a user's password or disabling them ends their
// sessions.
//
// Thread safety: safe from any thread; Apply() and the lookups synchronize.
// Errors: UNAUTHENTICATED with a reason (no header, not a bearer token, unknown or
// disabled token, expired session); INVALID_ARGUMENT from Load/FromConfig naming the user and
// field; from Apply: ALREADY_EXISTS / NOT_FOUND naming the user, INVALID_ARGUMENT for an entry that
// would not load from a users file.
#ifndef RENSTRA_SERVICES_AUTHENTICATOR_H_
#define RENSTRA_SERVICES_AUTHENTICATOR_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "domain/actor.h"
#include "renstra/v1/users.pb.h"
#include "services/session_table.h"

namespace renstra {

class Authenticator {
 public:
  // Reads and checks a users file.
  static absl::StatusOr<Authenticator> Load(const std::string& path);
  // Checks a parsed config: unique names, a role, a division for KEPALA_BIDANG, a salt
  // of at least 16 bytes and a 32-byte hash, both hex.
  static absl::StatusOr<Authenticator> FromConfig(const v1::UsersConfig& config);

  // The actor for an "authorization" header value ("Bearer <token>").
  absl::StatusOr<Actor> AuthenticateHeader(std::string_view authorization) const;
  absl::StatusOr<Actor> AuthenticateToken(std::string_view token) const;

  size_t user_count() const;

  // Applies one user-administration event. A UserAdded for a name the users file
  // already has replaces that entry (the log is the audited record).
  absl::Status Apply(const v1::UserEvent& event, bool replaying);
  // The entries as they stand (token hashes included; callers strip them).
  std::vector<v1::UserEntry> Entries() const;
  // The entry named `name`, or NOT_FOUND.
  absl::StatusOr<v1::UserEntry> Find(std::string_view name) const;

  // The sessions of password logins (by default a table with the default options);
  // UseSessions replaces it, before serving.
  SessionTable& sessions() const { return *sessions_; }
  void UseSessions(std::shared_ptr<SessionTable> sessions) { sessions_ = std::move(sessions); }

  // A user entry for `token` with a fresh random salt (for making users files).
  static v1::UserEntry MakeEntry(const std::string& name, v1::Role::Value role,
                                 v1::Division division, std::string_view token);

 private:
  struct User {
    Actor actor;
    std::string display_name;
    std::string salt;               // raw bytes
    std::string sha256;             // raw bytes
    std::string password_argon2id;  // PHC string; empty = no password login
    bool disabled = false;
  };
  struct Users {
    mutable absl::Mutex mu;
    std::vector<User> list ABSL_GUARDED_BY(mu);
  };
  // The entry as a User, or INVALID_ARGUMENT naming `where` and the field.
  static absl::StatusOr<User> UserOf(const v1::UserEntry& e, const std::string& where);
  static v1::UserEntry EntryOf(const User& u);

  absl::StatusOr<Actor> AuthenticateApiToken(std::string_view token) const;

  std::shared_ptr<Users> users_ = std::make_shared<Users>();
  std::shared_ptr<SessionTable> sessions_ = std::make_shared<SessionTable>();
};

}  // namespace renstra

#endif  // RENSTRA_SERVICES_AUTHENTICATOR_H_
