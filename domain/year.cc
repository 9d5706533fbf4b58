#include "domain/year.h"

#include "absl/strings/str_cat.h"

namespace renstra {

absl::Status CheckTargetYear(int year, const char* field) {
  if (year >= kFirstTargetYear && year <= kFinalYear) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(field, " ", year, ": must be a target year ",
                                                 kFirstTargetYear, "..", kFinalYear));
}

}  // namespace renstra
