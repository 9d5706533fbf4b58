#include "bench/event_mix.h"

#include <atomic>
#include <cstdio>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "domain/proposal_state.h"
#include "domain/realization_book.h"
#include "renstra/v1/realization.pb.h"
#include "renstra/v1/workflow.pb.h"
#include "services/plan_app.h"
#include "services/seed_data.h"

namespace renstra::bench {
namespace {

struct User {
  std::string name;
  std::string role;
};

// The demo users who propose and record for each division (users.demo.textproto).
const std::map<v1::Division, User>& Heads() {
  static const auto* heads = new std::map<v1::Division, User>{
      {v1::SEKRETARIAT, {"sekretariat", "SEKRETARIAT"}},
      {v1::PERLINDUNGAN_JAMINAN_SOSIAL, {"linjamsos", "KEPALA_BIDANG"}},
      {v1::REHABILITASI_SOSIAL, {"rehab", "KEPALA_BIDANG"}},
      {v1::PEMBERDAYAAN_SOSIAL, {"dayasos", "KEPALA_BIDANG"}},
      {v1::PEMBERDAYAAN_MASYARAKAT, {"dayamas", "KEPALA_BIDANG"}},
  };
  return *heads;
}

// One (indicator, year) target, or one (node, year) funding, of a division's node.
struct Subject {
  bool achievement = true;
  std::string indicator_id;  // achievements
  std::string node_code;
  int year = 0;
  v1::TargetValue target;  // achievements: NUMBER or PERCENT, in the indicator's unit
  v1::Money funding;       // spending
  v1::Division division = v1::DIVISION_UNSPECIFIED;
};

void CollectSubjects(const v1::Node& node, std::vector<Subject>* out) {
  if (Heads().contains(node.division())) {
    for (const v1::Indicator& indicator : node.indicators()) {
      for (const v1::YearTarget& t : indicator.targets()) {
        const v1::TargetValue::Kind kind = t.value().kind();
        if (kind != v1::TargetValue::NUMBER && kind != v1::TargetValue::PERCENT) continue;
        if (node.retired_from() != 0 && t.year() >= node.retired_from()) continue;
        Subject s{true, indicator.id(), node.code(), t.year(), t.value(), {}, node.division()};
        if (kind == v1::TargetValue::NUMBER) s.target.set_unit(indicator.unit());
        s.target.clear_written();
        out->push_back(std::move(s));
      }
    }
    for (const v1::YearFunding& f : node.funding()) {
      if (!f.amount().present()) continue;
      out->push_back(Subject{false, "", node.code(), f.year(), {}, f.amount(), node.division()});
    }
  }
  for (const v1::Node& child : node.children()) CollectSubjects(child, out);
}

v1::TargetValue Varied(const v1::TargetValue& value, uint64_t n) {
  v1::TargetValue out = value;
  out.mutable_low()->set_units(value.low().units() + static_cast<int64_t>(n % 13));
  return out;
}

NewEvent ProposalEventOf(const v1::ProposalEvent& e, const std::string& type) {
  NewEvent out{type, 1, ""};
  e.SerializeToString(&out.payload);
  return out;
}

NewEvent RealizationEventOf(const v1::RealizationEvent& e, const std::string& type) {
  NewEvent out{type, 1, ""};
  e.SerializeToString(&out.payload);
  return out;
}

// Writes proposal `k` (two commands) changing `target`, an achievement subject.
absl::Status WriteProposal(EventStore* store, uint64_t k, const Subject& target,
                           int64_t base_version) {
  char id[32];
  std::snprintf(id, sizeof(id), "USL-%04llu", static_cast<unsigned long long>(k + 1));
  const User& head = Heads().at(target.division);
  AppendRequest draft;
  draft.stream = ProposalBook::StreamOf(id);
  draft.expected_version = 0;
  draft.meta = {head.name, head.role, "Jumlah penerima manfaat bertambah",
                absl::StrCat("mix-propose-", k)};
  v1::ProposalEvent drafted;
  v1::ProposalDrafted* d = drafted.mutable_drafted();
  d->set_proposal_id(id);
  d->set_title("Penyesuaian target");
  d->set_justification(draft.meta.reason);
  d->set_proposer(head.name);
  d->set_division(target.division);
  d->set_base_version(base_version);
  v1::SetTarget* set = d->add_changes()->mutable_set_target();
  set->set_indicator_id(target.indicator_id);
  set->set_year(target.year);
  *set->mutable_value() = Varied(target.target, k + 1);
  *set->mutable_before() = target.target;
  draft.events.push_back(ProposalEventOf(drafted, "renstra.v1.ProposalDrafted"));
  v1::ProposalEvent submitted;
  submitted.mutable_submitted()->set_note("mohon persetujuan");
  draft.events.push_back(ProposalEventOf(submitted, "renstra.v1.ProposalSubmitted"));
  absl::StatusOr<AppendResult> r = store->Append(draft);
  if (!r.ok()) return r.status();

  static constexpr v1::ProposalReviewed::Decision kDecisions[] = {
      v1::ProposalReviewed::APPROVE, v1::ProposalReviewed::REJECT, v1::ProposalReviewed::RETURN,
      v1::ProposalReviewed::APPROVE};
  AppendRequest review;
  review.stream = draft.stream;
  review.expected_version = 2;
  review.meta = {"kadis", "KEPALA_DINAS", "", absl::StrCat("mix-review-", k)};
  v1::ProposalEvent reviewed;
  v1::ProposalReviewed* rv = reviewed.mutable_reviewed();
  rv->set_decision(kDecisions[k % 4]);
  rv->set_note(rv->decision() == v1::ProposalReviewed::APPROVE ? "" : "mohon dilengkapi datanya");
  rv->set_reviewer("kadis");
  review.meta.reason = rv->note();
  review.events.push_back(ProposalEventOf(reviewed, "renstra.v1.ProposalReviewed"));
  return store->Append(review).status();
}

// Records every subject of `mine` once, then corrects them in turn, `count` events in
// all. Realization ids come from `next_id`.
absl::Status WriteRealizations(EventStore* store, const std::string& stream,
                               const std::vector<const Subject*>& mine, uint64_t count,
                               std::atomic<uint64_t>* next_id, uint64_t* corrections) {
  std::vector<std::string> current(mine.size());
  for (uint64_t i = 0; i < count && !mine.empty(); ++i) {
    const size_t index = i % mine.size();
    const Subject& s = *mine[index];
    char id[32];
    std::snprintf(id, sizeof(id), "RLZ-%06llu",
                  static_cast<unsigned long long>(next_id->fetch_add(1) + 1));
    const User& head = Heads().at(s.division);
    v1::RealizationEvent event;
    std::string type;
    const std::string evidence = absl::StrCat("LKjIP ", s.year, " hal. ", 10 + i % 90);
    if (current[index].empty()) {
      if (s.achievement) {
        v1::AchievementRecorded* a = event.mutable_achievement_recorded();
        a->set_realization_id(id);
        a->set_indicator_id(s.indicator_id);
        a->set_node_code(s.node_code);
        a->set_year(s.year);
        *a->mutable_value()->mutable_yearly() = Varied(s.target, i);
        a->set_evidence_ref(evidence);
        type = "renstra.v1.AchievementRecorded";
      } else {
        v1::SpendingRecorded* sp = event.mutable_spending_recorded();
        sp->set_realization_id(id);
        sp->set_node_code(s.node_code);
        sp->set_year(s.year);
        sp->mutable_spent()->set_present(true);
        sp->mutable_spent()->set_rupiah(s.funding.rupiah() * 9 / 10);
        sp->set_evidence_ref(evidence);
        type = "renstra.v1.SpendingRecorded";
      }
    } else {
      v1::RealizationCorrected* c = event.mutable_corrected();
      c->set_realization_id(id);
      c->set_corrects_id(current[index]);
      c->set_indicator_id(s.indicator_id);
      c->set_node_code(s.node_code);
      c->set_year(s.year);
      if (s.achievement) {
        *c->mutable_achievement()->mutable_yearly() = Varied(s.target, i);
      } else {
        c->mutable_spent()->set_present(true);
        c->mutable_spent()->set_rupiah(s.funding.rupiah() * static_cast<int64_t>(80 + i % 20) /
                                       100);
      }
      c->set_evidence_ref(evidence);
      c->set_note("angka diperbaiki sesuai laporan akhir");
      type = "renstra.v1.RealizationCorrected";
      ++*corrections;
    }
    AppendRequest append;
    append.stream = stream;
    append.expected_version = kAnyVersion;  // subjects are split between writers
    append.events.push_back(RealizationEventOf(event, type));
    append.meta = {head.name, head.role, "realisasi triwulan", absl::StrCat("mix-rlz-", id)};
    absl::StatusOr<AppendResult> r = store->Append(append);
    if (!r.ok()) return r.status();
    current[index] = id;
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<MixCounts> BuildEventMix(EventStore* store, const MixOptions& options) {
  MixCounts counts;
  PlanApp app(store, std::string(PlanApp::kDefaultPlanId));
  if (absl::Status s = app.Recover(); !s.ok()) return s;
  absl::StatusOr<bool> imported = app.ImportSeedIfEmpty(SeedDocument(), kSeedSourceName);
  if (!imported.ok()) return imported.status();
  if (!*imported) return absl::FailedPreconditionError("the store is not empty");
  counts.seed = store->Head().sequence;
  const int64_t base_version = app.version();

  std::vector<Subject> subjects;
  const v1::Plan plan =
      app.projector()->Read([](const PlanState& p, const ProposalBook&) { return p.ToProto(); });
  for (const v1::Node& program : plan.programs()) CollectSubjects(program, &subjects);
  std::vector<const Subject*> targets;
  for (const Subject& s : subjects) {
    if (s.achievement) targets.push_back(&s);
  }
  if (targets.empty()) return absl::FailedPreconditionError("the seed plan has no targets");

  const uint64_t rest = options.total_events > counts.seed ? options.total_events - counts.seed : 0;
  counts.proposals =
      static_cast<uint64_t>(static_cast<double>(rest) * (1 - options.realization_share)) / 3;
  counts.realizations = rest - 3 * counts.proposals;

  // A quarter of the writers record realizations (each its own subjects, in order); the
  // others write proposals.
  const int writers = std::max(2, options.writer_threads);
  const int realization_writers = std::max(1, writers / 4);
  const std::string realization_stream = RealizationBook::StreamOf(PlanApp::kDefaultPlanId);
  std::atomic<uint64_t> next_proposal{0};
  std::atomic<uint64_t> next_realization_id{0};
  std::atomic<uint64_t> corrections{0};
  std::mutex mu;
  absl::Status failure;
  std::vector<std::thread> threads;
  for (int w = 0; w < writers; ++w) {
    threads.emplace_back([&, w] {
      absl::Status s;
      if (w < realization_writers) {
        std::vector<const Subject*> mine;
        for (size_t i = w; i < subjects.size(); i += realization_writers) {
          mine.push_back(&subjects[i]);
        }
        const uint64_t share = counts.realizations / realization_writers +
                               (w == 0 ? counts.realizations % realization_writers : 0);
        uint64_t mine_corrected = 0;
        s = WriteRealizations(store, realization_stream, mine, share, &next_realization_id,
                              &mine_corrected);
        corrections += mine_corrected;
      } else {
        for (uint64_t k = next_proposal++; k < counts.proposals && s.ok(); k = next_proposal++) {
          s = WriteProposal(store, k, *targets[k % targets.size()], base_version);
        }
      }
      if (!s.ok()) {
        std::lock_guard<std::mutex> lock(mu);
        if (failure.ok()) failure = s;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  if (!failure.ok()) return failure;
  counts.corrections = corrections;
  counts.appends = 1 + 2 * counts.proposals + counts.realizations;
  counts.total = store->Head().sequence;
  return counts;
}

}  // namespace renstra::bench
