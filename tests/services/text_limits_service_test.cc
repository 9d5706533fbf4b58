// Text limits at the server (issue 11, items 4, 8 and 9): oversized text is refused with
// the field and the limit named, control characters are refused, an error never quotes
// more than a short prefix of a value, huge bodies are refused by the transport, the
// justification is stored once, readers page, and system user names are reserved.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "renstra/v1/admin_service.grpc.pb.h"
#include "renstra/v1/audit_service.grpc.pb.h"
#include "renstra/v1/realization_service.grpc.pb.h"
#include "services/authenticator.h"
#include "services/page_budget.h"
#include "tests/services/workflow_fixture.h"
#include "tests/testing/seeded_server.h"
#include "tests/testing/status_matchers.h"

namespace renstra::testing {
namespace {

using ::testing::HasSubstr;

class TextLimitsTest : public SeededServerTest {
 protected:
  v1::ProposeRequest Proposal(const std::string& request_id, const std::string& justification) {
    v1::ProposeRequest r;
    r.set_request_id(request_id);
    r.set_title("Penyesuaian target");
    r.set_justification(justification);
    *r.add_changes() = SetTarget(kRehabIndicator, kYear, "220 Orang");
    return r;
  }

  grpc::Status Propose(const v1::ProposeRequest& request, v1::ProposalView* out = nullptr) {
    v1::ProposalView view;
    return server_->workflow().Propose(ContextAs(TokenOf("rehab")).get(), request,
                                       out != nullptr ? out : &view);
  }

  // The status of `call`, checking that the log did not change.
  template <typename Call>
  grpc::Status Unchanged(Call call) {
    const uint64_t before = server_->store().Head().sequence;
    grpc::Status s = call();
    EXPECT_EQ(server_->store().Head().sequence, before) << s.error_message();
    return s;
  }
};

TEST_F(TextLimitsTest, AJustificationOverItsLimitIsRefusedNamingFieldAndLimit) {
  grpc::Status s = Unchanged([&] { return Propose(Proposal("long", std::string(8193, 'x'))); });
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(s.error_message(), "justification: 8193 bytes exceeds the limit of 8192");
  EXPECT_THAT(Propose(Proposal("exact", std::string(8192, 'x'))), IsOk());
}

TEST_F(TextLimitsTest, ATenMegabyteJustificationIsRefusedByTheTransportBeforeBeingRead) {
  grpc::Status s = Unchanged([&] { return Propose(Proposal("huge", std::string(10 << 20, 'x'))); });
  EXPECT_EQ(s.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(s.error_message(), HasSubstr("vs. 4194304"));
}

TEST_F(TextLimitsTest, ANoteOverItsLimitIsRefused) {
  v1::ProposalView view;
  ASSERT_THAT(Propose(Proposal("draft", "Jumlah penerima bertambah"), &view), IsOk());
  v1::ProposalActionRequest submit;
  submit.set_request_id("submit");
  submit.set_proposal_id(view.proposal_id());
  submit.set_note(std::string(8193, 'n'));
  grpc::Status s = Unchanged([&] {
    return server_->workflow().SubmitProposal(ContextAs(TokenOf("rehab")).get(), submit, &view);
  });
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(s.error_message(), "note: 8193 bytes exceeds the limit of 8192");
}

TEST_F(TextLimitsTest, AHundredKilobyteUnitGetsAShortErrorNamingTheField) {
  v1::ProposeRequest r = Proposal("unit", "Satuan baru");
  r.mutable_changes(0)->mutable_set_target()->mutable_value()->set_unit(
      std::string(100 << 10, 'u'));
  grpc::Status s = Unchanged([&] { return Propose(r); });
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(s.error_message(),
            "changes[0].set_target.value.unit: 102400 bytes exceeds the limit of 128");
}

TEST_F(TextLimitsTest, AHundredKilobyteIdInAReadGetsAShortError) {
  v1::GetHistoryRequest r;
  r.set_indicator_id(std::string(100 << 10, 'i'));
  v1::GetHistoryResponse out;
  grpc::Status s = server_->audit().GetHistory(ContextAs(TokenOf("iwan")).get(), r, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(s.error_message(), "indicator_id: no indicator " + std::string(48, 'i') +
                                   "\xE2\x80\xA6(102400 bytes) in the plan");
}

TEST_F(TextLimitsTest, EvidenceOverItsLimitIsRefused) {
  v1::RecordAchievementRequest r;
  r.set_request_id("evidence");
  r.set_indicator_id(kRehabIndicator);
  r.set_year(2023);
  r.mutable_value()->mutable_yearly()->set_kind(v1::TargetValue::NUMBER);
  r.mutable_value()->mutable_yearly()->mutable_low()->set_units(5);
  r.set_evidence_ref(std::string(513, 'e'));
  v1::RealizationView out;
  grpc::Status s = Unchanged([&] {
    return server_->realization().RecordAchievement(ContextAs(TokenOf("rehab")).get(), r, &out);
  });
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(s.error_message(), "evidence_ref: 513 bytes exceeds the limit of 512");

  r.set_evidence_ref("BA-17\x1b]0;pwned\x07");
  s = Unchanged([&] {
    return server_->realization().RecordAchievement(ContextAs(TokenOf("rehab")).get(), r, &out);
  });
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(s.error_message(),
            "evidence_ref: control character U+001B at byte 5 is not allowed in a one-line field");
}

TEST_F(TextLimitsTest, AControlCharacterInAOneLineFieldIsRefused) {
  v1::ProposeRequest r = Proposal("cr", "Jumlah penerima bertambah");
  r.set_title("Target\rPALSU");
  grpc::Status s = Unchanged([&] { return Propose(r); });
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(s.error_message(),
            "title: control character U+000D at byte 6 is not allowed in a one-line field");
}

TEST_F(TextLimitsTest, AJustificationWithEscIsRefusedButLineFeedsAndTabsAreKept) {
  grpc::Status s =
      Unchanged([&] { return Propose(Proposal("esc", "Alasan \x1b[2J\x1b[Hbersih")); });
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(s.error_message(),
            "justification: control character U+001B at byte 7 is not allowed (only line feed "
            "and tab are)");
  v1::ProposalView view;
  ASSERT_THAT(Propose(Proposal("lines", "Baris satu\n\tbaris dua"), &view), IsOk());
  EXPECT_EQ(view.justification(), "Baris satu\n\tbaris dua");
}

TEST_F(TextLimitsTest, TheJustificationIsStoredOnceAndTheHistoryShowsItWhole) {
  const std::string justification = "Ringkasan\n" + std::string(8000, 'j');
  v1::ProposalView view;
  ASSERT_THAT(Propose(Proposal("once", justification), &view), IsOk());
  const ChainHead head = server_->store().Head();
  absl::StatusOr<std::vector<v1::EventEnvelope>> last = server_->store().ReadAll(head.sequence, 1);
  ASSERT_THAT(last, IsOk());
  ASSERT_EQ(last->size(), 1u);
  EXPECT_EQ((*last)[0].reason(), "Ringkasan\xE2\x80\xA6");
  EXPECT_LT((*last)[0].ByteSizeLong(), justification.size() + 1024);

  v1::GetHistoryRequest r;
  r.set_proposal_id(view.proposal_id());
  v1::GetHistoryResponse history;
  ASSERT_THAT(server_->audit().GetHistory(ContextAs(TokenOf("iwan")).get(), r, &history), IsOk());
  ASSERT_EQ(history.events_size(), 1);
  EXPECT_THAT(history.events(0).summary(), HasSubstr(justification));
}

TEST_F(TextLimitsTest, ReservedAndOverlongUserNamesAndDisplayNamesAreRefused) {
  v1::UserWithToken out;
  for (const char* name : {"-", ".", "..", "anonymous", "renstrad"}) {
    v1::AddUserRequest r;
    r.set_request_id(std::string("add-") + name);
    r.set_name(name);
    r.set_role(v1::Role::INSPEKTORAT);
    grpc::Status s = Unchanged(
        [&] { return server_->admin().AddUser(ContextAs(TokenOf("admin")).get(), r, &out); });
    EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << name;
    EXPECT_EQ(s.error_message(), std::string("name: \"") + name + "\" is reserved for the system");
  }
  v1::AddUserRequest r;
  r.set_request_id("add-long");
  r.set_name("budi");
  r.set_role(v1::Role::INSPEKTORAT);
  r.set_display_name(std::string(1 << 20, 'd'));
  grpc::Status s = Unchanged(
      [&] { return server_->admin().AddUser(ContextAs(TokenOf("admin")).get(), r, &out); });
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(s.error_message(), "display_name: 1048576 bytes exceeds the limit of 128");
  r.set_display_name("Budi\x1b[8m");
  s = Unchanged(
      [&] { return server_->admin().AddUser(ContextAs(TokenOf("admin")).get(), r, &out); });
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(s.error_message(),
            "display_name: control character U+001B at byte 4 is not allowed in a one-line field");
  r.set_display_name("Budi Santoso, S.Sos");
  EXPECT_THAT(server_->admin().AddUser(ContextAs(TokenOf("admin")).get(), r, &out), IsOk());
}

TEST_F(TextLimitsTest, ReadEventsPagesAndNamesTheNextSequence) {
  v1::ReadEventsRequest r;
  r.set_from_sequence(1);
  r.set_limit(3);
  v1::ReadEventsResponse page;
  ASSERT_THAT(server_->audit().ReadEvents(ContextAs(TokenOf("iwan")).get(), r, &page), IsOk());
  ASSERT_EQ(page.events_size(), 3);
  EXPECT_EQ(page.next_sequence(), 4u);
  r.set_from_sequence(page.head_sequence());
  ASSERT_THAT(server_->audit().ReadEvents(ContextAs(TokenOf("iwan")).get(), r, &page), IsOk());
  ASSERT_EQ(page.events_size(), 1);
  EXPECT_EQ(page.next_sequence(), 0u);
}

TEST_F(TextLimitsTest, ListProposalsAndHistoryPageWithTokens) {
  for (int i = 0; i < 5; ++i) {
    ASSERT_THAT(Propose(Proposal("p" + std::to_string(i), "Alasan " + std::to_string(i))), IsOk());
  }
  std::vector<std::string> ids;
  v1::ListProposalsRequest r;
  r.set_page_size(2);
  int pages = 0;
  do {
    v1::ListProposalsResponse page;
    ASSERT_THAT(server_->workflow().ListProposals(ContextAs(TokenOf("iwan")).get(), r, &page),
                IsOk());
    ASSERT_LE(page.proposals_size(), 2);
    for (const v1::ProposalView& p : page.proposals()) ids.push_back(p.proposal_id());
    r.set_page_token(page.next_page_token());
    ++pages;
  } while (!r.page_token().empty());
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(ids,
            (std::vector<std::string>{"USL-0001", "USL-0002", "USL-0003", "USL-0004", "USL-0005"}));

  v1::GetHistoryRequest h;
  h.set_user("rehab");
  h.set_page_size(2);
  v1::GetHistoryResponse first;
  ASSERT_THAT(server_->audit().GetHistory(ContextAs(TokenOf("iwan")).get(), h, &first), IsOk());
  ASSERT_EQ(first.events_size(), 2);
  ASSERT_FALSE(first.next_page_token().empty());
  h.set_page_token(first.next_page_token());
  v1::GetHistoryResponse second;
  ASSERT_THAT(server_->audit().GetHistory(ContextAs(TokenOf("iwan")).get(), h, &second), IsOk());
  ASSERT_EQ(second.events_size(), 2);
  EXPECT_GT(second.events(0).envelope().sequence(), first.events(1).envelope().sequence());

  h.set_page_token("abc");
  grpc::Status s = server_->audit().GetHistory(ContextAs(TokenOf("iwan")).get(), h, &second);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(s.error_message(), "page_token: \"abc\" is not a token from an earlier page");
}

TEST(UsersFileTest, AReservedNameOrALongDisplayNameIsRefusedNamingTheEntry) {
  v1::UsersConfig config;
  *config.add_user() = Authenticator::MakeEntry("kadis", v1::Role::KEPALA_DINAS,
                                                v1::DIVISION_UNSPECIFIED, TokenOf("kadis"));
  *config.add_user() = Authenticator::MakeEntry("renstrad", v1::Role::ADMIN,
                                                v1::DIVISION_UNSPECIFIED, TokenOf("renstrad"));
  absl::StatusOr<Authenticator> auth = Authenticator::FromConfig(config);
  EXPECT_EQ(auth.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(auth.status().message(),
            "user[1] (renstrad).name: \"renstrad\" is reserved for the system");

  config.mutable_user(1)->set_name("sari");
  config.mutable_user(1)->set_display_name(std::string(200, 'd'));
  auth = Authenticator::FromConfig(config);
  EXPECT_EQ(auth.status().message(),
            "user[1] (sari).display_name: 200 bytes exceeds the limit of 128");
  config.mutable_user(1)->set_display_name("Sari");
  EXPECT_THAT(Authenticator::FromConfig(config), IsOk());
}

TEST(PageBudgetTest, StopsAtTheCountOrTheBytesButAlwaysTakesTheFirstItem) {
  PageBudget by_count(2, 1000);
  EXPECT_TRUE(by_count.Take(10));
  EXPECT_TRUE(by_count.Take(10));
  EXPECT_FALSE(by_count.Take(10));
  PageBudget by_bytes(0, 100);
  EXPECT_TRUE(by_bytes.Take(500));  // the first, however large
  EXPECT_FALSE(by_bytes.Take(1));
  PageBudget fills(0, 100);
  EXPECT_TRUE(fills.Take(60));
  EXPECT_TRUE(fills.Take(40));
  EXPECT_FALSE(fills.Take(1));
  EXPECT_EQ(fills.items(), 2u);
}

}  // namespace
}  // namespace renstra::testing
