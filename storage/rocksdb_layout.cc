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

std::string EncodeIdempotency(const IdempotencyRecord& record) {
  return EncodeU64(record.result.first_sequence) + EncodeU64(record.result.last_sequence) +
         EncodeU64(record.result.stream_version) + record.stream;
}

std::optional<IdempotencyRecord> DecodeIdempotency(std::string_view bytes) {
  if (bytes.size() < 24) return std::nullopt;
  IdempotencyRecord record;
  record.result.first_sequence = *DecodeU64(bytes.substr(0, 8));
  record.result.last_sequence = *DecodeU64(bytes.substr(8, 8));
  record.result.stream_version = *DecodeU64(bytes.substr(16, 8));
  record.stream = std::string(bytes.substr(24));
  return record;
}

std::string EncodeHead(const ChainHead& head) { return EncodeU64(head.sequence) + head.hash; }

std::optional<ChainHead> DecodeHead(std::string_view bytes) {
  if (bytes.size() != 8 + kHashSize) return std::nullopt;
  return ChainHead{*DecodeU64(bytes.substr(0, 8)), std::string(bytes.substr(8))};
}

}  // namespace renstra::layout
