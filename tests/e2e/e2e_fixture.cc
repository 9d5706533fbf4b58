#include "tests/e2e/e2e_fixture.h"

#include <google/protobuf/text_format.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <system_error>

#include "rocksdb/db.h"
#include "services/authenticator.h"
#include "storage/rocksdb_layout.h"
#include "tests/testing/status_matchers.h"

namespace renstra::testing {

Ready ParseReadyLine(const std::string& line) {
  static const std::regex kLine(
      R"(renstrad listening on (\S+:\d+) \(data (.*), plan version (\d+), (\d+) events\))");
  std::smatch m;
  Ready ready;
  EXPECT_TRUE(std::regex_match(line, m, kLine)) << line;
  if (m.empty()) return ready;
  ready.address = m[1];
  ready.data_dir = m[2];
  ready.plan_version = std::stoll(m[3]);
  ready.events = std::stoull(m[4]);
  return ready;
}

Server StartServer(const std::string& data_dir, const std::string& log_path, bool empty,
                   const std::vector<std::string>& extra_args) {
  std::vector<std::string> argv = {RENSTRAD_PATH, "--listen=127.0.0.1:0", "--data_dir=" + data_dir};
  if (empty) argv.push_back("--empty");
  argv.insert(argv.end(), extra_args.begin(), extra_args.end());
  std::string error;
  Server server;
  server.daemon = Daemon::Start(argv, log_path, kStartTimeout, &error);
  EXPECT_NE(server.daemon, nullptr) << error;
  if (server.daemon != nullptr) server.ready = ParseReadyLine(server.daemon->ready_line());
  return server;
}

std::string WriteUsersFile(const TempDir& tmp, const std::vector<DaemonUser>& users) {
  v1::UsersConfig config;
  for (const DaemonUser& u : users) {
    *config.add_user() = Authenticator::MakeEntry(u.name, u.role, u.division, u.token);
  }
  std::string text;
  EXPECT_TRUE(google::protobuf::TextFormat::PrintToString(config, &text));
  const std::string path = tmp / "users.textproto";
  std::ofstream out(path);
  out << text;
  EXPECT_TRUE(out.flush().good()) << "cannot write " << path;
  return path;
}

void SeededDaemonTest::SetUp() {
  ASSERT_FALSE(tmp_.path().empty());
  users_file_ = WriteUsersFile(tmp_, Users());
  Start(tmp_ / "data");
}

void SeededDaemonTest::Start(const std::string& data_dir, std::vector<std::string> extra) {
  extra.push_back("--users=" + users_file_);
  server_ = StartServer(data_dir, tmp_ / "renstrad.log", /*empty=*/false, extra);
  ASSERT_NE(server_.daemon, nullptr);
}

void SeededDaemonTest::Stop() {
  if (server_.daemon != nullptr) {
    EXPECT_EQ(server_.daemon->Stop(), 0);
  }
  server_.daemon.reset();
}

CommandResult SeededDaemonTest::As(const std::string& token, std::vector<std::string> args) {
  return Cli(server_.ready.address, std::move(args), {{"RENSTRA_TOKEN", token}});
}

CommandResult Cli(const std::string& address, std::vector<std::string> args,
                  const std::map<std::string, std::string>& env) {
  std::vector<std::string> argv = {RENSTRA_CLI_PATH, "--server", address};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunCommand(argv, env);
}

// Changes the last byte of the stored event `sequence` in the store's RocksDB, as an
// attacker editing the files would (the store itself never rewrites an event).
void FlipLastByteOfEvent(const std::string& dir, uint64_t sequence) {
  std::vector<std::string> names;
  ASSERT_THAT(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir, &names), IsOk());
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  for (const std::string& name : names) families.emplace_back(name, rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  ASSERT_THAT(rocksdb::DB::Open(rocksdb::DBOptions(), dir, families, &handles, &raw), IsOk());
  std::unique_ptr<rocksdb::DB> db(raw);
  rocksdb::ColumnFamilyHandle* events = nullptr;
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == layout::kEventsCf) events = handles[i];
  }
  ASSERT_NE(events, nullptr);
  const std::string key = layout::EncodeU64(sequence);
  std::string value;
  ASSERT_THAT(db->Get(rocksdb::ReadOptions(), events, key, &value), IsOk());
  ASSERT_FALSE(value.empty());
  value.back() = static_cast<char>(value.back() ^ 0x01);
  rocksdb::WriteOptions sync;
  sync.sync = true;
  EXPECT_THAT(db->Put(sync, events, key, value), IsOk());
  for (rocksdb::ColumnFamilyHandle* h : handles)
    EXPECT_THAT(db->DestroyColumnFamilyHandle(h), IsOk());
  EXPECT_THAT(db->Close(), IsOk());
}

}  // namespace renstra::testing
