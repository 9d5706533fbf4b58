#include "clients/admin_commands.h"

#include <fstream>
#include <iostream>

#include "CLI/CLI.hpp"
#include "clients/cli_app.h"
#include "clients/cli_output.h"
#include "clients/record_printer.h"
#include "clients/terminal_text.h"

namespace renstra {
namespace {

void PrintBackup(const v1::Backup& b, std::ostream& out) {
  const std::string when = FormatWibSeconds(static_cast<int64_t>(b.timestamp_seconds()));
  out << "cadangan " << b.id() << " di " << Printable(b.dir()) << ": " << when << ", peristiwa 1.."
      << b.last_sequence() << ", kepala " << Printable(b.head_hash()) << ", " << b.number_files()
      << " berkas, " << b.size_bytes() << " bita";
  if (b.elapsed_micros() > 0) out << " (" << b.elapsed_micros() / 1000 << " ms)";
  out << "\n";
}

}  // namespace

void AdminCommands::Register(CLI::App* app) {
  CLI::App* admin = AddCommand(app, "admin", "Kelola server (peran ADMIN)");
  admin->require_subcommand(1);
  backup_ = AddCommand(admin, "backup",
                       "Cadangkan log peristiwa yang sedang berjalan (RocksDB BackupEngine)");
  backup_->add_option("--dir", dir_, "Direktori cadangan di server (bawaan: --backup_dir)");
  backups_ = AddCommand(admin, "backups", "Daftar cadangan dalam direktori cadangan");
  backups_->add_option("--dir", dir_, "Direktori cadangan di server (bawaan: --backup_dir)");
  verify_backup_ = AddCommand(admin, "verify-backup",
                              "Periksa berkas cadangan dan hitung ulang hash seluruh lognya");
  verify_backup_->add_option("id", id_, "Nomor cadangan")->required();
  verify_backup_->add_option("--dir", dir_, "Direktori cadangan di server");
  metrics_ = AddCommand(admin, "metrics", "Tampilkan metrik server (format teks Prometheus)");

  CLI::App* user =
      AddCommand(admin, "user",
                 "Pengguna: tambah, nonaktifkan, aktifkan, ganti token, tetapkan sandi dan daftar");
  user->require_subcommand(1);
  user_add_ =
      AddCommand(user, "add", "Tambah pengguna dan tampilkan tokennya (ditampilkan sekali)");
  user_add_->add_option("name", name_, "Nama masuk")->required();
  user_add_
      ->add_option("--role", role_,
                   "KEPALA_BIDANG, SEKRETARIAT, KEPALA_DINAS, INSPEKTORAT atau ADMIN")
      ->required();
  user_add_->add_option(
      "--division", division_,
      "Untuk KEPALA_BIDANG: mis. REHABILITASI_SOSIAL (lihat renstra.v1.Division)");
  user_add_->add_option("--display-name", display_name_, "Nama lengkap dan gelar");
  user_add_->add_option("--agency", user_agency_,
                        "Untuk KEPALA_BIDANG, SEKRETARIAT dan KEPALA_DINAS: kode perangkat daerah "
                        "tempatnya bekerja (bawaan: perangkat daerah bawaan server)");
  user_disable_ = AddCommand(user, "disable", "Tolak token pengguna mulai sekarang");
  user_disable_->add_option("name", name_, "Nama masuk")->required();
  user_disable_->add_option("--reason", reason_, "Alasannya (dicatat dalam log)");
  user_enable_ = AddCommand(user, "enable", "Terima lagi token pengguna yang dinonaktifkan");
  user_enable_->add_option("name", name_, "Nama masuk")->required();
  user_enable_->add_option("--reason", reason_, "Alasannya (dicatat dalam log)");
  user_rotate_ = AddCommand(user, "rotate", "Beri pengguna token baru (ditampilkan sekali)");
  user_rotate_->add_option("name", name_, "Nama masuk")->required();
  user_rotate_->add_option("--reason", reason_, "Alasannya (dicatat dalam log)");
  user_password_ = AddCommand(
      user, "password", "Tetapkan sandi masuk konsol seorang pengguna; sesinya yang lama diakhiri");
  user_password_->add_option("name", name_, "Nama masuk")->required();
  user_password_
      ->add_option("--password-file", password_file_,
                   "Berkas yang baris pertamanya sandi baru (10 sampai 128 bita)")
      ->required();
  user_password_->add_option("--reason", reason_, "Alasannya (dicatat dalam log)");
  user_list_ = AddCommand(user, "list", "Daftar pengguna dan perannya");
  for (CLI::App* c : {user_add_, user_disable_, user_enable_, user_rotate_, user_password_}) {
    c->add_option(
        "--request-id", request_id_,
        "Kunci idempotensi (bawaan: id acak baru); pakai lagi untuk mengulang dengan aman");
  }
}

int AdminCommands::RunUsers(Client& client) {
  grpc::Status status;
  auto print = [](const v1::UserView& u, std::ostream& out = std::cout) { PrintUser(u, out); };
  const std::string request_id = request_id_.empty() ? NewRequestId() : request_id_;
  if (user_add_->parsed()) {
    v1::AddUserRequest request;
    request.set_request_id(request_id);
    request.set_name(name_);
    request.set_display_name(display_name_);
    request.set_agency(user_agency_);
    v1::Role::Value role;
    if (!v1::Role::Value_Parse(role_, &role) || role == v1::Role::ROLE_UNSPECIFIED) {
      return Fail("renstra: --role \"" + role_ + "\" bukan peran", kExitUsage);
    }
    request.set_role(role);
    if (!division_.empty()) {
      v1::Division division;
      if (!v1::Division_Parse(division_, &division)) {
        return Fail("renstra: --division \"" + division_ + "\" bukan bidang", kExitUsage);
      }
      request.set_division(division);
    }
    v1::UserWithToken answer;
    status = client.admin()->AddUser(client.NewContext().get(), request, &answer);
    if (!status.ok()) return Fail(UserMessage(status, client));
    std::cerr << "ditambahkan ";
    print(answer.user(), std::cerr);
    std::cerr << "token (ditampilkan sekali; serahkan kepada pengguna):" << std::endl;
    std::cout << answer.token() << std::endl;
    return kExitOk;
  }
  if (user_rotate_->parsed()) {
    v1::RotateTokenRequest request;
    request.set_request_id(request_id);
    request.set_name(name_);
    request.set_reason(reason_);
    v1::UserWithToken answer;
    status = client.admin()->RotateToken(client.NewContext().get(), request, &answer);
    if (!status.ok()) return Fail(UserMessage(status, client));
    std::cerr << "token baru untuk " << Printable(answer.user().name())
              << " (ditampilkan sekali; token lama ditolak mulai sekarang):" << std::endl;
    std::cout << answer.token() << std::endl;
    return kExitOk;
  }
  if (user_password_->parsed()) {
    // The first line of the file, without its line ending: the rest of the file (a
    // trailing newline an editor adds) is not part of the password.
    std::ifstream in(password_file_);
    std::string password;
    if (!in || !std::getline(in, password)) {
      return Fail("renstra: --password-file \"" + password_file_ + "\" tidak dapat dibaca",
                  kExitUsage);
    }
    if (!password.empty() && password.back() == '\r') password.pop_back();
    v1::SetPasswordRequest request;
    request.set_request_id(request_id);
    request.set_name(name_);
    request.set_new_password(password);
    request.set_reason(reason_);
    v1::UserView answer;
    status = client.session()->SetPassword(client.NewContext().get(), request, &answer);
    if (!status.ok()) return Fail(UserMessage(status, client));
    std::cerr << "sandi baru untuk " << Printable(answer.name())
              << " ditetapkan; sesinya yang lama diakhiri" << std::endl;
    print(answer);
    return kExitOk;
  }
  if (user_disable_->parsed()) {
    v1::DisableUserRequest request;
    request.set_request_id(request_id);
    request.set_name(name_);
    request.set_reason(reason_);
    v1::UserView answer;
    status = client.admin()->DisableUser(client.NewContext().get(), request, &answer);
    if (!status.ok()) return Fail(UserMessage(status, client));
    print(answer);
    return kExitOk;
  }
  if (user_enable_->parsed()) {
    v1::EnableUserRequest request;
    request.set_request_id(request_id);
    request.set_name(name_);
    request.set_reason(reason_);
    v1::UserView answer;
    status = client.admin()->EnableUser(client.NewContext().get(), request, &answer);
    if (!status.ok()) return Fail(UserMessage(status, client));
    print(answer);
    return kExitOk;
  }
  v1::ListUsersResponse answer;
  status = client.admin()->ListUsers(client.NewContext().get(), {}, &answer);
  if (!status.ok()) return Fail(UserMessage(status, client));
  for (const v1::UserView& u : answer.users()) print(u);
  return kExitOk;
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
    std::cout << response.backups_size() << " cadangan" << std::endl;
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
  if (user_add_->parsed() || user_disable_->parsed() || user_enable_->parsed() ||
      user_rotate_->parsed() || user_password_->parsed() || user_list_->parsed()) {
    return RunUsers(client);
  }
  if (metrics_->parsed()) {
    v1::Metrics metrics;
    status = client.admin()->GetMetrics(client.NewContext().get(), {}, &metrics);
    if (!status.ok()) return Fail(UserMessage(status, client));
    std::cout << PrintableLines(metrics.text(), "") << std::flush;
    return kExitOk;
  }
  return std::nullopt;
}

}  // namespace renstra
