// The Laporan page's E.80 and early-warning endpoints of the gateway (clients/web/gateway.h):
// a real Gateway on a loopback httplib server (port 0) in front of an in-process fake
// RealizationService (port 0), so each test states the exact HTTP status and body a
// browser gets, and the request renstrad was sent.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "clients/web/gateway.h"
#include "renstra/v1/realization_service.grpc.pb.h"
#include "tests/clients/gateway_harness.h"

namespace renstra::web {
namespace {

v1::ReportRatio Ratio(const std::string& text, const std::string& value) {
  v1::ReportRatio r;
  r.set_text(text);
  r.set_value(value);
  r.set_computable(true);
  return r;
}

v1::ReportNode Node() {
  v1::ReportNode n;
  n.set_code("1.06.06.2.01.0001");
  n.set_code_written("1.06.06.2.01.001");
  n.set_name("Penyediaan Makanan");
  n.set_level(v1::SUB_ACTIVITY);
  return n;
}

// One sub kegiatan over 2023: 105 of 150 Orang (70,00) and Rp 51.000.000 of 68.000.000
// (75,00), as renstrad's texts.
v1::EvaluationReport Evaluation() {
  v1::EvaluationReport report;
  report.add_years(2023);
  v1::EvaluationRow* row = report.add_rows();
  *row->mutable_node() = Node();
  v1::IndicatorLine* ind = row->add_kinerja();
  ind->set_indicator_id("1.06.06.2.01.0001#1");
  ind->set_statement("Jumlah Orang yang Mendapatkan Permakanan");
  ind->set_unit("Orang");
  v1::KinerjaYear* y = ind->add_years();
  y->set_year(2023);
  y->mutable_target()->set_kind(v1::TargetValue::NUMBER);
  y->mutable_target()->mutable_low()->set_units(150);
  y->mutable_target()->set_unit("Orang");
  y->set_target_text("150 Orang");
  y->mutable_realization()->set_kind(v1::TargetValue::NUMBER);
  y->mutable_realization()->mutable_low()->set_units(105);
  y->mutable_realization()->set_unit("Orang");
  y->set_realization_text("105 Orang");
  *y->mutable_ratio() = Ratio("70,00", "70.00");
  *ind->mutable_average() = Ratio("70,00", "70.00");
  ind->set_predikat("Cukup");
  v1::AnggaranRow* k = row->mutable_keuangan();
  *k->mutable_node() = Node();
  v1::KeuanganYear* ky = k->add_years();
  ky->set_year(2023);
  ky->mutable_funding()->set_rupiah(68000000);
  ky->mutable_funding()->set_present(true);
  ky->set_funding_text("68.000.000");
  ky->mutable_spent()->set_rupiah(51000000);
  ky->mutable_spent()->set_present(true);
  ky->set_spent_text("51.000.000");
  *ky->mutable_absorption() = Ratio("75,00", "75.00");
  *k->mutable_average_absorption() = Ratio("75,00", "75.00");
  row->set_keuangan_predikat("Cukup");
  return report;
}

class FakeRealization final : public v1::RealizationService::Service {
 public:
  grpc::Status GetEvaluationReport(grpc::ServerContext*, const v1::GetEvaluationReportRequest* r,
                                   v1::EvaluationReport* out) override {
    std::lock_guard<std::mutex> lock(mu_);
    evaluation_ = *r;
    if (r->root_code() == "9.99") {
      return grpc::Status(grpc::StatusCode::NOT_FOUND, "root_code: no node \"9.99\" in the plan");
    }
    *out = Evaluation();
    return grpc::Status::OK;
  }
  grpc::Status GetEarlyWarnings(grpc::ServerContext*, const v1::GetEarlyWarningsRequest* r,
                                v1::EarlyWarnings* out) override {
    std::lock_guard<std::mutex> lock(mu_);
    warnings_ = *r;
    if (r->year() == 0) {
      return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                          "year: 0 is outside the plan's years 2022\xE2\x80\x93"
                          "2026");
    }
    out->set_year(r->year());
    out->set_ratio_threshold(r->ratio_threshold().empty() ? "75" : r->ratio_threshold());
    out->set_absorption_threshold("75");
    v1::EarlyWarning* w = out->add_warnings();
    w->set_kind(v1::EarlyWarning::KINERJA);
    *w->mutable_node() = Node();
    w->set_indicator_id("1.06.06.2.01.0001#1");
    w->set_statement("Jumlah Orang yang Mendapatkan Permakanan");
    w->set_year(r->year());
    *w->mutable_ratio() = Ratio("70,00", "70.00");
    w->set_message("rasio capaian 70,00 di bawah " + out->ratio_threshold());
    return grpc::Status::OK;
  }
  v1::GetEvaluationReportRequest evaluation() {
    std::lock_guard<std::mutex> lock(mu_);
    return evaluation_;
  }
  v1::GetEarlyWarningsRequest warnings() {
    std::lock_guard<std::mutex> lock(mu_);
    return warnings_;
  }

 private:
  std::mutex mu_;
  v1::GetEvaluationReportRequest evaluation_;
  v1::GetEarlyWarningsRequest warnings_;
};

class LaporanEndpointTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(harness_.Start({&fake_}));
    client_ = harness_.client();
  }

  FakeRealization fake_;
  testing::GatewayHarness harness_;  // after the fakes: stops before they go
  httplib::Client* client_ = nullptr;
};

TEST_F(LaporanEndpointTest, EvaluasiIsTheE80TableWithTheServersTexts) {
  httplib::Result res = client_->Get("/api/laporan/evaluasi?rootCode=1.06.06.2.01.0001");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(res->body,
            "{\"title\":\"Evaluasi Hasil Renstra (E.80): Kinerja (K) dan Keuangan (Rp)\","
            "\"sheet\":\"E.80\","
            "\"header\":[\"Kode\",\"Uraian\",\"Indikator\",\"K/Rp\",\"Satuan\",\"Target 2023\","
            "\"Realisasi 2023\",\"Rasio (%) 2023\",\"Rata-rata Rasio (%)\",\"Predikat\"],"
            "\"headerGroup\":[\"\",\"\",\"\",\"\",\"\",\"2023\",\"2023\",\"2023\",\"\",\"\"],"
            "\"headerSub\":[\"\",\"\",\"\",\"\",\"\",\"Target\",\"Realisasi\",\"Rasio (%)\",\"\","
            "\"\"],"
            "\"rows\":[[\"1.06.06.2.01.001\",\"Penyediaan Makanan\","
            "\"Jumlah Orang yang Mendapatkan Permakanan\",\"K\",\"Orang\",\"150 Orang\","
            "\"105 Orang\",\"70,00\",\"70,00\",\"Cukup\"],"
            "[\"1.06.06.2.01.001\",\"Penyediaan Makanan\",\"Anggaran\",\"Rp\",\"Rp\","
            "\"68.000.000\",\"51.000.000\",\"75,00\",\"75,00\",\"Cukup\"]],"
            "\"depth\":[0,0]}");
  EXPECT_EQ(fake_.evaluation().root_code(), "1.06.06.2.01.0001");
}

TEST_F(LaporanEndpointTest, EvaluasiTakesNoYearAndPassesRenstradsRefusalOn) {
  // E.80 covers every year of the plan: a year is not one of its request's fields.
  httplib::Result year = client_->Get("/api/laporan/evaluasi?year=2023");
  ASSERT_TRUE(year);
  EXPECT_EQ(year->status, 400);
  EXPECT_EQ(year->body,
            "{\"error\":{\"code\":\"INVALID_ARGUMENT\",\"field\":\"year\",\"message\":\"Isian "
            "'year' tidak dapat dibaca: Cannot find field.\",\"detail\":\"year: Cannot find "
            "field.\"}}");
  httplib::Result unknown = client_->Get("/api/laporan/evaluasi?rootCode=9.99");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
  EXPECT_EQ(unknown->body,
            "{\"error\":{\"code\":\"NOT_FOUND\",\"field\":\"root_code\",\"message\":\"Isian "
            "'root_code' tidak ditemukan: tidak ada simpul \\\"9.99\\\" dalam Renstra.\","
            "\"detail\":\"root_code: no node \\\"9.99\\\" in the plan\"}}");
}

TEST_F(LaporanEndpointTest, PeringatanIsTheWarningListWithTheThresholdsAsked) {
  httplib::Result res =
      client_->Get("/api/laporan/peringatan?year=2023&rootCode=1.06.06&ratioThreshold=72,5");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body,
            "{\"title\":\"Peringatan dini 2023: rasio capaian di bawah 72,5, serapan anggaran di "
            "bawah 75\",\"sheet\":\"Peringatan 2023\","
            "\"header\":[\"Jenis\",\"Kode\",\"Uraian\",\"Indikator\",\"Tahun\",\"Rasio (%)\","
            "\"Keterangan\"],\"headerGroup\":[],\"headerSub\":[],"
            "\"rows\":[[\"Kinerja\",\"1.06.06.2.01.001\",\"Penyediaan Makanan\","
            "\"Jumlah Orang yang Mendapatkan Permakanan\",\"2023\",\"70,00\","
            "\"rasio capaian 70,00 di bawah 72,5\"]],\"depth\":[0]}");
  const v1::GetEarlyWarningsRequest asked = fake_.warnings();
  EXPECT_EQ(asked.year(), 2023);
  EXPECT_EQ(asked.root_code(), "1.06.06");
  EXPECT_EQ(asked.ratio_threshold(), "72,5");
  EXPECT_EQ(asked.absorption_threshold(), "");
}

TEST_F(LaporanEndpointTest, PeringatanWithoutAYearIsRenstradsRefusalAndItsCsvIsNamedByYear) {
  httplib::Result refused = client_->Get("/api/laporan/peringatan");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 400);
  EXPECT_EQ(refused->body,
            "{\"error\":{\"code\":\"INVALID_ARGUMENT\",\"field\":\"year\",\"message\":\"Isian "
            "'year' tidak valid: 0 di luar tahun Renstra 2022\xE2\x80\x93"
            "2026.\",\"detail\":\"year: 0 is outside the plan's years 2022\xE2\x80\x93"
            "2026\"}}");

  httplib::Result csv = client_->Get("/api/laporan/peringatan.csv?year=2023");
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->status, 200);
  EXPECT_EQ(csv->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv->get_header_value("Content-Disposition"),
            "attachment; filename=\"Peringatan-2023.csv\"");
  EXPECT_EQ(csv->body,
            "Jenis,Kode,Uraian,Indikator,Tahun,Rasio (%),Keterangan\n"
            "Kinerja,1.06.06.2.01.001,Penyediaan Makanan,Jumlah Orang yang Mendapatkan "
            "Permakanan,2023,\"70,00\",\"rasio capaian 70,00 di bawah 75\"\n");
}

}  // namespace
}  // namespace renstra::web
