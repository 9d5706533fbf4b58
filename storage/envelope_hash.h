// Hashing of event envelopes for the log's hash chain.
//
// The chain link of an envelope is the SHA-256 of its deterministic serialization.
// EventEnvelope is proto3 with scalar, string and bytes fields only (no maps, no unknown
// fields once built by the store), so the serialization is canonical: fields in number
// order, default values omitted. SerializeEnvelope() additionally sets
// SetSerializationDeterministic(true) so the property survives future map fields.
//
// Sha256() and ToHex() come from base/ (included here for the callers).
//
// Thread safety: all functions are pure and thread-safe.
#ifndef RENSTRA_STORAGE_ENVELOPE_HASH_H_
#define RENSTRA_STORAGE_ENVELOPE_HASH_H_

#include <string>
#include <string_view>

#include "base/hex.h"
#include "base/sha256.h"
#include "renstra/v1/events.pb.h"

namespace renstra {

// Size of a SHA-256 digest in bytes.
inline constexpr size_t kHashSize = kSha256Size;

// The prev_hash of the first event (and the hash of an empty log): 32 zero bytes.
inline const std::string kZeroHash(kHashSize, '\0');

// The deterministic serialization of `envelope`: the bytes the store keeps and hashes.
std::string SerializeEnvelope(const v1::EventEnvelope& envelope);

// Raw 32-byte SHA-256 of SerializeEnvelope(envelope).
std::string HashEnvelope(const v1::EventEnvelope& envelope);

}  // namespace renstra

#endif  // RENSTRA_STORAGE_ENVELOPE_HASH_H_
