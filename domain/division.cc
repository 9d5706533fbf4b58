#include "domain/division.h"

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "domain/strings.h"

namespace renstra {
namespace {

struct ProgramDivision {
  std::string_view program;
  v1::Division division;
};

// The default assignment, from BAB II's description of each division (docs/architecture.md).
constexpr ProgramDivision kDefaults[] = {
    {"1.06.01", v1::SEKRETARIAT},
    {"1.06.02", v1::PEMBERDAYAAN_SOSIAL},
    {"1.06.03", v1::REHABILITASI_SOSIAL},
    {"1.06.04", v1::REHABILITASI_SOSIAL},
    {"1.06.05", v1::PERLINDUNGAN_JAMINAN_SOSIAL},
    {"1.06.06", v1::PERLINDUNGAN_JAMINAN_SOSIAL},
    {"1.06.07", v1::PEMBERDAYAAN_SOSIAL},
    {"2.13.04", v1::PEMBERDAYAAN_MASYARAKAT},
    {"2.13.05", v1::PEMBERDAYAAN_MASYARAKAT},
};

constexpr v1::Division kAllDivisions[] = {
    v1::SEKRETARIAT,         v1::PERLINDUNGAN_JAMINAN_SOSIAL, v1::REHABILITASI_SOSIAL,
    v1::PEMBERDAYAAN_SOSIAL, v1::PEMBERDAYAAN_MASYARAKAT,
};

constexpr std::string_view kBidang = "Bidang ";

std::string_view WithoutBidang(std::string_view name) {
  if (absl::StartsWithIgnoreCase(AsAbsl(name), AsAbsl(kBidang))) name.remove_prefix(kBidang.size());
  return name;
}

}  // namespace

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (char c : text) {
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

v1::Division DefaultDivisionForProgram(std::string_view program_canonical_code) {
  for (const ProgramDivision& d : kDefaults) {
    if (d.program == program_canonical_code) return d.division;
  }
  return v1::DIVISION_UNSPECIFIED;
}

std::string DivisionDisplayName(v1::Division division) {
  switch (division) {
    case v1::SEKRETARIAT:
      return "Sekretariat";
    case v1::PERLINDUNGAN_JAMINAN_SOSIAL:
      return "Bidang Perlindungan dan Jaminan Sosial";
    case v1::REHABILITASI_SOSIAL:
      return "Bidang Rehabilitasi Sosial";
    case v1::PEMBERDAYAAN_SOSIAL:
      return "Bidang Pemberdayaan Sosial";
    case v1::PEMBERDAYAAN_MASYARAKAT:
      return "Bidang Pemberdayaan Masyarakat";
    default:
      return "";
  }
}

absl::StatusOr<v1::Division> ParseDivision(std::string_view text) {
  const std::string name = CollapseSpaces(text);
  const std::string_view bare = WithoutBidang(name);
  for (v1::Division d : kAllDivisions) {
    if (absl::EqualsIgnoreCase(AsAbsl(bare), AsAbsl(WithoutBidang(DivisionDisplayName(d)))) ||
        absl::EqualsIgnoreCase(name, v1::Division_Name(d))) {
      return d;
    }
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "division \"", name,
      "\": not a division (Sekretariat, Bidang Perlindungan dan Jaminan Sosial, Bidang "
      "Rehabilitasi Sosial, Bidang Pemberdayaan Sosial or Bidang Pemberdayaan Masyarakat)"));
}

}  // namespace renstra
