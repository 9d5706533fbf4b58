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
    *error = "berkas status " + path +
             " bukan kepala log yang terverifikasi (hapus untuk memulai dari awal)";
    return false;
  }
  absl::StatusOr<merkle::Hash> root = merkle::FromHex(root_hex);
  if (!root.ok()) {
    *error = "berkas status " + path + ": " + std::string(root.status().message());
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
    *error = "berkas status: " + std::string(saved.message());
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
  if (!key.ok())
    return Fail("kunci publik yang disematkan: " + std::string(key.status().message()));

  v1::SignedTreeHead sth;
  grpc::Status status = client.audit()->GetSignedTreeHead(client.NewContext().get(), {}, &sth);
  if (!status.ok()) return Fail(UserMessage(status, client));
  absl::StatusOr<merkle::Hash> root = merkle::HashFromBytes(sth.root_hash());
  if (!root.ok()) return Fail("akar kepala pohon bukan hash SHA-256");
  const merkle::TreeHead head{sth.tree_size(), *root, sth.timestamp_micros()};
  if (absl::Status s = merkle::VerifyTreeHead(*key, head, sth.signature()); !s.ok()) {
    return Fail(
        "GAGAL: kepala pohon " + std::to_string(sth.tree_size()) +
        " peristiwa tidak ditandatangani kunci yang disematkan: " + std::string(s.message()));
  }
  out << "ok: kepala pohon " << sth.tree_size() << " peristiwa, akar " << merkle::ToHex(*root)
      << ", ditandatangani kunci yang disematkan " << sth.key_id().substr(0, 16) << "\n";

  std::string error;
  VerifiedHead last;
  if (!options.state_file.empty() && !LoadState(options.state_file, &last, &error)) {
    return Fail(error);
  }
  if (last.size > 0) {
    if (last.size > sth.tree_size()) {
      return Fail("GAGAL: log menyusut: " + std::to_string(last.size) +
                  " peristiwa telah diverifikasi sebelumnya, server kini menandatangani " +
                  std::to_string(sth.tree_size()) + " (riwayat terpotong)");
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
      return Fail("GAGAL: log " + std::to_string(sth.tree_size()) +
                  " peristiwa tidak melanjutkan log yang diverifikasi sebelumnya (" +
                  std::to_string(last.size) + " peristiwa, akar " + merkle::ToHex(last.root) +
                  "): riwayat telah ditulis ulang: " + std::string(s.message()));
    }
    out << "ok: konsisten dengan kepala yang diverifikasi sebelumnya (" << last.size
        << " peristiwa)\n";
  } else if (!options.state_file.empty()) {
    out << "catatan: belum ada kepala yang diverifikasi di " << options.state_file
        << "; kepala ini menjadi acuan\n";
  }

  for (uint64_t sequence : options.events) {
    v1::GetInclusionProofRequest request;
    request.set_sequence(sequence);
    request.set_tree_size(sth.tree_size());
    v1::InclusionProof proof;
    status = client.audit()->GetInclusionProof(client.NewContext().get(), request, &proof);
    if (!status.ok()) return Fail(UserMessage(status, client));
    if (proof.envelope().sequence() != sequence) {
      return Fail("GAGAL: meminta peristiwa " + std::to_string(sequence) + ", mendapat peristiwa " +
                  std::to_string(proof.envelope().sequence()));
    }
    bool ok = true;
    std::vector<merkle::Hash> path = PathOf(proof.path(), &ok);
    const merkle::Hash leaf = merkle::LeafHash(SerializeEnvelope(proof.envelope()));
    absl::Status s = ok ? merkle::VerifyInclusion(sequence - 1, sth.tree_size(), leaf, path, *root)
                        : absl::InvalidArgumentError("a proof hash is not 32 bytes");
    if (!s.ok()) {
      return Fail("GAGAL: peristiwa " + std::to_string(sequence) +
                  " tidak ada di log bertanda tangan yang disajikan: " + std::string(s.message()));
    }
    out << "ok: peristiwa " << sequence << " (" << proof.envelope().event_type() << " di "
        << proof.envelope().stream() << ") ada di log bertanda tangan\n";
  }

  if (!options.state_file.empty()) {
    if (!SaveState(options.state_file, {sth.tree_size(), *root}, &error)) return Fail(error);
  }
  out << "terverifikasi\n" << std::flush;
  return kExitOk;
}

}  // namespace renstra
