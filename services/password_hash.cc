#include "services/password_hash.h"

#include <argon2.h>
#include <openssl/rand.h>

#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "domain/strings.h"

namespace renstra {
namespace {

constexpr uint32_t kPasses = 2;
constexpr uint32_t kMemoryKiB = 19456;
constexpr uint32_t kLanes = 1;
constexpr size_t kSaltBytes = 16;
constexpr size_t kHashBytes = 32;

}  // namespace

absl::Status CheckNewPassword(std::string_view field, std::string_view name,
                              std::string_view password) {
  if (password.size() < kMinPasswordBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat(AsAbsl(field), ": must be at least ", kMinPasswordBytes, " characters"));
  }
  if (password.size() > kMaxPasswordBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat(AsAbsl(field), ": must be at most ", kMaxPasswordBytes, " bytes"));
  }
  if (password == name) {
    return absl::InvalidArgumentError(absl::StrCat(AsAbsl(field), ": must not be the user name"));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> HashPassword(std::string_view password) {
  unsigned char salt[kSaltBytes];
  if (RAND_bytes(salt, sizeof(salt)) != 1) {
    return absl::InternalError("password: no random bytes for the salt");
  }
  std::vector<char> encoded(
      argon2_encodedlen(kPasses, kMemoryKiB, kLanes, kSaltBytes, kHashBytes, Argon2_id));
  const int rc =
      argon2id_hash_encoded(kPasses, kMemoryKiB, kLanes, password.data(), password.size(), salt,
                            sizeof(salt), kHashBytes, encoded.data(), encoded.size());
  if (rc != ARGON2_OK) {
    return absl::InternalError(absl::StrCat("password: ", argon2_error_message(rc)));
  }
  return std::string(encoded.data());
}

bool VerifyPassword(const std::string& encoded, std::string_view password) {
  if (!IsPasswordHash(encoded)) return false;
  return argon2id_verify(encoded.c_str(), password.data(), password.size()) == ARGON2_OK;
}

bool IsPasswordHash(const std::string& encoded) {
  return absl::StartsWith(encoded, "$argon2id$v=19$") && encoded.size() < 256;
}

}  // namespace renstra
