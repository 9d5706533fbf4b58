// End-to-end: the real renstrad warns at start about secret files others may read or
// write, and `renstra admin user enable` gives a disabled user access back.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "renstra/v1/users.pb.h"
#include "tests/e2e/e2e_fixture.h"
#include "tests/e2e/process.h"

namespace renstra::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kAdminToken[] = "admin-0b6e2f9d41c7a358";
constexpr char kRehabToken[] = "rehab-73c1e05a9f2d6b84";

// The users file of admin and rehab.
std::string WriteAdminAndRehab(const TempDir& tmp) {
  return WriteUsersFile(tmp,
                        {{"admin", v1::Role::ADMIN, v1::DIVISION_UNSPECIFIED, kAdminToken},
                         {"rehab", v1::Role::KEPALA_BIDANG, v1::REHABILITASI_SOSIAL, kRehabToken}});
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(SecretFilesEndToEnd, StartWarnsWhenOthersMayReadOrWriteTheUsersFileOrTheKey) {
  TempDir tmp;
  const std::string users = WriteAdminAndRehab(tmp);
  ASSERT_EQ(chmod(users.c_str(), 0600), 0);
  Server first = StartServer(tmp / "data", tmp / "first.log", /*empty=*/true, {"--users=" + users});
  ASSERT_NE(first.daemon, nullptr);
  EXPECT_EQ(first.daemon->Stop(), 0);
  EXPECT_THAT(Slurp(tmp / "first.log"), Not(HasSubstr("readable or writable by group")));

  const std::string key = tmp / "data/tree-head-key.pem";
  ASSERT_EQ(chmod(users.c_str(), 0644), 0);
  ASSERT_EQ(chmod(key.c_str(), 0660), 0);
  Server second =
      StartServer(tmp / "data", tmp / "second.log", /*empty=*/true, {"--users=" + users});
  ASSERT_NE(second.daemon, nullptr);
  EXPECT_EQ(second.daemon->Stop(), 0);
  const std::string log = Slurp(tmp / "second.log");
  EXPECT_THAT(log, HasSubstr("the users file " + users +
                             " is readable or writable by group or others (mode 0644): chmod "
                             "0600 it (or 0640 owned by root with the server's group, see "
                             "docs/operations.md)"));
  EXPECT_THAT(log, HasSubstr("the tree-head key " + key +
                             " is readable or writable by group or others (mode 0660)"));
}

TEST(EnableUserEndToEnd, ADisabledUserIsEnabledAgainThroughTheCli) {
  TempDir tmp;
  Server server = StartServer(tmp / "data", tmp / "renstrad.log", /*empty=*/true,
                              {"--users=" + WriteAdminAndRehab(tmp)});
  ASSERT_NE(server.daemon, nullptr);
  auto as = [&](const std::string& token, std::vector<std::string> args) {
    return Cli(server.ready.address, std::move(args), {{"RENSTRA_TOKEN", token}});
  };
  CommandResult disabled = as(kAdminToken, {"admin", "user", "disable", "rehab"});
  ASSERT_EQ(disabled.exit_code, 0) << disabled.err;
  EXPECT_EQ(disabled.out, "rehab  KEPALA_BIDANG  REHABILITASI_SOSIAL  NONAKTIF\n");
  EXPECT_EQ(as(kRehabToken, {"log", "head"}).exit_code, 1);

  CommandResult enabled =
      as(kAdminToken, {"admin", "user", "enable", "rehab", "--reason", "kembali bertugas"});
  ASSERT_EQ(enabled.exit_code, 0) << enabled.err;
  EXPECT_EQ(enabled.out, "rehab  KEPALA_BIDANG  REHABILITASI_SOSIAL\n");
  EXPECT_EQ(as(kRehabToken, {"log", "head"}).exit_code, 0);

  CommandResult again = as(kAdminToken, {"admin", "user", "enable", "rehab"});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_THAT(again.err, HasSubstr("name: user rehab is not disabled"));

  // The last (here: the only) admin cannot be disabled, even by themselves.
  CommandResult last = as(kAdminToken, {"admin", "user", "disable", "admin"});
  EXPECT_EQ(last.exit_code, 1);
  EXPECT_THAT(last.err, HasSubstr("name: an admin cannot disable themselves"));
}

}  // namespace
}  // namespace renstra::testing
