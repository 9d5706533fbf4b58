// ZipArchive: the entries of a zip archive held in memory (an uploaded .xlsx), read
// through Debian's libzip with bounds, so that a hostile archive (a "zip bomb": a few
// kilobytes that inflate to gigabytes, or millions of entries) costs no more than the
// bounds allow.
//
// The bounds are checked on the bytes actually inflated, never on the sizes the archive
// declares (a forged header can declare anything): an entry is read until it ends or
// passes its bound, whichever comes first.
//
// Errors: INVALID_ARGUMENT "workbook: ..." when the bytes are not a readable zip archive
// (not a zip, truncated, a CRC or inflate error, encrypted, an entry missing);
// RESOURCE_EXHAUSTED "workbook: ..." when the archive has more entries than allowed or
// an entry, or all entries read so far, inflate beyond their bound. Each message names
// the entry and the bound.
//
// Ownership: the archive keeps a pointer to the caller's bytes, which must outlive it.
// Thread safety: not thread-safe (libzip's handle is not); use one per request.
#ifndef RENSTRA_WORKBOOK_ZIP_ARCHIVE_H_
#define RENSTRA_WORKBOOK_ZIP_ARCHIVE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

struct zip;

namespace renstra {

struct ZipLimits {
  // Entries in the archive's directory. An .xlsx of one table has about a dozen.
  int64_t max_entries = 1000;
  // Inflated bytes of one entry, and of all entries read from one archive.
  int64_t max_entry_bytes = 32LL << 20;
  int64_t max_total_bytes = 64LL << 20;
};

class ZipArchive {
 public:
  // Opens the archive in `bytes` (kept by pointer, not copied).
  static absl::StatusOr<std::unique_ptr<ZipArchive>> Open(std::string_view bytes,
                                                          const ZipLimits& limits = {});
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  // Whether the archive holds an entry of that name (e.g. "xl/workbook.xml").
  bool Has(const std::string& name) const;
  // The inflated content of entry `name`; INVALID_ARGUMENT when absent or unreadable,
  // RESOURCE_EXHAUSTED past a bound.
  absl::StatusOr<std::string> Read(const std::string& name);

 private:
  ZipArchive(zip* archive, const ZipLimits& limits) : archive_(archive), limits_(limits) {}

  zip* archive_;
  ZipLimits limits_;
  int64_t total_read_ = 0;
};

}  // namespace renstra

#endif  // RENSTRA_WORKBOOK_ZIP_ARCHIVE_H_
