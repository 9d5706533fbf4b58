#include "services/session_table.h"

#include <openssl/rand.h>

#include <utility>
#include <vector>

#include "absl/strings/escaping.h"
#include "base/sha256.h"

namespace renstra {
namespace {

std::string NewSessionToken() {
  unsigned char bytes[32];
  RAND_bytes(bytes, sizeof(bytes));
  return absl::BytesToHexString(
      absl::string_view(reinterpret_cast<const char*>(bytes), sizeof(bytes)));
}

std::string KeyOf(std::string_view token) { return Sha256(std::string(token)); }

}  // namespace

SessionTable::SessionTable(Options options, std::function<absl::Time()> clock)
    : options_(options), clock_(clock ? std::move(clock) : [] { return absl::Now(); }) {}

bool SessionTable::Expired(const Entry& e, absl::Time now) const {
  return now - e.last_used >= options_.idle || now - e.created >= options_.max_age;
}

void SessionTable::MakeRoomLocked(const std::string& name, absl::Time now) {
  // The user's own oldest session goes first, then (table full) expired ones, then the
  // oldest of all.
  size_t own = 0;
  auto oldest_own = sessions_.end();
  for (auto it = sessions_.begin(); it != sessions_.end(); ++it) {
    if (it->second.name != name) continue;
    ++own;
    if (oldest_own == sessions_.end() || it->second.created < oldest_own->second.created) {
      oldest_own = it;
    }
  }
  if (own >= options_.max_per_user && oldest_own != sessions_.end()) sessions_.erase(oldest_own);
  if (sessions_.size() < options_.max_total) return;
  for (auto it = sessions_.begin(); it != sessions_.end();) {
    if (Expired(it->second, now)) {
      sessions_.erase(it++);
    } else {
      ++it;
    }
  }
  while (sessions_.size() >= options_.max_total) {
    auto oldest = sessions_.begin();
    for (auto it = sessions_.begin(); it != sessions_.end(); ++it) {
      if (it->second.created < oldest->second.created) oldest = it;
    }
    sessions_.erase(oldest);
  }
}

SessionTable::Created SessionTable::Create(const std::string& name) {
  const absl::Time now = clock_();
  Created created{NewSessionToken(), now + options_.max_age};
  absl::MutexLock lock(&mu_);
  MakeRoomLocked(name, now);
  sessions_[KeyOf(created.token)] = Entry{name, now, now};
  return created;
}

absl::StatusOr<std::string> SessionTable::Find(std::string_view token) {
  const std::string key = KeyOf(token);
  const absl::Time now = clock_();
  absl::MutexLock lock(&mu_);
  auto it = sessions_.find(key);
  if (it == sessions_.end()) return absl::NotFoundError("not a session token");
  // Kept until pruned, so that every later call with it is told the same.
  if (Expired(it->second, now)) return absl::UnauthenticatedError("session expired: log in again");
  it->second.last_used = now;
  return it->second.name;
}

bool SessionTable::Revoke(std::string_view token) {
  absl::MutexLock lock(&mu_);
  return sessions_.erase(KeyOf(token)) > 0;
}

void SessionTable::RevokeUser(const std::string& name, std::string_view keep_token) {
  const std::string keep = keep_token.empty() ? std::string() : KeyOf(keep_token);
  absl::MutexLock lock(&mu_);
  for (auto it = sessions_.begin(); it != sessions_.end();) {
    if (it->second.name == name && it->first != keep) {
      sessions_.erase(it++);
    } else {
      ++it;
    }
  }
}

size_t SessionTable::size() const {
  absl::MutexLock lock(&mu_);
  return sessions_.size();
}

}  // namespace renstra
