#include "storage/envelope_hash.h"

#include <openssl/evp.h>

#include <cstdlib>
#include <memory>

#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"

namespace renstra {

std::string SerializeEnvelope(const v1::EventEnvelope& envelope) {
  std::string out;
  {
    google::protobuf::io::StringOutputStream stream(&out);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    // Fails only for messages over 2 GiB, which Append() never builds.
    (void)envelope.SerializeToCodedStream(&coded);
  }  // `coded` and `stream` flush into `out` here.
  return out;
}

std::string Sha256(std::string_view bytes) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  // These calls fail only on allocation failure or a broken OpenSSL installation; a
  // store that cannot hash must not write, so treat it as fatal.
  if (ctx == nullptr || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1 ||
      EVP_DigestUpdate(ctx.get(), bytes.data(), bytes.size()) != 1 ||
      EVP_DigestFinal_ex(ctx.get(), digest, &length) != 1 || length != kHashSize) {
    std::abort();
  }
  return std::string(reinterpret_cast<const char*>(digest), length);
}

std::string HashEnvelope(const v1::EventEnvelope& envelope) {
  return Sha256(SerializeEnvelope(envelope));
}

std::string ToHex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 0xf]);
  }
  return out;
}

}  // namespace renstra
