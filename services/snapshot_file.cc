#include "services/snapshot_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <thread>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "base/durable_file.h"
#include "base/sha256.h"
#include "base/status_macros.h"
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

using Entry = SnapshotFile::Entry;

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

absl::Status Errno(const std::string& what, const std::string& path) {
  return absl::InternalError(absl::StrCat(what, " ", path, ": ", std::strerror(errno)));
}

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

absl::Status Corrupt(const std::string& path, absl::string_view what) {
  return absl::DataLossError(absl::StrCat(path, ": ", what));
}

// Reads one section into memory and checks its checksum.
absl::StatusOr<std::string> ReadSection(int fd, const Entry& e, const std::string& path) {
  std::string buf;
  buf.resize(e.length);
  RENSTRA_RETURN_IF_ERROR(PreadAll(fd, buf.data(), buf.size(), e.offset, path));
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
  RENSTRA_RETURN_IF_ERROR(PreadAll(fd, &count, 8, e.offset, path));
  if (count > 64 || 8 + count * 8 > e.length) return Corrupt(path, "Merkle section: bad levels");
  std::vector<uint64_t> sizes(count);
  RENSTRA_RETURN_IF_ERROR(PreadAll(fd, sizes.data(), count * 8, e.offset + 8, path));
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
    RENSTRA_RETURN_IF_ERROR(PreadAll(fd, levels[k].data(), n, offset, path));
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

}  // namespace

std::string SnapshotFile::PathFor(const std::string& dir, uint64_t sequence) {
  return absl::StrFormat("%s/%s%020d%s", dir, kPrefix, sequence, kSuffix);
}

std::vector<std::pair<uint64_t, std::string>> SnapshotFile::List(const std::string& dir,
                                                                 bool remove_temporary) {
  std::vector<std::pair<uint64_t, std::string>> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind(kPrefix, 0) != 0) continue;
    if (remove_temporary && name.size() > kTmpSuffix.size() &&
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

absl::StatusOr<uint64_t> SnapshotFile::Write(const std::string& dir, const Source& source) {
  const ProjectionState& state = source.state;
  std::string meta, proposals, realizations;
  ByteWriter m(&meta);
  m.Str(source.plan_id);
  m.Signed(state.plan.version());

  ByteWriter p(&proposals);
  p.Varint(state.proposals.all().size());
  for (const auto& [id, proposal] : state.proposals.all()) SnapshotCodec::Put(p, proposal);

  ByteWriter r(&realizations);
  r.Varint(state.realizations.version());
  r.Varint(state.realizations.records().size());
  for (const RealizationRecord& rec : state.realizations.records()) SnapshotCodec::Put(r, rec);

  std::string merkle_bytes;
  if (source.merkle_levels != nullptr) {
    const std::vector<std::vector<merkle::Hash>>& levels = *source.merkle_levels;
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

  std::vector<std::pair<Section, const std::string*>> sections = {
      {kMeta, &meta}, {kProposals, &proposals}, {kRealizations, &realizations}};
  if (source.merkle_levels != nullptr) sections.emplace_back(kMerkle, &merkle_bytes);
  std::string header(kMagic, sizeof(kMagic));
  PutU32(&header, kFormatVersion);
  PutU32(&header, static_cast<uint32_t>(sections.size()));
  PutU64(&header, state.sequence);
  header += source.event_hash;
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

  std::error_code ec;
  fs::create_directories(dir, ec);
  // UNAVAILABLE, as WriteFileDurably reports the rest of the write's I/O failures.
  if (ec) return absl::UnavailableError(absl::StrCat("create ", dir, ": ", ec.message()));
  std::vector<std::string_view> pieces = {header, table};
  for (const auto& [kind, bytes] : sections) pieces.emplace_back(*bytes);
  RENSTRA_RETURN_IF_ERROR(WriteFileDurably(PathFor(dir, state.sequence), pieces, 0600));
  return offset;
}

absl::StatusOr<SnapshotFile> SnapshotFile::Open(const std::string& path) {
  SnapshotFile file;
  file.path_ = path;
  file.fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (file.fd_ < 0) return Errno("open", path);
  char header[kHeaderSize];
  RENSTRA_RETURN_IF_ERROR(PreadAll(file.fd_, header, kHeaderSize, 0, path));
  if (std::memcmp(header, kMagic, sizeof(kMagic)) != 0) return Corrupt(path, "not a snapshot");
  const uint32_t version = GetU32(header + 16);
  if (version != kFormatVersion) {
    return absl::FailedPreconditionError(absl::StrCat(
        path, ": format version ", version, ", this server reads version ", kFormatVersion));
  }
  const uint32_t count = GetU32(header + 20);
  file.sequence_ = GetU64(header + 24);
  file.event_hash_.assign(header + 32, 32);
  const std::string table_sha(header + 64, 32);
  if (count == 0 || count > kMaxSections) return Corrupt(path, "bad section count");
  std::string table(count * kEntrySize, '\0');
  RENSTRA_RETURN_IF_ERROR(PreadAll(file.fd_, table.data(), table.size(), kHeaderSize, path));
  if (Sha256(std::string(header, 64) + table) != table_sha) {
    return Corrupt(path, "header checksum mismatch");
  }
  const off_t file_size = ::lseek(file.fd_, 0, SEEK_END);
  file.entries_.resize(count);
  for (uint32_t i = 0; i < count; ++i) {
    const char* p = table.data() + i * kEntrySize;
    Entry& e = file.entries_[i];
    e = Entry{GetU32(p), GetU64(p + 8), GetU64(p + 16), std::string(p + 24, 32)};
    if (e.offset > static_cast<uint64_t>(file_size) ||
        e.length > static_cast<uint64_t>(file_size) - e.offset) {
      return Corrupt(path, "truncated");
    }
  }
  if (file.sequence_ == 0) return Corrupt(path, "covers no event");
  return file;
}

SnapshotFile::SnapshotFile(SnapshotFile&& other) noexcept
    : path_(std::move(other.path_)),
      fd_(std::exchange(other.fd_, -1)),
      sequence_(other.sequence_),
      event_hash_(std::move(other.event_hash_)),
      entries_(std::move(other.entries_)) {}

SnapshotFile& SnapshotFile::operator=(SnapshotFile&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    path_ = std::move(other.path_);
    fd_ = std::exchange(other.fd_, -1);
    sequence_ = other.sequence_;
    event_hash_ = std::move(other.event_hash_);
    entries_ = std::move(other.entries_);
  }
  return *this;
}

SnapshotFile::~SnapshotFile() {
  if (fd_ >= 0) ::close(fd_);
}

absl::StatusOr<SnapshotContents> SnapshotFile::Read(const std::string& plan_id) const {
  const std::string& path = path_;
  const Entry* sections[kMerkle + 1] = {};
  for (const Entry& e : entries_) {
    if (e.kind < kMeta || e.kind > kMerkle || e.kind == 4 || sections[e.kind] != nullptr) {
      return Corrupt(path, absl::StrCat("unknown or repeated section ", e.kind));
    }
    sections[e.kind] = &e;
  }
  for (uint32_t k = kMeta; k <= kRealizations; ++k) {
    if (sections[k] == nullptr) return Corrupt(path, absl::StrCat("section ", k, " missing"));
  }
  SnapshotContents out;
  out.sequence = sequence_;
  {
    RENSTRA_ASSIGN_OR_RETURN(std::string meta, ReadSection(fd_, *sections[kMeta], path));
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

  // The big sections in parallel, each with its own buffer, freed once decoded.
  absl::Status proposals_status, realizations_status;
  std::thread proposals([&] {
    absl::StatusOr<std::string> bytes = ReadSection(fd_, *sections[kProposals], path);
    proposals_status = bytes.ok() ? DecodeProposals(*bytes, &out.proposals) : bytes.status();
  });
  std::thread realizations([&] {
    absl::StatusOr<std::string> bytes = ReadSection(fd_, *sections[kRealizations], path);
    realizations_status =
        bytes.ok() ? DecodeRealizations(*bytes, &out.realizations) : bytes.status();
  });
  absl::Status rest = [&]() -> absl::Status {
    if (sections[kMerkle] != nullptr) {
      RENSTRA_ASSIGN_OR_RETURN(merkle::MerkleTree tree, ReadMerkle(fd_, *sections[kMerkle], path));
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

}  // namespace renstra
