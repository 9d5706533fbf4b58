// RealizationBook: the projection of a plan's realization stream (realization.proto):
// every recorded achievement and spending with its corrections, who recorded it and
// when, and per subject — (indicator, year, quarter) or (node, year, quarter), quarter 0
// for a year record and 1..4 for a triwulan record — the current record.
//
// Stream: "realization/<plan name>" (StreamOf). Commands are appended with
// expected version = version(), which is what makes the book-wide rules of the
// deciders (unique realization ids; one current record per subject; only the current
// record is corrected) safe under concurrent writers.
//
// Current record: the latest record of a subject in log order, i.e. the end of its
// correction chain; none when that record is a retraction. Reports use it; the history
// keeps every record, corrected ones marked with the id that corrected them.
//
// Built only by ApplyEnvelope in log order; replaying the same envelopes yields the same
// book. Value type; not thread-safe (the application layer guards it).
#ifndef RENSTRA_DOMAIN_REALIZATION_BOOK_H_
#define RENSTRA_DOMAIN_REALIZATION_BOOK_H_

#include <array>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "domain/capaian.h"
#include "domain/money.h"
#include "renstra/v1/events.pb.h"
#include "renstra/v1/realization.pb.h"

namespace renstra {

struct RealizationRecord {
  enum class Kind { kAchievement, kSpending };

  std::string id;
  Kind kind = Kind::kAchievement;
  std::string indicator_id;  // achievements only
  std::string node_code;     // canonical; for achievements the indicator's node
  int year = 0;
  int quarter = 0;            // 1..4: a triwulan record; 0: a year record (every old event)
  AchievedValue achievement;  // achievements only; a triwulan record states only its quarter
  Money spent;                // spending only
  bool retracted = false;     // a correction that withdraws the subject's value
  std::string evidence_ref;
  std::string note;
  std::string corrects_id;   // the record this one corrects; "" for an original record
  std::string corrected_by;  // the record that corrected this one; "" while current
  // From the envelope: who recorded it, in which role, when, why and where in the log.
  std::string principal;
  std::string role;
  int64_t at_micros = 0;
  std::string reason;
  uint64_t sequence = 0;
  uint64_t stream_version = 0;

  // The record's own value: EffectiveAchievement(achievement) for a year record, the
  // quarter's value for a triwulan record (kEmpty for spending records). The year's
  // figure of a subject recorded by triwulan is domain/year_realization.h's.
  TargetValue Achieved() const {
    return quarter == 0 ? EffectiveAchievement(achievement) : achievement.quarters[quarter - 1];
  }
};

class RealizationBook {
 public:
  // The prefix of the realization ids the application hands out: "RLZ-000001", ...
  static constexpr std::string_view kIdPrefix = "RLZ-";

  // "realization/<name>" for a plan id "plan/<name>" (or a bare "<name>").
  static std::string StreamOf(std::string_view plan_id);

  // Applies one envelope of the realization stream, in log order. INVALID_ARGUMENT if the
  // payload is not a RealizationEvent or is empty; FAILED_PRECONDITION if the event
  // contradicts the book (a realization id used twice, a correction of an unknown or
  // already corrected record, or of a record of another kind): the log is then not a
  // realization log. Nothing changes on error.
  absl::Status ApplyEnvelope(const v1::EventEnvelope& envelope);

  // Stream version: the stream_version of the last envelope applied (0 when empty).
  uint64_t version() const { return version_; }

  // The record with that id (original or correction); nullptr if unknown.
  const RealizationRecord* Find(std::string_view realization_id) const;
  // The current achievement record of (indicator, year, quarter) — quarter 0 is the
  // year record, 1..4 a triwulan record; nullptr if none (never recorded, or retracted).
  const RealizationRecord* CurrentAchievement(std::string_view indicator_id, int year,
                                              int quarter = 0) const;
  // The current spending record of (node, year, quarter), by canonical code; nullptr if none.
  const RealizationRecord* CurrentSpending(std::string_view node_code, int year,
                                           int quarter = 0) const;
  // The current triwulan records I..IV of (indicator, year) / (node, year); nullptr where
  // none.
  std::array<const RealizationRecord*, 4> QuarterAchievements(std::string_view indicator_id,
                                                              int year) const;
  std::array<const RealizationRecord*, 4> QuarterSpending(std::string_view node_code,
                                                          int year) const;

  // The record the envelope of this log sequence recorded; nullptr if none.
  const RealizationRecord* FindBySequence(uint64_t sequence) const;
  // The highest n of the ids "RLZ-<n>" (kIdPrefix, then a number as absl::SimpleAtoi
  // reads it) in the book; 0 when there is none. The next id to hand out follows it.
  int64_t highest_id_number() const { return highest_id_number_; }

  // Every record in log order, corrections included. A deque: a record stays where it is
  // while the book grows (a replay appends hundreds of thousands of them).
  const std::deque<RealizationRecord>& records() const { return records_; }
  // The records of an (indicator or node, year) in log order: the year record's and every
  // triwulan record's, originals and corrections.
  std::vector<const RealizationRecord*> AchievementHistory(std::string_view indicator_id,
                                                           int year) const;
  std::vector<const RealizationRecord*> SpendingHistory(std::string_view node_code, int year) const;

  // Puts back the next record (in log order) exactly as a snapshot recorded it
  // (services/snapshotter.h), with its corrected_by already set, and then the book's
  // version: restoring every record of a book, then its version, rebuilds that book.
  void RestoreRecord(RealizationRecord rec) {
    records_.push_back(std::move(rec));
    IndexLast();
  }
  void RestoreVersion(uint64_t version) { version_ = version; }

 private:
  // (indicator id or node code, year, quarter); looked up by SubjectRef without a copy.
  struct Subject {
    std::string id;
    int year = 0;
    int quarter = 0;
  };
  struct SubjectRef {
    SubjectRef(absl::string_view i, int y, int q) : id(i), year(y), quarter(q) {}
    SubjectRef(const Subject& s)  // NOLINT: implicit on purpose
        : id(s.id), year(s.year), quarter(s.quarter) {}
    absl::string_view id;
    int year;
    int quarter;
  };
  struct SubjectHash {
    using is_transparent = void;
    size_t operator()(SubjectRef s) const;
  };
  struct SubjectEq {
    using is_transparent = void;
    bool operator()(SubjectRef a, SubjectRef b) const {
      return a.year == b.year && a.quarter == b.quarter && a.id == b.id;
    }
  };
  using SubjectIndex = absl::flat_hash_map<Subject, size_t, SubjectHash, SubjectEq>;

  absl::Status ApplyCorrection(v1::RealizationCorrected& e, const v1::EventEnvelope& envelope);
  // Appends a record with the envelope's fields set; the caller fills in the rest, then
  // calls IndexLast(). Only after every check passed: nothing changes on error.
  RealizationRecord& NewRecord(const v1::EventEnvelope& envelope);
  // Indexes the last record (by id, by subject, its id number).
  void IndexLast();
  const RealizationRecord* Latest(const SubjectIndex& index, std::string_view id, int year,
                                  int quarter) const;
  // Index in records_ of the record with that id; npos if none.
  size_t IndexOf(std::string_view id) const;

  std::deque<RealizationRecord> records_;
  // Realization id → index in records_. The ids the application hands out ("RLZ-" and
  // n written with at least six digits, as RealizationApp writes them) are found by n
  // in by_number_ (index + 1; 0 = none): a dense array, much cheaper than a hash table
  // of strings for the hundreds of thousands of records a replay indexes. Every other
  // id, and a number far beyond the book's size, is in by_id_.
  std::vector<uint32_t> by_number_;
  absl::flat_hash_map<std::string, size_t> by_id_;
  // Subject → index of its latest record (which may be a retraction).
  SubjectIndex latest_achievement_;
  SubjectIndex latest_spending_;
  int64_t highest_id_number_ = 0;
  uint64_t version_ = 0;
};

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_REALIZATION_BOOK_H_
