#include "audit/ed25519_key.h"

#include <fcntl.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "base/durable_file.h"

namespace renstra {

void EvpPkeyDeleter::operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }

namespace {

using BioPtr = std::unique_ptr<BIO, decltype(&BIO_free)>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)>;

// Drains OpenSSL's thread-local error queue (so a stale error cannot be blamed on a later
// call) and returns the first reason, for messages.
std::string TakeOpenSslError() {
  const unsigned long first = ERR_get_error();
  ERR_clear_error();
  if (first == 0) return "no OpenSSL error reported";
  char buffer[256];
  ERR_error_string_n(first, buffer, sizeof(buffer));
  return buffer;
}

absl::Status InternalError(const char* what) {
  return absl::InternalError(absl::StrCat(what, ": ", TakeOpenSslError()));
}

// Refuses to prompt: OpenSSL's default passphrase callback would read from the terminal.
int NoPassphrase(char*, int, int, void*) { return -1; }

// A key's PEM is under 200 bytes; the cap keeps the length within BIO_new_mem_buf()'s
// int, where a negative value would make OpenSSL call strlen() on unterminated data.
constexpr size_t kMaxPemSize = 64 * 1024;

absl::Status CheckPemSize(std::string_view pem) {
  if (pem.size() > kMaxPemSize) {
    return absl::InvalidArgumentError(
        absl::StrCat("PEM text of ", pem.size(), " bytes is too large for a key"));
  }
  return absl::OkStatus();
}

BioPtr ReadOnlyBio(std::string_view bytes) {
  return BioPtr(BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size())), &BIO_free);
}

// The contents written to a memory BIO by `write`; aborts on failure, which for a memory
// BIO and a valid key can only be allocation failure.
template <typename WriteFn>
std::string WritePem(WriteFn write) {
  BioPtr bio(BIO_new(BIO_s_mem()), &BIO_free);
  if (bio == nullptr || write(bio.get()) != 1) std::abort();
  char* data = nullptr;
  const long length = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<size_t>(length));
}

absl::Status CheckIsEd25519(const EVP_PKEY* key, const char* what) {
  if (EVP_PKEY_get_id(key) != EVP_PKEY_ED25519) {
    return absl::InvalidArgumentError(absl::StrCat(what, " is not an Ed25519 key"));
  }
  return absl::OkStatus();
}

std::string RawPublicKey(EVP_PKEY* key) {
  std::string raw(kEd25519RawKeySize, '\0');
  size_t length = raw.size();
  if (EVP_PKEY_get_raw_public_key(key, reinterpret_cast<unsigned char*>(raw.data()), &length) !=
          1 ||
      length != kEd25519RawKeySize) {
    std::abort();  // Cannot fail for an Ed25519 key with this buffer size.
  }
  return raw;
}

absl::Status AlreadyExists(const std::string& path) {
  return absl::AlreadyExistsError(
      absl::StrCat("key file ", path, " already exists; refusing to overwrite it"));
}

}  // namespace

// --- Ed25519PublicKey ---------------------------------------------------------------------

absl::StatusOr<Ed25519PublicKey> Ed25519PublicKey::FromPem(std::string_view pem) {
  if (absl::Status s = CheckPemSize(pem); !s.ok()) return s;
  BioPtr bio = ReadOnlyBio(pem);
  if (bio == nullptr) return InternalError("cannot allocate a BIO");
  EvpPkeyPtr key(PEM_read_bio_PUBKEY(bio.get(), nullptr, &NoPassphrase, nullptr));
  if (key == nullptr) {
    return absl::InvalidArgumentError(absl::StrCat("not a PEM public key: ", TakeOpenSslError()));
  }
  if (absl::Status s = CheckIsEd25519(key.get(), "the PEM public key"); !s.ok()) return s;
  return Ed25519PublicKey(std::move(key));
}

absl::StatusOr<Ed25519PublicKey> Ed25519PublicKey::FromRaw(std::string_view raw) {
  if (raw.size() != kEd25519RawKeySize) {
    return absl::InvalidArgumentError(
        absl::StrCat("an Ed25519 public key is ", kEd25519RawKeySize, " bytes, got ", raw.size()));
  }
  EvpPkeyPtr key(EVP_PKEY_new_raw_public_key(
      EVP_PKEY_ED25519, nullptr, reinterpret_cast<const unsigned char*>(raw.data()), raw.size()));
  if (key == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat("not an Ed25519 public key: ", TakeOpenSslError()));
  }
  return Ed25519PublicKey(std::move(key));
}

std::string Ed25519PublicKey::ToPem() const {
  return WritePem([this](BIO* bio) { return PEM_write_bio_PUBKEY(bio, key_.get()); });
}

std::string Ed25519PublicKey::ToRaw() const { return RawPublicKey(key_.get()); }

absl::Status Ed25519PublicKey::Verify(std::string_view message, std::string_view signature) const {
  if (signature.size() != kEd25519SignatureSize) {
    return absl::FailedPreconditionError(
        absl::StrCat("signature does not verify with the pinned key: it is ", signature.size(),
                     " bytes, an Ed25519 signature is ", kEd25519SignatureSize));
  }
  MdCtxPtr ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  if (ctx == nullptr ||
      EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key_.get()) != 1) {
    return InternalError("cannot start Ed25519 verification");
  }
  const int result = EVP_DigestVerify(
      ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
      reinterpret_cast<const unsigned char*>(message.data()), message.size());
  if (result != 1) {
    ERR_clear_error();  // A bad signature leaves an entry on the queue.
    return absl::FailedPreconditionError("signature does not verify with the pinned key");
  }
  return absl::OkStatus();
}

// --- Ed25519PrivateKey --------------------------------------------------------------------

absl::StatusOr<Ed25519PrivateKey> Ed25519PrivateKey::Generate() {
  PkeyCtxPtr ctx(EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr), &EVP_PKEY_CTX_free);
  EVP_PKEY* raw_key = nullptr;
  if (ctx == nullptr || EVP_PKEY_keygen_init(ctx.get()) != 1 ||
      EVP_PKEY_keygen(ctx.get(), &raw_key) != 1) {
    return InternalError("cannot generate an Ed25519 key");
  }
  return Ed25519PrivateKey(EvpPkeyPtr(raw_key));
}

absl::StatusOr<Ed25519PrivateKey> Ed25519PrivateKey::FromRawPrivateKey(std::string_view seed) {
  if (seed.size() != kEd25519RawKeySize) {
    return absl::InvalidArgumentError(absl::StrCat("an Ed25519 private key is ", kEd25519RawKeySize,
                                                   " bytes, got ", seed.size()));
  }
  EvpPkeyPtr key(EVP_PKEY_new_raw_private_key(
      EVP_PKEY_ED25519, nullptr, reinterpret_cast<const unsigned char*>(seed.data()), seed.size()));
  if (key == nullptr) return InternalError("cannot build an Ed25519 key from raw bytes");
  return Ed25519PrivateKey(std::move(key));
}

absl::StatusOr<Ed25519PrivateKey> Ed25519PrivateKey::FromPem(std::string_view pem) {
  if (absl::Status s = CheckPemSize(pem); !s.ok()) return s;
  BioPtr bio = ReadOnlyBio(pem);
  if (bio == nullptr) return InternalError("cannot allocate a BIO");
  EvpPkeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, &NoPassphrase, nullptr));
  if (key == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat("not an unencrypted PEM private key: ", TakeOpenSslError()));
  }
  if (absl::Status s = CheckIsEd25519(key.get(), "the PEM private key"); !s.ok()) return s;
  return Ed25519PrivateKey(std::move(key));
}

absl::StatusOr<Ed25519PrivateKey> Ed25519PrivateKey::LoadPemFile(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return absl::ErrnoToStatus(errno, absl::StrCat("cannot open key file ", path));
  std::string pem;
  char buffer[4096];
  while (true) {
    const ssize_t n = read(fd, buffer, sizeof(buffer));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int error = errno;
      close(fd);
      return absl::ErrnoToStatus(error, absl::StrCat("cannot read key file ", path));
    }
    if (n == 0) break;
    pem.append(buffer, static_cast<size_t>(n));
  }
  close(fd);
  absl::StatusOr<Ed25519PrivateKey> key = FromPem(pem);
  if (!key.ok()) {
    return absl::Status(key.status().code(),
                        absl::StrCat("key file ", path, ": ", key.status().message()));
  }
  return key;
}

std::string Ed25519PrivateKey::ToPem() const {
  return WritePem([this](BIO* bio) {
    return PEM_write_bio_PrivateKey(bio, key_.get(), nullptr, nullptr, 0, nullptr, nullptr);
  });
}

absl::Status Ed25519PrivateKey::SavePemFile(const std::string& path) const {
  // WriteFileDurably writes a temporary file beside `path`, syncs it and only then links
  // it to `path`: a process killed while saving leaves no empty or partial key at `path`
  // (which would stop every later start), at most an unused temporary file. IfExists::kFail
  // never replaces anything (nor follows a symlink planted at `path`), and the mode is
  // exactly 0600 whatever the umask. The lstat() only spares the work when a key is there.
  struct stat st;
  if (lstat(path.c_str(), &st) == 0) return AlreadyExists(path);
  const absl::Status status = WriteFileDurably(path, ToPem(), 0600, IfExists::kFail);
  if (status.code() == absl::StatusCode::kAlreadyExists) return AlreadyExists(path);
  return status;
}

Ed25519PublicKey Ed25519PrivateKey::PublicKey() const {
  // Rebuilt from the raw bytes so the verifier object holds no private material.
  absl::StatusOr<Ed25519PublicKey> key = Ed25519PublicKey::FromRaw(PublicKeyRaw());
  if (!key.ok()) std::abort();  // Our own valid public key always parses.
  return std::move(key).value();
}

std::string Ed25519PrivateKey::PublicKeyPem() const {
  return WritePem([this](BIO* bio) { return PEM_write_bio_PUBKEY(bio, key_.get()); });
}

std::string Ed25519PrivateKey::PublicKeyRaw() const { return RawPublicKey(key_.get()); }

absl::StatusOr<std::string> Ed25519PrivateKey::Sign(std::string_view message) const {
  MdCtxPtr ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  // NULL digest: Ed25519 is a one-shot scheme that hashes the message itself (PureEdDSA).
  if (ctx == nullptr || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key_.get()) != 1) {
    return InternalError("cannot start Ed25519 signing");
  }
  std::string signature(kEd25519SignatureSize, '\0');
  size_t length = signature.size();
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                     reinterpret_cast<const unsigned char*>(message.data()), message.size()) != 1 ||
      length != kEd25519SignatureSize) {
    return InternalError("Ed25519 signing failed");
  }
  return signature;
}

}  // namespace renstra
