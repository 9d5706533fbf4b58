// The on-disk layout of RocksDbEventStore: column family names and key/value encodings.
//
//   "events"       8-byte big-endian sequence         -> SerializeEnvelope(envelope)
//   "streams"      stream + '\0' + 8-byte BE version  -> 8-byte BE sequence
//   "idempotency"  RequestKey(principal, request_id)  -> EncodeIdempotency(record)
//                  request_id (legacy, read only)     -> the legacy encoding (below)
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

// What the idempotency column family remembers about a request (deduplicated is
// always false in the record).
using IdempotencyRecord = RequestRecord;

// '\0' + principal + '\0' + request_id: the key of a request scoped to its principal
// (principal names never contain '\0'). The release before scoping keyed records by
// the request id alone; those keys stay where they are and are read as legacy
// records. A legacy request id that happened to look like a scoped key only ever
// yields a legacy record (its value says so), never a wrong retry.
std::string RequestKey(std::string_view principal, std::string_view request_id);

// kScopedRecordTag + EncodeU64(first) + EncodeU64(last) + EncodeU64(stream_version) +
// EncodeU64(stream size) + stream + EncodeU64(method size) + method + fingerprint.
// `record.legacy` is not encoded (a record written now is never legacy).
std::string EncodeIdempotency(const IdempotencyRecord& record);
// Decodes both encodings: the scoped one above, and the legacy one of the release before
// (EncodeU64(first) + EncodeU64(last) + EncodeU64(stream_version) + stream bytes, whose
// first byte is never kScopedRecordTag: a sequence below 2^56 starts with 0x00), which
// yields legacy = true and no method or fingerprint. nullopt when malformed.
std::optional<IdempotencyRecord> DecodeIdempotency(std::string_view bytes);
inline constexpr char kScopedRecordTag = '\x01';

// The recorded head: EncodeU64(sequence) + hash.
std::string EncodeHead(const ChainHead& head);
std::optional<ChainHead> DecodeHead(std::string_view bytes);

}  // namespace renstra::layout

#endif  // RENSTRA_STORAGE_ROCKSDB_LAYOUT_H_
