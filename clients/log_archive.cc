#include "clients/log_archive.h"

#include <google/protobuf/util/json_util.h>

#include <string_view>

#include "audit/ed25519_key.h"
#include "audit/merkle_hash.h"
#include "audit/merkle_tree.h"
#include "audit/tree_head.h"
#include "base/hex.h"
#include "base/sha256.h"
#include "storage/envelope_hash.h"

namespace renstra {

ArchiveCheck VerifyArchive(std::istream& in, const std::string& public_key_pem) {
  ArchiveCheck check;
  auto fail = [&check](std::string why) {
    check.error = std::move(why);
    return check;
  };
  absl::StatusOr<Ed25519PublicKey> key = Ed25519PublicKey::FromPem(public_key_pem);
  if (!key.ok()) return fail("the public key: " + std::string(key.status().message()));

  std::string line;
  if (!std::getline(in, line)) return fail("line 1: the archive is empty (no tree head)");
  v1::SignedTreeHead head;
  if (!google::protobuf::util::JsonStringToMessage(line, &head).ok() || head.tree_size() == 0) {
    return fail("line 1: not a signed tree head");
  }
  merkle::MerkleTree tree;
  std::string prev(32, '\0');
  uint64_t line_number = 1;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.empty()) continue;
    v1::EventEnvelope envelope;
    if (!google::protobuf::util::JsonStringToMessage(line, &envelope).ok()) {
      return fail("line " + std::to_string(line_number) + ": not an event envelope");
    }
    const uint64_t expected = tree.size() + 1;
    if (envelope.sequence() != expected) {
      return fail("line " + std::to_string(line_number) + ": event " +
                  std::to_string(envelope.sequence()) + " where event " + std::to_string(expected) +
                  " belongs");
    }
    if (envelope.prev_hash() != prev) {
      return fail("event " + std::to_string(expected) +
                  ": prev_hash does not match the previous event (altered or reordered)");
    }
    const std::string bytes = SerializeEnvelope(envelope);
    prev = Sha256(bytes);
    tree.Append(merkle::LeafHash(bytes));
  }
  check.events = tree.size();
  check.head_hash_hex = ToHex(prev);
  if (tree.size() != head.tree_size()) {
    return fail("the archive holds " + std::to_string(tree.size()) +
                " events but its tree head covers " + std::to_string(head.tree_size()));
  }
  check.root_hex = merkle::ToHex(tree.Root());
  if (merkle::ToBytes(tree.Root()) != head.root_hash()) {
    return fail("the events give Merkle root " + check.root_hex + ", the signed head says " +
                ToHex(head.root_hash()));
  }
  absl::StatusOr<merkle::Hash> root = merkle::HashFromBytes(head.root_hash());
  merkle::TreeHead signed_head{head.tree_size(), *root, head.timestamp_micros()};
  if (absl::Status s = merkle::VerifyTreeHead(*key, signed_head, head.signature()); !s.ok()) {
    return fail("the tree head's signature: " + std::string(s.message()));
  }
  check.ok = true;
  return check;
}

}  // namespace renstra
