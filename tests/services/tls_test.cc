// TLS: deploy/make-tls.sh makes a CA and a server certificate in a temp dir; a server
// started with them answers a client that pins that CA (with a bearer token); a
// plaintext client, or one that trusts another CA, gets UNAVAILABLE. Also the script's
// idempotence and the server's refusal of half a TLS configuration.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "storage/memory_event_store.h"
#include "tests/services/workflow_fixture.h"
#include "tests/testing/seeded_server.h"
#include "tests/testing/status_matchers.h"

namespace renstra::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Runs deploy/make-tls.sh into `dir`; returns its exit status.
int MakeTls(const std::filesystem::path& dir) {
  const std::string command = absl::StrCat(RENSTRA_SOURCE_DIR, "/deploy/make-tls.sh '",
                                           dir.string(), "' >'", dir.string(), ".log' 2>&1");
  return std::system(command.c_str());
}

class TlsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir("renstra_tls_test");
    ASSERT_FALSE(tmp_->path().empty());
    dir_ = new std::filesystem::path(tmp_->path());
    ASSERT_EQ(MakeTls(*dir_ / "tls"), 0) << ReadFile(dir_->string() + "/tls.log");
    ASSERT_EQ(MakeTls(*dir_ / "other"), 0) << ReadFile(dir_->string() + "/other.log");
  }
  static void TearDownTestSuite() {
    delete dir_;
    delete tmp_;
  }

  // A TLS server with the test users whose channel pins the CA in `ca_dir`.
  static std::unique_ptr<SeededServer> StartTls(const std::string& ca_dir) {
    SeededServerOptions options;
    options.users = TestUsers();
    options.tls_cert_pem = ReadFile(*dir_ / "tls" / "server.pem");
    options.tls_key_pem = ReadFile(*dir_ / "tls" / "server.key");
    options.tls_ca_pem = ReadFile(*dir_ / ca_dir / "ca.pem");
    return SeededServer::Start(options);
  }

  static TempDir* tmp_;
  static std::filesystem::path* dir_;
};

TempDir* TlsTest::tmp_ = nullptr;
std::filesystem::path* TlsTest::dir_ = nullptr;

TEST_F(TlsTest, AClientPinningTheCaTalksToTheServer) {
  std::unique_ptr<SeededServer> server = StartTls("tls");
  ASSERT_NE(server, nullptr);
  v1::GetHeadResponse head;
  grpc::Status status = server->log().GetHead(ContextAs(TokenOf("iwan")).get(), {}, &head);
  ASSERT_THAT(status, IsOk()) << status.error_message();
  EXPECT_EQ(head.sequence(), 0u);
  // Over TLS the token is still required.
  status = server->log().GetHead(Context().get(), {}, &head);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(TlsTest, APlaintextClientIsRefused) {
  std::unique_ptr<SeededServer> server = StartTls("tls");
  ASSERT_NE(server, nullptr);
  std::shared_ptr<grpc::Channel> plaintext =
      grpc::CreateChannel(server->server().address(), grpc::InsecureChannelCredentials());
  v1::GetHeadResponse head;
  grpc::Status status =
      v1::LogService::NewStub(plaintext)->GetHead(ContextAs(TokenOf("iwan")).get(), {}, &head);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE) << status.error_message();
}

TEST_F(TlsTest, AClientTrustingAnotherCaIsRefused) {
  std::unique_ptr<SeededServer> server = StartTls("other");
  ASSERT_NE(server, nullptr);
  v1::GetHeadResponse head;
  grpc::Status status = server->log().GetHead(ContextAs(TokenOf("iwan")).get(), {}, &head);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE) << status.error_message();
}

TEST_F(TlsTest, TheScriptKeepsMaterialThatIsAlreadyRight) {
  const std::string cert = ReadFile(*dir_ / "tls" / "server.pem");
  const std::string ca = ReadFile(*dir_ / "tls" / "ca.pem");
  ASSERT_EQ(MakeTls(*dir_ / "tls"), 0);
  EXPECT_EQ(ReadFile(*dir_ / "tls" / "server.pem"), cert);
  EXPECT_EQ(ReadFile(*dir_ / "tls" / "ca.pem"), ca);
  const std::string log = ReadFile(dir_->string() + "/tls.log");
  EXPECT_THAT(log, HasSubstr("CA: keeping "));
  EXPECT_THAT(log, HasSubstr("server: keeping "));
  EXPECT_THAT(log, HasSubstr("--tls_cert="));
}

TEST(TlsOptionsTest, HalfATlsConfigurationIsRefused) {
  MemoryEventStore store;
  PlanApp app(&store, std::string(PlanApp::kDefaultPlanId));
  ServerOptions options;
  options.listen_address = "127.0.0.1:0";
  options.tls_cert_chain_pem = "-----BEGIN CERTIFICATE-----\n";
  auto server = RenstraServer::Start(options, &app, &store);
  EXPECT_EQ(server.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(server.status().message(),
            "TLS needs both a certificate and a key; the key is missing");
}

TEST(TlsOptionsTest, MaterialThatIsNotPemCannotServe) {
  MemoryEventStore store;
  PlanApp app(&store, std::string(PlanApp::kDefaultPlanId));
  ServerOptions options;
  options.listen_address = "127.0.0.1:0";
  options.tls_cert_chain_pem = "not a certificate";
  options.tls_private_key_pem = "not a key";
  auto server = RenstraServer::Start(options, &app, &store);
  EXPECT_EQ(server.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(std::string(server.status().message()),
              StartsWith("cannot listen on 127.0.0.1:0 with TLS"));
}

}  // namespace
}  // namespace renstra::testing
