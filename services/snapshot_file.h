// SnapshotFile: the on-disk format of a snapshot (services/snapshotter.h) and its file
// I/O — writing one durably, opening one and checking its header, reading and checking
// its sections. It knows nothing of when snapshots are taken, which one a start-up uses
// or how many are kept: that is the Snapshotter's.
//
// File: DIR/snapshot-<S, 20 digits>.snap, where S is the last event it covers. Layout
// (little-endian): a 96-byte header (magic, format version, section count, S, chain
// hash of event S, SHA-256 of the header's first 64 bytes and the section table), the
// section table (kind, offset, length, SHA-256 of the section), the sections: meta (plan
// id, plan version), proposals, realizations (snapshot_codec.h) and, optionally, the
// Merkle tree's levels over events 1..S.
//
// Writing is base/durable_file.h's WriteFileDurably: DIR/snapshot-<S>.snap.tmp, fsynced,
// renamed, and the directory fsynced, so a crash leaves either the old set of snapshots
// or the new one (List() removes leftover .tmp files when asked).
//
// Errors: Write() returns UNAVAILABLE naming the operation, the path and errno text (the
// policy of base/durable_file.h); Open() and Read()
// return DATA_LOSS for a file that is not a snapshot, truncated or fails a checksum,
// FAILED_PRECONDITION for another format version or another plan, INTERNAL when the
// file cannot be opened or read.
// Thread safety: Write(), List() and PathFor() are thread-safe; one SnapshotFile is
// read by one thread at a time (Read() itself reads the big sections in parallel, with
// pread on the one descriptor).
#ifndef RENSTRA_SERVICES_SNAPSHOT_FILE_H_
#define RENSTRA_SERVICES_SNAPSHOT_FILE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "audit/merkle_tree.h"
#include "domain/proposal_state.h"
#include "domain/realization_book.h"
#include "services/projector.h"

namespace renstra {

// What Read() gives back. The plan is not in a snapshot (see snapshotter.h): only the
// version it had at S, to check the plan rebuilt from the log against.
struct SnapshotContents {
  uint64_t sequence = 0;
  int64_t plan_version = 0;
  ProposalBook proposals;
  RealizationBook realizations;
  std::optional<merkle::MerkleTree> tree;  // when the file has the Merkle section
};

class SnapshotFile {
 public:
  // Changes whenever the layout or a model's encoding (snapshot_codec.h) changes.
  // 3: a realization record carries its quarter (triwulan records).
  static constexpr uint32_t kFormatVersion = 3;

  // What Write() stores: `state`'s proposals, realizations and plan version at
  // state.sequence, whose chain hash is `event_hash`; the Merkle levels if not null.
  struct Source {
    const std::string& plan_id;
    const ProjectionState& state;
    const std::string& event_hash;
    const std::vector<std::vector<merkle::Hash>>* merkle_levels = nullptr;
  };

  // DIR/snapshot-<sequence>.snap.
  static std::string PathFor(const std::string& dir, uint64_t sequence);
  // The snapshots in `dir` as (S, path), newest first; a missing directory has none.
  // With `remove_temporary`, removes the .tmp files an interrupted Write() left.
  static std::vector<std::pair<uint64_t, std::string>> List(const std::string& dir,
                                                            bool remove_temporary);

  // Writes PathFor(dir, source.state.sequence) durably (creating `dir` if missing) and
  // returns its size in bytes.
  static absl::StatusOr<uint64_t> Write(const std::string& dir, const Source& source);

  // Opens `path` and checks the header: magic, format version, section table checksum,
  // sections within the file, S > 0. Reads no section.
  static absl::StatusOr<SnapshotFile> Open(const std::string& path);

  SnapshotFile(SnapshotFile&& other) noexcept;
  SnapshotFile& operator=(SnapshotFile&& other) noexcept;
  SnapshotFile(const SnapshotFile&) = delete;
  SnapshotFile& operator=(const SnapshotFile&) = delete;
  ~SnapshotFile();

  const std::string& path() const { return path_; }
  // S, the last event covered, and its chain hash (SHA-256 of its serialization).
  uint64_t sequence() const { return sequence_; }
  const std::string& event_hash() const { return event_hash_; }

  // Reads every section, checks its checksum and decodes it. FAILED_PRECONDITION when
  // the snapshot is of another plan than `plan_id`.
  absl::StatusOr<SnapshotContents> Read(const std::string& plan_id) const;

  struct Entry {
    uint32_t kind = 0;
    uint64_t offset = 0;
    uint64_t length = 0;
    std::string sha;  // 32 bytes
  };

 private:
  SnapshotFile() = default;

  std::string path_;
  int fd_ = -1;
  uint64_t sequence_ = 0;
  std::string event_hash_;
  std::vector<Entry> entries_;
};

}  // namespace renstra

#endif  // RENSTRA_SERVICES_SNAPSHOT_FILE_H_
