#include "tests/testing/status_matchers.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "tests/testing/seed.h"
#include "tests/testing/temp_dir.h"

namespace renstra::testing {
namespace {

using ::testing::DescribeMatcher;
using ::testing::ExplainMatchResult;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StringMatchResultListener;

// A status-like type in the shape of grpc::Status, without linking gRPC.
struct CodeAndMessage {
  bool ok() const { return code == 0; }
  int error_code() const { return code; }
  std::string error_message() const { return message; }
  int code = 0;
  std::string message;
};

TEST(IsOkTest, MatchesOkStatusAndStatusOr) {
  EXPECT_THAT(absl::OkStatus(), IsOk());
  EXPECT_THAT(absl::StatusOr<int>(7), IsOk());
  EXPECT_THAT(CodeAndMessage{}, IsOk());
}

TEST(IsOkTest, ExplainsTheStatusItGot) {
  StringMatchResultListener listener;
  EXPECT_FALSE(ExplainMatchResult(IsOk(), absl::NotFoundError("no plan"), &listener));
  EXPECT_EQ(listener.str(), "whose status is NOT_FOUND: no plan");

  StringMatchResultListener or_listener;
  EXPECT_FALSE(ExplainMatchResult(IsOk(), absl::StatusOr<int>(absl::AbortedError("version 3")),
                                  &or_listener));
  EXPECT_EQ(or_listener.str(), "whose status is ABORTED: version 3");

  StringMatchResultListener grpc_listener;
  EXPECT_FALSE(ExplainMatchResult(IsOk(), CodeAndMessage{5, "missing"}, &grpc_listener));
  EXPECT_EQ(grpc_listener.str(), "whose status is code 5: missing");
}

TEST(StatusIsTest, MatchesCodeAndExactMessage) {
  const absl::Status status = absl::InvalidArgumentError("row 3: kode is empty");
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kInvalidArgument, "row 3: kode is empty"));
  EXPECT_THAT(status, Not(StatusIs(absl::StatusCode::kInvalidArgument, "row 3")));
  EXPECT_THAT(status, Not(StatusIs(absl::StatusCode::kNotFound, "row 3: kode is empty")));
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("kode")));
  EXPECT_THAT(absl::StatusOr<int>(absl::AbortedError("stale")),
              StatusIs(absl::StatusCode::kAborted, "stale"));
  EXPECT_THAT(absl::StatusOr<int>(1), StatusIs(absl::StatusCode::kOk, ""));
}

TEST(StatusIsTest, DescribesWhatItWants) {
  EXPECT_EQ(DescribeMatcher<absl::Status>(StatusIs(absl::StatusCode::kAborted, "stale")),
            "has a status whose code is equal to ABORTED and whose message is equal to \"stale\"");
}

TEST(TempDirTest, MakesAFreshDirectoryAndRemovesIt) {
  std::string path;
  {
    TempDir dir("renstra_testing_test");
    path = dir.path();
    ASSERT_TRUE(std::filesystem::is_directory(path));
    EXPECT_THAT(path, HasSubstr("renstra_testing_test."));
    EXPECT_EQ(dir.Sub("db"), path + "/db");
    EXPECT_EQ(dir / "users.textproto", path + "/users.textproto");
    TempDir other("renstra_testing_test");
    EXPECT_NE(other.path(), path);
  }
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(SeedTest, ReadsTheSeedDocument) {
  const std::string seed = ReadSeedDocument();
  EXPECT_EQ(seed.size(), std::filesystem::file_size(SeedPath()));
  EXPECT_THAT(seed, HasSubstr("\t"));
}

}  // namespace
}  // namespace renstra::testing
