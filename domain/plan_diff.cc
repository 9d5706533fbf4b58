#include "domain/plan_diff.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <tuple>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "domain/code.h"
#include "domain/event_describer.h"

namespace renstra {
namespace {

// An AddSubActivity keeps its code as written; the plan's codes are canonical.
std::string Canonical(const std::string& code) {
  absl::StatusOr<Code> parsed = Code::Parse(code);
  return parsed.ok() ? parsed->canonical() : code;
}

std::string Statement(const IndicatorState& ind) {
  return absl::StrCat(ind.statement, " (", ind.unit, ")");
}

std::string RetiredText(int retired_from) {
  return retired_from == 0 ? "aktif" : absl::StrCat("dihentikan mulai ", retired_from);
}

const IndicatorState* FindIn(const NodeState* node, std::string_view id) {
  if (node == nullptr) return nullptr;
  for (const IndicatorState& ind : node->indicators) {
    if (ind.id == id) return &ind;
  }
  return nullptr;
}

// The indicator of `from_node` that `fresh` (new in `to_node`) replaced, or nullptr.
// A replacement cuts the old indicator to end the year before the new one starts, and
// nothing else adds an indicator to an existing node, so the cut identifies it.
const IndicatorState* ReplacedBy(const NodeState* from_node, const NodeState& to_node,
                                 const IndicatorState& fresh) {
  if (from_node == nullptr) return nullptr;
  for (const IndicatorState& old : from_node->indicators) {
    const IndicatorState* now = FindIn(&to_node, old.id);
    if (now != nullptr && now->to_year < old.to_year && now->to_year + 1 == fresh.from_year &&
        old.to_year >= fresh.from_year) {
      return &old;
    }
  }
  return nullptr;
}

// What a difference is keyed on, plus the replacement link needed to attribute the
// targets of a new indicator to the ReplaceIndicator that created it.
struct Context {
  std::map<std::string, std::string> replaced_of;  // new indicator id → old id
};

bool Covers(const v1::Change& change, const PlanDifference& d, const Context& ctx) {
  const bool cell = d.kind == DiffKind::kTargetChanged || d.kind == DiffKind::kFundingChanged;
  switch (change.kind_case()) {
    case v1::Change::kSetTarget:
      return d.kind == DiffKind::kTargetChanged &&
             change.set_target().indicator_id() == d.indicator_id &&
             change.set_target().year() == d.year;
    case v1::Change::kSetFunding: {
      if (d.kind != DiffKind::kFundingChanged || change.set_funding().year() != d.year) {
        return false;
      }
      // The node itself, or an ancestor whose funding followed it (consequences.h).
      const std::string code = Canonical(change.set_funding().node_code());
      return code == d.node_code || absl::StartsWith(code, d.node_code + ".");
    }
    case v1::Change::kReplaceIndicator: {
      const auto& r = change.replace_indicator();
      if (d.kind == DiffKind::kIndicatorReplaced) return d.indicator_id == r.indicator_id();
      if (d.kind != DiffKind::kTargetChanged) return false;
      // The old indicator's cells from `from_year` on are emptied; the new one's filled.
      if (d.indicator_id == r.indicator_id()) return d.year >= r.from_year();
      auto it = ctx.replaced_of.find(d.indicator_id);
      return it != ctx.replaced_of.end() && it->second == r.indicator_id();
    }
    case v1::Change::kAddSubActivity:
      // Everything on an added node comes with it.
      return Canonical(change.add_sub_activity().code()) == d.node_code;
    case v1::Change::kRetireSubActivity: {
      const auto& r = change.retire_sub_activity();
      if (Canonical(r.code()) != d.node_code) return false;
      return d.kind == DiffKind::kNodeRetired || (cell && d.year >= r.from_year());
    }
    case v1::Change::KIND_NOT_SET:
      break;
  }
  return false;
}

std::string ApproverOf(const ProposalState& p) {
  for (auto it = p.history.rbegin(); it != p.history.rend(); ++it) {
    if (it->event == "approved") return it->who;
  }
  return "";
}

void Attribute(const std::vector<const v1::RevisionInfo*>& revisions, const ProposalBook& book,
               const Context& ctx, PlanDifference& d) {
  for (const v1::RevisionInfo* rev : revisions) {
    DiffRevision cause{rev->revision_id(), rev->name(), rev->legal_basis(), {}};
    for (const std::string& id : rev->proposal_ids()) {
      const ProposalState* p = book.Find(id);
      if (p == nullptr) continue;
      const bool carries = std::any_of(p->changes.begin(), p->changes.end(),
                                       [&](const v1::Change& c) { return Covers(c, d, ctx); });
      if (carries) cause.proposals.push_back(DiffProposal{p->id, p->proposer, ApproverOf(*p)});
    }
    if (!cause.proposals.empty()) d.revisions.push_back(std::move(cause));
  }
}

int Rank(DiffKind kind) {
  switch (kind) {
    case DiffKind::kNodeAdded:
      return 0;
    case DiffKind::kNodeRetired:
      return 1;
    case DiffKind::kIndicatorAdded:
      return 2;
    case DiffKind::kIndicatorReplaced:
      return 3;
    case DiffKind::kTargetChanged:
      return 4;
    case DiffKind::kFundingChanged:
      return 5;
  }
  return 6;
}

// The differences of one node (`from_node` or `to_node` may be null, not both).
void DiffNode(const NodeState* from_node, const NodeState* to_node, Context& ctx,
              std::vector<PlanDifference>& out) {
  const NodeState& any = to_node != nullptr ? *to_node : *from_node;
  std::vector<PlanDifference> diffs;
  auto add = [&](DiffKind kind, std::string indicator, int year, std::string before,
                 std::string after) {
    diffs.push_back(PlanDifference{kind,
                                   any.code,
                                   any.name,
                                   std::move(indicator),
                                   year,
                                   std::move(before),
                                   std::move(after),
                                   {}});
  };
  if (from_node == nullptr)
    add(DiffKind::kNodeAdded, "", 0, "-", any.code_written + " " + any.name);
  if (from_node != nullptr && to_node != nullptr &&
      from_node->retired_from != to_node->retired_from) {
    add(DiffKind::kNodeRetired, "", std::max(from_node->retired_from, to_node->retired_from),
        RetiredText(from_node->retired_from), RetiredText(to_node->retired_from));
  }

  // Indicators in the node's order: `to`'s, then any only in `from`.
  std::vector<const IndicatorState*> order;
  std::map<std::string, int> position;
  for (const NodeState* n : {to_node, from_node}) {
    if (n == nullptr) continue;
    for (const IndicatorState& ind : n->indicators) {
      if (position.emplace(ind.id, static_cast<int>(order.size())).second) order.push_back(&ind);
    }
  }
  for (const IndicatorState* ind : order) {
    const IndicatorState* before = FindIn(from_node, ind->id);
    const IndicatorState* after = FindIn(to_node, ind->id);
    if (before == nullptr && after != nullptr) {
      if (const IndicatorState* old = ReplacedBy(from_node, *to_node, *after)) {
        ctx.replaced_of[after->id] = old->id;
        add(DiffKind::kIndicatorReplaced, old->id, after->from_year, Statement(*old),
            absl::StrCat(after->id, " ", Statement(*after)));
      } else {
        add(DiffKind::kIndicatorAdded, after->id, 0, "-", Statement(*after));
      }
    }
    std::set<int> years;
    for (const IndicatorState* s : {before, after}) {
      if (s == nullptr) continue;
      for (const auto& [year, value] : s->targets) years.insert(year);
    }
    for (int year : years) {
      auto value_of = [year](const IndicatorState* s) {
        if (s == nullptr) return TargetValue();
        auto it = s->targets.find(year);
        return it == s->targets.end() ? TargetValue() : it->second;
      };
      const TargetValue was = value_of(before);
      const TargetValue now = value_of(after);
      if (was == now) continue;
      add(DiffKind::kTargetChanged, ind->id, year, AuditTarget(was), AuditTarget(now));
    }
  }

  std::set<int> years;
  for (const NodeState* n : {from_node, to_node}) {
    if (n == nullptr) continue;
    for (const auto& [year, amount] : n->funding) years.insert(year);
  }
  for (int year : years) {
    auto amount_of = [year](const NodeState* n) {
      if (n == nullptr) return Money();
      auto it = n->funding.find(year);
      return it == n->funding.end() ? Money() : it->second;
    };
    const Money was = amount_of(from_node);
    const Money now = amount_of(to_node);
    if (was == now) continue;
    add(DiffKind::kFundingChanged, "", year, AuditMoney(was), AuditMoney(now));
  }

  auto key = [&position](const PlanDifference& d) {
    auto it = position.find(d.indicator_id);
    return std::make_tuple(Rank(d.kind), it == position.end() ? -1 : it->second, d.year);
  };
  std::stable_sort(
      diffs.begin(), diffs.end(),
      [&key](const PlanDifference& a, const PlanDifference& b) { return key(a) < key(b); });
  for (PlanDifference& d : diffs) out.push_back(std::move(d));
}

}  // namespace

std::vector<PlanDifference> DiffPlans(const PlanState& from, const PlanState& to,
                                      const ProposalBook& book) {
  std::vector<PlanDifference> out;
  Context ctx;
  for (const NodeState* node : to.NodesInOrder()) {
    DiffNode(from.FindNode(node->code), node, ctx, out);
  }
  for (const NodeState* node : from.NodesInOrder()) {
    if (to.FindNode(node->code) == nullptr) DiffNode(node, nullptr, ctx, out);
  }

  // Only revisions whose changes lie between the two versions can explain a difference.
  std::vector<const v1::RevisionInfo*> revisions;
  for (const v1::RevisionInfo& rev : to.revisions()) {
    if (rev.plan_version() > from.version() && rev.plan_version() <= to.version()) {
      revisions.push_back(&rev);
    }
  }
  // After the walk: a replacement's link is needed for targets of any node order.
  for (PlanDifference& d : out) Attribute(revisions, book, ctx, d);
  return out;
}

}  // namespace renstra
