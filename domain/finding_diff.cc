#include "domain/finding_diff.h"

#include <map>
#include <tuple>

#include "absl/strings/str_cat.h"

namespace renstra {
namespace {

using Key = std::tuple<int, std::string, int>;

Key KeyOf(const v1::Finding& f) { return {f.kind(), f.code(), f.year()}; }

bool Same(const v1::Finding& a, const v1::Finding& b) {
  return a.kind() == b.kind() && a.code() == b.code() && a.year() == b.year() &&
         a.stated() == b.stated() && a.computed() == b.computed() && a.message() == b.message();
}

}  // namespace

FindingDiff DiffFindings(const std::vector<v1::Finding>& before,
                         const std::vector<v1::Finding>& after) {
  std::vector<bool> before_used(before.size(), false);
  std::vector<bool> after_used(after.size(), false);
  // First pass: identical findings (the same indicator row of a node, unchanged).
  for (size_t a = 0; a < after.size(); ++a) {
    for (size_t b = 0; b < before.size(); ++b) {
      if (!before_used[b] && Same(before[b], after[a])) {
        before_used[b] = after_used[a] = true;
        break;
      }
    }
  }
  // Second pass: the same kind, node and year with other figures, in document order.
  std::map<Key, std::vector<size_t>> open_before;
  for (size_t b = 0; b < before.size(); ++b) {
    if (!before_used[b]) open_before[KeyOf(before[b])].push_back(b);
  }
  std::map<Key, size_t> taken;
  for (size_t a = 0; a < after.size(); ++a) {
    if (after_used[a]) continue;
    auto it = open_before.find(KeyOf(after[a]));
    if (it == open_before.end()) continue;
    size_t& next = taken[it->first];
    if (next >= it->second.size()) continue;
    before_used[it->second[next++]] = after_used[a] = true;
  }
  FindingDiff diff;
  for (size_t a = 0; a < after.size(); ++a) {
    if (!after_used[a]) diff.added.push_back(after[a]);
  }
  for (size_t b = 0; b < before.size(); ++b) {
    if (!before_used[b]) diff.removed.push_back(before[b]);
  }
  return diff;
}

std::string FindingLabel(const v1::Finding& finding) {
  std::string out = absl::StrCat(v1::Finding::Kind_Name(finding.kind()), " ", finding.code());
  if (finding.year() != 0) absl::StrAppend(&out, " ", finding.year());
  return out;
}

}  // namespace renstra
