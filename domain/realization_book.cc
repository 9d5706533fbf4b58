#include "domain/realization_book.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "absl/hash/hash.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "domain/strings.h"

namespace renstra {
namespace {

constexpr std::string_view kPlanPrefix = "plan/";
constexpr std::string_view kStreamPrefix = "realization/";

constexpr size_t kNone = static_cast<size_t>(-1);

// n for an id written exactly as "RLZ-%06lld" writes n >= 1 (so that one number has one
// id); 0 otherwise.
int64_t CanonicalNumber(std::string_view id) {
  constexpr size_t kDigits = 6;
  constexpr size_t kMaxDigits = 9;  // keeps n (and the dense index) well inside uint32
  if (id.size() < RealizationBook::kIdPrefix.size() + kDigits ||
      id.size() > RealizationBook::kIdPrefix.size() + kMaxDigits ||
      id.substr(0, RealizationBook::kIdPrefix.size()) != RealizationBook::kIdPrefix) {
    return 0;
  }
  const std::string_view digits = id.substr(RealizationBook::kIdPrefix.size());
  if (digits.size() > kDigits && digits[0] == '0') return 0;
  int64_t n = 0;
  for (char c : digits) {
    if (!IsAsciiDigit(c)) return 0;
    n = n * 10 + (c - '0');
  }
  return n;
}

absl::Status Contradiction(const v1::EventEnvelope& env, absl::string_view what) {
  return absl::FailedPreconditionError(absl::StrCat("event ", env.sequence(), ": ", what));
}

// A quarter outside 0..4 is no triwulan: the log is not a realization log this server wrote.
absl::Status BadQuarter(const v1::EventEnvelope& env, int32_t quarter) {
  return Contradiction(env, absl::StrCat("quarter ", quarter, " is not 0 (the year) or 1..4"));
}

}  // namespace

std::string RealizationBook::StreamOf(std::string_view plan_id) {
  if (plan_id.substr(0, kPlanPrefix.size()) == kPlanPrefix)
    plan_id.remove_prefix(kPlanPrefix.size());
  return absl::StrCat(AsAbsl(kStreamPrefix), AsAbsl(plan_id));
}

size_t RealizationBook::SubjectHash::operator()(SubjectRef s) const {
  return absl::Hash<std::tuple<absl::string_view, int, int>>()({s.id, s.year, s.quarter});
}

absl::Status RealizationBook::ApplyEnvelope(const v1::EventEnvelope& envelope) {
  // One message per thread, parsed into again and again: a replay applies hundreds of
  // thousands of events, and a fresh message allocates every sub-message each time.
  static thread_local v1::RealizationEvent event;
  if (!event.ParseFromString(envelope.payload())) {
    return absl::InvalidArgumentError(
        absl::StrCat("event ", envelope.sequence(), ": payload is not a RealizationEvent"));
  }
  switch (event.kind_case()) {
    case v1::RealizationEvent::kAchievementRecorded: {
      v1::AchievementRecorded& e = *event.mutable_achievement_recorded();
      if (e.quarter() < 0 || e.quarter() > 4) return BadQuarter(envelope, e.quarter());
      if (IndexOf(e.realization_id()) != kNone) {
        return Contradiction(envelope,
                             absl::StrCat("realization ", e.realization_id(), " recorded twice"));
      }
      RealizationRecord& rec = NewRecord(envelope);
      rec.id = std::move(*e.mutable_realization_id());
      rec.kind = RealizationRecord::Kind::kAchievement;
      rec.indicator_id = std::move(*e.mutable_indicator_id());
      rec.node_code = std::move(*e.mutable_node_code());
      rec.year = e.year();
      rec.quarter = e.quarter();
      rec.achievement = AchievedValue::FromProto(e.value());
      rec.evidence_ref = std::move(*e.mutable_evidence_ref());
      rec.note = std::move(*e.mutable_note());
      break;
    }
    case v1::RealizationEvent::kSpendingRecorded: {
      v1::SpendingRecorded& e = *event.mutable_spending_recorded();
      if (e.quarter() < 0 || e.quarter() > 4) return BadQuarter(envelope, e.quarter());
      if (IndexOf(e.realization_id()) != kNone) {
        return Contradiction(envelope,
                             absl::StrCat("realization ", e.realization_id(), " recorded twice"));
      }
      RealizationRecord& rec = NewRecord(envelope);
      rec.id = std::move(*e.mutable_realization_id());
      rec.kind = RealizationRecord::Kind::kSpending;
      rec.node_code = std::move(*e.mutable_node_code());
      rec.year = e.year();
      rec.quarter = e.quarter();
      rec.spent = Money::FromProto(e.spent());
      rec.evidence_ref = std::move(*e.mutable_evidence_ref());
      rec.note = std::move(*e.mutable_note());
      break;
    }
    case v1::RealizationEvent::kCorrected: {
      absl::Status s = ApplyCorrection(*event.mutable_corrected(), envelope);
      if (!s.ok()) return Contradiction(envelope, s.message());
      break;
    }
    case v1::RealizationEvent::KIND_NOT_SET:
      return absl::InvalidArgumentError(
          absl::StrCat("event ", envelope.sequence(), ": empty realization event"));
  }
  IndexLast();
  version_ = envelope.stream_version();
  return absl::OkStatus();
}

absl::Status RealizationBook::ApplyCorrection(v1::RealizationCorrected& e,
                                              const v1::EventEnvelope& envelope) {
  const size_t corrected = IndexOf(e.corrects_id());
  if (corrected == kNone) {
    return absl::FailedPreconditionError(absl::StrCat("correction ", e.realization_id(),
                                                      " of unknown realization ", e.corrects_id()));
  }
  if (IndexOf(e.realization_id()) != kNone) {
    return absl::FailedPreconditionError(
        absl::StrCat("realization ", e.realization_id(), " recorded twice"));
  }
  RealizationRecord& old = records_[corrected];
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
  // The subject is the corrected record's, whatever the event repeats. (A deque keeps
  // `old` in place while the new record is appended.)
  RealizationRecord& rec = NewRecord(envelope);
  rec.id = std::move(*e.mutable_realization_id());
  rec.kind = old.kind;
  rec.indicator_id = old.indicator_id;
  rec.node_code = old.node_code;
  rec.year = old.year;
  rec.quarter = old.quarter;
  rec.corrects_id = old.id;
  rec.retracted = e.has_retracted() && e.retracted();
  if (e.has_achievement()) rec.achievement = AchievedValue::FromProto(e.achievement());
  if (e.has_spent()) rec.spent = Money::FromProto(e.spent());
  rec.evidence_ref = std::move(*e.mutable_evidence_ref());
  rec.note = std::move(*e.mutable_note());
  old.corrected_by = rec.id;
  return absl::OkStatus();
}

RealizationRecord& RealizationBook::NewRecord(const v1::EventEnvelope& envelope) {
  RealizationRecord& r = records_.emplace_back();
  r.principal = envelope.principal();
  r.role = envelope.role();
  r.at_micros = envelope.timestamp_micros();
  r.reason = envelope.reason();
  r.sequence = envelope.sequence();
  r.stream_version = envelope.stream_version();
  return r;
}

void RealizationBook::IndexLast() {
  const size_t index = records_.size() - 1;
  const RealizationRecord& rec = records_.back();
  const int64_t number = CanonicalNumber(rec.id);
  // Dense while the numbers stay near the book's size (ids are handed out in order).
  if (number > 0 && index < UINT32_MAX &&
      static_cast<uint64_t>(number) <= 2 * records_.size() + 1024) {
    if (static_cast<size_t>(number) >= by_number_.size()) {
      by_number_.resize(std::max<size_t>(number + 1, by_number_.size() * 3 / 2));
    }
    by_number_[number] = static_cast<uint32_t>(index + 1);
  } else {
    by_id_.emplace(rec.id, index);
  }
  const bool achievement = rec.kind == RealizationRecord::Kind::kAchievement;
  SubjectIndex& latest = achievement ? latest_achievement_ : latest_spending_;
  const std::string& subject = achievement ? rec.indicator_id : rec.node_code;
  if (auto it = latest.find(SubjectRef(subject, rec.year, rec.quarter)); it != latest.end()) {
    it->second = index;
  } else {
    latest.emplace(Subject{subject, rec.year, rec.quarter}, index);
  }
  int64_t n = number;
  if (n == 0 && (!absl::StartsWith(rec.id, AsAbsl(kIdPrefix)) ||
                 !absl::SimpleAtoi(absl::string_view(rec.id).substr(kIdPrefix.size()), &n))) {
    n = 0;
  }
  highest_id_number_ = std::max(highest_id_number_, n);
}

size_t RealizationBook::IndexOf(std::string_view id) const {
  if (const int64_t number = CanonicalNumber(id);
      number > 0 && static_cast<size_t>(number) < by_number_.size() && by_number_[number] != 0) {
    return by_number_[number] - 1;
  }
  if (by_id_.empty()) return kNone;
  auto it = by_id_.find(AsAbsl(id));
  return it == by_id_.end() ? kNone : it->second;
}

const RealizationRecord* RealizationBook::Find(std::string_view realization_id) const {
  const size_t index = IndexOf(realization_id);
  return index == kNone ? nullptr : &records_[index];
}

const RealizationRecord* RealizationBook::FindBySequence(uint64_t sequence) const {
  auto it = std::lower_bound(records_.begin(), records_.end(), sequence,
                             [](const RealizationRecord& r, uint64_t s) { return r.sequence < s; });
  return it == records_.end() || it->sequence != sequence ? nullptr : &*it;
}

const RealizationRecord* RealizationBook::Latest(const SubjectIndex& index, std::string_view id,
                                                 int year, int quarter) const {
  auto it = index.find(SubjectRef(AsAbsl(id), year, quarter));
  if (it == index.end() || records_[it->second].retracted) return nullptr;
  return &records_[it->second];
}

const RealizationRecord* RealizationBook::CurrentAchievement(std::string_view indicator_id,
                                                             int year, int quarter) const {
  return Latest(latest_achievement_, indicator_id, year, quarter);
}

const RealizationRecord* RealizationBook::CurrentSpending(std::string_view node_code, int year,
                                                          int quarter) const {
  return Latest(latest_spending_, node_code, year, quarter);
}

std::array<const RealizationRecord*, 4> RealizationBook::QuarterAchievements(
    std::string_view indicator_id, int year) const {
  std::array<const RealizationRecord*, 4> out{};
  for (int q = 1; q <= 4; ++q) out[q - 1] = Latest(latest_achievement_, indicator_id, year, q);
  return out;
}

std::array<const RealizationRecord*, 4> RealizationBook::QuarterSpending(std::string_view node_code,
                                                                         int year) const {
  std::array<const RealizationRecord*, 4> out{};
  for (int q = 1; q <= 4; ++q) out[q - 1] = Latest(latest_spending_, node_code, year, q);
  return out;
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
