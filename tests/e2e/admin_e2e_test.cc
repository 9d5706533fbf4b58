// End-to-end: operating renstrad — an online backup through the CLI, a restore with
// `renstrad --restore_from` into a new data directory, and the restored server
// verifying and serving the same plan; metrics and the per-call log lines.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "clients/client.h"
#include "renstra/v1/users.pb.h"
#include "tests/e2e/e2e_fixture.h"
#include "tests/e2e/process.h"

namespace renstra::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kAdminToken[] = "admin-5d1e9c7a03b2f846";
constexpr char kRehabToken[] = "rehab-8f2a6d0e4c91b573";

// The users file of admin and rehab.
std::string WriteAdminAndRehab(const TempDir& tmp) {
  return WriteUsersFile(tmp,
                        {{"admin", v1::Role::ADMIN, v1::DIVISION_UNSPECIFIED, kAdminToken},
                         {"rehab", v1::Role::KEPALA_BIDANG, v1::REHABILITASI_SOSIAL, kRehabToken}});
}

TEST(AdminEndToEnd, BackupRestoreServesTheSamePlanAndVerifies) {
  TempDir tmp;
  ASSERT_FALSE(tmp.path().empty());
  const std::string users = "--users=" + WriteAdminAndRehab(tmp);
  Server server = StartServer(tmp / "data", tmp / "renstrad.log", /*empty=*/false,
                              {users, "--backup_dir=" + (tmp / "backups")});
  ASSERT_NE(server.daemon, nullptr);
  auto as = [&](const std::string& token, std::vector<std::string> args) {
    return Cli(server.ready.address, std::move(args), {{"RENSTRA_TOKEN", token}});
  };

  CommandResult proposed = as(kRehabToken, {"propose", "--justification", "uji", "--set-target",
                                            "1.06.04.2.01.0001#1:2025=230 Orang", "--submit"});
  ASSERT_EQ(proposed.exit_code, 0) << proposed.err;
  const uint64_t events = server.ready.events + 2;

  // Only the admin backs up; the refusal names the rule.
  CommandResult refused = as(kRehabToken, {"admin", "backup"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_THAT(refused.err, HasSubstr("only ADMIN may back up the log; rehab is KEPALA_BIDANG"));

  CommandResult backup = as(kAdminToken, {"admin", "backup"});
  ASSERT_EQ(backup.exit_code, 0) << backup.err;
  // The refusal above is an event too (audit/denied): the backup holds it.
  EXPECT_THAT(backup.out, HasSubstr("cadangan 1 di " + (tmp / "backups") + ": "));
  EXPECT_THAT(backup.out, HasSubstr(", peristiwa 1.." + std::to_string(events + 1) + ", kepala "));
  CommandResult verified = as(kAdminToken, {"admin", "verify-backup", "1"});
  ASSERT_EQ(verified.exit_code, 0) << verified.err;
  EXPECT_THAT(verified.out, HasSubstr("ok: cadangan 1"));

  CommandResult plan_before = as(kRehabToken, {"plan", "show", "--json"});
  CommandResult proposals_before = as(kRehabToken, {"proposal", "list", "--json"});
  CommandResult head_before = as(kAdminToken, {"log", "head"});
  ASSERT_EQ(plan_before.exit_code, 0);

  // Metrics count the calls by status; every call left one log line without its token.
  CommandResult metrics = as(kAdminToken, {"admin", "metrics"});
  ASSERT_EQ(metrics.exit_code, 0) << metrics.err;
  EXPECT_THAT(metrics.out, HasSubstr("renstra_rpc_total{method=\"/renstra.v1.AdminService/"
                                     "CreateBackup\",code=\"PERMISSION_DENIED\"} 1\n"));
  EXPECT_THAT(metrics.out, HasSubstr("renstra_rpc_total{method=\"/renstra.v1.AdminService/"
                                     "CreateBackup\",code=\"OK\"} 1\n"));
  EXPECT_THAT(metrics.out, HasSubstr("renstra_rpc_latency_seconds_count{method=\"/renstra.v1."
                                     "WorkflowService/Propose\"} 1\n"));
  EXPECT_THAT(metrics.out, HasSubstr("renstra_merkle_tree_size "));
  EXPECT_EQ(server.daemon->Stop(), 0);
  const std::string log = ReadFile(tmp / "renstrad.log");
  EXPECT_THAT(log, HasSubstr("rpc method=/renstra.v1.WorkflowService/Propose principal=rehab "
                             "code=OK latency_ms="));
  EXPECT_THAT(log, HasSubstr("rpc method=/renstra.v1.AdminService/CreateBackup principal=rehab "
                             "code=PERMISSION_DENIED"));
  EXPECT_THAT(log, Not(HasSubstr(kRehabToken)));
  EXPECT_THAT(log, Not(HasSubstr(kAdminToken)));

  // Restore into a new directory; a non-empty one is refused.
  CommandResult into_used = RunCommand(
      {RENSTRAD_PATH, "--restore_from=" + (tmp / "backups"), "--data_dir=" + (tmp / "data")});
  EXPECT_EQ(into_used.exit_code, 2);
  EXPECT_THAT(into_used.err, HasSubstr("is not empty"));
  CommandResult restored = RunCommand(
      {RENSTRAD_PATH, "--restore_from=" + (tmp / "backups"), "--data_dir=" + (tmp / "restored")});
  ASSERT_EQ(restored.exit_code, 0) << restored.err;
  EXPECT_THAT(restored.out,
              HasSubstr("restored backup 1 of " + (tmp / "backups") + " into " +
                        (tmp / "restored") + ": " + std::to_string(events + 1) + " events, head "));

  server = StartServer(tmp / "restored", tmp / "restored.log", /*empty=*/false, {users});
  ASSERT_NE(server.daemon, nullptr);
  EXPECT_EQ(server.ready.events, events + 1);
  CommandResult full = as(kAdminToken, {"log", "verify"});
  ASSERT_EQ(full.exit_code, 0) << full.err;
  EXPECT_THAT(full.out, HasSubstr("ok: " + std::to_string(events + 1) + " peristiwa diperiksa"));
  EXPECT_EQ(as(kRehabToken, {"plan", "show", "--json"}).out, plan_before.out);
  EXPECT_EQ(as(kRehabToken, {"proposal", "list", "--json"}).out, proposals_before.out);
  EXPECT_EQ(as(kAdminToken, {"log", "head"}).out, head_before.out);
  EXPECT_EQ(server.daemon->Stop(), 0);
}

// The token a `renstra admin user add|rotate` printed (its only stdout line).
std::string TokenOf(const CommandResult& r) {
  std::string token = r.out;
  while (!token.empty() && token.back() == '\n') token.pop_back();
  EXPECT_EQ(token.size(), 48u) << r.out << r.err;
  return token;
}

TEST(AdminEndToEnd, UsersAreAddedRotatedAndDisabledWithoutARestart) {
  TempDir tmp;
  ASSERT_FALSE(tmp.path().empty());
  const std::string users = "--users=" + WriteAdminAndRehab(tmp);
  Server server = StartServer(tmp / "data", tmp / "renstrad.log", /*empty=*/false, {users});
  ASSERT_NE(server.daemon, nullptr);
  auto as = [&](const std::string& token, std::vector<std::string> args) {
    return Cli(server.ready.address, std::move(args), {{"RENSTRA_TOKEN", token}});
  };
  const std::vector<std::string> propose = {"propose", "--justification", "uji", "--set-target",
                                            "1.06.05.2.02.0001#1:2025=140.000 Orang"};

  CommandResult refused =
      as(kRehabToken, {"admin", "user", "add", "sari", "--role", "KEPALA_BIDANG", "--division",
                       "PERLINDUNGAN_JAMINAN_SOSIAL"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_THAT(refused.err, HasSubstr("only ADMIN may add users; rehab is KEPALA_BIDANG"));
  CommandResult no_division =
      as(kAdminToken, {"admin", "user", "add", "sari", "--role", "KEPALA_BIDANG"});
  EXPECT_EQ(no_division.exit_code, 1);
  EXPECT_THAT(no_division.err, HasSubstr("division: required for a KEPALA_BIDANG"));

  CommandResult added = as(kAdminToken, {"admin", "user", "add", "sari", "--role", "KEPALA_BIDANG",
                                         "--division", "PERLINDUNGAN_JAMINAN_SOSIAL",
                                         "--display-name", "Sari, Kepala Bidang Linjamsos"});
  ASSERT_EQ(added.exit_code, 0) << added.err;
  const std::string first = TokenOf(added);
  CommandResult drafted = as(first, propose);
  ASSERT_EQ(drafted.exit_code, 0) << drafted.err;
  EXPECT_THAT(drafted.out, HasSubstr("pengusul: sari (Bidang Perlindungan dan Jaminan Sosial)"));
  CommandResult twice = as(kAdminToken, {"admin", "user", "add", "sari", "--role", "SEKRETARIAT"});
  EXPECT_EQ(twice.exit_code, 1);
  EXPECT_THAT(twice.err, HasSubstr("name: user sari exists"));

  CommandResult rotated = as(kAdminToken, {"admin", "user", "rotate", "sari"});
  ASSERT_EQ(rotated.exit_code, 0) << rotated.err;
  const std::string second = TokenOf(rotated);
  EXPECT_NE(second, first);
  EXPECT_THAT(as(first, {"inbox"}).err, HasSubstr("not authenticated: unknown token"));
  ASSERT_EQ(as(second, {"inbox"}).exit_code, 0);

  // A restart keeps what the log says.
  EXPECT_EQ(server.daemon->Stop(), 0);
  server = StartServer(tmp / "data", tmp / "renstrad.log", /*empty=*/false, {users});
  ASSERT_NE(server.daemon, nullptr);
  ASSERT_EQ(as(second, {"inbox"}).exit_code, 0);
  CommandResult disabled =
      as(kAdminToken, {"admin", "user", "disable", "sari", "--reason", "pindah tugas"});
  ASSERT_EQ(disabled.exit_code, 0) << disabled.err;
  EXPECT_EQ(disabled.out,
            "sari  KEPALA_BIDANG  PERLINDUNGAN_JAMINAN_SOSIAL  \"Sari, Kepala Bidang "
            "Linjamsos\"  NONAKTIF\n");
  EXPECT_THAT(as(second, {"inbox"}).err, HasSubstr("not authenticated: this user is disabled"));
  CommandResult self = as(kAdminToken, {"admin", "user", "disable", "admin"});
  EXPECT_THAT(self.err, HasSubstr("an admin cannot disable themselves"));

  // The audit trail shows who changed access, when and why; no token in it.
  CommandResult history = as(kAdminToken, {"audit", "history", "--user", "admin"});
  ASSERT_EQ(history.exit_code, 0) << history.err;
  EXPECT_THAT(history.out, HasSubstr("  admin (ADMIN)  pengguna ditambahkan: sari KEPALA_BIDANG "
                                     "PERLINDUNGAN_JAMINAN_SOSIAL  — add user sari  [permintaan "));
  EXPECT_THAT(history.out, HasSubstr("  admin (ADMIN)  token pengguna diganti: sari  — "));
  EXPECT_THAT(history.out,
              HasSubstr("  admin (ADMIN)  pengguna dinonaktifkan: sari  — pindah tugas  ["));
  CommandResult sari = as(kAdminToken, {"audit", "history", "--user", "sari"});
  EXPECT_THAT(
      sari.out,
      HasSubstr(
          "  sari (KEPALA_BIDANG)  usulan dibuat: USL-0001 oleh sari:  (1 perubahan): uji  ["));
  EXPECT_THAT(sari.out, HasSubstr("  pengguna dinonaktifkan: sari  — pindah tugas  ["));
  EXPECT_THAT(sari.out, HasSubstr("\n4 peristiwa\n"));
  CommandResult exported = as(kAdminToken, {"audit", "export", "-o", tmp / "log.jsonl"});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_THAT(ReadFile(tmp / "log.jsonl"), Not(HasSubstr(second)));
  EXPECT_EQ(server.daemon->Stop(), 0);
}

// An official added by the admin gets a console password from a file (never on the
// command line); the console's login (SessionService.Login) then accepts it.
TEST(AdminEndToEnd, AnAdminSetsAConsolePasswordFromAFile) {
  TempDir tmp;
  ASSERT_FALSE(tmp.path().empty());
  const std::string users = "--users=" + WriteAdminAndRehab(tmp);
  Server server = StartServer(tmp / "data", tmp / "renstrad.log", /*empty=*/false, {users});
  ASSERT_NE(server.daemon, nullptr);
  auto as = [&](const std::string& token, std::vector<std::string> args) {
    return Cli(server.ready.address, std::move(args), {{"RENSTRA_TOKEN", token}});
  };
  const std::string file = tmp / "sandi.txt";
  std::ofstream(file) << "sandi-sari-2026\nbaris kedua bukan sandi\n";
  const std::string short_file = tmp / "pendek.txt";
  std::ofstream(short_file) << "pendek\n";

  ASSERT_EQ(as(kAdminToken, {"admin", "user", "add", "sari", "--role", "SEKRETARIAT"}).exit_code,
            0);
  CommandResult refused =
      as(kRehabToken, {"admin", "user", "password", "sari", "--password-file", file});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_THAT(refused.err, HasSubstr("only ADMIN may set passwords; rehab is KEPALA_BIDANG"));
  CommandResult too_short =
      as(kAdminToken, {"admin", "user", "password", "sari", "--password-file", short_file});
  EXPECT_EQ(too_short.exit_code, 1);
  EXPECT_THAT(too_short.err, HasSubstr("new_password: must be at least 10 characters"));
  CommandResult no_file = as(
      kAdminToken, {"admin", "user", "password", "sari", "--password-file", tmp / "tidak-ada.txt"});
  EXPECT_EQ(no_file.exit_code, 2);
  EXPECT_EQ(no_file.err,
            "renstra: --password-file \"" + (tmp / "tidak-ada.txt") + "\" tidak dapat dibaca\n");
  CommandResult unknown =
      as(kAdminToken, {"admin", "user", "password", "tono", "--password-file", file});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_THAT(unknown.err, HasSubstr("tono"));

  CommandResult set = as(kAdminToken, {"admin", "user", "password", "sari", "--password-file", file,
                                       "--reason", "pegawai baru"});
  ASSERT_EQ(set.exit_code, 0) << set.err;
  EXPECT_EQ(set.err, "sandi baru untuk sari ditetapkan; sesinya yang lama diakhiri\n");
  EXPECT_EQ(set.out, "sari  SEKRETARIAT\n");

  // Only the first line is the password.
  ClientOptions options;
  options.server = server.ready.address;
  Client client(options);
  v1::LoginRequest login;
  login.set_name("sari");
  login.set_password("sandi-sari-2026");
  v1::Session session;
  grpc::ClientContext context;
  grpc::Status status = client.session()->Login(&context, login, &session);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(session.user().name(), "sari");
  EXPECT_THAT(as(kAdminToken, {"audit", "history", "--user", "admin"}).out,
              HasSubstr("kata sandi pengguna ditetapkan: sari oleh admin  — pegawai baru  ["));
  EXPECT_EQ(server.daemon->Stop(), 0);
}

}  // namespace
}  // namespace renstra::testing
