#include "domain/user_name.h"

#include "absl/strings/str_cat.h"
#include "domain/strings.h"
#include "domain/text_limits.h"

namespace renstra {
namespace {

bool IsLetterOrDigit(char c) { return (c >= 'a' && c <= 'z') || IsAsciiDigit(c); }

bool IsNameChar(char c) { return IsLetterOrDigit(c) || c == '.' || c == '_' || c == '-'; }

}  // namespace

bool IsReservedUserName(std::string_view name) {
  for (std::string_view reserved : kReservedUserNames) {
    if (name == reserved) return true;
  }
  return false;
}

absl::Status CheckUserName(std::string_view field, std::string_view name) {
  // Reserved first: "-" and "." would otherwise get a less telling message.
  if (IsReservedUserName(name)) {
    return absl::InvalidArgumentError(
        absl::StrCat(AsAbsl(field), ": \"", AsAbsl(name), "\" is reserved for the system"));
  }
  if (name.size() < kMinUserNameBytes || name.size() > kMaxUserNameBytes) {
    return absl::InvalidArgumentError(absl::StrCat(AsAbsl(field), ": ", name.size(),
                                                   " bytes; a user name has ", kMinUserNameBytes,
                                                   " to ", kMaxUserNameBytes));
  }
  for (char c : name) {
    if (!IsNameChar(c)) {
      return absl::InvalidArgumentError(absl::StrCat(
          AsAbsl(field), ": \"", SafePrefix(name), "\" may hold only a-z, 0-9, '.', '_' and '-'"));
    }
  }
  if (!IsLetterOrDigit(name.front()) || !IsLetterOrDigit(name.back())) {
    return absl::InvalidArgumentError(absl::StrCat(AsAbsl(field), ": \"", AsAbsl(name),
                                                   "\" must start and end with a letter or digit"));
  }
  return absl::OkStatus();
}

}  // namespace renstra
