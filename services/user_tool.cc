#include "services/user_tool.h"

#include <openssl/rand.h>

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "domain/strings.h"
#include "domain/text_limits.h"
#include "domain/user_name.h"
#include "google/protobuf/text_format.h"
#include "services/authenticator.h"

namespace renstra {
namespace {

constexpr size_t kMinTokenLength = 16;
constexpr size_t kTokenBytes = 32;

absl::StatusOr<v1::Division> ParseDivision(const std::string& text) {
  const std::string lower = absl::AsciiStrToLower(text);
  if (lower == "rehab") return v1::REHABILITASI_SOSIAL;
  if (lower == "linjamsos") return v1::PERLINDUNGAN_JAMINAN_SOSIAL;
  if (lower == "dayasos") return v1::PEMBERDAYAAN_SOSIAL;
  if (lower == "dayamas") return v1::PEMBERDAYAAN_MASYARAKAT;
  if (lower == "sekretariat") return v1::SEKRETARIAT;
  v1::Division division = v1::DIVISION_UNSPECIFIED;
  if (!v1::Division_Parse(absl::AsciiStrToUpper(text), &division) ||
      division == v1::DIVISION_UNSPECIFIED) {
    return absl::InvalidArgumentError(absl::StrCat(
        "division: \"", text,
        "\" is not a division (REHABILITASI_SOSIAL or rehab, PERLINDUNGAN_JAMINAN_SOSIAL or "
        "linjamsos, PEMBERDAYAAN_SOSIAL or dayasos, PEMBERDAYAAN_MASYARAKAT or dayamas, "
        "SEKRETARIAT)"));
  }
  return division;
}

}  // namespace

absl::StatusOr<UserSpec> ParseUserSpec(std::string_view spec) {
  const std::vector<std::string> parts = absl::StrSplit(AsAbsl(spec), ':');
  if (parts.size() < 2 || parts.size() > 3) {
    return absl::InvalidArgumentError(
        absl::StrCat("\"", SafePrefix(spec), "\" is not NAME:ROLE or NAME:ROLE:DIVISION"));
  }
  UserSpec out;
  out.name = parts[0];
  if (absl::Status name = CheckUserName("name", out.name); !name.ok()) return name;
  if (!v1::Role::Value_Parse(absl::AsciiStrToUpper(parts[1]), &out.role) ||
      out.role == v1::Role::ROLE_UNSPECIFIED) {
    return absl::InvalidArgumentError(
        absl::StrCat("role: \"", parts[1],
                     "\" is not a role (KEPALA_BIDANG, SEKRETARIAT, KEPALA_DINAS, INSPEKTORAT, "
                     "ADMIN)"));
  }
  if (parts.size() == 3) {
    if (out.role != v1::Role::KEPALA_BIDANG) {
      return absl::InvalidArgumentError(
          absl::StrCat("division: only a KEPALA_BIDANG heads a division; ", out.name, " is ",
                       v1::Role::Value_Name(out.role)));
    }
    absl::StatusOr<v1::Division> division = ParseDivision(parts[2]);
    if (!division.ok()) return division.status();
    out.division = *division;
  } else if (out.role == v1::Role::KEPALA_BIDANG) {
    return absl::InvalidArgumentError(
        "division: required for a KEPALA_BIDANG (NAME:KEPALA_BIDANG:DIVISION)");
  }
  return out;
}

absl::Status CheckDisplayName(std::string_view display_name) {
  return CheckText("display_name", display_name, kDisplayNameText);
}

absl::Status CheckToken(std::string_view token) {
  if (token.size() < kMinTokenLength) {
    return absl::InvalidArgumentError(absl::StrCat(
        "token: ", token.size(), " characters; at least ", kMinTokenLength, " required"));
  }
  for (char c : token) {
    if (c <= ' ' || c > '~') {
      return absl::InvalidArgumentError(
          "token: only printable ASCII characters, no spaces (it travels in an HTTP header)");
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> GenerateToken() {
  unsigned char bytes[kTokenBytes];
  if (RAND_bytes(bytes, sizeof(bytes)) != 1) {
    return absl::InternalError("no random bytes available for a token");
  }
  std::string encoded;
  absl::WebSafeBase64Escape(absl::string_view(reinterpret_cast<const char*>(bytes), sizeof(bytes)),
                            &encoded);
  return absl::StrCat("rst_", encoded);
}

std::string FormatUserEntry(const UserSpec& spec, std::string_view display_name,
                            std::string_view token) {
  v1::UserEntry entry = Authenticator::MakeEntry(spec.name, spec.role, spec.division, token);
  entry.set_display_name(std::string(display_name));
  google::protobuf::TextFormat::Printer printer;
  printer.SetUseUtf8StringEscaping(true);
  printer.SetInitialIndentLevel(1);
  std::string body;
  printer.PrintToString(entry, &body);
  return absl::StrCat("user {\n", body, "}\n");
}

}  // namespace renstra
