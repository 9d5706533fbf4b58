#include "storage/rocksdb_status.h"

#include "absl/strings/str_cat.h"

namespace renstra {

absl::Status FromRocksDb(const rocksdb::Status& status, std::string_view context) {
  if (status.ok()) return absl::OkStatus();
  std::string message =
      absl::StrCat(absl::string_view(context.data(), context.size()), ": ", status.ToString());
  if (status.IsIOError() || status.IsNoSpace()) {
    return absl::UnavailableError(message);
  }
  if (status.IsCorruption()) return absl::DataLossError(message);
  return absl::InternalError(message);
}

}  // namespace renstra
