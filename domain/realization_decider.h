// The decisions of the realization commands (Decide): each takes the current plan, the
// realization book and a command and returns the events to append to the realization
// stream (RealizationBook::StreamOf) with expected version book.version(), or the
// error that changes nothing.
//
// Rules:
//  - Only KEPALA_BIDANG and SEKRETARIAT record or correct, each for its own division's
//    nodes (docs/architecture.md, invariant 5) → PERMISSION_DENIED naming the rule.
//  - realization_id: required (INVALID_ARGUMENT); used before → ALREADY_EXISTS.
//  - Unknown indicator or node, correcting an unknown realization id → NOT_FOUND.
//  - year outside the plan's years 2022–2026 → INVALID_ARGUMENT
//    ("year: 2027 is outside the plan's years 2022–2026").
//  - The node retired in that year, or the indicator not in force that year (replaced)
//    → FAILED_PRECONDITION.
//  - Values: within the limits of value_limits.h (checked on the request's message
//    when the command carries it); an achievement states a yearly value or at least one quarter;
//    each is one number (no range, bound, "-" or N/A), not negative, in the indicator's unit (a
//    bare number takes the indicator's unit), and the quarters add up without overflow →
//    INVALID_ARGUMENT naming the field. Spending is present and not negative →
//    INVALID_ARGUMENT.
//  - evidence_ref is required on every record and correction (the inspectorate must be
//    able to trace each figure); a correction also requires a note saying what was
//    wrong → INVALID_ARGUMENT.
//  - A subject (indicator or node, year, and quarter: 0 for the year record, 1..4 for a
//    triwulan record) has one current record: recording it again → FAILED_PRECONDITION
//    pointing at the record to correct; a correction must name the subject's current
//    record (not one already corrected, not a retraction) → FAILED_PRECONDITION.
//  - Triwulan: a quarter is its own fact. quarter outside 0..4 → INVALID_ARGUMENT. A
//    triwulan record's value is that quarter's value alone, given as `yearly` or as the
//    matching quarter and stored as the quarter (another quarter stated →
//    INVALID_ARGUMENT naming it); so is its correction's. Recording triwulan IV after
//    I–III adds it; the year's figure derives from the quarters (year_realization.h).
//  - One form per year: a triwulan record while the (indicator or node, year) has a
//    current year record, or a year record while it has current triwulan records →
//    FAILED_PRECONDITION naming the existing record(s).
//  - A correction of a year record that states quarters (the form of earlier logs) must
//    restate every quarter it states → FAILED_PRECONDITION naming the quarter dropped:
//    a correction never silently drops a quarter.
//
// Check order: role, realization_id, the subject exists, own division, year, quarter,
// node and indicator in force, values, evidence, one current record, one form per year.
//
// Pure functions; thread-safe.
#ifndef RENSTRA_DOMAIN_REALIZATION_DECIDER_H_
#define RENSTRA_DOMAIN_REALIZATION_DECIDER_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "domain/actor.h"
#include "domain/capaian.h"
#include "domain/money.h"
#include "domain/plan_state.h"
#include "domain/realization_book.h"
#include "renstra/v1/realization.pb.h"

namespace renstra {

struct RecordAchievementCommand {
  std::string realization_id;  // chosen by the application, e.g. "RLZ-000001"
  std::string indicator_id;    // "<canonical code>#<n>"
  int year = 0;
  AchievedValue value;  // yearly and/or quarters; kEmpty = not stated
  std::string evidence_ref;
  std::string note;  // optional
  // The value as the request sent it, when it came from one (not owned; must outlive the
  // call): checked (value_limits.h) with the values, because converting it to `value`
  // loses what a Decimal cannot hold (a scale of 99).
  const v1::AchievedValue* value_message = nullptr;
  // 1..4: a triwulan record (the value states that quarter alone, in `yearly` or the
  // matching quarter); 0: a year record.
  int quarter = 0;
};

struct RecordSpendingCommand {
  std::string realization_id;
  std::string node_code;  // any accepted form ("1.06.04.2.01.001"); stored canonical
  int year = 0;
  Money spent;
  std::string evidence_ref;
  std::string note;  // optional
  // As sent, when from a request (not owned): checked as RecordAchievementCommand's.
  const v1::Money* spent_message = nullptr;
  // 1..4: the Rupiah of that triwulan (its own record); 0: the year's.
  int quarter = 0;
};

struct CorrectCommand {
  std::string realization_id;  // id of the correction itself
  std::string corrects_id;     // the subject's current record
  // Exactly one of: the new achievement (for an achievement record), the new amount
  // (for a spending record), or retract = true.
  std::optional<AchievedValue> achievement;
  std::optional<Money> spent;
  bool retract = false;
  std::string evidence_ref;
  std::string note;  // required: what was wrong
  // As sent, when from a request (not owned): checked as RecordAchievementCommand's.
  const v1::AchievedValue* achievement_message = nullptr;
  const v1::Money* spent_message = nullptr;
};

absl::StatusOr<std::vector<v1::RealizationEvent>> DecideRecordAchievement(
    const PlanState& plan, const RealizationBook& book, const Actor& actor,
    const RecordAchievementCommand& command);

absl::StatusOr<std::vector<v1::RealizationEvent>> DecideRecordSpending(
    const PlanState& plan, const RealizationBook& book, const Actor& actor,
    const RecordSpendingCommand& command);

absl::StatusOr<std::vector<v1::RealizationEvent>> DecideCorrect(const PlanState& plan,
                                                                const RealizationBook& book,
                                                                const Actor& actor,
                                                                const CorrectCommand& command);

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_REALIZATION_DECIDER_H_
