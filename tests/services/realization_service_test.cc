// RealizationService over gRPC with real users on the seed plan: recording achievements
// and spending, exact refusals (status code and message naming the field) that append
// nothing, request-id retries, corrections where the latest wins and the history keeps
// both, open reads, and the reports' figures.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "domain/plan_events.h"
#include "renstra/v1/realization_service.grpc.pb.h"
#include "services/realization_app.h"
#include "tests/services/workflow_fixture.h"
#include "tests/testing/seeded_server.h"
#include "tests/testing/status_matchers.h"

namespace renstra::testing {
namespace {

constexpr char kPermakanan[] = "1.06.04.2.01.0001";  // Rehabilitasi Sosial; 2023 pagu 311.248.240

v1::TargetValue Number(int64_t units, const std::string& unit) {
  v1::TargetValue v;
  v.set_kind(v1::TargetValue::NUMBER);
  v.mutable_low()->set_units(units);
  v.set_unit(unit);
  return v;
}

v1::Money Rupiah(int64_t amount) {
  v1::Money m;
  m.set_rupiah(amount);
  m.set_present(true);
  return m;
}

class RealizationServiceTest : public SeededServerTest {
 protected:
  grpc::Status Achieve(const std::string& user, const std::string& request_id, int year,
                       const v1::TargetValue& value, v1::RealizationView* out,
                       const std::string& indicator = kRehabIndicator) {
    v1::RecordAchievementRequest r;
    r.set_request_id(request_id);
    r.set_indicator_id(indicator);
    r.set_year(year);
    *r.mutable_value()->mutable_yearly() = value;
    r.set_evidence_ref("BA-" + std::to_string(year));
    return server_->realization().RecordAchievement(ContextAs(TokenOf(user)).get(), r, out);
  }

  grpc::Status Spend(const std::string& user, const std::string& code, int year,
                     const v1::Money& amount, v1::RealizationView* out) {
    v1::RecordSpendingRequest r;
    r.set_request_id("spend-" + code + "-" + std::to_string(year) + "-" + std::to_string(++n_));
    r.set_node_code(code);
    r.set_year(year);
    *r.mutable_spent() = amount;
    r.set_evidence_ref("SP2D-" + std::to_string(year));
    return server_->realization().RecordSpending(ContextAs(TokenOf(user)).get(), r, out);
  }

  uint64_t Events() { return server_->store().Head().sequence; }

  static void ExpectStatus(const grpc::Status& s, grpc::StatusCode code,
                           const std::string& message) {
    EXPECT_EQ(s.error_code(), code) << s.error_message();
    EXPECT_EQ(s.error_message(), message);
  }

  int n_ = 0;
};

TEST_F(RealizationServiceTest, RecordsGetServerIdsAndShowInTheReports) {
  v1::RealizationView a, s;
  ASSERT_THAT(Achieve("rehab", "a-2023", 2023, Number(95, "Orang"), &a), IsOk());
  EXPECT_EQ(a.realization_id(), "RLZ-000001");
  EXPECT_EQ(a.kind(), v1::RealizationView::ACHIEVEMENT);
  EXPECT_EQ(a.node_code(), kPermakanan);
  EXPECT_EQ(a.achieved_text(), "95 Orang");
  EXPECT_EQ(a.principal(), "rehab");
  EXPECT_EQ(a.role(), "KEPALA_BIDANG");
  // The node in its older written form is accepted and stored canonical.
  ASSERT_THAT(Spend("rehab", "1.06.04.2.01.001", 2023, Rupiah(311000000), &s), IsOk());
  EXPECT_EQ(s.realization_id(), "RLZ-000002");
  EXPECT_EQ(s.node_code(), kPermakanan);

  // Reads are open to the inspectorate.
  v1::GetCapaianReportRequest cr;
  cr.set_root_code(kPermakanan);
  cr.set_year(2023);
  v1::CapaianReport capaian;
  ASSERT_THAT(
      server_->realization().GetCapaianReport(ContextAs(TokenOf("iwan")).get(), cr, &capaian),
      IsOk());
  EXPECT_THAT(capaian.years(), ::testing::ElementsAre(2023));
  ASSERT_EQ(capaian.rows_size(), 1);
  const v1::KinerjaYear& y = capaian.rows(0).indicator().years(0);
  EXPECT_EQ(y.target_text(), "100 Orang");
  EXPECT_EQ(y.realization_text(), "95 Orang");
  EXPECT_EQ(y.realization_id(), "RLZ-000001");
  EXPECT_EQ(y.ratio().text(), "95,00");
  EXPECT_EQ(y.ratio().value(), "95.00");

  v1::GetAnggaranReportRequest ar;
  ar.set_root_code(kPermakanan);
  v1::AnggaranReport anggaran;
  ASSERT_THAT(
      server_->realization().GetAnggaranReport(ContextAs(TokenOf("iwan")).get(), ar, &anggaran),
      IsOk());
  ASSERT_EQ(anggaran.rows_size(), 1);
  const v1::KeuanganYear& k = anggaran.rows(0).years(1);
  EXPECT_EQ(k.year(), 2023);
  EXPECT_EQ(k.funding_text(), "311.248.240");
  EXPECT_EQ(k.spent().rupiah(), 311000000);
  EXPECT_EQ(k.absorption().text(), "99,92");
  EXPECT_EQ(anggaran.rows(0).average_absorption().text(), "99,92");
}

TEST_F(RealizationServiceTest, BadInputIsRefusedNamingTheFieldAndAppendsNothing) {
  const uint64_t before = Events();
  v1::RealizationView out;
  ExpectStatus(Achieve("rehab", "r1", 2027, Number(95, "Orang"), &out),
               grpc::StatusCode::INVALID_ARGUMENT,
               "year: 2027 is outside the plan's years 2022\xE2\x80\x93"
               "2026");
  ExpectStatus(Achieve("rehab", "r2", 2021, Number(95, "Orang"), &out),
               grpc::StatusCode::INVALID_ARGUMENT,
               "year: 2021 is outside the plan's years 2022\xE2\x80\x93"
               "2026");
  ExpectStatus(Achieve("rehab", "r3", 2023, Number(95, "Dokumen"), &out),
               grpc::StatusCode::INVALID_ARGUMENT,
               "value.yearly: unit \"Dokumen\" does not match the indicator's unit \"Orang\"");
  ExpectStatus(Spend("rehab", kPermakanan, 2023, Rupiah(-5), &out),
               grpc::StatusCode::INVALID_ARGUMENT, "spent: negative amount -5");
  ExpectStatus(Spend("rehab", kPermakanan, 2023, v1::Money(), &out),
               grpc::StatusCode::INVALID_ARGUMENT, "spent: required");
  // Another division's node (Perlindungan dan Jaminan Sosial).
  ExpectStatus(Spend("rehab", "1.06.05.2.02.001", 2023, Rupiah(5), &out),
               grpc::StatusCode::PERMISSION_DENIED,
               "rule: a division proposes and records only for its own nodes; node "
               "1.06.05.2.02.0001 belongs to Bidang Perlindungan dan Jaminan Sosial, rehab acts "
               "for Bidang Rehabilitasi Sosial");
  ExpectStatus(Achieve("iwan", "r4", 2023, Number(95, "Orang"), &out),
               grpc::StatusCode::PERMISSION_DENIED,
               "rule: only KEPALA_BIDANG or SEKRETARIAT may record realizations; iwan is "
               "INSPEKTORAT");
  v1::RecordAchievementRequest r;
  r.set_indicator_id(kRehabIndicator);
  r.set_year(2023);
  grpc::Status s = server_->realization().RecordAchievement(Context().get(), r, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAUTHENTICATED) << s.error_message();
  // Refusals are recorded on "audit/denied" only; the realization stream is untouched.
  const size_t denied = DeniedCalls(*server_).size();
  EXPECT_EQ(Events(), before + denied);
  v1::ListRealizationsResponse list;
  ASSERT_THAT(server_->realization().ListRealizations(ContextAs(TokenOf("iwan")).get(), {}, &list),
              IsOk());
  EXPECT_EQ(list.realizations_size(), 0);
}

TEST_F(RealizationServiceTest, RetiredNodeIsAFailedPrecondition) {
  // A ratified retirement, as the plan stream records it.
  v1::PlanEvent retire;
  retire.mutable_node_retired()->set_code(kPermakanan);
  retire.mutable_node_retired()->set_from_year(2025);
  AppendRequest append;
  append.stream = std::string(PlanApp::kDefaultPlanId);
  append.expected_version = static_cast<int64_t>(server_->PlanVersion());
  NewEvent& e = append.events.emplace_back();
  e.event_type = EventTypeName(retire);
  e.schema_version = kPlanEventSchemaVersion;
  retire.SerializeToString(&e.payload);
  append.meta = CommandMeta{"kadis", "KEPALA_DINAS", "Perubahan Renstra 2025", ""};
  ASSERT_THAT(server_->store().Append(append), IsOk());
  ASSERT_THAT(server_->app().projector()->CatchUp(), IsOk());

  v1::RealizationView out;
  ExpectStatus(Achieve("rehab", "r1", 2025, Number(95, "Orang"), &out),
               grpc::StatusCode::FAILED_PRECONDITION,
               "year: node 1.06.04.2.01.0001 is retired from 2025");
  EXPECT_THAT(Achieve("rehab", "r2", 2024, Number(95, "Orang"), &out), IsOk());
}

TEST_F(RealizationServiceTest, RetryWithTheSameRequestIdAppendsNothing) {
  v1::RealizationView first, again;
  ASSERT_THAT(Achieve("rehab", "same-id", 2023, Number(95, "Orang"), &first), IsOk());
  const uint64_t after = Events();
  ASSERT_THAT(Achieve("rehab", "same-id", 2023, Number(95, "Orang"), &again), IsOk());
  EXPECT_EQ(again.realization_id(), first.realization_id());
  EXPECT_EQ(again.sequence(), first.sequence());
  EXPECT_EQ(Events(), after);
  // Without the retry's id it is a second record of the same subject: refused.
  grpc::Status s = Achieve("rehab", "other-id", 2023, Number(95, "Orang"), &again);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << s.error_message();
}

TEST_F(RealizationServiceTest, CorrectionWinsInReportsAndHistoryKeepsBoth) {
  v1::RealizationView original, fixed;
  ASSERT_THAT(Achieve("rehab", "a", 2024, Number(80, "Orang"), &original), IsOk());
  v1::CorrectRealizationRequest c;
  c.set_request_id("fix");
  c.set_corrects_id(original.realization_id());
  *c.mutable_achievement()->mutable_yearly() = Number(98, "Orang");
  c.set_evidence_ref("BA-2024-rev");
  c.set_note("dua penerima belum tercatat");
  ASSERT_THAT(
      server_->realization().CorrectRealization(ContextAs(TokenOf("rehab")).get(), c, &fixed),
      IsOk());
  EXPECT_EQ(fixed.realization_id(), "RLZ-000002");
  EXPECT_EQ(fixed.corrects_id(), "RLZ-000001");

  // Correcting the corrected record again is refused: only the current one is corrected.
  c.set_request_id("fix-2");
  v1::RealizationView out;
  grpc::Status s =
      server_->realization().CorrectRealization(ContextAs(TokenOf("rehab")).get(), c, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << s.error_message();

  v1::ListRealizationsRequest lr;
  lr.set_indicator_id(kRehabIndicator);
  v1::ListRealizationsResponse list;
  ASSERT_THAT(server_->realization().ListRealizations(ContextAs(TokenOf("iwan")).get(), lr, &list),
              IsOk());
  ASSERT_EQ(list.realizations_size(), 2);
  EXPECT_EQ(list.realizations(0).corrected_by(), "RLZ-000002");
  EXPECT_EQ(list.realizations(0).achieved_text(), "80 Orang");
  EXPECT_EQ(list.realizations(1).achieved_text(), "98 Orang");

  v1::GetCapaianReportRequest cr;
  cr.set_root_code(kPermakanan);
  cr.set_year(2024);
  v1::CapaianReport capaian;
  ASSERT_THAT(
      server_->realization().GetCapaianReport(ContextAs(TokenOf("kadis")).get(), cr, &capaian),
      IsOk());
  EXPECT_EQ(capaian.rows(0).indicator().years(0).realization_text(), "98 Orang");
  EXPECT_EQ(capaian.rows(0).indicator().years(0).ratio().text(), "98,00");

  v1::GetRealizationRequest gr;
  gr.set_realization_id("RLZ-000009");
  s = server_->realization().GetRealization(ContextAs(TokenOf("iwan")).get(), gr, &out);
  ExpectStatus(s, grpc::StatusCode::NOT_FOUND, "realization_id: no realization \"RLZ-000009\"");
}

TEST_F(RealizationServiceTest, EarlyWarningsListWhatIsBelowTheThresholds) {
  v1::RealizationView out;
  ASSERT_THAT(Achieve("rehab", "a", 2024, Number(45, "Orang"), &out), IsOk());
  ASSERT_THAT(Spend("rehab", kPermakanan, 2024, Rupiah(160000000), &out), IsOk());
  v1::GetEarlyWarningsRequest r;
  r.set_year(2024);
  r.set_ratio_threshold("50");
  r.set_absorption_threshold("60");
  r.set_root_code(kPermakanan);
  v1::EarlyWarnings warnings;
  ASSERT_THAT(
      server_->realization().GetEarlyWarnings(ContextAs(TokenOf("iwan")).get(), r, &warnings),
      IsOk());
  ASSERT_EQ(warnings.warnings_size(), 2);
  EXPECT_EQ(warnings.warnings(0).kind(), v1::EarlyWarning::KINERJA);
  EXPECT_EQ(warnings.warnings(0).message(), "rasio capaian 45,00 di bawah 50");
  EXPECT_EQ(warnings.warnings(1).kind(), v1::EarlyWarning::KEUANGAN);
  EXPECT_EQ(warnings.warnings(1).message(), "serapan anggaran 50,00 di bawah 60");

  r.set_ratio_threshold("lima");
  grpc::Status s =
      server_->realization().GetEarlyWarnings(ContextAs(TokenOf("iwan")).get(), r, &warnings);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << s.error_message();
  EXPECT_THAT(s.error_message(), ::testing::StartsWith("ratio_threshold: "));
  r.set_ratio_threshold("");
  r.set_year(2030);
  s = server_->realization().GetEarlyWarnings(ContextAs(TokenOf("iwan")).get(), r, &warnings);
  ExpectStatus(s, grpc::StatusCode::INVALID_ARGUMENT,
               "year: 2030 is outside the plan's years 2022\xE2\x80\x93"
               "2026");
}

}  // namespace
}  // namespace renstra::testing
