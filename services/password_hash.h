// Password hashes: Argon2id (RFC 9106) through Debian's libargon2, stored as PHC strings
// ("$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>") in UserEntry.password_argon2id.
//
// The cost (19 MiB, 2 passes, 1 lane: OWASP's minimum for Argon2id) is written into each
// hash, so a later change of the cost still verifies the old hashes. One hash or check
// takes about 30 ms of one core on the CI machine: login is slow on purpose.
//
// Rule for a new password: 10 to 128 bytes, not the user name.
//
// Pure functions, thread-safe. Errors: INVALID_ARGUMENT naming `field`
// (CheckNewPassword); INTERNAL when libargon2 fails (HashPassword).
#ifndef RENSTRA_SERVICES_PASSWORD_HASH_H_
#define RENSTRA_SERVICES_PASSWORD_HASH_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace renstra {

inline constexpr size_t kMinPasswordBytes = 10;
inline constexpr size_t kMaxPasswordBytes = 128;

// OK when `password` may be `name`'s new password; INVALID_ARGUMENT naming `field`.
absl::Status CheckNewPassword(std::string_view field, std::string_view name,
                              std::string_view password);

// The Argon2id PHC string of `password` with a fresh random 16-byte salt.
absl::StatusOr<std::string> HashPassword(std::string_view password);

// True when `password` matches the PHC string `encoded` (false for a malformed one).
// Takes as long as a hash whether or not it matches.
bool VerifyPassword(const std::string& encoded, std::string_view password);

// True when `encoded` is an Argon2id PHC string libargon2 can verify against.
bool IsPasswordHash(const std::string& encoded);

}  // namespace renstra

#endif  // RENSTRA_SERVICES_PASSWORD_HASH_H_
