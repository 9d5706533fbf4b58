// renstra-user's pieces: the NAME:ROLE[:DIVISION] spec, tokens, and entries that the
// Authenticator accepts; and the demo users file in deploy/, whose documented demo
// tokens must authenticate as documented.
#include "services/user_tool.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "google/protobuf/text_format.h"
#include "services/authenticator.h"
#include "tests/testing/status_matchers.h"

namespace renstra {
namespace {

using ::renstra::testing::IsOk;
using ::testing::StartsWith;

TEST(UserToolTest, ParsesNameRoleAndDivision) {
  absl::StatusOr<UserSpec> spec = ParseUserSpec("rehab:kepala_bidang:rehab");
  ASSERT_THAT(spec, IsOk()) << spec.status();
  EXPECT_EQ(spec->name, "rehab");
  EXPECT_EQ(spec->role, v1::Role::KEPALA_BIDANG);
  EXPECT_EQ(spec->division, v1::REHABILITASI_SOSIAL);

  spec = ParseUserSpec("bu.sari:KEPALA_BIDANG:PEMBERDAYAAN_MASYARAKAT");
  ASSERT_THAT(spec, IsOk()) << spec.status();
  EXPECT_EQ(spec->division, v1::PEMBERDAYAAN_MASYARAKAT);

  spec = ParseUserSpec("kadis:KEPALA_DINAS");
  ASSERT_THAT(spec, IsOk()) << spec.status();
  EXPECT_EQ(spec->role, v1::Role::KEPALA_DINAS);
  EXPECT_EQ(spec->division, v1::DIVISION_UNSPECIFIED);
}

TEST(UserToolTest, RefusesReservedNamesAndLongDisplayNames) {
  for (const char* name : {"-", ".", "..", "anonymous", "renstrad"}) {
    EXPECT_EQ(ParseUserSpec(std::string(name) + ":INSPEKTORAT").status().message(),
              std::string("name: \"") + name + "\" is reserved for the system");
  }
  EXPECT_EQ(CheckDisplayName(std::string(1 << 20, 'd')).message(),
            "display_name: 1048576 bytes exceeds the limit of 128");
  EXPECT_EQ(CheckDisplayName("Sari\r").message(),
            "display_name: control character U+000D at byte 4 is not allowed in a one-line field");
  EXPECT_THAT(CheckDisplayName("Kepala Bidang Rehabilitasi Sosial"), IsOk());
}

TEST(UserToolTest, RefusesABadSpecNamingThePart) {
  EXPECT_EQ(ParseUserSpec("kadis").status().message(),
            "\"kadis\" is not NAME:ROLE or NAME:ROLE:DIVISION");
  EXPECT_EQ(ParseUserSpec(":ADMIN").status().message(), "name: 0 bytes; a user name has 1 to 32");
  EXPECT_EQ(ParseUserSpec("Budi:ADMIN").status().message(),
            "name: \"Budi\" may hold only a-z, 0-9, '.', '_' and '-'");
  EXPECT_EQ(ParseUserSpec("x:BOSS").status().message(),
            "role: \"BOSS\" is not a role (KEPALA_BIDANG, SEKRETARIAT, KEPALA_DINAS, "
            "INSPEKTORAT, ADMIN)");
  EXPECT_EQ(ParseUserSpec("x:KEPALA_BIDANG").status().message(),
            "division: required for a KEPALA_BIDANG (NAME:KEPALA_BIDANG:DIVISION)");
  EXPECT_EQ(ParseUserSpec("x:ADMIN:rehab").status().message(),
            "division: only a KEPALA_BIDANG heads a division; x is ADMIN");
  EXPECT_THAT(std::string(ParseUserSpec("x:KEPALA_BIDANG:kebersihan").status().message()),
              StartsWith("division: \"kebersihan\" is not a division"));
  EXPECT_EQ(ParseUserSpec("x:KEPALA_BIDANG:kebersihan").status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(UserToolTest, ChecksTokens) {
  EXPECT_THAT(CheckToken("demo-kadis-token"), IsOk());
  EXPECT_EQ(CheckToken("short").message(), "token: 5 characters; at least 16 required");
  EXPECT_EQ(CheckToken("has a space in it!").message(),
            "token: only printable ASCII characters, no spaces (it travels in an HTTP header)");
}

TEST(UserToolTest, GeneratesDistinctUsableTokens) {
  absl::StatusOr<std::string> a = GenerateToken();
  absl::StatusOr<std::string> b = GenerateToken();
  ASSERT_THAT(a, IsOk());
  ASSERT_THAT(b, IsOk());
  EXPECT_THAT(*a, StartsWith("rst_"));
  EXPECT_EQ(a->size(), 47u);
  EXPECT_NE(*a, *b);
  EXPECT_THAT(CheckToken(*a), IsOk());
}

TEST(UserToolTest, TheEntryAuthenticatesItsTokenAndStoresNoToken) {
  const std::string token = "token-of-rehab-0123";
  const std::string entry = FormatUserEntry(*ParseUserSpec("rehab:KEPALA_BIDANG:rehab"),
                                            "Kepala Bidang Rehabilitasi Sosial", token);
  EXPECT_THAT(entry, StartsWith("user {\n  name: \"rehab\"\n"));
  EXPECT_EQ(entry.find(token), std::string::npos);
  v1::UsersConfig config;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(entry, &config)) << entry;
  ASSERT_EQ(config.user_size(), 1);
  EXPECT_EQ(config.user(0).display_name(), "Kepala Bidang Rehabilitasi Sosial");
  absl::StatusOr<Authenticator> auth = Authenticator::FromConfig(config);
  ASSERT_THAT(auth, IsOk()) << auth.status();
  absl::StatusOr<Actor> actor = auth->AuthenticateToken(token);
  ASSERT_THAT(actor, IsOk()) << actor.status();
  EXPECT_EQ(actor->name, "rehab");
  EXPECT_EQ(actor->role, v1::Role::KEPALA_BIDANG);
  EXPECT_EQ(actor->division, v1::REHABILITASI_SOSIAL);
  EXPECT_EQ(auth->AuthenticateToken("token-of-rehab-0124").status().message(), "unknown token");
}

TEST(DemoUsersTest, EachDocumentedDemoTokenAuthenticatesAsDocumented) {
  absl::StatusOr<Authenticator> auth =
      Authenticator::Load(std::string(RENSTRA_SOURCE_DIR) + "/deploy/users.demo.textproto");
  ASSERT_THAT(auth, IsOk()) << auth.status();
  EXPECT_EQ(auth->user_count(), 8u);
  struct Demo {
    const char* token;
    const char* name;
    v1::Role::Value role;
    v1::Division division;
  };
  const Demo demos[] = {
      {"demo-kadis-token", "kadis", v1::Role::KEPALA_DINAS, v1::DIVISION_UNSPECIFIED},
      {"demo-rehab-token", "rehab", v1::Role::KEPALA_BIDANG, v1::REHABILITASI_SOSIAL},
      {"demo-linjamsos-token", "linjamsos", v1::Role::KEPALA_BIDANG,
       v1::PERLINDUNGAN_JAMINAN_SOSIAL},
      {"demo-dayasos-token", "dayasos", v1::Role::KEPALA_BIDANG, v1::PEMBERDAYAAN_SOSIAL},
      {"demo-dayamas-token", "dayamas", v1::Role::KEPALA_BIDANG, v1::PEMBERDAYAAN_MASYARAKAT},
      {"demo-sekretariat-token", "sekretariat", v1::Role::SEKRETARIAT, v1::DIVISION_UNSPECIFIED},
      {"demo-inspektorat-token", "inspektorat", v1::Role::INSPEKTORAT, v1::DIVISION_UNSPECIFIED},
      {"demo-admin-token", "admin", v1::Role::ADMIN, v1::DIVISION_UNSPECIFIED},
  };
  for (const Demo& d : demos) {
    SCOPED_TRACE(d.token);
    absl::StatusOr<Actor> actor = auth->AuthenticateToken(d.token);
    ASSERT_THAT(actor, IsOk()) << actor.status();
    EXPECT_EQ(actor->name, d.name);
    EXPECT_EQ(actor->role, d.role);
    EXPECT_EQ(actor->division, d.division);
  }
}

}  // namespace
}  // namespace renstra
