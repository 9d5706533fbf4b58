// SnapshotCodec: the compact byte encoding of the projections' models inside a snapshot
// file (services/snapshotter.h): proposals and realization records.
//
// Encoding: unsigned integers as LEB128 varints, signed ones zig-zagged, strings as a
// varint length and the bytes, enums as their number; a TargetValue and a Money store
// every field as is (also the written form), so decoding gives back an object equal
// field by field to the one encoded, not merely equal by operator==. A v1::Change is
// stored as its protobuf serialization. There are no field tags: the layout is fixed per
// snapshot format version (SnapshotFile::kFormatVersion), which must change whenever a
// field is added to, removed from or reordered in a model here.
//
// ByteReader never reads past its input: a short or malformed input sets ok() to false
// and makes every later read return zeros. Thread safety: stateless functions; a
// ByteReader/ByteWriter is used by one thread.
#ifndef RENSTRA_SERVICES_SNAPSHOT_CODEC_H_
#define RENSTRA_SERVICES_SNAPSHOT_CODEC_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "domain/capaian.h"
#include "domain/money.h"
#include "domain/proposal_state.h"
#include "domain/realization_book.h"
#include "domain/target_value.h"
#include "services/projector.h"

namespace renstra {

class ByteWriter {
 public:
  explicit ByteWriter(std::string* out) : out_(out) {}
  void Varint(uint64_t v) {
    char buf[10];
    size_t n = 0;
    while (v >= 0x80) {
      buf[n++] = static_cast<char>((v & 0x7f) | 0x80);
      v >>= 7;
    }
    buf[n++] = static_cast<char>(v);
    out_->append(buf, n);
  }
  void Signed(int64_t v) {
    Varint((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63));
  }
  void Bool(bool b) { out_->push_back(b ? 1 : 0); }
  void Str(std::string_view s) {
    Varint(s.size());
    out_->append(s.data(), s.size());
  }
  void Raw(const void* data, size_t n) { out_->append(static_cast<const char*>(data), n); }

 private:
  std::string* out_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view in)
      : p_(reinterpret_cast<const uint8_t*>(in.data())), end_(p_ + in.size()) {}
  uint64_t Varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (p_ == end_) return Fail();
      const uint8_t b = *p_++;
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (b < 0x80) return v;
    }
    return Fail();
  }
  int64_t Signed() {
    const uint64_t v = Varint();
    return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
  }
  bool Bool() { return Varint() != 0; }
  void Str(std::string* s) {
    const std::string_view v = Bytes(Varint());
    s->assign(v.data(), v.size());
  }
  std::string_view Bytes(uint64_t n) {
    if (static_cast<uint64_t>(end_ - p_) < n) {
      Fail();
      return {};
    }
    std::string_view out(reinterpret_cast<const char*>(p_), n);
    p_ += n;
    return out;
  }
  bool ok() const { return ok_; }
  bool done() const { return p_ == end_; }

 private:
  uint64_t Fail() {
    ok_ = false;
    p_ = end_;
    return 0;
  }
  const uint8_t* p_;
  const uint8_t* end_;
  bool ok_ = true;
};

struct SnapshotCodec {
  static void Put(ByteWriter& w, const Decimal& d);
  static Decimal GetDecimal(ByteReader& r);
  static void Put(ByteWriter& w, const TargetValue& t);
  static void Get(ByteReader& r, TargetValue* t);
  static void Put(ByteWriter& w, const Money& m);
  static void Get(ByteReader& r, Money* m);
  static void Put(ByteWriter& w, const AchievedValue& a);
  static void Get(ByteReader& r, AchievedValue* a);
  static void Put(ByteWriter& w, const ProposalState& p);
  static void Get(ByteReader& r, ProposalState* p);
  static void Put(ByteWriter& w, const RealizationRecord& rec);
  static void Get(ByteReader& r, RealizationRecord* rec);
};

}  // namespace renstra

#endif  // RENSTRA_SERVICES_SNAPSHOT_CODEC_H_
