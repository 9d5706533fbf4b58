#include "services/report_views.h"

#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "domain/capaian.h"
#include "domain/indicator_kind.h"

namespace renstra {

v1::RealizationView ViewOf(const RealizationRecord& r) {
  v1::RealizationView v;
  v.set_realization_id(r.id);
  const bool achievement = r.kind == RealizationRecord::Kind::kAchievement;
  v.set_kind(achievement ? v1::RealizationView::ACHIEVEMENT : v1::RealizationView::SPENDING);
  v.set_indicator_id(r.indicator_id);
  v.set_node_code(r.node_code);
  v.set_year(r.year);
  v.set_quarter(r.quarter);
  if (achievement && !r.retracted) {
    r.achievement.ToProto(v.mutable_achievement());
    v.set_achieved_text(r.Achieved().ToIndonesian());
  }
  if (!achievement && !r.retracted) r.spent.ToProto(v.mutable_spent());
  v.set_retracted(r.retracted);
  v.set_evidence_ref(r.evidence_ref);
  v.set_note(r.note);
  v.set_corrects_id(r.corrects_id);
  v.set_corrected_by(r.corrected_by);
  v.set_principal(r.principal);
  v.set_role(r.role);
  v.set_at_micros(r.at_micros);
  v.set_sequence(r.sequence);
  return v;
}

std::string PlainDecimal(const Decimal& value) {
  const int64_t units = value.units();
  // Magnitude as unsigned so INT64_MIN does not overflow.
  const uint64_t magnitude =
      units < 0 ? static_cast<uint64_t>(-(units + 1)) + 1 : static_cast<uint64_t>(units);
  std::string digits = std::to_string(magnitude);
  const size_t scale = static_cast<size_t>(value.scale());
  if (scale > 0) {
    if (digits.size() <= scale) digits.insert(0, scale + 1 - digits.size(), '0');
    digits.insert(digits.size() - scale, ".");
  }
  return units < 0 ? "-" + digits : digits;
}

void RatioToProto(const Ratio& ratio, v1::ReportRatio* out) {
  out->set_text(ratio.ToIndonesian());
  out->set_computable(ratio.computable());
  if (ratio.computable()) {
    out->set_value(PlainDecimal(ratio.value()));
  } else {
    out->set_reason(ratio.reason());
  }
}

void NodeToProto(const NodeRef& node, v1::ReportNode* out) {
  out->set_code(node.code);
  out->set_code_written(node.code_written);
  out->set_name(node.name);
  out->set_level(node.level);
  out->set_division(node.division);
  out->set_depth(node.depth);
}

void IndicatorLineToProto(const IndicatorLine& line, v1::IndicatorLine* out) {
  out->set_indicator_id(line.indicator_id);
  out->set_statement(line.statement);
  out->set_unit(line.unit);
  out->set_polarity(PolarityName(line.polarity));
  for (const KinerjaCell& cell : line.years) {
    v1::KinerjaYear* y = out->add_years();
    y->set_year(cell.year);
    cell.target.ToProto(y->mutable_target());
    y->set_target_text(cell.target_text);
    cell.realization.ToProto(y->mutable_realization());
    y->set_realization_text(cell.realization_text);
    y->set_realization_id(cell.realization_id);
    RatioToProto(cell.ratio, y->mutable_ratio());
  }
  RatioToProto(line.average, out->mutable_average());
  out->set_predikat(line.predikat);
}

void AnggaranRowToProto(const Tc24Row& row, v1::AnggaranRow* out) {
  NodeToProto(row.node, out->mutable_node());
  for (const KeuanganCell& cell : row.years) {
    v1::KeuanganYear* y = out->add_years();
    y->set_year(cell.year);
    cell.funding.ToProto(y->mutable_funding());
    y->set_funding_text(cell.funding_text);
    cell.spent.ToProto(y->mutable_spent());
    y->set_spent_text(cell.spent_text);
    RatioToProto(cell.absorption, y->mutable_absorption());
  }
  row.average_funding.ToProto(out->mutable_average_funding());
  out->set_average_funding_text(row.average_funding_text);
  row.average_spent.ToProto(out->mutable_average_spent());
  out->set_average_spent_text(row.average_spent_text);
  RatioToProto(row.average_absorption, out->mutable_average_absorption());
}

void EvaluationRowToProto(const E80Row& row, v1::EvaluationRow* out) {
  NodeToProto(row.node, out->mutable_node());
  for (const IndicatorLine& line : row.kinerja) IndicatorLineToProto(line, out->add_kinerja());
  AnggaranRowToProto(row.keuangan, out->mutable_keuangan());
  out->set_keuangan_predikat(row.keuangan_predikat);
}

void WarningToProto(const WarningItem& item, v1::EarlyWarning* out) {
  out->set_kind(item.kind == WarningItem::Kind::kKinerja ? v1::EarlyWarning::KINERJA
                                                         : v1::EarlyWarning::KEUANGAN);
  NodeToProto(item.node, out->mutable_node());
  out->set_indicator_id(item.indicator_id);
  out->set_statement(item.statement);
  out->set_year(item.year);
  RatioToProto(item.ratio, out->mutable_ratio());
  out->set_message(item.message);
}

void TriwulanLineToProto(const TriwulanLine& line, v1::TriwulanLine* out) {
  const bool kinerja = line.kind == TriwulanLine::Kind::kKinerja;
  out->set_kind(kinerja ? v1::TriwulanLine::KINERJA : v1::TriwulanLine::KEUANGAN);
  NodeToProto(line.node, out->mutable_node());
  out->set_target_text(line.target_text);
  for (const std::string& text : line.quarter_texts) out->add_quarter_texts(text);
  out->set_cumulative_text(line.cumulative_text);
  RatioToProto(line.ratio, out->mutable_ratio());
  if (kinerja) {
    out->set_indicator_id(line.indicator_id);
    out->set_statement(line.statement);
    out->set_unit(line.unit);
    out->set_indicator_kind(std::string(KindName(line.indicator_kind)));
    line.target.ToProto(out->mutable_target());
    for (const TargetValue& v : line.quarter_values) v.ToProto(out->add_quarter_values());
    line.cumulative.ToProto(out->mutable_cumulative());
  } else {
    line.funding.ToProto(out->mutable_funding());
    for (const Money& m : line.quarter_spent) m.ToProto(out->add_quarter_spent());
    line.cumulative_spent.ToProto(out->mutable_cumulative_spent());
  }
}

}  // namespace renstra
