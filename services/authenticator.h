// Authenticator: turns a call's bearer token into an Actor, from the users file.
//
// The users file (protobuf text format, UsersConfig in proto/renstra/v1/users.proto)
// holds each user's role, division and a salted SHA-256 of their token, never the
// token. Clients send "authorization: Bearer <token>".
//
// Thread safety: immutable after construction; safe from any thread.
// Errors: UNAUTHENTICATED with a reason (no header, not a bearer token, unknown or
// disabled token); INVALID_ARGUMENT from Load/FromConfig naming the user and field.
#ifndef RENSTRA_SERVICES_AUTHENTICATOR_H_
#define RENSTRA_SERVICES_AUTHENTICATOR_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "domain/actor.h"
#include "renstra/v1/users.pb.h"

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

  size_t user_count() const { return users_.size(); }

  // A user entry for `token` with a fresh random salt (for making users files).
  static v1::UserEntry MakeEntry(const std::string& name, v1::Role::Value role,
                                 v1::Division division, std::string_view token);

 private:
  struct User {
    Actor actor;
    std::string salt;    // raw bytes
    std::string sha256;  // raw bytes
    bool disabled = false;
  };
  std::vector<User> users_;
};

}  // namespace renstra

#endif  // RENSTRA_SERVICES_AUTHENTICATOR_H_
