// The log archive: the whole event log as JSON Lines, with the signed tree head that
// covers it, and its offline verification.
//
// Format (one JSON object per line, protobuf's JSON mapping):
//   line 1      the renstra.v1.SignedTreeHead of the first `tree_size` events;
//   lines 2..   the renstra.v1.EventEnvelope of events 1..tree_size, in order.
// Verification needs only the file and the pinned public key: every sequence in place,
// every prev_hash equal to the SHA-256 of the previous envelope's canonical bytes
// (SerializeEnvelope in storage/envelope_hash.h, the function the store hashes with),
// the RFC 6962 root of the leaves (of the same bytes) equal to the head's, and the
// head's Ed25519 signature valid under the key.
//
// Thread safety: functions are independent; not for concurrent use of one stream.
#ifndef RENSTRA_CLIENTS_LOG_ARCHIVE_H_
#define RENSTRA_CLIENTS_LOG_ARCHIVE_H_

#include <cstdint>
#include <istream>
#include <string>

#include "renstra/v1/audit_service.pb.h"
#include "renstra/v1/events.pb.h"

namespace renstra {

struct ArchiveCheck {
  bool ok = false;
  uint64_t events = 0;
  std::string root_hex;
  std::string head_hash_hex;
  // Why it failed, naming the line and event.
  std::string error;
};

// Verifies an archive read from `in` against the public key `public_key_pem`.
ArchiveCheck VerifyArchive(std::istream& in, const std::string& public_key_pem);

}  // namespace renstra

#endif  // RENSTRA_CLIENTS_LOG_ARCHIVE_H_
