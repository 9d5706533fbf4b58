// A caller who floods or hogs the server, over gRPC: calls without valid credentials
// are rate limited per peer host and authenticated ones per user (RESOURCE_EXHAUSTED
// naming the limit and when to retry); beyond the first refusals of a kind per window
// the record is one AccessDeniedSummary; a body gRPC cannot parse is still refused and
// recorded; live feeds are shared per user.
#include <gmock/gmock.h>
#include <grpcpp/generic/generic_stub.h>
#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <memory>
#include <string>
#include <vector>

#include "domain/event_describer.h"
#include "renstra/v1/audit_service.grpc.pb.h"
#include "renstra/v1/plan_service.grpc.pb.h"
#include "tests/services/workflow_fixture.h"
#include "tests/testing/seeded_server.h"
#include "tests/testing/status_matchers.h"

namespace renstra::testing {
namespace {

constexpr char kNoCredentials[] = "no credentials: send \"authorization: Bearer <token>\"";
constexpr char kGetHead[] = "/renstra.v1.LogService/GetHead";

// A clock the test moves; the server reads it from its threads.
class TestClock {
 public:
  std::function<absl::Time()> fn() {
    return [this] { return absl::FromUnixMicros(micros_.load()); };
  }
  void Advance(absl::Duration d) { micros_ += absl::ToInt64Microseconds(d); }
  int64_t micros() const { return micros_.load(); }

 private:
  std::atomic<int64_t> micros_{1'700'000'000'000'000};
};

std::unique_ptr<SeededServer> StartWith(const CallGuardOptions& guard) {
  SeededServerOptions options;
  options.users = TestUsers();
  options.guard = guard;
  return SeededServer::Start(options);
}

grpc::Status GetHead(SeededServer& server, const std::string& token = "") {
  v1::GetHeadResponse head;
  return server.log().GetHead((token.empty() ? Context() : ContextAs(token)).get(), {}, &head);
}

std::vector<v1::EventEnvelope> DeniedEvents(SeededServer& server) {
  absl::StatusOr<std::vector<v1::EventEnvelope>> events =
      server.store().ReadStream(CallGuard::kDeniedStream, 1, 1000);
  EXPECT_THAT(events, IsOk()) << events.status();
  return events.ok() ? *events : std::vector<v1::EventEnvelope>{};
}

TEST(RateLimitTest, CallsWithoutCredentialsBeyondThePeersLimitAreRefused) {
  TestClock clock;  // frozen: no token comes back during the test
  CallGuardOptions guard;
  guard.per_peer = {/*per_second=*/1, /*burst=*/3, /*max_keys=*/100};
  guard.clock = clock.fn();
  std::unique_ptr<SeededServer> server = StartWith(guard);
  ASSERT_NE(server, nullptr);
  for (int i = 0; i < 3; ++i) {
    grpc::Status status = GetHead(*server);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
    EXPECT_EQ(status.error_message(), kNoCredentials);
  }
  for (const std::string token : {"", "not-a-token"}) {
    grpc::Status status = GetHead(*server, token);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
    EXPECT_EQ(status.error_message(),
              "rate limit: at most 1 calls per second (burst 3) without valid credentials from "
              "ipv4:127.0.0.1; retry in 1.000 s");
  }
  // Users are limited per user, not by the anonymous caller at the same address.
  EXPECT_THAT(GetHead(*server, TokenOf("rehab")), IsOk());
}

TEST(RateLimitTest, OneUserBeyondTheirLimitIsRefusedAndOthersAreNot) {
  TestClock clock;
  CallGuardOptions guard;
  guard.per_principal = {/*per_second=*/2, /*burst=*/2, /*max_keys=*/100};
  guard.clock = clock.fn();
  std::unique_ptr<SeededServer> server = StartWith(guard);
  ASSERT_NE(server, nullptr);
  EXPECT_THAT(GetHead(*server, TokenOf("rehab")), IsOk());
  EXPECT_THAT(GetHead(*server, TokenOf("rehab")), IsOk());
  grpc::Status status = GetHead(*server, TokenOf("rehab"));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(status.error_message(),
            "rate limit: at most 2 calls per second (burst 2) for user rehab; retry in 0.500 s");
  EXPECT_THAT(GetHead(*server, TokenOf("iwan")), IsOk());
  clock.Advance(absl::Milliseconds(500));
  EXPECT_THAT(GetHead(*server, TokenOf("rehab")), IsOk());

  // The refusal is on the record like any other.
  std::vector<v1::EventEnvelope> events = DeniedEvents(*server);
  ASSERT_EQ(events.size(), 1u);
  v1::AccessDenied denied;
  ASSERT_TRUE(denied.ParseFromString(events[0].payload()));
  EXPECT_EQ(denied.code(), "RESOURCE_EXHAUSTED");
  EXPECT_EQ(denied.principal(), "rehab");
  EXPECT_EQ(denied.method(), kGetHead);
}

TEST(RefusalRecordTest, AFloodIsRecordedIndividuallyUpToTheThresholdThenAsOneSummary) {
  TestClock clock;
  CallGuardOptions guard;
  guard.refusals = {/*recorded_per_window=*/3, absl::Minutes(1), /*max_keys=*/100};
  guard.clock = clock.fn();
  std::unique_ptr<SeededServer> server = StartWith(guard);
  ASSERT_NE(server, nullptr);
  const int64_t start = clock.micros();
  for (int i = 0; i < 10; ++i) {
    if (i == 9) clock.Advance(absl::Seconds(30));
    ASSERT_EQ(GetHead(*server).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  }
  EXPECT_EQ(DeniedEvents(*server).size(), 3u);

  // The window ends; the next refusal (or the flusher, within a second) writes the
  // summary, and the new window records individually again.
  clock.Advance(absl::Seconds(31));
  ASSERT_EQ(GetHead(*server).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  std::vector<v1::EventEnvelope> events = DeniedEvents(*server);
  ASSERT_EQ(events.size(), 5u);
  int individual = 0;
  std::vector<v1::AccessDeniedSummary> summaries;
  for (const v1::EventEnvelope& e : events) {
    if (e.event_type() == CallGuard::kSummaryType) {
      ASSERT_TRUE(summaries.emplace_back().ParseFromString(e.payload()));
      EXPECT_EQ(DescribeEvent(e),
                "AccessDeniedSummary UNAUTHENTICATED /renstra.v1.LogService/GetHead x7 from "
                "ipv4:127.0.0.1 between 2023-11-14T22:13:20.000Z and 2023-11-14T22:13:50.000Z: " +
                    std::string(kNoCredentials));
    } else {
      EXPECT_EQ(e.event_type(), CallGuard::kDeniedType);
      ++individual;
    }
  }
  EXPECT_EQ(individual, 4);
  ASSERT_EQ(summaries.size(), 1u);
  const v1::AccessDeniedSummary& s = summaries[0];
  EXPECT_EQ(s.method(), kGetHead);
  EXPECT_EQ(s.principal(), "");
  EXPECT_EQ(s.code(), "UNAUTHENTICATED");
  EXPECT_EQ(s.message(), kNoCredentials);
  EXPECT_EQ(s.peer(), "ipv4:127.0.0.1");
  EXPECT_EQ(s.count(), 7u);
  EXPECT_EQ(s.first_micros(), start);
  EXPECT_EQ(s.last_micros(), start + 30'000'000);
}

// gRPC refuses a body it cannot parse before our handler runs; the call is still
// authenticated, refused as such and recorded.
TEST(RefusalRecordTest, AnUnreadableBodyWithoutCredentialsIsRefusedAndRecorded) {
  std::unique_ptr<SeededServer> server = StartWith({});
  ASSERT_NE(server, nullptr);
  grpc::GenericStub stub(server->channel());
  // Field 1, length-delimited, length 127, then nothing: not a message.
  const std::string garbage("\x0a\x7f", 2);
  grpc::Slice slice(garbage);
  auto call = [&](const std::string& token) {
    grpc::ByteBuffer request(&slice, 1);
    grpc::ByteBuffer response;
    std::unique_ptr<grpc::ClientContext> context = token.empty() ? Context() : ContextAs(token);
    std::promise<grpc::Status> done;
    stub.UnaryCall(context.get(), "/renstra.v1.WorkflowService/Propose", grpc::StubOptions(),
                   &request, &response, [&done](grpc::Status s) { done.set_value(s); });
    return done.get_future().get();
  };
  grpc::Status anonymous = call("");
  EXPECT_EQ(anonymous.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(anonymous.error_message(), kNoCredentials);
  std::vector<v1::AccessDenied> denied = DeniedCalls(*server);
  ASSERT_EQ(denied.size(), 1u);
  EXPECT_EQ(denied[0].method(), "/renstra.v1.WorkflowService/Propose");
  EXPECT_EQ(denied[0].code(), "UNAUTHENTICATED");
  EXPECT_EQ(denied[0].message(), kNoCredentials);

  // An authenticated caller's unreadable body is gRPC's error, not a refusal.
  grpc::Status user = call(TokenOf("rehab"));
  EXPECT_NE(user.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_NE(user.error_code(), grpc::StatusCode::OK);
  EXPECT_EQ(DeniedCalls(*server).size(), 1u);
}

// Opens a live feed as `token` and waits for its first event (the slot is then held).
struct Feed {
  std::unique_ptr<grpc::ClientContext> context;
  std::unique_ptr<grpc::ClientReader<v1::AuditEvent>> reader;
};

Feed OpenFeed(v1::AuditService::Stub& stub, const std::string& token) {
  Feed feed{ContextAs(token), nullptr};
  v1::FollowRequest request;
  feed.reader = stub.Follow(feed.context.get(), request);
  return feed;
}

TEST(FeedSlotsServiceTest, OneUserHoldsAtMostFourFeedsAndTheInspektoratStillFollows) {
  std::unique_ptr<SeededServer> server = StartWith({});
  ASSERT_NE(server, nullptr);
  server->SeedPlan();
  v1::AuditService::Stub& audit = server->audit();
  std::vector<Feed> feeds;
  v1::AuditEvent event;
  for (int i = 0; i < 4; ++i) {
    feeds.push_back(OpenFeed(audit, TokenOf("rehab")));
    ASSERT_TRUE(feeds.back().reader->Read(&event)) << "feed " << i;
  }
  Feed fifth = OpenFeed(audit, TokenOf("rehab"));
  EXPECT_FALSE(fifth.reader->Read(&event));
  grpc::Status status = fifth.reader->Finish();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(status.error_message(),
            "live feeds: rehab already holds 4, the most one user may (4); close one and try "
            "again");
  Feed inspector = OpenFeed(audit, TokenOf("iwan"));
  EXPECT_TRUE(inspector.reader->Read(&event));
  feeds.push_back(std::move(inspector));
  for (Feed& f : feeds) f.context->TryCancel();
  for (Feed& f : feeds) f.reader->Finish();
}

}  // namespace
}  // namespace renstra::testing
