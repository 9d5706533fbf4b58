#include "clients/web/report_files.h"

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "base/json_text.h"
#include "clients/pdf_renderer.h"
#include "clients/print_layout.h"
#include "clients/xlsx_sheets.h"
#include "clients/xlsx_writer.h"

namespace renstra::web {
namespace {

std::string JsonStrings(const std::vector<std::string>& cells) {
  std::string out = "[";
  for (size_t i = 0; i < cells.size(); ++i) {
    absl::StrAppend(&out, i == 0 ? "" : ",", JsonQuote(cells[i]));
  }
  return out + "]";
}

// A private directory under $TMPDIR (or /tmp), removed with everything in it when the
// object goes.
class TempDir {
 public:
  TempDir() {
    const char* tmp = std::getenv("TMPDIR");
    std::string templ =
        std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/renstra-web-XXXXXX";
    if (mkdtemp(templ.data()) != nullptr) path_ = templ;
  }
  ~TempDir() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

absl::StatusOr<std::string> ReadBack(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) return absl::InternalError("cannot read back " + path);
  return bytes.str();
}

}  // namespace

std::string ReportTableJson(const ReportTable& table) {
  std::string rows = "[";
  for (size_t i = 0; i < table.rows.size(); ++i) {
    absl::StrAppend(&rows, i == 0 ? "" : ",", JsonStrings(table.rows[i]));
  }
  rows += "]";
  return absl::StrCat("{\"title\":", JsonQuote(table.title),
                      ",\"sheet\":", JsonQuote(table.sheet_name),
                      ",\"header\":", JsonStrings(table.header),
                      ",\"headerGroup\":", JsonStrings(table.header_group),
                      ",\"headerSub\":", JsonStrings(table.header_sub), ",\"rows\":", rows,
                      ",\"depth\":[", absl::StrJoin(table.depth, ","), "]}");
}

std::string ReportFileName(const ReportTable& table, int year, const std::string& format) {
  std::string stem = absl::StrReplaceAll(table.sheet_name, {{" ", "-"}});
  const std::string y = std::to_string(year);
  if (year > 0 && stem.find(y) == std::string::npos) absl::StrAppend(&stem, "-", y);
  return absl::StrCat(stem, ".", format);
}

absl::StatusOr<ReportFile> RenderReportFile(const ReportTable& table, int year,
                                            const std::string& format) {
  ReportFile file;
  file.filename = ReportFileName(table, year, format);
  if (format == "csv") {
    std::ostringstream out;
    PrintDelimited(table, ',', out);
    file.bytes = out.str();
    file.content_type = "text/csv; charset=utf-8";
    return file;
  }
  if (format != "xlsx" && format != "pdf") {
    return absl::InvalidArgumentError(
        absl::StrCat("format: \"", format, "\" is not one of csv, xlsx, pdf"));
  }
  TempDir dir;
  if (dir.path().empty()) return absl::InternalError("cannot create a temporary directory");
  const std::string path = dir.path() + "/" + file.filename;
  const XlsxSheet sheet = ReportSheet(table);
  absl::Status written = format == "xlsx" ? WriteXlsx({sheet}, path)
                                          : RenderPdf(RenderPrintHtml(sheet, PrintOptions{}), path);
  if (!written.ok()) return written;
  absl::StatusOr<std::string> bytes = ReadBack(path);
  if (!bytes.ok()) return bytes.status();
  file.bytes = *std::move(bytes);
  file.content_type = format == "xlsx"
                          ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                          : "application/pdf";
  return file;
}

}  // namespace renstra::web
