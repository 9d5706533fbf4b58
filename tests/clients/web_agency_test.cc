// The console's agency (perangkat daerah) in the gateway (clients/web/gateway.h): the
// picker's route GET /api/perangkat-daerah, and the query parameter `agency` passed to
// every plan-bound call. A real Gateway on a loopback httplib server (port 0) in front of
// in-process fake Session, Plan, Workflow and Agency services (port 0): each test states
// the exact HTTP status and body a browser gets, and the request renstrad was sent.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <regex>
#include <string>
#include <thread>

#include "absl/strings/ascii.h"
#include "clients/web/gateway.h"
#include "renstra/v1/agency_service.grpc.pb.h"
#include "tests/clients/gateway_harness.h"

namespace renstra::web {
namespace {

constexpr char kCookie[] = "renstra_sesi=sesi-kadis-bengkalis";

class FakeSessions final : public v1::SessionService::Service {
 public:
  grpc::Status WhoAmI(grpc::ServerContext*, const v1::WhoAmIRequest*, v1::UserView* out) override {
    out->set_name("kadis-bks");
    out->set_role(v1::Role::KEPALA_DINAS);
    out->set_agency("DINSOS-BENGKALIS");
    return grpc::Status::OK;
  }
};

// Plans named by their agency: none is the default agency's, DISDIK-DUMAI unknown.
class FakePlans final : public v1::PlanService::Service {
 public:
  grpc::Status GetPlan(grpc::ServerContext*, const v1::GetPlanRequest* r,
                       v1::GetPlanResponse* out) override {
    std::lock_guard<std::mutex> lock(mu_);
    ++calls_;
    asked_ = r->agency();
    if (r->agency() == "DISDIK-DUMAI") {
      return grpc::Status(grpc::StatusCode::NOT_FOUND, "agency: no agency DISDIK-DUMAI");
    }
    const std::string code = r->agency().empty() ? "DINSOS-DUMAI" : r->agency();
    out->mutable_plan()->set_plan_id("plan/" + absl::AsciiStrToLower(code));
    return grpc::Status::OK;
  }
  std::string asked() {
    std::lock_guard<std::mutex> lock(mu_);
    return asked_;
  }
  int calls() {
    std::lock_guard<std::mutex> lock(mu_);
    return calls_;
  }

 private:
  std::mutex mu_;
  std::string asked_ = "(none)";
  int calls_ = 0;
};

class FakeWorkflow final : public v1::WorkflowService::Service {
 public:
  grpc::Status SubmitProposal(grpc::ServerContext*, const v1::ProposalActionRequest* r,
                              v1::ProposalView* out) override {
    std::lock_guard<std::mutex> lock(mu_);
    submitted_ = *r;
    if (r->agency() == "DINSOS-DUMAI") {
      return grpc::Status(grpc::StatusCode::PERMISSION_DENIED,
                          "rule: kadis-bks works for DINSOS-BENGKALIS; the Renstra of "
                          "DINSOS-DUMAI is another agency's");
    }
    out->set_proposal_id(r->proposal_id());
    out->set_status(v1::SUBMITTED);
    return grpc::Status::OK;
  }
  grpc::Status GetInbox(grpc::ServerContext*, const v1::GetInboxRequest* r,
                        v1::GetInboxResponse*) override {
    std::lock_guard<std::mutex> lock(mu_);
    inbox_ = *r;
    return grpc::Status::OK;
  }
  v1::ProposalActionRequest submitted() {
    std::lock_guard<std::mutex> lock(mu_);
    return submitted_;
  }
  v1::GetInboxRequest inbox() {
    std::lock_guard<std::mutex> lock(mu_);
    return inbox_;
  }

 private:
  std::mutex mu_;
  v1::ProposalActionRequest submitted_;
  v1::GetInboxRequest inbox_;
};

class FakeAgencies final : public v1::AgencyService::Service {
 public:
  grpc::Status ListAgencies(grpc::ServerContext*, const v1::ListAgenciesRequest*,
                            v1::ListAgenciesResponse* out) override {
    v1::AgencyView* bks = out->add_agencies();
    bks->set_code("DINSOS-BENGKALIS");
    bks->set_name("Dinas Sosial Kabupaten Bengkalis");
    bks->set_pemda("Kabupaten Bengkalis");
    bks->set_version(1);
    v1::AgencyView* dumai = out->add_agencies();
    dumai->set_code("DINSOS-DUMAI");
    dumai->set_name("Dinas Sosial Kota Dumai");
    dumai->set_pemda("Kota Dumai");
    dumai->set_version(5);
    out->set_default_agency("DINSOS-DUMAI");
    return grpc::Status::OK;
  }
};

class AgencyGatewayTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(harness_.Start({&sessions_, &plans_, &workflow_, &agencies_}));
    client_ = harness_.client();
  }

  httplib::Result Get(const std::string& path) { return client_->Get(path, {{"Cookie", kCookie}}); }

  // A POST as the page sends it: the session cookie and the CSRF token of its page.
  httplib::Result Post(const std::string& path, const std::string& body) {
    httplib::Result page = Get("/beranda");
    std::smatch m;
    static const std::regex kCsrf(R"re(name="csrf-token" content="([^"]+)")re");
    std::string csrf;
    if (page && std::regex_search(page->body, m, kCsrf)) csrf = m[1];
    return client_->Post(path, {{"Cookie", kCookie}, {"X-CSRF-Token", csrf}}, body,
                         "application/json");
  }

  FakeSessions sessions_;
  FakePlans plans_;
  FakeWorkflow workflow_;
  FakeAgencies agencies_;
  testing::GatewayHarness harness_;  // after the fakes: stops before they go
  httplib::Client* client_ = nullptr;
};

TEST_F(AgencyGatewayTest, PerangkatDaerahListsTheAgenciesTheDefaultAndTheUsersOwn) {
  httplib::Result res = Get("/api/perangkat-daerah");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(res->body,
            "{\"defaultAgency\":\"DINSOS-DUMAI\",\"userAgency\":\"DINSOS-BENGKALIS\","
            "\"agencies\":[{\"code\":\"DINSOS-BENGKALIS\",\"name\":\"Dinas Sosial Kabupaten "
            "Bengkalis\",\"pemda\":\"Kabupaten Bengkalis\",\"version\":\"1\"},"
            "{\"code\":\"DINSOS-DUMAI\",\"name\":\"Dinas Sosial Kota Dumai\",\"pemda\":\"Kota "
            "Dumai\",\"version\":\"5\"}]}");
  // The default comes with the list (ListAgenciesResponse.default_agency): no plan is read.
  EXPECT_EQ(plans_.calls(), 0);
}

TEST_F(AgencyGatewayTest, TheQuerysAgencyIsPassedToThePlanAndNoneMeansTheDefault) {
  httplib::Result other = Get("/api/renstra?agency=DINSOS-BENGKALIS");
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 200);
  EXPECT_EQ(other->body, "{\"plan\":{\"planId\":\"plan/dinsos-bengkalis\"}}");
  EXPECT_EQ(plans_.asked(), "DINSOS-BENGKALIS");

  httplib::Result none = Get("/api/renstra");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 200);
  EXPECT_EQ(none->body, "{\"plan\":{\"planId\":\"plan/dinsos-dumai\"}}");
  EXPECT_EQ(plans_.asked(), "");

  httplib::Result inbox = Get("/api/kotak?agency=DINSOS-BENGKALIS");
  ASSERT_TRUE(inbox);
  EXPECT_EQ(inbox->status, 200);
  EXPECT_EQ(inbox->body, "{}");
  EXPECT_EQ(workflow_.inbox().agency(), "DINSOS-BENGKALIS");
}

TEST_F(AgencyGatewayTest, AnUnknownAgencyIsRenstradsNotFoundInIndonesian) {
  httplib::Result res = Get("/api/renstra?agency=DISDIK-DUMAI");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_EQ(res->body,
            "{\"error\":{\"code\":\"NOT_FOUND\",\"field\":\"agency\",\"message\":\"Perangkat "
            "daerah DISDIK-DUMAI tidak ada di server ini. Pilih perangkat daerah lain.\","
            "\"detail\":\"agency: no agency DISDIK-DUMAI\"}}");
  EXPECT_EQ(plans_.asked(), "DISDIK-DUMAI");
}

TEST_F(AgencyGatewayTest, APostsAgencyIsTheQuerysAndAnotherAgencysRefusalIsPassedOn) {
  httplib::Result ok = Post("/api/usulan/ajukan?agency=DINSOS-BENGKALIS",
                            "{\"requestId\":\"web-1\",\"proposalId\":\"P-7\"}");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
  EXPECT_EQ(ok->body, "{\"proposalId\":\"P-7\",\"status\":\"SUBMITTED\"}");
  EXPECT_EQ(workflow_.submitted().agency(), "DINSOS-BENGKALIS");
  EXPECT_EQ(workflow_.submitted().request_id(), "web-1");

  httplib::Result refused = Post("/api/usulan/ajukan?agency=DINSOS-DUMAI",
                                 "{\"requestId\":\"web-2\",\"proposalId\":\"P-7\"}");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 403);
  EXPECT_EQ(refused->body,
            "{\"error\":{\"code\":\"PERMISSION_DENIED\",\"field\":\"\",\"message\":\"Ditolak: "
            "kadis-bks bekerja untuk perangkat daerah DINSOS-BENGKALIS; Renstra DINSOS-DUMAI "
            "milik perangkat daerah lain dan hanya dapat dibaca.\",\"detail\":\"rule: kadis-bks "
            "works for DINSOS-BENGKALIS; the Renstra of DINSOS-DUMAI is another agency's\"}}");
}

TEST_F(AgencyGatewayTest, ABodyNamingAnotherAgencyThanTheQueryIs400AndNotSent) {
  httplib::Result res =
      Post("/api/usulan/ajukan?agency=DINSOS-BENGKALIS",
           "{\"requestId\":\"web-3\",\"proposalId\":\"P-8\",\"agency\":\"DINSOS-DUMAI\"}");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(res->body,
            "{\"error\":{\"code\":\"INVALID_ARGUMENT\",\"field\":\"agency\",\"message\":\"Isian "
            "'agency' tidak valid: isi permintaan menyebut DINSOS-DUMAI, sedangkan perangkat "
            "daerah yang dipilih DINSOS-BENGKALIS.\",\"detail\":\"agency: the body names "
            "DINSOS-DUMAI, the query DINSOS-BENGKALIS\"}}");
  EXPECT_EQ(workflow_.submitted().request_id(), "");  // renstrad was not asked
}

TEST_F(AgencyGatewayTest, RoutesOfNoPlanIgnoreTheAgency) {
  httplib::Result res = Get("/api/saya?agency=DINSOS-BENGKALIS");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body,
            "{\"name\":\"kadis-bks\",\"role\":\"KEPALA_DINAS\",\"agency\":\"DINSOS-BENGKALIS\"}");
}

}  // namespace
}  // namespace renstra::web
