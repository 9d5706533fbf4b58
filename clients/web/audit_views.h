// Audit views: what the console's Audit page shows of renstrad's AuditService — an
// event history in Bahasa Indonesia, and the result of a verification of the whole log
// done here, in the gateway, with the CLI's offline verifier (clients/log_archive.h):
// every event's prev_hash chained to the one before, the RFC 6962 Merkle root of the
// events equal to the signed tree head's, and the head's Ed25519 signature valid under
// the key (pinned with renstra-web --audit_pubkey, else the one renstrad gives, which
// the result says).
//
// Thread safety: pure functions.
#ifndef RENSTRA_CLIENTS_WEB_AUDIT_VIEWS_H_
#define RENSTRA_CLIENTS_WEB_AUDIT_VIEWS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "renstra/v1/audit_service.pb.h"

namespace renstra::web {

// {"events":[{"sequence","stream","eventType","principal","role","atMicros","uraian"}],
//  "nextPageToken"}: `uraian` is the event in Indonesian (clients/event_text.h), the
// numbers are strings as in protobuf's JSON mapping; no payload bytes.
std::string HistoryJson(const v1::GetHistoryResponse& history);

struct LogVerification {
  bool ok = false;
  // Events checked, the chain's head hash and the Merkle root they give (hex).
  uint64_t events = 0;
  std::string chain_head_hex;
  std::string root_hex;
  // The signed head's time and key.
  int64_t signed_at_micros = 0;
  std::string key_id;
  // True when the key is the gateway's pinned one, false when renstrad gave it.
  bool key_pinned = false;
  // Why it failed (the verifier's words).
  std::string error;
};

// Checks `events` (1..head.tree_size(), in order) against the signed `head` and the key.
LogVerification VerifyLogCopy(const v1::SignedTreeHead& head,
                              const std::vector<v1::EventEnvelope>& events,
                              const std::string& public_key_pem, bool key_pinned);

// The result in Bahasa Indonesia, e.g. "Log utuh: 1.342 peristiwa diperiksa; rantai hash
// tersambung dan akar Merkle cocok dengan kepala pohon yang ditandatangani renstrad
// pukul 23.06 WIB tanggal 07-12-2026." or "Log TIDAK utuh: peristiwa 3 ...".
std::string VerificationMessage(const LogVerification& v);

// {"ok","events","message","chainHead","rootHash","keyId","keyPinned","signedAtMicros"}.
std::string VerificationJson(const LogVerification& v);

}  // namespace renstra::web

#endif  // RENSTRA_CLIENTS_WEB_AUDIT_VIEWS_H_
