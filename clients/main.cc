// renstra: the command-line client of the Renstra server (renstrad).
//
//   renstra [--server HOST:PORT] [--timeout S] [--token-file F] [--tls] [--ca PEM] COMMAND
//   renstra plan show [--code CODE] [--version N] [--json]
//   renstra plan export --table T-C.27 --format tsv|csv|xlsx|print|pdf [--output FILE]
//   renstra plan validate [--json]
//   renstra plan cascade [--file PATH] [--table TC.25|T-C.28] [--format text|tsv|csv] [--json]
//   renstra plan lock
//   renstra import --file PATH [--number-format id|en|auto] [--dry-run] [--lines] [--json]
//   renstra log head | log verify [--from N]
//   renstra propose | proposal ... | review | inbox | revision ...   (workflow_commands.h)
//   renstra audit ...                                                (audit_commands.h)
//   renstra realize ... | report capaian|anggaran|evaluasi|peringatan (realization_commands.h)
//
// --server defaults to $RENSTRA_SERVER, then 127.0.0.1:50051. The bearer token comes
// from --token-file (first line), else $RENSTRA_TOKEN.
// Exit status: 0 on success (a validation report with findings is a success); 1 when
// the server (or a local file) gives an error; 2 for a usage error.
#include <grpc/support/log.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <utility>

#include "CLI/CLI.hpp"
#include "absl/time/time.h"
#include "clients/admin_commands.h"
#include "clients/agency_commands.h"
#include "clients/audit_commands.h"
#include "clients/cascade_commands.h"
#include "clients/cli_app.h"
#include "clients/cli_help.h"
#include "clients/cli_output.h"
#include "clients/client.h"
#include "clients/credentials.h"
#include "clients/division_filter.h"
#include "clients/import_printer.h"
#include "clients/plan_printer.h"
#include "clients/print_flags.h"
#include "clients/realization_commands.h"
#include "clients/responsible_units.h"
#include "clients/terminal_text.h"
#include "clients/workflow_commands.h"
#include "clients/xlsx_sheets.h"
#include "domain/division.h"

namespace renstra {
namespace {

struct ShowArgs {
  std::string code;
  int64_t version = 0;
  // An instant (RFC 3339, or a date meaning its midnight in WIB, UTC+07:00).
  std::string as_of;
  // A date YYYY-MM-DD: the plan legally in force (berlaku) that day.
  std::string in_force;
  bool json = false;
  // --division: a division, "saya", "semua"; empty: the caller's default.
  std::string division;
};

// Microseconds since the epoch of an --as-of argument, or false.
bool ParseInstant(const std::string& text, int64_t* micros) {
  absl::Time t;
  std::string error;
  if (absl::ParseTime(absl::RFC3339_full, text, &t, &error) ||
      absl::ParseTime("%Y-%m-%dT%H:%M:%S%Ez", text, &t, &error)) {
    *micros = absl::ToUnixMicros(t);
    return true;
  }
  if (absl::ParseTime("%Y-%m-%d", text, absl::FixedTimeZone(7 * 3600), &t, &error)) {
    *micros = absl::ToUnixMicros(t);
    return true;
  }
  return false;
}

// The node with canonical code `code` in `nodes` and their descendants, or nullptr.
const v1::Node* FindNode(const google::protobuf::RepeatedPtrField<v1::Node>& nodes,
                         const std::string& code) {
  for (const v1::Node& node : nodes) {
    if (node.code() == code || node.code_written() == code) return &node;
    if (const v1::Node* found = FindNode(node.children(), code)) return found;
  }
  return nullptr;
}

// Which revisions make the plan in force on `date`, in the order they apply.
void PrintInForceLine(const std::string& date, const v1::Plan& plan) {
  std::cout << "Renstra yang berlaku pada " << date << ": hasil impor";
  for (const v1::RevisionInfo& r : plan.revisions()) {
    std::cout << " + " << Printable(r.revision_id()) << " (berlaku "
              << Printable(r.effective_date()) << ")";
  }
  std::cout << "\n";
}

// The whole plan, or (--division, a Kepala Bidang's default) one division's part of it.
// `current`: the plan of now, whose nodes are named by the units responsible now (a past
// version keeps the division names it was read with).
int PrintWholePlan(Client& client, const ShowArgs& args, v1::Plan* plan, bool current) {
  absl::StatusOr<std::optional<v1::Division>> division =
      ResolveDivision(client, args.division, /*whole_plan=*/true);
  if (!division.ok()) {
    return Fail(
        std::string(division.status().message()),
        division.status().code() == absl::StatusCode::kInvalidArgument ? kExitUsage : kExitError);
  }
  if (*division) KeepDivision(**division, plan);
  if (args.json) {
    v1::GetPlanResponse response;
    *response.mutable_plan() = std::move(*plan);
    return PrintJson(response);
  }
  if (*division) {
    std::cout << "Hanya " << DivisionDisplayName(**division)
              << " (--division semua: seluruh renstra)\n";
  }
  if (current) NameResponsibleUnits(ResponsibleUnitNames(client, *plan), plan);
  PrintPlan(*plan, std::cout);
  return kExitOk;
}

// The plan (or one subtree) as of a plan version, from WorkflowService.GetPlanAtVersion.
int PlanShowAtVersion(Client& client, const ShowArgs& args) {
  v1::GetPlanResponse plan;
  grpc::Status status;
  if (!args.as_of.empty()) {
    v1::GetPlanAsOfRequest request;
    int64_t micros = 0;
    if (!ParseInstant(args.as_of, &micros)) {
      return Fail(
          "renstra: --as-of \"" + args.as_of +
              "\": bukan waktu yang dapat dibaca (mis. 2025-06-30T00:00:00+07:00, atau 2025-06-30)",
          kExitUsage);
    }
    request.set_timestamp_micros(micros);
    v1::GetPlanAsOfResponse response;
    status = client.audit()->GetPlanAsOf(client.NewContext().get(), ForAgency(client, request),
                                         &response);
    *plan.mutable_plan() = response.plan();
  } else if (!args.in_force.empty()) {
    // The server checks the date (YYYY-MM-DD, as --effective-date is written).
    v1::GetPlanAsOfRequest request;
    request.set_in_force_date(args.in_force);
    v1::GetPlanAsOfResponse response;
    status = client.audit()->GetPlanAsOf(client.NewContext().get(), ForAgency(client, request),
                                         &response);
    *plan.mutable_plan() = response.plan();
  } else {
    status = client.GetPlanAtVersion(args.version, plan.mutable_plan());
  }
  if (!status.ok()) return Fail(UserMessage(status, client));
  if (!args.in_force.empty() && !args.json) PrintInForceLine(args.in_force, plan.plan());
  if (args.code.empty()) return PrintWholePlan(client, args, plan.mutable_plan(), false);
  // The current plan knows every accepted code form; codes never leave the plan (a
  // retired node stays), so its canonical code names the node in older versions too.
  std::string canonical = args.code;
  v1::GetSubtreeResponse current;
  if (client.GetSubtree(args.code, &current).ok()) canonical = current.node().code();
  const v1::Node* node = FindNode(plan.plan().programs(), canonical);
  if (node == nullptr) {
    return Fail("renstra: tidak ada program, kegiatan atau sub kegiatan berkode " + args.code +
                " dalam renstra versi " + std::to_string(plan.plan().version()));
  }
  v1::GetSubtreeResponse response;
  *response.mutable_node() = *node;
  response.set_plan_version(plan.plan().version());
  if (args.json) return PrintJson(response);
  PrintNodeInPlan(plan.plan(), response.node(), std::cout);
  return kExitOk;
}

int PlanShow(Client& client, const ShowArgs& args) {
  if (args.version > 0 || !args.as_of.empty() || !args.in_force.empty()) {
    return PlanShowAtVersion(client, args);
  }
  if (args.code.empty()) {
    v1::GetPlanResponse response;
    grpc::Status status = client.GetPlan(&response);
    if (!status.ok()) return Fail(UserMessage(status, client));
    return PrintWholePlan(client, args, response.mutable_plan(), true);
  }
  v1::GetSubtreeResponse response;
  grpc::Status status = client.GetSubtree(args.code, &response);
  if (status.error_code() == grpc::StatusCode::NOT_FOUND) {
    return Fail("renstra: tidak ada program, kegiatan atau sub kegiatan berkode " + args.code +
                " dalam renstra");
  }
  if (!status.ok()) return Fail(UserMessage(status, client));
  if (args.json) return PrintJson(response);
  // The heading says which plan, version and revision the node is read from; the
  // ancestors say where it stands.
  v1::GetPlanResponse plan;
  status = client.GetPlan(&plan);
  if (!status.ok()) return Fail(UserMessage(status, client));
  NameResponsibleUnits(ResponsibleUnitNames(client, plan.plan()), response.mutable_node());
  PrintNodeInPlan(plan.plan(), response.node(), std::cout);
  return kExitOk;
}

struct ExportArgs {
  std::string table = "T-C.27";
  std::string format;
  std::string output;
  // --format print|pdf: kop and signature block.
  PrintFlags print;
};

int PlanExport(Client& client, const ExportArgs& args) {
  // CLI11 already checked it is tsv, csv or xlsx, in any case.
  std::string name = args.format;
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const bool xlsx = name == "xlsx";
  const bool printed = name == "print" || name == "pdf";
  if (xlsx || name == "pdf") {
    if (std::optional<int> refused = RefuseBinaryOnTerminal(args.output, name)) return *refused;
  }
  // The workbook is laid out from the TSV export: the server's one rendering of the table.
  const v1::TableFormat format = name == "csv" ? v1::CSV : v1::TSV;
  v1::ExportTableResponse response;
  grpc::Status status = client.ExportTable(args.table, format, &response);
  if (!status.ok()) return Fail(UserMessage(status, client));
  const std::string what =
      args.table + " (renstra versi " + std::to_string(response.plan_version()) + ")";
  if (xlsx) {
    return EmitXlsx({Tc27Sheet(response.content(), response.plan_version())}, args.output, what);
  }
  if (printed) {
    return EmitPrinted(Tc27Sheet(response.content(), response.plan_version()), args.print,
                       name == "pdf", args.output, what);
  }
  if (args.output.empty() || args.output == "-") {
    // The terminal gets the table with any control character escaped; a file gets it
    // as exported.
    std::cout << PrintableLines(response.content(), "") << std::flush;
    return kExitOk;
  }
  std::ofstream file(args.output, std::ios::binary | std::ios::trunc);
  file << response.content();
  file.close();
  if (!file) return Fail("renstra: cannot write " + args.output);
  std::cerr << "renstra: " << args.table << " (renstra versi " << response.plan_version()
            << ") ditulis ke " << args.output << std::endl;
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
  std::cerr << "renstra: " << response.findings_size() << " temuan pada renstra versi "
            << response.plan_version() << std::endl;
  return kExitOk;
}

struct ImportArgs {
  std::string file;
  bool dry_run = false;
  bool json = false;
  bool lines = false;  // print every line's outcome
  std::string request_id;
  std::string number_format = "auto";
  std::string unit_map;  // a file: "Unit Kerja text<TAB>UNIT_CODE" per line
  bool strict_units = false;
};

int Import(Client& client, const ImportArgs& args) {
  std::ifstream in(args.file, std::ios::binary);
  if (!in) return Fail("renstra: tidak dapat membaca " + args.file, kExitUsage);
  std::ostringstream content;
  content << in.rdbuf();
  v1::ImportTableRequest request;
  // An Excel workbook is a zip archive ("PK\3\4"): it goes to the server as bytes, which
  // reads its T-C.27 sheet (docs/import.md, "Excel workbooks").
  const std::string extension = std::filesystem::path(args.file).extension().string();
  const bool workbook =
      content.str().rfind("PK\x03\x04", 0) == 0 || extension == ".xlsx" || extension == ".XLSX";
  if (workbook) {
    request.set_workbook(content.str());
  } else {
    request.set_content(content.str());
  }
  request.set_source_name(std::filesystem::path(args.file).filename().string());
  request.set_dry_run(args.dry_run);
  request.set_request_id(args.request_id.empty() ? NewRequestId() : args.request_id);
  request.set_number_format(args.number_format);
  if (!args.unit_map.empty()) {
    std::ifstream map(args.unit_map, std::ios::binary);
    if (!map) return Fail("renstra: tidak dapat membaca " + args.unit_map, kExitUsage);
    std::ostringstream map_text;
    map_text << map.rdbuf();
    request.set_unit_map(map_text.str());
    // The server names the file in its errors ("peta.tsv line 3: ...").
    request.set_unit_map_name(std::filesystem::path(args.unit_map).filename().string());
  }
  request.set_strict_units(args.strict_units);
  v1::ImportTableResponse response;
  grpc::Status status = client.ImportTable(request, &response);
  if (!status.ok()) return Fail(UserMessage(status, client));
  if (args.json) return PrintJson(response);
  PrintImportReport(response, args.file, request.request_id(), args.lines, std::cout);
  std::cout << std::flush;
  return kExitOk;
}

int LogHead(Client& client) {
  v1::GetHeadResponse response;
  grpc::Status status = client.GetHead(&response);
  if (!status.ok()) return Fail(UserMessage(status, client));
  std::cout << "urutan " << response.sequence() << "\nhash " << Printable(response.hash())
            << std::endl;
  return kExitOk;
}

int LogVerify(Client& client, uint64_t from) {
  v1::VerifyLogResponse response;
  grpc::Status status = client.VerifyLog(from, &response);
  if (!status.ok()) return Fail(UserMessage(status, client));
  std::cout << "ok: " << response.checked() << " peristiwa diperiksa; kepala "
            << response.head_sequence() << " " << Printable(response.head_hash()) << std::endl;
  return kExitOk;
}

// gRPC's own log lines (e.g. "Handshake failed ...") repeat what UserMessage() says
// in a form meant for developers; they are shown only when GRPC_VERBOSITY asks.
void QuietGrpcLog(gpr_log_func_args*) {}

int Main(int argc, char** argv) {
  if (std::getenv("GRPC_VERBOSITY") == nullptr) gpr_set_log_function(QuietGrpcLog);
  CLI::App app{"renstra: klien baris perintah server Renstra (renstrad).", "renstra"};
  UseIndonesianHelp(&app);
  std::string server = "127.0.0.1:50051";
  double timeout_seconds = 30;
  std::string token_file;
  bool tls = false;
  std::string ca_file;
  std::string tls_server_name;
  std::string agency_code;
  app.add_option("--server", server, "Alamat renstrad HOST:PORT")
      ->envname("RENSTRA_SERVER")
      ->capture_default_str();
  app.add_option("--timeout", timeout_seconds, "Berapa detik menunggu jawaban")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--token-file", token_file,
                 "Berkas yang baris pertamanya token bearer Anda (bawaan: $RENSTRA_TOKEN)");
  app.add_flag("--tls", tls, "Sambung dengan TLS, memercayai sertifikat CA bawaan sistem");
  app.add_option("--ca", ca_file, "Berkas PEM dari CA yang dipercaya; berarti juga --tls");
  app.add_option("--tls-server-name", tls_server_name,
                 "Nama pembanding sertifikat server (bawaan: host pada --server)");
  app.add_option("--agency", agency_code,
                 "Kode perangkat daerah yang Renstra-nya dimaksud (bawaan: $RENSTRA_AGENCY, "
                 "lalu perangkat daerah bawaan server)")
      ->envname("RENSTRA_AGENCY");
  app.require_subcommand(1);

  CLI::App* plan = AddCommand(&app, "plan", "Baca, periksa dan ekspor renstra saat ini");
  plan->require_subcommand(1);

  ShowArgs show_args;
  CLI::App* show =
      AddCommand(plan, "show", "Tampilkan renstra (atau satu cabangnya) sebagai pohon");
  show->add_option("--code", show_args.code,
                   "Kode program, kegiatan atau sub kegiatan (mis. 1.06.04.2.01)");
  show->add_option("--version,--as-of-version", show_args.version,
                   "Renstra pada versi ini (bawaan: renstra saat ini)")
      ->check(CLI::PositiveNumber);
  show->add_option("--as-of", show_args.as_of,
                   "Renstra sebagaimana adanya pada suatu saat, mis. 2025-06-30T00:00:00+07:00")
      ->excludes("--version");
  show->add_option("--in-force", show_args.in_force,
                   "Renstra yang berlaku secara hukum pada tanggal YYYY-MM-DD: hasil impor "
                   "ditambah perubahan renstra yang tanggal berlakunya paling lambat tanggal itu")
      ->excludes("--version")
      ->excludes("--as-of");
  show->add_flag("--json", show_args.json, "Cetak jawaban dalam pemetaan JSON protobuf");
  show->add_option("--division", show_args.division,
                   "Hanya program, kegiatan dan sub kegiatan bidang ini (nama bidang, \"saya\" "
                   "atau \"semua\"); bawaan Kepala Bidang tanpa --code: bidangnya sendiri");

  ExportArgs export_args;
  CLI::App* export_command = AddCommand(plan, "export", "Tulis tabel resmi");
  export_command->add_option("--table", export_args.table, "Tabel resmi (T-C.27)")
      ->capture_default_str();
  export_command
      ->add_option("--format", export_args.format,
                   "tsv, csv, xlsx (perlu --output), print (HTML A4) atau pdf")
      ->required()
      ->check(CLI::IsMember({"tsv", "csv", "xlsx", "print", "pdf"}, CLI::ignore_case));
  export_command->add_option("--output,-o", export_args.output, "Berkas tujuan (bawaan: stdout)");
  export_args.print.Register(export_command);

  bool validate_json = false;
  CLI::App* validate =
      AddCommand(plan, "validate", "Daftar setiap ketidaksesuaian, satu per baris");
  validate->add_flag("--json", validate_json, "Cetak laporan dalam pemetaan JSON protobuf");

  ImportArgs import_args;
  CLI::App* import =
      AddCommand(&app, "import", "Impor tabel T-C.27 ke dalam renstra yang masih kosong");
  import
      ->add_option(
          "--file", import_args.file,
          "Tabel TSV/CSV, dokumen yang memuatnya, atau buku kerja .xlsx dengan lembar T-C.27")
      ->required();
  import->add_flag("--dry-run", import_args.dry_run,
                   "Tampilkan apa yang akan dibuat; tidak menulis apa pun");
  import->add_flag("--json", import_args.json, "Cetak jawaban dalam pemetaan JSON protobuf");
  import->add_flag("--lines", import_args.lines,
                   "Cantumkan juga setiap baris tabel: diimpor sebagai apa, dilewati atau "
                   "ditolak dan mengapa");
  import->add_option(
      "--request-id", import_args.request_id,
      "Kunci idempotensi (bawaan: id acak baru); pakai lagi untuk mengulang dengan aman");
  import
      ->add_option("--number-format", import_args.number_format,
                   "Cara tabel menulis angka: id (31.291.280.000; 69,5), en "
                   "(31,291,280,000; 69.5) atau auto (ditentukan dari sel-sel tabel)")
      ->check(CLI::IsMember({"id", "en", "auto"}, CLI::ignore_case))
      ->capture_default_str();
  import->add_option("--unit-map", import_args.unit_map,
                     "Berkas TSV \"teks Unit Kerja<TAB>KODE_UNIT\" per baris (# komentar): "
                     "menempatkan teks kolom 19 yang tidak dikenali dari kode atau nama unit");
  import->add_flag("--strict-units", import_args.strict_units,
                   "Tolak seluruh impor bila Unit Kerja suatu baris tidak dapat ditempatkan "
                   "pada unit perangkat daerah (bawaan: diimpor tanpa penugasan dan dilaporkan)");

  CLI::App* log = AddCommand(&app, "log", "Log peristiwa: kepala log dan pemeriksaan rantai hash");
  log->require_subcommand(1);
  CLI::App* head = AddCommand(log, "head", "Tampilkan urutan dan hash peristiwa terakhir");
  uint64_t verify_from = 1;
  CLI::App* verify =
      AddCommand(log, "verify", "Hitung ulang hash log dan periksa setiap mata rantainya");
  verify->add_option("--from", verify_from, "Urutan pertama yang diperiksa")->capture_default_str();

  CascadeCommands cascade;
  cascade.Register(plan);

  WorkflowCommands workflow;
  workflow.Register(&app, plan);
  AuditCommands audit;
  audit.Register(&app);
  AdminCommands admin;
  admin.Register(&app);
  RealizationCommands realization;
  realization.Register(&app);
  AgencyCommands agency;
  agency.Register(&app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }

  ClientOptions options;
  options.server = server;
  options.timeout =
      std::chrono::milliseconds(static_cast<int64_t>(std::llround(timeout_seconds * 1000)));
  std::string error;
  if (!LoadToken(token_file, &options.token, &error)) return Fail(error, kExitUsage);
  options.tls = tls || !ca_file.empty();
  if (!ca_file.empty() && !LoadCaPem(ca_file, &options.ca_pem, &error)) {
    return Fail(error, kExitUsage);
  }
  options.tls_server_name = tls_server_name;
  options.agency = agency_code;
  Client client(std::move(options));
  if (std::optional<int> rc = cascade.Run(client)) return *rc;
  if (std::optional<int> rc = workflow.Run(client)) return *rc;
  if (std::optional<int> rc = audit.Run(client)) return *rc;
  if (std::optional<int> rc = admin.Run(client)) return *rc;
  if (std::optional<int> rc = realization.Run(client)) return *rc;
  if (std::optional<int> rc = agency.Run(client)) return *rc;
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
