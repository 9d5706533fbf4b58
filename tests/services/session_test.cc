// Password login (SessionService): a session token works as a bearer token beside the
// API tokens; wrong passwords say how many attempts are left and lock the name after 5
// with the time it unlocks; every refusal is recorded on "audit/denied"; sessions end
// by logout, idleness, a new password and disabling; passwords are stored only as
// Argon2id hashes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <string>

#include "renstra/v1/session_service.grpc.pb.h"
#include "services/password_hash.h"
#include "services/session_app.h"
#include "services/user_admin.h"
#include "tests/services/workflow_fixture.h"
#include "tests/testing/seeded_server.h"
#include "tests/testing/status_matchers.h"

namespace renstra::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kLogin[] = "/renstra.v1.SessionService/Login";
constexpr char kRehabPassword[] = "rahasia-rehab-2025";
// 2026-12-07 09:00:00 WIB.
const absl::Time kStart = absl::FromUnixSeconds(1796608800);

std::string WrongFor(const std::string& name, int left) {
  return "login: wrong user name or password for \"" + name + "\" (" + std::to_string(left) +
         (left == 1 ? " attempt" : " attempts") + " left before a 15-minute lock)";
}

class SessionTest : public SeededServerTest {
 protected:
  SeededServerOptions Options() override {
    SeededServerOptions options = SeededServerOptions::CastWithSeed();
    options.session_clock = [this] { return absl::FromUnixMicros(now_micros_.load()); };
    return options;
  }
  void SetUp() override {
    now_micros_ = absl::ToUnixMicros(kStart);
    SeededServerTest::SetUp();
    SetPassword("rehab", kRehabPassword);
  }
  void Advance(absl::Duration d) { now_micros_ += absl::ToInt64Microseconds(d); }

  grpc::Status SetPassword(const std::string& name, const std::string& password,
                           const std::string& token = TokenOf("admin")) {
    v1::SetPasswordRequest request;
    request.set_request_id("set-" + name + "-" + std::to_string(++requests_));
    request.set_name(name);
    request.set_new_password(password);
    v1::UserView view;
    grpc::Status status = server_->session().SetPassword(ContextAs(token).get(), request, &view);
    return status;
  }
  grpc::Status Login(const std::string& name, const std::string& password, v1::Session* out) {
    v1::LoginRequest request;
    request.set_name(name);
    request.set_password(password);
    return server_->session().Login(Context().get(), request, out);
  }
  grpc::Status WhoAmI(const std::string& token, v1::UserView* out) {
    return server_->session().WhoAmI(ContextAs(token).get(), {}, out);
  }

  std::atomic<int64_t> now_micros_{0};
  int requests_ = 0;
};

TEST_F(SessionTest, ALoginGivesASessionTokenThatWorksAsABearerTokenBesideApiTokens) {
  v1::Session session;
  grpc::Status status = Login("rehab", kRehabPassword, &session);
  ASSERT_THAT(status, IsOk()) << status.error_message();
  EXPECT_EQ(session.token().size(), 64u);
  EXPECT_EQ(session.user().name(), "rehab");
  EXPECT_EQ(session.user().role(), v1::Role::KEPALA_BIDANG);
  EXPECT_EQ(session.expires_micros(), absl::ToUnixMicros(kStart + absl::Hours(8)));
  EXPECT_EQ(session.idle_seconds(), 1800);
  v1::UserView me;
  ASSERT_THAT(WhoAmI(session.token(), &me), IsOk());
  EXPECT_EQ(me.name(), "rehab");
  v1::GetPlanResponse plan;
  EXPECT_THAT(server_->plan().GetPlan(ContextAs(session.token()).get(), {}, &plan), IsOk());
  // The API token keeps working.
  ASSERT_THAT(WhoAmI(TokenOf("rehab"), &me), IsOk());
  EXPECT_EQ(me.name(), "rehab");
}

TEST_F(SessionTest, AWrongPasswordSaysHowManyAttemptsAreLeftAndIsRecorded) {
  v1::Session session;
  grpc::Status status = Login("rehab", "salah-sekali", &session);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(status.error_message(), WrongFor("rehab", 4));
  // A name that does not exist reads the same.
  status = Login("nobody1", "salah-sekali", &session);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(status.error_message(), WrongFor("nobody1", 4));
  // A user without a password too.
  status = Login("kadis", "salah-sekali", &session);
  EXPECT_EQ(status.error_message(), WrongFor("kadis", 4));
  std::vector<v1::AccessDenied> denied = DeniedCalls(*server_);
  ASSERT_EQ(denied.size(), 3u);
  EXPECT_EQ(denied[0].method(), kLogin);
  EXPECT_EQ(denied[0].principal(), "");
  EXPECT_EQ(denied[0].code(), "UNAUTHENTICATED");
  EXPECT_EQ(denied[0].message(), WrongFor("rehab", 4));
  EXPECT_EQ(denied[1].message(), WrongFor("nobody1", 4));
}

TEST_F(SessionTest, FiveFailuresLockTheNameForFifteenMinutesEvenForTheRightPassword) {
  v1::Session session;
  for (int i = 1; i <= 4; ++i) {
    grpc::Status status = Login("rehab", "salah-sekali", &session);
    EXPECT_EQ(status.error_message(), WrongFor("rehab", 5 - i));
    Advance(absl::Minutes(1));
  }
  // The 5th failure at 09:04:00 locks until 09:19:00 WIB.
  const std::string locked =
      "login: rehab is locked after 5 failed logins until 2026-12-07T09:19:00+07:00 (WIB)";
  grpc::Status status = Login("rehab", "salah-sekali", &session);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(status.error_message(), locked);
  status = Login("rehab", kRehabPassword, &session);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(status.error_message(), locked);
  // Other names are not locked.
  status = Login("linjamsos", "salah-sekali", &session);
  EXPECT_EQ(status.error_message(), WrongFor("linjamsos", 4));
  Advance(absl::Minutes(14) + absl::Seconds(59));
  EXPECT_EQ(Login("rehab", kRehabPassword, &session).error_message(), locked);
  Advance(absl::Seconds(1));
  status = Login("rehab", kRehabPassword, &session);
  EXPECT_THAT(status, IsOk()) << status.error_message();
  // The success cleared the failures.
  EXPECT_EQ(Login("rehab", "salah-sekali", &session).error_message(), WrongFor("rehab", 4));
  std::vector<v1::AccessDenied> denied = DeniedCalls(*server_);
  ASSERT_EQ(denied.size(), 9u);  // every refused login (within the record's window)
  EXPECT_EQ(denied[4].message(), locked);
  EXPECT_EQ(denied[5].message(), locked);
}

TEST_F(SessionTest, FailuresOlderThanTheWindowDoNotCount) {
  v1::Session session;
  for (int i = 0; i < 4; ++i) Login("rehab", "salah-sekali", &session);
  Advance(absl::Minutes(15));
  EXPECT_EQ(Login("rehab", "salah-sekali", &session).error_message(), WrongFor("rehab", 4));
}

TEST_F(SessionTest, ASessionEndsAfterThirtyIdleMinutesAndAfterEightHours) {
  v1::Session session;
  ASSERT_THAT(Login("rehab", kRehabPassword, &session), IsOk());
  v1::UserView me;
  Advance(absl::Minutes(29));
  ASSERT_THAT(WhoAmI(session.token(), &me), IsOk());  // renews
  Advance(absl::Minutes(29));
  ASSERT_THAT(WhoAmI(session.token(), &me), IsOk());
  Advance(absl::Minutes(30));
  grpc::Status status = WhoAmI(session.token(), &me);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(status.error_message(), "session expired: log in again");

  ASSERT_THAT(Login("rehab", kRehabPassword, &session), IsOk());
  // Used every 29:59 for 7:59:44, then 30 s later: past 8 hours, though not idle.
  for (int i = 0; i < 16; ++i) {
    Advance(absl::Minutes(29) + absl::Seconds(59));
    ASSERT_THAT(WhoAmI(session.token(), &me), IsOk()) << i;
  }
  Advance(absl::Seconds(30));
  status = WhoAmI(session.token(), &me);
  EXPECT_EQ(status.error_message(), "session expired: log in again");
}

TEST_F(SessionTest, LogoutEndsTheSessionAndNeedsASessionToken) {
  v1::Session session;
  ASSERT_THAT(Login("rehab", kRehabPassword, &session), IsOk());
  v1::LogoutResponse out;
  ASSERT_THAT(server_->session().Logout(ContextAs(session.token()).get(), {}, &out), IsOk());
  v1::UserView me;
  grpc::Status status = WhoAmI(session.token(), &me);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(status.error_message(), "unknown token");
  status = server_->session().Logout(ContextAs(TokenOf("rehab")).get(), {}, &out);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(status.error_message(),
            "authorization: not a session token (an API token is ended by rotating it)");
}

TEST_F(SessionTest, ChangingOnesOwnPasswordNeedsTheCurrentOneAndEndsTheOtherSessions) {
  v1::Session first, second;
  ASSERT_THAT(Login("rehab", kRehabPassword, &first), IsOk());
  ASSERT_THAT(Login("rehab", kRehabPassword, &second), IsOk());
  v1::ChangePasswordRequest request;
  request.set_request_id("change-1");
  request.set_current_password("bukan-ini-sandinya");
  request.set_new_password("sandi-baru-yang-panjang");
  v1::UserView view;
  grpc::Status status =
      server_->session().ChangePassword(ContextAs(first.token()).get(), request, &view);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(status.error_message(), "current_password: wrong password");
  request.set_current_password(kRehabPassword);
  request.set_new_password("pendek");
  status = server_->session().ChangePassword(ContextAs(first.token()).get(), request, &view);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(), "new_password: must be at least 10 characters");
  request.set_new_password("rehab");
  status = server_->session().ChangePassword(ContextAs(first.token()).get(), request, &view);
  EXPECT_EQ(status.error_message(), "new_password: must be at least 10 characters");
  const uint64_t users_version = server_->store().StreamVersion(UserAdmin::kStream);
  request.set_new_password("sandi-baru-yang-panjang");
  status = server_->session().ChangePassword(ContextAs(first.token()).get(), request, &view);
  ASSERT_THAT(status, IsOk()) << status.error_message();
  EXPECT_EQ(server_->store().StreamVersion(UserAdmin::kStream), users_version + 1);
  v1::UserView me;
  EXPECT_THAT(WhoAmI(first.token(), &me), IsOk());
  EXPECT_EQ(WhoAmI(second.token(), &me).error_message(), "unknown token");
  v1::Session again;
  EXPECT_EQ(Login("rehab", kRehabPassword, &again).error_message(), WrongFor("rehab", 4));
  EXPECT_THAT(Login("rehab", "sandi-baru-yang-panjang", &again), IsOk());
}

TEST_F(SessionTest, OnlyAnAdminSetsPasswordsAndThatEndsTheUsersSessions) {
  v1::Session session;
  ASSERT_THAT(Login("rehab", kRehabPassword, &session), IsOk());
  grpc::Status status = SetPassword("linjamsos", "sandi-linjamsos-1", TokenOf("rehab"));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(status.error_message(), "rule: only ADMIN may set passwords; rehab is KEPALA_BIDANG");
  status = SetPassword("nobody1", "sandi-nobody-123");
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(status.error_message(), "name: no user nobody1");
  status = SetPassword("rehab", "short");
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(), "new_password: must be at least 10 characters");
  ASSERT_THAT(SetPassword("rehab", "sandi-dari-admin-1"), IsOk());
  v1::UserView me;
  EXPECT_EQ(WhoAmI(session.token(), &me).error_message(), "unknown token");
}

TEST_F(SessionTest, ADisabledUserCannotLogInAndTheirSessionsEnd) {
  v1::Session session;
  ASSERT_THAT(Login("rehab", kRehabPassword, &session), IsOk());
  v1::DisableUserRequest disable;
  disable.set_request_id("disable-rehab");
  disable.set_name("rehab");
  v1::UserView view;
  ASSERT_THAT(server_->admin().DisableUser(ContextAs(TokenOf("admin")).get(), disable, &view),
              IsOk());
  v1::UserView me;
  EXPECT_EQ(WhoAmI(session.token(), &me).error_message(), "unknown token");
  grpc::Status status = Login("rehab", kRehabPassword, &session);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(status.error_message(), "login: rehab is disabled");
}

TEST_F(SessionTest, BadLoginRequestsNameTheField) {
  v1::Session session;
  grpc::Status status = Login("", "x", &session);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(), "name: required");
  status = Login("rehab", "", &session);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(), "password: required");
  status = Login(std::string(33, 'a'), "x", &session);
  EXPECT_EQ(status.error_message(), "name: at most 32 bytes");
  status = Login("rehab", std::string(129, 'x'), &session);
  EXPECT_EQ(status.error_message(), "password: at most 128 bytes");
}

TEST_F(SessionTest, ThePasswordIsStoredOnlyAsAnArgon2idHash) {
  absl::StatusOr<std::vector<v1::EventEnvelope>> all = server_->store().ReadAll(1, 1 << 20);
  ASSERT_THAT(all, IsOk());
  int set = 0;
  for (const v1::EventEnvelope& e : *all) {
    EXPECT_THAT(e.SerializeAsString(), Not(HasSubstr(kRehabPassword)));
    if (e.event_type() != "renstra.v1.UserPasswordSet") continue;
    v1::UserEvent event;
    ASSERT_TRUE(event.ParseFromString(e.payload()));
    EXPECT_EQ(event.password_set().name(), "rehab");
    EXPECT_FALSE(event.password_set().by_self());
    EXPECT_THAT(event.password_set().password_argon2id(),
                ::testing::StartsWith("$argon2id$v=19$m=19456,t=2,p=1$"));
    EXPECT_TRUE(VerifyPassword(event.password_set().password_argon2id(), kRehabPassword));
    ++set;
  }
  EXPECT_EQ(set, 1);
}

TEST(PasswordHashTest, VerifiesOnlyTheRightPasswordAndRefusesMalformedHashes) {
  absl::StatusOr<std::string> hash = HashPassword("kata-sandi-123");
  ASSERT_THAT(hash, IsOk());
  EXPECT_TRUE(VerifyPassword(*hash, "kata-sandi-123"));
  EXPECT_FALSE(VerifyPassword(*hash, "kata-sandi-124"));
  EXPECT_FALSE(VerifyPassword("", "kata-sandi-123"));
  EXPECT_FALSE(VerifyPassword("$argon2i$v=19$m=19456,t=2,p=1$abc$def", "kata-sandi-123"));
  EXPECT_NE(*HashPassword("kata-sandi-123"), *hash);  // a fresh salt each time
}

TEST(PasswordHashTest, FormatsTheUnlockTimeInWib) {
  EXPECT_EQ(FormatWib(kStart), "2026-12-07T09:00:00+07:00");
}

}  // namespace
}  // namespace renstra::testing
