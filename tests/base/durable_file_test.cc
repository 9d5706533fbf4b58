#include "base/durable_file.h"

#include <sys/stat.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace renstra {
namespace {

namespace fs = std::filesystem;
using ::renstra::testing::IsOk;
using ::renstra::testing::StatusIs;
using ::renstra::testing::TempDir;

std::string Contents(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

mode_t ModeOf(const std::string& path) {
  struct stat st {};
  EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
  return st.st_mode & 07777;
}

// The names in `dir`, so a test can say that nothing but the file was left.
std::vector<std::string> Names(const std::string& dir) {
  std::vector<std::string> names;
  for (const fs::directory_entry& e : fs::directory_iterator(dir)) {
    names.push_back(e.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

TEST(DurableFileTest, WritesThePiecesInOrderWithExactlyTheMode) {
  TempDir dir("durable_file");
  const std::string path = dir / "state.bin";
  const std::array<std::string_view, 3> pieces = {"head", "", std::string_view("\0tail", 5)};
  // umask 0777 would leave no bits at all if the mode came from open() alone.
  const mode_t old_umask = ::umask(0777);
  const absl::Status written = WriteFileDurably(path, pieces, 0640);
  ::umask(old_umask);
  ASSERT_THAT(written, IsOk());
  EXPECT_EQ(Contents(path), std::string("head\0tail", 9));
  EXPECT_EQ(ModeOf(path), 0640u);
  EXPECT_EQ(Names(dir.path()), std::vector<std::string>{"state.bin"});
}

TEST(DurableFileTest, ReplacesAnExistingFileAndAStaleTemporary) {
  TempDir dir("durable_file");
  const std::string path = dir / "state.bin";
  ASSERT_THAT(WriteFileDurably(path, "old contents, longer than the new", 0600), IsOk());
  std::ofstream(path + ".tmp") << "left by a process killed mid-write";
  ASSERT_THAT(WriteFileDurably(path, "new", 0600), IsOk());
  EXPECT_EQ(Contents(path), "new");
  EXPECT_EQ(Names(dir.path()), std::vector<std::string>{"state.bin"});
}

TEST(DurableFileTest, DoesNotFollowASymlinkPlantedAsTheTemporary) {
  TempDir dir("durable_file");
  const std::string path = dir / "state.bin";
  const std::string victim = dir / "victim";
  std::ofstream(victim) << "untouched";
  fs::create_symlink(victim, path + ".tmp");
  ASSERT_THAT(WriteFileDurably(path, "new", 0600), IsOk());
  EXPECT_EQ(Contents(victim), "untouched");
  EXPECT_EQ(Contents(path), "new");
  EXPECT_EQ(Names(dir.path()), (std::vector<std::string>{"state.bin", "victim"}));
}

TEST(DurableFileTest, AMissingDirectoryIsUnavailableAndCreatesNothing) {
  TempDir dir("durable_file");
  const std::string path = dir / "absent/state.bin";
  EXPECT_THAT(WriteFileDurably(path, "x", 0600),
              StatusIs(absl::StatusCode::kUnavailable,
                       "create " + path + ".tmp: No such file or directory"));
  EXPECT_TRUE(Names(dir.path()).empty());
}

// The temporary file is written, then the rename fails (a directory is in the way):
// the temporary is removed and the directory is untouched.
TEST(DurableFileTest, AFailedRenameRemovesTheTemporary) {
  TempDir dir("durable_file");
  const std::string path = dir / "state.bin";
  fs::create_directory(path);
  EXPECT_THAT(WriteFileDurably(path, "x", 0600),
              StatusIs(absl::StatusCode::kUnavailable, "rename to " + path + ": Is a directory"));
  EXPECT_EQ(Names(dir.path()), std::vector<std::string>{"state.bin"});
  EXPECT_TRUE(fs::is_directory(path));
}

TEST(DurableFileTest, IfExistsFailKeepsTheExistingFile) {
  TempDir dir("durable_file");
  const std::string path = dir / "key.pem";
  ASSERT_THAT(WriteFileDurably(path, "first", 0600, IfExists::kFail), IsOk());
  EXPECT_EQ(Names(dir.path()), std::vector<std::string>{"key.pem"});
  EXPECT_THAT(WriteFileDurably(path, "second", 0600, IfExists::kFail),
              StatusIs(absl::StatusCode::kAlreadyExists, path + " already exists"));
  EXPECT_EQ(Contents(path), "first");
  EXPECT_EQ(Names(dir.path()), std::vector<std::string>{"key.pem"});
}

TEST(DurableFileTest, IfExistsFailDoesNotFollowADanglingSymlink) {
  TempDir dir("durable_file");
  const std::string path = dir / "key.pem";
  fs::create_symlink(dir / "elsewhere", path);
  EXPECT_THAT(WriteFileDurably(path, "secret", 0600, IfExists::kFail),
              StatusIs(absl::StatusCode::kAlreadyExists, path + " already exists"));
  EXPECT_FALSE(fs::exists(dir / "elsewhere"));
}

TEST(DurableFileTest, SyncDirectoryNamesTheDirectoryItCannotOpen) {
  TempDir dir("durable_file");
  ASSERT_THAT(SyncDirectory(dir.path()), IsOk());
  EXPECT_THAT(SyncDirectory(dir / "absent"),
              StatusIs(absl::StatusCode::kUnavailable,
                       "open directory " + (dir / "absent") + ": No such file or directory"));
  std::ofstream(dir / "file") << "x";
  EXPECT_THAT(SyncDirectory(dir / "file"),
              StatusIs(absl::StatusCode::kUnavailable,
                       "open directory " + (dir / "file") + ": Not a directory"));
}

TEST(DurableFileTest, DirectoryOfABareNameIsTheWorkingDirectory) {
  EXPECT_EQ(DirectoryOf("state.bin"), ".");
  EXPECT_EQ(DirectoryOf("/state.bin"), "/");
  EXPECT_EQ(DirectoryOf("/srv/renstra/state.bin"), "/srv/renstra");
  EXPECT_EQ(DirectoryOf("data/state.bin"), "data");
}

}  // namespace
}  // namespace renstra
