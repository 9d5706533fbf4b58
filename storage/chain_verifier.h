// ChainVerifier: checks that a run of stored envelopes forms an unbroken hash chain.
//
// Feed envelopes in log order with the position they were stored at. Each must sit at
// the next expected sequence (no gap), carry that sequence, and have a prev_hash equal
// to the hash of the envelope before it. The stored bytes are hashed as stored, so any
// change to them breaks the next link.
//
// Thread safety: not thread-safe; use one per verification.
// Errors: DATA_LOSS "event N: ..." naming the first bad sequence.
#ifndef RENSTRA_STORAGE_CHAIN_VERIFIER_H_
#define RENSTRA_STORAGE_CHAIN_VERIFIER_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace renstra {

class ChainVerifier {
 public:
  // `first_sequence`: the sequence the first fed envelope must have; `prev_hash`: the
  // hash of the envelope before it (kZeroHash when first_sequence is 1).
  ChainVerifier(uint64_t first_sequence, std::string prev_hash);

  // Checks the envelope stored at `stored_sequence` with serialization `stored_bytes`.
  // After an error the verifier must not be fed further.
  absl::Status Check(uint64_t stored_sequence, std::string_view stored_bytes);

  // Number of envelopes checked successfully.
  uint64_t checked() const { return checked_; }
  // The sequence the next envelope must have.
  uint64_t next_sequence() const { return next_sequence_; }
  // Hash of the last envelope checked (the prev_hash given at construction if none).
  const std::string& last_hash() const { return prev_hash_; }

 private:
  uint64_t next_sequence_;
  std::string prev_hash_;
  uint64_t checked_ = 0;
};

}  // namespace renstra

#endif  // RENSTRA_STORAGE_CHAIN_VERIFIER_H_
