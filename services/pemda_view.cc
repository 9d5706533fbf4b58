#include "services/pemda_view.h"

#include <map>
#include <string>

#include "base/status_macros.h"
#include "domain/proposal_state.h"
#include "domain/validator.h"
#include "domain/year.h"

namespace renstra {
namespace {

// A proposal still in the workflow: it may yet change the plan.
bool IsOpen(v1::ProposalStatus status) {
  switch (status) {
    case v1::DRAFT:
    case v1::SUBMITTED:
    case v1::RETURNED:
    case v1::APPROVED:
      return true;
    default:
      return false;
  }
}

// Fills the plan's part of `out` from `desk`'s projections, in one read.
void FillPlan(PlanDesk& desk, v1::AgencyPlanSummary& out) {
  desk.plan->projector()->Read([&](const PlanState& plan, const ProposalBook& book) {
    out.set_plan_id(desk.plan->projector()->plan_id());
    out.set_plan_version(plan.version());
    out.set_revisions(plan.revision_number());
    if (const v1::RevisionInfo* open = plan.open_revision(); open != nullptr) {
      out.set_open_revision(open->name());
    }
    out.set_locked(plan.locked());
    if (plan.established()) out.set_findings(static_cast<int32_t>(ValidatePlan(plan).size()));
    int open_proposals = 0;
    for (const auto& [id, proposal] : book.all()) open_proposals += IsOpen(proposal.status);
    out.set_open_proposals(open_proposals);
    return 0;
  });
}

}  // namespace

absl::StatusOr<v1::ListAgencyPlansResponse> ListAgencyPlans(AgencyPlans* plans,
                                                            const AgencyApp& agencies, int year) {
  if (year != 0) RENSTRA_RETURN_IF_ERROR(CheckTargetYear(year));
  // By code: the directory's agencies, plus the default agency when a server started
  // --empty imported its plan before anyone created the agency.
  std::map<std::string, v1::AgencyPlanSummary> by_code;
  const v1::ListAgenciesResponse directory = agencies.ListAgencies();
  for (const v1::AgencyView& a : directory.agencies()) {
    v1::AgencyPlanSummary& s = by_code[a.code()];
    s.set_agency(a.code());
    s.set_name(a.name());
    s.set_pemda(a.pemda());
    s.set_retired(a.retired());
  }
  by_code[plans->default_agency()].set_agency(plans->default_agency());
  v1::ListAgencyPlansResponse out;
  for (auto& [code, summary] : by_code) {
    absl::StatusOr<PlanDesk*> desk = plans->Desk(code);
    if (!desk.ok()) return desk.status();
    summary.set_default_agency(code == plans->default_agency());
    FillPlan(**desk, summary);
    if (year != 0 && summary.plan_version() > 0) {
      RENSTRA_ASSIGN_OR_RETURN(*summary.mutable_year_figures(),
                               (*desk)->realization.YearFigures(year));
    }
    *out.add_agencies() = std::move(summary);
  }
  return out;
}

}  // namespace renstra
