#include "storage/acknowledged_head.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "base/durable_file.h"
#include "base/status_macros.h"
#include "storage/envelope_hash.h"
#include "storage/rocksdb_layout.h"

namespace renstra {
namespace {

constexpr char kMagic[] = "RNSTRACK";
constexpr size_t kMagicSize = 8;
constexpr size_t kBodySize = kMagicSize + 8 + kHashSize;  // 48
constexpr size_t kSlotSize = kBodySize + 8;               // 56
constexpr off_t kSlotOffset[2] = {0, 512};

absl::Status Errno(const std::string& what, const std::string& path) {
  // An I/O failure, as FromRocksDb maps RocksDB's IOError: UNAVAILABLE.
  return absl::UnavailableError(absl::StrCat(what, " ", path, ": ", std::strerror(errno)));
}

std::string EncodeSlot(const ChainHead& head) {
  std::string slot(kMagic, kMagicSize);
  slot += layout::EncodeU64(head.sequence);
  slot += head.hash;
  slot += Sha256(slot).substr(0, 8);
  return slot;
}

std::optional<ChainHead> DecodeSlot(std::string_view slot) {
  if (slot.size() != kSlotSize || slot.substr(0, kMagicSize) != std::string_view(kMagic, 8)) {
    return std::nullopt;
  }
  if (Sha256(slot.substr(0, kBodySize)).substr(0, 8) != slot.substr(kBodySize)) {
    return std::nullopt;
  }
  return ChainHead{*layout::DecodeU64(slot.substr(kMagicSize, 8)),
                   std::string(slot.substr(kMagicSize + 8, kHashSize))};
}

absl::Status PwriteAll(int fd, const std::string& bytes, off_t offset, const std::string& path) {
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n =
        ::pwrite(fd, bytes.data() + done, bytes.size() - done, offset + static_cast<off_t>(done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Errno("write", path);
    done += static_cast<size_t>(n);
  }
  return absl::OkStatus();
}

// The newer valid slot of the open file `fd`.
absl::StatusOr<ChainHead> ReadSlots(int fd, const std::string& path, int* newer) {
  std::optional<ChainHead> best;
  for (int i = 0; i < 2; ++i) {
    std::string slot(kSlotSize, '\0');
    const ssize_t n = ::pread(fd, slot.data(), slot.size(), kSlotOffset[i]);
    if (n < 0) return Errno("read", path);
    slot.resize(static_cast<size_t>(n));
    std::optional<ChainHead> head = DecodeSlot(slot);
    if (head.has_value() && (!best.has_value() || head->sequence > best->sequence)) {
      best = std::move(head);
      *newer = i;
    }
  }
  if (!best.has_value()) {
    return absl::DataLossError(
        absl::StrCat(path, ": the record of acknowledged events is unreadable (no valid slot)"));
  }
  return *best;
}

}  // namespace

absl::StatusOr<std::unique_ptr<AcknowledgedHead>> AcknowledgedHead::Open(const std::string& path) {
  std::unique_ptr<AcknowledgedHead> out(new AcknowledgedHead(path));
  absl::MutexLock lock(&out->mu_);
  out->fd_ = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
  if (out->fd_ < 0) {
    if (errno == ENOENT) return out;
    return Errno("open", path);
  }
  int newer = 0;
  RENSTRA_ASSIGN_OR_RETURN(ChainHead head, ReadSlots(out->fd_, path, &newer));
  out->recorded_ = std::move(head);
  out->next_slot_ = 1 - newer;
  return out;
}

absl::StatusOr<std::optional<ChainHead>> AcknowledgedHead::Read(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return std::nullopt;
    return Errno("open", path);
  }
  int newer = 0;
  absl::StatusOr<ChainHead> head = ReadSlots(fd, path, &newer);
  ::close(fd);
  if (!head.ok()) return head.status();
  return std::optional<ChainHead>(*std::move(head));
}

AcknowledgedHead::~AcknowledgedHead() {
  absl::MutexLock lock(&mu_);
  if (fd_ >= 0) {
    if (dirty_) ::fdatasync(fd_);  // A clean close leaves the record durable.
    ::close(fd_);
  }
}

std::optional<ChainHead> AcknowledgedHead::recorded() const {
  absl::MutexLock lock(&mu_);
  return recorded_;
}

absl::Status AcknowledgedHead::CreateLocked(const ChainHead& head) {
  // Both slots hold the first head; the gap between them reads as zeros (no valid slot).
  const std::string slot = EncodeSlot(head);
  std::string bytes = slot;
  bytes.resize(static_cast<size_t>(kSlotOffset[1]), '\0');
  bytes += slot;
  RENSTRA_RETURN_IF_ERROR(WriteFileDurably(path_, bytes, 0600));
  const int fd = ::open(path_.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0) return Errno("open", path_);
  fd_ = fd;
  next_slot_ = 0;
  dirty_ = false;
  return absl::OkStatus();
}

absl::Status AcknowledgedHead::Record(const ChainHead& head, bool sync) {
  absl::MutexLock lock(&mu_);
  if (fd_ < 0) {
    RENSTRA_RETURN_IF_ERROR(CreateLocked(head));
    recorded_ = head;
    return absl::OkStatus();
  }
  if (recorded_.has_value() && head.sequence < recorded_->sequence) {
    // A lower record (an accepted loss) replaces both slots: Open() takes the higher one.
    const std::string slot = EncodeSlot(head);
    RENSTRA_RETURN_IF_ERROR(PwriteAll(fd_, slot, kSlotOffset[0], path_));
    RENSTRA_RETURN_IF_ERROR(PwriteAll(fd_, slot, kSlotOffset[1], path_));
    next_slot_ = 0;
    sync = true;
  } else {
    RENSTRA_RETURN_IF_ERROR(PwriteAll(fd_, EncodeSlot(head), kSlotOffset[next_slot_], path_));
    next_slot_ = 1 - next_slot_;
  }
  recorded_ = head;
  dirty_ = true;
  if (sync) {
    if (::fdatasync(fd_) != 0) return Errno("fdatasync", path_);
    dirty_ = false;
  }
  return absl::OkStatus();
}

absl::Status AcknowledgedHead::Sync() {
  absl::MutexLock lock(&mu_);
  if (fd_ < 0 || !dirty_) return absl::OkStatus();
  if (::fdatasync(fd_) != 0) return Errno("fdatasync", path_);
  dirty_ = false;
  return absl::OkStatus();
}

absl::Status CompareWithAcknowledged(const std::string& dir, const std::string& record_path,
                                     const std::optional<ChainHead>& recorded,
                                     const ChainHead& head,
                                     const std::optional<std::string>& hash_at,
                                     std::optional<uint64_t> accept, const std::string& kept_wal,
                                     const std::string& rocksdb_error,
                                     std::optional<AcceptedLoss>* accepted) {
  if (!recorded.has_value() || recorded->sequence == 0) return absl::OkStatus();
  std::string lost;
  if (head.sequence < recorded->sequence) {
    const uint64_t missing = recorded->sequence - head.sequence;
    lost =
        absl::StrCat(missing, missing == 1 ? " acknowledged event is" : " acknowledged events are",
                     " missing, from event ", head.sequence + 1, " to ", recorded->sequence,
                     ": the log ends at event ", head.sequence, ", but events up to ",
                     recorded->sequence, " were acknowledged (recorded in ", record_path, ")");
  } else if (!hash_at.has_value()) {
    lost = absl::StrCat("event ", recorded->sequence,
                        ": missing, though acknowledged (recorded in ", record_path, ")");
  } else if (*hash_at != recorded->hash) {
    lost = absl::StrCat("event ", recorded->sequence,
                        ": its hash differs from the one acknowledged (recorded in ", record_path,
                        ")");
  }
  if (lost.empty()) return absl::OkStatus();
  if (accept.has_value() && *accept == head.sequence) {
    *accepted = AcceptedLoss{*recorded, head, kept_wal};
    return absl::OkStatus();
  }
  if (accept.has_value()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "open ", dir, ": accept_log_loss: ", *accept, ", but the log now ends at event ",
        head.sequence, " (", lost, "); give that exact head to accept the loss"));
  }
  return absl::DataLossError(absl::StrCat(
      "open ", dir, ": ", lost,
      rocksdb_error.empty() ? std::string() : absl::StrCat("; RocksDB reported: ", rocksdb_error),
      kept_wal.empty() ? std::string()
                       : absl::StrCat("; the write-ahead log as found is kept in ", kept_wal),
      "; restore a backup, or serve the log as it is with --accept_log_loss=", head.sequence));
}

}  // namespace renstra
