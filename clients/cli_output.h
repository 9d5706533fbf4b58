// Output conventions shared by the `renstra` commands: exit codes, one-line errors on
// stderr, and answers in protobuf's JSON mapping on stdout.
//
// Thread safety: writes to std::cout / std::cerr; use from one thread.
#ifndef RENSTRA_CLIENTS_CLI_OUTPUT_H_
#define RENSTRA_CLIENTS_CLI_OUTPUT_H_

#include <google/protobuf/message.h>

#include <optional>
#include <string>
#include <vector>

#include "clients/xlsx_writer.h"

namespace renstra {

constexpr int kExitOk = 0;
// The server refused or failed, or a local file could not be written.
constexpr int kExitError = 1;
// A usage error: unknown option, missing or malformed argument, unreadable input.
constexpr int kExitUsage = 2;

// Writes `message` (control characters escaped, see terminal_text.h) and a newline to
// stderr; returns `code`.
int Fail(const std::string& message, int code = kExitError);

// Writes `message` in protobuf's JSON mapping (indented) to stdout; returns kExitOk, or
// kExitError if it cannot be rendered.
int PrintJson(const google::protobuf::Message& message);

// --format xlsx writes a binary workbook, which must not land on a terminal: when
// `output` is stdout ("" or "-") and stdout is a terminal, the usage error's exit code
// (after the reason on stderr); otherwise nullopt. Called before asking the server.
std::optional<int> RefuseXlsxOnTerminal(const std::string& output);
// The same for any binary `format` ("pdf").
std::optional<int> RefuseBinaryOnTerminal(const std::string& output, const std::string& format);

// Writes `sheets` as one workbook to the file `output`, or to stdout ("" or "-", through
// a temporary file, since libxlsxwriter writes files); says on stderr what was written
// (`what`) and where. kExitOk, or kExitError with the reason.
int EmitXlsx(const std::vector<XlsxSheet>& sheets, const std::string& output,
             const std::string& what);

}  // namespace renstra

#endif  // RENSTRA_CLIENTS_CLI_OUTPUT_H_
