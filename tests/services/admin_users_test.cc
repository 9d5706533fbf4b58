// Administration that must not lock everyone out or leak what is on the server's disk:
// the last enabled admin cannot be disabled (atomically: two admins disabling each
// other at once leave exactly one), a disabled user can be enabled again, and backup
// directories are checked before anything is created and confined to the backup root.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <future>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_replace.h"
#include "domain/event_describer.h"
#include "renstra/v1/admin_service.grpc.pb.h"
#include "services/command_runner.h"
#include "services/projector.h"
#include "services/user_admin.h"
#include "storage/memory_event_store.h"
#include "storage/rocksdb_backup.h"
#include "tests/services/workflow_fixture.h"
#include "tests/testing/seeded_server.h"
#include "tests/testing/status_matchers.h"

namespace renstra::testing {
namespace {

namespace fs = std::filesystem;

std::string LastAdmin(const std::string& name) {
  return "rule: the last enabled admin cannot be disabled: " + name +
         " is the only enabled ADMIN (add or enable another admin first)";
}

v1::UsersConfig TwoAdmins() {
  v1::UsersConfig config = TestUsers();
  *config.add_user() = Authenticator::MakeEntry("admin2", v1::Role::ADMIN, v1::DIVISION_UNSPECIFIED,
                                                TokenOf("admin2"));
  return config;
}

// UserAdmin on a memory store with the command pipeline the server gives it.
struct UsersOn {
  UsersOn(EventStore* store, Authenticator* authenticator)
      : projector(store, "plan/test"), runner(store, &projector), users(&runner, authenticator) {}
  Projector projector;
  CommandRunner runner;
  UserAdmin users;
};

const Actor kAdmin{"admin", v1::Role::ADMIN, {}};
const Actor kAdmin2{"admin2", v1::Role::ADMIN, {}};

v1::DisableUserRequest Disable(const std::string& name, const std::string& request_id) {
  v1::DisableUserRequest request;
  request.set_name(name);
  request.set_request_id(request_id);
  return request;
}

// The race's worst case, without timing: admin2's call was authenticated before admin
// disabled admin2, and reaches UserAdmin after.
TEST(LastAdminTest, AnAdminDisabledMeanwhileCannotDisableTheLastOne) {
  MemoryEventStore store;
  absl::StatusOr<Authenticator> authenticator = Authenticator::FromConfig(TwoAdmins());
  ASSERT_THAT(authenticator, IsOk());
  UsersOn on(&store, &*authenticator);
  UserAdmin& users = on.users;
  ASSERT_THAT(users.DisableUser(kAdmin, Disable("admin2", "r1")), IsOk());
  absl::StatusOr<v1::UserView> refused = users.DisableUser(kAdmin2, Disable("admin", "r2"));
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(refused.status().message(), LastAdmin("admin"));
  EXPECT_FALSE(authenticator->Find("admin")->disabled());
  EXPECT_EQ(store.StreamVersion(UserAdmin::kStream), 1u);  // nothing appended
}

TEST(LastAdminTest, TwoAdminsDisablingEachOtherAtOnceLeaveExactlyOne) {
  SeededServerOptions options;
  options.users = TwoAdmins();
  std::unique_ptr<SeededServer> server = SeededServer::Start(options);
  ASSERT_NE(server, nullptr);
  v1::AdminService::Stub& admin = server->admin();
  for (int round = 0; round < 10; ++round) {
    std::promise<void> go;
    std::shared_future<void> start = go.get_future().share();
    auto disable = [&](const std::string& as, const std::string& target) {
      return std::async(std::launch::async, [&, as, target] {
        start.wait();
        v1::UserView view;
        return admin.DisableUser(ContextAs(TokenOf(as)).get(),
                                 Disable(target, "race-" + std::to_string(round) + as), &view);
      });
    };
    auto first = disable("admin", "admin2");
    auto second = disable("admin2", "admin");
    go.set_value();
    const grpc::Status a = first.get();
    const grpc::Status b = second.get();
    ASSERT_NE(a.ok(), b.ok()) << "round " << round << ": " << a.error_message() << " / "
                              << b.error_message();
    const grpc::Status& lost = a.ok() ? b : a;
    const std::string winner = a.ok() ? "admin" : "admin2";
    // The loser was refused by the rule, or — already disabled — not authenticated.
    if (lost.error_code() == grpc::StatusCode::FAILED_PRECONDITION) {
      EXPECT_EQ(lost.error_message(), LastAdmin(winner));
    } else {
      EXPECT_EQ(lost.error_code(), grpc::StatusCode::UNAUTHENTICATED) << lost.error_message();
      EXPECT_EQ(lost.error_message(), "this user is disabled");
    }
    v1::ListUsersResponse users;
    ASSERT_THAT(admin.ListUsers(ContextAs(TokenOf(winner)).get(), {}, &users), IsOk());
    int enabled_admins = 0;
    for (const v1::UserView& u : users.users()) {
      if (u.role() == v1::Role::ADMIN && !u.disabled()) ++enabled_admins;
    }
    ASSERT_EQ(enabled_admins, 1);
    // Enable the loser for the next round.
    v1::EnableUserRequest enable;
    enable.set_name(winner == "admin" ? "admin2" : "admin");
    enable.set_request_id("enable-" + std::to_string(round));
    v1::UserView view;
    ASSERT_THAT(admin.EnableUser(ContextAs(TokenOf(winner)).get(), enable, &view), IsOk());
  }
}

TEST(EnableUserTest, ADisabledUserIsEnabledAgainAndItIsRecorded) {
  SeededServerOptions options;
  options.users = TestUsers();
  std::unique_ptr<SeededServer> server = SeededServer::Start(options);
  ASSERT_NE(server, nullptr);
  v1::AdminService::Stub& admin = server->admin();
  v1::UserView view;
  ASSERT_THAT(admin.DisableUser(ContextAs(TokenOf("admin")).get(), Disable("rehab", "d1"), &view),
              IsOk());
  v1::GetHeadResponse head;
  EXPECT_EQ(server->log().GetHead(ContextAs(TokenOf("rehab")).get(), {}, &head).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);

  v1::EnableUserRequest enable;
  enable.set_name("rehab");
  enable.set_request_id("e1");
  grpc::Status status = admin.EnableUser(ContextAs(TokenOf("admin")).get(), enable, &view);
  ASSERT_THAT(status, IsOk()) << status.error_message();
  EXPECT_EQ(view.name(), "rehab");
  EXPECT_FALSE(view.disabled());
  EXPECT_THAT(server->log().GetHead(ContextAs(TokenOf("rehab")).get(), {}, &head), IsOk());

  absl::StatusOr<std::vector<v1::EventEnvelope>> events =
      server->store().ReadStream(UserAdmin::kStream, 1, 10);
  ASSERT_THAT(events, IsOk());
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ((*events)[1].event_type(), "renstra.v1.UserEnabled");
  EXPECT_EQ((*events)[1].principal(), "admin");
  EXPECT_EQ(DescribeEvent((*events)[1]), "UserEnabled rehab");

  // Not disabled: refused, nothing appended.
  enable.set_request_id("e2");
  status = admin.EnableUser(ContextAs(TokenOf("admin")).get(), enable, &view);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(status.error_message(), "name: user rehab is not disabled");
  // Only an admin enables.
  status = admin.EnableUser(ContextAs(TokenOf("rehab")).get(), enable, &view);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(server->store().StreamVersion(UserAdmin::kStream), 2u);
}

TEST(EnableUserTest, AnEnabledUserStaysEnabledAfterARestart) {
  MemoryEventStore store;
  {
    absl::StatusOr<Authenticator> authenticator = Authenticator::FromConfig(TestUsers());
    ASSERT_THAT(authenticator, IsOk());
    UsersOn on(&store, &*authenticator);
    UserAdmin& users = on.users;
    v1::EnableUserRequest enable;
    enable.set_name("pensiun");  // disabled in the users file
    ASSERT_THAT(users.EnableUser(kAdmin, enable), IsOk());
  }
  absl::StatusOr<Authenticator> restarted = Authenticator::FromConfig(TestUsers());
  ASSERT_THAT(restarted, IsOk());
  UsersOn on(&store, &*restarted);
  UserAdmin& users = on.users;
  ASSERT_THAT(users.Recover(), IsOk());
  EXPECT_FALSE(restarted->Find("pensiun")->disabled());
}

class BackupDirTest : public SeededServerTest {
 protected:
  void SetUp() override {
    base_ = ::testing::TempDir() + "renstra_backup_root.XXXXXX";
    ASSERT_NE(mkdtemp(base_.data()), nullptr);
    root_ = base_ + "/backups";  // made by the first backup
    SeededServerTest::SetUp();
  }
  // The cast, no plan, backups under root_.
  SeededServerOptions Options() override {
    SeededServerOptions options;
    options.users = TestUsers();
    options.backup_dir = root_;
    return options;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(base_, ec);
  }

  grpc::Status List(const std::string& dir) {
    v1::ListBackupsRequest request;
    request.set_dir(dir);
    v1::ListBackupsResponse response;
    return server_->admin().ListBackups(ContextAs(TokenOf("admin")).get(), request, &response);
  }
  grpc::Status Create(const std::string& dir) {
    v1::CreateBackupRequest request;
    request.set_dir(dir);
    v1::Backup backup;
    return server_->admin().CreateBackup(ContextAs(TokenOf("admin")).get(), request, &backup);
  }

  std::string base_;
  std::string root_;
};

TEST_F(BackupDirTest, ListingOutsideTheBackupRootIsRefusedWhetherOrNotTheDirectoryExists) {
  const std::string outside = "dir: %s is outside the backup root " + root_ +
                              " (--backup_dir); only it and its subdirectories are allowed";
  for (const std::string& dir :
       std::vector<std::string>{"/etc", "/no/such/directory", root_ + "-other"}) {
    grpc::Status status = List(dir);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED) << dir;
    EXPECT_EQ(status.error_message(), absl::StrReplaceAll(outside, {{"%s", dir}}));
  }
  ASSERT_THAT(Create(""), IsOk());
  EXPECT_THAT(List(root_), IsOk());
  EXPECT_THAT(List(root_ + "/"), IsOk());
}

TEST_F(BackupDirTest, ADirectoryWithNulOrDotDotIsRefusedBeforeAnythingIsCreated) {
  grpc::Status status = Create(root_ + "/new/../elsewhere");
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(), "dir: must not contain a \"..\" component");
  status = Create(root_ + std::string("/sub\0x", 6));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(), "dir: must not contain a NUL or control character");
  EXPECT_FALSE(fs::exists(root_));  // nothing made, not even the root
  status = List("../x");
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(), "dir: must not contain a \"..\" component");
}

TEST(BackupStorageTest, CreateChecksTheDirectoryBeforeMakingIt) {
  const std::string base = ::testing::TempDir() + "renstra_backup_name_test";
  std::error_code ec;
  fs::remove_all(base, ec);
  fs::create_directories(base + "/data");
  absl::StatusOr<std::unique_ptr<RocksDbEventStore>> store =
      RocksDbEventStore::Open(base + "/data");
  ASSERT_THAT(store, IsOk()) << store.status();
  absl::StatusOr<BackupInfo> made = RocksDbBackup::Create(**store, base + "/half/../backups");
  EXPECT_EQ(made.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(made.status().message(), "backup directory: must not contain a \"..\" component");
  EXPECT_FALSE(fs::exists(base + "/backups"));
  made = RocksDbBackup::Create(**store, base + std::string("/b\0ad", 5));
  EXPECT_EQ(made.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(made.status().message(),
            "backup directory: must not contain a NUL or control character");
  EXPECT_FALSE(fs::exists(base + "/b"));
  store->reset();
  fs::remove_all(base, ec);
}

TEST(BackupRootTest, WithoutABackupRootNothingIsListed) {
  SeededServerOptions options;
  options.users = TestUsers();
  options.backup_dir = "";
  std::unique_ptr<SeededServer> server = SeededServer::Start(options);
  ASSERT_NE(server, nullptr);
  v1::AdminService::Stub& admin = server->admin();
  v1::ListBackupsRequest request;
  request.set_dir("/etc");
  v1::ListBackupsResponse response;
  grpc::Status status = admin.ListBackups(ContextAs(TokenOf("admin")).get(), request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(status.error_message(),
            "dir: the server was started without --backup_dir: backups are listed and verified "
            "only under that backup root");
}

}  // namespace
}  // namespace renstra::testing
