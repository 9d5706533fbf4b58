// Validator: every inconsistency in a plan, reported and never corrected.
//
// Checks (Finding kinds):
//  - ROW_FUNDING_TOTAL: an indicator row's yearly Rp over the years it is in force
//    against the end-of-period Rp stated on that row. A node with several indicator
//    rows may also state its whole-period total on a row: that is accepted.
//  - PARENT_CHILDREN_FUNDING: each parent's Rp per year against the sum of its
//    children's (for years where either states an amount; a missing amount counts 0).
//  - TARGET_TOTAL: an indicator's end-of-period target against what its yearly targets
//    give by its kind (indicator_kind.h; recorded by the import, else read from the
//    statement, unit and figures): the sum of the count targets for a cumulative one, the
//    last year's target for a stock or a rate; for one whose kind nothing tells, a
//    target that is neither.
//  - UNIT_MISMATCH: a target, baseline or end-of-period value whose unit differs from
//    its indicator's unit (case is ignored: "laporan" = "Laporan").
//  - MISSING_PARENT: a kegiatan or sub kegiatan whose parent code is not in the plan.
// Duplicate codes cannot exist in a plan (the importer reports them: DUPLICATE_CODE).
//
// Findings come in document order, node by node. Pure; thread-safe.
#ifndef RENSTRA_DOMAIN_VALIDATOR_H_
#define RENSTRA_DOMAIN_VALIDATOR_H_

#include <vector>

#include "domain/plan_state.h"
#include "renstra/v1/plan.pb.h"

namespace renstra {

std::vector<v1::Finding> ValidatePlan(const PlanState& plan);

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_VALIDATOR_H_
