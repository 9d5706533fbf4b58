#include "workbook/zip_archive.h"

#include <zip.h>

#include "absl/strings/str_cat.h"

namespace renstra {
namespace {

std::string ZipErrorText(zip_error_t* error) {
  const char* text = zip_error_strerror(error);
  return text == nullptr ? "unknown error" : text;
}

// "32 MiB" for bounds that are whole MiB, else the bytes.
std::string Bytes(int64_t n) {
  if (n >= (1 << 20) && n % (1 << 20) == 0) return absl::StrCat(n >> 20, " MiB");
  return absl::StrCat(n, " bytes");
}

}  // namespace

absl::StatusOr<std::unique_ptr<ZipArchive>> ZipArchive::Open(std::string_view bytes,
                                                             const ZipLimits& limits) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    const std::string why = ZipErrorText(&error);
    zip_error_fini(&error);
    return absl::InvalidArgumentError(absl::StrCat("workbook: not a zip archive (", why, ")"));
  }
  // ZIP_CHECKCONS: the central directory must agree with the local headers; an archive
  // patched to hide an entry's real size is refused here.
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (archive == nullptr) {
    zip_source_free(source);
    const std::string why = ZipErrorText(&error);
    zip_error_fini(&error);
    return absl::InvalidArgumentError(
        absl::StrCat("workbook: not a readable .xlsx file: not a zip archive (", why, ")"));
  }
  zip_error_fini(&error);
  auto out = std::unique_ptr<ZipArchive>(new ZipArchive(archive, limits));
  const zip_int64_t entries = zip_get_num_entries(archive, 0);
  if (entries > limits.max_entries) {
    return absl::ResourceExhaustedError(absl::StrCat("workbook: the archive has ", entries,
                                                     " entries, more than the limit of ",
                                                     limits.max_entries));
  }
  return out;
}

ZipArchive::~ZipArchive() { zip_discard(archive_); }

bool ZipArchive::Has(const std::string& name) const {
  return zip_name_locate(archive_, name.c_str(), 0) >= 0;
}

absl::StatusOr<std::string> ZipArchive::Read(const std::string& name) {
  const zip_int64_t index = zip_name_locate(archive_, name.c_str(), 0);
  if (index < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("workbook: not a readable .xlsx file: it has no ", name));
  }
  zip_file_t* file = zip_fopen_index(archive_, static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat("workbook: cannot read ", name, " (", zip_strerror(archive_), ")"));
  }
  std::string out;
  char buffer[64 * 1024];
  while (true) {
    const zip_int64_t n = zip_fread(file, buffer, sizeof buffer);
    if (n < 0) {
      const std::string why = ZipErrorText(zip_file_get_error(file));
      zip_fclose(file);
      return absl::InvalidArgumentError(
          absl::StrCat("workbook: cannot read ", name, " (", why, ")"));
    }
    if (n == 0) break;
    out.append(buffer, static_cast<size_t>(n));
    total_read_ += n;
    // Stop as soon as a bound is passed: what is left is never inflated.
    if (static_cast<int64_t>(out.size()) > limits_.max_entry_bytes) {
      zip_fclose(file);
      return absl::ResourceExhaustedError(
          absl::StrCat("workbook: ", name, " inflates to more than ",
                       Bytes(limits_.max_entry_bytes), ", the limit of one part of a workbook"));
    }
    if (total_read_ > limits_.max_total_bytes) {
      zip_fclose(file);
      return absl::ResourceExhaustedError(
          absl::StrCat("workbook: its parts inflate to more than ", Bytes(limits_.max_total_bytes),
                       " in all (at ", name, "), the limit of a workbook"));
    }
  }
  // zip_fclose reports a CRC mismatch found at the end of the entry.
  const int closed = zip_fclose(file);
  if (closed != 0) {
    zip_error_t error;
    zip_error_init_with_code(&error, closed);
    const std::string why = ZipErrorText(&error);
    zip_error_fini(&error);
    return absl::InvalidArgumentError(absl::StrCat("workbook: cannot read ", name, " (", why, ")"));
  }
  return out;
}

}  // namespace renstra
