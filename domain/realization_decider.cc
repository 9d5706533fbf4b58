#include "domain/realization_decider.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "domain/code.h"
#include "domain/text_limits.h"
#include "domain/value_limits.h"
#include "domain/year.h"

namespace renstra {
namespace {

using Kind = TargetValue::Kind;

absl::Status Invalid(absl::string_view field, absl::string_view reason) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", reason));
}

absl::Status RequireRecorder(const Actor& actor, std::string_view action) {
  return RequireRole(actor, {v1::Role::KEPALA_BIDANG, v1::Role::SEKRETARIAT}, action);
}

absl::Status CheckNewId(const RealizationBook& book, const std::string& id) {
  if (id.empty()) return Invalid("realization_id", "required");
  if (book.Find(id) != nullptr) {
    return absl::AlreadyExistsError(absl::StrCat("realization_id: ", id, " is already used"));
  }
  return absl::OkStatus();
}

// The plan's target years. PlanState does not expose the years of PlanEstablished, and
// every plan is imported with 2022..2026 (year.h), so those are the plan's years.
absl::Status CheckYear(int year) {
  if (year >= kFirstTargetYear && year <= kFinalYear) return absl::OkStatus();
  return Invalid("year", absl::StrCat(year, " is outside the plan's years ", kFirstTargetYear,
                                      "\xE2\x80\x93", kFinalYear));
}

absl::Status CheckNodeActive(const NodeState& node, int year) {
  if (node.retired_from != 0 && year >= node.retired_from) {
    return absl::FailedPreconditionError(
        absl::StrCat("year: node ", node.code, " is retired from ", node.retired_from));
  }
  return absl::OkStatus();
}

absl::Status CheckIndicatorActive(const IndicatorState& ind, int year) {
  if (year >= ind.from_year && year <= ind.to_year) return absl::OkStatus();
  return absl::FailedPreconditionError(absl::StrCat("year: indicator ", ind.id, " is in force ",
                                                    ind.from_year, "\xE2\x80\x93", ind.to_year,
                                                    " only, not in ", year));
}

absl::Status CheckEvidence(const std::string& evidence_ref) {
  if (!evidence_ref.empty()) return absl::OkStatus();
  return Invalid("evidence_ref", "required (the document that proves the figure)");
}

// One stated value, checked and put in the indicator's unit: a bare number takes it.
absl::StatusOr<TargetValue> NormalizeValue(const std::string& field, const TargetValue& v,
                                           const IndicatorState& ind) {
  if (v.kind() != Kind::kNumber && v.kind() != Kind::kPercent) {
    return Invalid(field,
                   absl::StrCat("a realization is one number, not \"", v.ToIndonesian(), "\""));
  }
  if (v.low() < Decimal()) return Invalid(field, absl::StrCat("negative value ", v.ToIndonesian()));
  RENSTRA_RETURN_IF_ERROR(CheckTargetNumber(field, v.low()));
  const std::string want = TargetValue::Number(Decimal(), ind.unit).NormalizedUnit();
  const std::string got = v.NormalizedUnit();
  if (!got.empty() && !want.empty() && got != want) {
    return Invalid(field,
                   absl::StrCat("unit \"", v.unit(), "\" does not match the indicator's unit \"",
                                ind.unit, "\""));
  }
  if (want == "%") return TargetValue::Percent(v.low());
  if (want.empty()) return v;
  return TargetValue::Number(v.low(), ind.unit);
}

absl::StatusOr<AchievedValue> NormalizeAchievement(const std::string& field,
                                                   const AchievedValue& in,
                                                   const IndicatorState& ind) {
  if (in.empty()) return Invalid(field, "a yearly value or at least one quarter required");
  AchievedValue out;
  if (in.yearly.kind() != Kind::kEmpty) {
    RENSTRA_ASSIGN_OR_RETURN(out.yearly, NormalizeValue(field + ".yearly", in.yearly, ind));
  }
  std::optional<Decimal> sum = Decimal();
  for (int q = 0; q < 4; ++q) {
    if (in.quarters[q].kind() == Kind::kEmpty) continue;
    RENSTRA_ASSIGN_OR_RETURN(out.quarters[q],
                             NormalizeValue(absl::StrCat(field, ".q", q + 1), in.quarters[q], ind));
    if (sum) sum = Decimal::CheckedAdd(*sum, out.quarters[q].low());
  }
  // The year's value of a count is the quarters' sum (EffectiveAchievement).
  if (!sum) return Invalid(field, "the quarters add up to more than a value can hold");
  return out;
}

absl::Status CheckSpent(const std::string& field, const Money& spent) {
  if (!spent.present()) return Invalid(field, "required");
  return CheckRupiah(field, spent.rupiah());
}

// The indicator, its node, and the checks common to recording and correcting.
absl::StatusOr<std::pair<const NodeState*, const IndicatorState*>> ResolveIndicator(
    const PlanState& plan, const Actor& actor, const std::string& indicator_id, int year) {
  auto [node, index] = plan.FindIndicator(indicator_id);
  if (node == nullptr) {
    return absl::NotFoundError(
        absl::StrCat("indicator_id: unknown indicator \"", indicator_id, "\""));
  }
  const IndicatorState& ind = node->indicators[index];
  RENSTRA_RETURN_IF_ERROR(RequireOwnDivision(
      actor, node->division, absl::StrCat("indicator ", ind.id, " of node ", node->code)));
  RENSTRA_RETURN_IF_ERROR(CheckYear(year));
  RENSTRA_RETURN_IF_ERROR(CheckNodeActive(*node, year));
  RENSTRA_RETURN_IF_ERROR(CheckIndicatorActive(ind, year));
  return std::make_pair(node, &ind);
}

absl::StatusOr<const NodeState*> ResolveNode(const PlanState& plan, const Actor& actor,
                                             const std::string& node_code, int year) {
  const absl::StatusOr<Code> code = Code::Parse(node_code);
  const NodeState* node = code.ok() ? plan.FindNode(code->canonical()) : nullptr;
  if (node == nullptr) {
    return absl::NotFoundError(absl::StrCat("node_code: unknown node \"", node_code, "\""));
  }
  RENSTRA_RETURN_IF_ERROR(
      RequireOwnDivision(actor, node->division, absl::StrCat("node ", node->code)));
  RENSTRA_RETURN_IF_ERROR(CheckYear(year));
  RENSTRA_RETURN_IF_ERROR(CheckNodeActive(*node, year));
  return node;
}

// The free text of a record, checked before anything is looked up or quoted back
// (text_limits.h): the subject's id or code, the values' units and written forms, the
// evidence and the note.
absl::Status CheckRecordText(const char* subject_field, const std::string& subject,
                             const std::vector<std::pair<std::string, const TargetValue*>>& values,
                             const std::optional<Money>& spent, const std::string& evidence_ref,
                             const std::string& note) {
  RENSTRA_RETURN_IF_ERROR(CheckText(subject_field, subject, kCodeText));
  for (const auto& [field, v] : values) {
    RENSTRA_RETURN_IF_ERROR(CheckText(field + ".unit", v->unit(), kUnitText));
    RENSTRA_RETURN_IF_ERROR(CheckText(field + ".bound_op", v->bound_op(), kValueText));
    RENSTRA_RETURN_IF_ERROR(CheckText(field + ".written", v->written(), kValueText));
  }
  if (spent) RENSTRA_RETURN_IF_ERROR(CheckText("spent.written", spent->written(), kValueText));
  RENSTRA_RETURN_IF_ERROR(CheckText("evidence_ref", evidence_ref, kEvidenceText));
  return CheckText("note", note, kNoteText);
}

std::vector<std::pair<std::string, const TargetValue*>> ValuesOf(const std::string& field,
                                                                 const AchievedValue& v) {
  std::vector<std::pair<std::string, const TargetValue*>> out = {{field + ".yearly", &v.yearly}};
  for (int q = 0; q < 4; ++q) out.emplace_back(absl::StrCat(field, ".q", q + 1), &v.quarters[q]);
  return out;
}

absl::Status AlreadyRecorded(const std::string& subject, int year, const RealizationRecord& r) {
  return absl::FailedPreconditionError(absl::StrCat(subject, " ", year, " already has realization ",
                                                    r.id, "; record a correction of it instead"));
}

constexpr const char* kRoman[] = {"", "I", "II", "III", "IV"};

absl::Status CheckQuarter(int quarter) {
  if (quarter >= 0 && quarter <= 4) return absl::OkStatus();
  return Invalid("quarter", absl::StrCat(quarter,
                                         " is not a triwulan (1\xE2\x80\x93"
                                         "4; 0 for the year)"));
}

// A triwulan record's value: that quarter's alone, given as `yearly` or as the quarter
// itself, and stored as the quarter.
absl::StatusOr<AchievedValue> QuarterValue(const std::string& field, const AchievedValue& in,
                                           int quarter) {
  for (int q = 1; q <= 4; ++q) {
    if (q != quarter && in.quarters[q - 1].kind() != Kind::kEmpty) {
      return Invalid(absl::StrCat(field, ".q", q),
                     absl::StrCat("a record of triwulan ", kRoman[quarter],
                                  " states that quarter's value only"));
    }
  }
  const bool yearly = in.yearly.kind() != Kind::kEmpty;
  const bool own = in.quarters[quarter - 1].kind() != Kind::kEmpty;
  if (yearly == own) {
    return Invalid(field, absl::StrCat("triwulan ", kRoman[quarter], "'s value required once (",
                                       yearly ? "yearly and q" : "yearly or q", quarter, ")"));
  }
  AchievedValue out;
  out.quarters[quarter - 1] = yearly ? in.yearly : in.quarters[quarter - 1];
  return out;
}

// One form per year (realization_decider.h): a year record and triwulan records of the
// same (subject, year) are never both current.
template <typename Current, typename Quarters>
absl::Status CheckOneForm(const std::string& subject, int year, int quarter, Current current,
                          Quarters quarters) {
  if (quarter == 0) {
    if (const RealizationRecord* r = current(0)) return AlreadyRecorded(subject, year, *r);
    std::string ids;
    for (const RealizationRecord* r : quarters()) {
      if (r != nullptr) absl::StrAppend(&ids, ids.empty() ? "" : ", ", r->id);
    }
    if (ids.empty()) return absl::OkStatus();
    return absl::FailedPreconditionError(
        absl::StrCat(subject, " ", year, " is recorded by triwulan (", ids,
                     "); its year figure derives from them: record or correct a triwulan"));
  }
  if (const RealizationRecord* r = current(quarter)) {
    return absl::FailedPreconditionError(
        absl::StrCat(subject, " ", year, " triwulan ", kRoman[quarter], " already has realization ",
                     r->id, "; record a correction of it instead"));
  }
  if (const RealizationRecord* r = current(0)) {
    return absl::FailedPreconditionError(
        absl::StrCat(subject, " ", year, " already has the year realization ", r->id,
                     "; a year is recorded as one figure or by triwulan, not both: retract ", r->id,
                     " before recording triwulan ", kRoman[quarter]));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::vector<v1::RealizationEvent>> DecideRecordAchievement(
    const PlanState& plan, const RealizationBook& book, const Actor& actor,
    const RecordAchievementCommand& command) {
  RENSTRA_RETURN_IF_ERROR(RequireRecorder(actor, "record realizations"));
  RENSTRA_RETURN_IF_ERROR(CheckNewId(book, command.realization_id));
  RENSTRA_RETURN_IF_ERROR(CheckRecordText("indicator_id", command.indicator_id,
                                          ValuesOf("value", command.value), std::nullopt,
                                          command.evidence_ref, command.note));
  RENSTRA_ASSIGN_OR_RETURN(auto resolved,
                           ResolveIndicator(plan, actor, command.indicator_id, command.year));
  const auto [node, ind] = resolved;
  RENSTRA_RETURN_IF_ERROR(CheckQuarter(command.quarter));
  if (command.value_message != nullptr) {
    RENSTRA_RETURN_IF_ERROR(CheckAchievedValueMessage("value", *command.value_message));
  }
  AchievedValue stated = command.value;
  if (command.quarter != 0) {
    RENSTRA_ASSIGN_OR_RETURN(stated, QuarterValue("value", command.value, command.quarter));
  }
  RENSTRA_ASSIGN_OR_RETURN(AchievedValue value, NormalizeAchievement("value", stated, *ind));
  RENSTRA_RETURN_IF_ERROR(CheckEvidence(command.evidence_ref));
  RENSTRA_RETURN_IF_ERROR(CheckOneForm(
      absl::StrCat("indicator ", ind->id), command.year, command.quarter,
      // The id by name, not the structured binding: clang 14 (the fuzz build's compiler)
      // cannot capture a binding in a lambda.
      [&, id = ind->id](int q) { return book.CurrentAchievement(id, command.year, q); },
      [&, id = ind->id] { return book.QuarterAchievements(id, command.year); }));
  std::vector<v1::RealizationEvent> out(1);
  v1::AchievementRecorded* e = out[0].mutable_achievement_recorded();
  e->set_realization_id(command.realization_id);
  e->set_indicator_id(ind->id);
  e->set_node_code(node->code);
  e->set_year(command.year);
  e->set_quarter(command.quarter);
  value.ToProto(e->mutable_value());
  e->set_evidence_ref(command.evidence_ref);
  e->set_note(command.note);
  return out;
}

absl::StatusOr<std::vector<v1::RealizationEvent>> DecideRecordSpending(
    const PlanState& plan, const RealizationBook& book, const Actor& actor,
    const RecordSpendingCommand& command) {
  RENSTRA_RETURN_IF_ERROR(RequireRecorder(actor, "record realizations"));
  RENSTRA_RETURN_IF_ERROR(CheckNewId(book, command.realization_id));
  RENSTRA_RETURN_IF_ERROR(CheckRecordText("node_code", command.node_code, {}, command.spent,
                                          command.evidence_ref, command.note));
  RENSTRA_ASSIGN_OR_RETURN(const NodeState* node,
                           ResolveNode(plan, actor, command.node_code, command.year));
  RENSTRA_RETURN_IF_ERROR(CheckQuarter(command.quarter));
  if (command.spent_message != nullptr && command.spent_message->present()) {
    RENSTRA_RETURN_IF_ERROR(CheckMoneyMessage("spent", *command.spent_message));
  }
  RENSTRA_RETURN_IF_ERROR(CheckSpent("spent", command.spent));
  RENSTRA_RETURN_IF_ERROR(CheckEvidence(command.evidence_ref));
  RENSTRA_RETURN_IF_ERROR(CheckOneForm(
      absl::StrCat("node ", node->code), command.year, command.quarter,
      [&](int q) { return book.CurrentSpending(node->code, command.year, q); },
      [&] { return book.QuarterSpending(node->code, command.year); }));
  std::vector<v1::RealizationEvent> out(1);
  v1::SpendingRecorded* e = out[0].mutable_spending_recorded();
  e->set_realization_id(command.realization_id);
  e->set_node_code(node->code);
  e->set_year(command.year);
  e->set_quarter(command.quarter);
  Money::Rupiah(command.spent.rupiah()).ToProto(e->mutable_spent());
  e->set_evidence_ref(command.evidence_ref);
  e->set_note(command.note);
  return out;
}

absl::StatusOr<std::vector<v1::RealizationEvent>> DecideCorrect(const PlanState& plan,
                                                                const RealizationBook& book,
                                                                const Actor& actor,
                                                                const CorrectCommand& command) {
  RENSTRA_RETURN_IF_ERROR(RequireRecorder(actor, "correct realizations"));
  RENSTRA_RETURN_IF_ERROR(CheckNewId(book, command.realization_id));
  if (command.corrects_id.empty()) return Invalid("corrects_id", "required");
  RENSTRA_RETURN_IF_ERROR(CheckRecordText(
      "corrects_id", command.corrects_id,
      command.achievement ? ValuesOf("achievement", *command.achievement)
                          : std::vector<std::pair<std::string, const TargetValue*>>{},
      command.spent, command.evidence_ref, command.note));
  const RealizationRecord* old = book.Find(command.corrects_id);
  if (old == nullptr) {
    return absl::NotFoundError(
        absl::StrCat("corrects_id: unknown realization \"", command.corrects_id, "\""));
  }
  const bool achievement = old->kind == RealizationRecord::Kind::kAchievement;
  const NodeState* node = nullptr;
  const IndicatorState* ind = nullptr;
  if (achievement) {
    RENSTRA_ASSIGN_OR_RETURN(auto resolved,
                             ResolveIndicator(plan, actor, old->indicator_id, old->year));
    node = resolved.first;
    ind = resolved.second;
  } else {
    RENSTRA_ASSIGN_OR_RETURN(node, ResolveNode(plan, actor, old->node_code, old->year));
  }
  if (!old->corrected_by.empty()) {
    return absl::FailedPreconditionError(absl::StrCat("corrects_id: ", old->id,
                                                      " was corrected by ", old->corrected_by,
                                                      "; correct the current record"));
  }
  if (old->retracted) {
    return absl::FailedPreconditionError(
        absl::StrCat("corrects_id: ", old->id, " is a retraction; record the ",
                     achievement ? "achievement" : "spending", " afresh"));
  }
  const int given =
      (command.achievement ? 1 : 0) + (command.spent ? 1 : 0) + (command.retract ? 1 : 0);
  if (given != 1) return Invalid("achievement, spent or retract", "exactly one required");

  std::vector<v1::RealizationEvent> out(1);
  v1::RealizationCorrected* e = out[0].mutable_corrected();
  if (command.retract) {
    e->set_retracted(true);
  } else if (achievement) {
    if (!command.achievement) {
      return Invalid("spent", absl::StrCat(old->id, " records an achievement; give achievement"));
    }
    if (command.achievement_message != nullptr) {
      RENSTRA_RETURN_IF_ERROR(
          CheckAchievedValueMessage("achievement", *command.achievement_message));
    }
    AchievedValue stated = *command.achievement;
    if (old->quarter != 0) {
      RENSTRA_ASSIGN_OR_RETURN(stated, QuarterValue("achievement", stated, old->quarter));
    }
    RENSTRA_ASSIGN_OR_RETURN(AchievedValue value,
                             NormalizeAchievement("achievement", stated, *ind));
    // A year record of an earlier log may state quarters: its correction restates each
    // of them, so that no quarter disappears without anyone saying so.
    for (int q = 0; q < 4 && old->quarter == 0; ++q) {
      if (old->achievement.quarters[q].kind() != Kind::kEmpty &&
          value.quarters[q].kind() == Kind::kEmpty) {
        return absl::FailedPreconditionError(
            absl::StrCat("achievement.q", q + 1, ": ", old->id, " states triwulan ", kRoman[q + 1],
                         " (", old->achievement.quarters[q].ToIndonesian(),
                         "); a correction restates every quarter it keeps, or retract ", old->id));
      }
    }
    value.ToProto(e->mutable_achievement());
  } else {
    if (!command.spent) {
      return Invalid("achievement", absl::StrCat(old->id, " records spending; give spent"));
    }
    if (command.spent_message != nullptr && command.spent_message->present()) {
      RENSTRA_RETURN_IF_ERROR(CheckMoneyMessage("spent", *command.spent_message));
    }
    RENSTRA_RETURN_IF_ERROR(CheckSpent("spent", *command.spent));
    Money::Rupiah(command.spent->rupiah()).ToProto(e->mutable_spent());
  }
  RENSTRA_RETURN_IF_ERROR(CheckEvidence(command.evidence_ref));
  if (command.note.empty()) return Invalid("note", "required for a correction (what was wrong)");
  e->set_realization_id(command.realization_id);
  e->set_corrects_id(old->id);
  e->set_indicator_id(old->indicator_id);
  e->set_node_code(node->code);
  e->set_year(old->year);
  e->set_quarter(old->quarter);
  e->set_evidence_ref(command.evidence_ref);
  e->set_note(command.note);
  return out;
}

}  // namespace renstra
