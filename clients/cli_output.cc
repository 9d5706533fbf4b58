#include "clients/cli_output.h"

#include <google/protobuf/util/json_util.h>

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

}  // namespace renstra
