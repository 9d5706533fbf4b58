// Snapshots (services/snapshotter.h) over real RocksDB stores in temp dirs: a snapshot
// plus the tail rebuilds exactly the models of a full replay (plan, every proposal and
// its view, every realization record and view, every request id, Merkle roots and
// proofs); snapshots that do not fit the log (another log, newer than the log, a torn
// or corrupt file, another format version) are ignored; a crash while writing leaves the
// previous snapshot usable; the restored Merkle tree is checked against the events.
#include <google/protobuf/util/message_differencer.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "gtest/gtest.h"
#include "services/merkle_log.h"
#include "services/plan_app.h"
#include "services/realization_app.h"
#include "services/seed_data.h"
#include "services/snapshot_codec.h"
#include "services/snapshotter.h"
#include "services/workflow_app.h"
#include "storage/envelope_hash.h"
#include "storage/rocksdb_event_store.h"
#include "tests/services/workflow_fixture.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace renstra::testing {
namespace {

namespace fs = std::filesystem;
using google::protobuf::util::MessageDifferencer;

constexpr char kPermakanan[] = "1.06.04.2.01.0001";  // Rehabilitasi Sosial

const Actor kRehab{"rehab", v1::Role::KEPALA_BIDANG, v1::REHABILITASI_SOSIAL};
const Actor kKadis{"kadis", v1::Role::KEPALA_DINAS, v1::DIVISION_UNSPECIFIED};

v1::TargetValue Number(int64_t units, const std::string& unit) {
  v1::TargetValue v;
  v.set_kind(v1::TargetValue::NUMBER);
  v.mutable_low()->set_units(units);
  v.set_unit(unit);
  return v;
}

v1::Money Rupiah(int64_t amount) {
  v1::Money m;
  m.set_rupiah(amount);
  m.set_present(true);
  return m;
}

// A data directory: the store and, beside it, the snapshots.
class Dir {
 public:
  Dir() : tmp_("snapshot_test"), path_(tmp_.path()) {}
  std::string store() const { return (path_ / "store").string(); }
  std::string snapshots() const { return (path_ / "snapshots").string(); }
  std::string root() const { return path_.string(); }

 private:
  TempDir tmp_;
  fs::path path_;
};

// A server's application layer over a store, without gRPC.
struct Apps {
  explicit Apps(const std::string& dir) {
    RocksDbEventStore::Options options;
    auto opened = RocksDbEventStore::Open(dir, options);
    EXPECT_THAT(opened, IsOk()) << opened.status();
    owned = *std::move(opened);
    Init(owned.get());
  }
  // Over another Apps' store (RocksDB opens a directory once per process).
  explicit Apps(EventStore* shared) { Init(shared); }
  void Init(EventStore* s) {
    store = s;
    plan = std::make_unique<PlanApp>(store, std::string(PlanApp::kDefaultPlanId));
    workflow = std::make_unique<WorkflowApp>(plan->runner());
    realization = std::make_unique<RealizationApp>(plan->runner());
  }
  Projector* projector() { return plan->projector(); }

  std::unique_ptr<RocksDbEventStore> owned;
  EventStore* store = nullptr;
  std::unique_ptr<PlanApp> plan;
  std::unique_ptr<WorkflowApp> workflow;
  std::unique_ptr<RealizationApp> realization;
};

std::string Id(const std::string& tag, int round) { return absl::StrCat(tag, "-", round); }

// One round of commands: proposals ending approved and applied, rejected, returned,
// withdrawn and left as drafts; a revision ratified; achievements and spending recorded,
// corrected and retracted; each with a request id. `round` keeps request ids apart and
// picks the year.
void RunRound(Apps& apps, int round) {
  const int year = 2022 + round % 5;
  auto propose = [&](const std::string& tag, const std::string& value, bool submit) {
    v1::ProposeRequest r;
    r.set_request_id(Id(tag, round));
    r.set_title(absl::StrCat("Target ", tag, " round ", round));
    r.set_justification("Realisasi menunjukkan kebutuhan yang berubah");
    *r.add_changes() = SetTarget(kRehabIndicator, year, value);
    r.set_submit(submit);
    absl::StatusOr<v1::ProposalView> view = apps.workflow->Propose(kRehab, r);
    EXPECT_THAT(view, IsOk()) << view.status();
    return view.ok() ? view->proposal_id() : std::string();
  };
  auto review = [&](const std::string& id, v1::ProposalReviewed::Decision d,
                    const std::string& tag) {
    v1::ReviewProposalRequest r;
    r.set_request_id(Id(tag, round));
    r.set_proposal_id(id);
    r.set_decision(d);
    r.set_note(absl::StrCat("catatan ", tag));
    absl::StatusOr<v1::ProposalView> view = apps.workflow->Review(kKadis, r);
    EXPECT_THAT(view, IsOk()) << view.status();
  };
  const std::string applied = propose("applied", absl::StrCat(220 + round, " Orang"), true);
  review(applied, v1::ProposalReviewed::APPROVE, "approve");
  review(propose("rejected", "1 Orang", true), v1::ProposalReviewed::REJECT, "reject");
  review(propose("returned", "2 Orang", true), v1::ProposalReviewed::RETURN, "return");
  {
    v1::ProposalActionRequest r;
    r.set_request_id(Id("withdraw", round));
    r.set_proposal_id(propose("withdrawn", "3 Orang", true));
    EXPECT_THAT(apps.workflow->Withdraw(kRehab, r), IsOk());
  }
  propose("draft", "4 Orang", false);
  {
    v1::OpenRevisionRequest r;
    r.set_request_id(Id("open", round));
    r.set_name(absl::StrCat("Perubahan ", round));
    absl::StatusOr<v1::RevisionInfo> opened = apps.workflow->OpenRevision(kKadis, r);
    EXPECT_THAT(opened, IsOk()) << opened.status();
    v1::RatifyRevisionRequest ratify;
    ratify.set_request_id(Id("ratify", round));
    ratify.set_legal_basis(absl::StrCat("Perwako Dumai No. ", round));
    ratify.set_reason("hasil evaluasi");
    ratify.set_effective_date("2024-07-01");
    ratify.set_signer("Kepala Dinas");
    ratify.add_proposal_ids(applied);
    ratify.set_accept_findings(true);  // the findings are not what snapshots are about
    ratify.set_accept_reason("uji snapshot");
    absl::StatusOr<v1::RevisionInfo> ratified = apps.workflow->Ratify(kKadis, ratify);
    EXPECT_THAT(ratified, IsOk()) << ratified.status();
  }
  v1::RecordAchievementRequest achieve;
  achieve.set_request_id(Id("achieve", round));
  achieve.set_indicator_id(kRehabIndicator);
  achieve.set_year(year);
  *achieve.mutable_value()->mutable_yearly() = Number(100 + round, "Orang");
  *achieve.mutable_value()->mutable_q2() = Number(40, "Orang");
  achieve.set_evidence_ref("BA-1");
  achieve.set_note("laporan tahunan");
  absl::StatusOr<v1::RealizationView> a = apps.realization->RecordAchievement(kRehab, achieve);
  ASSERT_THAT(a, IsOk()) << a.status();
  v1::CorrectRealizationRequest correct;
  correct.set_request_id(Id("correct", round));
  correct.set_corrects_id(a->realization_id());
  *correct.mutable_achievement()->mutable_yearly() = Number(90 + round, "Orang");
  // A correction restates the quarters the record states (none disappears silently).
  *correct.mutable_achievement()->mutable_q2() = Number(40, "Orang");
  correct.set_note("salah ketik");
  correct.set_evidence_ref("BA-2");
  absl::StatusOr<v1::RealizationView> c = apps.realization->Correct(kRehab, correct);
  ASSERT_THAT(c, IsOk()) << c.status();
  v1::RecordSpendingRequest spend;
  spend.set_request_id(Id("spend", round));
  spend.set_node_code(kPermakanan);
  spend.set_year(year);
  *spend.mutable_spent() = Rupiah(1000000 + round);
  spend.set_quarter(1 + round % 4);  // a triwulan record: the snapshot keeps its quarter
  spend.set_evidence_ref("SP2D-1");
  absl::StatusOr<v1::RealizationView> s = apps.realization->RecordSpending(kRehab, spend);
  ASSERT_THAT(s, IsOk()) << s.status();
  v1::CorrectRealizationRequest retract;
  retract.set_request_id(Id("retract", round));
  retract.set_corrects_id(s->realization_id());
  retract.set_retract(true);
  retract.set_note("dobel");
  retract.set_evidence_ref("SP2D-batal");
  ASSERT_THAT(apps.realization->Correct(kRehab, retract), IsOk());
}

void BuildLog(Apps& apps, int first_round, int rounds) {
  if (first_round == 0) {
    absl::StatusOr<bool> imported = apps.plan->ImportSeedIfEmpty(SeedDocument(), kSeedSourceName);
    ASSERT_THAT(imported, IsOk()) << imported.status();
  }
  for (int r = first_round; r < first_round + rounds; ++r) RunRound(apps, r);
}

// Every (principal, request id) in the log.
std::vector<std::pair<std::string, std::string>> RequestIds(EventStore& store) {
  std::set<std::pair<std::string, std::string>> ids;
  absl::StatusOr<std::vector<v1::EventEnvelope>> all = store.ReadAll(1, 1000000);
  EXPECT_THAT(all, IsOk());
  for (const v1::EventEnvelope& e : *all) {
    if (!e.request_id().empty()) ids.emplace(e.principal(), e.request_id());
  }
  return {ids.begin(), ids.end()};
}

std::string Encoded(const ProposalState& p) {
  std::string out;
  ByteWriter w(&out);
  SnapshotCodec::Put(w, p);
  return out;
}

std::string Encoded(const RealizationRecord& rec) {
  std::string out;
  ByteWriter w(&out);
  SnapshotCodec::Put(w, rec);
  return out;
}

// Every model of `got` equals `want`'s: the plan, each proposal (every field, and its
// view), each realization record (every field, and its view), current records, every
// request id of the log.
void ExpectSameModels(Apps& got, Apps& want) {
  ASSERT_EQ(got.projector()->applied(), want.projector()->applied());
  EXPECT_TRUE(MessageDifferencer::Equals(got.plan->GetPlan().plan(), want.plan->GetPlan().plan()));
  EXPECT_EQ(got.plan->version(), want.plan->version());
  const v1::ListRevisionsResponse got_revisions = got.workflow->ListRevisions();
  EXPECT_TRUE(MessageDifferencer::Equals(got_revisions, want.workflow->ListRevisions()));
  EXPECT_EQ(got_revisions.revisions_size(), want.workflow->ListRevisions().revisions_size());

  std::vector<std::string> got_ids, want_ids;
  want.projector()->Read([&](const PlanState&, const ProposalBook& want_book) {
    got.projector()->Read([&](const PlanState&, const ProposalBook& got_book) {
      ASSERT_EQ(got_book.all().size(), want_book.all().size());
      for (const auto& [id, p] : want_book.all()) {
        const ProposalState* g = got_book.Find(id);
        ASSERT_NE(g, nullptr) << id;
        EXPECT_EQ(Encoded(*g), Encoded(p)) << id;
        EXPECT_EQ(g->status, p.status) << id;
        EXPECT_EQ(g->history.size(), p.history.size()) << id;
        want_ids.push_back(id);
      }
    });
  });
  for (const std::string& id : want_ids) {
    absl::StatusOr<v1::ProposalView> g = got.workflow->GetProposal(id);
    absl::StatusOr<v1::ProposalView> w = want.workflow->GetProposal(id);
    ASSERT_THAT(g, IsOk()) << id;
    ASSERT_THAT(w, IsOk()) << id;
    EXPECT_TRUE(MessageDifferencer::Equals(*g, *w)) << id;
  }

  std::vector<std::string> record_ids;
  want.projector()->ReadRealizations([&](const PlanState&, const RealizationBook& want_book) {
    got.projector()->ReadRealizations([&](const PlanState&, const RealizationBook& got_book) {
      EXPECT_EQ(got_book.version(), want_book.version());
      ASSERT_EQ(got_book.records().size(), want_book.records().size());
      for (size_t i = 0; i < want_book.records().size(); ++i) {
        const RealizationRecord& w = want_book.records()[i];
        EXPECT_EQ(Encoded(got_book.records()[i]), Encoded(w)) << w.id;
        EXPECT_EQ(got_book.Find(w.id), &got_book.records()[i]) << w.id;
        const RealizationRecord* gc =
            w.kind == RealizationRecord::Kind::kAchievement
                ? got_book.CurrentAchievement(w.indicator_id, w.year)
                : got_book.CurrentSpending(w.node_code, w.year, w.quarter);
        const RealizationRecord* wc =
            w.kind == RealizationRecord::Kind::kAchievement
                ? want_book.CurrentAchievement(w.indicator_id, w.year)
                : want_book.CurrentSpending(w.node_code, w.year, w.quarter);
        EXPECT_EQ(gc == nullptr ? "" : gc->id, wc == nullptr ? "" : wc->id) << w.id;
        record_ids.push_back(w.id);
      }
    });
  });
  for (const std::string& id : record_ids) {
    absl::StatusOr<v1::RealizationView> g = got.realization->Get(id);
    absl::StatusOr<v1::RealizationView> w = want.realization->Get(id);
    ASSERT_THAT(g, IsOk()) << id;
    ASSERT_THAT(w, IsOk()) << id;
    EXPECT_TRUE(MessageDifferencer::Equals(*g, *w)) << id;
  }
  absl::StatusOr<v1::ListRealizationsResponse> g_list = got.realization->List({});
  absl::StatusOr<v1::ListRealizationsResponse> w_list = want.realization->List({});
  ASSERT_THAT(g_list, IsOk());
  ASSERT_THAT(w_list, IsOk());
  EXPECT_TRUE(MessageDifferencer::Equals(*g_list, *w_list));

  // Request ids are answered from the store's records; the restored models show them.
  const auto requests = RequestIds(*want.store);
  EXPECT_GE(requests.size(), 20u);
  for (const auto& [principal, id] : requests) {
    absl::StatusOr<std::optional<RequestRecord>> g = got.store->FindRequest(principal, id);
    absl::StatusOr<std::optional<RequestRecord>> w = want.store->FindRequest(principal, id);
    ASSERT_THAT(g, IsOk()) << id;
    ASSERT_THAT(w, IsOk()) << id;
    ASSERT_TRUE(g->has_value() && w->has_value()) << id;
    EXPECT_EQ((*g)->stream, (*w)->stream) << id;
    EXPECT_EQ((*g)->result.first_sequence, (*w)->result.first_sequence) << id;
    EXPECT_EQ((*g)->result.last_sequence, (*w)->result.last_sequence) << id;
    EXPECT_EQ((*g)->result.stream_version, (*w)->result.stream_version) << id;
    EXPECT_EQ((*g)->fingerprint, (*w)->fingerprint) << id;
    EXPECT_LE((*g)->result.last_sequence, got.projector()->applied()) << id;
  }
  EXPECT_EQ(*got.store->FindRequest("rehab", "never-used"), std::nullopt);
}

// A full replay of `over`'s store (no snapshot).
std::unique_ptr<Apps> Replayed(Apps& over) {
  auto apps = std::make_unique<Apps>(over.store);
  EXPECT_THAT(apps->plan->Recover(), IsOk());
  return apps;
}

class SnapshotTest : public ::testing::Test {
 protected:
  // Builds `rounds` rounds in dir_, writes a snapshot (with the Merkle tree), builds
  // `tail_rounds` more; closes the store. Returns the snapshot.
  SnapshotWritten BuildWithSnapshot(int rounds, int tail_rounds) {
    Apps apps(dir_.store());
    BuildLog(apps, 0, rounds);
    absl::StatusOr<std::unique_ptr<MerkleLog>> merkle = MerkleLog::OpenEphemeral(apps.store);
    EXPECT_THAT(merkle, IsOk());
    absl::StatusOr<SnapshotWritten> written =
        Snapshotter::Write(apps.store, apps.projector(), merkle->get(), dir_.snapshots());
    EXPECT_THAT(written, IsOk()) << written.status();
    EXPECT_EQ(written->sequence, apps.store->Head().sequence);
    BuildLog(apps, rounds, tail_rounds);
    return *written;
  }

  Dir dir_;
};

TEST_F(SnapshotTest, SnapshotPlusTailEqualsFullReplay) {
  const SnapshotWritten written = BuildWithSnapshot(3, 1);
  EXPECT_EQ(written.path,
            absl::StrFormat("%s/snapshot-%020d.snap", dir_.snapshots(), written.sequence));
  EXPECT_TRUE(fs::exists(written.path));
  EXPECT_EQ(written.bytes, fs::file_size(written.path));

  Apps restored(dir_.store());
  absl::StatusOr<SnapshotRecovery> recovery =
      Snapshotter::Recover(restored.store, restored.projector(), dir_.snapshots());
  ASSERT_THAT(recovery, IsOk()) << recovery.status();
  EXPECT_EQ(recovery->path, written.path);
  EXPECT_EQ(recovery->sequence, written.sequence);
  const uint64_t head = restored.store->Head().sequence;
  EXPECT_EQ(recovery->tail_events, head - written.sequence);
  EXPECT_GT(recovery->tail_events, 0u);
  ASSERT_TRUE(recovery->tree.has_value());
  EXPECT_EQ(recovery->tree->size(), written.sequence);

  std::unique_ptr<Apps> replayed = Replayed(restored);
  ExpectSameModels(restored, *replayed);

  // The Merkle tree: restored + the tail hashed vs every event hashed.
  absl::StatusOr<std::unique_ptr<MerkleLog>> from_snapshot =
      MerkleLog::Open(restored.store, dir_.root() + "/key.pem", std::move(recovery->tree));
  ASSERT_THAT(from_snapshot, IsOk()) << from_snapshot.status();
  EXPECT_THAT((*from_snapshot)->AwaitVerified(), IsOk());
  absl::StatusOr<std::unique_ptr<MerkleLog>> hashed = MerkleLog::OpenEphemeral(restored.store);
  ASSERT_THAT(hashed, IsOk());
  ASSERT_EQ((*from_snapshot)->size(), head);
  ASSERT_EQ((*hashed)->size(), head);
  for (uint64_t n = 1; n <= head; ++n) {
    ASSERT_EQ(*(*from_snapshot)->Root(n), *(*hashed)->Root(n)) << n;
    ASSERT_EQ(*(*from_snapshot)->InclusionProof(n - 1, head),
              *(*hashed)->InclusionProof(n - 1, head))
        << n;
    ASSERT_EQ(*(*from_snapshot)->ConsistencyProof(n, head), *(*hashed)->ConsistencyProof(n, head))
        << n;
  }

  // Commands keep working on the restored models: ids continue, request ids deduplicate.
  RunRound(restored, 4);
  ASSERT_THAT(replayed->projector()->CatchUp(), IsOk());
  ExpectSameModels(restored, *replayed);
  // The very request of round 0, from before the snapshot.
  v1::ProposeRequest retry;
  retry.set_request_id(Id("applied", 0));
  retry.set_title("Target applied round 0");
  retry.set_justification("Realisasi menunjukkan kebutuhan yang berubah");
  *retry.add_changes() = SetTarget(kRehabIndicator, 2022, "220 Orang");
  retry.set_submit(true);
  const uint64_t before = restored.store->Head().sequence;
  absl::StatusOr<v1::ProposalView> again = restored.workflow->Propose(kRehab, retry);
  ASSERT_THAT(again, IsOk()) << again.status();
  EXPECT_EQ(again->proposal_id(), "USL-0001");
  EXPECT_EQ(restored.store->Head().sequence, before);
}

TEST_F(SnapshotTest, SnapshotOfTheWholeLogNeedsNoTail) {
  const SnapshotWritten written = BuildWithSnapshot(2, 0);
  Apps restored(dir_.store());
  absl::StatusOr<SnapshotRecovery> recovery =
      Snapshotter::Recover(restored.store, restored.projector(), dir_.snapshots());
  ASSERT_THAT(recovery, IsOk());
  EXPECT_EQ(recovery->sequence, written.sequence);
  EXPECT_EQ(recovery->tail_events, 0u);
  std::unique_ptr<Apps> replayed = Replayed(restored);
  ExpectSameModels(restored, *replayed);
}

TEST_F(SnapshotTest, WritingAgainAtTheSameSequenceKeepsTheFile) {
  Apps apps(dir_.store());
  BuildLog(apps, 0, 1);
  absl::StatusOr<SnapshotWritten> first =
      Snapshotter::Write(apps.store, apps.projector(), nullptr, dir_.snapshots());
  ASSERT_THAT(first, IsOk());
  absl::StatusOr<SnapshotWritten> second =
      Snapshotter::Write(apps.store, apps.projector(), nullptr, dir_.snapshots());
  ASSERT_THAT(second, IsOk());
  EXPECT_EQ(second->path, first->path);
  EXPECT_EQ(second->bytes, first->bytes);
}

TEST_F(SnapshotTest, KeepsTheNewestTwo) {
  Apps apps(dir_.store());
  std::vector<std::string> paths;
  for (int round = 0; round < 3; ++round) {
    BuildLog(apps, round, 1);
    absl::StatusOr<SnapshotWritten> w =
        Snapshotter::Write(apps.store, apps.projector(), nullptr, dir_.snapshots(), 2);
    ASSERT_THAT(w, IsOk());
    paths.push_back(w->path);
  }
  EXPECT_FALSE(fs::exists(paths[0]));
  EXPECT_TRUE(fs::exists(paths[1]));
  EXPECT_TRUE(fs::exists(paths[2]));
}

TEST_F(SnapshotTest, EmptyLogIsNotSnapshotted) {
  Apps apps(dir_.store());
  absl::StatusOr<SnapshotWritten> w =
      Snapshotter::Write(apps.store, apps.projector(), nullptr, dir_.snapshots());
  EXPECT_EQ(w.status(), absl::FailedPreconditionError("the log is empty"));
}

// Recover() in `dir` must ignore every snapshot and replay from event 1.
void ExpectIgnored(const std::string& store_dir, const std::string& snapshots) {
  Apps restored(store_dir);
  absl::StatusOr<SnapshotRecovery> recovery =
      Snapshotter::Recover(restored.store, restored.projector(), snapshots);
  ASSERT_THAT(recovery, IsOk()) << recovery.status();
  EXPECT_EQ(recovery->path, "");
  EXPECT_EQ(recovery->sequence, 0u);
  EXPECT_FALSE(recovery->tree.has_value());
  EXPECT_EQ(recovery->tail_events, restored.store->Head().sequence);
  std::unique_ptr<Apps> replayed = Replayed(restored);
  ExpectSameModels(restored, *replayed);
}

TEST_F(SnapshotTest, SnapshotOfAnotherLogIsIgnored) {
  const SnapshotWritten written = BuildWithSnapshot(2, 1);
  // Another log, as long, whose events differ from the seed on (other request ids).
  Dir other;
  {
    Apps apps(other.store());
    BuildLog(apps, 0, 0);
    for (int r = 10; apps.store->Head().sequence < written.sequence + 5; ++r) RunRound(apps, r);
  }
  fs::create_directories(other.snapshots());
  fs::copy_file(written.path, other.snapshots() + "/" + fs::path(written.path).filename().string());
  ExpectIgnored(other.store(), other.snapshots());
}

TEST_F(SnapshotTest, SnapshotNewerThanTheLogIsIgnored) {
  // The log as a backup would have it, then more events and a snapshot of them.
  Dir backup;
  {
    Apps apps(dir_.store());
    BuildLog(apps, 0, 1);
  }
  fs::copy(dir_.store(), backup.store(), fs::copy_options::recursive);
  const SnapshotWritten written = [&] {
    Apps apps(dir_.store());
    EXPECT_THAT(apps.plan->Recover(), IsOk());
    BuildLog(apps, 1, 1);
    absl::StatusOr<SnapshotWritten> w =
        Snapshotter::Write(apps.store, apps.projector(), nullptr, dir_.snapshots());
    EXPECT_THAT(w, IsOk());
    return *w;
  }();
  // Restored from the backup: the snapshot is beyond the log's head.
  fs::create_directories(backup.snapshots());
  fs::copy_file(written.path,
                backup.snapshots() + "/" + fs::path(written.path).filename().string());
  ExpectIgnored(backup.store(), backup.snapshots());
}

TEST_F(SnapshotTest, TruncatedSnapshotIsIgnored) {
  const SnapshotWritten written = BuildWithSnapshot(2, 1);
  fs::resize_file(written.path, written.bytes / 2);
  ExpectIgnored(dir_.store(), dir_.snapshots());
  fs::resize_file(written.path, 10);
  ExpectIgnored(dir_.store(), dir_.snapshots());
}

void FlipByte(const std::string& path, uint64_t offset) {
  std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
  f.seekg(static_cast<std::streamoff>(offset));
  char c = 0;
  f.get(c);
  f.seekp(static_cast<std::streamoff>(offset));
  f.put(static_cast<char>(c ^ 0x5a));
}

TEST_F(SnapshotTest, CorruptSnapshotIsIgnored) {
  const SnapshotWritten written = BuildWithSnapshot(2, 1);
  FlipByte(written.path, written.bytes / 2);  // inside a section
  ExpectIgnored(dir_.store(), dir_.snapshots());
}

TEST_F(SnapshotTest, SnapshotOfAnotherFormatVersionIsIgnored) {
  const SnapshotWritten written = BuildWithSnapshot(1, 1);
  FlipByte(written.path, 16);  // the format version
  ExpectIgnored(dir_.store(), dir_.snapshots());
}

TEST_F(SnapshotTest, CrashWhileWritingLeavesThePreviousSnapshot) {
  const SnapshotWritten old = BuildWithSnapshot(2, 1);
  // A newer snapshot whose write was cut short: its temporary file, and (as a torn file
  // would look if a rename ever came first) a truncated newer .snap.
  std::string newer;
  {
    Apps apps(dir_.store());
    ASSERT_THAT(apps.plan->Recover(), IsOk());
    absl::StatusOr<SnapshotWritten> w =
        Snapshotter::Write(apps.store, apps.projector(), nullptr, dir_.snapshots());
    ASSERT_THAT(w, IsOk());
    newer = w->path;
  }
  ASSERT_NE(newer, old.path);
  const std::string tmp = dir_.snapshots() + "/snapshot-00000000000099999999.tmp";
  std::ofstream(tmp) << "partial";
  fs::resize_file(newer, fs::file_size(newer) - 1);

  Apps restored(dir_.store());
  absl::StatusOr<SnapshotRecovery> recovery =
      Snapshotter::Recover(restored.store, restored.projector(), dir_.snapshots());
  ASSERT_THAT(recovery, IsOk());
  EXPECT_EQ(recovery->path, old.path);
  EXPECT_EQ(recovery->sequence, old.sequence);
  EXPECT_FALSE(fs::exists(tmp));
  std::unique_ptr<Apps> replayed = Replayed(restored);
  ExpectSameModels(restored, *replayed);
}

TEST_F(SnapshotTest, RestoredMerkleTreeThatDiffersFromTheLogRefusesAuditReads) {
  Apps apps(dir_.store());
  BuildLog(apps, 0, 1);
  const uint64_t head = apps.store->Head().sequence;
  merkle::MerkleTree wrong;
  for (uint64_t i = 0; i < head; ++i) {
    merkle::Hash h{};
    h[0] = static_cast<uint8_t>(i);
    wrong.Append(h);
  }
  absl::StatusOr<std::unique_ptr<MerkleLog>> log =
      MerkleLog::Open(apps.store, dir_.root() + "/key.pem", std::move(wrong));
  ASSERT_THAT(log, IsOk());
  const absl::Status verified = (*log)->AwaitVerified();
  EXPECT_EQ(verified.code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(verified.message(),
            absl::StrCat("the Merkle tree restored from the snapshot differs from the hashes "
                         "of events 1..",
                         head,
                         " (first at event 1); audit reads are refused: restart without "
                         "that snapshot"));
  EXPECT_EQ((*log)->SignedTreeHead().status(), verified);
  EXPECT_EQ((*log)->Root(1).status(), verified);
  EXPECT_EQ((*log)->InclusionProof(0, 1).status(), verified);
  EXPECT_EQ((*log)->LevelsAt(1).status(), verified);
}

TEST_F(SnapshotTest, BackgroundWriterAndShutdownSnapshot) {
  Apps apps(dir_.store());
  BuildLog(apps, 0, 0);  // the seed
  absl::StatusOr<std::unique_ptr<MerkleLog>> merkle = MerkleLog::OpenEphemeral(apps.store);
  ASSERT_THAT(merkle, IsOk());
  apps.projector()->SetObserver([m = merkle->get()](const v1::EventEnvelope& e) { m->Observe(e); });
  Snapshotter::Options options;
  options.dir = dir_.snapshots();
  options.every = 10;
  options.poll = absl::Milliseconds(5);
  Snapshotter snapshotter(apps.store, apps.projector(), merkle->get(), options);
  snapshotter.Start();
  // The seed alone is more than 10 events: a snapshot of it comes without any command.
  const std::string seed_snapshot =
      absl::StrFormat("%s/snapshot-%020d.snap", dir_.snapshots(), apps.store->Head().sequence);
  for (int i = 0; i < 2000 && !fs::exists(seed_snapshot); ++i)
    absl::SleepFor(absl::Milliseconds(5));
  EXPECT_TRUE(fs::exists(seed_snapshot));
  RunRound(apps, 0);  // fewer than 10 events may be left unsnapshotted until shutdown
  snapshotter.Stop(/*final_snapshot=*/true);
  const uint64_t head = apps.store->Head().sequence;
  EXPECT_TRUE(fs::exists(absl::StrFormat("%s/snapshot-%020d.snap", dir_.snapshots(), head)));

  Apps restored(apps.store);
  absl::StatusOr<SnapshotRecovery> recovery =
      Snapshotter::Recover(restored.store, restored.projector(), dir_.snapshots());
  ASSERT_THAT(recovery, IsOk());
  EXPECT_EQ(recovery->sequence, head);
  EXPECT_EQ(recovery->tail_events, 0u);
  std::unique_ptr<Apps> replayed = Replayed(restored);
  ExpectSameModels(restored, *replayed);
}

TEST_F(SnapshotTest, NoSnapshotDirectoryReplaysFromTheStart) {
  {
    Apps apps(dir_.store());
    BuildLog(apps, 0, 1);
  }
  ExpectIgnored(dir_.store(), dir_.snapshots() + "/missing");
}

}  // namespace
}  // namespace renstra::testing
