#include "clients/workflow_commands.h"

#include <cctype>
#include <iostream>

#include "CLI/CLI.hpp"
#include "clients/cli_app.h"
#include "clients/cli_output.h"
#include "clients/proposal_printer.h"
#include "clients/terminal_text.h"

namespace renstra {
namespace {

constexpr ChangeKind kChangeKinds[] = {
    ChangeKind::kSetTarget,      ChangeKind::kSetFunding,        ChangeKind::kReplaceIndicator,
    ChangeKind::kAddSubActivity, ChangeKind::kRetireSubActivity,
};

const char* ChangeHelp(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kSetTarget:
      return "Tetapkan target, mis. \"1.06.04.2.01.0001#1:2025=220 Orang\"";
    case ChangeKind::kSetFunding:
      return "Tetapkan pagu indikatif dalam Rupiah, mis. \"1.06.05.2.02.001:2025=175.000.000\"";
    case ChangeKind::kReplaceIndicator:
      return "Ganti indikator mulai suatu tahun: PERNYATAAN|SATUAN, boleh ditambah "
             "|TAHUN=NILAI;...";
    case ChangeKind::kAddSubActivity:
      return "Tambah sub kegiatan: NAMA|INDIKATOR|SATUAN, boleh |TAHUN=NILAI;... "
             "|TAHUN=RUPIAH;...";
    case ChangeKind::kRetireSubActivity:
      return "Hentikan sub kegiatan mulai suatu tahun, mis. \"1.06.04.2.01.0008:2025\"";
  }
  return "";
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// Prints a proposal answer as text or JSON.
int PrintProposalAnswer(const v1::ProposalView& view, bool json) {
  if (json) return PrintJson(view);
  PrintProposal(view, std::cout);
  std::cout << std::flush;
  return kExitOk;
}

}  // namespace

void WorkflowCommands::AddChangeOptions(CLI::App* command, ChangeOptions* options) {
  for (ChangeKind kind : kChangeKinds) {
    std::vector<std::string>* specs = &options->specs[static_cast<int>(kind)];
    CLI::Option* option = command->add_option(ChangeOptionName(kind), *specs, ChangeHelp(kind));
    option->type_name(ChangeOptionSyntax(kind))->take_all()->allow_extra_args(false);
    options->kinds[option] = kind;
  }
}

void WorkflowCommands::AddWriteFlags(CLI::App* command) {
  command->add_option(
      "--request-id", request_id_,
      "Kunci idempotensi (bawaan: id acak baru); pakai lagi untuk mengulang dengan aman");
  command->add_flag("--json", json_, "Cetak jawaban dalam pemetaan JSON protobuf");
}

std::string WorkflowCommands::RequestId() const {
  return request_id_.empty() ? NewRequestId() : request_id_;
}

int WorkflowCommands::FailWrite(const grpc::Status& status, const Client& client,
                                const std::string& request_id) {
  std::string message = UserMessage(status, client);
  if (status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED ||
      status.error_code() == grpc::StatusCode::UNAVAILABLE) {
    message += "\nrenstra: perintah mungkin sudah diterapkan; ulangi dengan --request-id " +
               request_id + " agar diterapkan paling banyak sekali";
  }
  return Fail(message);
}

bool WorkflowCommands::CollectChanges(const CLI::App* command, const ChangeOptions& options,
                                      std::vector<v1::Change>* changes, std::string* error) {
  // parse_order() lists one entry per value, in the order typed.
  std::map<const CLI::Option*, size_t> used;
  for (const CLI::Option* option : command->parse_order()) {
    auto kind = options.kinds.find(option);
    if (kind == options.kinds.end()) continue;
    const std::vector<std::string>& specs = options.specs[static_cast<int>(kind->second)];
    const size_t index = used[option]++;
    if (index >= specs.size()) continue;
    std::optional<v1::Change> change = ParseChange(kind->second, specs[index], error);
    if (!change) return false;
    changes->push_back(*std::move(change));
  }
  return true;
}

void WorkflowCommands::Register(CLI::App* app, CLI::App* plan) {
  propose_ =
      AddCommand(app, "propose", "Susun usulan perubahan (dan ajukan langsung dengan --submit)");
  propose_->add_option("--justification", justification_, "Mengapa perubahan diperlukan")
      ->required();
  propose_->add_option("--title", title_, "Judul singkat");
  propose_->add_flag("--submit", submit_flag_, "Langsung ajukan untuk ditinjau");
  AddChangeOptions(propose_, &propose_changes_);
  AddWriteFlags(propose_);

  CLI::App* proposal =
      AddCommand(app, "proposal", "Usulan: tampilkan, daftar, ajukan, tarik atau revisi");
  proposal->require_subcommand(1);
  show_ =
      AddCommand(proposal, "show", "Satu usulan, dengan sebelum -> sesudah untuk setiap perubahan");
  show_->add_option("ID", proposal_id_, "Id usulan, mis. USL-0001")->required();
  show_->add_flag("--json", json_, "Cetak jawaban dalam pemetaan JSON protobuf");
  list_ = AddCommand(proposal, "list", "Semua usulan, satu per baris");
  list_
      ->add_option("--status", status_,
                   "Hanya usulan berstatus ini, ditulis dengan nama teknisnya "
                   "(lihat {...} di depan)")
      ->check(CLI::IsMember(
          {"draft", "submitted", "approved", "rejected", "returned", "withdrawn", "applied"},
          CLI::ignore_case));
  list_->add_flag("--json", json_, "Cetak jawaban dalam pemetaan JSON protobuf");
  list_->add_option("--page-size", page_size_,
                    "Usulan per permintaan (bawaan: sebanyak yang muat dalam satu jawaban)");
  submit_ =
      AddCommand(proposal, "submit", "Ajukan usulan draf atau yang dikembalikan untuk ditinjau");
  withdraw_ = AddCommand(proposal, "withdraw", "Tarik usulan sebelum diputuskan");
  for (CLI::App* command : {submit_, withdraw_}) {
    command->add_option("ID", proposal_id_, "Id usulan")->required();
    command->add_option("--note", note_, "Catatan yang dicatat bersama perpindahan statusnya");
    AddWriteFlags(command);
  }
  revise_ =
      AddCommand(proposal, "revise", "Ganti perubahan dalam usulan (draf atau yang dikembalikan)");
  revise_->add_option("ID", proposal_id_, "Id usulan")->required();
  revise_->add_option("--justification", justification_, "Alasan baru (bawaan: tetap)");
  AddChangeOptions(revise_, &revise_changes_);
  AddWriteFlags(revise_);

  review_ = AddCommand(app, "review", "Kepala Dinas: setujui, tolak atau kembalikan usulan");
  review_->add_option("ID", proposal_id_, "Id usulan")->required();
  CLI::Option* approve = review_->add_flag("--approve", approve_, "Setujui");
  CLI::Option* reject = review_->add_flag("--reject", reject_, "Tolak (perlu --note)");
  CLI::Option* give_back =
      review_->add_flag("--return", return_, "Kembalikan kepada pengusul (perlu --note)");
  approve->excludes(reject)->excludes(give_back);
  reject->excludes(give_back);
  review_->add_option("--note", note_, "Alasannya (wajib untuk menolak atau mengembalikan)");
  AddWriteFlags(review_);

  inbox_ = AddCommand(
      app, "inbox",
      "Kotak masuk: untuk diputuskan, dikembalikan kepada saya, usulan saya yang berjalan");
  inbox_->add_flag("--json", json_, "Cetak jawaban dalam pemetaan JSON protobuf");

  CLI::App* revision = AddCommand(app, "revision", "Perubahan Renstra");
  revision->require_subcommand(1);
  open_ = AddCommand(revision, "open", "Kepala Dinas: buka Perubahan Renstra bernama");
  open_->add_option("--name", revision_name_, "Mis. \"Perubahan Renstra 2025\"")->required();
  AddWriteFlags(open_);
  ratify_ = AddCommand(
      revision, "ratify",
      "Kepala Dinas: sahkan Perubahan Renstra yang terbuka, menerapkan usulan yang disetujui");
  ratify_->add_option("--legal-basis", legal_basis_, "Dasar hukum")->required();
  ratify_->add_option("--signer", signer_, "Penandatangan")->required();
  ratify_->add_option("--effective-date", effective_date_, "Tanggal berlaku, YYYY-MM-DD")
      ->required();
  ratify_->add_option("--reason", reason_, "Mengapa renstra diubah");
  ratify_->add_option("PROPOSAL_ID", proposal_ids_, "Usulan disetujui yang diterapkan, berurutan")
      ->required();
  ratify_->add_flag("--dry-run", dry_run_,
                    "Pratinjau saja: renstra sesudah pengesahan dan temuan yang bertambah atau "
                    "hilang; tidak ada yang dicatat");
  ratify_->add_flag("--accept-findings", accept_findings_,
                    "Tetap sahkan walau menambah temuan validasi (wajib dengan --accept-reason)");
  ratify_->add_option("--accept-reason", accept_reason_,
                      "Mengapa temuan yang bertambah diterima; dicatat dalam peristiwa pengesahan");
  AddWriteFlags(ratify_);
  revisions_ = AddCommand(revision, "list",
                          "Perubahan yang disahkan, yang sedang terbuka, dan keadaan kunci");
  revisions_->add_flag("--json", json_, "Cetak jawaban dalam pemetaan JSON protobuf");

  lock_ = AddCommand(plan, "lock", "Kepala Dinas: kunci versi yang disahkan");
  AddWriteFlags(lock_);
}

std::optional<int> WorkflowCommands::Run(Client& client) {
  if (propose_->parsed()) return Propose(client);
  if (revise_->parsed()) return Revise(client);
  if (submit_->parsed()) return SubmitOrWithdraw(client, /*submit=*/true);
  if (withdraw_->parsed()) return SubmitOrWithdraw(client, /*submit=*/false);
  if (review_->parsed()) return Review(client);
  if (show_->parsed()) return ShowProposal(client);
  if (list_->parsed()) return ListProposals(client);
  if (inbox_->parsed()) return Inbox(client);
  if (open_->parsed()) return OpenRevision(client);
  if (ratify_->parsed()) return Ratify(client);
  if (revisions_->parsed()) return ListRevisions(client);
  if (lock_->parsed()) return Lock(client);
  return std::nullopt;
}

int WorkflowCommands::Propose(Client& client) {
  v1::ProposeRequest request;
  std::vector<v1::Change> changes;
  std::string error;
  if (!CollectChanges(propose_, propose_changes_, &changes, &error)) {
    return Fail("renstra: " + error, kExitUsage);
  }
  if (changes.empty()) {
    return Fail(
        "renstra: propose: give at least one change (--set-target, --set-funding, "
        "--replace-indicator, --add-sub or --retire)",
        kExitUsage);
  }
  request.set_request_id(RequestId());
  request.set_title(title_);
  request.set_justification(justification_);
  request.set_submit(submit_flag_);
  for (v1::Change& c : changes) *request.add_changes() = std::move(c);
  v1::ProposalView view;
  const grpc::Status status = client.Propose(request, &view);
  if (!status.ok()) return FailWrite(status, client, request.request_id());
  return PrintProposalAnswer(view, json_);
}

int WorkflowCommands::Revise(Client& client) {
  v1::ReviseProposalRequest request;
  std::vector<v1::Change> changes;
  std::string error;
  if (!CollectChanges(revise_, revise_changes_, &changes, &error)) {
    return Fail("renstra: " + error, kExitUsage);
  }
  if (changes.empty()) {
    return Fail(
        "renstra: proposal revise: give the proposal's changes (they replace the "
        "current ones)",
        kExitUsage);
  }
  request.set_request_id(RequestId());
  request.set_proposal_id(proposal_id_);
  request.set_justification(justification_);
  for (v1::Change& c : changes) *request.add_changes() = std::move(c);
  v1::ProposalView view;
  const grpc::Status status = client.ReviseProposal(request, &view);
  if (!status.ok()) return FailWrite(status, client, request.request_id());
  return PrintProposalAnswer(view, json_);
}

int WorkflowCommands::SubmitOrWithdraw(Client& client, bool submit) {
  v1::ProposalActionRequest request;
  request.set_request_id(RequestId());
  request.set_proposal_id(proposal_id_);
  request.set_note(note_);
  v1::ProposalView view;
  const grpc::Status status =
      submit ? client.SubmitProposal(request, &view) : client.WithdrawProposal(request, &view);
  if (!status.ok()) return FailWrite(status, client, request.request_id());
  return PrintProposalAnswer(view, json_);
}

int WorkflowCommands::Review(Client& client) {
  if (!approve_ && !reject_ && !return_) {
    return Fail("renstra: review: berikan salah satu dari --approve, --reject atau --return",
                kExitUsage);
  }
  v1::ReviewProposalRequest request;
  request.set_request_id(RequestId());
  request.set_proposal_id(proposal_id_);
  request.set_decision(approve_  ? v1::ProposalReviewed::APPROVE
                       : reject_ ? v1::ProposalReviewed::REJECT
                                 : v1::ProposalReviewed::RETURN);
  request.set_note(note_);
  v1::ProposalView view;
  const grpc::Status status = client.ReviewProposal(request, &view);
  if (!status.ok()) return FailWrite(status, client, request.request_id());
  return PrintProposalAnswer(view, json_);
}

int WorkflowCommands::ShowProposal(Client& client) {
  v1::ProposalView view;
  const grpc::Status status = client.GetProposal(proposal_id_, &view);
  if (!status.ok()) return Fail(UserMessage(status, client));
  return PrintProposalAnswer(view, json_);
}

int WorkflowCommands::ListProposals(Client& client) {
  v1::ProposalStatus filter = v1::PROPOSAL_STATUS_UNSPECIFIED;
  if (!status_.empty() && !v1::ProposalStatus_Parse(Upper(status_), &filter)) {
    return Fail("renstra: status tidak dikenal: " + status_, kExitUsage);
  }
  // Page by page: a long list does not have to fit one answer.
  v1::ListProposalsResponse response;
  std::string token;
  do {
    v1::ListProposalsResponse page;
    const grpc::Status status = client.ListProposals(filter, page_size_, token, &page);
    if (!status.ok()) return Fail(UserMessage(status, client));
    if (!page.next_page_token().empty() && page.next_page_token() <= token) {
      return Fail("renstra: the server repeated page token " + page.next_page_token());
    }
    token = page.next_page_token();
    for (v1::ProposalView& p : *page.mutable_proposals()) {
      *response.add_proposals() = std::move(p);
    }
  } while (!token.empty());
  if (json_) return PrintJson(response);
  if (response.proposals_size() == 0) std::cout << "Tidak ada usulan.\n";
  for (const v1::ProposalView& p : response.proposals()) std::cout << ProposalLine(p) << "\n";
  std::cout << std::flush;
  return kExitOk;
}

int WorkflowCommands::Inbox(Client& client) {
  v1::GetInboxResponse response;
  const grpc::Status status = client.GetInbox(&response);
  if (!status.ok()) return Fail(UserMessage(status, client));
  if (json_) return PrintJson(response);
  PrintInbox(response, std::cout);
  std::cout << std::flush;
  return kExitOk;
}

int WorkflowCommands::OpenRevision(Client& client) {
  v1::OpenRevisionRequest request;
  request.set_request_id(RequestId());
  request.set_name(revision_name_);
  v1::RevisionInfo revision;
  const grpc::Status status = client.OpenRevision(request, &revision);
  if (!status.ok()) return FailWrite(status, client, request.request_id());
  if (json_) return PrintJson(revision);
  std::cout << "Perubahan renstra dibuka " << Printable(revision.revision_id()) << ": "
            << Printable(revision.name()) << std::endl;
  return kExitOk;
}

int WorkflowCommands::Ratify(Client& client) {
  v1::RatifyRevisionRequest request;
  request.set_request_id(RequestId());
  request.set_legal_basis(legal_basis_);
  request.set_reason(reason_);
  request.set_effective_date(effective_date_);
  request.set_signer(signer_);
  for (const std::string& id : proposal_ids_) request.add_proposal_ids(id);
  request.set_accept_findings(accept_findings_);
  request.set_accept_reason(accept_reason_);
  if (dry_run_) {
    v1::RatificationPreview preview;
    const grpc::Status status = client.PreviewRatification(request, &preview);
    if (!status.ok()) return Fail(UserMessage(status, client));
    if (json_) return PrintJson(preview);
    PrintRatificationPreview(preview, std::cout);
    std::cout << std::flush;
    return kExitOk;
  }
  v1::RevisionInfo revision;
  const grpc::Status status = client.RatifyRevision(request, &revision);
  if (!status.ok()) return FailWrite(status, client, request.request_id());
  if (json_) return PrintJson(revision);
  PrintRevision(revision, std::cout);
  std::cout << std::flush;
  return kExitOk;
}

int WorkflowCommands::ListRevisions(Client& client) {
  v1::ListRevisionsResponse response;
  const grpc::Status status = client.ListRevisions(&response);
  if (!status.ok()) return Fail(UserMessage(status, client));
  if (json_) return PrintJson(response);
  PrintRevisions(response, std::cout);
  std::cout << std::flush;
  return kExitOk;
}

int WorkflowCommands::Lock(Client& client) {
  v1::LockPlanRequest request;
  request.set_request_id(RequestId());
  v1::LockPlanResponse response;
  const grpc::Status status = client.LockPlan(request, &response);
  if (!status.ok()) return FailWrite(status, client, request.request_id());
  if (json_) return PrintJson(response);
  std::cout << "Renstra dikunci pada perubahan ke-" << response.revision() << ", renstra versi "
            << response.plan_version() << std::endl;
  return kExitOk;
}

}  // namespace renstra
