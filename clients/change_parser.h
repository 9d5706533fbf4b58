// Change parsing for the CLI: one proposed change per command-line option, turned into
// a v1::Change (workflow.proto). The grammar of each option:
//
//   --set-target        INDICATOR_ID:YEAR=VALUE          1.06.04.2.01.0001#1:2025=220 Orang
//   --set-funding       CODE:YEAR=RUPIAH                 1.06.05.2.02.001:2025=175.000.000
//   --replace-indicator ID:FROM_YEAR=STATEMENT|UNIT[|TARGETS]
//   --add-sub           CODE=NAME|INDICATOR|UNIT[|TARGETS[|FUNDING]]
//   --retire            CODE:FROM_YEAR                   1.06.04.2.01.0008:2025
//
// TARGETS is "YEAR=VALUE;YEAR=VALUE..." (";" because values use "," as the decimal
// comma), FUNDING is "YEAR=RUPIAH;...". Values are read by value_parser.h. The "before"
// fields are left empty: the server fills them from the plan.
//
// Thread safety: pure functions.
// Errors: std::nullopt with *error = "--OPTION \"SPEC\": reason".
#ifndef RENSTRA_CLIENTS_CHANGE_PARSER_H_
#define RENSTRA_CLIENTS_CHANGE_PARSER_H_

#include <optional>
#include <string>
#include <string_view>

#include "renstra/v1/workflow.pb.h"

namespace renstra {

enum class ChangeKind {
  kSetTarget,
  kSetFunding,
  kReplaceIndicator,
  kAddSubActivity,
  kRetireSubActivity,
};

// The option that spells a change of `kind`, e.g. "--set-target".
const char* ChangeOptionName(ChangeKind kind);
// The grammar of that option, e.g. "INDICATOR_ID:YEAR=VALUE".
const char* ChangeOptionSyntax(ChangeKind kind);

// Parses the argument of a change option.
std::optional<v1::Change> ParseChange(ChangeKind kind, std::string_view spec, std::string* error);

}  // namespace renstra

#endif  // RENSTRA_CLIENTS_CHANGE_PARSER_H_
