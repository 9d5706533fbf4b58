// AuditVerifier: `renstra audit verify` — checks, against a pinned public key, that
// the server's log only ever grew since the last check, and that given events are in
// it as they were.
//
// Steps: fetch the signed tree head and check its Ed25519 signature; if a state file
// holds the last verified head (size, root), fetch a consistency proof from it and
// check it (RFC 9162 2.1.4.2) — a rewritten or truncated history cannot pass; for each
// event asked about, fetch it with its inclusion proof, hash it here and check the
// path to the signed root. On success the new head is written to the state file.
//
// Thread safety: one verification per object.
#ifndef RENSTRA_CLIENTS_AUDIT_VERIFIER_H_
#define RENSTRA_CLIENTS_AUDIT_VERIFIER_H_

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "clients/client.h"

namespace renstra {

struct AuditVerifyOptions {
  std::string public_key_pem;
  // Where the last verified head is kept; empty keeps none (no consistency check).
  std::string state_file;
  std::vector<uint64_t> events;
};

// Runs the verification, printing each step to `out`; returns the exit status
// (0 verified; 1 a check failed or the server could not be asked, the reason on
// stderr).
int RunAuditVerify(Client& client, const AuditVerifyOptions& options, std::ostream& out);

}  // namespace renstra

#endif  // RENSTRA_CLIENTS_AUDIT_VERIFIER_H_
