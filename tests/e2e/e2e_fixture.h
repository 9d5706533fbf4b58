// Helpers shared by the end-to-end tests: writing a users file, starting renstrad on a
// free port and reading its ready line, running the renstra CLI against it, and reading
// the CLI's --json answers back into messages; SeededDaemonTest, the fixture of a
// renstrad with the seed plan and a users file. The temp dir is tests/testing/temp_dir.h.
//
// Thread safety: not thread-safe; use from the test thread.
#ifndef RENSTRA_TESTS_E2E_E2E_FIXTURE_H_
#define RENSTRA_TESTS_E2E_E2E_FIXTURE_H_

#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "renstra/v1/users.pb.h"
#include "tests/e2e/process.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace renstra::testing {

constexpr auto kStartTimeout = std::chrono::seconds(30);

// What renstrad's ready line says.
struct Ready {
  std::string address;
  std::string data_dir;
  int64_t plan_version = -1;
  uint64_t events = 0;
};

// Parses "renstrad listening on HOST:PORT (data DIR, plan version N, M events)"; a
// mismatch is a test failure.
Ready ParseReadyLine(const std::string& line);

// A running renstrad and what it said when ready.
struct Server {
  std::unique_ptr<Daemon> daemon;
  Ready ready;
};

// Starts renstrad on 127.0.0.1:0 with `data_dir` (and --empty when `empty`), plus
// `extra_args`. On failure the test fails and `daemon` is null.
Server StartServer(const std::string& data_dir, const std::string& log_path, bool empty,
                   const std::vector<std::string>& extra_args = {});

// One user of a users file.
struct DaemonUser {
  std::string name;
  v1::Role::Value role = v1::Role::ROLE_UNSPECIFIED;
  v1::Division division = v1::DIVISION_UNSPECIFIED;
  std::string token;
};

// Writes `tmp`/users.textproto with `users` (tokens stored as salted hashes, as
// renstra-user writes them); returns its path. A write failure is a test failure.
std::string WriteUsersFile(const TempDir& tmp, const std::vector<DaemonUser>& users);

// Runs `renstra --server ADDRESS args...` with `env` added to the environment.
CommandResult Cli(const std::string& address, std::vector<std::string> args,
                  const std::map<std::string, std::string>& env = {});

// A message from the CLI's --json output; a parse failure is a test failure.
template <typename Message>
Message FromJson(const std::string& json) {
  Message message;
  auto status = google::protobuf::util::JsonStringToMessage(json, &message);
  EXPECT_THAT(status, IsOk()) << status.ToString() << "\n" << json.substr(0, 2000);
  return message;
}

// The fixture: renstrad with the seed plan (data in tmp_/data) and the users of
// Users() (users_file_), started in SetUp and stopped — exit status 0 expected — in
// TearDown. A fixture may Stop() and Start() it again, on another data dir.
class SeededDaemonTest : public ::testing::Test {
 protected:
  virtual std::vector<DaemonUser> Users() const = 0;

  void SetUp() override;
  void TearDown() override { Stop(); }

  // Starts renstrad on `data_dir` with the users file and `extra` flags.
  void Start(const std::string& data_dir, std::vector<std::string> extra = {});
  void Stop();
  // Runs the CLI with `token` in RENSTRA_TOKEN ("" sends no credentials).
  CommandResult As(const std::string& token, std::vector<std::string> args);

  TempDir tmp_;
  std::string users_file_;
  Server server_;
};

// Changes the last byte of the stored event `sequence` in the (closed) RocksDB store in
// `dir`, as an attacker editing the files would; the store itself never rewrites an
// event. Test assertions inside.
void FlipLastByteOfEvent(const std::string& dir, uint64_t sequence);

}  // namespace renstra::testing

#endif  // RENSTRA_TESTS_E2E_E2E_FIXTURE_H_
