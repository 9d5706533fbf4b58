// Finding diff: which of the plan validator's findings (validator.h) a change to the plan
// adds and which it removes. A ratification is previewed and guarded with it: it may
// not add an inconsistency to the plan unless the Kepala Dinas accepts it.
//
// A finding is identified by its kind, node code and year. One that is in both lists is
// neither added nor removed, even when its figures differ: the seed's own inconsistency
// on a value a revision touched (a parent whose children already did not add up) is
// still the document's own, not a new one. Where a node has several findings of the same
// kind and year (one per indicator row), an identical finding is matched first, then the
// rest pair up in document order.
//
// Pure functions; thread-safe.
#ifndef RENSTRA_DOMAIN_FINDING_DIFF_H_
#define RENSTRA_DOMAIN_FINDING_DIFF_H_

#include <string>
#include <vector>

#include "renstra/v1/plan.pb.h"

namespace renstra {

struct FindingDiff {
  std::vector<v1::Finding> added;    // in `after`, not in `before`; in `after`'s order
  std::vector<v1::Finding> removed;  // in `before`, not in `after`; in `before`'s order
};

FindingDiff DiffFindings(const std::vector<v1::Finding>& before,
                         const std::vector<v1::Finding>& after);

// "KIND CODE YEAR" ("PARENT_CHILDREN_FUNDING 1.06.04.2.01 2025"), without the year when
// the finding is not year-specific ("TARGET_TOTAL 1.06.04.2.01.0001").
std::string FindingLabel(const v1::Finding& finding);

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_FINDING_DIFF_H_
