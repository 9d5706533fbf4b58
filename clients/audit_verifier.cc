#include "clients/audit_verifier.h"

#include <fstream>
#include <sstream>

#include "audit/ed25519_key.h"
#include "audit/merkle_hash.h"
#include "audit/merkle_verify.h"
#include "audit/tree_head.h"
#include "base/durable_file.h"
#include "clients/cli_output.h"
#include "storage/envelope_hash.h"

namespace renstra {
namespace {

constexpr char kStateMagic[] = "renstra-verified-head v1";

struct VerifiedHead {
  uint64_t size = 0;
  merkle::Hash root{};
};

// The head kept by the last successful run; size 0 when there is none yet.
bool LoadState(const std::string& path, VerifiedHead* head, std::string* error) {
  std::ifstream in(path);
  if (!in) return true;  // first run
  std::string magic, root_hex;
  std::getline(in, magic);
  if (magic != kStateMagic || !(in >> head->size >> root_hex)) {
    *error = "the state file " + path + " is not a verified head (delete it to start over)";
    return false;
  }
  absl::StatusOr<merkle::Hash> root = merkle::FromHex(root_hex);
  if (!root.ok()) {
    *error = "the state file " + path + ": " + std::string(root.status().message());
    return false;
  }
  head->root = *root;
  return true;
}

// Written durably (base/durable_file.h): a crash leaves the previous verified head or
// this one, never an empty file that would make the next run start over unnoticed.
bool SaveState(const std::string& path, const VerifiedHead& head, std::string* error) {
  const std::string bytes = std::string(kStateMagic) + "\n" + std::to_string(head.size) + " " +
                            merkle::ToHex(head.root) + "\n";
  const absl::Status saved = WriteFileDurably(path, bytes, 0644);
  if (!saved.ok()) {
    *error = "the state file: " + std::string(saved.message());
    return false;
  }
  return true;
}

std::vector<merkle::Hash> PathOf(const google::protobuf::RepeatedPtrField<std::string>& path,
                                 bool* ok) {
  std::vector<merkle::Hash> out;
  for (const std::string& bytes : path) {
    absl::StatusOr<merkle::Hash> h = merkle::HashFromBytes(bytes);
    if (!h.ok()) {
      *ok = false;
      return {};
    }
    out.push_back(*h);
  }
  return out;
}

}  // namespace

int RunAuditVerify(Client& client, const AuditVerifyOptions& options, std::ostream& out) {
  absl::StatusOr<Ed25519PublicKey> key = Ed25519PublicKey::FromPem(options.public_key_pem);
  if (!key.ok()) return Fail("the pinned public key: " + std::string(key.status().message()));

  v1::SignedTreeHead sth;
  grpc::Status status = client.audit()->GetSignedTreeHead(client.NewContext().get(), {}, &sth);
  if (!status.ok()) return Fail(UserMessage(status, client));
  absl::StatusOr<merkle::Hash> root = merkle::HashFromBytes(sth.root_hash());
  if (!root.ok()) return Fail("the tree head's root is not a SHA-256 hash");
  const merkle::TreeHead head{sth.tree_size(), *root, sth.timestamp_micros()};
  if (absl::Status s = merkle::VerifyTreeHead(*key, head, sth.signature()); !s.ok()) {
    return Fail("FAILED: the tree head of " + std::to_string(sth.tree_size()) +
                " events is not signed by the pinned key: " + std::string(s.message()));
  }
  out << "ok: tree head of " << sth.tree_size() << " events, root " << merkle::ToHex(*root)
      << ", signed by the pinned key " << sth.key_id().substr(0, 16) << "\n";

  std::string error;
  VerifiedHead last;
  if (!options.state_file.empty() && !LoadState(options.state_file, &last, &error)) {
    return Fail(error);
  }
  if (last.size > 0) {
    if (last.size > sth.tree_size()) {
      return Fail("FAILED: the log shrank: " + std::to_string(last.size) +
                  " events were verified before, the server now signs " +
                  std::to_string(sth.tree_size()) + " (history truncated)");
    }
    v1::GetConsistencyProofRequest request;
    request.set_from_size(last.size);
    request.set_to_size(sth.tree_size());
    v1::ConsistencyProof proof;
    status = client.audit()->GetConsistencyProof(client.NewContext().get(), request, &proof);
    if (!status.ok()) return Fail(UserMessage(status, client));
    bool ok = true;
    std::vector<merkle::Hash> path = PathOf(proof.path(), &ok);
    absl::Status s =
        ok ? merkle::VerifyConsistency(last.size, sth.tree_size(), last.root, *root, path)
           : absl::InvalidArgumentError("a proof hash is not 32 bytes");
    if (!s.ok()) {
      return Fail("FAILED: the log of " + std::to_string(sth.tree_size()) +
                  " events does not extend the one verified before (" + std::to_string(last.size) +
                  " events, root " + merkle::ToHex(last.root) +
                  "): history was rewritten: " + std::string(s.message()));
    }
    out << "ok: consistent with the head verified before (" << last.size << " events)\n";
  } else if (!options.state_file.empty()) {
    out << "note: no head verified before in " << options.state_file
        << "; this head becomes the reference\n";
  }

  for (uint64_t sequence : options.events) {
    v1::GetInclusionProofRequest request;
    request.set_sequence(sequence);
    request.set_tree_size(sth.tree_size());
    v1::InclusionProof proof;
    status = client.audit()->GetInclusionProof(client.NewContext().get(), request, &proof);
    if (!status.ok()) return Fail(UserMessage(status, client));
    if (proof.envelope().sequence() != sequence) {
      return Fail("FAILED: asked for event " + std::to_string(sequence) + ", got event " +
                  std::to_string(proof.envelope().sequence()));
    }
    bool ok = true;
    std::vector<merkle::Hash> path = PathOf(proof.path(), &ok);
    const merkle::Hash leaf = merkle::LeafHash(SerializeEnvelope(proof.envelope()));
    absl::Status s = ok ? merkle::VerifyInclusion(sequence - 1, sth.tree_size(), leaf, path, *root)
                        : absl::InvalidArgumentError("a proof hash is not 32 bytes");
    if (!s.ok()) {
      return Fail("FAILED: event " + std::to_string(sequence) +
                  " is not in the signed log as served: " + std::string(s.message()));
    }
    out << "ok: event " << sequence << " (" << proof.envelope().event_type() << " on "
        << proof.envelope().stream() << ") is in the signed log\n";
  }

  if (!options.state_file.empty()) {
    if (!SaveState(options.state_file, {sth.tree_size(), *root}, &error)) return Fail(error);
  }
  out << "verified\n" << std::flush;
  return kExitOk;
}

}  // namespace renstra
