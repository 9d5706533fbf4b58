#include "clients/cli_output.h"

#include <google/protobuf/util/json_util.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "clients/terminal_text.h"

namespace renstra {

int Fail(const std::string& message, int code) {
  // Messages quote values from the server and the command line: no control character
  // reaches the terminal (terminal_text.h).
  std::cerr << PrintableLines(message, "") << std::endl;
  return code;
}

int PrintJson(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  std::string json;
  if (!google::protobuf::util::MessageToJsonString(message, &json, options).ok()) {
    return Fail("renstra: cannot render the answer as JSON");
  }
  std::cout << json;
  if (json.empty() || json.back() != '\n') std::cout << "\n";
  return kExitOk;
}

namespace {

bool ToStdout(const std::string& output) { return output.empty() || output == "-"; }

}  // namespace

std::optional<int> RefuseBinaryOnTerminal(const std::string& output, const std::string& format) {
  if (!ToStdout(output) || isatty(STDOUT_FILENO) == 0) return std::nullopt;
  return Fail("renstra: --format " + format + " writes a binary " +
                  (format == "xlsx" ? "workbook" : "document") +
                  ", not text for the terminal: give --output FILE." + format +
                  " (or redirect stdout to a file)",
              kExitUsage);
}

std::optional<int> RefuseXlsxOnTerminal(const std::string& output) {
  return RefuseBinaryOnTerminal(output, "xlsx");
}

int EmitXlsx(const std::vector<XlsxSheet>& sheets, const std::string& output,
             const std::string& what) {
  if (!ToStdout(output)) {
    absl::Status status = WriteXlsx(sheets, output);
    if (!status.ok()) return Fail("renstra: " + std::string(status.message()));
    std::cerr << "renstra: " << what << " ditulis ke " << output << std::endl;
    return kExitOk;
  }
  if (std::optional<int> refused = RefuseXlsxOnTerminal(output)) return *refused;
  const char* dir = std::getenv("TMPDIR");
  std::string path =
      std::string(dir != nullptr && *dir != '\0' ? dir : "/tmp") + "/renstra-XXXXXX.xlsx";
  const int fd = mkstemps(path.data(), 5);
  if (fd < 0) return Fail("renstra: cannot create a temporary file in " + path);
  close(fd);
  absl::Status status = WriteXlsx(sheets, path);
  if (status.ok()) {
    std::ifstream in(path, std::ios::binary);
    std::cout << in.rdbuf() << std::flush;
    if (!in || !std::cout) status = absl::InternalError("cannot copy the workbook to stdout");
  }
  std::remove(path.c_str());
  if (!status.ok()) return Fail("renstra: " + std::string(status.message()));
  return kExitOk;
}

}  // namespace renstra
