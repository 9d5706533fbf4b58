// End to end: the real renstrad and renstra binaries over loopback. A server starts on
// a free port with a temp data dir; the CLI imports the seed document, reads values,
// validates, exports T-C.27 and re-imports it into a second server; servers restart on
// their data dir; the CLI reports a dead server and an unknown code.
#include <arpa/inet.h>
#include <gmock/gmock.h>
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>
#include <string>
#include <vector>

#include "renstra/v1/plan_service.pb.h"
#include "tests/e2e/e2e_fixture.h"
#include "tests/e2e/process.h"

namespace renstra::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

const v1::Node* FindProgram(const v1::Plan& plan, const std::string& code) {
  for (const v1::Node& program : plan.programs()) {
    if (program.code() == code) return &program;
  }
  return nullptr;
}

// A loopback port nothing listens on (bound, then released).
int DeadPort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr));
  socklen_t len = sizeof(addr);
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

std::string FindingKey(const v1::Finding& f) {
  return v1::Finding::Kind_Name(f.kind()) + " " + f.code() + " " + std::to_string(f.year()) +
         " stated=" + f.stated() + " computed=" + f.computed();
}

// The seed's inconsistencies as the validator reports them on the imported plan
// (kind, code, year, stated, computed), checked by hand against the seed's T-C.27.
const std::vector<std::string>& ExpectedSeedFindings() {
  static const std::vector<std::string> kFindings = {
      // 1.6.1.2.02.01: 22+30+29+29+29 Orang, end of period "1349Orang".
      "TARGET_TOTAL 1.06.01.2.02.0001 0 stated=1349Orang computed=139 Orang",
      // 1.6.1.2.05 states Rp 11.000.000 for 2024; .02 has 50.000.000 and .11 (a shifted
      // row) 11.000.000.
      "PARENT_CHILDREN_FUNDING 1.06.01.2.05 2024 stated=11.000.000 computed=61.000.000",
      // 1.6.1.2.05.02: 3 x 50.000.000 and 3 x 1 Paket in 2024-2026; the row states
      // 100.000.000 and 2 Paket.
      "ROW_FUNDING_TOTAL 1.06.01.2.05.0002 0 stated=100.000.000 computed=150.000.000",
      "TARGET_TOTAL 1.06.01.2.05.0002 0 stated=2 Paket computed=3 Paket",
      // 1.6.1.2.06.02: 4+4+3+3+3 Paket.
      "TARGET_TOTAL 1.06.01.2.06.0002 0 stated=19 Paket computed=17 Paket",
      // 1.6.1.2.07 (shifted row): 114+56+45+30 unit in 2023-2026.
      "TARGET_TOTAL 1.06.01.2.07 0 stated=235 unit computed=245 unit",
      // 1.06.04.2.01.008: 30.000.000+30.000.000+35.000.000 in 2024-2026.
      "ROW_FUNDING_TOTAL 1.06.04.2.01.0008 0 stated=110.000.000 computed=95.000.000",
      // 1.06.05.2.01.001 and .002: 10+15+15 Orang in 2024-2026.
      "TARGET_TOTAL 1.06.05.2.01.0001 0 stated=45 Orang computed=40 Orang",
      "TARGET_TOTAL 1.06.05.2.01.0002 0 stated=45 Orang computed=40 Orang",
      // 1.06.05.2.01.003: baseline "100%" for an indicator counted in Orang.
      "UNIT_MISMATCH 1.06.05.2.01.0003 2021 stated=100% computed=Orang",
      // 1.06.06.2.01 states 475.000.000 for 2025 and 2026; its five sub kegiatan add up
      // to 275+150+50+100+50 = 625.000.000 in each.
      "PARENT_CHILDREN_FUNDING 1.06.06.2.01 2025 stated=475.000.000 computed=625.000.000",
      "PARENT_CHILDREN_FUNDING 1.06.06.2.01 2026 stated=475.000.000 computed=625.000.000",
      // 1.06.06.2.02.002: 47+46+46+46+46 Orang.
      "TARGET_TOTAL 1.06.06.2.02.0002 0 stated=236 Orang computed=231 Orang",
      // 2.13.5.2.01.02: baseline "100%" for an indicator counted in Dokumen.
      "UNIT_MISMATCH 2.13.05.2.01.0002 2021 stated=100% computed=Dokumen",
      // 2.13.5.2.01.05, .06, .07: 4 x 36 in 2023-2026.
      "TARGET_TOTAL 2.13.05.2.01.0005 0 stated=108 Dokumen computed=144 Dokumen",
      "TARGET_TOTAL 2.13.05.2.01.0006 0 stated=180 Laporan computed=144 Laporan",
      "TARGET_TOTAL 2.13.05.2.01.0007 0 stated=108 Laporan computed=144 Laporan",
  };
  return kFindings;
}

TEST(EndToEnd, SeedImportedThroughTheCliIsServedValidatedAndRoundTripped) {
  TempDir tmp;
  ASSERT_FALSE(tmp.path().empty());
  Server a = StartServer(tmp / "a", tmp / "a.log", /*empty=*/true);
  ASSERT_NE(a.daemon, nullptr);
  EXPECT_THAT(a.ready.address, StartsWith("127.0.0.1:"));
  EXPECT_EQ(a.ready.data_dir, tmp / "a");
  EXPECT_EQ(a.ready.plan_version, 0);
  EXPECT_EQ(a.ready.events, 0u);

  // Import the seed document through the CLI.
  CommandResult imported = Cli(a.ready.address, {"import", "--file", RENSTRA_SEED_PATH});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_THAT(imported.out, HasSubstr("\n  program                  9\n"));
  EXPECT_THAT(imported.out, HasSubstr("\n  kegiatan                 20\n"));
  EXPECT_THAT(imported.out, HasSubstr("\n  sub kegiatan             84\n"));
  EXPECT_THAT(imported.out, HasSubstr("\n  indikator lanjutan       2\n"));
  EXPECT_THAT(imported.out, HasSubstr("\nFormat angka : id (from the evidence: 602 cell(s) "
                                      "read only in id, first line 726, column 8 (Rp 2022) "
                                      "\"4.584.600.968\""));

  // What became of each line of the seed's T-C.27 (lines 719-852), checked by hand.
  CommandResult lines =
      Cli(a.ready.address, {"import", "--file", RENSTRA_SEED_PATH, "--dry-run", "--lines"});
  ASSERT_EQ(lines.exit_code, 0) << lines.err;
  EXPECT_THAT(lines.out, HasSubstr("\nSemua baris: 134\n  baris 719 dilewati : table header\n"));
  EXPECT_THAT(lines.out, HasSubstr("\n  baris 722 dilewati : table header (column numbers)\n"
                                   "  baris 723 diimpor : tujuan T1\n"
                                   "  baris 724 diimpor : sasaran S1 of tujuan T1\n"));
  EXPECT_THAT(lines.out,
              HasSubstr("\n  baris 726 diimpor : program 1.06.01: indicator 1.06.01#1 (rate: unit "
                        "%)\n"));
  EXPECT_THAT(lines.out, HasSubstr("\n  baris 736 diimpor : sub kegiatan 1.06.01.2.02.0001: "
                                   "indicator 1.06.01.2.02.0001#1 (cumulative: statement says "
                                   "\"menerima\")\n"));
  EXPECT_THAT(lines.out, HasSubstr("\n  baris 852 dilewati : JUMLAH row (its totals are checked "
                                   "against the programs' sums, not stored)\nTemuan: "));

  // A sub kegiatan's 2025 funding and target.
  CommandResult sub =
      Cli(a.ready.address, {"plan", "show", "--code", "1.06.05.2.02.001", "--json"});
  ASSERT_EQ(sub.exit_code, 0) << sub.err;
  const auto subtree = FromJson<v1::GetSubtreeResponse>(sub.out);
  EXPECT_EQ(subtree.node().code(), "1.06.05.2.02.0001");
  EXPECT_EQ(subtree.node().code_written(), "1.06.05.2.02.001");
  bool funding_2025 = false;
  for (const v1::YearFunding& f : subtree.node().funding()) {
    if (f.year() != 2025) continue;
    funding_2025 = true;
    EXPECT_EQ(f.amount().rupiah(), 150000000);
    EXPECT_EQ(f.amount().written(), "150.000.000");
  }
  EXPECT_TRUE(funding_2025);
  ASSERT_EQ(subtree.node().indicators_size(), 1);
  bool target_2025 = false;
  for (const v1::YearTarget& t : subtree.node().indicators(0).targets()) {
    if (t.year() != 2025) continue;
    target_2025 = true;
    EXPECT_EQ(t.value().written(), "135.761 Orang");
    EXPECT_EQ(t.value().kind(), v1::TargetValue::NUMBER);
    EXPECT_EQ(t.value().low().units(), 135761);
  }
  EXPECT_TRUE(target_2025);

  // The text tree of a kegiatan.
  CommandResult tree = Cli(a.ready.address, {"plan", "show", "--code", "1.06.04.2.01"});
  ASSERT_EQ(tree.exit_code, 0) << tree.err;
  // Under the plan's heading and its program, by code and name.
  EXPECT_THAT(tree.out, StartsWith("Renstra Dinas Sosial dan Pemberdayaan Masyarakat Kota Dumai "
                                   "2021-2026 (plan/dinsos-dumai, versi "));
  EXPECT_THAT(tree.out, HasSubstr("); belum terkunci\n\nProgram 1.06.04  PROGRAM REHABILITASI "
                                  "SOSIAL\n  Kegiatan 1.06.04.2.01  "));
  EXPECT_THAT(tree.out, HasSubstr("Bidang Rehabilitasi Sosial"));

  // The whole plan, and the continuation indicator of program 2.13.04.
  CommandResult plan_json = Cli(a.ready.address, {"plan", "show", "--json"});
  ASSERT_EQ(plan_json.exit_code, 0) << plan_json.err;
  const v1::Plan plan = FromJson<v1::GetPlanResponse>(plan_json.out).plan();
  EXPECT_EQ(plan.programs_size(), 9);
  const v1::Node* village = FindProgram(plan, "2.13.04");
  ASSERT_NE(village, nullptr);
  ASSERT_EQ(village->indicators_size(), 2);
  EXPECT_EQ(village->indicators(1).statement(),
            "Persentase Kelurahan yang Tertib Administrasi Pemerintahnya");
  EXPECT_EQ(village->indicators(1).from_year(), 2024);
  EXPECT_EQ(village->indicators(1).to_year(), 2026);
  const v1::Node* institutions = FindProgram(plan, "2.13.05");
  ASSERT_NE(institutions, nullptr);
  EXPECT_EQ(institutions->indicators_size(), 2);

  // The validation report: every expected finding, and nothing else.
  CommandResult report = Cli(a.ready.address, {"plan", "validate", "--json"});
  ASSERT_EQ(report.exit_code, 0) << report.err;
  const auto validation = FromJson<v1::ValidateResponse>(report.out);
  std::vector<std::string> findings;
  for (const v1::Finding& f : validation.findings()) findings.push_back(FindingKey(f));
  EXPECT_THAT(findings, ::testing::UnorderedElementsAreArray(ExpectedSeedFindings()));
  CommandResult report_text = Cli(a.ready.address, {"plan", "validate"});
  ASSERT_EQ(report_text.exit_code, 0) << report_text.err;
  EXPECT_EQ(std::count(report_text.out.begin(), report_text.out.end(), '\n'),
            validation.findings_size());
  EXPECT_THAT(report_text.out, HasSubstr("TARGET_TOTAL 1.06.01.2.02.0001 "));

  // T-C.27 round trip: export from A, import into an empty B, export again.
  CommandResult exported = Cli(a.ready.address, {"plan", "export", "--table", "T-C.27", "--format",
                                                 "tsv", "--output", tmp / "a.tsv"});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  const std::string table_a = ReadFile(tmp / "a.tsv");
  ASSERT_FALSE(table_a.empty());
  CommandResult to_stdout =
      Cli(a.ready.address, {"plan", "export", "--table", "T-C.27", "--format", "tsv"});
  ASSERT_EQ(to_stdout.exit_code, 0) << to_stdout.err;
  EXPECT_EQ(to_stdout.out, table_a);

  Server b = StartServer(tmp / "b", tmp / "b.log", /*empty=*/true);
  ASSERT_NE(b.daemon, nullptr);
  CommandResult reimported = Cli(b.ready.address, {"import", "--file", tmp / "a.tsv"});
  ASSERT_EQ(reimported.exit_code, 0) << reimported.err;
  EXPECT_THAT(reimported.out, HasSubstr("\n  sub kegiatan             84\n"));
  CommandResult exported_b = Cli(b.ready.address, {"plan", "export", "--table", "T-C.27",
                                                   "--format", "tsv", "--output", tmp / "b.tsv"});
  ASSERT_EQ(exported_b.exit_code, 0) << exported_b.err;
  EXPECT_TRUE(ReadFile(tmp / "b.tsv") == table_a) << "the re-exported T-C.27 differs";
  CommandResult report_b = Cli(b.ready.address, {"plan", "validate"});
  EXPECT_EQ(report_b.out, report_text.out);
  EXPECT_EQ(b.daemon->Stop(), 0);

  // The same through CSV: export CSV from A, import it into an empty C, export TSV.
  CommandResult csv = Cli(a.ready.address, {"plan", "export", "--table", "T-C.27", "--format",
                                            "CSV", "--output", tmp / "a.csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_THAT(ReadFile(tmp / "a.csv"), HasSubstr("\n,,1.06.05.2.02.001,"));
  Server c = StartServer(tmp / "c", tmp / "c.log", /*empty=*/true);
  ASSERT_NE(c.daemon, nullptr);
  CommandResult from_csv = Cli(c.ready.address, {"import", "--file", tmp / "a.csv"});
  ASSERT_EQ(from_csv.exit_code, 0) << from_csv.err;
  CommandResult exported_c =
      Cli(c.ready.address, {"plan", "export", "--table", "T-C.27", "--format", "tsv"});
  ASSERT_EQ(exported_c.exit_code, 0) << exported_c.err;
  EXPECT_TRUE(exported_c.out == table_a) << "T-C.27 through CSV differs";
  EXPECT_EQ(c.daemon->Stop(), 0);

  // Restart A on its data dir without --empty: same plan, no second import.
  CommandResult head = Cli(a.ready.address, {"log", "head"});
  ASSERT_EQ(head.exit_code, 0) << head.err;
  const Ready before = a.ready;
  const int64_t version = validation.plan_version();
  EXPECT_EQ(a.daemon->Stop(), 0);
  Server again = StartServer(tmp / "a", tmp / "a.log", /*empty=*/false);
  ASSERT_NE(again.daemon, nullptr);
  EXPECT_EQ(again.ready.plan_version, version);
  EXPECT_GT(again.ready.events, before.events);
  CommandResult head_again = Cli(again.ready.address, {"log", "head"});
  ASSERT_EQ(head_again.exit_code, 0) << head_again.err;
  // Started with --empty, A had no agency: this start (without it) set up the seed
  // agency's 15 events, and nothing of the plan.
  EXPECT_THAT(head_again.out,
              StartsWith("urutan " + std::to_string(std::stoull(head.out.substr(7)) + 15) + "\n"));
  CommandResult verified = Cli(again.ready.address, {"log", "verify"});
  ASSERT_EQ(verified.exit_code, 0) << verified.err;
  EXPECT_THAT(verified.out,
              StartsWith("ok: " + std::to_string(again.ready.events) + " peristiwa diperiksa"));
  EXPECT_EQ(again.daemon->Stop(), 0);
}

TEST(EndToEnd, DefaultStartImportsTheSeedOnce) {
  TempDir tmp;
  ASSERT_FALSE(tmp.path().empty());
  Server first = StartServer(tmp / "data", tmp / "log", /*empty=*/false);
  ASSERT_NE(first.daemon, nullptr);
  EXPECT_GT(first.ready.plan_version, 0);
  // The seed plan's events, then the seed agency's (AgencyCreated, 5 units, 9
  // assignments: data/seed/agency_dinsos_dumai.textproto).
  EXPECT_EQ(first.ready.events, static_cast<uint64_t>(first.ready.plan_version) + 15);
  CommandResult program = Cli(first.ready.address, {"plan", "show", "--code", "1.06.05"});
  ASSERT_EQ(program.exit_code, 0) << program.err;
  EXPECT_THAT(program.out,
              StartsWith("Renstra Dinas Sosial dan Pemberdayaan Masyarakat Kota Dumai 2021-2026 "
                         "(plan/dinsos-dumai, versi 1324)\nPerubahan ke-0 (sesuai dokumen yang "
                         "diimpor); belum terkunci\n\nProgram 1.06.05  PROGRAM PERLINDUNGAN DAN "
                         "JAMINAN SOSIAL\n  Penanggung jawab: "));

  // The plan has content: a further import is refused and writes nothing.
  CommandResult again = Cli(first.ready.address, {"import", "--file", RENSTRA_SEED_PATH});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_THAT(again.err, StartsWith("renstra: refused: "));
  EXPECT_EQ(first.daemon->Stop(), 0);

  Server second = StartServer(tmp / "data", tmp / "log", /*empty=*/false);
  ASSERT_NE(second.daemon, nullptr);
  EXPECT_EQ(second.ready.plan_version, first.ready.plan_version);
  EXPECT_EQ(second.ready.events, first.ready.events);
}

TEST(EndToEnd, CliReportsErrorsWithANonZeroExit) {
  const std::string dead = "127.0.0.1:" + std::to_string(DeadPort());
  CommandResult unreachable = Cli(dead, {"plan", "show"});
  EXPECT_EQ(unreachable.exit_code, 1);
  EXPECT_THAT(unreachable.err,
              StartsWith("renstra: cannot reach renstrad at " + dead + " (is it running?): "));

  TempDir tmp;
  ASSERT_FALSE(tmp.path().empty());
  Server server = StartServer(tmp / "data", tmp / "log", /*empty=*/true);
  ASSERT_NE(server.daemon, nullptr);
  CommandResult unknown = Cli(server.ready.address, {"plan", "show", "--code", "9.99.99"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_EQ(
      unknown.err,
      "renstra: tidak ada program, kegiatan atau sub kegiatan berkode 9.99.99 dalam renstra\n");

  CommandResult bad_table =
      Cli(server.ready.address, {"plan", "export", "--table", "T-C.99", "--format", "tsv"});
  EXPECT_EQ(bad_table.exit_code, 1);
  EXPECT_THAT(bad_table.err, StartsWith("renstra: invalid request: table"));

  CommandResult missing_file = Cli(server.ready.address, {"import", "--file", tmp / "nope"});
  EXPECT_EQ(missing_file.exit_code, 2);
  EXPECT_THAT(missing_file.err, StartsWith("renstra: tidak dapat membaca "));

  CommandResult usage = Cli(server.ready.address, {"plan"});
  EXPECT_EQ(usage.exit_code, 2);

  // RENSTRA_SERVER names the server when --server is not given.
  CommandResult from_env =
      RunCommand({RENSTRA_CLI_PATH, "log", "head"}, {{"RENSTRA_SERVER", server.ready.address}});
  EXPECT_EQ(from_env.exit_code, 0) << from_env.err;
  EXPECT_EQ(from_env.out, "urutan 0\nhash " + std::string(64, '0') + "\n");
}

TEST(EndToEnd, ServerRefusesATamperedLog) {
  TempDir tmp;
  ASSERT_FALSE(tmp.path().empty());
  const std::string data = tmp / "data";
  Server server = StartServer(data, tmp / "log", /*empty=*/false);
  ASSERT_NE(server.daemon, nullptr);
  const uint64_t events = server.ready.events;
  ASSERT_GT(events, 0u);
  EXPECT_EQ(server.daemon->Stop(), 0);

  // Someone edits the last stored event behind the server's back.
  ASSERT_NO_FATAL_FAILURE(FlipLastByteOfEvent(data, events));
  CommandResult refused = RunCommand({RENSTRAD_PATH, "--listen=127.0.0.1:0", "--data_dir=" + data});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_THAT(refused.err,
              HasSubstr("renstrad: refusing to serve: the event log in " + data + " is damaged: "));
  EXPECT_THAT(refused.err, HasSubstr("event " + std::to_string(events) + ": "));
  EXPECT_EQ(refused.out, "");
}

}  // namespace
}  // namespace renstra::testing
