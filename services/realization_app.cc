#include "services/realization_app.h"

#include <cstdio>
#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "domain/agency_year.h"
#include "domain/code.h"
#include "domain/realization_decider.h"
#include "domain/text_limits.h"
#include "domain/year.h"
#include "services/report_views.h"

namespace renstra {
namespace {

constexpr uint32_t kRealizationEventSchemaVersion = 1;

// The full gRPC method of a RealizationService command: the scope of its request ids.
std::string Method(const char* rpc) { return absl::StrCat("/renstra.v1.RealizationService/", rpc); }

// The next id after the highest "RLZ-n" in the book: derived from the log, so a
// restarted server continues the numbering and a refused command leaves no gap.
std::string NextId(const RealizationBook& book) {
  char id[32];
  std::snprintf(id, sizeof(id), "%.*s%06lld", static_cast<int>(RealizationBook::kIdPrefix.size()),
                RealizationBook::kIdPrefix.data(),
                static_cast<long long>(book.highest_id_number() + 1));
  return id;
}

// The years a report covers: the one asked for, or all target years.
std::optional<int> YearFilter(int32_t year) {
  if (year == 0) return std::nullopt;
  return year;
}

// Every program (the plan's roots) when `root_code` is empty, else that one code.
std::vector<std::string> Roots(const PlanState& plan, const std::string& root_code) {
  if (!root_code.empty()) return {root_code};
  return plan.roots();
}

template <typename Report>
void SetYears(const std::optional<int>& year, Report* out) {
  if (year.has_value()) {
    out->add_years(*year);
  } else {
    for (int y : kAllTargetYears) out->add_years(y);
  }
}

// A threshold as typed ("75", "62,5"); `fallback` when empty.
absl::StatusOr<Decimal> Threshold(const std::string& text, const char* field, Decimal fallback) {
  if (text.empty()) return fallback;
  absl::StatusOr<Decimal> d = Decimal::ParseIndonesian(text);
  if (!d.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(field, ": ", d.status().message()));
  }
  if (*d < Decimal::FromInt(0)) {
    return absl::InvalidArgumentError(absl::StrCat(field, ": \"", text, "\" is negative"));
  }
  return *d;
}

}  // namespace

RealizationApp::RealizationApp(CommandRunner* runner, ReportOptions options)
    : runner_(runner), projector_(runner->projector()), options_(std::move(options)) {}

absl::StatusOr<v1::RealizationView> RealizationApp::RecordOf(const Landed& landed) const {
  return projector_->ReadRealizations(
      [&](const PlanState& plan,
          const RealizationBook& book) -> absl::StatusOr<v1::RealizationView> {
        const RealizationRecord* r = landed.stream == RealizationBook::StreamOf(plan.plan_id())
                                         ? book.FindBySequence(landed.result.first_sequence)
                                         : nullptr;
        if (r == nullptr) {
          return absl::InternalError(
              absl::StrCat("no realization recorded at event ", landed.result.first_sequence));
        }
        return ViewOf(*r);
      });
}

template <typename Decide>
absl::StatusOr<v1::RealizationView> RealizationApp::Run(const Actor& actor, const char* rpc,
                                                        const google::protobuf::Message& request,
                                                        const std::string& request_id,
                                                        const std::string& reason, Decide decide) {
  CommandSpec spec{PrincipalOf(actor), Method(rpc), &request, request_id,
                   CommandLock::kRealizations};
  return runner_->Run<v1::RealizationView>(
      spec,
      [&]() -> absl::StatusOr<Decision> {
        Decision decision;
        decision.reason = reason;
        RENSTRA_ASSIGN_OR_RETURN(
            std::vector<v1::RealizationEvent> events,
            projector_->ReadRealizations([&](const PlanState& plan, const RealizationBook& book) {
              decision.stream = RealizationBook::StreamOf(plan.plan_id());
              decision.expected_version = static_cast<int64_t>(book.version());
              return decide(plan, book, NextId(book));
            }));
        decision.events = ToNewEvents(events, kRealizationEventSchemaVersion);
        return decision;
      },
      [&](const Landed& landed) { return RecordOf(landed); });
}

absl::StatusOr<v1::RealizationView> RealizationApp::RecordAchievement(
    const Actor& actor, const v1::RecordAchievementRequest& r) {
  return Run(actor, "RecordAchievement", r, r.request_id(), r.note(),
             [&](const PlanState& plan, const RealizationBook& book, const std::string& id) {
               RecordAchievementCommand c{id,
                                          r.indicator_id(),
                                          r.year(),
                                          AchievedValue::FromProto(r.value()),
                                          r.evidence_ref(),
                                          r.note()};
               c.value_message = &r.value();
               c.quarter = r.quarter();
               return DecideRecordAchievement(plan, book, actor, c);
             });
}

absl::StatusOr<v1::RealizationView> RealizationApp::RecordSpending(
    const Actor& actor, const v1::RecordSpendingRequest& r) {
  return Run(actor, "RecordSpending", r, r.request_id(), r.note(),
             [&](const PlanState& plan, const RealizationBook& book, const std::string& id) {
               RecordSpendingCommand c{
                   id,      r.node_code(), r.year(), Money::FromProto(r.spent()), r.evidence_ref(),
                   r.note()};
               c.spent_message = &r.spent();
               c.quarter = r.quarter();
               return DecideRecordSpending(plan, book, actor, c);
             });
}

absl::StatusOr<v1::RealizationView> RealizationApp::Correct(
    const Actor& actor, const v1::CorrectRealizationRequest& r) {
  return Run(actor, "CorrectRealization", r, r.request_id(), r.note(),
             [&](const PlanState& plan, const RealizationBook& book, const std::string& id) {
               CorrectCommand c;
               c.realization_id = id;
               c.corrects_id = r.corrects_id();
               if (r.has_achievement()) {
                 c.achievement = AchievedValue::FromProto(r.achievement());
                 c.achievement_message = &r.achievement();
               }
               if (r.has_spent()) {
                 c.spent = Money::FromProto(r.spent());
                 c.spent_message = &r.spent();
               }
               c.retract = r.retract();
               c.evidence_ref = r.evidence_ref();
               c.note = r.note();
               return DecideCorrect(plan, book, actor, c);
             });
}

absl::StatusOr<v1::RealizationView> RealizationApp::Get(const std::string& realization_id) const {
  if (realization_id.empty()) return absl::InvalidArgumentError("realization_id: required");
  return projector_->ReadRealizations(
      [&](const PlanState&, const RealizationBook& book) -> absl::StatusOr<v1::RealizationView> {
        const RealizationRecord* r = book.Find(realization_id);
        if (r == nullptr) {
          return absl::NotFoundError(
              absl::StrCat("realization_id: no realization \"", realization_id, "\""));
        }
        return ViewOf(*r);
      });
}

absl::StatusOr<v1::ListRealizationsResponse> RealizationApp::List(
    const v1::ListRealizationsRequest& r) const {
  return projector_->ReadRealizations([&](const PlanState& plan, const RealizationBook& book)
                                          -> absl::StatusOr<v1::ListRealizationsResponse> {
    std::string prefix;
    if (!r.node_code().empty()) {
      absl::StatusOr<Code> code = Code::Parse(r.node_code());
      if (!code.ok() || plan.FindNode(code->canonical()) == nullptr) {
        return absl::NotFoundError(
            absl::StrCat("node_code: no node \"", r.node_code(), "\" in the plan"));
      }
      prefix = code->canonical();
    }
    v1::ListRealizationsResponse out;
    for (const RealizationRecord& rec : book.records()) {
      if (!prefix.empty() && rec.node_code != prefix && rec.node_code.rfind(prefix + ".", 0) != 0) {
        continue;
      }
      if (!r.indicator_id().empty() && rec.indicator_id != r.indicator_id()) continue;
      if (r.year() != 0 && rec.year != r.year()) continue;
      *out.add_realizations() = ViewOf(rec);
    }
    return out;
  });
}

absl::StatusOr<v1::CapaianReport> RealizationApp::Capaian(
    const v1::GetCapaianReportRequest& r) const {
  ReportOptions options = options_;
  options.year = YearFilter(r.year());
  return projector_->ReadRealizations(
      [&](const PlanState& plan, const RealizationBook& book) -> absl::StatusOr<v1::CapaianReport> {
        v1::CapaianReport out;
        for (const std::string& root : Roots(plan, r.root_code())) {
          RENSTRA_ASSIGN_OR_RETURN(std::vector<Tc23Row> rows, BuildTc23(plan, book, root, options));
          for (const Tc23Row& row : rows) {
            v1::CapaianRow* v = out.add_rows();
            NodeToProto(row.node, v->mutable_node());
            IndicatorLineToProto(row.indicator, v->mutable_indicator());
          }
        }
        SetYears(options.year, &out);
        out.set_plan_version(plan.version());
        out.set_realization_version(static_cast<int64_t>(book.version()));
        return out;
      });
}

absl::StatusOr<v1::AgencyYearFigures> RealizationApp::YearFigures(int year) const {
  return projector_->ReadRealizations([&](const PlanState& plan, const RealizationBook& book)
                                          -> absl::StatusOr<v1::AgencyYearFigures> {
    RENSTRA_ASSIGN_OR_RETURN(const AgencyYear y, SummarizeAgencyYear(plan, book, year, options_));
    v1::AgencyYearFigures out;
    out.set_year(y.year);
    y.funding.ToProto(out.mutable_funding());
    y.spent.ToProto(out.mutable_spent());
    RatioToProto(y.absorption, out.mutable_serapan());
    out.set_serapan_predikat(y.absorption_predikat);
    out.set_indicators(y.indicators);
    out.set_indicators_judged(y.indicators_judged);
    RatioToProto(y.capaian, out.mutable_capaian());
    out.set_capaian_predikat(y.capaian_predikat);
    return out;
  });
}

absl::StatusOr<v1::AnggaranReport> RealizationApp::Anggaran(
    const v1::GetAnggaranReportRequest& r) const {
  return projector_->ReadRealizations([&](const PlanState& plan, const RealizationBook& book)
                                          -> absl::StatusOr<v1::AnggaranReport> {
    v1::AnggaranReport out;
    for (const std::string& root : Roots(plan, r.root_code())) {
      RENSTRA_ASSIGN_OR_RETURN(std::vector<Tc24Row> rows, BuildTc24(plan, book, root, options_));
      for (const Tc24Row& row : rows) AnggaranRowToProto(row, out.add_rows());
    }
    SetYears(std::nullopt, &out);
    out.set_plan_version(plan.version());
    out.set_realization_version(static_cast<int64_t>(book.version()));
    return out;
  });
}

absl::StatusOr<v1::EvaluationReport> RealizationApp::Evaluation(
    const v1::GetEvaluationReportRequest& r) const {
  return projector_->ReadRealizations(
      [&](const PlanState& plan,
          const RealizationBook& book) -> absl::StatusOr<v1::EvaluationReport> {
        v1::EvaluationReport out;
        for (const std::string& root : Roots(plan, r.root_code())) {
          RENSTRA_ASSIGN_OR_RETURN(std::vector<E80Row> rows, BuildE80(plan, book, root, options_));
          for (const E80Row& row : rows) EvaluationRowToProto(row, out.add_rows());
        }
        SetYears(std::nullopt, &out);
        out.set_plan_version(plan.version());
        out.set_realization_version(static_cast<int64_t>(book.version()));
        return out;
      });
}

absl::StatusOr<v1::EarlyWarnings> RealizationApp::EarlyWarnings(
    const v1::GetEarlyWarningsRequest& r) const {
  WarningOptions warning;
  warning.year = r.year();
  RENSTRA_ASSIGN_OR_RETURN(
      warning.kinerja_threshold,
      Threshold(r.ratio_threshold(), "ratio_threshold", warning.kinerja_threshold));
  RENSTRA_ASSIGN_OR_RETURN(
      warning.keuangan_threshold,
      Threshold(r.absorption_threshold(), "absorption_threshold", warning.keuangan_threshold));
  warning.include_unrecorded = r.include_unrecorded();
  return projector_->ReadRealizations(
      [&](const PlanState& plan, const RealizationBook& book) -> absl::StatusOr<v1::EarlyWarnings> {
        RENSTRA_ASSIGN_OR_RETURN(std::vector<WarningItem> items,
                                 BuildEarlyWarning(plan, book, r.root_code(), warning, options_));
        v1::EarlyWarnings out;
        out.set_year(warning.year);
        out.set_ratio_threshold(warning.kinerja_threshold.ToIndonesian());
        out.set_absorption_threshold(warning.keuangan_threshold.ToIndonesian());
        for (const WarningItem& item : items) WarningToProto(item, out.add_warnings());
        return out;
      });
}

absl::StatusOr<v1::TriwulanReport> RealizationApp::Triwulan(
    const v1::GetTriwulanReportRequest& r) const {
  return projector_->ReadRealizations(
      [&](const PlanState& plan,
          const RealizationBook& book) -> absl::StatusOr<v1::TriwulanReport> {
        RENSTRA_ASSIGN_OR_RETURN(std::vector<TriwulanLine> lines,
                                 BuildTriwulan(plan, book, r.root_code(), r.year(), options_));
        v1::TriwulanReport out;
        out.set_year(r.year());
        for (const TriwulanLine& line : lines) TriwulanLineToProto(line, out.add_lines());
        out.set_plan_version(plan.version());
        out.set_realization_version(static_cast<int64_t>(book.version()));
        return out;
      });
}

}  // namespace renstra
