// Report models of realization and achievement: pure data for the official layouts,
// built from the plan and the realization book. No formatting beyond each cell's
// Indonesian text ("1.234.567", "4,19", "66,67", "-"): clients render the tables.
//
//  - T-C.23 (Pencapaian Kinerja Pelayanan): one row per indicator of a node subtree:
//    target, realization and rasio capaian per year.
//  - T-C.24 (Anggaran dan Realisasi Pendanaan): one row per node: pagu, rolled-up spent
//    and serapan per year, and averages over the years that have data.
//  - E.80 (evaluasi hasil Renstra): per node, kinerja (per indicator) and keuangan
//    (Rupiah) per year, their averages and predikat.
//  - Early warning: indicators and nodes whose ratio / absorption in a year is below a
//    threshold (optionally also those with a target or pagu but nothing recorded).
//  - Triwulan (the e-Monev quarterly form) of one year: per node of a subtree, one line
//    per indicator (target, triwulan I..IV, cumulative — the year's figure so far by
//    the indicator's kind, year_realization.h — and rasio capaian) and one Rupiah line
//    (pagu, spent per triwulan and in total, rolled up, and serapan). A quarter cell
//    shows triwulan records (or the quarters a year record of an earlier log states);
//    the cumulative cell is the year's figure the other reports use, so a year recorded
//    as one figure shows it there with empty quarters.
//
// Every cell keeps the exact value (TargetValue, Money, Ratio) beside its text.
// Rows follow document order (depth-first from the root, children in the order added).
// Averages: ratios — AverageOf the years with a computable ratio (exact, rounded once);
// Rupiah — the mean over the years with an amount, rounded half-up to whole Rupiah.
//
// Errors: NOT_FOUND naming the code for an unknown root; INVALID_ARGUMENT naming the
// field for a year filter outside 2022–2026. Pure functions; thread-safe with respect to
// const inputs.
#ifndef RENSTRA_DOMAIN_REPORT_MODELS_H_
#define RENSTRA_DOMAIN_REPORT_MODELS_H_

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "domain/capaian.h"
#include "domain/money.h"
#include "domain/plan_state.h"
#include "domain/predikat.h"
#include "domain/realization_book.h"
#include "domain/realization_ratio.h"
#include "domain/target_value.h"

namespace renstra {

struct ReportOptions {
  PolarityConfig polarity;
  PredikatScale predikat;
  // One year only (2022..2026); all target years when unset.
  std::optional<int> year;
};

struct NodeRef {
  std::string code;          // canonical
  std::string code_written;  // as in the source table
  std::string name;
  v1::Level level = v1::LEVEL_UNSPECIFIED;
  v1::Division division = v1::DIVISION_UNSPECIFIED;
  int depth = 0;  // 0 for the report's root
};

// One year of an indicator: target, realization (kEmpty when none) and rasio capaian.
struct KinerjaCell {
  int year = 0;
  TargetValue target;  // kEmpty when the plan has no cell (or the indicator is not in force)
  std::string target_text;
  TargetValue realization;
  std::string realization_text;  // "" when none
  std::string realization_id;    // the year record, or the latest triwulan record; "" when none
  Ratio ratio;
  std::string ratio_text;  // "66,67" or "-"
};

// One year of a node's budget.
struct KeuanganCell {
  int year = 0;
  Money funding;  // the node's pagu; absent if none
  std::string funding_text;
  Money spent;  // rolled up; absent when nothing recorded
  std::string spent_text;
  Ratio absorption;
  std::string absorption_text;
};

struct IndicatorLine {
  std::string indicator_id;
  std::string statement;
  std::string unit;
  Polarity polarity = Polarity::kHigherIsBetter;
  std::vector<KinerjaCell> years;
  Ratio average;  // over the years with a ratio
  std::string average_text;
  std::string predikat;  // of the average; "" when not computable
};

struct Tc23Row {
  NodeRef node;
  IndicatorLine indicator;
};

struct Tc24Row {
  NodeRef node;
  std::vector<KeuanganCell> years;
  Money average_funding;  // absent when no year has a pagu
  std::string average_funding_text;
  Money average_spent;  // absent when no year has spending
  std::string average_spent_text;
  Ratio average_absorption;
  std::string average_absorption_text;
};

struct E80Row {
  NodeRef node;
  std::vector<IndicatorLine> kinerja;  // one per indicator of the node
  Tc24Row keuangan;                    // the node's Rupiah per year and averages
  std::string keuangan_predikat;       // of the average absorption
};

struct WarningItem {
  enum class Kind { kKinerja, kKeuangan };
  Kind kind = Kind::kKinerja;
  NodeRef node;
  std::string indicator_id;  // kKinerja only
  std::string statement;     // kKinerja only
  int year = 0;
  Ratio ratio;  // not computable for "nothing recorded" items
  std::string ratio_text;
  std::string message;  // e.g. "rasio capaian 45,00 di bawah 75,00"
};

struct TriwulanLine {
  enum class Kind { kKinerja, kKeuangan };
  Kind kind = Kind::kKinerja;
  NodeRef node;
  std::string indicator_id;  // kKinerja only, as the three below
  std::string statement;
  std::string unit;
  v1::IndicatorKind indicator_kind = v1::INDICATOR_KIND_UNSPECIFIED;  // KindOf
  TargetValue target;  // kKinerja: the year's target (kEmpty when none)
  Money funding;       // kKeuangan: the year's pagu (absent when none)
  std::string target_text;
  std::array<TargetValue, 4> quarter_values;  // kKinerja; kEmpty where none
  std::array<Money, 4> quarter_spent;         // kKeuangan, rolled up; absent where none
  std::array<std::string, 4> quarter_texts;   // "" where none
  TargetValue cumulative;                     // kKinerja
  Money cumulative_spent;                     // kKeuangan
  std::string cumulative_text;                // "" when nothing is recorded
  Ratio ratio;                                // capaian (kKinerja) or serapan (kKeuangan)
  std::string ratio_text;
};

struct WarningOptions {
  int year = 0;
  Decimal kinerja_threshold = Decimal::FromInt(75);  // a ratio below this is listed
  Decimal keuangan_threshold = Decimal::FromInt(75);
  // Also list indicators with a numeric target and nodes with a pagu but no record.
  bool include_unrecorded = false;
};

absl::StatusOr<std::vector<Tc23Row>> BuildTc23(const PlanState& plan, const RealizationBook& book,
                                               std::string_view root_code,
                                               const ReportOptions& options);
absl::StatusOr<std::vector<Tc24Row>> BuildTc24(const PlanState& plan, const RealizationBook& book,
                                               std::string_view root_code,
                                               const ReportOptions& options);
absl::StatusOr<std::vector<E80Row>> BuildE80(const PlanState& plan, const RealizationBook& book,
                                             std::string_view root_code,
                                             const ReportOptions& options);
// Over the whole plan (or the subtree of `root_code` when not empty).
absl::StatusOr<std::vector<WarningItem>> BuildEarlyWarning(const PlanState& plan,
                                                           const RealizationBook& book,
                                                           std::string_view root_code,
                                                           const WarningOptions& warning,
                                                           const ReportOptions& options);

// The triwulan form of `year` (2022..2026, else INVALID_ARGUMENT naming "year") over
// the subtree of `root_code`, or every program when it is empty.
absl::StatusOr<std::vector<TriwulanLine>> BuildTriwulan(const PlanState& plan,
                                                        const RealizationBook& book,
                                                        std::string_view root_code, int year,
                                                        const ReportOptions& options);

// The building blocks, for callers that lay out their own tables.
IndicatorLine BuildIndicatorLine(const NodeState& node, const IndicatorState& indicator,
                                 const RealizationBook& book, const std::vector<int>& years,
                                 const ReportOptions& options);
Tc24Row BuildKeuanganRow(const PlanState& plan, const RealizationBook& book, const NodeState& node,
                         int depth, const std::vector<int>& years);

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_REPORT_MODELS_H_
