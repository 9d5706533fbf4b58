// AgencyYear: one agency's year at a glance, for the Pemda-wide comparison the
// Inspektorat and Bappeda read (capaian and serapan per perangkat daerah).
//
// Serapan: the programs' stated pagu of the year added up, against the spending
// recorded anywhere in the plan that year (each program's rolled-up spent, serapan.h),
// as one ratio — the share of the agency's whole budget that was spent, not a mean of
// the programs' ratios (a small program must not weigh as much as a large one).
// Capaian: every indicator of every program, kegiatan and sub kegiatan that has a
// target in force that year is counted; those with a computable rasio capaian
// (capaian.h: a realization in the target's unit ...) are judged, and the mean of their
// exact ratios is rounded once (AverageOf). Both ratios carry a predikat by `options`.
// A retired node counts only for the years before it was retired.
//
// Pure function; thread-safe with respect to const inputs.
#ifndef RENSTRA_DOMAIN_AGENCY_YEAR_H_
#define RENSTRA_DOMAIN_AGENCY_YEAR_H_

#include <string>

#include "domain/money.h"
#include "domain/plan_state.h"
#include "domain/realization_book.h"
#include "domain/realization_ratio.h"
#include "domain/report_models.h"

namespace renstra {

struct AgencyYear {
  int year = 0;
  Money funding;  // Σ programs' pagu; absent when no program states one
  Money spent;    // Σ programs' rolled-up spent; absent when nothing was recorded
  Ratio absorption;
  std::string absorption_predikat;  // "" when not computable
  int indicators = 0;               // with a target in force for the year
  int indicators_judged = 0;        // of which a computable rasio capaian
  Ratio capaian;                    // mean of the judged ratios
  std::string capaian_predikat;     // "" when not computable
};

// `year` must be a target year (2022..2026): INVALID_ARGUMENT naming "year" otherwise.
absl::StatusOr<AgencyYear> SummarizeAgencyYear(const PlanState& plan, const RealizationBook& book,
                                               int year, const ReportOptions& options);

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_AGENCY_YEAR_H_
