// User names: which names an account may have.
//
// A user name is what the call log, the events' `principal` and the audit history show
// for every action, so it must not be mistaken for something else: "-" is the call log's
// "no token", "anonymous" is the caller of an open server, "renstrad" is the principal
// of the seed import, "." and ".." read as paths. Those and a few other system names are
// reserved.
//
// Rule: 1 to 32 bytes of a-z, 0-9, '.', '_' and '-', starting with a letter or digit and
// ending with a letter or digit; not a reserved name.
//
// Errors: INVALID_ARGUMENT naming the field (`field` argument), e.g.
//   "name: \"renstrad\" is reserved for the system".
//
// Pure functions and constants; thread-safe.
#ifndef RENSTRA_DOMAIN_USER_NAME_H_
#define RENSTRA_DOMAIN_USER_NAME_H_

#include <cstddef>
#include <string_view>

#include "absl/status/status.h"

namespace renstra {

inline constexpr size_t kMinUserNameBytes = 1;
inline constexpr size_t kMaxUserNameBytes = 32;

// The reserved names, in the order docs/limits.md lists them.
inline constexpr std::string_view kReservedUserNames[] = {
    "-", ".", "..", "anonymous", "renstrad", "system", "root", "unknown", "nobody", "server",
};

bool IsReservedUserName(std::string_view name);

// OK when `name` may name a new account; INVALID_ARGUMENT naming `field` otherwise.
absl::Status CheckUserName(std::string_view field, std::string_view name);

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_USER_NAME_H_
