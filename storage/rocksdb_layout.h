// The on-disk layout of RocksDbEventStore: column family names and key/value encodings.
//
//   "events"       8-byte big-endian sequence         -> SerializeEnvelope(envelope)
//   "streams"      stream + '\0' + 8-byte BE version  -> 8-byte BE sequence
//   "idempotency"  request_id                         -> IdempotencyRecord (below)
//   "meta"         "head"                             -> 8-byte BE sequence + 32-byte hash
//
// Big-endian integers make RocksDB's bytewise order the numeric order. Stream names
// never contain '\0' (Append() rejects them), so a stream's keys share a unique prefix.
//
// Thread safety: pure functions, thread-safe.
#ifndef RENSTRA_STORAGE_ROCKSDB_LAYOUT_H_
#define RENSTRA_STORAGE_ROCKSDB_LAYOUT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "storage/event_store.h"

namespace renstra::layout {

inline constexpr char kEventsCf[] = "events";
inline constexpr char kStreamsCf[] = "streams";
inline constexpr char kIdempotencyCf[] = "idempotency";
inline constexpr char kMetaCf[] = "meta";
inline constexpr char kHeadKey[] = "head";

// 8-byte big-endian encoding of `value`.
std::string EncodeU64(uint64_t value);
// Decodes an 8-byte big-endian value; nullopt when `bytes` is not 8 bytes long.
std::optional<uint64_t> DecodeU64(std::string_view bytes);

// stream + '\0': the prefix of all of the stream's keys.
std::string StreamPrefix(std::string_view stream);
// stream + '\0' + EncodeU64(version).
std::string StreamKey(std::string_view stream, uint64_t version);

// What the idempotency column family remembers about a request id.
struct IdempotencyRecord {
  std::string stream;
  AppendResult result;  // deduplicated is always false in the record
};
// EncodeU64(first) + EncodeU64(last) + EncodeU64(stream_version) + stream bytes.
std::string EncodeIdempotency(const IdempotencyRecord& record);
std::optional<IdempotencyRecord> DecodeIdempotency(std::string_view bytes);

// The recorded head: EncodeU64(sequence) + hash.
std::string EncodeHead(const ChainHead& head);
std::optional<ChainHead> DecodeHead(std::string_view bytes);

}  // namespace renstra::layout

#endif  // RENSTRA_STORAGE_ROCKSDB_LAYOUT_H_
