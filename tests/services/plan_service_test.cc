// PlanService through real stubs against an in-process server over RocksDB.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "tests/testing/seeded_server.h"
#include "tests/testing/status_matchers.h"

namespace renstra::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

class PlanServiceTest : public SeededServerTest {
 protected:
  // An empty plan in open mode.
  SeededServerOptions Options() override { return {}; }

  // Imports the seed with request id "seed-import-1" and keeps the answer.
  void ImportSeed() {
    grpc::Status status = server_->ImportSeed("seed-import-1", &imported_);
    ASSERT_THAT(status, IsOk()) << status.error_message();
  }

  v1::GetHeadResponse Head() {
    v1::GetHeadResponse head;
    grpc::Status status = server_->log().GetHead(Context().get(), {}, &head);
    EXPECT_THAT(status, IsOk()) << status.error_message();
    return head;
  }

  v1::ImportTableResponse imported_;
};

TEST_F(PlanServiceTest, ImportOfTheSeedReportsWhatItCreated) {
  ImportSeed();
  EXPECT_EQ(imported_.programs(), 9);
  EXPECT_EQ(imported_.activities(), 20);
  EXPECT_EQ(imported_.sub_activities(), 84);
  EXPECT_EQ(imported_.continuation_indicators(), 2);
  EXPECT_FALSE(imported_.dry_run());
  EXPECT_GT(imported_.events(), 0);
  EXPECT_EQ(imported_.plan_version(), imported_.events());
  EXPECT_EQ(Head().sequence(), static_cast<uint64_t>(imported_.events()));
}

TEST_F(PlanServiceTest, GetPlanReturnsTheNinePrograms) {
  ImportSeed();
  v1::GetPlanResponse response;
  grpc::Status status = server_->plan().GetPlan(Context().get(), {}, &response);
  ASSERT_THAT(status, IsOk()) << status.error_message();
  EXPECT_EQ(response.plan().programs_size(), 9);
  EXPECT_EQ(response.plan().plan_id(), "plan/dinsos-dumai");
  EXPECT_EQ(response.plan().version(), imported_.plan_version());
  EXPECT_EQ(response.plan().programs(0).code(), "1.06.01");
}

TEST_F(PlanServiceTest, GetPlanOfAnEmptyStoreHasNoPrograms) {
  v1::GetPlanResponse response;
  grpc::Status status = server_->plan().GetPlan(Context().get(), {}, &response);
  ASSERT_THAT(status, IsOk()) << status.error_message();
  EXPECT_EQ(response.plan().programs_size(), 0);
  EXPECT_EQ(response.plan().version(), 0);
}

TEST_F(PlanServiceTest, GetSubtreeAcceptsTheOldCodeForm) {
  ImportSeed();
  v1::GetSubtreeRequest request;
  request.set_code("1.6.1.2.01.01");
  v1::GetSubtreeResponse response;
  grpc::Status status = server_->plan().GetSubtree(Context().get(), request, &response);
  ASSERT_THAT(status, IsOk()) << status.error_message();
  EXPECT_EQ(response.node().code(), "1.06.01.2.01.0001");
  EXPECT_EQ(response.node().code_written(), "1.6.1.2.01.01");
  EXPECT_EQ(response.node().level(), v1::SUB_ACTIVITY);
  EXPECT_EQ(response.node().name(), "Penyusunan Dokumen Perencanaan Perangkat Daerah");
  EXPECT_EQ(response.plan_version(), imported_.plan_version());
}

TEST_F(PlanServiceTest, GetSubtreeOfAKegiatanHasItsSubKegiatan) {
  ImportSeed();
  v1::GetSubtreeRequest request;
  request.set_code("1.06.05.2.02");
  v1::GetSubtreeResponse response;
  grpc::Status status = server_->plan().GetSubtree(Context().get(), request, &response);
  ASSERT_THAT(status, IsOk()) << status.error_message();
  EXPECT_EQ(response.node().level(), v1::ACTIVITY);
  ASSERT_EQ(response.node().children_size(), 4);
  EXPECT_EQ(response.node().children(0).code(), "1.06.05.2.02.0001");
}

TEST_F(PlanServiceTest, GetSubtreeOfAnUnknownCodeIsNotFound) {
  ImportSeed();
  v1::GetSubtreeRequest request;
  request.set_code("9.99.99");
  v1::GetSubtreeResponse response;
  grpc::Status status = server_->plan().GetSubtree(Context().get(), request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_THAT(status.error_message(), HasSubstr("9.99.99"));
}

TEST_F(PlanServiceTest, GetSubtreeWithoutACodeIsInvalid) {
  v1::GetSubtreeResponse response;
  grpc::Status status =
      server_->plan().GetSubtree(Context().get(), v1::GetSubtreeRequest(), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), StartsWith("code"));
}

TEST_F(PlanServiceTest, GetSubtreeWithAMalformedCodeIsInvalid) {
  v1::GetSubtreeRequest request;
  request.set_code("abc");
  v1::GetSubtreeResponse response;
  grpc::Status status = server_->plan().GetSubtree(Context().get(), request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), StartsWith("code"));
}

TEST_F(PlanServiceTest, ExportOfAnUnknownTableIsInvalid) {
  ImportSeed();
  v1::ExportTableRequest request;
  request.set_table("T-C.99");
  request.set_format(v1::TSV);
  v1::ExportTableResponse response;
  grpc::Status status = server_->plan().ExportTable(Context().get(), request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), StartsWith("table"));
  EXPECT_THAT(status.error_message(), HasSubstr("T-C.99"));
}

TEST_F(PlanServiceTest, ExportWithoutAFormatIsInvalid) {
  v1::ExportTableRequest request;
  request.set_table("T-C.27");
  v1::ExportTableResponse response;
  grpc::Status status = server_->plan().ExportTable(Context().get(), request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), StartsWith("format"));
}

TEST_F(PlanServiceTest, ExportTsvHoldsTheSeedRows) {
  ImportSeed();
  v1::ExportTableRequest request;
  request.set_table("T-C.27");
  request.set_format(v1::TSV);
  v1::ExportTableResponse response;
  grpc::Status status = server_->plan().ExportTable(Context().get(), request, &response);
  ASSERT_THAT(status, IsOk()) << status.error_message();
  EXPECT_EQ(response.plan_version(), imported_.plan_version());
  EXPECT_THAT(response.content(), HasSubstr("1.06.05.2.02.001\t"));
  EXPECT_THAT(response.content(), HasSubstr("135.761 Orang"));
  EXPECT_EQ(response.content().back(), '\n');
}

TEST_F(PlanServiceTest, SecondImportIsRefusedAndWritesNothing) {
  ImportSeed();
  const v1::GetHeadResponse before = Head();
  v1::ImportTableResponse response;
  grpc::Status status = server_->ImportSeed("seed-import-2", &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  const v1::GetHeadResponse after = Head();
  EXPECT_EQ(after.sequence(), before.sequence());
  EXPECT_EQ(after.hash(), before.hash());
}

TEST_F(PlanServiceTest, RetryWithTheSameRequestIdReturnsTheOriginalResult) {
  ImportSeed();
  const v1::GetHeadResponse before = Head();
  v1::ImportTableResponse retried;
  grpc::Status status = server_->ImportSeed("seed-import-1", &retried);
  ASSERT_THAT(status, IsOk()) << status.error_message();
  EXPECT_EQ(retried.plan_version(), imported_.plan_version());
  EXPECT_EQ(retried.programs(), imported_.programs());
  EXPECT_EQ(retried.events(), imported_.events());
  EXPECT_EQ(Head().sequence(), before.sequence());
  EXPECT_EQ(Head().hash(), before.hash());
}

TEST_F(PlanServiceTest, DryRunWritesNothing) {
  v1::ImportTableRequest request;
  request.set_content(ReadSeedDocument());
  request.set_source_name("renstra_dumai_2024.txt");
  request.set_dry_run(true);
  request.set_request_id("dry-run-1");
  v1::ImportTableResponse response;
  grpc::Status status = server_->plan().ImportTable(Context().get(), request, &response);
  ASSERT_THAT(status, IsOk()) << status.error_message();
  EXPECT_TRUE(response.dry_run());
  EXPECT_EQ(response.programs(), 9);
  EXPECT_EQ(response.sub_activities(), 84);
  EXPECT_EQ(response.plan_version(), 0);
  EXPECT_EQ(Head().sequence(), 0u);
}

TEST_F(PlanServiceTest, DryRunStatesTheNumberFormatAndItsEvidence) {
  v1::ImportTableRequest request;
  request.set_content(ReadSeedDocument());
  request.set_dry_run(true);
  request.set_request_id("dry-run-format-1");
  v1::ImportTableResponse response;
  grpc::Status status = server_->plan().ImportTable(Context().get(), request, &response);
  ASSERT_THAT(status, IsOk()) << status.error_message();
  EXPECT_EQ(response.number_format(), "id");
  EXPECT_THAT(response.number_format_evidence(), StartsWith("id (from the evidence: "));
}

TEST_F(PlanServiceTest, AnEnglishTableIsReadTheEnglishWay) {
  v1::ImportTableRequest request;
  request.set_content(
      "Tujuan\tSasaran\tKode\tProgram\tIndikator\tAwal\tTarget\n"
      "1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12\t13\t14\t15\t16\t17\t18\t19\t20\n"
      "\t\t1.02.02\tProgram Kesehatan\tJumlah kader\t11,900 Orang\t12,450 Orang\t"
      "Rp 31,291,280,000\n");
  request.set_number_format("auto");
  request.set_request_id("en-1");
  v1::ImportTableResponse response;
  grpc::Status status = server_->plan().ImportTable(Context().get(), request, &response);
  ASSERT_THAT(status, IsOk()) << status.error_message();
  EXPECT_EQ(response.number_format(), "en");
  v1::GetPlanResponse plan;
  ASSERT_THAT(server_->plan().GetPlan(Context().get(), {}, &plan), IsOk());
  ASSERT_EQ(plan.plan().programs_size(), 1);
  EXPECT_EQ(plan.plan().programs(0).indicators(0).baseline().written(), "11.900 Orang");
}

// Every line of the table has an outcome in the answer, and the ImportReported event
// records the same lines, the skipped ones among them.
TEST_F(PlanServiceTest, ImportReportsEveryLineAndRecordsItInTheLog) {
  v1::ImportTableRequest request;
  request.set_content(
      "Tujuan\tSasaran\tKode\tProgram\tIndikator\tAwal\tTarget\n"
      "1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12\t13\t14\t15\t16\t17\t18\t19\t20\n"
      "\t\t1.02.02\tProgram Kesehatan\tJumlah kader\t11 Orang\t12 Orang\tRp 1.000.000\n"
      "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\n"
      "\t\t9.99.99.9\tBukan kode\tJumlah\t1 Orang\n"
      "Sumber: Dinas Kesehatan\n");
  request.set_request_id("lines-1");
  v1::ImportTableResponse response;
  grpc::Status status = server_->plan().ImportTable(Context().get(), request, &response);
  ASSERT_THAT(status, IsOk()) << status.error_message();
  std::vector<std::string> lines;
  for (const v1::ImportLine& l : response.lines()) {
    lines.push_back(
        absl::StrCat(l.line(), " ", v1::ImportLine::Outcome_Name(l.outcome()), " ", l.what()));
  }
  EXPECT_THAT(
      lines,
      ElementsAre("1 SKIPPED table header", "2 SKIPPED table header (column numbers)",
                  "3 IMPORTED program 1.02.02: indicator 1.02.02#1 (undetermined: not told by its "
                  "statement, unit or figures; no end-of-period target)",
                  "4 SKIPPED blank row",
                  "5 REFUSED code \"9.99.99.9\" is not a program, kegiatan or sub "
                  "kegiatan code (code \"9.99.99.9\": four segments: a code has 1, 2, 3, 5 "
                  "or 6); not imported",
                  "6 SKIPPED footer \"Sumber: Dinas Kesehatan\""));

  v1::ReadEventsRequest read;
  read.set_from_sequence(1);
  v1::ReadEventsResponse events;
  ASSERT_THAT(server_->audit().ReadEvents(Context().get(), read, &events), IsOk());
  ASSERT_FALSE(events.events().empty());
  v1::PlanEvent last;
  ASSERT_TRUE(last.ParseFromString(events.events(events.events_size() - 1).payload()));
  ASSERT_TRUE(last.has_import_reported());
  ASSERT_EQ(last.import_reported().lines_size(), response.lines_size());
  for (int k = 0; k < response.lines_size(); ++k) {
    EXPECT_EQ(last.import_reported().lines(k).DebugString(), response.lines(k).DebugString());
  }
}

TEST_F(PlanServiceTest, ImportWithAnUnknownNumberFormatIsInvalidAndWritesNothing) {
  v1::ImportTableRequest request;
  request.set_content(ReadSeedDocument());
  request.set_number_format("fr");
  request.set_request_id("format-fr-1");
  v1::ImportTableResponse response;
  grpc::Status status = server_->plan().ImportTable(Context().get(), request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(),
            "number_format: \"fr\" is not a number format (id, en or auto; blank means auto)");
  EXPECT_EQ(Head().sequence(), 0u);
}

TEST_F(PlanServiceTest, ImportWithoutContentIsInvalid) {
  v1::ImportTableRequest request;
  request.set_request_id("empty-1");
  v1::ImportTableResponse response;
  grpc::Status status = server_->plan().ImportTable(Context().get(), request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), StartsWith("content"));
}

// The server takes requests up to 4 MiB (the text limits need far less; the seed
// document is 104 KiB): a larger one is refused by gRPC before it is read.
TEST_F(PlanServiceTest, ImportOverFourMebibytesIsRejectedByGrpc) {
  v1::ImportTableRequest request;
  request.set_content(std::string((4 << 20) + 1, 'x'));
  request.set_request_id("large-1");
  v1::ImportTableResponse response;
  grpc::Status status = server_->plan().ImportTable(Context().get(), request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(status.error_message(), HasSubstr("vs. 4194304"));
}

TEST_F(PlanServiceTest, RequestOverTheServerLimitIsRejectedByGrpc) {
  v1::ImportTableRequest request;
  request.set_content(std::string((32 << 20) + 1, 'x'));
  v1::ImportTableResponse response;
  grpc::Status status = server_->plan().ImportTable(Context().get(), request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
}

TEST_F(PlanServiceTest, ValidateReportsTheSeedsInconsistencies) {
  ImportSeed();
  v1::ValidateResponse response;
  grpc::Status status = server_->plan().Validate(Context().get(), {}, &response);
  ASSERT_THAT(status, IsOk()) << status.error_message();
  EXPECT_EQ(response.plan_version(), imported_.plan_version());
  bool found = false;
  for (const v1::Finding& f : response.findings()) {
    if (f.kind() == v1::Finding::TARGET_TOTAL && f.code() == "1.06.01.2.02.0001") {
      found = true;
      EXPECT_EQ(f.computed(), "139 Orang");
    }
  }
  EXPECT_TRUE(found) << response.DebugString();
}

}  // namespace
}  // namespace renstra::testing
