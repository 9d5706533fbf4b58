#include "domain/diff_endpoints.h"

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "domain/strings.h"
#include "domain/text_limits.h"

namespace renstra {
namespace {

absl::Status Refuse(absl::StatusCode code, std::string_view field, std::string_view what,
                    const PlanState& plan) {
  return absl::Status(
      code, absl::StrCat(AsAbsl(field), ": ", AsAbsl(what), "; ", PlanVersionsHint(plan)));
}

// The version `text` ("REV-<n>" or "<n>") names.
absl::StatusOr<int64_t> RevisionVersion(const PlanState& plan, std::string_view field,
                                        std::string_view text) {
  std::string_view digits = TrimAscii(text);
  if (digits.size() > 4 && absl::EqualsIgnoreCase(AsAbsl(digits.substr(0, 4)), "REV-")) {
    digits.remove_prefix(4);
  }
  int number = -1;
  bool all_digits = !digits.empty() && digits.size() <= 6;
  for (char c : digits) all_digits = all_digits && IsAsciiDigit(c);
  if (!all_digits || !absl::SimpleAtoi(AsAbsl(digits), &number)) {
    return Refuse(absl::StatusCode::kInvalidArgument, field,
                  absl::StrCat("\"", SafePrefix(text), "\" is not a revision (REV-<n> or <n>)"),
                  plan);
  }
  const std::string id = absl::StrCat("REV-", number);
  if (number == 0) return ImportedVersion(plan);
  for (const v1::RevisionInfo& r : plan.revisions()) {
    if (r.revision_number() == number) return r.plan_version();
  }
  if (plan.open_revision() != nullptr && plan.open_revision()->revision_id() == id) {
    return Refuse(absl::StatusCode::kFailedPrecondition, field,
                  absl::StrCat(id, " is open, not ratified: it changed nothing yet"), plan);
  }
  return Refuse(absl::StatusCode::kNotFound, field, absl::StrCat("no revision ", id), plan);
}

// A version given as such: a command boundary from the end of the import on.
absl::Status CheckVersion(const PlanState& plan, std::string_view field, int64_t version) {
  const int64_t imported = ImportedVersion(plan);
  if (version < 0 || version > plan.version()) {
    return Refuse(absl::StatusCode::kInvalidArgument, field,
                  absl::StrCat(version, " is not a plan version"), plan);
  }
  if (version < imported) {
    return Refuse(absl::StatusCode::kInvalidArgument, field,
                  absl::StrCat(version, " falls inside the import (versions 1–", imported,
                               "), before the plan existed"),
                  plan);
  }
  if (const CommandSpan* span = plan.SpanInside(version)) {
    return Refuse(absl::StatusCode::kInvalidArgument, field,
                  absl::StrCat(version, " falls inside ", span->what, " (versions ", span->first,
                               "–", span->last, "); the plan's versions around it are ",
                               span->first - 1, " and ", span->last),
                  plan);
  }
  return absl::OkStatus();
}

// One end: `version` or `revision` (0 / empty when not given).
absl::StatusOr<int64_t> End(const PlanState& plan, std::string_view version_field, int64_t version,
                            std::string_view revision_field, std::string_view revision,
                            bool is_start) {
  if (version != 0 && !revision.empty()) {
    return Refuse(
        absl::StatusCode::kInvalidArgument, revision_field,
        absl::StrCat("give ", AsAbsl(version_field), " or ", AsAbsl(revision_field), ", not both"),
        plan);
  }
  if (!revision.empty()) return RevisionVersion(plan, revision_field, revision);
  if (version == 0) {
    if (!is_start) return plan.version();
    return Refuse(absl::StatusCode::kInvalidArgument, version_field,
                  absl::StrCat("required (a plan version or ", AsAbsl(revision_field),
                               "); 0 is not a plan version"),
                  plan);
  }
  if (absl::Status s = CheckVersion(plan, version_field, version); !s.ok()) return s;
  return version;
}

}  // namespace

int64_t ImportedVersion(const PlanState& plan) {
  if (!plan.established()) return 0;
  // The import is one append from version 1; SpanInside(1) is that append unless it
  // was a single event.
  const CommandSpan* span = plan.SpanInside(1);
  return span == nullptr ? 1 : span->last;
}

std::string PlanVersionsHint(const PlanState& plan) {
  if (!plan.established()) return "no plan has been imported";
  const int64_t imported = ImportedVersion(plan);
  std::string out =
      absl::StrCat("the plan's versions run from ", imported, " (as imported) to ", plan.version(),
                   " (current); its revisions are REV-0 (as "
                   "imported, version ",
                   imported, ")");
  for (const v1::RevisionInfo& r : plan.revisions()) {
    absl::StrAppend(&out, ", REV-", r.revision_number(), " (version ", r.plan_version(), ")");
  }
  return out;
}

absl::StatusOr<DiffEndpoints> ResolveDiffEndpoints(const PlanState& plan,
                                                   const DiffRequestEnds& ends) {
  if (!plan.established()) {
    return absl::NotFoundError("from_version: no plan has been imported");
  }
  DiffEndpoints out;
  absl::StatusOr<int64_t> from = End(plan, "from_version", ends.from_version, "from_revision",
                                     ends.from_revision, /*is_start=*/true);
  if (!from.ok()) return from.status();
  absl::StatusOr<int64_t> to =
      End(plan, "to_version", ends.to_version, "to_revision", ends.to_revision, /*is_start=*/false);
  if (!to.ok()) return to.status();
  if (*from > *to) {
    const std::string_view from_field =
        ends.from_revision.empty() ? "from_version" : "from_revision";
    const std::string_view to_field = ends.to_revision.empty() ? "to_version" : "to_revision";
    const auto named = [](std::string_view revision, int64_t version) {
      return revision.empty() ? absl::StrCat(version)
                              : absl::StrCat(SafePrefix(revision), " (version ", version, ")");
    };
    return Refuse(absl::StatusCode::kInvalidArgument, from_field,
                  absl::StrCat(named(ends.from_revision, *from), " is after ", AsAbsl(to_field),
                               " ", named(ends.to_revision, *to)),
                  plan);
  }
  out.from = *from;
  out.to = *to;
  return out;
}

}  // namespace renstra
