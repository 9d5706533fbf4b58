#include "storage/chain_verifier.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "renstra/v1/events.pb.h"
#include "storage/envelope_hash.h"

namespace renstra {

ChainVerifier::ChainVerifier(uint64_t first_sequence, std::string prev_hash)
    : next_sequence_(first_sequence), prev_hash_(std::move(prev_hash)) {}

absl::Status ChainVerifier::Check(uint64_t stored_sequence, std::string_view stored_bytes) {
  if (stored_sequence != next_sequence_) {
    return absl::DataLossError(absl::StrCat(
        "event ", next_sequence_, ": missing (the next stored event is ", stored_sequence, ")"));
  }
  v1::EventEnvelope envelope;
  if (!envelope.ParseFromArray(stored_bytes.data(), static_cast<int>(stored_bytes.size()))) {
    return absl::DataLossError(
        absl::StrCat("event ", stored_sequence, ": stored envelope does not parse"));
  }
  if (envelope.sequence() != stored_sequence) {
    return absl::DataLossError(absl::StrCat("event ", stored_sequence,
                                            ": envelope carries sequence ", envelope.sequence()));
  }
  if (envelope.prev_hash() != prev_hash_) {
    return absl::DataLossError(
        absl::StrCat("event ", stored_sequence, ": prev_hash ", ToHex(envelope.prev_hash()),
                     " does not match the hash of event ", stored_sequence - 1, " (",
                     ToHex(prev_hash_), "); one of them was altered"));
  }
  prev_hash_ = Sha256(stored_bytes);
  ++next_sequence_;
  ++checked_;
  return absl::OkStatus();
}

}  // namespace renstra
