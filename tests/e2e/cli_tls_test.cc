// End to end, the renstra CLI over TLS: a local CA and a server certificate are made
// with the openssl tool, an in-process gRPC server serves a stand-in LogService with
// that certificate, and the real CLI binary connects with --ca pinned to the CA. A
// client pinned to another CA, or without TLS, is refused; the bearer token travels
// inside the TLS channel.
//
// A second test runs the real renstrad with --tls_cert/--tls_key and a users file.
#include <gmock/gmock.h>
#include <google/protobuf/text_format.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <string>

#include "renstra/v1/plan_service.grpc.pb.h"
#include "renstra/v1/users.pb.h"
#include "services/authenticator.h"
#include "tests/e2e/e2e_fixture.h"
#include "tests/e2e/process.h"

namespace renstra::testing {
namespace {

using ::testing::StartsWith;

constexpr char kOpenssl[] = "/usr/bin/openssl";

// LogService answering a fixed head, remembering the last authorization header.
class FakeLogService final : public v1::LogService::Service {
 public:
  grpc::Status GetHead(grpc::ServerContext* context, const v1::GetHeadRequest*,
                       v1::GetHeadResponse* out) override {
    auto it = context->client_metadata().find("authorization");
    std::lock_guard<std::mutex> lock(mu_);
    authorization_ = it == context->client_metadata().end()
                         ? ""
                         : std::string(it->second.data(), it->second.size());
    out->set_sequence(7);
    out->set_hash(std::string(64, 'a'));
    return grpc::Status::OK;
  }

  std::string authorization() {
    std::lock_guard<std::mutex> lock(mu_);
    return authorization_;
  }

 private:
  std::mutex mu_;
  std::string authorization_;
};

// Runs openssl with `args`; a failure fails the test.
void Openssl(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {kOpenssl};
  argv.insert(argv.end(), args.begin(), args.end());
  CommandResult r = RunCommand(argv);
  ASSERT_EQ(r.exit_code, 0) << r.err;
}

// A self-signed CA: DIR/NAME.pem and DIR/NAME.key.
void MakeCa(const TempDir& dir, const std::string& name) {
  Openssl({"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
           "-keyout", dir / (name + ".key"), "-out", dir / (name + ".pem"), "-days", "2", "-subj",
           "/CN=Renstra test " + name});
}

// CA "ca" (DIR/ca.pem), an unrelated CA "other-ca", and DIR/server.pem + server.key
// signed by "ca" for localhost and 127.0.0.1.
void MakeCertificates(const TempDir& tmp) {
  ASSERT_NO_FATAL_FAILURE(MakeCa(tmp, "ca"));
  ASSERT_NO_FATAL_FAILURE(MakeCa(tmp, "other-ca"));
  std::ofstream(tmp / "san.cnf") << "subjectAltName=DNS:localhost,IP:127.0.0.1\n";
  ASSERT_NO_FATAL_FAILURE(Openssl(
      {"req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
       tmp / "server.key", "-out", tmp / "server.csr", "-subj", "/CN=localhost"}));
  ASSERT_NO_FATAL_FAILURE(Openssl({"x509", "-req", "-in", tmp / "server.csr", "-CA", tmp / "ca.pem",
                                   "-CAkey", tmp / "ca.key", "-CAcreateserial", "-out",
                                   tmp / "server.pem", "-days", "2", "-extfile", tmp / "san.cnf"}));
}

TEST(CliTls, PinnedCaConnectsAndCarriesTheToken) {
  if (!std::filesystem::exists(kOpenssl)) GTEST_SKIP() << "no " << kOpenssl;
  TempDir tmp;
  ASSERT_FALSE(tmp.path().empty());
  ASSERT_NO_FATAL_FAILURE(MakeCertificates(tmp));

  grpc::SslServerCredentialsOptions ssl;
  ssl.pem_key_cert_pairs.push_back({ReadFile(tmp / "server.key"), ReadFile(tmp / "server.pem")});
  FakeLogService service;
  int port = 0;
  grpc::ServerBuilder builder;
  builder.AddListeningPort("127.0.0.1:0", grpc::SslServerCredentials(ssl), &port);
  builder.RegisterService(&service);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  ASSERT_NE(server, nullptr);
  ASSERT_GT(port, 0);
  const std::string address = "127.0.0.1:" + std::to_string(port);
  const std::map<std::string, std::string> env = {{"RENSTRA_TOKEN", "tls-token"}};

  CommandResult pinned = Cli(address, {"--ca", tmp / "ca.pem", "log", "head"}, env);
  EXPECT_EQ(pinned.exit_code, 0) << pinned.err;
  EXPECT_EQ(pinned.out, "urutan 7\nhash " + std::string(64, 'a') + "\n");
  EXPECT_EQ(service.authorization(), "Bearer tls-token");

  CommandResult other = Cli(address, {"--ca", tmp / "other-ca.pem", "log", "head"}, env);
  EXPECT_EQ(other.exit_code, 1);
  EXPECT_THAT(other.err, StartsWith("renstra: TLS handshake with renstrad at " + address +
                                    " failed (does it serve TLS, and does --ca hold the CA "
                                    "that signed its certificate?): "));

  CommandResult plaintext = Cli(address, {"log", "head"}, env);
  EXPECT_EQ(plaintext.exit_code, 1);
  EXPECT_THAT(plaintext.err, StartsWith("renstra: cannot reach renstrad at " + address));

  CommandResult not_pem = Cli(address, {"--ca", tmp / "san.cnf", "log", "head"}, env);
  EXPECT_EQ(not_pem.exit_code, 2);
  EXPECT_EQ(not_pem.err, "renstra: " + (tmp / "san.cnf") +
                             " holds no PEM certificate (-----BEGIN CERTIFICATE-----)\n");

  server->Shutdown();
}

// The real renstrad serving TLS (--tls_cert/--tls_key) with a users file, and the CLI
// pinned to its CA.
TEST(CliTls, RenstradServesTheWorkflowOverTls) {
  if (!std::filesystem::exists(kOpenssl)) GTEST_SKIP() << "no " << kOpenssl;
  TempDir tmp;
  ASSERT_FALSE(tmp.path().empty());
  ASSERT_NO_FATAL_FAILURE(MakeCertificates(tmp));
  v1::UsersConfig users;
  *users.add_user() = Authenticator::MakeEntry("inspektorat", v1::Role::INSPEKTORAT,
                                               v1::DIVISION_UNSPECIFIED, "tls-inspektorat");
  std::string text;
  ASSERT_TRUE(google::protobuf::TextFormat::PrintToString(users, &text));
  std::ofstream(tmp / "users.textproto") << text;

  Server server =
      StartServer(tmp / "data", tmp / "renstrad.log", /*empty=*/false,
                  {"--users=" + (tmp / "users.textproto"), "--tls_cert=" + (tmp / "server.pem"),
                   "--tls_key=" + (tmp / "server.key")});
  ASSERT_NE(server.daemon, nullptr);
  const std::string& address = server.ready.address;
  const std::map<std::string, std::string> env = {{"RENSTRA_TOKEN", "tls-inspektorat"}};

  CommandResult inbox = Cli(address, {"--ca", tmp / "ca.pem", "inbox"}, env);
  EXPECT_EQ(inbox.exit_code, 0) << inbox.err;
  EXPECT_EQ(inbox.out,
            "Menunggu keputusan saya (0)\nDikembalikan kepada saya (0)\n"
            "Usulan saya yang masih terbuka (0)\n");
  CommandResult plan = Cli(address, {"--ca", tmp / "ca.pem", "revision", "list"}, env);
  EXPECT_EQ(plan.exit_code, 0) << plan.err;
  EXPECT_EQ(plan.out,
            "Belum ada perubahan renstra yang disahkan.\n"
            "Tidak ada perubahan renstra yang sedang dibuka.\nRenstra belum terkunci.\n");

  CommandResult other = Cli(address, {"--ca", tmp / "other-ca.pem", "inbox"}, env);
  EXPECT_EQ(other.exit_code, 1);
  EXPECT_THAT(other.err, StartsWith("renstra: TLS handshake with renstrad at " + address));
  CommandResult plaintext = Cli(address, {"inbox"}, env);
  EXPECT_EQ(plaintext.exit_code, 1);
  EXPECT_THAT(plaintext.err, StartsWith("renstra: cannot reach renstrad at " + address));
  EXPECT_EQ(server.daemon->Stop(), 0);
}

}  // namespace
}  // namespace renstra::testing
