#include "storage/rocksdb_layout.h"

#include "storage/envelope_hash.h"

namespace renstra::layout {

std::string EncodeU64(uint64_t value) {
  std::string out(8, '\0');
  for (int i = 7; i >= 0; --i) {
    out[i] = static_cast<char>(value & 0xff);
    value >>= 8;
  }
  return out;
}

std::optional<uint64_t> DecodeU64(std::string_view bytes) {
  if (bytes.size() != 8) return std::nullopt;
  uint64_t value = 0;
  for (unsigned char c : bytes) value = (value << 8) | c;
  return value;
}

std::string StreamPrefix(std::string_view stream) {
  std::string out(stream);
  out.push_back('\0');
  return out;
}

std::string StreamKey(std::string_view stream, uint64_t version) {
  return StreamPrefix(stream) + EncodeU64(version);
}

std::string RequestKey(std::string_view principal, std::string_view request_id) {
  std::string out(1, '\0');
  out.append(principal);
  out.push_back('\0');
  out.append(request_id);
  return out;
}

namespace {

constexpr size_t kResultBytes = 24;

// Reads an EncodeU64 length and that many bytes from the front of `bytes`.
std::optional<std::string> TakeSized(std::string_view& bytes) {
  if (bytes.size() < 8) return std::nullopt;
  const uint64_t size = *DecodeU64(bytes.substr(0, 8));
  bytes.remove_prefix(8);
  if (size > bytes.size()) return std::nullopt;
  std::string out(bytes.substr(0, size));
  bytes.remove_prefix(size);
  return out;
}

}  // namespace

std::string EncodeIdempotency(const IdempotencyRecord& record) {
  std::string out(1, kScopedRecordTag);
  out += EncodeU64(record.result.first_sequence) + EncodeU64(record.result.last_sequence) +
         EncodeU64(record.result.stream_version);
  out += EncodeU64(record.stream.size()) + record.stream;
  out += EncodeU64(record.method.size()) + record.method;
  out += record.fingerprint;
  return out;
}

std::optional<IdempotencyRecord> DecodeIdempotency(std::string_view bytes) {
  const bool scoped = !bytes.empty() && bytes[0] == kScopedRecordTag;
  if (scoped) bytes.remove_prefix(1);
  if (bytes.size() < kResultBytes) return std::nullopt;
  IdempotencyRecord record;
  record.result.first_sequence = *DecodeU64(bytes.substr(0, 8));
  record.result.last_sequence = *DecodeU64(bytes.substr(8, 8));
  record.result.stream_version = *DecodeU64(bytes.substr(16, 8));
  bytes.remove_prefix(kResultBytes);
  if (!scoped) {
    record.stream = std::string(bytes);
    record.legacy = true;
    return record;
  }
  std::optional<std::string> stream = TakeSized(bytes);
  if (!stream) return std::nullopt;
  std::optional<std::string> method = TakeSized(bytes);
  if (!method) return std::nullopt;
  record.stream = *std::move(stream);
  record.method = *std::move(method);
  record.fingerprint = std::string(bytes);
  return record;
}

std::string EncodeHead(const ChainHead& head) { return EncodeU64(head.sequence) + head.hash; }

std::optional<ChainHead> DecodeHead(std::string_view bytes) {
  if (bytes.size() != 8 + kHashSize) return std::nullopt;
  return ChainHead{*DecodeU64(bytes.substr(0, 8)), std::string(bytes.substr(8))};
}

}  // namespace renstra::layout
