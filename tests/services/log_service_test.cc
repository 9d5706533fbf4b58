// LogService through real stubs: the chain head and the on-demand chain check.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "tests/testing/seeded_server.h"
#include "tests/testing/status_matchers.h"

namespace renstra::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::StartsWith;

class LogServiceTest : public SeededServerTest {
 protected:
  // An empty plan in open mode.
  SeededServerOptions Options() override { return {}; }
};

TEST_F(LogServiceTest, HeadOfAnEmptyLogIsZero) {
  v1::GetHeadResponse head;
  grpc::Status status = server_->log().GetHead(Context().get(), {}, &head);
  ASSERT_THAT(status, IsOk()) << status.error_message();
  EXPECT_EQ(head.sequence(), 0u);
  EXPECT_EQ(head.hash(), std::string(64, '0'));
}

TEST_F(LogServiceTest, VerifyOfAnEmptyLogChecksNothing) {
  v1::VerifyLogResponse response;
  grpc::Status status = server_->log().VerifyLog(Context().get(), {}, &response);
  ASSERT_THAT(status, IsOk()) << status.error_message();
  EXPECT_EQ(response.checked(), 0u);
  EXPECT_EQ(response.head_sequence(), 0u);
  EXPECT_EQ(response.head_hash(), std::string(64, '0'));
}

TEST_F(LogServiceTest, VerifyChecksTheWholeLogAndReturnsItsHead) {
  v1::ImportTableResponse imported;
  ASSERT_THAT(server_->ImportSeed("seed-import-1", &imported), IsOk());
  v1::GetHeadResponse head;
  ASSERT_THAT(server_->log().GetHead(Context().get(), {}, &head), IsOk());
  EXPECT_EQ(head.sequence(), static_cast<uint64_t>(imported.events()));
  EXPECT_THAT(head.hash(), MatchesRegex("[0-9a-f]{64}"));
  EXPECT_NE(head.hash(), std::string(64, '0'));

  v1::VerifyLogResponse response;
  grpc::Status status = server_->log().VerifyLog(Context().get(), {}, &response);
  ASSERT_THAT(status, IsOk()) << status.error_message();
  EXPECT_EQ(response.checked(), head.sequence());
  EXPECT_EQ(response.head_sequence(), head.sequence());
  EXPECT_EQ(response.head_hash(), head.hash());
}

TEST_F(LogServiceTest, VerifyFromTheMiddleChecksTheRest) {
  v1::ImportTableResponse imported;
  ASSERT_THAT(server_->ImportSeed("seed-import-1", &imported), IsOk());
  const uint64_t events = static_cast<uint64_t>(imported.events());
  ASSERT_GT(events, 10u);
  v1::VerifyLogRequest request;
  request.set_from_sequence(events - 9);
  v1::VerifyLogResponse response;
  grpc::Status status = server_->log().VerifyLog(Context().get(), request, &response);
  ASSERT_THAT(status, IsOk()) << status.error_message();
  EXPECT_EQ(response.checked(), 10u);
  EXPECT_EQ(response.head_sequence(), events);
}

TEST_F(LogServiceTest, VerifyFromPastTheHeadIsInvalid) {
  v1::VerifyLogRequest request;
  request.set_from_sequence(5);
  v1::VerifyLogResponse response;
  grpc::Status status = server_->log().VerifyLog(Context().get(), request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), StartsWith("from_sequence"));
  EXPECT_THAT(status.error_message(), HasSubstr("5"));
}

}  // namespace
}  // namespace renstra::testing
