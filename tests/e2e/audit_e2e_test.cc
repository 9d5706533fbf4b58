// End-to-end: the inspectorate's audit through the real renstrad and renstra binaries —
// signed tree heads checked against a pinned key, consistency with the last verified
// head, inclusion of events, history, diffs, the live feed, and archives verified
// offline — and the same checks failing on a tampered, truncated or foreign log.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "renstra/v1/users.pb.h"
#include "renstra/v1/workflow_service.pb.h"
#include "rocksdb/db.h"
#include "storage/envelope_hash.h"
#include "storage/rocksdb_layout.h"
#include "tests/e2e/e2e_fixture.h"
#include "tests/e2e/process.h"
#include "tests/testing/status_matchers.h"

namespace renstra::testing {
namespace {

using ::testing::HasSubstr;

// The stored bytes of event `sequence` in the (stopped) server's RocksDB.
std::string StoredEvent(const std::string& dir, uint64_t sequence) {
  std::vector<std::string> names;
  EXPECT_THAT(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir, &names), IsOk());
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  size_t events = 0;
  for (size_t i = 0; i < names.size(); ++i) {
    families.emplace_back(names[i], rocksdb::ColumnFamilyOptions());
    if (names[i] == layout::kEventsCf) events = i;
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  EXPECT_THAT(rocksdb::DB::OpenForReadOnly(rocksdb::DBOptions(), dir, families, &handles, &raw),
              IsOk());
  if (raw == nullptr) return "";
  std::string value;
  EXPECT_THAT(
      raw->Get(rocksdb::ReadOptions(), handles[events], layout::EncodeU64(sequence), &value),
      IsOk());
  for (rocksdb::ColumnFamilyHandle* h : handles)
    EXPECT_THAT(raw->DestroyColumnFamilyHandle(h), IsOk());
  delete raw;
  return value;
}

constexpr char kKadisToken[] = "kadis-71c0a9e2d4b35f86";
constexpr char kRehabToken[] = "rehab-2e5d8b0c91a4f763";
constexpr char kInspektoratToken[] = "inspektorat-9a3f6c1e0b7d2854";
constexpr char kAdminToken[] = "admin-c4e81b29f06a7d35";
constexpr char kRehabIndicator[] = "1.06.04.2.01.0001#1";

class AuditEndToEnd : public SeededDaemonTest {
 protected:
  std::vector<DaemonUser> Users() const override {
    return {{"kadis", v1::Role::KEPALA_DINAS, v1::DIVISION_UNSPECIFIED, kKadisToken},
            {"rehab", v1::Role::KEPALA_BIDANG, v1::REHABILITASI_SOSIAL, kRehabToken},
            {"inspektorat", v1::Role::INSPEKTORAT, v1::DIVISION_UNSPECIFIED, kInspektoratToken},
            {"admin", v1::Role::ADMIN, v1::DIVISION_UNSPECIFIED, kAdminToken}};
  }

  // The inspectorate's verification with the pinned key and its state file.
  CommandResult Verify(std::vector<std::string> events = {}) {
    std::vector<std::string> args = {
        "audit", "verify", "--pubkey", tmp_ / "pinned.pem", "--state", tmp_ / "verified-head"};
    for (const std::string& e : events) {
      args.push_back("--event");
      args.push_back(e);
    }
    return As(kInspektoratToken, args);
  }

  void PinKey() {
    CommandResult pub = As(kInspektoratToken, {"audit", "pubkey", "-o", tmp_ / "pinned.pem"});
    ASSERT_EQ(pub.exit_code, 0) << pub.err;
  }

  // A proposal drafted and submitted by rehab: two events.
  void Propose(const std::string& value) {
    CommandResult r =
        As(kRehabToken, {"propose", "--justification", "uji", "--set-target",
                         std::string(kRehabIndicator) + ":2025=" + value, "--submit"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
};

TEST_F(AuditEndToEnd, VerifiesACleanLogAndItsGrowth) {
  ASSERT_NO_FATAL_FAILURE(PinKey());
  const uint64_t seed_events = server_.ready.events;
  CommandResult first = Verify({"1", std::to_string(seed_events)});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_THAT(first.out,
              HasSubstr("ok: kepala pohon " + std::to_string(seed_events) + " peristiwa"));
  EXPECT_THAT(first.out, HasSubstr("ok: peristiwa 1 (renstra.v1.PlanEstablished di "
                                   "plan/dinsos-dumai) ada di log bertanda tangan"));
  EXPECT_THAT(first.out, HasSubstr("\nterverifikasi\n"));

  ASSERT_NO_FATAL_FAILURE(Propose("230 Orang"));
  CommandResult second = Verify({std::to_string(seed_events + 1)});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_THAT(second.out, HasSubstr("ok: kepala pohon " + std::to_string(seed_events + 2)));
  EXPECT_THAT(second.out, HasSubstr("ok: konsisten dengan kepala yang diverifikasi sebelumnya (" +
                                    std::to_string(seed_events) + " peristiwa)"));
  EXPECT_THAT(second.out, HasSubstr("ok: peristiwa " + std::to_string(seed_events + 1) +
                                    " (renstra.v1.ProposalDrafted di proposal/USL-0001)"));

  // The admin's server-side re-hash agrees; the inspectorate may not run it (recorded).
  CommandResult rehash = As(kAdminToken, {"audit", "rehash"});
  ASSERT_EQ(rehash.exit_code, 0) << rehash.err;
  EXPECT_THAT(rehash.out,
              HasSubstr("ok: " + std::to_string(seed_events + 2) + " peristiwa di-hash ulang"));
  CommandResult refused = As(kInspektoratToken, {"audit", "rehash"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_THAT(refused.err,
              HasSubstr("only ADMIN may re-hash the store; inspektorat is INSPEKTORAT"));
  CommandResult denied = As(kInspektoratToken, {"audit", "history", "--user", "inspektorat"});
  ASSERT_EQ(denied.exit_code, 0) << denied.err;
  EXPECT_THAT(denied.out, HasSubstr("  inspektorat (INSPEKTORAT)  akses ditolak: PERMISSION_DENIED "
                                    "/renstra.v1.AuditService/RehashStore: "));
}

TEST_F(AuditEndToEnd, AFlippedByteFailsVerificationNamingTheEvent) {
  ASSERT_NO_FATAL_FAILURE(PinKey());
  ASSERT_EQ(Verify().exit_code, 0);
  const uint64_t events = server_.ready.events;
  Stop();

  // Someone edits event 700 on disk; the tail check at start looks at the last 10 only.
  ASSERT_NO_FATAL_FAILURE(FlipLastByteOfEvent(tmp_ / "data", 700));
  ASSERT_NO_FATAL_FAILURE(Start(tmp_ / "data", {"--verify_tail=10"}));
  ASSERT_EQ(server_.ready.events, events);
  // The server's background check of the whole chain (which also re-hashes the
  // snapshot's Merkle tree) finds the edit itself and refuses every audit read.
  CommandResult refused = Verify();
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_THAT(refused.err, HasSubstr("renstra: the event log is damaged: event 700: prev_hash "));
  EXPECT_THAT(refused.err, HasSubstr(" does not match the hash of event 699 ("));
  EXPECT_THAT(refused.err, HasSubstr("; found by the background check of the whole chain"));
  Stop();

  // Without the snapshot too: before that check, only the client's pinned tree head
  // showed that history was rewritten.
  std::filesystem::remove_all(std::filesystem::path(tmp_ / "data") / "snapshots");
  ASSERT_NO_FATAL_FAILURE(Start(tmp_ / "data", {"--verify_tail=10"}));
  CommandResult verify = Verify();
  EXPECT_EQ(verify.exit_code, 1);
  EXPECT_THAT(verify.err, HasSubstr("renstra: the event log is damaged: event 700: prev_hash "));
  CommandResult rehash = As(kAdminToken, {"audit", "rehash"});
  EXPECT_EQ(rehash.exit_code, 1);
  EXPECT_THAT(rehash.err, HasSubstr("event 700"));
}

// The log's head sequence, as `renstra log head` prints it.
uint64_t HeadOf(const CommandResult& head) {
  EXPECT_EQ(head.exit_code, 0) << head.err;
  return std::stoull(head.out.substr(std::string("urutan ").size()));
}

TEST_F(AuditEndToEnd, AFlippedWalByteAfterKillRefusesToStartUntilTheLossIsAccepted) {
  const std::string data = tmp_ / "data";
  uint64_t before_third = 0;
  for (int i = 1; i <= 5; ++i) {
    if (i == 3) before_third = HeadOf(As(kInspektoratToken, {"log", "head"}));
    CommandResult r =
        As(kRehabToken,
           {"propose", "--justification", "jejak-" + std::to_string(i), "--set-target",
            std::string(kRehabIndicator) + ":2025=23" + std::to_string(i) + " Orang", "--submit"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  const uint64_t acknowledged = HeadOf(As(kInspektoratToken, {"log", "head"}));
  EXPECT_EQ(server_.daemon->Kill(), 128 + 9);
  server_.daemon.reset();

  // One byte flipped in the write-ahead log, inside the third proposal's first record.
  std::string wal;
  std::string bytes;
  for (const auto& entry : std::filesystem::directory_iterator(data)) {
    if (entry.path().extension() != ".log") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    if (content.str().find("jejak-3") != std::string::npos) {
      wal = entry.path().string();
      bytes = content.str();
    }
  }
  ASSERT_FALSE(wal.empty());
  bytes[bytes.find("jejak-3") + 2] ^= 0x20;
  std::ofstream(wal, std::ios::binary | std::ios::trunc) << bytes;

  const std::vector<std::string> argv = {RENSTRAD_PATH, "--listen=127.0.0.1:0",
                                         "--data_dir=" + data, "--users=" + users_file_};
  CommandResult refused = RunCommand(argv);
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_EQ(refused.out, "");
  const uint64_t missing = acknowledged - before_third;
  EXPECT_THAT(
      refused.err,
      HasSubstr("renstrad: refusing to serve: the event log in " + data + " is damaged: open " +
                data + ": " + std::to_string(missing) + " acknowledged events are missing, from " +
                "event " + std::to_string(before_third + 1) + " to " +
                std::to_string(acknowledged) + ": the log ends at event " +
                std::to_string(before_third) + ", but events up to " +
                std::to_string(acknowledged) + " were acknowledged (recorded in " + data +
                "/RENSTRA-ACKNOWLEDGED); RocksDB reported: Corruption: "));
  EXPECT_THAT(refused.err,
              HasSubstr("; the write-ahead log as found is kept in " + data + "/wal-kept-"));
  EXPECT_THAT(refused.err,
              HasSubstr("; restore a backup, or serve the log as it is with --accept_log_loss=" +
                        std::to_string(before_third) + "\n"));

  // Accepting another head changes nothing; the exact one serves the shorter log, with the
  // acceptance recorded as its next event.
  std::vector<std::string> wrong = argv;
  wrong.push_back("--accept_log_loss=" + std::to_string(before_third + 1));
  CommandResult not_that = RunCommand(wrong);
  EXPECT_EQ(not_that.exit_code, 2);
  EXPECT_THAT(
      not_that.err,
      HasSubstr("renstrad: cannot open the event log in " + data + ": FAILED_PRECONDITION: open " +
                data + ": accept_log_loss: " + std::to_string(before_third + 1) +
                ", but the log recovers to event " + std::to_string(before_third) +
                "; give that exact head to accept the loss\n"));
  ASSERT_NO_FATAL_FAILURE(Start(data, {"--accept_log_loss=" + std::to_string(before_third)}));
  EXPECT_EQ(server_.ready.events, before_third + 1);
  CommandResult accepted = As(kInspektoratToken, {"audit", "history", "--user", "renstrad"});
  ASSERT_EQ(accepted.exit_code, 0) << accepted.err;
  EXPECT_THAT(accepted.out, HasSubstr("  renstrad  kehilangan log diterima: log diakui sampai #"));
  Stop();
  ASSERT_NO_FATAL_FAILURE(Start(data));
  EXPECT_EQ(server_.ready.events, before_third + 1);
}

TEST_F(AuditEndToEnd, ATamperedOldEventWithoutASnapshotStopsAuditReadsAndWrites) {
  const uint64_t events = server_.ready.events;
  Stop();
  // Someone edits event 700 on disk with valid RocksDB checksums; no snapshot to compare
  // with, and the tail check at start looks at the last 10 events only.
  std::filesystem::remove_all(std::filesystem::path(tmp_ / "data") / "snapshots");
  ASSERT_NO_FATAL_FAILURE(FlipLastByteOfEvent(tmp_ / "data", 700));
  const std::string before = StoredEvent(tmp_ / "data", 699);
  const std::string edited = StoredEvent(tmp_ / "data", 700);
  v1::EventEnvelope envelope;
  ASSERT_TRUE(envelope.ParseFromString(edited));
  ASSERT_NO_FATAL_FAILURE(Start(tmp_ / "data", {"--verify_tail=10", "--snapshot_every=0"}));
  ASSERT_EQ(server_.ready.events, events);

  // The background check of the whole chain names the first bad event.
  const std::string reason =
      "event 700: prev_hash " + ToHex(envelope.prev_hash()) +
      " does not match the hash of event 699 (" + ToHex(Sha256(before)) +
      "); one of them was altered; found by the background check of the whole chain: audit "
      "reads and writes are refused until the log is repaired (restore a backup)";
  CommandResult head = As(kInspektoratToken, {"audit", "head"});
  EXPECT_EQ(head.exit_code, 1);
  EXPECT_EQ(head.err, "renstra: the event log is damaged: " + reason + "\n");
  CommandResult history = As(kInspektoratToken, {"audit", "history", "--user", "rehab"});
  EXPECT_EQ(history.exit_code, 1);
  EXPECT_EQ(history.err, "renstra: the event log is damaged: " + reason + "\n");
  // Writes are refused too, and nothing is appended.
  CommandResult propose =
      As(kRehabToken, {"propose", "--justification", "uji", "--set-target",
                       std::string(kRehabIndicator) + ":2025=230 Orang", "--submit"});
  EXPECT_EQ(propose.exit_code, 1);
  EXPECT_EQ(propose.err, "renstra: the event log is damaged: " + reason + "\n");
  CommandResult log_head = As(kInspektoratToken, {"log", "head"});
  ASSERT_EQ(log_head.exit_code, 0) << log_head.err;
  EXPECT_THAT(log_head.out, HasSubstr("urutan " + std::to_string(events) + "\n"));
}

TEST_F(AuditEndToEnd, ATruncatedLogOrAForeignKeyIsRejected) {
  ASSERT_NO_FATAL_FAILURE(PinKey());
  const uint64_t seed_events = server_.ready.events;
  Stop();
  // A copy of the store as it is now, to roll back to later.
  std::filesystem::copy(tmp_ / "data", tmp_ / "old", std::filesystem::copy_options::recursive);
  ASSERT_NO_FATAL_FAILURE(Start(tmp_ / "data"));
  ASSERT_NO_FATAL_FAILURE(Propose("230 Orang"));
  ASSERT_EQ(Verify().exit_code, 0);
  Stop();

  // The server is rolled back to the older copy: two acknowledged events disappear.
  ASSERT_NO_FATAL_FAILURE(Start(tmp_ / "old"));
  CommandResult truncated = Verify();
  EXPECT_EQ(truncated.exit_code, 1);
  EXPECT_THAT(truncated.err,
              HasSubstr("GAGAL: log menyusut: " + std::to_string(seed_events + 2) +
                        " peristiwa telah diverifikasi sebelumnya, server kini menandatangani " +
                        std::to_string(seed_events) + " (riwayat terpotong)"));
  Stop();

  // Another server (another key) cannot pass for this one.
  ASSERT_NO_FATAL_FAILURE(Start(tmp_ / "other"));
  CommandResult foreign = Verify();
  EXPECT_EQ(foreign.exit_code, 1);
  EXPECT_THAT(foreign.err, HasSubstr("GAGAL: kepala pohon " + std::to_string(seed_events) +
                                     " peristiwa tidak ditandatangani kunci yang disematkan"));
  EXPECT_THAT(foreign.err, HasSubstr("signature does not verify with the pinned key"));
}

TEST_F(AuditEndToEnd, HistoryDiffFollowAndArchive) {
  ASSERT_NO_FATAL_FAILURE(PinKey());
  const uint64_t seed_events = server_.ready.events;
  // The seed plan's version (the log also holds the seed agency's events).
  const std::string seed_version = std::to_string(server_.ready.plan_version);

  // A live feed from the last seed event sees it, then the four events that follow.
  CommandResult feed;
  std::thread follower([&] {
    feed = As(kInspektoratToken,
              {"audit", "follow", "--from", std::to_string(seed_events), "--count", "5"});
  });
  ASSERT_NO_FATAL_FAILURE(Propose("230 Orang"));
  ASSERT_EQ(As(kKadisToken, {"review", "USL-0001", "--approve"}).exit_code, 0);
  ASSERT_EQ(As(kKadisToken, {"revision", "open", "--name", "Perubahan Renstra 2025"}).exit_code, 0);
  follower.join();
  ASSERT_EQ(feed.exit_code, 0) << feed.err;
  std::vector<std::string> lines;
  std::istringstream in(feed.out);
  for (std::string line; std::getline(in, line);) lines.push_back(line.substr(0, line.find(' ')));
  EXPECT_EQ(lines, (std::vector<std::string>{
                       "#" + std::to_string(seed_events), "#" + std::to_string(seed_events + 1),
                       "#" + std::to_string(seed_events + 2), "#" + std::to_string(seed_events + 3),
                       "#" + std::to_string(seed_events + 4)}));

  CommandResult ratify =
      As(kKadisToken, {"revision", "ratify", "--legal-basis", "Perwako Dumai No. 12 Tahun 2025",
                       "--signer", "Kepala Dinas", "--effective-date", "2025-07-01", "USL-0001",
                       "--accept-findings", "--accept-reason", "Kondisi akhir menyusul"});
  ASSERT_EQ(ratify.exit_code, 0) << ratify.err;

  CommandResult diff =
      As(kInspektoratToken, {"audit", "diff", "--from", seed_version, "--format", "tsv"});
  ASSERT_EQ(diff.exit_code, 0) << diff.err;
  EXPECT_EQ(diff.out,
            "perubahan\tkode/indikator\ttahun\tsebelum\tsesudah\tperubahan renstra\tdasar hukum\t"
            "usulan\tdiusulkan oleh\tdisetujui oleh\n"
            "target\t1.06.04.2.01.0001#1\t2025\t210 Orang\t230 Orang\tREV-1 Perubahan Renstra "
            "2025\tPerwako Dumai No. 12 Tahun 2025\tUSL-0001\trehab\tkadis\n");
  CommandResult html =
      As(kInspektoratToken, {"audit", "diff", "--from", seed_version, "--format", "html"});
  ASSERT_EQ(html.exit_code, 0) << html.err;
  EXPECT_THAT(html.out, HasSubstr("<td class=\"before\">210 Orang</td><td class=\"after\">230 "
                                  "Orang</td>"));

  CommandResult history = As(kInspektoratToken, {"audit", "history", "--revision", "REV-1"});
  ASSERT_EQ(history.exit_code, 0) << history.err;
  EXPECT_THAT(history.out, HasSubstr("  kadis (KEPALA_DINAS)  perubahan renstra dibuka: REV-1 "
                                     "Perubahan Renstra 2025  [permintaan "));
  EXPECT_THAT(history.out, HasSubstr("  kadis (KEPALA_DINAS)  perubahan renstra disahkan: REV-1 "
                                     "Perubahan Renstra 2025 (dasar hukum Perwako Dumai No. 12 "
                                     "Tahun 2025), usulan USL-0001  [permintaan "));
  EXPECT_THAT(history.out, HasSubstr("  kadis (KEPALA_DINAS)  target ditetapkan: "
                                     "1.06.04.2.01.0001#1 2025 = 230 Orang  [permintaan "));
  // The end-of-period target follows the change (consequences.h): nothing to accept.
  EXPECT_THAT(history.out, HasSubstr("  kadis (KEPALA_DINAS)  kondisi akhir periode ditetapkan: "
                                     "1.06.04.2.01.0001#1 target = 740 Orang  [permintaan "));
  EXPECT_THAT(history.out, HasSubstr("\n4 peristiwa\n"));

  // The plan before the first event, and now.
  CommandResult early = As(kInspektoratToken, {"plan", "show", "--as-of", "2020-01-01"});
  EXPECT_EQ(early.exit_code, 1);
  EXPECT_THAT(early.err, HasSubstr("is before the plan plan/dinsos-dumai was established"));

  // The archive verifies offline; an edited line does not.
  const std::string archive = tmp_ / "log.jsonl";
  CommandResult exported = As(kInspektoratToken, {"audit", "export", "-o", archive});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  CommandResult offline =
      Cli("127.0.0.1:1", {"audit", "verify-export", archive, "--pubkey", tmp_ / "pinned.pem"});
  ASSERT_EQ(offline.exit_code, 0) << offline.err;
  EXPECT_THAT(offline.out,
              HasSubstr(": " + std::to_string(seed_events + 7) + " peristiwa; kepala rantai "));

  std::string text = ReadFile(archive);
  const size_t at = text.find("Perubahan Renstra 2025");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 22, "Perubahan Renstra 2026");
  std::ofstream(archive, std::ios::trunc) << text;
  CommandResult edited =
      Cli("127.0.0.1:1", {"audit", "verify-export", archive, "--pubkey", tmp_ / "pinned.pem"});
  EXPECT_EQ(edited.exit_code, 1);
  EXPECT_THAT(edited.err, HasSubstr("prev_hash does not match the previous event"));
}

// More data than one page: the CLI follows the pages (issue 11, item 4). A small page
// size stands in for a log of large events.
TEST_F(AuditEndToEnd, ExportHistoryAndProposalListFollowSmallPages) {
  ASSERT_NO_FATAL_FAILURE(PinKey());
  const uint64_t seed_events = server_.ready.events;
  for (const char* value : {"220 Orang", "230 Orang", "240 Orang"}) {
    ASSERT_NO_FATAL_FAILURE(Propose(value));
  }

  CommandResult list = As(kInspektoratToken, {"proposal", "list", "--page-size", "2"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_THAT(list.out, HasSubstr("USL-0001  DIAJUKAN  rehab"));
  EXPECT_THAT(list.out, HasSubstr("USL-0002  DIAJUKAN  rehab"));
  EXPECT_THAT(list.out, HasSubstr("USL-0003  DIAJUKAN  rehab"));
  CommandResult json = As(kInspektoratToken, {"proposal", "list", "--page-size", "1", "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const v1::ListProposalsResponse all = FromJson<v1::ListProposalsResponse>(json.out);
  EXPECT_EQ(all.proposals_size(), 3);
  EXPECT_EQ(all.next_page_token(), "");

  CommandResult history =
      As(kInspektoratToken, {"audit", "history", "--user", "rehab", "--page-size", "2"});
  ASSERT_EQ(history.exit_code, 0) << history.err;
  EXPECT_THAT(history.out, HasSubstr("\n6 peristiwa\n"));

  const std::string archive = tmp_ / "paged.jsonl";
  CommandResult exported =
      As(kInspektoratToken, {"audit", "export", "-o", archive, "--page-size", "7"});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_THAT(exported.out, HasSubstr(": " + std::to_string(seed_events + 6) + " peristiwa"));
  CommandResult offline =
      Cli("127.0.0.1:1", {"audit", "verify-export", archive, "--pubkey", tmp_ / "pinned.pem"});
  ASSERT_EQ(offline.exit_code, 0) << offline.err;
  EXPECT_THAT(offline.out,
              HasSubstr(": " + std::to_string(seed_events + 6) + " peristiwa; kepala rantai "));
}

// The legal timeline from the CLI: `plan show --in-force` by effective date, and
// `audit diff` by revision, with the refusal of a range that is not one.
TEST_F(AuditEndToEnd, InForceByEffectiveDateAndDiffByRevision) {
  const std::string seed_version = std::to_string(server_.ready.plan_version);
  ASSERT_NO_FATAL_FAILURE(Propose("230 Orang"));
  ASSERT_EQ(As(kKadisToken, {"review", "USL-0001", "--approve"}).exit_code, 0);
  ASSERT_EQ(As(kKadisToken, {"revision", "open", "--name", "Perubahan Renstra 2025"}).exit_code, 0);
  CommandResult ratify =
      As(kKadisToken, {"revision", "ratify", "--legal-basis", "Perwako Dumai No. 12 Tahun 2025",
                       "--signer", "Kepala Dinas", "--effective-date", "2025-07-01", "USL-0001",
                       "--accept-findings", "--accept-reason", "Kondisi akhir menyusul"});
  ASSERT_EQ(ratify.exit_code, 0) << ratify.err;
  // Opening REV-1, its ratification, its one change and the end-of-period target that
  // follows it (720 -> 740 Orang, consequences.h).
  const std::string rev1_version = std::to_string(server_.ready.plan_version + 4);

  CommandResult before = As(kInspektoratToken, {"plan", "show", "--in-force", "2025-06-30",
                                                "--code", "1.06.04.2.01.0001"});
  ASSERT_EQ(before.exit_code, 0) << before.err;
  EXPECT_THAT(before.out, ::testing::StartsWith("Renstra yang berlaku pada 2025-06-30: hasil "
                                                "impor\nRenstra "));
  EXPECT_THAT(before.out, HasSubstr("\n        2025   210 Orang  350.000.000\n"));
  EXPECT_THAT(before.out, ::testing::Not(HasSubstr("230 Orang")));
  CommandResult on = As(kInspektoratToken, {"plan", "show", "--in-force", "2025-07-01", "--code",
                                            "1.06.04.2.01.0001"});
  ASSERT_EQ(on.exit_code, 0) << on.err;
  EXPECT_THAT(on.out, ::testing::StartsWith("Renstra yang berlaku pada 2025-07-01: hasil impor + "
                                            "REV-1 (berlaku 2025-07-01)\nRenstra "));
  EXPECT_THAT(on.out, HasSubstr("\n        2025   230 Orang  350.000.000\n"));
  CommandResult outside = As(kInspektoratToken, {"plan", "show", "--in-force", "2020-12-31"});
  EXPECT_EQ(outside.exit_code, 1);
  EXPECT_EQ(outside.err,
            "renstra: not found: in_force_date: 2020-12-31 is before the plan's period "
            "2021–2026 (2021-01-01 to 2026-12-31) began; no plan was in force\n");

  CommandResult diff = As(kInspektoratToken,
                          {"audit", "diff", "--from", "REV-0", "--to", "REV-1", "--format", "tsv"});
  ASSERT_EQ(diff.exit_code, 0) << diff.err;
  EXPECT_EQ(diff.out,
            "perubahan\tkode/indikator\ttahun\tsebelum\tsesudah\tperubahan renstra\tdasar hukum\t"
            "usulan\tdiusulkan oleh\tdisetujui oleh\n"
            "target\t1.06.04.2.01.0001#1\t2025\t210 Orang\t230 Orang\tREV-1 Perubahan Renstra "
            "2025\tPerwako Dumai No. 12 Tahun 2025\tUSL-0001\trehab\tkadis\n");
  CommandResult zero = As(kInspektoratToken, {"audit", "diff", "--from", "0"});
  EXPECT_EQ(zero.exit_code, 1);
  EXPECT_EQ(zero.out, "");
  EXPECT_EQ(zero.err,
            "renstra: invalid request: from_version: required (a plan version or "
            "from_revision); 0 is not a plan version; the plan's versions run from " +
                seed_version + " (as imported) to " + rev1_version +
                " (current); its revisions are REV-0 (as imported, version " + seed_version +
                "), REV-1 (version " + rev1_version + ")\n");
}

}  // namespace
}  // namespace renstra::testing
