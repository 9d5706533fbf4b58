#include "storage/rocksdb_event_store.h"

#include <algorithm>
#include <utility>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "rocksdb/db.h"
#include "rocksdb/options.h"
#include "rocksdb/snapshot.h"
#include "rocksdb/write_batch.h"
#include "storage/append_rules.h"
#include "storage/chain_verifier.h"
#include "storage/envelope_hash.h"
#include "storage/rocksdb_status.h"
#include "storage/system_clock.h"
#include "storage/wal_recovery.h"

namespace renstra {
namespace {

using layout::DecodeU64;
using layout::EncodeU64;

// Scan()'s readahead: large sequential reads for a replay.
constexpr size_t kScanReadahead = 2 << 20;

std::string_view View(const rocksdb::Slice& slice) { return {slice.data(), slice.size()}; }

// Debian's Abseil has its own absl::string_view, which StrCat needs.
absl::string_view AsAbsl(std::string_view s) { return {s.data(), s.size()}; }

absl::StatusOr<v1::EventEnvelope> ParseEnvelope(uint64_t sequence, std::string_view bytes) {
  v1::EventEnvelope envelope;
  if (!envelope.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return absl::DataLossError(
        absl::StrCat("event ", sequence, ": stored envelope does not parse"));
  }
  return envelope;
}

absl::StatusOr<uint64_t> EventKey(const rocksdb::Slice& key) {
  std::optional<uint64_t> sequence = DecodeU64(View(key));
  if (!sequence) {
    return absl::DataLossError(absl::StrCat("events: malformed key ", ToHex(View(key))));
  }
  return *sequence;
}

}  // namespace

struct RocksDbEventStore::Writer {
  explicit Writer(const AppendRequest* r) : request(r) {}
  const AppendRequest* request;
  absl::StatusOr<AppendResult> result = absl::InternalError("append: not committed");
  bool done = false;
};

// What the requests planned so far in one group add up to.
struct RocksDbEventStore::Group {
  rocksdb::WriteBatch batch;
  uint64_t sequence = 0;  // last assigned
  std::string prev_hash;  // hash of the last assigned envelope
  absl::flat_hash_map<std::string, uint64_t> versions;
  absl::flat_hash_map<std::string, layout::IdempotencyRecord> request_ids;
};

absl::StatusOr<std::unique_ptr<RocksDbEventStore>> RocksDbEventStore::Open(const std::string& dir,
                                                                           Options options) {
  if (options.max_batch_commands == 0) {
    return absl::InvalidArgumentError("max_batch_commands: must be >= 1");
  }
  if (!options.now_micros) options.now_micros = SystemNowMicros;
  RENSTRA_ASSIGN_OR_RETURN(
      std::unique_ptr<AcknowledgedHead> acknowledged,
      AcknowledgedHead::Open(absl::StrCat(dir, "/", AcknowledgedHead::kFileName)));
  const std::optional<ChainHead> recorded = acknowledged->recorded();
  rocksdb::Options db_options;
  db_options.create_if_missing = true;
  db_options.create_missing_column_families = true;
  // A torn last record (a write cut short by a crash: never synced, never acknowledged)
  // is dropped; damage anywhere else fails the open instead of being silently cut off
  // there, as the default kPointInTimeRecovery would (see the file comment).
  db_options.wal_recovery_mode = rocksdb::WALRecoveryMode::kTolerateCorruptedTailRecords;
  std::string kept_wal;
  std::string rocksdb_error;
  std::string note;
  if (options.accept_log_loss.has_value()) {
    // Deliberately accept what a point-in-time recovery keeps, but only the head the
    // operator named, and checked before anything on disk changes.
    RENSTRA_ASSIGN_OR_RETURN(kept_wal, KeepWalFiles(dir));
    RENSTRA_ASSIGN_OR_RETURN(RecoveryProbe probe, ProbePointInTimeRecovery(dir, 0));
    if (probe.head.sequence != *options.accept_log_loss) {
      return absl::FailedPreconditionError(
          absl::StrCat("open ", dir, ": accept_log_loss: ", *options.accept_log_loss,
                       ", but the log recovers to event ", probe.head.sequence,
                       "; give that exact head to accept the loss"));
    }
    db_options.wal_recovery_mode = rocksdb::WALRecoveryMode::kPointInTimeRecovery;
  }
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  for (const char* name : {rocksdb::kDefaultColumnFamilyName.c_str(), layout::kEventsCf,
                           layout::kStreamsCf, layout::kIdempotencyCf, layout::kMetaCf}) {
    families.emplace_back(name, rocksdb::ColumnFamilyOptions(db_options));
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw_db = nullptr;
  rocksdb::Status opened = rocksdb::DB::Open(db_options, dir, families, &handles, &raw_db);
  if (opened.IsCorruption() && !options.accept_log_loss.has_value()) {
    // Damage in the WAL: keep it as found, then see what a point-in-time recovery keeps.
    rocksdb_error = opened.ToString();
    RENSTRA_ASSIGN_OR_RETURN(kept_wal, KeepWalFiles(dir));
    const std::string kept_text =
        kept_wal.empty() ? std::string("there was no WAL file to keep")
                         : absl::StrCat("the write-ahead log as found is kept in ", kept_wal);
    absl::StatusOr<RecoveryProbe> probe =
        ProbePointInTimeRecovery(dir, recorded.has_value() ? recorded->sequence : 0);
    if (!probe.ok()) {
      return absl::DataLossError(
          absl::StrCat("open ", dir, ": ", rocksdb_error, "; ", kept_text,
                       "; a point-in-time recovery fails too: ", probe.status().message()));
    }
    if (!recorded.has_value()) {
      return absl::DataLossError(absl::StrCat(
          "open ", dir, ": ", rocksdb_error, "; there is no record of the acknowledged events (",
          AcknowledgedHead::kFileName, ") to tell a torn tail from lost events; ", kept_text,
          "; a point-in-time recovery would end the log at event ", probe->head.sequence,
          "; to serve that, restart once with --accept_log_loss=", probe->head.sequence));
    }
    if (probe->head.sequence < recorded->sequence || probe->hash_at != recorded->hash) {
      // Acknowledged events would be lost: refuse without a read-write open, which would
      // change the files.
      std::optional<AcceptedLoss> unused;
      return CompareWithAcknowledged(dir, acknowledged->path(), recorded, probe->head,
                                     probe->hash_at, std::nullopt, kept_wal, rocksdb_error,
                                     &unused);
    }
    // Only records after the last acknowledged event were damaged: a torn tail.
    note = absl::StrCat("the write-ahead log was damaged after the last acknowledged event ",
                        recorded->sequence, " (", rocksdb_error, "); recovered to event ",
                        probe->head.sequence, ", dropping only unacknowledged writes; ", kept_text);
    db_options.wal_recovery_mode = rocksdb::WALRecoveryMode::kPointInTimeRecovery;
    for (auto& family : families) family.options = rocksdb::ColumnFamilyOptions(db_options);
    handles.clear();
    opened = rocksdb::DB::Open(db_options, dir, families, &handles, &raw_db);
  }
  RENSTRA_RETURN_IF_ERROR(FromRocksDb(opened, absl::StrCat("open ", dir)));
  std::unique_ptr<RocksDbEventStore> store(new RocksDbEventStore(
      std::move(options), std::unique_ptr<rocksdb::DB>(raw_db), std::move(handles)));
  store->acknowledged_ = std::move(acknowledged);
  store->recovery_note_ = std::move(note);
  RENSTRA_RETURN_IF_ERROR(store->LoadHead());
  absl::StatusOr<uint64_t> verified = store->VerifyTail(store->options_.verify_tail);
  if (!verified.ok()) {
    return absl::Status(verified.status().code(),
                        absl::StrCat("open ", dir, ": ", verified.status().message()));
  }
  {
    const ChainHead head = store->Head();
    std::optional<std::string> hash_at;
    if (recorded.has_value() && recorded->sequence > 0 && recorded->sequence <= head.sequence) {
      std::string value;
      rocksdb::Status got = store->db_->Get(rocksdb::ReadOptions(), store->events_,
                                            EncodeU64(recorded->sequence), &value);
      if (!got.IsNotFound())
        RENSTRA_RETURN_IF_ERROR(FromRocksDb(got, "read the acknowledged event"));
      if (got.ok()) hash_at = Sha256(value);
    }
    RENSTRA_RETURN_IF_ERROR(CompareWithAcknowledged(
        dir, store->acknowledged_->path(), recorded, head, hash_at, store->options_.accept_log_loss,
        kept_wal, rocksdb_error, &store->accepted_loss_));
  }
  // The whole log as opened is now what the server stands by (also the durable events
  // of a group that was cut off before it was acknowledged).
  RENSTRA_RETURN_IF_ERROR(store->acknowledged_->Record(store->Head(), /*sync=*/true));
  store->acknowledged_synced_at_ = std::chrono::steady_clock::now();
  return store;
}

RocksDbEventStore::RocksDbEventStore(Options options, std::unique_ptr<rocksdb::DB> db,
                                     std::vector<rocksdb::ColumnFamilyHandle*> handles)
    : options_(std::move(options)),
      db_(std::move(db)),
      handles_(std::move(handles)),
      events_(handles_[1]),
      streams_(handles_[2]),
      idempotency_(handles_[3]),
      meta_(handles_[4]),
      head_{0, kZeroHash} {}

RocksDbEventStore::~RocksDbEventStore() {
  {
    absl::MutexLock lock(&mu_);
    auto idle = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return writers_.empty(); };
    mu_.Await(absl::Condition(&idle));
  }
  for (rocksdb::ColumnFamilyHandle* handle : handles_) {
    db_->DestroyColumnFamilyHandle(handle).PermitUncheckedError();
  }
  db_->Close().PermitUncheckedError();  // Nothing to report to: every write was synced.
}

absl::Status RocksDbEventStore::LoadHead() {
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), events_));
  it->SeekToLast();
  RENSTRA_RETURN_IF_ERROR(FromRocksDb(it->status(), "load head"));
  absl::MutexLock lock(&mu_);
  if (!it->Valid()) {
    head_ = ChainHead{0, kZeroHash};
    return absl::OkStatus();
  }
  RENSTRA_ASSIGN_OR_RETURN(uint64_t sequence, EventKey(it->key()));
  head_ = ChainHead{sequence, Sha256(View(it->value()))};
  return absl::OkStatus();
}

absl::StatusOr<AppendResult> RocksDbEventStore::Append(const AppendRequest& request) {
  RENSTRA_RETURN_IF_ERROR(ValidateAppendRequest(request));
  Writer writer(&request);
  absl::MutexLock lock(&mu_);
  RENSTRA_RETURN_IF_ERROR(refused_);
  writers_.push_back(&writer);
  auto done_or_leader = [this, &writer]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return writer.done || writers_.front() == &writer;
  };
  mu_.Await(absl::Condition(&done_or_leader));
  if (writer.done) return std::move(writer.result);

  // Leader: commit a prefix of the queue. Its members stay queued (so nobody else
  // leads) until they are complete.
  const size_t count = std::min(writers_.size(), options_.max_batch_commands);
  std::vector<Writer*> group(writers_.begin(), writers_.begin() + count);
  CommitGroup(group);
  for (size_t i = 0; i < count; ++i) writers_.pop_front();
  return std::move(writer.result);
}

void RocksDbEventStore::CommitGroup(const std::vector<Writer*>& writers) {
  Group group;
  group.sequence = head_.sequence;
  group.prev_hash = head_.hash;
  for (Writer* writer : writers) {
    writer->result = PlanRequest(*writer->request, group);
  }
  if (group.batch.Count() > 0) {
    absl::Status status =
        FromRocksDb(group.batch.Put(meta_, layout::kHeadKey,
                                    layout::EncodeHead(ChainHead{group.sequence, group.prev_hash})),
                    "append");
    if (status.ok()) {
      rocksdb::WriteOptions write_options;
      write_options.sync = true;
      // Let new requests queue up (for the next group) during the sync.
      mu_.Unlock();
      status = FromRocksDb(db_->Write(write_options, &group.batch), "append");
      // Recorded before anyone learns of the group (readers see only head_).
      absl::Status recorded = status.ok()
                                  ? RecordAcknowledged(ChainHead{group.sequence, group.prev_hash})
                                  : absl::OkStatus();
      mu_.Lock();
      if (status.ok()) {
        // Committed either way; without the record the group is not acknowledged (a
        // retry with the same request id finds it).
        head_ = ChainHead{group.sequence, group.prev_hash};
        for (auto& [stream, version] : group.versions) versions_[stream] = version;
        ++sync_groups_;
        status = recorded;
      }
    }
    if (!status.ok()) {
      for (Writer* writer : writers) {
        if (writer->result.ok()) writer->result = status;
      }
    }
  }
  for (Writer* writer : writers) writer->done = true;
}

absl::StatusOr<AppendResult> RocksDbEventStore::PlanRequest(const AppendRequest& request,
                                                            Group& group) {
  const std::string& request_id = request.meta.request_id;
  const std::string request_key =
      request_id.empty() ? std::string() : layout::RequestKey(request.meta.principal, request_id);
  if (!request_id.empty()) {
    std::optional<layout::IdempotencyRecord> record;
    if (auto it = group.request_ids.find(request_key); it != group.request_ids.end()) {
      record = it->second;
    } else {
      RENSTRA_ASSIGN_OR_RETURN(record, LookupRequestId(request_key));
    }
    if (record.has_value()) {
      RENSTRA_RETURN_IF_ERROR(CheckRetryOf(*record, request));
      AppendResult result = record->result;
      result.deduplicated = true;
      return result;
    }
  }
  uint64_t version = 0;
  if (auto it = group.versions.find(request.stream); it != group.versions.end()) {
    version = it->second;
  } else {
    RENSTRA_ASSIGN_OR_RETURN(version, LoadStreamVersion(request.stream));
  }
  RENSTRA_RETURN_IF_ERROR(CheckExpectedVersion(request.stream, request.expected_version, version));

  // Build into locals and a save point so a failure leaves the group untouched.
  group.batch.SetSavePoint();
  uint64_t sequence = group.sequence;
  std::string prev_hash = group.prev_hash;
  const int64_t now = options_.now_micros();
  rocksdb::Status status;
  for (size_t i = 0; i < request.events.size() && status.ok(); ++i) {
    ++sequence;
    ++version;
    const std::string bytes =
        SerializeEnvelope(BuildEnvelope(request, i, sequence, version, now, prev_hash));
    status = group.batch.Put(events_, EncodeU64(sequence), bytes);
    if (status.ok()) {
      status = group.batch.Put(streams_, layout::StreamKey(request.stream, version),
                               EncodeU64(sequence));
    }
    prev_hash = Sha256(bytes);
  }
  AppendResult result{group.sequence + 1, sequence, version, false};
  layout::IdempotencyRecord record{request.stream, result, request.meta.method,
                                   request.meta.fingerprint};
  if (status.ok() && !request_id.empty()) {
    status = group.batch.Put(idempotency_, request_key, layout::EncodeIdempotency(record));
  }
  if (!status.ok()) {
    group.batch.RollbackToSavePoint().PermitUncheckedError();
    return FromRocksDb(status, "append");
  }
  group.batch.PopSavePoint().PermitUncheckedError();
  group.sequence = sequence;
  group.prev_hash = std::move(prev_hash);
  group.versions[request.stream] = version;
  if (!request_id.empty()) group.request_ids[request_key] = std::move(record);
  return result;
}

absl::StatusOr<uint64_t> RocksDbEventStore::LoadStreamVersion(std::string_view stream) {
  if (auto it = versions_.find(AsAbsl(stream)); it != versions_.end()) return it->second;
  RENSTRA_ASSIGN_OR_RETURN(uint64_t version, LastStreamVersionInDb(stream));
  versions_.emplace(std::string(stream), version);
  return version;
}

absl::StatusOr<uint64_t> RocksDbEventStore::LastStreamVersionInDb(std::string_view stream) {
  const std::string prefix = layout::StreamPrefix(stream);
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), streams_));
  it->SeekForPrev(prefix + std::string(8, '\xff'));
  RENSTRA_RETURN_IF_ERROR(FromRocksDb(it->status(), absl::StrCat("stream ", AsAbsl(stream))));
  if (!it->Valid() || !View(it->key()).starts_with(prefix)) return 0;
  std::optional<uint64_t> version = DecodeU64(View(it->key()).substr(prefix.size()));
  if (!version) {
    return absl::DataLossError(absl::StrCat("stream ", AsAbsl(stream), ": malformed index key"));
  }
  return *version;
}

absl::StatusOr<std::optional<layout::IdempotencyRecord>> RocksDbEventStore::LookupRequestId(
    std::string_view key) {
  std::string value;
  rocksdb::Status status = db_->Get(rocksdb::ReadOptions(), idempotency_,
                                    rocksdb::Slice(key.data(), key.size()), &value);
  if (status.IsNotFound()) return std::nullopt;
  // The key holds the principal and the request id: name them readably.
  const std::string printable = absl::CHexEscape(AsAbsl(key));
  RENSTRA_RETURN_IF_ERROR(FromRocksDb(status, absl::StrCat("request id ", printable)));
  std::optional<layout::IdempotencyRecord> record = layout::DecodeIdempotency(value);
  if (!record) {
    return absl::DataLossError(absl::StrCat("request id ", printable, ": malformed record"));
  }
  return record;
}

absl::StatusOr<std::optional<RequestRecord>> RocksDbEventStore::FindRequest(
    std::string_view principal, std::string_view request_id) {
  if (request_id.empty()) return std::nullopt;
  RENSTRA_ASSIGN_OR_RETURN(std::optional<layout::IdempotencyRecord> record,
                           LookupRequestId(layout::RequestKey(principal, request_id)));
  if (!record.has_value()) {
    // A log written before request ids were scoped keyed them by the id alone. A scoped
    // record found that way belongs to someone else (its key merely equals this id).
    RENSTRA_ASSIGN_OR_RETURN(record, LookupRequestId(request_id));
    if (!record.has_value() || !record->legacy) return std::nullopt;
  }
  record->result.deduplicated = false;
  return record;
}

absl::Status RocksDbEventStore::Scan(
    uint64_t from_sequence, const std::function<absl::Status(const v1::EventEnvelope&)>& visit) {
  rocksdb::ReadOptions read_options;
  // A replay reads every block once, in order: read ahead, and leave the block cache to
  // the point reads of the commands.
  read_options.readahead_size = kScanReadahead;
  read_options.fill_cache = false;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(read_options, events_));
  v1::EventEnvelope envelope;
  for (it->Seek(EncodeU64(std::max<uint64_t>(from_sequence, 1))); it->Valid(); it->Next()) {
    RENSTRA_ASSIGN_OR_RETURN(uint64_t sequence, EventKey(it->key()));
    const rocksdb::Slice value = it->value();
    if (!envelope.ParseFromArray(value.data(), static_cast<int>(value.size()))) {
      return absl::DataLossError(
          absl::StrCat("event ", sequence, ": stored envelope does not parse"));
    }
    RENSTRA_RETURN_IF_ERROR(visit(envelope));
  }
  return FromRocksDb(it->status(), "scan");
}

absl::StatusOr<std::vector<v1::EventEnvelope>> RocksDbEventStore::ReadAll(uint64_t from_sequence,
                                                                          size_t max_count) {
  std::vector<v1::EventEnvelope> out;
  // Only acknowledged events: a tree head is never signed over a group still being
  // recorded (see RecordAcknowledged).
  const uint64_t head = Head().sequence;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), events_));
  for (it->Seek(EncodeU64(std::max<uint64_t>(from_sequence, 1)));
       it->Valid() && out.size() < max_count; it->Next()) {
    RENSTRA_ASSIGN_OR_RETURN(uint64_t sequence, EventKey(it->key()));
    if (sequence > head) break;
    RENSTRA_ASSIGN_OR_RETURN(v1::EventEnvelope envelope,
                             ParseEnvelope(sequence, View(it->value())));
    out.push_back(std::move(envelope));
  }
  RENSTRA_RETURN_IF_ERROR(FromRocksDb(it->status(), "read all"));
  return out;
}

absl::StatusOr<std::vector<v1::EventEnvelope>> RocksDbEventStore::ReadStream(
    std::string_view stream, uint64_t from_version, size_t max_count) {
  std::vector<v1::EventEnvelope> out;
  const std::string prefix = layout::StreamPrefix(stream);
  rocksdb::ManagedSnapshot snapshot(db_.get());
  rocksdb::ReadOptions read_options;
  read_options.snapshot = snapshot.snapshot();
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(read_options, streams_));
  for (it->Seek(layout::StreamKey(stream, std::max<uint64_t>(from_version, 1)));
       it->Valid() && View(it->key()).starts_with(prefix) && out.size() < max_count; it->Next()) {
    std::optional<uint64_t> sequence = DecodeU64(View(it->value()));
    if (!sequence) {
      return absl::DataLossError(
          absl::StrCat("stream ", AsAbsl(stream), ": malformed index value"));
    }
    std::string bytes;
    rocksdb::Status status = db_->Get(read_options, events_, EncodeU64(*sequence), &bytes);
    if (status.IsNotFound()) {
      return absl::DataLossError(
          absl::StrCat("event ", *sequence, ": missing (indexed by stream ", AsAbsl(stream), ")"));
    }
    RENSTRA_RETURN_IF_ERROR(FromRocksDb(status, absl::StrCat("read event ", *sequence)));
    RENSTRA_ASSIGN_OR_RETURN(v1::EventEnvelope envelope, ParseEnvelope(*sequence, bytes));
    out.push_back(std::move(envelope));
  }
  RENSTRA_RETURN_IF_ERROR(FromRocksDb(it->status(), absl::StrCat("read stream ", AsAbsl(stream))));
  return out;
}

uint64_t RocksDbEventStore::StreamVersion(std::string_view stream) {
  absl::MutexLock lock(&mu_);
  absl::StatusOr<uint64_t> version = LoadStreamVersion(stream);
  return version.ok() ? *version : 0;
}

ChainHead RocksDbEventStore::Head() {
  absl::MutexLock lock(&mu_);
  return head_;
}

uint64_t RocksDbEventStore::sync_groups() const {
  absl::MutexLock lock(&mu_);
  return sync_groups_;
}

absl::Status RocksDbEventStore::RecordAcknowledged(const ChainHead& head) {
  const auto now = std::chrono::steady_clock::now();
  const bool sync = now - acknowledged_synced_at_ >= options_.acknowledged_sync_every;
  RENSTRA_RETURN_IF_ERROR(acknowledged_->Record(head, sync));
  if (sync) acknowledged_synced_at_ = now;
  return absl::OkStatus();
}

absl::Status RocksDbEventStore::SyncAcknowledged() { return acknowledged_->Sync(); }

void RocksDbEventStore::RefuseAppends(absl::Status reason) {
  absl::MutexLock lock(&mu_);
  if (refused_.ok()) refused_ = std::move(reason);
}

absl::StatusOr<uint64_t> RocksDbEventStore::VerifyTail(uint64_t n) {
  if (n == 0) return 0;
  const uint64_t last = Head().sequence;
  // Open() compares with the acknowledged record itself (CompareWithAcknowledged), before it
  // records the head it opened with.
  return VerifyChainFrom(last >= n ? last - n + 1 : 1, /*against_acknowledged=*/false);
}

absl::StatusOr<uint64_t> RocksDbEventStore::VerifyChain(uint64_t from_sequence) {
  return VerifyChainFrom(from_sequence, /*against_acknowledged=*/true);
}

absl::StatusOr<uint64_t> RocksDbEventStore::VerifyChainFrom(uint64_t from_sequence,
                                                            bool against_acknowledged) {
  if (from_sequence == 0) return absl::InvalidArgumentError("from_sequence: must be >= 1");
  // One snapshot: the events and the recorded head must agree with each other.
  rocksdb::ManagedSnapshot snapshot(db_.get());
  rocksdb::ReadOptions read_options;
  read_options.snapshot = snapshot.snapshot();
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(read_options, events_));
  std::string prev_hash = kZeroHash;
  if (from_sequence == 1) {
    it->SeekToFirst();
  } else {
    // The event before from_sequence only anchors the first link.
    it->Seek(EncodeU64(from_sequence - 1));
    RENSTRA_RETURN_IF_ERROR(FromRocksDb(it->status(), "verify chain"));
    if (!it->Valid()) return 0;  // Nothing at or after from_sequence - 1.
    RENSTRA_ASSIGN_OR_RETURN(uint64_t anchor, EventKey(it->key()));
    if (anchor != from_sequence - 1) {
      return absl::DataLossError(absl::StrCat("event ", from_sequence - 1,
                                              ": missing (the next stored event is ", anchor, ")"));
    }
    prev_hash = Sha256(View(it->value()));
    it->Next();
  }
  ChainVerifier verifier(from_sequence, std::move(prev_hash));
  for (; it->Valid(); it->Next()) {
    RENSTRA_ASSIGN_OR_RETURN(uint64_t sequence, EventKey(it->key()));
    RENSTRA_RETURN_IF_ERROR(verifier.Check(sequence, View(it->value())));
  }
  RENSTRA_RETURN_IF_ERROR(FromRocksDb(it->status(), "verify chain"));

  const uint64_t last = verifier.next_sequence() - 1;
  std::string value;
  rocksdb::Status status = db_->Get(read_options, meta_, layout::kHeadKey, &value);
  if (status.IsNotFound()) {
    if (last == 0) return verifier.checked();
    return absl::DataLossError(absl::StrCat("event ", last, ": the log has no recorded head"));
  }
  RENSTRA_RETURN_IF_ERROR(FromRocksDb(status, "read recorded head"));
  std::optional<ChainHead> recorded = layout::DecodeHead(value);
  if (!recorded) return absl::DataLossError("meta: malformed recorded head");
  if (recorded->sequence > last) {
    return absl::DataLossError(absl::StrCat("event ", last + 1, ": missing; the log ends at ", last,
                                            " but its recorded head is ", recorded->sequence));
  }
  if (recorded->sequence < last) {
    return absl::DataLossError(absl::StrCat("event ", recorded->sequence + 1,
                                            ": beyond the recorded head ", recorded->sequence));
  }
  if (recorded->hash != verifier.last_hash()) {
    return absl::DataLossError(
        absl::StrCat("event ", last, ": hash does not match the recorded head hash"));
  }
  // And against the server's own record, outside RocksDB: the log may not have come back
  // shorter than what was acknowledged.
  if (!against_acknowledged) return verifier.checked();
  RENSTRA_ASSIGN_OR_RETURN(std::optional<ChainHead> acknowledged,
                           AcknowledgedHead::Read(acknowledged_->path()));
  if (acknowledged.has_value() && acknowledged->sequence > last) {
    return absl::DataLossError(absl::StrCat(
        "event ", last + 1, ": missing; the log ends at ", last, " but events up to ",
        acknowledged->sequence, " were acknowledged (recorded in ", acknowledged_->path(), ")"));
  }
  if (acknowledged.has_value() && acknowledged->sequence == last &&
      acknowledged->hash != verifier.last_hash()) {
    return absl::DataLossError(
        absl::StrCat("event ", last, ": hash does not match the acknowledged record"));
  }
  return verifier.checked();
}

}  // namespace renstra
