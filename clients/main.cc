// renstra: the command-line client of the Renstra server (renstrad).
//
//   renstra [--server HOST:PORT] [--timeout S] plan show [--code CODE] [--json]
//   renstra plan export --table T-C.27 --format tsv|csv [--output FILE]
//   renstra plan validate [--json]
//   renstra import --file PATH [--dry-run] [--json]
//   renstra log head | log verify [--from N]
//
// --server defaults to $RENSTRA_SERVER, then 127.0.0.1:50051.
// Exit status: 0 on success (a validation report with findings is a success); 1 when
// the server (or a local file) gives an error; 2 for a usage error.
#include <google/protobuf/util/json_util.h>

#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "CLI/CLI.hpp"
#include "clients/client.h"
#include "clients/plan_printer.h"

namespace renstra {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitError = 1;
constexpr int kExitUsage = 2;

int Fail(const std::string& message, int code = kExitError) {
  std::cerr << message << std::endl;
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

struct ShowArgs {
  std::string code;
  bool json = false;
};

int PlanShow(Client& client, const ShowArgs& args) {
  if (args.code.empty()) {
    v1::GetPlanResponse response;
    grpc::Status status = client.GetPlan(&response);
    if (!status.ok()) return Fail(UserMessage(status, client));
    if (args.json) return PrintJson(response);
    PrintPlan(response.plan(), std::cout);
    return kExitOk;
  }
  v1::GetSubtreeResponse response;
  grpc::Status status = client.GetSubtree(args.code, &response);
  if (status.error_code() == grpc::StatusCode::NOT_FOUND) {
    return Fail("renstra: no node with code " + args.code + " in the plan");
  }
  if (!status.ok()) return Fail(UserMessage(status, client));
  if (args.json) return PrintJson(response);
  PrintNode(response.node(), 0, std::cout);
  return kExitOk;
}

struct ExportArgs {
  std::string table = "T-C.27";
  std::string format;
  std::string output;
};

int PlanExport(Client& client, const ExportArgs& args) {
  // CLI11 already checked it is tsv or csv, in any case.
  std::string name = args.format;
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const v1::TableFormat format = name == "csv" ? v1::CSV : v1::TSV;
  v1::ExportTableResponse response;
  grpc::Status status = client.ExportTable(args.table, format, &response);
  if (!status.ok()) return Fail(UserMessage(status, client));
  if (args.output.empty() || args.output == "-") {
    std::cout << response.content() << std::flush;
    return kExitOk;
  }
  std::ofstream file(args.output, std::ios::binary | std::ios::trunc);
  file << response.content();
  file.close();
  if (!file) return Fail("renstra: cannot write " + args.output);
  std::cerr << "renstra: wrote " << args.table << " (plan version " << response.plan_version()
            << ") to " << args.output << std::endl;
  return kExitOk;
}

int PlanValidate(Client& client, bool json) {
  v1::ValidateResponse response;
  grpc::Status status = client.Validate(&response);
  if (!status.ok()) return Fail(UserMessage(status, client));
  if (json) return PrintJson(response);
  for (const v1::Finding& finding : response.findings()) {
    std::cout << FormatFinding(finding) << "\n";
  }
  std::cout << std::flush;
  std::cerr << "renstra: " << response.findings_size() << " finding(s) in plan version "
            << response.plan_version() << std::endl;
  return kExitOk;
}

struct ImportArgs {
  std::string file;
  bool dry_run = false;
  bool json = false;
  std::string request_id;
};

int Import(Client& client, const ImportArgs& args) {
  std::ifstream in(args.file, std::ios::binary);
  if (!in) return Fail("renstra: cannot read " + args.file, kExitUsage);
  std::ostringstream content;
  content << in.rdbuf();
  v1::ImportTableRequest request;
  request.set_content(content.str());
  request.set_source_name(std::filesystem::path(args.file).filename().string());
  request.set_dry_run(args.dry_run);
  request.set_request_id(args.request_id.empty() ? NewRequestId() : args.request_id);
  v1::ImportTableResponse response;
  grpc::Status status = client.ImportTable(request, &response);
  if (!status.ok()) return Fail(UserMessage(status, client));
  if (args.json) return PrintJson(response);
  if (response.dry_run()) {
    std::cout << "Dry run of " << args.file << ": nothing was written. It would create:\n";
  } else {
    std::cout << "Imported " << args.file << " (request id " << request.request_id() << "):\n";
  }
  auto line = [](const char* label, int64_t value) {
    std::cout << "  " << label << std::string(25 - std::string(label).size(), ' ') << value << "\n";
  };
  line("programs", response.programs());
  line("kegiatan", response.activities());
  line("sub kegiatan", response.sub_activities());
  line("indicators", response.indicators());
  line("continuation indicators", response.continuation_indicators());
  line("goals", response.goals());
  line("objectives", response.objectives());
  line("events", response.events());
  if (!response.dry_run()) line("plan version", response.plan_version());
  std::cout << "Findings: " << response.findings_size() << "\n";
  for (const v1::Finding& finding : response.findings()) {
    std::cout << "  " << FormatFinding(finding) << "\n";
  }
  std::cout << std::flush;
  return kExitOk;
}

int LogHead(Client& client) {
  v1::GetHeadResponse response;
  grpc::Status status = client.GetHead(&response);
  if (!status.ok()) return Fail(UserMessage(status, client));
  std::cout << "sequence " << response.sequence() << "\nhash " << response.hash() << std::endl;
  return kExitOk;
}

int LogVerify(Client& client, uint64_t from) {
  v1::VerifyLogResponse response;
  grpc::Status status = client.VerifyLog(from, &response);
  if (!status.ok()) return Fail(UserMessage(status, client));
  std::cout << "ok: checked " << response.checked() << " events; head " << response.head_sequence()
            << " " << response.head_hash() << std::endl;
  return kExitOk;
}

// Options of the main command must also be accepted after a subcommand's name.
CLI::App* AddCommand(CLI::App* parent, const std::string& name, const std::string& help) {
  CLI::App* command = parent->add_subcommand(name, help);
  command->fallthrough();
  return command;
}

int Main(int argc, char** argv) {
  CLI::App app{"renstra: the command-line client of the Renstra server (renstrad).", "renstra"};
  std::string server = "127.0.0.1:50051";
  double timeout_seconds = 30;
  app.add_option("--server", server, "renstrad address HOST:PORT")
      ->envname("RENSTRA_SERVER")
      ->capture_default_str();
  app.add_option("--timeout", timeout_seconds, "Seconds to wait for an answer")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.require_subcommand(1);

  CLI::App* plan = AddCommand(&app, "plan", "Read, validate and export the current plan");
  plan->require_subcommand(1);

  ShowArgs show_args;
  CLI::App* show = AddCommand(plan, "show", "Print the plan (or one subtree) as a tree");
  show->add_option("--code", show_args.code,
                   "Program, kegiatan or sub kegiatan code (e.g. 1.06.04.2.01)");
  show->add_flag("--json", show_args.json, "Print the answer in protobuf's JSON mapping");

  ExportArgs export_args;
  CLI::App* export_command = AddCommand(plan, "export", "Write an official table");
  export_command->add_option("--table", export_args.table, "The official table (T-C.27)")
      ->capture_default_str();
  export_command->add_option("--format", export_args.format, "tsv or csv")
      ->required()
      ->check(CLI::IsMember({"tsv", "csv"}, CLI::ignore_case));
  export_command->add_option("--output,-o", export_args.output, "File to write (default: stdout)");

  bool validate_json = false;
  CLI::App* validate = AddCommand(plan, "validate", "List every inconsistency, one per line");
  validate->add_flag("--json", validate_json, "Print the report in protobuf's JSON mapping");

  ImportArgs import_args;
  CLI::App* import = AddCommand(&app, "import", "Import a T-C.27 table into an empty plan");
  import->add_option("--file", import_args.file, "TSV/CSV table, or a document containing one")
      ->required();
  import->add_flag("--dry-run", import_args.dry_run, "Show what would be created; write nothing");
  import->add_flag("--json", import_args.json, "Print the answer in protobuf's JSON mapping");
  import->add_option("--request-id", import_args.request_id,
                     "Idempotency key (default: a fresh random id); reuse it to retry safely");

  CLI::App* log = AddCommand(&app, "log", "The event log: head and hash-chain check");
  log->require_subcommand(1);
  CLI::App* head = AddCommand(log, "head", "Print the last event's sequence and hash");
  uint64_t verify_from = 1;
  CLI::App* verify = AddCommand(log, "verify", "Re-hash the log and check every link");
  verify->add_option("--from", verify_from, "First sequence to check")->capture_default_str();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }

  Client client(server, std::chrono::milliseconds(
                            static_cast<int64_t>(std::llround(timeout_seconds * 1000))));
  if (show->parsed()) return PlanShow(client, show_args);
  if (export_command->parsed()) return PlanExport(client, export_args);
  if (validate->parsed()) return PlanValidate(client, validate_json);
  if (import->parsed()) return Import(client, import_args);
  if (head->parsed()) return LogHead(client);
  if (verify->parsed()) return LogVerify(client, verify_from);
  return Fail(app.help(), kExitUsage);
}

}  // namespace
}  // namespace renstra

int main(int argc, char** argv) { return renstra::Main(argc, argv); }
