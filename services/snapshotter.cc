#include "services/snapshotter.h"

#include <algorithm>
#include <filesystem>
#include <limits>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "services/plan_replay.h"
#include "services/snapshot_file.h"
#include "spdlog/spdlog.h"
#include "storage/envelope_hash.h"

namespace renstra {
namespace {

namespace fs = std::filesystem;

// The chain hash of event `sequence`; DATA_LOSS when the log lacks it.
absl::StatusOr<std::string> HashOfEvent(EventStore* store, uint64_t sequence) {
  RENSTRA_ASSIGN_OR_RETURN(std::vector<v1::EventEnvelope> at, store->ReadAll(sequence, 1));
  if (at.empty() || at[0].sequence() != sequence) {
    return absl::DataLossError(absl::StrCat("event ", sequence, " is missing"));
  }
  return HashEnvelope(at[0]);
}

// Checks that `file` covers events of this log: S exists and is the same event.
absl::Status CheckAgainstLog(EventStore* store, const SnapshotFile& file, const ChainHead& head) {
  if (file.sequence() > head.sequence) {
    return absl::FailedPreconditionError(absl::StrCat(
        file.path(), ": covers events up to ", file.sequence(), " but the log ends at ",
        head.sequence, " (a log restored from an older backup?)"));
  }
  RENSTRA_ASSIGN_OR_RETURN(std::string hash, HashOfEvent(store, file.sequence()));
  if (hash != file.event_hash()) {
    return absl::FailedPreconditionError(
        absl::StrCat(file.path(), ": its event ", file.sequence(), " has the hash ",
                     ToHex(file.event_hash()), ", the log's has ", ToHex(hash), " (another log)"));
  }
  return absl::OkStatus();
}

// The plan stream's events up to `sequence`, applied to a fresh PlanState. A snapshot's
// sequence is a command boundary (Projector::Capture), so no append is cut short.
absl::StatusOr<PlanState> ReplayPlanUpTo(EventStore* store, const std::string& plan_id,
                                         uint64_t sequence) {
  return ReplayPlanWhile(
      store, plan_id, std::numeric_limits<uint64_t>::max(),
      [sequence](const v1::EventEnvelope& e) { return e.sequence() <= sequence; });
}

// The projection state at the snapshot in `path`, with its Merkle tree (if any):
// the file checked against the log, then read, then the plan rebuilt from the log.
absl::StatusOr<std::pair<ProjectionState, std::optional<merkle::MerkleTree>>> Load(
    EventStore* store, const std::string& plan_id, const std::string& path, const ChainHead& head) {
  RENSTRA_ASSIGN_OR_RETURN(SnapshotFile file, SnapshotFile::Open(path));
  RENSTRA_RETURN_IF_ERROR(CheckAgainstLog(store, file, head));
  RENSTRA_ASSIGN_OR_RETURN(SnapshotContents contents, file.Read(plan_id));
  RENSTRA_ASSIGN_OR_RETURN(PlanState plan, ReplayPlanUpTo(store, plan_id, contents.sequence));
  if (plan.version() != contents.plan_version) {
    return absl::DataLossError(absl::StrCat(path, ": the plan is at version ",
                                            contents.plan_version, " in the snapshot, ",
                                            plan.version(), " in the log"));
  }
  ProjectionState state{contents.sequence, std::move(plan), std::move(contents.proposals),
                        std::move(contents.realizations)};
  return std::make_pair(std::move(state), std::move(contents.tree));
}

}  // namespace

absl::StatusOr<SnapshotRecovery> Snapshotter::Recover(EventStore* store, Projector* projector,
                                                      const std::string& dir) {
  SnapshotRecovery out;
  const absl::Time start = absl::Now();
  const ChainHead head = store->Head();
  for (const auto& [sequence, path] : SnapshotFile::List(dir, /*remove_temporary=*/true)) {
    auto loaded = Load(store, projector->plan_id(), path, head);
    if (!loaded.ok()) {
      spdlog::warn("snapshot: ignoring {}: {}", path, loaded.status().ToString());
      continue;
    }
    out.path = path;
    out.sequence = loaded->first.sequence;
    out.tree = std::move(loaded->second);
    projector->Restore(std::move(loaded->first));
    break;
  }
  out.load = absl::Now() - start;
  const absl::Time tail_start = absl::Now();
  if (out.path.empty()) {
    spdlog::info("snapshot: none usable in {}; replaying the log from event 1", dir);
    RENSTRA_RETURN_IF_ERROR(projector->Recover());
  } else {
    RENSTRA_RETURN_IF_ERROR(projector->CatchUp());
  }
  out.tail = absl::Now() - tail_start;
  out.tail_events = projector->applied() - out.sequence;
  if (!out.path.empty()) {
    spdlog::info(
        "snapshot: restored events 1..{} from {} in {} (Merkle tree: {}), then replayed {} "
        "events in {}",
        out.sequence, out.path, absl::FormatDuration(out.load),
        out.tree.has_value() ? "restored" : "not in it", out.tail_events,
        absl::FormatDuration(out.tail));
  }
  return out;
}

absl::StatusOr<SnapshotWritten> Snapshotter::Write(EventStore* store, Projector* projector,
                                                   MerkleLog* merkle, const std::string& dir,
                                                   int keep) {
  SnapshotWritten out;
  // Nothing to copy when the newest snapshot already covers the projector's last event.
  const uint64_t applied = projector->applied();
  if (applied == 0) return absl::FailedPreconditionError("the log is empty");
  const std::vector<std::pair<uint64_t, std::string>> existing = SnapshotFile::List(dir, false);
  if (!existing.empty() && existing.front().first == applied) {
    std::error_code ec;
    out.path = existing.front().second;
    out.sequence = applied;
    out.bytes = fs::file_size(out.path, ec);
    return out;
  }

  const absl::Time locked_at = absl::Now();
  const ProjectionState state = projector->Capture();
  out.reader_lock = absl::Now() - locked_at;
  out.sequence = state.sequence;

  std::vector<std::vector<merkle::Hash>> levels;
  if (merkle != nullptr) {
    const absl::Time merkle_at = absl::Now();
    RENSTRA_ASSIGN_OR_RETURN(levels, merkle->LevelsAt(out.sequence));
    out.merkle_lock = absl::Now() - merkle_at;
  }
  RENSTRA_ASSIGN_OR_RETURN(const std::string hash, HashOfEvent(store, out.sequence));

  const absl::Time write_at = absl::Now();
  const SnapshotFile::Source source{.plan_id = projector->plan_id(),
                                    .state = state,
                                    .event_hash = hash,
                                    .merkle_levels = merkle != nullptr ? &levels : nullptr};
  RENSTRA_ASSIGN_OR_RETURN(out.bytes, SnapshotFile::Write(dir, source));
  out.path = SnapshotFile::PathFor(dir, out.sequence);
  out.write = absl::Now() - write_at;

  // Pruning: the newest `keep` stay.
  std::error_code ec;
  const std::vector<std::pair<uint64_t, std::string>> all = SnapshotFile::List(dir, false);
  for (size_t i = static_cast<size_t>(std::max(keep, 1)); i < all.size(); ++i) {
    fs::remove(all[i].second, ec);
  }
  return out;
}

Snapshotter::Snapshotter(EventStore* store, Projector* projector, MerkleLog* merkle,
                         Options options)
    : store_(store), projector_(projector), merkle_(merkle), options_(std::move(options)) {
  const auto existing = SnapshotFile::List(options_.dir, false);
  absl::MutexLock lock(&mu_);
  last_ = existing.empty() ? 0 : existing.front().first;
}

Snapshotter::~Snapshotter() { Stop(false); }

void Snapshotter::Start() {
  if (options_.every == 0 || thread_.joinable()) return;
  thread_ = std::thread([this] { Run(); });
}

void Snapshotter::Stop(bool final_snapshot) {
  {
    absl::MutexLock lock(&mu_);
    stop_ = true;
  }
  if (thread_.joinable()) thread_.join();
  if (!final_snapshot || options_.every == 0) return;
  bool behind = false;
  {
    absl::MutexLock lock(&mu_);
    behind = projector_->applied() > last_;
  }
  if (behind) WriteAndLog("at shutdown");
}

void Snapshotter::Run() {
  while (true) {
    {
      absl::MutexLock lock(&mu_);
      mu_.AwaitWithTimeout(absl::Condition(&stop_), options_.poll);
      if (stop_) return;
      if (projector_->applied() < last_ + options_.every) continue;
    }
    WriteAndLog(absl::StrCat("every ", options_.every, " events").c_str());
  }
}

void Snapshotter::WriteAndLog(const char* why) {
  absl::MutexLock one(&write_mu_);
  absl::StatusOr<SnapshotWritten> w =
      Write(store_, projector_, merkle_, options_.dir, options_.keep);
  if (!w.ok()) {
    spdlog::error("snapshot ({}): cannot write: {}", why, w.status().ToString());
    // Try again only after as many events again, not on every poll.
    absl::MutexLock lock(&mu_);
    last_ = projector_->applied();
    return;
  }
  {
    absl::MutexLock lock(&mu_);
    last_ = w->sequence;
  }
  spdlog::info(
      "snapshot ({}): events 1..{} in {} ({:.1f} MB); reader lock held {} (models), "
      "Merkle lock {}; written and synced in {}",
      why, w->sequence, w->path, w->bytes / 1e6, absl::FormatDuration(w->reader_lock),
      absl::FormatDuration(w->merkle_lock), absl::FormatDuration(w->write));
}

}  // namespace renstra
