// SessionTable: the sessions of password logins (SessionService.Login), in memory.
//
// A session token is 32 random bytes in hex, returned once; the table keeps only its
// SHA-256, the user's name and the session's times. A session ends when it has been
// idle for `idle` (each successful lookup renews it), when it reaches `max_age`, on
// Revoke (logout), or on RevokeUser (the user's password set, the user disabled).
// A restart ends every session: nothing is written to the log (a session is not a
// change of the plan or of access; the logins and refusals are in the call log and
// "audit/denied").
//
// Bounded: at most `max_per_user` sessions per user (a new one ends the oldest) and
// `max_total` in all (beyond, expired sessions are dropped, then the oldest).
//
// Thread safety: thread-safe. Errors: Find returns UNAUTHENTICATED with the reason
// ("session expired", "unknown token").
#ifndef RENSTRA_SERVICES_SESSION_TABLE_H_
#define RENSTRA_SERVICES_SESSION_TABLE_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace renstra {

// Outside the class: a nested struct's default member initializers cannot serve as a
// default argument of the class's own constructor (GCC).
struct SessionTableOptions {
  absl::Duration idle = absl::Minutes(30);
  absl::Duration max_age = absl::Hours(8);
  size_t max_per_user = 20;
  size_t max_total = 100000;
};

class SessionTable {
 public:
  using Options = SessionTableOptions;
  struct Created {
    std::string token;
    absl::Time expires;  // the maximum age; idleness may end it earlier
  };

  explicit SessionTable(Options options = {}, std::function<absl::Time()> clock = {});

  // A new session of `name`.
  Created Create(const std::string& name);
  // The user name of the live session of `token` (renewing its idle time), or
  // UNAUTHENTICATED; NOT_FOUND when `token` is not a session token at all, so callers
  // can try it as an API token.
  absl::StatusOr<std::string> Find(std::string_view token);
  // Ends the session of `token`; false when there is none.
  bool Revoke(std::string_view token);
  // Ends every session of `name` but the one of `keep_token` (may be empty).
  void RevokeUser(const std::string& name, std::string_view keep_token = {});
  size_t size() const;
  const Options& options() const { return options_; }

 private:
  struct Entry {
    std::string name;
    absl::Time created;
    absl::Time last_used;
  };
  bool Expired(const Entry& e, absl::Time now) const;
  void MakeRoomLocked(const std::string& name, absl::Time now) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const Options options_;
  const std::function<absl::Time()> clock_;
  mutable absl::Mutex mu_;
  // Keyed by SHA-256(token), raw bytes.
  absl::flat_hash_map<std::string, Entry> sessions_ ABSL_GUARDED_BY(mu_);
};

}  // namespace renstra

#endif  // RENSTRA_SERVICES_SESSION_TABLE_H_
