// Plan diff: what changed between two versions of the plan, and which ratified revision
// (with its proposals, proposers and approvers) caused each change. This is the table
// the Inspektorat reads to check a Perubahan Renstra against its legal basis.
//
// Plain C++ types on purpose: the domain may not link the gRPC library that holds
// audit_service.proto, so services/ converts PlanDifference to v1::DiffEntry (Kind
// values are the proto's numbers; see the field notes below).
//
// Pure function over two projections; thread-safe as long as nobody mutates them.
// No errors: any two states can be compared (callers choose versions at command
// boundaries, see PlanState::SpanInside).
#ifndef RENSTRA_DOMAIN_PLAN_DIFF_H_
#define RENSTRA_DOMAIN_PLAN_DIFF_H_

#include <string>
#include <vector>

#include "domain/plan_state.h"
#include "domain/proposal_state.h"

namespace renstra {

// Same numbers as v1::DiffEntry::Kind, so the conversion is a cast.
enum class DiffKind {
  kTargetChanged = 1,      // an indicator's target for a year
  kFundingChanged = 2,     // a node's indicative funding for a year
  kIndicatorReplaced = 3,  // an indicator replaced from `year` on
  kNodeAdded = 4,          // a sub kegiatan added
  kNodeRetired = 5,        // a sub kegiatan retired from `year` on
  kIndicatorAdded = 6,     // an indicator that replaces none (e.g. on an added node)
};

// A proposal of the revision that carried the change.
struct DiffProposal {
  std::string id;
  std::string proposer;
  // Who approved it (the last "approved" step of its history; empty if none recorded).
  std::string approver;
};

// A ratified revision that carried the change.
struct DiffRevision {
  std::string revision_id;
  std::string name;
  std::string legal_basis;
  std::vector<DiffProposal> proposals;  // in the order the revision lists them
};

struct PlanDifference {
  DiffKind kind = DiffKind::kTargetChanged;
  std::string node_code;  // canonical
  std::string node_name;
  // kTargetChanged: the target's indicator; kIndicatorReplaced: the replaced (old)
  // indicator; kIndicatorAdded: the new indicator; empty otherwise.
  std::string indicator_id;
  // The target's or funding's year; for a replacement or retirement, the first year
  // affected; 0 for kNodeAdded and kIndicatorAdded.
  int year = 0;
  // Written forms, "-" when absent:
  //  targets "210 Orang" → "220 Orang"; funding "Rp 150.000.000" → "Rp 180.000.000";
  //  kIndicatorReplaced "<old statement> (<unit>)" → "<new id> <statement> (<unit>)";
  //  kIndicatorAdded "-" → "<statement> (<unit>)";
  //  kNodeAdded "-" → "<code as written> <name>";
  //  kNodeRetired "aktif" → "dihentikan mulai <year>".
  std::string before;
  std::string after;
  // The revisions ratified in (from.version(), to.version()] whose proposals carry a
  // change on the same key, oldest first (the last one set `after`). Empty if none
  // does, e.g. when `from` lies inside the import.
  std::vector<DiffRevision> revisions;
};

// Every difference from `from` to `to` (two states of the same plan, `to` the later),
// attributed through `book` (a book at least as recent as `to`).
// Keys: indicator+year for targets, node+year for funding, indicator for a replacement,
// node for an addition or retirement; the target and funding cells a replacement,
// addition or retirement empties or fills are attributed to it too.
// Order: nodes in document order (to.NodesInOrder(), then nodes only in `from`), then
// kind (node added, node retired, indicator added, indicator replaced, target, funding),
// then indicator (in the node's order), then year. Identical versions give {}.
std::vector<PlanDifference> DiffPlans(const PlanState& from, const PlanState& to,
                                      const ProposalBook& book);

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_PLAN_DIFF_H_
