// CommandRunner on a MemoryEventStore: a retry is answered without deciding again, a
// reuse is decided (authorised) before it is refused, a legacy record is never taken
// for a retry, a decision that lost a version race is decided again, and events are
// typed from their oneof.
#include "services/command_runner.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>

#include "renstra/v1/workflow_service.pb.h"
#include "storage/memory_event_store.h"
#include "tests/testing/status_matchers.h"

namespace renstra {
namespace {

using ::renstra::testing::IsOk;

constexpr char kPlan[] = "plan/x";
// A stream the Projector keeps no model of: the runner is tested on its own.
constexpr char kStream[] = "test/commands";
constexpr char kMethod[] = "/renstra.v1.WorkflowService/OpenRevision";

// A store whose log was written before request ids were scoped: "old-1" has a legacy
// record (event 5, no principal, method or fingerprint).
class UpgradedStore : public MemoryEventStore {
 public:
  absl::StatusOr<std::optional<RequestRecord>> FindRequest(std::string_view principal,
                                                           std::string_view request_id) override {
    if (request_id == "old-1") {
      RequestRecord legacy{"proposal/USL-0009", AppendResult{5, 5, 1, false}};
      legacy.legacy = true;
      return legacy;
    }
    return MemoryEventStore::FindRequest(principal, request_id);
  }
};

class CommandRunnerTest : public ::testing::Test {
 protected:
  absl::StatusOr<uint64_t> Run(const std::string& principal, const v1::OpenRevisionRequest& r,
                               absl::Status refusal = absl::OkStatus()) {
    CommandSpec spec{Principal{principal, "KEPALA_DINAS"}, kMethod, &r, r.request_id(),
                     CommandLock::kPlan};
    return runner_.Run<uint64_t>(
        spec,
        [&]() -> absl::StatusOr<Decision> {
          ++decided_;
          if (!refusal.ok()) return refusal;
          v1::PlanEvent event;
          event.mutable_revision_opened()->set_name(r.name());
          Decision d;
          d.stream = kStream;
          d.expected_version = static_cast<int64_t>(store_.StreamVersion(kStream));
          d.events.push_back(ToNewEvent(event, 1));
          return d;
        },
        [](const Landed& landed) -> absl::StatusOr<uint64_t> {
          return landed.result.first_sequence;
        });
  }

  static v1::OpenRevisionRequest Open(const std::string& request_id, const std::string& name) {
    v1::OpenRevisionRequest r;
    r.set_request_id(request_id);
    r.set_name(name);
    return r;
  }

  UpgradedStore store_;
  Projector projector_{&store_, kPlan};
  CommandRunner runner_{&store_, &projector_};
  int decided_ = 0;
};

TEST_F(CommandRunnerTest, ARequestIdBeyondItsLimitOrWithAControlCharacterIsRefused) {
  absl::StatusOr<uint64_t> long_id = Run("kadis", Open(std::string(129, 'r'), "Perubahan"));
  EXPECT_EQ(long_id.status(),
            absl::InvalidArgumentError("request_id: 129 bytes exceeds the limit of 128"));
  absl::StatusOr<uint64_t> escape = Run("kadis", Open("r\x1b[2J", "Perubahan"));
  EXPECT_EQ(escape.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(escape.status().message(),
            "request_id: control character U+001B at byte 1 is not allowed in a one-line field");
  EXPECT_EQ(decided_, 0);
  EXPECT_EQ(store_.Head().sequence, 0u);
  ASSERT_EQ(*Run("kadis", Open(std::string(128, 'r'), "Perubahan")), 1u);
}

TEST_F(CommandRunnerTest, ARetryIsAnsweredFromTheRecordWithoutDecidingAgain) {
  ASSERT_EQ(*Run("kadis", Open("r-1", "Perubahan")), 1u);
  ASSERT_EQ(*Run("kadis", Open("r-1", "Perubahan")), 1u);
  EXPECT_EQ(decided_, 1);
  EXPECT_EQ(store_.Head().sequence, 1u);
  absl::StatusOr<std::vector<v1::EventEnvelope>> events = store_.ReadAll(1, 10);
  ASSERT_THAT(events, IsOk());
  EXPECT_EQ((*events)[0].event_type(), "renstra.v1.RevisionOpened");
  EXPECT_EQ((*events)[0].principal(), "kadis");
  EXPECT_EQ((*events)[0].request_id(), "r-1");
}

TEST_F(CommandRunnerTest, AnotherPrincipalsIdIsNewForTheCaller) {
  ASSERT_EQ(*Run("kadis", Open("r-1", "Perubahan")), 1u);
  EXPECT_EQ(*Run("wakil", Open("r-1", "Perubahan")), 2u);
  EXPECT_EQ(decided_, 2);
}

TEST_F(CommandRunnerTest, AReuseIsDecidedFirstThenRefusedNamingTheId) {
  ASSERT_THAT(Run("kadis", Open("r-1", "Perubahan")), IsOk());
  EXPECT_EQ(
      Run("kadis", Open("r-1", "Perubahan lain"), absl::PermissionDeniedError("rule: no")).status(),
      absl::PermissionDeniedError("rule: no"));
  EXPECT_EQ(Run("kadis", Open("r-1", "Perubahan lain")).status(),
            absl::InvalidArgumentError("request_id: \"r-1\" was already used for a different "
                                       "/renstra.v1.WorkflowService/OpenRevision request; use a "
                                       "new request id"));
  EXPECT_EQ(decided_, 3);
  EXPECT_EQ(store_.Head().sequence, 1u);
}

TEST_F(CommandRunnerTest, ALegacyRecordIsNeverAnsweredAsARetry) {
  EXPECT_EQ(
      Run("kadis", Open("old-1", "Perubahan"), absl::PermissionDeniedError("rule: no")).status(),
      absl::PermissionDeniedError("rule: no"));
  EXPECT_EQ(Run("kadis", Open("old-1", "Perubahan")).status(),
            absl::InvalidArgumentError(
                "request_id: \"old-1\" was already used by event 5, recorded before request ids "
                "were scoped to their user; use a new request id"));
  EXPECT_EQ(decided_, 2);
  EXPECT_EQ(store_.Head().sequence, 0u);
}

// A decision that reads the stream's version and then, before its append, sees another
// writer append to the stream (`races` times): the race a shared proposal lock allows.
class RacedRunnerTest : public CommandRunnerTest {
 protected:
  absl::StatusOr<uint64_t> RunRaced(int races) {
    v1::OpenRevisionRequest r = Open("r-1", "Perubahan");
    CommandSpec spec{Principal{"kadis", "KEPALA_DINAS"}, kMethod, &r, r.request_id(),
                     CommandLock::kProposal};
    return runner_.Run<uint64_t>(
        spec,
        [&]() -> absl::StatusOr<Decision> {
          ++decided_;
          const int64_t read = static_cast<int64_t>(store_.StreamVersion(kStream));
          if (decided_ <= races) {
            v1::PlanEvent other;
            other.mutable_revision_opened()->set_name("concurrent");
            AppendRequest append;
            append.stream = kStream;
            append.events.push_back(ToNewEvent(other, 1));
            if (!store_.Append(append).ok()) return absl::InternalError("setup append");
          }
          Decision d;
          d.stream = kStream;
          d.expected_version = read;
          v1::PlanEvent event;
          event.mutable_revision_opened()->set_name(r.name());
          d.events.push_back(ToNewEvent(event, 1));
          return d;
        },
        [](const Landed& landed) -> absl::StatusOr<uint64_t> {
          return landed.result.first_sequence;
        });
  }
};

TEST_F(RacedRunnerTest, ADecisionThatLostAVersionRaceIsDecidedAgain) {
  absl::StatusOr<uint64_t> landed = RunRaced(1);
  ASSERT_THAT(landed, IsOk());
  EXPECT_EQ(*landed, 2u);
  EXPECT_EQ(decided_, 2);
  EXPECT_EQ(store_.StreamVersion(kStream), 2u);
}

TEST_F(RacedRunnerTest, ACommandThatLosesEveryRaceIsAbortedAfterThreeMoreDecisions) {
  absl::StatusOr<uint64_t> landed = RunRaced(100);
  EXPECT_EQ(landed.status(),
            absl::AbortedError("stream test/commands: expected version 3, actual 4"));
  EXPECT_EQ(decided_, 4);
  EXPECT_EQ(store_.StreamVersion(kStream), 4u);
}

TEST(RequestFingerprintTest, CoversMethodAndBodyButNotTheRequestId) {
  v1::OpenRevisionRequest a;
  a.set_request_id("r-1");
  a.set_name("Perubahan");
  v1::OpenRevisionRequest b = a;
  b.set_request_id("r-2");
  EXPECT_EQ(RequestFingerprint(kMethod, a), RequestFingerprint(kMethod, b));
  EXPECT_EQ(RequestFingerprint(kMethod, a).size(), 32u);
  b.set_name("Perubahan lain");
  EXPECT_NE(RequestFingerprint(kMethod, a), RequestFingerprint(kMethod, b));
  EXPECT_NE(RequestFingerprint(kMethod, a), RequestFingerprint("/other/Method", a));
  EXPECT_EQ(a.request_id(), "r-1");  // the caller's request is left as it was
}

}  // namespace
}  // namespace renstra
