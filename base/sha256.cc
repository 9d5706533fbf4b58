#include "base/sha256.h"

#include <openssl/evp.h>
#include <openssl/sha.h>

#include <cstdlib>
#include <memory>

namespace renstra {

Sha256Digest Sha256Of(std::string_view first, std::string_view second) {
  Sha256Digest out;
  if (second.empty()) {
    // One piece: the one-shot SHA256() (not deprecated in OpenSSL 3) avoids a context
    // allocation, which dominates when the server rebuilds a large Merkle tree.
    if (SHA256(reinterpret_cast<const unsigned char*>(first.data()), first.size(), out.data()) ==
        nullptr) {
      std::abort();
    }
    return out;
  }
  // Two pieces: a streamed context hashes them as one without copying them together.
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  unsigned int length = 0;
  if (ctx == nullptr || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1 ||
      EVP_DigestUpdate(ctx.get(), first.data(), first.size()) != 1 ||
      EVP_DigestUpdate(ctx.get(), second.data(), second.size()) != 1 ||
      EVP_DigestFinal_ex(ctx.get(), out.data(), &length) != 1 || length != kSha256Size) {
    std::abort();
  }
  return out;
}

std::string Sha256(std::string_view bytes) {
  const Sha256Digest digest = Sha256Of(bytes);
  return std::string(reinterpret_cast<const char*>(digest.data()), digest.size());
}

struct Sha256Stream::Context {
  EVP_MD_CTX* md = EVP_MD_CTX_new();
};

Sha256Stream::Sha256Stream() : ctx_(new Context) {
  if (ctx_->md == nullptr || EVP_DigestInit_ex(ctx_->md, EVP_sha256(), nullptr) != 1) std::abort();
}

Sha256Stream::~Sha256Stream() {
  EVP_MD_CTX_free(ctx_->md);
  delete ctx_;
}

void Sha256Stream::Update(const void* data, size_t n) {
  if (EVP_DigestUpdate(ctx_->md, data, n) != 1) std::abort();
}

std::string Sha256Stream::Final() {
  Sha256Digest out;
  unsigned int length = 0;
  if (EVP_DigestFinal_ex(ctx_->md, out.data(), &length) != 1 || length != kSha256Size) {
    std::abort();
  }
  return std::string(reinterpret_cast<const char*>(out.data()), out.size());
}

}  // namespace renstra
