// Values at the edge of the domain over a real channel: each refused command gets
// INVALID_ARGUMENT naming the field and the limit, and changes nothing (the log's head
// stays where it was). A request that is not valid UTF-8 where the API has a string is
// refused with INVALID_ARGUMENT naming the field, not INTERNAL with an empty message.
#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "domain/value_limits.h"
#include "renstra/v1/realization_service.grpc.pb.h"
#include "tests/services/workflow_fixture.h"
#include "tests/testing/seeded_server.h"
#include "tests/testing/status_matchers.h"

namespace renstra::testing {
namespace {

using Call = std::function<grpc::Status(grpc::ClientContext*)>;

class ValueLimitsServiceTest : public SeededServerTest {
 protected:
  // Calls `call` as `user`; expects `code` and exactly `message`, and no new event.
  void ExpectRefused(const std::string& user, const Call& call, grpc::StatusCode code,
                     const std::string& message) {
    const uint64_t before = server_->store().Head().sequence;
    auto context = ContextAs(TokenOf(user));
    const grpc::Status status = call(context.get());
    EXPECT_EQ(status.error_code(), code) << status.error_message();
    EXPECT_EQ(status.error_message(), message);
    EXPECT_EQ(server_->store().Head().sequence, before);
  }

  static v1::ProposeRequest Propose(const v1::Change& change) {
    v1::ProposeRequest r;
    r.set_request_id("limits-propose");
    r.set_justification("because");
    *r.add_changes() = change;
    return r;
  }

  Call ProposeCall(const v1::ProposeRequest& r) {
    return [this, r](grpc::ClientContext* c) {
      v1::ProposalView out;
      return server_->workflow().Propose(c, r, &out);
    };
  }
};

TEST_F(ValueLimitsServiceTest, ProposalsWithValuesBeyondTheLimitsChangeNothing) {
  v1::Change scale = SetTarget(kRehabIndicator, kYear, "5 Orang");
  scale.mutable_set_target()->mutable_value()->clear_written();
  scale.mutable_set_target()->mutable_value()->mutable_low()->set_scale(99);
  ExpectRefused("rehab", ProposeCall(Propose(scale)), grpc::StatusCode::INVALID_ARGUMENT,
                "changes[0].set_target.value.low.scale: 99 exceeds the maximum scale 4");

  v1::Change negative = SetTarget(kRehabIndicator, kYear, "5 Orang");
  negative.mutable_set_target()->mutable_value()->clear_written();
  negative.mutable_set_target()->mutable_value()->mutable_low()->set_units(INT64_MIN);
  ExpectRefused("rehab", ProposeCall(Propose(negative)), grpc::StatusCode::INVALID_ARGUMENT,
                "changes[0].set_target.value.low: -9.223.372.036.854.775.808 is negative");

  v1::Change bound = SetTarget(kRehabIndicator, kYear, "> 351 Orang");
  bound.mutable_set_target()->mutable_value()->clear_written();
  bound.mutable_set_target()->mutable_value()->set_bound_op("!!");
  ExpectRefused("rehab", ProposeCall(Propose(bound)), grpc::StatusCode::INVALID_ARGUMENT,
                "changes[0].set_target.value.bound_op: \"!!\" is not a bound operator "
                "(>, >=, <, <=)");

  v1::Change funding;
  funding.mutable_set_funding()->set_node_code("1.06.04.2.01.0001");
  funding.mutable_set_funding()->set_year(kYear);
  funding.mutable_set_funding()->mutable_amount()->set_present(true);
  funding.mutable_set_funding()->mutable_amount()->set_rupiah(INT64_MAX);
  ExpectRefused("rehab", ProposeCall(Propose(funding)), grpc::StatusCode::INVALID_ARGUMENT,
                "changes[0].set_funding.amount: 9.223.372.036.854.775.807 exceeds the maximum "
                "100.000.000.000.000 Rupiah");
}

TEST_F(ValueLimitsServiceTest, RatificationNeedsARealDate) {
  v1::RevisionInfo info;
  v1::OpenRevisionRequest open;
  open.set_request_id("limits-open");
  open.set_name("Perubahan Renstra 2025");
  ASSERT_THAT(server_->workflow().OpenRevision(ContextAs(TokenOf("kadis")).get(), open, &info),
              IsOk());
  v1::RatifyRevisionRequest ratify;
  ratify.set_request_id("limits-ratify");
  ratify.set_legal_basis("Perda Kota Dumai No. 2 Tahun 2025");
  ratify.set_signer("Kepala Dinas");
  ratify.set_effective_date("2025-02-30");
  ratify.add_proposal_ids("P-000001");
  ExpectRefused(
      "kadis",
      [&](grpc::ClientContext* c) { return server_->workflow().RatifyRevision(c, ratify, &info); },
      grpc::StatusCode::INVALID_ARGUMENT,
      "effective_date: \"2025-02-30\" is not a date: month 2 of 2025 has 28 days");
}

TEST_F(ValueLimitsServiceTest, RealizationsBeyondTheLimitsChangeNothing) {
  v1::RealizationView view;
  v1::RecordSpendingRequest spending;
  spending.set_request_id("limits-spending");
  spending.set_node_code("1.06.04.2.01.0001");
  spending.set_year(2024);
  spending.mutable_spent()->set_present(true);
  spending.mutable_spent()->set_rupiah(INT64_MAX);
  spending.set_evidence_ref("SP2D-1");
  ExpectRefused(
      "rehab",
      [&](grpc::ClientContext* c) {
        return server_->realization().RecordSpending(c, spending, &view);
      },
      grpc::StatusCode::INVALID_ARGUMENT,
      "spent: 9.223.372.036.854.775.807 exceeds the maximum 100.000.000.000.000 Rupiah");

  v1::RecordAchievementRequest achievement;
  achievement.set_request_id("limits-achievement");
  achievement.set_indicator_id(kRehabIndicator);
  achievement.set_year(2024);
  v1::TargetValue* yearly = achievement.mutable_value()->mutable_yearly();
  yearly->set_kind(v1::TargetValue::NUMBER);
  yearly->mutable_low()->set_units(5);
  yearly->mutable_low()->set_scale(99);
  achievement.set_evidence_ref("BA-1");
  ExpectRefused(
      "rehab",
      [&](grpc::ClientContext* c) {
        return server_->realization().RecordAchievement(c, achievement, &view);
      },
      grpc::StatusCode::INVALID_ARGUMENT, "value.yearly.low.scale: 99 exceeds the maximum scale 4");

  spending.set_request_id("limits-spending-ok");
  spending.mutable_spent()->set_rupiah(5000000);
  ASSERT_THAT(
      server_->realization().RecordSpending(ContextAs(TokenOf("rehab")).get(), spending, &view),
      IsOk());
  v1::CorrectRealizationRequest correct;
  correct.set_request_id("limits-correct");
  correct.set_corrects_id(view.realization_id());
  correct.mutable_spent()->set_present(true);
  correct.mutable_spent()->set_rupiah(kMaxRupiah + 1);
  correct.set_evidence_ref("SP2D-2");
  correct.set_note("typo");
  ExpectRefused(
      "rehab",
      [&](grpc::ClientContext* c) {
        return server_->realization().CorrectRealization(c, correct, &view);
      },
      grpc::StatusCode::INVALID_ARGUMENT,
      "spent: 100.000.000.000.001 exceeds the maximum 100.000.000.000.000 Rupiah");
}

TEST_F(ValueLimitsServiceTest, InvalidUtf8NamesTheField) {
  // Before: INTERNAL with an empty message, from gRPC, before any handler ran.
  v1::ProposeRequest top = Propose(SetTarget(kRehabIndicator, kYear, "220 Orang"));
  top.set_justification("alasan \xff\xfe");
  ExpectRefused("rehab", ProposeCall(top), grpc::StatusCode::INVALID_ARGUMENT,
                "request: field renstra.v1.ProposeRequest.justification is not valid UTF-8 "
                "(string fields carry UTF-8 text)");

  v1::ProposeRequest nested = Propose(SetTarget(kRehabIndicator, kYear, "220 Orang"));
  nested.mutable_changes(0)->mutable_set_target()->mutable_value()->set_unit("Or\xc3");
  ExpectRefused("rehab", ProposeCall(nested), grpc::StatusCode::INVALID_ARGUMENT,
                "request: field renstra.v1.TargetValue.unit is not valid UTF-8 (string fields "
                "carry UTF-8 text)");

  // Without a token the caller is refused as unauthenticated first (and the refusal is
  // recorded, see RefusalRecordTest): an anonymous caller learns nothing of the body.
  auto context = Context();
  v1::ProposalView out;
  const grpc::Status anonymous = server_->workflow().Propose(context.get(), top, &out);
  EXPECT_EQ(anonymous.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(anonymous.error_message(), "no credentials: send \"authorization: Bearer <token>\"");

  // A well-formed request on the same connection afterwards is served normally.
  v1::ProposalView view;
  EXPECT_THAT(
      server_->workflow().Propose(ContextAs(TokenOf("rehab")).get(),
                                  Propose(SetTarget(kRehabIndicator, kYear, "220 Orang")), &view),
      IsOk());
}

}  // namespace
}  // namespace renstra::testing
