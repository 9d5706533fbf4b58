#include "clients/audit_commands.h"

#include <google/protobuf/util/json_util.h>

#include <algorithm>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>
#include <utility>

#include "CLI/CLI.hpp"
#include "base/hex.h"
#include "clients/audit_verifier.h"
#include "clients/cli_app.h"
#include "clients/cli_output.h"
#include "clients/diff_printer.h"
#include "clients/log_archive.h"
#include "clients/record_printer.h"
#include "clients/terminal_text.h"
#include "clients/xlsx_sheets.h"

namespace renstra {
namespace {

bool ReadWhole(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *out = buffer.str();
  return true;
}

std::string Json(const google::protobuf::Message& message) {
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = false;
  (void)google::protobuf::util::MessageToJsonString(message, &json, options);
  return json;
}

}  // namespace

void AuditCommands::Register(CLI::App* app) {
  CLI::App* audit = AddCommand(
      app, "audit", "Riwayat, perbandingan versi, siaran langsung dan bukti keutuhan log");
  audit->require_subcommand(1);

  history_ = AddCommand(audit, "history",
                        "Peristiwa suatu program/kegiatan, indikator, usulan, perubahan "
                        "atau pengguna, berurutan");
  history_->add_option("--node", node_, "Kode program, kegiatan atau sub kegiatan");
  history_->add_option("--indicator", indicator_, "Id indikator, mis. 1.06.04.2.01.0001#1");
  history_->add_option("--proposal", proposal_, "Id usulan, mis. USL-0001");
  history_->add_option("--revision", revision_, "Id Perubahan Renstra, mis. REV-1");
  history_->add_option("--user", user_, "Nama pengguna (termasuk upaya yang ditolak)");
  history_->add_flag("--json", json_, "Cetak jawaban dalam pemetaan JSON protobuf");
  history_->add_option("--page-size", page_size_,
                       "Peristiwa per permintaan (bawaan: sebanyak yang muat dalam satu jawaban)");

  diff_ = AddCommand(audit, "diff", "Apa yang berubah di antara dua versi renstra, dan mengapa");
  diff_
      ->add_option("--from", from_,
                   "Awal perbandingan: versi renstra (mis. 1324) atau perubahan renstra (REV-1; "
                   "REV-0 = hasil impor)")
      ->required();
  diff_->add_option("--to", to_,
                    "Akhir perbandingan: versi atau perubahan renstra (bawaan: saat ini)");
  diff_
      ->add_option("--format", format_,
                   "table, tsv, html, json, xlsx (perlu --output), print (HTML A4) atau pdf")
      ->check(
          CLI::IsMember({"table", "tsv", "html", "json", "xlsx", "print", "pdf"}, CLI::ignore_case))
      ->capture_default_str();
  diff_->add_option("--output,-o", output_, "Berkas tujuan (bawaan: stdout)");
  print_.Register(diff_);

  follow_ =
      AddCommand(audit, "follow",
                 "Tampilkan setiap peristiwa mulai suatu urutan, lalu yang baru secara langsung");
  follow_->add_option("--from", from_sequence_, "Urutan pertama")->capture_default_str();
  follow_->add_option("--count", count_,
                      "Berhenti setelah sekian peristiwa (bawaan: tidak berhenti)");
  follow_->add_flag("--agency-only", agency_only_,
                    "Hanya peristiwa perangkat daerah --agency: renstra, usulan, realisasi dan "
                    "unit kerjanya");

  export_ =
      AddCommand(audit, "export",
                 "Arsipkan log sebagai JSON Lines beserta kepala pohon Merkle bertanda tangan");
  export_->add_option("--output,-o", output_, "Berkas tujuan")->required();
  export_
      ->add_option("--page-size", page_size_,
                   "Peristiwa per permintaan (bawaan dan paling banyak 1000)")
      ->check(CLI::Range(1u, 1000u));

  verify_export_ = AddCommand(audit, "verify-export",
                              "Periksa arsip tanpa server: rantai, akar Merkle, tanda tangan");
  verify_export_->add_option("file", file_, "Arsip yang ditulis `audit export`")->required();
  verify_export_->add_option("--pubkey", pubkey_file_, "Kunci publik yang disematkan (PEM)")
      ->required();

  pubkey_ = AddCommand(
      audit, "pubkey",
      "Tampilkan kunci publik penanda tangan kepala pohon Merkle (PEM) untuk disematkan");
  pubkey_->add_option("--output,-o", output_, "Berkas tujuan (bawaan: stdout)");

  head_ = AddCommand(audit, "head", "Tampilkan kepala pohon Merkle bertanda tangan saat ini");
  head_->add_flag("--json", json_, "Cetak jawaban dalam pemetaan JSON protobuf");

  verify_ = AddCommand(audit, "verify",
                       "Periksa kepala pohon bertanda tangan, konsistensinya dan keberadaan "
                       "peristiwa di dalamnya");
  verify_->add_option("--pubkey", pubkey_file_, "Kunci publik yang disematkan (PEM)")->required();
  verify_->add_option("--state", state_file_,
                      "Berkas penyimpan kepala pohon terakhir yang diperiksa (bawaan: tidak ada)");
  verify_->add_option("--event", events_, "Urutan peristiwa yang keberadaannya diperiksa")
      ->take_all();

  rehash_ = AddCommand(audit, "rehash", "ADMIN: hitung ulang hash seluruh penyimpanan di server");
}

std::optional<int> AuditCommands::Run(Client& client) {
  if (history_->parsed()) return History(client);
  if (diff_->parsed()) return Diff(client);
  if (follow_->parsed()) return Follow(client);
  if (export_->parsed()) return Export(client);
  if (verify_export_->parsed()) return VerifyExport();
  if (pubkey_->parsed()) return PublicKey(client);
  if (head_->parsed()) return Head(client);
  if (verify_->parsed()) return Verify(client);
  if (rehash_->parsed()) return Rehash(client);
  return std::nullopt;
}

int AuditCommands::History(Client& client) {
  v1::GetHistoryRequest request;
  int given = 0;
  if (!node_.empty()) request.set_node_code(node_), ++given;
  if (!indicator_.empty()) request.set_indicator_id(indicator_), ++given;
  if (!proposal_.empty()) request.set_proposal_id(proposal_), ++given;
  if (!revision_.empty()) request.set_revision_id(revision_), ++given;
  if (!user_.empty()) request.set_user(user_), ++given;
  if (given != 1) {
    return Fail(
        "audit history: berikan tepat satu dari --node, --indicator, --proposal, "
        "--revision, --user",
        kExitUsage);
  }
  // Page by page: a long history does not have to fit one answer.
  request.set_page_size(page_size_);
  v1::GetHistoryResponse response;
  do {
    v1::GetHistoryResponse page;
    grpc::Status status =
        client.audit()->GetHistory(client.NewContext().get(), ForAgency(client, request), &page);
    if (!status.ok()) return Fail(UserMessage(status, client));
    if (!page.next_page_token().empty() && page.events_size() == 0) {
      return Fail("renstra: server mengembalikan halaman riwayat yang kosong");
    }
    request.set_page_token(page.next_page_token());
    for (v1::AuditEvent& e : *page.mutable_events()) *response.add_events() = std::move(e);
  } while (!request.page_token().empty());
  if (json_) return PrintJson(response);
  for (const v1::AuditEvent& event : response.events()) PrintAuditEvent(event, std::cout);
  std::cout << response.events_size() << " peristiwa" << std::endl;
  return kExitOk;
}

int AuditCommands::Diff(Client& client) {
  const std::string format = CLI::detail::to_lower(format_);
  if (format == "xlsx" || format == "pdf") {
    if (std::optional<int> refused = RefuseBinaryOnTerminal(output_, format)) return *refused;
  }
  v1::DiffVersionsRequest request;
  // A number is a plan version; anything else names a revision (REV-<n>), which the
  // server checks.
  const auto is_version = [](const std::string& text) {
    return !text.empty() && text.size() <= 18 &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (is_version(from_)) {
    request.set_from_version(std::stoll(from_));
  } else {
    request.set_from_revision(from_);
  }
  if (is_version(to_)) {
    request.set_to_version(std::stoll(to_));
  } else if (!to_.empty()) {
    request.set_to_revision(to_);
  }
  v1::DiffVersionsResponse response;
  grpc::Status status = client.audit()->DiffVersions(client.NewContext().get(),
                                                     ForAgency(client, request), &response);
  if (!status.ok()) return Fail(UserMessage(status, client));
  if (format == "xlsx") {
    const ReportTable table = DiffReportTable(response);
    return EmitXlsx({ReportSheet(table)}, output_,
                    table.title + " (" + std::to_string(response.entries_size()) + " perubahan)");
  }
  if (format == "print" || format == "pdf") {
    const ReportTable table = DiffReportTable(response);
    return EmitPrinted(ReportSheet(table), print_, format == "pdf", output_, table.title);
  }
  std::ofstream file;
  if (!output_.empty()) {
    file.open(output_, std::ios::trunc);
    if (!file) return Fail("cannot write " + output_);
  }
  std::ostream& out = output_.empty() ? std::cout : file;
  if (format == "json") {
    out << Json(response) << "\n";
  } else if (format == "tsv") {
    PrintDiffTsv(response, out);
  } else if (format == "html") {
    PrintDiffHtml(response,
                  "Perubahan Renstra: versi " + std::to_string(response.from_version()) + " → " +
                      std::to_string(response.to_version()),
                  out);
  } else {
    PrintDiffTable(response, out);
  }
  out << std::flush;
  if (!output_.empty()) {
    std::cerr << "renstra: ditulis " << output_ << " (" << response.entries_size() << " perubahan)"
              << std::endl;
  }
  return kExitOk;
}

int AuditCommands::Follow(Client& client) {
  v1::FollowRequest request;
  request.set_from_sequence(from_sequence_);
  // The client's agency: --agency, $RENSTRA_AGENCY, else the server's default agency.
  if (agency_only_) {
    request = ForAgency(std::as_const(client), request);
    if (request.agency().empty()) {
      v1::ListAgenciesResponse agencies;
      grpc::Status status = client.agency()->ListAgencies(client.NewContext().get(), {}, &agencies);
      if (!status.ok()) return Fail(UserMessage(status, client));
      request.set_agency(agencies.default_agency());
    }
  }
  std::unique_ptr<grpc::ClientContext> context = client.NewContext(/*with_deadline=*/false);
  std::unique_ptr<grpc::ClientReader<v1::AuditEvent>> reader =
      client.audit()->Follow(context.get(), request);
  v1::AuditEvent event;
  uint64_t seen = 0;
  while (reader->Read(&event)) {
    PrintAuditEvent(event, std::cout);
    std::cout << std::flush;
    if (count_ > 0 && ++seen == count_) {
      context->TryCancel();
      break;
    }
  }
  grpc::Status status = reader->Finish();
  if (!status.ok() && status.error_code() != grpc::StatusCode::CANCELLED) {
    return Fail(UserMessage(status, client));
  }
  return kExitOk;
}

int AuditCommands::Export(Client& client) {
  // The head first: the archive holds exactly the events it covers.
  v1::SignedTreeHead head;
  grpc::Status status = client.audit()->GetSignedTreeHead(client.NewContext().get(), {}, &head);
  if (!status.ok()) return Fail(UserMessage(status, client));
  std::ofstream out(output_, std::ios::trunc);
  if (!out) return Fail("cannot write " + output_);
  out << Json(head) << "\n";
  uint64_t next = 1;
  while (next <= head.tree_size()) {
    v1::ReadEventsRequest request;
    request.set_from_sequence(next);
    // A page may hold fewer events than asked (the server stops at 4 MiB): ask again
    // from the one after the last received.
    const uint64_t page_size = page_size_ == 0 ? 1000 : page_size_;
    request.set_limit(
        static_cast<uint32_t>(std::min<uint64_t>(page_size, head.tree_size() - next + 1)));
    v1::ReadEventsResponse page;
    status = client.audit()->ReadEvents(client.NewContext().get(), request, &page);
    if (!status.ok()) return Fail(UserMessage(status, client));
    if (page.events_size() == 0)
      return Fail("the server returned no event " + std::to_string(next));
    for (const v1::EventEnvelope& e : page.events()) {
      if (e.sequence() > head.tree_size()) break;
      out << Json(e) << "\n";
      next = e.sequence() + 1;
    }
  }
  out.close();
  if (!out) return Fail("cannot write " + output_);
  std::cout << "ditulis " << output_ << ": " << head.tree_size() << " peristiwa dan kepala pohon "
            << "bertanda tangan (akar " << ToHex(head.root_hash()) << ")" << std::endl;
  return kExitOk;
}

int AuditCommands::VerifyExport() {
  std::string pem;
  if (!ReadWhole(pubkey_file_, &pem)) return Fail("cannot read " + pubkey_file_, kExitUsage);
  std::ifstream in(file_);
  if (!in) return Fail("cannot read " + file_, kExitUsage);
  ArchiveCheck check = VerifyArchive(in, pem);
  if (!check.ok) return Fail("GAGAL: " + file_ + ": " + check.error);
  std::cout << "ok: " << file_ << ": " << check.events << " peristiwa; kepala rantai "
            << check.head_hash_hex << "; akar Merkle " << check.root_hex
            << " ditandatangani kunci yang disematkan" << std::endl;
  return kExitOk;
}

int AuditCommands::PublicKey(Client& client) {
  v1::PublicKey key;
  grpc::Status status = client.audit()->GetPublicKey(client.NewContext().get(), {}, &key);
  if (!status.ok()) return Fail(UserMessage(status, client));
  if (output_.empty()) {
    std::cout << PrintableLines(key.pem(), "") << std::flush;
    return kExitOk;
  }
  std::ofstream out(output_, std::ios::trunc);
  out << key.pem();
  if (!out) return Fail("cannot write " + output_);
  std::cerr << "renstra: ditulis " << output_ << " (kunci " << key.key_id() << ")" << std::endl;
  return kExitOk;
}

int AuditCommands::Head(Client& client) {
  v1::SignedTreeHead head;
  grpc::Status status = client.audit()->GetSignedTreeHead(client.NewContext().get(), {}, &head);
  if (!status.ok()) return Fail(UserMessage(status, client));
  if (json_) return PrintJson(head);
  std::cout << "ukuran pohon " << head.tree_size() << "\nakar " << ToHex(head.root_hash())
            << "\nwaktu " << FormatWibMicros(head.timestamp_micros()) << "\nkunci "
            << Printable(head.key_id()) << "\ntanda tangan " << ToHex(head.signature())
            << std::endl;
  return kExitOk;
}

int AuditCommands::Verify(Client& client) {
  AuditVerifyOptions options;
  if (!ReadWhole(pubkey_file_, &options.public_key_pem)) {
    return Fail("cannot read " + pubkey_file_, kExitUsage);
  }
  options.state_file = state_file_;
  options.events = events_;
  return RunAuditVerify(client, options, std::cout);
}

int AuditCommands::Rehash(Client& client) {
  v1::RehashStoreResponse response;
  grpc::Status status = client.audit()->RehashStore(client.NewContext().get(), {}, &response);
  if (!status.ok()) return Fail(UserMessage(status, client));
  std::cout << "ok: " << response.checked() << " peristiwa di-hash ulang dalam "
            << response.elapsed_micros() / 1000 << " ms; kepala rantai "
            << Printable(response.head_hash()) << "; akar Merkle " << ToHex(response.root_hash())
            << " (sesuai pohon bertanda tangan)" << std::endl;
  return kExitOk;
}

}  // namespace renstra
