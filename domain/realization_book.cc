#include "domain/realization_book.h"

#include "absl/strings/str_cat.h"
#include "domain/strings.h"

namespace renstra {
namespace {

constexpr std::string_view kPlanPrefix = "plan/";
constexpr std::string_view kStreamPrefix = "realization/";

RealizationRecord FromEnvelope(const v1::EventEnvelope& env) {
  RealizationRecord r;
  r.principal = env.principal();
  r.role = env.role();
  r.at_micros = env.timestamp_micros();
  r.reason = env.reason();
  r.sequence = env.sequence();
  r.stream_version = env.stream_version();
  return r;
}

absl::Status Contradiction(const v1::EventEnvelope& env, absl::string_view what) {
  return absl::FailedPreconditionError(absl::StrCat("event ", env.sequence(), ": ", what));
}

}  // namespace

std::string RealizationBook::StreamOf(std::string_view plan_id) {
  if (plan_id.substr(0, kPlanPrefix.size()) == kPlanPrefix)
    plan_id.remove_prefix(kPlanPrefix.size());
  return absl::StrCat(AsAbsl(kStreamPrefix), AsAbsl(plan_id));
}

absl::Status RealizationBook::ApplyEnvelope(const v1::EventEnvelope& envelope) {
  v1::RealizationEvent event;
  if (!event.ParseFromString(envelope.payload())) {
    return absl::InvalidArgumentError(
        absl::StrCat("event ", envelope.sequence(), ": payload is not a RealizationEvent"));
  }
  RealizationRecord rec = FromEnvelope(envelope);
  switch (event.kind_case()) {
    case v1::RealizationEvent::kAchievementRecorded: {
      const auto& e = event.achievement_recorded();
      rec.id = e.realization_id();
      rec.kind = RealizationRecord::Kind::kAchievement;
      rec.indicator_id = e.indicator_id();
      rec.node_code = e.node_code();
      rec.year = e.year();
      rec.achievement = AchievedValue::FromProto(e.value());
      rec.evidence_ref = e.evidence_ref();
      rec.note = e.note();
      break;
    }
    case v1::RealizationEvent::kSpendingRecorded: {
      const auto& e = event.spending_recorded();
      rec.id = e.realization_id();
      rec.kind = RealizationRecord::Kind::kSpending;
      rec.node_code = e.node_code();
      rec.year = e.year();
      rec.spent = Money::FromProto(e.spent());
      rec.evidence_ref = e.evidence_ref();
      rec.note = e.note();
      break;
    }
    case v1::RealizationEvent::kCorrected: {
      absl::Status s = ApplyCorrection(event.corrected(), std::move(rec));
      if (!s.ok()) return Contradiction(envelope, s.message());
      version_ = envelope.stream_version();
      return absl::OkStatus();
    }
    case v1::RealizationEvent::KIND_NOT_SET:
      return absl::InvalidArgumentError(
          absl::StrCat("event ", envelope.sequence(), ": empty realization event"));
  }
  if (by_id_.contains(rec.id)) {
    return Contradiction(envelope, absl::StrCat("realization ", rec.id, " recorded twice"));
  }
  Append(std::move(rec));
  version_ = envelope.stream_version();
  return absl::OkStatus();
}

absl::Status RealizationBook::ApplyCorrection(const v1::RealizationCorrected& e,
                                              RealizationRecord rec) {
  auto it = by_id_.find(e.corrects_id());
  if (it == by_id_.end()) {
    return absl::FailedPreconditionError(absl::StrCat("correction ", e.realization_id(),
                                                      " of unknown realization ", e.corrects_id()));
  }
  if (by_id_.contains(e.realization_id())) {
    return absl::FailedPreconditionError(
        absl::StrCat("realization ", e.realization_id(), " recorded twice"));
  }
  const RealizationRecord& old = records_[it->second];
  if (!old.corrected_by.empty()) {
    return absl::FailedPreconditionError(absl::StrCat("realization ", old.id, " corrected twice (",
                                                      old.corrected_by, ", ", e.realization_id(),
                                                      ")"));
  }
  const bool achievement = old.kind == RealizationRecord::Kind::kAchievement;
  if ((achievement && e.has_spent()) || (!achievement && e.has_achievement())) {
    return absl::FailedPreconditionError(
        absl::StrCat("correction ", e.realization_id(), " changes the kind of ", old.id));
  }
  // The subject is the corrected record's, whatever the event repeats.
  rec.id = e.realization_id();
  rec.kind = old.kind;
  rec.indicator_id = old.indicator_id;
  rec.node_code = old.node_code;
  rec.year = old.year;
  rec.corrects_id = old.id;
  rec.retracted = e.has_retracted() && e.retracted();
  if (e.has_achievement()) rec.achievement = AchievedValue::FromProto(e.achievement());
  if (e.has_spent()) rec.spent = Money::FromProto(e.spent());
  rec.evidence_ref = e.evidence_ref();
  rec.note = e.note();
  records_[it->second].corrected_by = rec.id;
  Append(std::move(rec));
  return absl::OkStatus();
}

void RealizationBook::Append(RealizationRecord rec) {
  const size_t index = records_.size();
  by_id_[rec.id] = index;
  if (rec.kind == RealizationRecord::Kind::kAchievement) {
    latest_achievement_[{rec.indicator_id, rec.year}] = index;
  } else {
    latest_spending_[{rec.node_code, rec.year}] = index;
  }
  records_.push_back(std::move(rec));
}

const RealizationRecord* RealizationBook::Find(std::string_view realization_id) const {
  auto it = by_id_.find(realization_id);
  return it == by_id_.end() ? nullptr : &records_[it->second];
}

const RealizationRecord* RealizationBook::CurrentAchievement(std::string_view indicator_id,
                                                             int year) const {
  auto it = latest_achievement_.find({std::string(indicator_id), year});
  if (it == latest_achievement_.end() || records_[it->second].retracted) return nullptr;
  return &records_[it->second];
}

const RealizationRecord* RealizationBook::CurrentSpending(std::string_view node_code,
                                                          int year) const {
  auto it = latest_spending_.find({std::string(node_code), year});
  if (it == latest_spending_.end() || records_[it->second].retracted) return nullptr;
  return &records_[it->second];
}

std::vector<const RealizationRecord*> RealizationBook::AchievementHistory(
    std::string_view indicator_id, int year) const {
  std::vector<const RealizationRecord*> out;
  for (const RealizationRecord& r : records_) {
    if (r.kind == RealizationRecord::Kind::kAchievement && r.indicator_id == indicator_id &&
        r.year == year) {
      out.push_back(&r);
    }
  }
  return out;
}

std::vector<const RealizationRecord*> RealizationBook::SpendingHistory(std::string_view node_code,
                                                                       int year) const {
  std::vector<const RealizationRecord*> out;
  for (const RealizationRecord& r : records_) {
    if (r.kind == RealizationRecord::Kind::kSpending && r.node_code == node_code &&
        r.year == year) {
      out.push_back(&r);
    }
  }
  return out;
}

}  // namespace renstra
