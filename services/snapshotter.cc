#include "services/snapshotter.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "domain/status_macros.h"
#include "services/snapshot_codec.h"
#include "spdlog/spdlog.h"
#include "storage/envelope_hash.h"

namespace renstra {
namespace {

namespace fs = std::filesystem;

constexpr char kMagic[16] = {'R', 'E', 'N', 'S', 'T', 'R', 'A', '-',
                             'S', 'N', 'A', 'P', 'S', 'H', 'O', 'T'};
constexpr size_t kHeaderSize = 16 + 4 + 4 + 8 + 32 + 32;
constexpr size_t kEntrySize = 4 + 4 + 8 + 8 + 32;
constexpr uint32_t kMaxSections = 16;
constexpr size_t kChunk = 4096;
constexpr std::string_view kPrefix = "snapshot-";
constexpr std::string_view kSuffix = ".snap";
constexpr std::string_view kTmpSuffix = ".tmp";

enum Section : uint32_t {
  kMeta = 1,
  kProposals = 2,
  kRealizations = 3,
  // 4 held the request-id map in format 1; request ids now live in the store's index.
  kMerkle = 5,
};

struct Entry {
  uint32_t kind = 0;
  uint64_t offset = 0;
  uint64_t length = 0;
  std::string sha;  // 32 bytes
};

void PutU32(std::string* out, uint32_t v) { out->append(reinterpret_cast<const char*>(&v), 4); }
void PutU64(std::string* out, uint64_t v) { out->append(reinterpret_cast<const char*>(&v), 8); }
uint32_t GetU32(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}
uint64_t GetU64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

// Incremental SHA-256 (OpenSSL EVP).
class Sha256Stream {
 public:
  Sha256Stream() : ctx_(EVP_MD_CTX_new()) { EVP_DigestInit_ex(ctx_, EVP_sha256(), nullptr); }
  ~Sha256Stream() { EVP_MD_CTX_free(ctx_); }
  Sha256Stream(const Sha256Stream&) = delete;
  Sha256Stream& operator=(const Sha256Stream&) = delete;
  void Update(const void* data, size_t n) { EVP_DigestUpdate(ctx_, data, n); }
  std::string Final() {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    EVP_DigestFinal_ex(ctx_, out, &n);
    return std::string(reinterpret_cast<const char*>(out), n);
  }

 private:
  EVP_MD_CTX* ctx_;
};

std::string PathFor(const std::string& dir, uint64_t sequence) {
  return absl::StrFormat("%s/%s%020d%s", dir, kPrefix, sequence, kSuffix);
}

// Snapshots in `dir`, newest first; removes leftover temporary files when `clean`.
std::vector<std::pair<uint64_t, std::string>> ListSnapshots(const std::string& dir, bool clean) {
  std::vector<std::pair<uint64_t, std::string>> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind(kPrefix, 0) != 0) continue;
    if (clean && name.size() > kTmpSuffix.size() &&
        name.compare(name.size() - kTmpSuffix.size(), kTmpSuffix.size(), kTmpSuffix) == 0) {
      spdlog::warn("snapshot: removing {}, left by an interrupted write", it->path().string());
      std::error_code ignored;
      fs::remove(it->path(), ignored);
      continue;
    }
    if (name.size() <= kPrefix.size() + kSuffix.size() ||
        name.compare(name.size() - kSuffix.size(), kSuffix.size(), kSuffix) != 0) {
      continue;
    }
    uint64_t sequence = 0;
    const std::string digits =
        name.substr(kPrefix.size(), name.size() - kPrefix.size() - kSuffix.size());
    if (!absl::SimpleAtoi(digits, &sequence)) continue;
    out.emplace_back(sequence, it->path().string());
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  return out;
}

absl::Status Errno(const std::string& what, const std::string& path) {
  return absl::InternalError(absl::StrCat(what, " ", path, ": ", std::strerror(errno)));
}

// An open file descriptor, closed on destruction.
struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

absl::Status PreadAll(int fd, void* data, size_t n, uint64_t offset, const std::string& path) {
  char* p = static_cast<char*>(data);
  while (n > 0) {
    const ssize_t got = ::pread(fd, p, n, static_cast<off_t>(offset));
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return Errno("read", path);
    if (got == 0) return absl::DataLossError(absl::StrCat(path, ": truncated"));
    p += got;
    n -= static_cast<size_t>(got);
    offset += static_cast<uint64_t>(got);
  }
  return absl::OkStatus();
}

absl::Status WriteAll(int fd, const void* data, size_t n, const std::string& path) {
  const char* p = static_cast<const char*>(data);
  while (n > 0) {
    const ssize_t put = ::write(fd, p, n);
    if (put < 0 && errno == EINTR) continue;
    if (put < 0) return Errno("write", path);
    p += put;
    n -= static_cast<size_t>(put);
  }
  return absl::OkStatus();
}

absl::Status SyncDir(const std::string& dir) {
  Fd d;
  d.fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (d.fd < 0) return Errno("open", dir);
  if (::fsync(d.fd) != 0) return Errno("fsync", dir);
  return absl::OkStatus();
}

// The decoded content of a snapshot.
struct Loaded {
  uint64_t sequence = 0;
  int64_t plan_version = 0;
  ProposalBook book;
  RealizationBook realizations;
  std::optional<merkle::MerkleTree> tree;
};

absl::Status Corrupt(const std::string& path, absl::string_view what) {
  return absl::DataLossError(absl::StrCat(path, ": ", what));
}

// Reads one section into memory and checks its checksum.
absl::StatusOr<std::string> ReadSection(int fd, const Entry& e, const std::string& path) {
  std::string buf;
  buf.resize(e.length);
  RETURN_IF_ERROR(PreadAll(fd, buf.data(), buf.size(), e.offset, path));
  if (Sha256(buf) != e.sha) {
    return Corrupt(path, absl::StrCat("section ", e.kind, ": checksum mismatch"));
  }
  return buf;
}

absl::Status DecodeProposals(std::string_view bytes, ProposalBook* book) {
  ByteReader r(bytes);
  const uint64_t n = r.Varint();
  for (uint64_t i = 0; i < n && r.ok(); ++i) {
    ProposalState p;
    SnapshotCodec::Get(r, &p);
    if (r.ok()) book->Restore(std::move(p));
  }
  if (!r.ok() || !r.done()) return absl::DataLossError("the proposals section is malformed");
  return absl::OkStatus();
}

absl::Status DecodeRealizations(std::string_view bytes, RealizationBook* book) {
  ByteReader r(bytes);
  const uint64_t version = r.Varint();
  const uint64_t n = r.Varint();
  for (uint64_t i = 0; i < n && r.ok(); ++i) {
    RealizationRecord rec;
    SnapshotCodec::Get(r, &rec);
    if (r.ok()) book->RestoreRecord(std::move(rec));
  }
  book->RestoreVersion(version);
  if (!r.ok() || !r.done()) return absl::DataLossError("the realizations section is malformed");
  return absl::OkStatus();
}

// The Merkle section: u64 level count, u64 size of each level, then the hashes of each
// level in order. Read straight into the levels (no intermediate buffer).
absl::StatusOr<merkle::MerkleTree> ReadMerkle(int fd, const Entry& e, const std::string& path) {
  Sha256Stream sha;
  uint64_t count = 0;
  if (e.length < 8) return Corrupt(path, "Merkle section: too short");
  RETURN_IF_ERROR(PreadAll(fd, &count, 8, e.offset, path));
  if (count > 64 || 8 + count * 8 > e.length) return Corrupt(path, "Merkle section: bad levels");
  std::vector<uint64_t> sizes(count);
  RETURN_IF_ERROR(PreadAll(fd, sizes.data(), count * 8, e.offset + 8, path));
  sha.Update(&count, 8);
  sha.Update(sizes.data(), count * 8);
  uint64_t offset = e.offset + 8 + count * 8;
  uint64_t total = 8 + count * 8;
  std::vector<std::vector<merkle::Hash>> levels(count);
  for (uint64_t k = 0; k < count; ++k) {
    if (sizes[k] > (e.length - total) / merkle::kHashSize) {
      return Corrupt(path, "Merkle section: level beyond the section");
    }
    levels[k].resize(sizes[k]);
    const size_t n = sizes[k] * merkle::kHashSize;
    RETURN_IF_ERROR(PreadAll(fd, levels[k].data(), n, offset, path));
    sha.Update(levels[k].data(), n);
    offset += n;
    total += n;
  }
  if (total != e.length || sha.Final() != e.sha) {
    return Corrupt(path, "Merkle section: checksum mismatch");
  }
  absl::StatusOr<merkle::MerkleTree> tree = merkle::MerkleTree::FromLevels(std::move(levels));
  if (!tree.ok()) return Corrupt(path, tree.status().message());
  return tree;
}

// Reads `path` and checks it against the log; the plan is not part of it (see header).
absl::StatusOr<Loaded> Load(EventStore* store, const std::string& plan_id, const std::string& path,
                            const ChainHead& head) {
  Fd f;
  f.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (f.fd < 0) return Errno("open", path);
  char header[kHeaderSize];
  RETURN_IF_ERROR(PreadAll(f.fd, header, kHeaderSize, 0, path));
  if (std::memcmp(header, kMagic, sizeof(kMagic)) != 0) return Corrupt(path, "not a snapshot");
  const uint32_t version = GetU32(header + 16);
  if (version != Snapshotter::kFormatVersion) {
    return absl::FailedPreconditionError(absl::StrCat(path, ": format version ", version,
                                                      ", this server reads version ",
                                                      Snapshotter::kFormatVersion));
  }
  const uint32_t count = GetU32(header + 20);
  Loaded out;
  out.sequence = GetU64(header + 24);
  const std::string hash(header + 32, 32);
  const std::string table_sha(header + 64, 32);
  if (count == 0 || count > kMaxSections) return Corrupt(path, "bad section count");
  std::string table(count * kEntrySize, '\0');
  RETURN_IF_ERROR(PreadAll(f.fd, table.data(), table.size(), kHeaderSize, path));
  if (Sha256(std::string(header, 64) + table) != table_sha) {
    return Corrupt(path, "header checksum mismatch");
  }
  const off_t file_size = ::lseek(f.fd, 0, SEEK_END);
  std::vector<Entry> entries(count);
  for (uint32_t i = 0; i < count; ++i) {
    const char* p = table.data() + i * kEntrySize;
    entries[i] = Entry{GetU32(p), GetU64(p + 8), GetU64(p + 16), std::string(p + 24, 32)};
    if (entries[i].offset > static_cast<uint64_t>(file_size) ||
        entries[i].length > static_cast<uint64_t>(file_size) - entries[i].offset) {
      return Corrupt(path, "truncated");
    }
  }

  // Against the log: S must exist and be the same event.
  if (out.sequence == 0) return Corrupt(path, "covers no event");
  if (out.sequence > head.sequence) {
    return absl::FailedPreconditionError(absl::StrCat(path, ": covers events up to ", out.sequence,
                                                      " but the log ends at ", head.sequence,
                                                      " (a log restored from an older backup?)"));
  }
  ASSIGN_OR_RETURN(std::vector<v1::EventEnvelope> at, store->ReadAll(out.sequence, 1));
  if (at.empty() || at[0].sequence() != out.sequence) {
    return absl::DataLossError(absl::StrCat("event ", out.sequence, " is missing"));
  }
  if (HashEnvelope(at[0]) != hash) {
    return absl::FailedPreconditionError(
        absl::StrCat(path, ": its event ", out.sequence, " has the hash ", ToHex(hash),
                     ", the log's has ", ToHex(HashEnvelope(at[0])), " (another log)"));
  }

  const Entry* sections[kMerkle + 1] = {};
  for (const Entry& e : entries) {
    if (e.kind < kMeta || e.kind > kMerkle || e.kind == 4 || sections[e.kind] != nullptr) {
      return Corrupt(path, absl::StrCat("unknown or repeated section ", e.kind));
    }
    sections[e.kind] = &e;
  }
  for (uint32_t k = kMeta; k <= kRealizations; ++k) {
    if (sections[k] == nullptr) return Corrupt(path, absl::StrCat("section ", k, " missing"));
  }
  {
    ASSIGN_OR_RETURN(std::string meta, ReadSection(f.fd, *sections[kMeta], path));
    ByteReader r(meta);
    std::string snapshot_plan;
    r.Str(&snapshot_plan);
    out.plan_version = r.Signed();
    if (!r.ok()) return Corrupt(path, "meta: malformed");
    if (snapshot_plan != plan_id) {
      return absl::FailedPreconditionError(
          absl::StrCat(path, ": a snapshot of ", snapshot_plan, ", not of ", plan_id));
    }
  }

  // The big sections in parallel, each with its own buffer.
  absl::Status proposals_status, realizations_status;
  std::thread proposals([&] {
    absl::StatusOr<std::string> bytes = ReadSection(f.fd, *sections[kProposals], path);
    proposals_status = bytes.ok() ? DecodeProposals(*bytes, &out.book) : bytes.status();
  });
  std::thread realizations([&] {
    absl::StatusOr<std::string> bytes = ReadSection(f.fd, *sections[kRealizations], path);
    realizations_status =
        bytes.ok() ? DecodeRealizations(*bytes, &out.realizations) : bytes.status();
  });
  absl::Status rest = [&]() -> absl::Status {
    if (sections[kMerkle] != nullptr) {
      ASSIGN_OR_RETURN(merkle::MerkleTree tree, ReadMerkle(f.fd, *sections[kMerkle], path));
      if (tree.size() != out.sequence) {
        return Corrupt(
            path, absl::StrCat("its Merkle tree has ", tree.size(), " leaves, not ", out.sequence));
      }
      out.tree = std::move(tree);
    }
    return absl::OkStatus();
  }();
  proposals.join();
  realizations.join();
  for (const absl::Status* s : {&proposals_status, &realizations_status, &rest}) {
    if (!s->ok()) return *s;
  }
  return out;
}

// The plan stream's events up to `sequence`, applied to a fresh PlanState.
absl::StatusOr<PlanState> ReplayPlanUpTo(EventStore* store, const std::string& plan_id,
                                         uint64_t sequence) {
  PlanState plan;
  uint64_t next = 1;
  while (true) {
    ASSIGN_OR_RETURN(std::vector<v1::EventEnvelope> chunk,
                     store->ReadStream(plan_id, next, kChunk));
    for (const v1::EventEnvelope& e : chunk) {
      if (e.sequence() > sequence) return plan;
      RETURN_IF_ERROR(plan.Apply(e));
    }
    if (chunk.size() < kChunk) return plan;
    next += chunk.size();
  }
}

}  // namespace

absl::StatusOr<SnapshotRecovery> Snapshotter::Recover(EventStore* store, Projector* projector,
                                                      const std::string& dir) {
  SnapshotRecovery out;
  const absl::Time start = absl::Now();
  const ChainHead head = store->Head();
  for (const auto& [sequence, path] : ListSnapshots(dir, /*clean=*/true)) {
    absl::StatusOr<Loaded> loaded = Load(store, projector->plan_id(), path, head);
    absl::StatusOr<PlanState> plan =
        loaded.ok() ? ReplayPlanUpTo(store, projector->plan_id(), loaded->sequence)
                    : absl::StatusOr<PlanState>(loaded.status());
    if (plan.ok() && plan->version() != loaded->plan_version) {
      plan =
          absl::DataLossError(absl::StrCat(path, ": the plan is at version ", loaded->plan_version,
                                           " in the snapshot, ", plan->version(), " in the log"));
    }
    if (!plan.ok()) {
      spdlog::warn("snapshot: ignoring {}: {}", path, plan.status().ToString());
      continue;
    }
    {
      absl::MutexLock lock(&projector->mu_);
      projector->plan_ = *std::move(plan);
      projector->book_ = std::move(loaded->book);
      projector->realizations_ = std::move(loaded->realizations);
      projector->applied_ = loaded->sequence;
    }
    out.path = path;
    out.sequence = loaded->sequence;
    out.tree = std::move(loaded->tree);
    break;
  }
  out.load = absl::Now() - start;
  const absl::Time tail_start = absl::Now();
  if (out.path.empty()) {
    spdlog::info("snapshot: none usable in {}; replaying the log from event 1", dir);
    RETURN_IF_ERROR(projector->Recover());
  } else {
    RETURN_IF_ERROR(projector->CatchUp());
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
  std::string meta, proposals, realizations;
  const absl::Time locked_at = absl::Now();
  {
    absl::ReaderMutexLock lock(&projector->mu_);
    out.sequence = projector->applied_;
    if (out.sequence == 0) return absl::FailedPreconditionError("the log is empty");
    const std::vector<std::pair<uint64_t, std::string>> existing = ListSnapshots(dir, false);
    if (!existing.empty() && existing.front().first == out.sequence) {
      std::error_code ec;
      out.path = existing.front().second;
      out.bytes = fs::file_size(out.path, ec);
      return out;
    }
    ByteWriter m(&meta);
    m.Str(projector->plan_id_);
    m.Signed(projector->plan_.version());

    ByteWriter p(&proposals);
    p.Varint(projector->book_.all().size());
    for (const auto& [id, state] : projector->book_.all()) SnapshotCodec::Put(p, state);

    ByteWriter r(&realizations);
    r.Varint(projector->realizations_.version());
    r.Varint(projector->realizations_.records().size());
    for (const RealizationRecord& rec : projector->realizations_.records()) {
      SnapshotCodec::Put(r, rec);
    }
  }
  out.reader_lock = absl::Now() - locked_at;

  std::string merkle_bytes;
  if (merkle != nullptr) {
    const absl::Time merkle_at = absl::Now();
    ASSIGN_OR_RETURN(std::vector<std::vector<merkle::Hash>> levels, merkle->LevelsAt(out.sequence));
    out.merkle_lock = absl::Now() - merkle_at;
    size_t total = 8 + 8 * levels.size();
    for (const auto& level : levels) total += level.size() * merkle::kHashSize;
    merkle_bytes.reserve(total);
    PutU64(&merkle_bytes, levels.size());
    for (const auto& level : levels) PutU64(&merkle_bytes, level.size());
    for (const auto& level : levels) {
      merkle_bytes.append(reinterpret_cast<const char*>(level.data()),
                          level.size() * merkle::kHashSize);
    }
  }

  ASSIGN_OR_RETURN(std::vector<v1::EventEnvelope> at, store->ReadAll(out.sequence, 1));
  if (at.empty() || at[0].sequence() != out.sequence) {
    return absl::DataLossError(absl::StrCat("event ", out.sequence, " is missing"));
  }
  const std::string hash = HashEnvelope(at[0]);

  const absl::Time write_at = absl::Now();
  std::vector<std::pair<Section, const std::string*>> sections = {
      {kMeta, &meta}, {kProposals, &proposals}, {kRealizations, &realizations}};
  if (merkle != nullptr) sections.emplace_back(kMerkle, &merkle_bytes);
  std::string header(kMagic, sizeof(kMagic));
  PutU32(&header, kFormatVersion);
  PutU32(&header, static_cast<uint32_t>(sections.size()));
  PutU64(&header, out.sequence);
  header += hash;
  std::string table;
  uint64_t offset = kHeaderSize + sections.size() * kEntrySize;
  for (const auto& [kind, bytes] : sections) {
    PutU32(&table, kind);
    PutU32(&table, 0);
    PutU64(&table, offset);
    PutU64(&table, bytes->size());
    table += Sha256(*bytes);
    offset += bytes->size();
  }
  header += Sha256(header + table);
  out.bytes = offset;

  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return absl::InternalError(absl::StrCat("create ", dir, ": ", ec.message()));
  out.path = PathFor(dir, out.sequence);
  const std::string tmp =
      absl::StrCat(out.path.substr(0, out.path.size() - kSuffix.size()), std::string(kTmpSuffix));
  {
    Fd f;
    f.fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (f.fd < 0) return Errno("create", tmp);
    absl::Status written = WriteAll(f.fd, header.data(), header.size(), tmp);
    if (written.ok()) written = WriteAll(f.fd, table.data(), table.size(), tmp);
    for (const auto& [kind, bytes] : sections) {
      if (written.ok()) written = WriteAll(f.fd, bytes->data(), bytes->size(), tmp);
    }
    if (written.ok() && ::fsync(f.fd) != 0) written = Errno("fsync", tmp);
    if (!written.ok()) {
      fs::remove(tmp, ec);
      return written;
    }
  }
  if (::rename(tmp.c_str(), out.path.c_str()) != 0) {
    absl::Status s = Errno("rename to", out.path);
    fs::remove(tmp, ec);
    return s;
  }
  RETURN_IF_ERROR(SyncDir(dir));
  out.write = absl::Now() - write_at;

  const std::vector<std::pair<uint64_t, std::string>> all = ListSnapshots(dir, false);
  for (size_t i = static_cast<size_t>(std::max(keep, 1)); i < all.size(); ++i) {
    fs::remove(all[i].second, ec);
  }
  return out;
}

Snapshotter::Snapshotter(EventStore* store, Projector* projector, MerkleLog* merkle,
                         Options options)
    : store_(store), projector_(projector), merkle_(merkle), options_(std::move(options)) {
  const auto existing = ListSnapshots(options_.dir, false);
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
