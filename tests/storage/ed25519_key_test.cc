#include "audit/ed25519_key.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "audit/merkle_hash.h"
#include "audit/tree_head.h"
#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace renstra {
namespace {

using absl::StatusCode;
using merkle::TreeHead;
using ::renstra::testing::IsOk;
using ::renstra::testing::TempDir;

std::string Unhex(std::string_view hex) {
  auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<char>(nibble(hex[i]) << 4 | nibble(hex[i + 1])));
  }
  return out;
}

// RFC 8032 section 7.1, TEST 1 (empty message).
const std::string kRfcSecret =
    Unhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
const std::string kRfcPublic =
    Unhex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
const std::string kRfcSignature = Unhex(
    "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9"
    "b46bd25bf5f0595bbe24655141438e7a100b");

// The RFC 8032 key pair in PEM, produced independently with Python's `cryptography`
// (serialization.PublicFormat.SubjectPublicKeyInfo / PrivateFormat.PKCS8).
constexpr char kRfcPublicPem[] =
    "-----BEGIN PUBLIC KEY-----\n"
    "MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n"
    "-----END PUBLIC KEY-----\n";
constexpr char kRfcPrivatePem[] =
    "-----BEGIN PRIVATE KEY-----\n"
    "MC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g\n"
    "-----END PRIVATE KEY-----\n";

Ed25519PrivateKey RfcKey() { return Ed25519PrivateKey::FromRawPrivateKey(kRfcSecret).value(); }

// PEM of a key made directly with OpenSSL: its public key, or its private key encrypted
// with `passphrase` (AES-256-CBC, PKCS#8).
std::string PemOf(EVP_PKEY* key, const char* passphrase, bool private_key) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
  const int ok = private_key ? PEM_write_bio_PKCS8PrivateKey(
                                   bio.get(), key, EVP_aes_256_cbc(), passphrase,
                                   static_cast<int>(strlen(passphrase)), nullptr, nullptr)
                             : PEM_write_bio_PUBKEY(bio.get(), key);
  EXPECT_EQ(ok, 1);
  char* data = nullptr;
  const long length = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<size_t>(length));
}

TEST(Ed25519KeyTest, Rfc8032TestVector1) {
  const Ed25519PrivateKey key = RfcKey();
  EXPECT_EQ(key.PublicKeyRaw(), kRfcPublic);
  EXPECT_EQ(key.Sign("").value(), kRfcSignature);
  const Ed25519PublicKey pinned = Ed25519PublicKey::FromRaw(kRfcPublic).value();
  EXPECT_THAT(pinned.Verify("", kRfcSignature), IsOk());
  EXPECT_EQ(pinned.Verify("x", kRfcSignature),
            absl::FailedPreconditionError("signature does not verify with the pinned key"));
}

TEST(Ed25519KeyTest, PemEncodingsMatchTheIndependentOnes) {
  const Ed25519PrivateKey key = RfcKey();
  EXPECT_EQ(key.PublicKeyPem(), kRfcPublicPem);
  EXPECT_EQ(key.PublicKey().ToPem(), kRfcPublicPem);
  EXPECT_EQ(key.ToPem(), kRfcPrivatePem);
  EXPECT_EQ(Ed25519PublicKey::FromPem(kRfcPublicPem).value().ToRaw(), kRfcPublic);
  EXPECT_EQ(Ed25519PrivateKey::FromPem(kRfcPrivatePem).value().Sign("").value(), kRfcSignature);
}

TEST(Ed25519KeyTest, GeneratedKeySignsAndOnlyItsPublicKeyVerifies) {
  const Ed25519PrivateKey key = Ed25519PrivateKey::Generate().value();
  const Ed25519PrivateKey other = Ed25519PrivateKey::Generate().value();
  EXPECT_NE(key.PublicKeyRaw(), other.PublicKeyRaw());
  const std::string signature = key.Sign("hello").value();
  EXPECT_EQ(signature.size(), kEd25519SignatureSize);
  EXPECT_THAT(key.PublicKey().Verify("hello", signature), IsOk());
  EXPECT_EQ(other.PublicKey().Verify("hello", signature).code(), StatusCode::kFailedPrecondition);
  std::string flipped = signature;
  flipped[10] ^= 0x01;
  EXPECT_EQ(key.PublicKey().Verify("hello", flipped).code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(key.PublicKey().Verify("hello", signature.substr(0, 63)),
            absl::FailedPreconditionError("signature does not verify with the pinned key: it is "
                                          "63 bytes, an Ed25519 signature is 64"));
}

TEST(Ed25519KeyTest, MalformedKeysAreInvalidArguments) {
  EXPECT_EQ(Ed25519PublicKey::FromRaw("short").status(),
            absl::InvalidArgumentError("an Ed25519 public key is 32 bytes, got 5"));
  EXPECT_EQ(Ed25519PrivateKey::FromRawPrivateKey(std::string(33, 'k')).status(),
            absl::InvalidArgumentError("an Ed25519 private key is 32 bytes, got 33"));
  EXPECT_EQ(Ed25519PublicKey::FromPem("not pem").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Ed25519PrivateKey::FromPem(std::string(70000, 'A')).status(),
            absl::InvalidArgumentError("PEM text of 70000 bytes is too large for a key"));
  EXPECT_EQ(Ed25519PrivateKey::FromPem(kRfcPublicPem).status().code(),
            StatusCode::kInvalidArgument);

  // A well-formed key of another type (X25519) is refused, not misused.
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> x25519(
      EVP_PKEY_Q_keygen(nullptr, nullptr, "X25519"), &EVP_PKEY_free);
  ASSERT_NE(x25519, nullptr);
  EXPECT_EQ(Ed25519PublicKey::FromPem(PemOf(x25519.get(), /*passphrase=*/nullptr, false)).status(),
            absl::InvalidArgumentError("the PEM public key is not an Ed25519 key"));
}

TEST(Ed25519KeyTest, EncryptedPrivateKeyIsRefusedWithoutPrompting) {
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
      EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"), &EVP_PKEY_free);
  ASSERT_NE(key, nullptr);
  const std::string encrypted = PemOf(key.get(), "secret", true);
  ASSERT_NE(encrypted.find("ENCRYPTED PRIVATE KEY"), std::string::npos);
  EXPECT_EQ(Ed25519PrivateKey::FromPem(encrypted).status().code(), StatusCode::kInvalidArgument);
}

TEST(Ed25519KeyTest, SaveCreatesAnOwnerOnlyFileAndLoadRoundTrips) {
  TempDir dir;
  const std::string path = dir.Sub("signing.pem");
  const Ed25519PrivateKey key = Ed25519PrivateKey::Generate().value();
  // umask 0 would give a world-readable file if the mode came from open() alone.
  const mode_t old_umask = umask(0);
  const absl::Status saved = key.SavePemFile(path);
  umask(old_umask);
  ASSERT_THAT(saved, IsOk()) << saved;

  struct stat st;
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0600u);
  const Ed25519PrivateKey loaded = Ed25519PrivateKey::LoadPemFile(path).value();
  EXPECT_EQ(loaded.PublicKeyRaw(), key.PublicKeyRaw());
  EXPECT_EQ(loaded.Sign("m").value(), key.Sign("m").value());  // Ed25519 is deterministic.

  const absl::Status again = Ed25519PrivateKey::Generate().value().SavePemFile(path);
  EXPECT_EQ(again.code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(again.message(), "key file " + path + " already exists; refusing to overwrite it");
  EXPECT_EQ(Ed25519PrivateKey::LoadPemFile(path).value().PublicKeyRaw(), key.PublicKeyRaw());
}

// A server killed while it saves its first key must not leave an empty or partial key
// file behind: the next start would find it and refuse to serve. The child here is
// killed inside the write (SIGXFSZ, as a file-size limit of 16 bytes makes the kernel
// send), i.e. after the key file was created and before it was complete.
TEST(Ed25519KeyTest, AProcessKilledWhileSavingLeavesNoPartialKey) {
  TempDir dir;
  const std::string path = dir.Sub("tree-head-key.pem");
  const Ed25519PrivateKey key = Ed25519PrivateKey::Generate().value();
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    signal(SIGXFSZ, SIG_DFL);
    const rlimit limit{16, 16};
    setrlimit(RLIMIT_FSIZE, &limit);
    (void)key.SavePemFile(path);
    _exit(0);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the save should have been killed";
  EXPECT_EQ(WTERMSIG(status), SIGXFSZ);

  struct stat st;
  EXPECT_NE(lstat(path.c_str(), &st), 0) << "a partial key file was left at " << path;
  // The next start makes and saves a key as if none had been attempted.
  ASSERT_THAT(key.SavePemFile(path), IsOk());
  EXPECT_EQ(Ed25519PrivateKey::LoadPemFile(path).value().PublicKeyRaw(), key.PublicKeyRaw());
}

TEST(Ed25519KeyTest, LoadReportsMissingAndMalformedFiles) {
  TempDir dir;
  EXPECT_EQ(Ed25519PrivateKey::LoadPemFile(dir.Sub("absent.pem")).status().code(),
            StatusCode::kNotFound);
  const std::string garbage = dir.Sub("garbage.pem");
  std::ofstream(garbage) << "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n";
  EXPECT_EQ(Ed25519PrivateKey::LoadPemFile(garbage).status().code(), StatusCode::kInvalidArgument);
}

// --- Tree heads ---------------------------------------------------------------------------

TreeHead SampleHead() {
  TreeHead head;
  head.size = 8;
  // The root of the RFC 6962 reference tree of 8 leaves.
  head.root =
      merkle::FromHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328").value();
  head.timestamp_micros = 1'717'200'000'000'000;  // 2024-06-01T00:00:00Z
  return head;
}

TEST(TreeHeadTest, SerializationIsTheDocumentedLayout) {
  TreeHead head;
  head.size = 0x0102030405060708;
  for (size_t i = 0; i < head.root.size(); ++i) head.root[i] = static_cast<uint8_t>(i);
  head.timestamp_micros = -2;
  EXPECT_EQ(merkle::kSerializedTreeHeadSize, 69u);
  EXPECT_EQ(merkle::SerializeTreeHead(head),
            std::string("renstra-tree-head-v1\n") +
                Unhex("0102030405060708"
                      "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
                      "fffffffffffffffe"));
}

TEST(TreeHeadTest, SignatureMatchesAnIndependentSigner) {
  // Signature of SerializeTreeHead(SampleHead()) under the RFC 8032 key, computed with
  // Python's `cryptography` over bytes it assembled itself with struct.pack(">Q"/">q").
  const std::string expected = Unhex(
      "9bf03ba5cb509313fa43b378b138f1c27fbfaf9a36d05f013324444fe7eb617a865dc437d8d6a0d9332041c1"
      "53a3adb516758da8a091a5fdc0dbdf94c68ddb0c");
  EXPECT_EQ(merkle::SignTreeHead(RfcKey(), SampleHead()).value(), expected);
  EXPECT_THAT(merkle::VerifyTreeHead(RfcKey().PublicKey(), SampleHead(), expected), IsOk());
}

TEST(TreeHeadTest, AnyChangeToTheHeadOrKeyIsRejected) {
  const Ed25519PrivateKey key = Ed25519PrivateKey::Generate().value();
  const Ed25519PublicKey pinned = Ed25519PublicKey::FromPem(key.PublicKeyPem()).value();
  const TreeHead head = SampleHead();
  const std::string signature = merkle::SignTreeHead(key, head).value();
  ASSERT_THAT(merkle::VerifyTreeHead(pinned, head, signature), IsOk());

  TreeHead bigger = head;
  bigger.size = 9;
  EXPECT_EQ(merkle::VerifyTreeHead(pinned, bigger, signature),
            absl::FailedPreconditionError("tree head of size 9 at 1717200000000000: signature "
                                          "does not verify with the pinned key"));
  TreeHead other_root = head;
  other_root.root[31] ^= 0x01;
  EXPECT_EQ(merkle::VerifyTreeHead(pinned, other_root, signature).code(),
            StatusCode::kFailedPrecondition);
  TreeHead later = head;
  later.timestamp_micros += 1;
  EXPECT_EQ(merkle::VerifyTreeHead(pinned, later, signature).code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(merkle::VerifyTreeHead(RfcKey().PublicKey(), head, signature).code(),
            StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace renstra
