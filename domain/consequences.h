// Consequences of a change: the values a proposed change implies elsewhere in the plan,
// so that a revision does not leave the document contradicting itself (issue 15).
//
//  - A node's funding of year Y changed by d: each ancestor's (kegiatan, program)
//    funding of Y shifts by d, and the end-of-period Rp of each shifted node's indicator
//    rows shifts by d where Y is in the row's years.
//  - An indicator's target of year Y changed: its end-of-period target becomes what its
//    kind implies (indicator_kind.h, ExpectedEndTarget): the sum of the years for a
//    cumulative count, the last year's value for a stock or rate; a stated value (kind
//    undetermined) derives nothing.
//
// A derived value is only moved when the document agreed with itself before: where the
// plan was already inconsistent there (a parent whose children did not add up, an Akhir
// that was not the sum), the consequence says so and the document's own figure is kept
// (the validator still reports the seed's own finding, and no new one). A value the
// same proposal sets explicitly (a SetFunding of the parent) is left to that change.
//
// Pure functions; thread-safe.
#ifndef RENSTRA_DOMAIN_CONSEQUENCES_H_
#define RENSTRA_DOMAIN_CONSEQUENCES_H_

#include <string>
#include <vector>

#include "domain/plan_state.h"
#include "renstra/v1/events.pb.h"
#include "renstra/v1/workflow.pb.h"

namespace renstra {

// One derived value: before → after, or kept (before == after) with the reason.
struct Consequence {
  std::string code;    // the node's code as written
  std::string what;    // "pagu 2025", "Rp akhir periode 1.06.04.2.01.0002#1", ...
  int year = 0;        // 0 for an end-of-period value
  std::string before;  // display text
  std::string after;   // display text; equal to `before` when kept
  std::string note;    // why it was kept; empty when it follows the change
  bool kept() const { return before == after; }
};

// A consequence with the index of the proposal's change it follows from.
struct IndexedConsequence {
  int change_index = 0;
  Consequence consequence;
};

struct DerivedChanges {
  std::vector<Consequence> consequences;
  // The plan events that apply the consequences; appended after the change's own.
  std::vector<v1::PlanEvent> events;
};

// The consequences of `change` on `plan` (the plan before the change, which must not
// conflict with it). `siblings` are all the changes of the same proposal (an explicit
// value there wins over a derived one).
DerivedChanges DeriveConsequences(const PlanState& plan, const v1::Change& change,
                                  const std::vector<v1::Change>& siblings);

// The consequences of all of a proposal's `changes` applied in order to `plan`, as a
// ratification applies them; a change that no longer applies (its "before" changed: the
// proposal must be rebased) and those after it are skipped.
std::vector<IndexedConsequence> ProposalConsequences(const PlanState& plan,
                                                     const std::vector<v1::Change>& changes);

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_CONSEQUENCES_H_
