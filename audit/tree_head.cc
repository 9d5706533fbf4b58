#include "audit/tree_head.h"

#include "absl/strings/str_cat.h"

namespace renstra::merkle {
namespace {

void AppendBigEndian64(uint64_t value, std::string& out) {
  for (int shift = 56; shift >= 0; shift -= 8) {
    out.push_back(static_cast<char>((value >> shift) & 0xff));
  }
}

}  // namespace

std::string SerializeTreeHead(const TreeHead& head) {
  std::string out;
  out.reserve(kSerializedTreeHeadSize);
  out.append(kTreeHeadDomain);
  AppendBigEndian64(head.size, out);
  out.append(reinterpret_cast<const char*>(head.root.data()), head.root.size());
  // Two's complement, fixed by C++20 for the conversion to unsigned.
  AppendBigEndian64(static_cast<uint64_t>(head.timestamp_micros), out);
  return out;
}

absl::StatusOr<std::string> SignTreeHead(const Ed25519PrivateKey& key, const TreeHead& head) {
  return key.Sign(SerializeTreeHead(head));
}

absl::Status VerifyTreeHead(const Ed25519PublicKey& key, const TreeHead& head,
                            std::string_view signature) {
  absl::Status status = key.Verify(SerializeTreeHead(head), signature);
  if (!status.ok()) {
    return absl::Status(status.code(), absl::StrCat("tree head of size ", head.size, " at ",
                                                    head.timestamp_micros, ": ", status.message()));
  }
  return status;
}

}  // namespace renstra::merkle
