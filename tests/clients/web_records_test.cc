// The web console's Realisasi, Laporan and Audit side (clients/web/): a realization's
// typed value read as the CLI reads it, renstrad's realization and report refusals in
// Bahasa Indonesia, a report as the page's JSON and as the downloaded files, an event
// history, and the verification of a copy of the log.
#include <gtest/gtest.h>

#include <fstream>
#include <vector>

#include "audit/ed25519_key.h"
#include "audit/merkle_hash.h"
#include "audit/merkle_tree.h"
#include "audit/tree_head.h"
#include "clients/web/audit_views.h"
#include "clients/web/change_values.h"
#include "clients/web/report_files.h"
#include "clients/web/web_errors.h"
#include "renstra/v1/realization.pb.h"
#include "storage/envelope_hash.h"
#include "tests/testing/temp_dir.h"
#include "tests/testing/xlsx_reader.h"

namespace renstra::web {
namespace {

// --- Typed realization values ------------------------------------------------------------

TEST(RealizationValuesTest, AQuartersValueAndRupiahAreReadAsTheCliReadsThem) {
  v1::RecordAchievementRequest achievement;
  achievement.set_quarter(1);
  achievement.mutable_value()->mutable_yearly()->set_written("85,5");
  achievement.mutable_value()->mutable_q3();  // sent empty: not stated
  EXPECT_EQ(ReadWrittenRealization(&achievement), std::nullopt);
  const v1::TargetValue& value = achievement.value().yearly();
  EXPECT_EQ(value.kind(), v1::TargetValue::NUMBER);
  EXPECT_EQ(value.low().units(), 855);
  EXPECT_EQ(value.low().scale(), 1);
  EXPECT_EQ(value.unit(), "");
  EXPECT_FALSE(achievement.value().has_q3());

  v1::RecordSpendingRequest spending;
  spending.mutable_spent()->set_written("1.234.567");
  EXPECT_EQ(ReadWrittenRealization(&spending), std::nullopt);
  EXPECT_TRUE(spending.spent().present());
  EXPECT_EQ(spending.spent().rupiah(), 1234567);

  v1::CorrectRealizationRequest correction;
  correction.mutable_achievement()->mutable_q2()->set_written("90 Orang");
  EXPECT_EQ(ReadWrittenRealization(&correction), std::nullopt);
  EXPECT_EQ(correction.achievement().q2().unit(), "Orang");
  v1::CorrectRealizationRequest retraction;
  retraction.set_retract(true);
  EXPECT_EQ(ReadWrittenRealization(&retraction), std::nullopt);
  EXPECT_TRUE(retraction.retract());
}

TEST(RealizationValuesTest, AnUnreadableOrMissingValueIs400NamingItsField) {
  v1::RecordSpendingRequest words;
  words.mutable_spent()->set_written("sejuta");
  std::optional<WebError> e = ReadWrittenRealization(&words);
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->http_status, 400);
  EXPECT_EQ(e->code, "INVALID_ARGUMENT");
  EXPECT_EQ(e->field, "spent.written");
  EXPECT_EQ(e->message,
            "Isian 'spent.written' tidak dapat dibaca: money \"sejuta\": unexpected character "
            "'s'.");

  v1::RecordSpendingRequest blank;
  e = ReadWrittenRealization(&blank);
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->message, "Isian 'spent.written' tidak dapat dibaca: wajib diisi.");

  v1::RecordAchievementRequest achievement;
  achievement.mutable_value()->mutable_q2()->set_written("85,5,5");
  e = ReadWrittenRealization(&achievement);
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->field, "value.q2.written");
}

// --- Refusals -----------------------------------------------------------------------------

WebError Refusal(grpc::StatusCode code, const std::string& message) {
  return ToWebError(grpc::Status(code, message));
}

TEST(RealizationErrorsTest, RenstradsRealizationRefusalsAreSaidInIndonesian) {
  EXPECT_EQ(Refusal(grpc::StatusCode::INVALID_ARGUMENT,
                    "value.q1: unit \"Orang\" does not match the indicator's unit \"%\"")
                .message,
            "Isian 'value.q1' tidak valid: satuan \"Orang\" tidak sesuai dengan satuan indikator "
            "\"%\".");
  EXPECT_EQ(Refusal(grpc::StatusCode::INVALID_ARGUMENT,
                    "evidence_ref: required (the document that proves the figure)")
                .message,
            "Isian 'evidence_ref' tidak valid: wajib diisi (dokumen yang membuktikan angka).");
  EXPECT_EQ(Refusal(grpc::StatusCode::INVALID_ARGUMENT, "spent: \"-5\" is negative").message,
            "Isian 'spent' tidak valid: tidak boleh negatif (-5).");
  const WebError recorded =
      Refusal(grpc::StatusCode::FAILED_PRECONDITION,
              "indicator 1.06.04.2.01#1 2025 triwulan I already has realization RLZ-000001; "
              "record a correction of it instead");
  EXPECT_EQ(recorded.http_status, 409);
  EXPECT_EQ(recorded.message,
            "Sudah dicatat: indikator 1.06.04.2.01#1 tahun 2025 triwulan I sudah memiliki "
            "realisasi RLZ-000001; catat koreksinya bila perlu diubah.");
  EXPECT_EQ(Refusal(grpc::StatusCode::FAILED_PRECONDITION,
                    "node 1.06.04.2.01 2025 already has realization RLZ-000002; record a "
                    "correction of it instead")
                .message,
            "Sudah dicatat: simpul 1.06.04.2.01 tahun 2025 sudah memiliki realisasi RLZ-000002; "
            "catat koreksinya bila perlu diubah.");
  const WebError division = Refusal(
      grpc::StatusCode::PERMISSION_DENIED,
      "rule: a division proposes and records only for its own nodes; node 1.06.02.2.02.0001 "
      "belongs to Bidang Pemberdayaan Sosial, rehab acts for Bidang Rehabilitasi Sosial");
  EXPECT_EQ(division.http_status, 403);
  EXPECT_EQ(division.field, "");
  EXPECT_EQ(division.message,
            "Ditolak: setiap bidang hanya mengusulkan dan mencatat untuk simpulnya sendiri; "
            "simpul 1.06.02.2.02.0001 milik Bidang Pemberdayaan Sosial, sedangkan rehab "
            "bertindak untuk Bidang Rehabilitasi Sosial.");
  EXPECT_EQ(Refusal(grpc::StatusCode::PERMISSION_DENIED,
                    "rule: only KEPALA_BIDANG or SEKRETARIAT may record realizations; "
                    "inspektorat is INSPEKTORAT")
                .message,
            "Ditolak: hanya Kepala Bidang atau Sekretariat yang berwenang mencatat realisasi; "
            "inspektorat adalah Inspektorat.");
}

TEST(RealizationErrorsTest, ACorrectionsRefusalsNameTheFieldInIndonesian) {
  const WebError note = Refusal(grpc::StatusCode::INVALID_ARGUMENT,
                                "note: required for a correction (what was wrong)");
  EXPECT_EQ(note.http_status, 400);
  EXPECT_EQ(note.field, "note");
  EXPECT_EQ(note.message, "Isian 'note' tidak valid: wajib diisi pada koreksi (apa yang salah).");
  const WebError stale =
      Refusal(grpc::StatusCode::FAILED_PRECONDITION,
              "corrects_id: RLZ-000003 was corrected by RLZ-000004; correct the current record");
  EXPECT_EQ(stale.http_status, 409);
  EXPECT_EQ(stale.field, "corrects_id");
  EXPECT_EQ(stale.message,
            "Isian 'corrects_id' tidak valid: RLZ-000003 sudah dikoreksi oleh RLZ-000004; "
            "koreksi catatan yang berlaku.");
}

TEST(RealizationErrorsTest, AReportsYearOrRootRefusalNamesTheField) {
  const WebError year = Refusal(grpc::StatusCode::INVALID_ARGUMENT,
                                "year: 2031 is outside the plan's years 2022\xE2\x80\x93"
                                "2026");
  EXPECT_EQ(year.http_status, 400);
  EXPECT_EQ(year.field, "year");
  EXPECT_EQ(year.message,
            "Isian 'year' tidak valid: 2031 di luar tahun Renstra 2022\xE2\x80\x93"
            "2026.");
  const WebError root =
      Refusal(grpc::StatusCode::NOT_FOUND, "root_code: no node \"9.99\" in the plan");
  EXPECT_EQ(root.http_status, 404);
  EXPECT_EQ(root.message,
            "Isian 'root_code' tidak ditemukan: tidak ada simpul \"9.99\" dalam Renstra.");
  EXPECT_EQ(Refusal(grpc::StatusCode::NOT_FOUND, "proposal_id: no proposal USL-9999").message,
            "Isian 'proposal_id' tidak ditemukan: tidak ada usulan USL-9999.");
}

// --- Reports ------------------------------------------------------------------------------

ReportTable SmallTable() {
  ReportTable t;
  t.title = "Formulir \"Triwulan\" 2025";
  t.sheet_name = "Triwulan 2025";
  t.header = {"Kode", "Triwulan I", "Capaian (%)"};
  t.header_group = {"", "Realisasi 2025", ""};
  t.header_sub = {"", "Triwulan I", ""};
  t.rows = {{"1.06.04", "1.234.567", "85,50"}, {"1.06.04.2.01", "-", "-"}};
  t.numbers = {{std::nullopt, CellNumber{1234567, 0, true}, CellNumber{85.5, 2, false}}, {}};
  t.depth = {0, 1};
  return t;
}

TEST(ReportFilesTest, ATableIsThePagesJsonWithTheServersTexts) {
  EXPECT_EQ(ReportTableJson(SmallTable()),
            "{\"title\":\"Formulir \\\"Triwulan\\\" 2025\",\"sheet\":\"Triwulan 2025\","
            "\"header\":[\"Kode\",\"Triwulan I\",\"Capaian (%)\"],"
            "\"headerGroup\":[\"\",\"Realisasi 2025\",\"\"],"
            "\"headerSub\":[\"\",\"Triwulan I\",\"\"],"
            "\"rows\":[[\"1.06.04\",\"1.234.567\",\"85,50\"],[\"1.06.04.2.01\",\"-\",\"-\"]],"
            "\"depth\":[0,1]}");
}

TEST(ReportFilesTest, FileNamesCarryTheSheetAndTheYear) {
  ReportTable t = SmallTable();
  EXPECT_EQ(ReportFileName(t, 2025, "xlsx"), "Triwulan-2025.xlsx");
  t.sheet_name = "T-C.23";
  EXPECT_EQ(ReportFileName(t, 2025, "csv"), "T-C.23-2025.csv");
  t.sheet_name = "T-C.24";
  EXPECT_EQ(ReportFileName(t, 0, "pdf"), "T-C.24.pdf");
}

TEST(ReportFilesTest, CsvAndXlsxAreTheClisOwnFiles) {
  absl::StatusOr<ReportFile> csv = RenderReportFile(SmallTable(), 2025, "csv");
  ASSERT_TRUE(csv.ok()) << csv.status();
  EXPECT_EQ(csv->content_type, "text/csv; charset=utf-8");
  EXPECT_EQ(csv->filename, "Triwulan-2025.csv");
  EXPECT_EQ(csv->bytes,
            "Kode,Triwulan I,Capaian (%)\n1.06.04,1.234.567,\"85,50\"\n1.06.04.2.01,-,-\n");

  absl::StatusOr<ReportFile> xlsx = RenderReportFile(SmallTable(), 2025, "xlsx");
  ASSERT_TRUE(xlsx.ok()) << xlsx.status();
  EXPECT_EQ(xlsx->content_type,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(xlsx->filename, "Triwulan-2025.xlsx");
  // Read back by openpyxl: title, two heading rows, the data with the figures as numbers.
  testing::TempDir dir;
  const std::string path = dir.path() + "/laporan.xlsx";
  std::ofstream(path, std::ios::binary) << xlsx->bytes;
  const testing::XlsxBook book = testing::ReadXlsx(path);
  ASSERT_EQ(book.error, "");
  ASSERT_EQ(book.sheets, std::vector<std::string>{"Triwulan 2025"});
  const auto& cells = book.sheet.at("Triwulan 2025").cells;
  EXPECT_EQ(cells.at("A4"), "text:1.06.04");
  EXPECT_EQ(cells.at("B4"), "number:1234567 #,##0");
  EXPECT_EQ(cells.at("C4"), "number:85.5 0.00");
  EXPECT_EQ(cells.at("B5"), "text:-");

  absl::StatusOr<ReportFile> html = RenderReportFile(SmallTable(), 2025, "html");
  EXPECT_EQ(html.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(html.status().message(), "format: \"html\" is not one of csv, xlsx, pdf");
}

// --- Audit --------------------------------------------------------------------------------

v1::EventEnvelope Spending(uint64_t sequence, const std::string& id, int64_t rupiah) {
  v1::RealizationEvent event;
  v1::SpendingRecorded* s = event.mutable_spending_recorded();
  s->set_realization_id(id);
  s->set_node_code("1.06.04.2.01");
  s->set_year(2025);
  s->mutable_spent()->set_rupiah(rupiah);
  s->mutable_spent()->set_present(true);
  s->set_evidence_ref("SP2D-1");
  s->set_quarter(1);
  v1::EventEnvelope e;
  e.set_sequence(sequence);
  e.set_stream("realization/dinsos-dumai");
  e.set_stream_version(sequence);
  e.set_event_type("renstra.v1.RealizationEvent");
  e.set_payload(event.SerializeAsString());
  e.set_principal("rehab");
  e.set_role("KEPALA_BIDANG");
  e.set_timestamp_micros(1796659200000000 + static_cast<int64_t>(sequence));
  return e;
}

TEST(AuditViewsTest, AHistoryIsEachEventInIndonesianWithoutItsPayload) {
  v1::GetHistoryResponse history;
  *history.add_events()->mutable_envelope() = Spending(1340, "RLZ-000002", 1234567);
  history.set_next_page_token("t2");
  EXPECT_EQ(HistoryJson(history),
            "{\"events\":[{\"sequence\":\"1340\",\"stream\":\"realization/dinsos-dumai\","
            "\"eventType\":\"SpendingRecorded\",\"principal\":\"rehab\","
            "\"role\":\"KEPALA_BIDANG\",\"atMicros\":\"1796659200001340\","
            "\"uraian\":\"realisasi anggaran dicatat: RLZ-000002 1.06.04.2.01 2025 TW I = Rp "
            "1.234.567 (bukti SP2D-1)\"}],\"nextPageToken\":\"t2\"}");
}

// A chained, signed log of `n` events.
struct SignedLog {
  std::vector<v1::EventEnvelope> events;
  v1::SignedTreeHead head;
  std::string public_key_pem;
};

SignedLog MakeLog(int n) {
  SignedLog log;
  absl::StatusOr<Ed25519PrivateKey> key = Ed25519PrivateKey::Generate();
  EXPECT_TRUE(key.ok());
  merkle::MerkleTree tree;
  std::string prev = kZeroHash;
  for (int i = 1; i <= n; ++i) {
    v1::EventEnvelope e = Spending(i, "RLZ-00000" + std::to_string(i), 1000 * i);
    e.set_prev_hash(prev);
    prev = HashEnvelope(e);
    tree.Append(merkle::LeafHash(SerializeEnvelope(e)));
    log.events.push_back(e);
  }
  // 1796660100000000 µs: 2026-12-07 16:15:00 UTC, 23.15 WIB.
  const merkle::TreeHead head{tree.size(), tree.Root(), 1796660100000000};
  log.head.set_tree_size(head.size);
  log.head.set_root_hash(merkle::ToBytes(head.root));
  log.head.set_timestamp_micros(head.timestamp_micros);
  log.head.set_signature(*merkle::SignTreeHead(*key, head));
  log.head.set_key_id("6117574f5d916c0d5d9a0d1a48b174ef");
  log.public_key_pem = key->PublicKeyPem();
  return log;
}

TEST(AuditViewsTest, AnIntactLogIsVerifiedWithItsCountRootAndSigningTime) {
  const SignedLog log = MakeLog(1234);
  const LogVerification v = VerifyLogCopy(log.head, log.events, log.public_key_pem, false);
  ASSERT_TRUE(v.ok) << v.error;
  EXPECT_EQ(v.events, 1234u);
  EXPECT_EQ(v.root_hex, merkle::ToHex(*merkle::HashFromBytes(log.head.root_hash())));
  EXPECT_EQ(VerificationMessage(v),
            "Log utuh: 1.234 peristiwa diperiksa; rantai hash tersambung dan akar Merkle cocok "
            "dengan kepala pohon yang ditandatangani renstrad pukul 23.15 WIB tanggal "
            "07-12-2026.");
  EXPECT_EQ(VerificationJson(v),
            "{\"ok\":true,\"events\":\"1234\",\"message\":\"" + VerificationMessage(v) +
                "\",\"chainHead\":\"" + v.chain_head_hex + "\",\"rootHash\":\"" + v.root_hex +
                "\",\"keyId\":\"6117574f5d916c0d5d9a0d1a48b174ef\",\"keyPinned\":false,"
                "\"signedAtMicros\":\"1796660100000000\"}");
}

TEST(AuditViewsTest, AnAlteredEventAWrongKeyOrAMissingEventFailsNamingWhy) {
  SignedLog log = MakeLog(3);
  std::vector<v1::EventEnvelope> altered = log.events;
  altered[1].set_principal("kadis");
  LogVerification v = VerifyLogCopy(log.head, altered, log.public_key_pem, true);
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(VerificationMessage(v),
            "Log TIDAK utuh: peristiwa 3 tidak tersambung ke peristiwa sebelumnya (diubah atau "
            "disusun ulang).");

  const SignedLog other = MakeLog(1);
  v = VerifyLogCopy(log.head, log.events, other.public_key_pem, true);
  EXPECT_EQ(VerificationMessage(v),
            "Log TIDAK utuh: tanda tangan kepala pohon tidak sah untuk kunci ini.");

  std::vector<v1::EventEnvelope> short_log(log.events.begin(), log.events.begin() + 2);
  v = VerifyLogCopy(log.head, short_log, log.public_key_pem, true);
  EXPECT_EQ(VerificationMessage(v),
            "Log TIDAK utuh: terbaca 2 peristiwa, kepala pohon mencakup 3.");
}

}  // namespace
}  // namespace renstra::web
