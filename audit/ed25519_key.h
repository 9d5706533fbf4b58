// Ed25519 keys (RFC 8032) for signing and checking the audit log's tree heads.
//
// Ed25519PrivateKey is the server's signing key: generated once, saved as an unencrypted
// PKCS#8 PEM file readable only by its owner (mode 0600; the file permission is the
// protection), and loaded at start-up. Ed25519PublicKey is what a client pins: it holds no
// private material and only verifies. Both wrap an OpenSSL EVP_PKEY (EVP_PKEY_ED25519,
// signing with EVP_DigestSign and a NULL digest, as Ed25519 hashes internally).
//
// Ownership: each object owns its EVP_PKEY; the classes are move-only.
// Thread safety: const methods may be called concurrently (each call uses its own
// EVP_MD_CTX and OpenSSL 3 does not mutate a key while signing or verifying with it).
//
// Errors:
//   INVALID_ARGUMENT    malformed key material (bad PEM, wrong raw length, not Ed25519).
//   FAILED_PRECONDITION a signature that does not verify (including one of the wrong length).
//   ALREADY_EXISTS      SavePemFile() onto an existing path (keys are never overwritten).
//   NOT_FOUND / PERMISSION_DENIED / ...  LoadPemFile()'s file errors, mapped from errno.
//   UNAVAILABLE         SavePemFile()'s file errors (base/durable_file.h: the operation,
//                       the path and the errno text).
//   INTERNAL            OpenSSL failed for a reason other than the input (e.g. no memory).
#ifndef RENSTRA_AUDIT_ED25519_KEY_H_
#define RENSTRA_AUDIT_ED25519_KEY_H_

#include <openssl/types.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace renstra {

inline constexpr size_t kEd25519RawKeySize = 32;  // Public key, or private seed.
inline constexpr size_t kEd25519SignatureSize = 64;

struct EvpPkeyDeleter {
  void operator()(EVP_PKEY* key) const;
};
using EvpPkeyPtr = std::unique_ptr<EVP_PKEY, EvpPkeyDeleter>;

// A public key that verifies signatures; it never holds private material.
class Ed25519PublicKey {
 public:
  // From "-----BEGIN PUBLIC KEY-----" (SubjectPublicKeyInfo) PEM text.
  static absl::StatusOr<Ed25519PublicKey> FromPem(std::string_view pem);
  // From the 32 raw public-key bytes of RFC 8032.
  static absl::StatusOr<Ed25519PublicKey> FromRaw(std::string_view raw);

  Ed25519PublicKey(Ed25519PublicKey&&) = default;
  Ed25519PublicKey& operator=(Ed25519PublicKey&&) = default;

  std::string ToPem() const;
  std::string ToRaw() const;  // 32 bytes.

  // OK iff `signature` is a valid Ed25519 signature of `message` under this key;
  // FAILED_PRECONDITION "signature does not verify with the pinned key" otherwise.
  absl::Status Verify(std::string_view message, std::string_view signature) const;

 private:
  explicit Ed25519PublicKey(EvpPkeyPtr key) : key_(std::move(key)) {}
  EvpPkeyPtr key_;
};

// A private (signing) key.
class Ed25519PrivateKey {
 public:
  // A fresh key from OpenSSL's CSPRNG.
  static absl::StatusOr<Ed25519PrivateKey> Generate();
  // From the 32-byte private seed of RFC 8032 (e.g. its test vectors).
  static absl::StatusOr<Ed25519PrivateKey> FromRawPrivateKey(std::string_view seed);
  // From unencrypted "-----BEGIN PRIVATE KEY-----" (PKCS#8) PEM text. An encrypted PEM is
  // rejected rather than prompting for a passphrase on the terminal.
  static absl::StatusOr<Ed25519PrivateKey> FromPem(std::string_view pem);
  // Reads and parses a file written by SavePemFile().
  static absl::StatusOr<Ed25519PrivateKey> LoadPemFile(const std::string& path);

  Ed25519PrivateKey(Ed25519PrivateKey&&) = default;
  Ed25519PrivateKey& operator=(Ed25519PrivateKey&&) = default;

  // Unencrypted PKCS#8 PEM text of the private key.
  std::string ToPem() const;

  // Creates `path` with mode 0600 holding ToPem(), atomically: the key is written and
  // fsync'ed under a temporary name beside it (`path`.tmp), then linked to `path` (and
  // the directory synced; base/durable_file.h), so a crash while saving never leaves an empty or
  // partial key at `path`. Fails with ALREADY_EXISTS if anything exists at `path`, so a key is
  // never silently replaced.
  absl::Status SavePemFile(const std::string& path) const;

  Ed25519PublicKey PublicKey() const;
  std::string PublicKeyPem() const;
  std::string PublicKeyRaw() const;  // 32 bytes.

  // The 64-byte Ed25519 signature of `message`.
  absl::StatusOr<std::string> Sign(std::string_view message) const;

 private:
  explicit Ed25519PrivateKey(EvpPkeyPtr key) : key_(std::move(key)) {}
  EvpPkeyPtr key_;
};

}  // namespace renstra

#endif  // RENSTRA_AUDIT_ED25519_KEY_H_
