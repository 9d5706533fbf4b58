// The web console gateway's request side (clients/web/gateway.h, change_values.h): a GET's
// query read as a message with protobuf's JSON mapping, a fresh request_id for a command
// without one, and a change's typed value read as the CLI reads it.
#include <gtest/gtest.h>

#include <regex>

#include "clients/web/change_values.h"
#include "clients/web/gateway.h"
#include "renstra/v1/workflow_service.pb.h"

namespace renstra::web {
namespace {

TEST(MessageFromQueryTest, ParametersAreTheRequestsFieldsInProtobufsJsonMapping) {
  v1::ListProposalsRequest request;
  WebError error;
  ASSERT_TRUE(MessageFromQuery({{"status", "APPROVED"}, {"pageSize", "10"}}, &request, &error));
  EXPECT_EQ(request.status(), v1::APPROVED);
  EXPECT_EQ(request.page_size(), 10u);

  v1::ListProposalsRequest empty;
  ASSERT_TRUE(MessageFromQuery({}, &empty, &error));
  EXPECT_EQ(empty.status(), v1::PROPOSAL_STATUS_UNSPECIFIED);
}

TEST(MessageFromQueryTest, AnUnknownParameterOrValueIs400NamingIt) {
  v1::ListProposalsRequest request;
  WebError error;
  EXPECT_FALSE(MessageFromQuery({{"statu", "APPROVED"}}, &request, &error));
  EXPECT_EQ(error.http_status, 400);
  EXPECT_EQ(error.code, "INVALID_ARGUMENT");
  EXPECT_EQ(error.field, "statu");
  EXPECT_EQ(error.message, "Isian 'statu' tidak dapat dibaca: Cannot find field.");

  WebError bad_value;
  EXPECT_FALSE(MessageFromQuery({{"status", "DISETUJUI"}}, &request, &bad_value));
  EXPECT_EQ(bad_value.http_status, 400);
  EXPECT_EQ(bad_value.field, "status");
  EXPECT_EQ(bad_value.message,
            "Isian 'status' tidak dapat dibaca: invalid value \"DISETUJUI\" for type "
            "type.googleapis.com/renstra.v1.ProposalStatus.");
}

TEST(FillRequestIdTest, AnEmptyRequestIdGetsAFreshOneAndAGivenOneIsKept) {
  v1::ProposeRequest fresh;
  FillRequestId(&fresh);
  EXPECT_TRUE(std::regex_match(fresh.request_id(), std::regex("web-[0-9a-f]{24}")))
      << fresh.request_id();
  v1::ProposeRequest other;
  FillRequestId(&other);
  EXPECT_NE(other.request_id(), fresh.request_id());

  v1::ProposalActionRequest given;
  given.set_request_id("web-klik-1");
  FillRequestId(&given);
  EXPECT_EQ(given.request_id(), "web-klik-1");

  v1::GetInboxRequest none;  // no request_id field: nothing to fill
  FillRequestId(&none);
  EXPECT_EQ(none.ByteSizeLong(), 0u);
}

v1::ProposeRequest Typed(const std::string& target, const std::string& rupiah) {
  v1::ProposeRequest request;
  v1::SetTarget* t = request.add_changes()->mutable_set_target();
  t->set_indicator_id("1.06.02.2.03.0001#1");
  t->set_year(2025);
  t->mutable_value()->set_written(target);
  v1::SetFunding* f = request.add_changes()->mutable_set_funding();
  f->set_node_code("1.06.02.2.02.0001");
  f->set_year(2025);
  f->mutable_amount()->set_written(rupiah);
  return request;
}

TEST(ChangeValuesTest, WrittenValuesAreReadAsTheCliReadsThem) {
  v1::ProposeRequest request = Typed("1.234,5 Orang", "Rp 12.500.000");
  EXPECT_EQ(ReadWrittenValues(request.mutable_changes()), std::nullopt);
  const v1::TargetValue& value = request.changes(0).set_target().value();
  EXPECT_EQ(value.kind(), v1::TargetValue::NUMBER);
  EXPECT_EQ(value.low().units(), 12345);
  EXPECT_EQ(value.low().scale(), 1);
  EXPECT_EQ(value.unit(), "Orang");
  EXPECT_EQ(value.written(), "1.234,5 Orang");
  const v1::Money& amount = request.changes(1).set_funding().amount();
  EXPECT_TRUE(amount.present());
  EXPECT_EQ(amount.rupiah(), 12500000);
  EXPECT_EQ(amount.written(), "12.500.000");
}

TEST(ChangeValuesTest, TypedValuesAreLeftAsTheyCame) {
  v1::ProposeRequest request = Typed("80 Orang", "1");
  v1::TargetValue* value = request.mutable_changes(0)->mutable_set_target()->mutable_value();
  value->set_kind(v1::TargetValue::PERCENT);
  value->mutable_low()->set_units(80);
  value->set_written("");
  v1::Money* amount = request.mutable_changes(1)->mutable_set_funding()->mutable_amount();
  amount->set_present(true);
  amount->set_rupiah(7);
  const v1::ProposeRequest before = request;
  EXPECT_EQ(ReadWrittenValues(request.mutable_changes()), std::nullopt);
  EXPECT_EQ(request.SerializeAsString(), before.SerializeAsString());
}

TEST(ChangeValuesTest, AnUnreadableOrMissingValueIs400NamingTheChangesField) {
  v1::ProposeRequest words = Typed("80 Orang", "sejuta");
  std::optional<WebError> e = ReadWrittenValues(words.mutable_changes());
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->http_status, 400);
  EXPECT_EQ(e->code, "INVALID_ARGUMENT");
  EXPECT_EQ(e->field, "changes[1].set_funding.amount.written");
  EXPECT_EQ(e->message,
            "Isian 'changes[1].set_funding.amount.written' tidak dapat dibaca: money \"sejuta\": "
            "unexpected character 's'.");

  v1::ProposeRequest blank = Typed("", "1.000");
  e = ReadWrittenValues(blank.mutable_changes());
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->field, "changes[0].set_target.value.written");
  EXPECT_EQ(e->message,
            "Isian 'changes[0].set_target.value.written' tidak dapat dibaca: wajib diisi.");
}

}  // namespace
}  // namespace renstra::web
