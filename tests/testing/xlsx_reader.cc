#include "tests/testing/xlsx_reader.h"

#include <cstdio>
#include <sstream>

namespace renstra::testing {
namespace {

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, '\t')) out.push_back(field);
  return out;
}

// A JSON string's or number's text as the tests compare it: strings unquoted with their
// common escapes read, numbers as printed.
std::string JsonValue(const std::string& json) {
  if (json.empty() || json[0] != '"') return json;
  std::string out;
  for (size_t i = 1; i + 1 < json.size(); ++i) {
    if (json[i] != '\\') {
      out += json[i];
      continue;
    }
    const char e = json[++i];
    out += e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e;
  }
  return out;
}

}  // namespace

XlsxBook ReadXlsx(const std::string& path) {
  XlsxBook book;
  const std::string command =
      std::string(RENSTRA_PYTHON3) + " " + RENSTRA_XLSX_DUMP + " '" + path + "' 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) {
    book.error = "cannot run " + command;
    return book;
  }
  std::string text;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof(buffer), pipe)) > 0) text.append(buffer, n);
  if (pclose(pipe) != 0) {
    book.error = command + " failed: " + text;
    return book;
  }
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    const std::vector<std::string> f = SplitTabs(line);
    if (f.size() < 2) continue;
    XlsxSheetDump& sheet = book.sheet[f[1]];
    if (f[0] == "sheet") {
      book.sheets.push_back(f[1]);
    } else if (f[0] == "freeze" && f.size() == 3) {
      sheet.freeze = f[2];
    } else if (f[0] == "merged" && f.size() == 3) {
      sheet.merged.push_back(f[2]);
    } else if (f[0] == "width" && f.size() == 4) {
      sheet.width[f[2]] = f[3];
    } else if (f[0] == "cell" && f.size() == 5 && f[3] == "text") {
      sheet.cells[f[2]] = "text:" + JsonValue(f[4]);
    } else if (f[0] == "cell" && f.size() == 6 && f[3] == "number") {
      sheet.cells[f[2]] = "number:" + f[4] + " " + f[5];
    }
  }
  return book;
}

}  // namespace renstra::testing
