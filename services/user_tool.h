// The pieces of `renstra-user`, the tool that makes users-file entries: parse
// "NAME:ROLE[:DIVISION]", check or generate a token, and print the UserEntry (with a
// fresh salt and the salted SHA-256 of the token, never the token) in the protobuf
// text format of the users file, ready to append to it.
//
// Pure functions apart from GenerateToken (OpenSSL's RAND_bytes); thread-safe.
// Errors: INVALID_ARGUMENT naming the part that is wrong; INTERNAL when the system
// has no randomness to give.
#ifndef RENSTRA_SERVICES_USER_TOOL_H_
#define RENSTRA_SERVICES_USER_TOOL_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "renstra/v1/users.pb.h"

namespace renstra {

struct UserSpec {
  std::string name;
  v1::Role::Value role = v1::Role::ROLE_UNSPECIFIED;
  v1::Division division = v1::DIVISION_UNSPECIFIED;
};

// Parses "NAME:ROLE[:DIVISION]". NAME: 1–64 of [a-z0-9._-]. ROLE: a Role value name
// (KEPALA_DINAS, ...), any case. DIVISION: required for KEPALA_BIDANG and refused for
// other roles; a Division value name (REHABILITASI_SOSIAL, ...), any case, or a short
// name: rehab, linjamsos, dayasos, dayamas, sekretariat.
absl::StatusOr<UserSpec> ParseUserSpec(std::string_view spec);

// The display name fits its limit (128 bytes, one line: docs/limits.md) →
// INVALID_ARGUMENT "display_name: …".
absl::Status CheckDisplayName(std::string_view display_name);

// OK if `token` is usable: at least 16 characters, all printable ASCII without spaces.
absl::Status CheckToken(std::string_view token);

// A new random token: "rst_" and 32 random bytes in URL-safe base64 (47 characters).
absl::StatusOr<std::string> GenerateToken();

// The entry for `spec` and `token` (a fresh random salt), as a users-file block:
//   user {
//     name: "kadis"
//     ...
//   }
std::string FormatUserEntry(const UserSpec& spec, std::string_view display_name,
                            std::string_view token);

}  // namespace renstra

#endif  // RENSTRA_SERVICES_USER_TOOL_H_
