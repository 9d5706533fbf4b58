// base/durable_file.h: writing a whole file so that a crash or power loss leaves either
// the old contents or the new, never a partial file, and the new name survives.
//
// The one implementation of "write a temporary file, fsync it, move it into place, fsync
// the directory" (snapshots, the record of acknowledged events, the signing key) and of
// the directory fsync that makes a rename durable (backup restore).
//
// Error policy (every function here): a failing system call returns UNAVAILABLE, the
// code storage/ gives RocksDB's I/O errors, so a disk fault reads the same wherever it
// happens. The message names the operation, the path it was applied to and strerror:
//   "create /srv/renstra/snapshots/snapshot-00000000000000000042.snap.tmp: No such file or
//   directory" "rename to /srv/renstra/key.pem: Is a directory" "fsync directory /srv/renstra:
//   Input/output error"
// The one other code: ALREADY_EXISTS when IfExists::kFail finds `path` taken. On any
// error the temporary file is removed and `path` is as it was.
//
// Thread safety: the functions are safe to call from any thread, but two writers of the
// same `path` at once would share its temporary file; callers serialize them.
#ifndef RENSTRA_BASE_DURABLE_FILE_H_
#define RENSTRA_BASE_DURABLE_FILE_H_

#include <sys/types.h>

#include <span>
#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace renstra {

// What WriteFileDurably does when `path` already exists.
enum class IfExists {
  kReplace,  // Atomically replace it (rename).
  kFail,     // Leave it and return ALREADY_EXISTS (link, which never replaces, nor
             // follows a symlink planted at `path`).
};

// Writes `pieces` in order (no copy into one buffer) to `path` with exactly permission
// bits `mode` (set after creation, so the umask does not change them). The data go to
// `path` + ".tmp" first (a stale one is removed; created with O_EXCL, so a planted
// symlink is not followed), which is fsynced and moved to `path`; then the directory
// holding `path` is fsynced. The directory must exist. A process killed part-way leaves
// at most the .tmp file, which the next write of the same path replaces.
absl::Status WriteFileDurably(const std::string& path, std::span<const std::string_view> pieces,
                              mode_t mode, IfExists if_exists = IfExists::kReplace);

// The same for one piece.
absl::Status WriteFileDurably(const std::string& path, std::string_view bytes, mode_t mode,
                              IfExists if_exists = IfExists::kReplace);

// fsync() of directory `dir`, which makes a rename, a new or a removed entry in it
// durable. Errors: "open directory DIR: ..." or "fsync directory DIR: ...", UNAVAILABLE.
absl::Status SyncDirectory(const std::string& dir);

// The directory holding `path` ("." for a bare name), as SyncDirectory wants it.
std::string DirectoryOf(const std::string& path);

}  // namespace renstra

#endif  // RENSTRA_BASE_DURABLE_FILE_H_
