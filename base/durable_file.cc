#include "base/durable_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace renstra {
namespace {

// The policy of the header: UNAVAILABLE, "<operation> <path>: <strerror>". `error` is
// passed explicitly because a cleanup call (close, unlink) may overwrite errno first.
absl::Status IoError(std::string_view operation, const std::string& path, int error) {
  std::string message(operation);
  message += ' ';
  message += path;
  message += ": ";
  message += std::strerror(error);
  return absl::UnavailableError(message);
}

absl::Status WriteAll(int fd, std::string_view bytes, const std::string& path) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return IoError("write", path, errno);
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return absl::OkStatus();
}

// Creates `tmp`, writes and fsyncs it. On error the file may exist; the caller removes it.
absl::Status WriteTemporary(const std::string& tmp, std::span<const std::string_view> pieces,
                            mode_t mode) {
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
  if (fd < 0) return IoError("create", tmp, errno);
  absl::Status status = absl::OkStatus();
  if (::fchmod(fd, mode) != 0) status = IoError("chmod", tmp, errno);
  for (std::string_view piece : pieces) {
    if (!status.ok()) break;
    status = WriteAll(fd, piece, tmp);
  }
  if (status.ok() && ::fsync(fd) != 0) status = IoError("fsync", tmp, errno);
  if (::close(fd) != 0 && status.ok()) status = IoError("close", tmp, errno);
  return status;
}

}  // namespace

std::string DirectoryOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

absl::Status SyncDirectory(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return IoError("open directory", dir, errno);
  const bool synced = ::fsync(fd) == 0;
  const int error = errno;
  ::close(fd);
  if (!synced) return IoError("fsync directory", dir, error);
  return absl::OkStatus();
}

absl::Status WriteFileDurably(const std::string& path, std::span<const std::string_view> pieces,
                              mode_t mode, IfExists if_exists) {
  const std::string tmp = path + ".tmp";
  // A .tmp left by a process killed in an earlier write (or anything else put there):
  // removed, so that O_EXCL below creates a fresh regular file.
  if (::unlink(tmp.c_str()) != 0 && errno != ENOENT) return IoError("remove", tmp, errno);
  absl::Status status = WriteTemporary(tmp, pieces, mode);
  if (status.ok()) {
    if (if_exists == IfExists::kReplace) {
      if (::rename(tmp.c_str(), path.c_str()) != 0) status = IoError("rename to", path, errno);
    } else if (::link(tmp.c_str(), path.c_str()) != 0) {
      status = errno == EEXIST ? absl::AlreadyExistsError(path + " already exists")
                               : IoError("link to", path, errno);
    }
  }
  // After a rename there is no tmp left; after a link, or a failure, there is.
  if (!status.ok() || if_exists == IfExists::kFail) ::unlink(tmp.c_str());
  if (!status.ok()) return status;
  return SyncDirectory(DirectoryOf(path));
}

absl::Status WriteFileDurably(const std::string& path, std::string_view bytes, mode_t mode,
                              IfExists if_exists) {
  return WriteFileDurably(path, std::span<const std::string_view>(&bytes, 1), mode, if_exists);
}

}  // namespace renstra
