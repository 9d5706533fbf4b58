// renstra-web: the web console of the Renstra server (Konsol Renstra). Serves the pages
// and the JSON API of clients/web/gateway.h and talks to renstrad only through its
// public gRPC API.
//
//   renstra-web [--listen=127.0.0.1:8080] [--server=127.0.0.1:50051] [--ca=PEM]
//               [--tls_cert=PEM --tls_key=PEM] [--audit_pubkey=PEM]
//
// Once serving it prints "renstra-web listening on http://HOST:PORT (renstrad at
// ADDRESS)"; port 0 picks a free port. SIGINT/SIGTERM stop it.
#include <httplib.h>
#include <signal.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/numbers.h"
#include "clients/web/gateway.h"

ABSL_FLAG(std::string, listen, "127.0.0.1:8080", "HOST:PORT the console serves on (port 0: any)");
ABSL_FLAG(std::string, server, "127.0.0.1:50051", "renstrad's gRPC address");
ABSL_FLAG(std::string, ca, "", "PEM CA to trust for a TLS renstrad (empty: plaintext)");
ABSL_FLAG(std::string, tls_cert, "", "serve HTTPS with this PEM certificate chain");
ABSL_FLAG(std::string, tls_key, "", "and this PEM private key");
ABSL_FLAG(std::string, audit_pubkey, "",
          "the audit log's public key (PEM, `renstra audit pubkey`) the Audit page verifies "
          "with (empty: the key renstrad gives)");

namespace {

httplib::Server* g_server = nullptr;

void Stop(int) {
  if (g_server != nullptr) g_server->stop();
}

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path);
  if (!in) return false;
  std::stringstream text;
  text << in.rdbuf();
  *out = text.str();
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "renstra-web [--listen=HOST:PORT] [--server=HOST:PORT] [--ca=PEM] "
      "[--tls_cert=PEM --tls_key=PEM] [--audit_pubkey=PEM]: the Renstra web console");
  absl::ParseCommandLine(argc, argv);
  const std::string listen = absl::GetFlag(FLAGS_listen);
  const size_t colon = listen.rfind(':');
  int port = 0;
  if (colon == std::string::npos || !absl::SimpleAtoi(listen.substr(colon + 1), &port) ||
      port < 0 || port > 65535) {
    std::fprintf(stderr, "renstra-web: --listen: expected HOST:PORT, got \"%s\"\n", listen.c_str());
    return 2;
  }
  const std::string host = listen.substr(0, colon);
  const std::string cert = absl::GetFlag(FLAGS_tls_cert);
  const std::string key = absl::GetFlag(FLAGS_tls_key);
  if (cert.empty() != key.empty()) {
    std::fprintf(stderr, "renstra-web: TLS needs both --tls_cert and --tls_key\n");
    return 2;
  }

  std::shared_ptr<grpc::ChannelCredentials> credentials = grpc::InsecureChannelCredentials();
  if (const std::string ca = absl::GetFlag(FLAGS_ca); !ca.empty()) {
    grpc::SslCredentialsOptions ssl;
    if (!ReadFile(ca, &ssl.pem_root_certs)) {
      std::fprintf(stderr, "renstra-web: --ca: cannot read %s\n", ca.c_str());
      return 2;
    }
    credentials = grpc::SslCredentials(ssl);
  }
  const std::string server_address = absl::GetFlag(FLAGS_server);
  renstra::web::GatewayOptions options;
  options.secure_cookies = !cert.empty();
  if (const std::string pubkey = absl::GetFlag(FLAGS_audit_pubkey); !pubkey.empty()) {
    if (!ReadFile(pubkey, &options.audit_public_key_pem)) {
      std::fprintf(stderr, "renstra-web: --audit_pubkey: cannot read %s\n", pubkey.c_str());
      return 2;
    }
  }
  renstra::web::Gateway gateway(grpc::CreateChannel(server_address, credentials), options);

  std::unique_ptr<httplib::Server> server;
  if (cert.empty()) {
    server = std::make_unique<httplib::Server>();
  } else {
    auto ssl = std::make_unique<httplib::SSLServer>(cert.c_str(), key.c_str());
    if (!ssl->is_valid()) {
      std::fprintf(stderr, "renstra-web: cannot use --tls_cert %s and --tls_key %s\n", cert.c_str(),
                   key.c_str());
      return 2;
    }
    server = std::move(ssl);
  }
  gateway.Register(server.get());
  const int bound = port == 0                          ? server->bind_to_any_port(host)
                    : server->bind_to_port(host, port) ? port
                                                       : -1;
  if (bound <= 0) {
    std::fprintf(stderr, "renstra-web: cannot listen on %s (address in use?)\n", listen.c_str());
    return 1;
  }
  g_server = server.get();
  signal(SIGINT, Stop);
  signal(SIGTERM, Stop);
  std::printf("renstra-web listening on %s://%s:%d (renstrad at %s)\n",
              cert.empty() ? "http" : "https", host.c_str(), bound, server_address.c_str());
  std::fflush(stdout);
  server->listen_after_bind();
  return 0;
}
