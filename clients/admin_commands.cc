#include "clients/admin_commands.h"

#include <ctime>
#include <iostream>

#include "CLI/CLI.hpp"
#include "clients/cli_output.h"

namespace renstra {
namespace {

CLI::App* AddCommand(CLI::App* parent, const std::string& name, const std::string& help) {
  CLI::App* command = parent->add_subcommand(name, help);
  command->fallthrough();
  return command;
}

void PrintBackup(const v1::Backup& b, std::ostream& out) {
  const std::time_t t = static_cast<std::time_t>(b.timestamp_seconds());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char when[32];
  std::strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S UTC", &tm);
  out << "backup " << b.id() << " in " << b.dir() << ": " << when << ", events 1.."
      << b.last_sequence() << ", head " << b.head_hash() << ", " << b.number_files()
      << " files, " << b.size_bytes() << " bytes";
  if (b.elapsed_micros() > 0) out << " (" << b.elapsed_micros() / 1000 << " ms)";
  out << "\n";
}

}  // namespace

void AdminCommands::Register(CLI::App* app) {
  CLI::App* admin = AddCommand(app, "admin", "Operate the server (role ADMIN)");
  admin->require_subcommand(1);
  backup_ = AddCommand(admin, "backup", "Back up the live event log (RocksDB BackupEngine)");
  backup_->add_option("--dir", dir_, "Backup directory on the server (default: --backup_dir)");
  backups_ = AddCommand(admin, "backups", "List the backups in a backup directory");
  backups_->add_option("--dir", dir_, "Backup directory on the server (default: --backup_dir)");
  verify_backup_ = AddCommand(admin, "verify-backup",
                              "Check a backup's files and re-hash its whole log");
  verify_backup_->add_option("id", id_, "Backup number")->required();
  verify_backup_->add_option("--dir", dir_, "Backup directory on the server");
  metrics_ = AddCommand(admin, "metrics", "Print the server's metrics (Prometheus text format)");
}

std::optional<int> AdminCommands::Run(Client& client) {
  grpc::Status status;
  if (backup_->parsed()) {
    v1::CreateBackupRequest request;
    request.set_dir(dir_);
    v1::Backup backup;
    status = client.admin()->CreateBackup(client.NewContext().get(), request, &backup);
    if (!status.ok()) return Fail(UserMessage(status, client));
    PrintBackup(backup, std::cout);
    return kExitOk;
  }
  if (backups_->parsed()) {
    v1::ListBackupsRequest request;
    request.set_dir(dir_);
    v1::ListBackupsResponse response;
    status = client.admin()->ListBackups(client.NewContext().get(), request, &response);
    if (!status.ok()) return Fail(UserMessage(status, client));
    for (const v1::Backup& b : response.backups()) PrintBackup(b, std::cout);
    std::cout << response.backups_size() << " backups" << std::endl;
    return kExitOk;
  }
  if (verify_backup_->parsed()) {
    v1::VerifyBackupRequest request;
    request.set_dir(dir_);
    request.set_id(id_);
    v1::Backup backup;
    status = client.admin()->VerifyBackup(client.NewContext().get(), request, &backup);
    if (!status.ok()) return Fail(UserMessage(status, client));
    std::cout << "ok: ";
    PrintBackup(backup, std::cout);
    return kExitOk;
  }
  if (metrics_->parsed()) {
    v1::Metrics metrics;
    status = client.admin()->GetMetrics(client.NewContext().get(), {}, &metrics);
    if (!status.ok()) return Fail(UserMessage(status, client));
    std::cout << metrics.text() << std::flush;
    return kExitOk;
  }
  return std::nullopt;
}

}  // namespace renstra
