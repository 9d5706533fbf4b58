// Bad input, RPC by RPC: missing fields, wrong enum values, out-of-range years, unknown
// ids, an oversized message, no token and the wrong role each get their exact status
// code and a message naming the field or rule — and change nothing. "Nothing" means:
// the log gains no event, except that a refused caller (UNAUTHENTICATED,
// PERMISSION_DENIED) is itself recorded as one AccessDenied event on "audit/denied".
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "domain/target_value.h"
#include "renstra/v1/admin_service.grpc.pb.h"
#include "renstra/v1/audit_service.grpc.pb.h"
#include "renstra/v1/realization_service.grpc.pb.h"
#include "tests/services/workflow_fixture.h"
#include "tests/testing/seeded_server.h"
#include "tests/testing/status_matchers.h"

namespace renstra::testing {
namespace {

using Call = std::function<grpc::Status(grpc::ClientContext*)>;

struct Case {
  std::string name;
  std::string user;  // "" = no token
  Call call;
  grpc::StatusCode code;
  std::string message;  // a part of the message that must be there
};

class BadInputTest : public SeededServerTest {
 protected:
  void Check(const std::vector<Case>& cases) {
    for (const Case& c : cases) {
      SCOPED_TRACE(c.name);
      const ChainHead before = server_->store().Head();
      const uint64_t denied_before = server_->store().StreamVersion("audit/denied");
      auto context = c.user.empty() ? Context() : ContextAs(TokenOf(c.user));
      grpc::Status status = c.call(context.get());
      EXPECT_EQ(status.error_code(), c.code) << status.error_message();
      EXPECT_NE(status.error_message().find(c.message), std::string::npos)
          << "message: " << status.error_message();
      const bool refusal = c.code == grpc::StatusCode::UNAUTHENTICATED ||
                           c.code == grpc::StatusCode::PERMISSION_DENIED;
      EXPECT_EQ(server_->store().Head().sequence, before.sequence + (refusal ? 1 : 0));
      EXPECT_EQ(server_->store().StreamVersion("audit/denied"), denied_before + (refusal ? 1 : 0));
    }
  }

  v1::PlanService::Stub& plan() { return server_->plan(); }
  v1::LogService::Stub& log() { return server_->log(); }
  v1::WorkflowService::Stub& workflow() { return server_->workflow(); }
};

template <typename Request>
Request WithId(Request r) {
  r.set_request_id("bad-input");
  return r;
}

TEST_F(BadInputTest, PlanAndLogServices) {
  v1::GetSubtreeRequest no_code, unknown, malformed;
  unknown.set_code("9.99.99");
  malformed.set_code("satu.dua");
  v1::ExportTableRequest wrong_table, no_format;
  wrong_table.set_table("T-C.99");
  wrong_table.set_format(v1::TSV);
  no_format.set_table("T-C.27");
  v1::ImportTableRequest import;
  import.set_content(ReadSeedDocument());
  v1::ImportTableRequest huge;
  huge.set_content(std::string(33 << 20, 'x'));
  v1::VerifyLogRequest past;
  past.set_from_sequence(1'000'000);
  v1::GetSubtreeResponse subtree;
  v1::ExportTableResponse table;
  v1::ImportTableResponse imported;
  v1::VerifyLogResponse verified;
  v1::GetPlanResponse plan_out;
  Check({
      {"GetPlan without a token", "", [&](auto* c) { return plan().GetPlan(c, {}, &plan_out); },
       grpc::StatusCode::UNAUTHENTICATED, "no credentials"},
      {"GetSubtree without code", "iwan",
       [&](auto* c) { return plan().GetSubtree(c, no_code, &subtree); },
       grpc::StatusCode::INVALID_ARGUMENT, "code: required"},
      {"GetSubtree unknown code", "iwan",
       [&](auto* c) { return plan().GetSubtree(c, unknown, &subtree); },
       grpc::StatusCode::NOT_FOUND, "9.99.99"},
      {"GetSubtree malformed code", "iwan",
       [&](auto* c) { return plan().GetSubtree(c, malformed, &subtree); },
       grpc::StatusCode::INVALID_ARGUMENT, "code: "},
      {"ExportTable unknown table", "iwan",
       [&](auto* c) { return plan().ExportTable(c, wrong_table, &table); },
       grpc::StatusCode::INVALID_ARGUMENT, "table: \"T-C.99\""},
      {"ExportTable without format", "iwan",
       [&](auto* c) { return plan().ExportTable(c, no_format, &table); },
       grpc::StatusCode::INVALID_ARGUMENT, "format: required"},
      {"ImportTable by a Kepala Bidang", "rehab",
       [&](auto* c) { return plan().ImportTable(c, WithId(import), &imported); },
       grpc::StatusCode::PERMISSION_DENIED, "rule: "},
      {"ImportTable into a plan with content", "admin",
       [&](auto* c) { return plan().ImportTable(c, WithId(import), &imported); },
       grpc::StatusCode::FAILED_PRECONDITION, ""},
      {"ImportTable of 33 MiB", "admin",
       [&](auto* c) { return plan().ImportTable(c, huge, &imported); },
       grpc::StatusCode::RESOURCE_EXHAUSTED, ""},
      {"VerifyLog past the head", "iwan",
       [&](auto* c) { return log().VerifyLog(c, past, &verified); },
       grpc::StatusCode::INVALID_ARGUMENT, "from_sequence: 1000000 is past the head"},
  });
}

TEST_F(BadInputTest, WorkflowService) {
  // A submitted proposal to review.
  v1::ProposeRequest submitted = WithId(v1::ProposeRequest());
  submitted.set_request_id("submitted");
  submitted.set_justification("Jumlah penerima bertambah");
  submitted.set_submit(true);
  *submitted.add_changes() = SetTarget(kRehabIndicator, 2025, "220 Orang");
  v1::ProposalView submitted_view;
  ASSERT_THAT(workflow().Propose(ContextAs(TokenOf("rehab")).get(), submitted, &submitted_view),
              IsOk());
  v1::ProposeRequest no_changes = WithId(v1::ProposeRequest());
  no_changes.set_justification("x");
  v1::ProposeRequest year = no_changes, unknown = no_changes, unit = no_changes,
                     negative = no_changes, no_justification = WithId(v1::ProposeRequest());
  *year.add_changes() = SetTarget(kRehabIndicator, 2030, "220 Orang");
  *unknown.add_changes() = SetTarget("9.99.99.9.99.9999#1", 2025, "1 Orang");
  *unit.add_changes() = SetTarget(kRehabIndicator, 2025, "220 Dokumen");
  v1::Change funding;
  funding.mutable_set_funding()->set_node_code("1.06.04.2.01.0001");
  funding.mutable_set_funding()->set_year(2025);
  funding.mutable_set_funding()->mutable_amount()->set_rupiah(-5);
  funding.mutable_set_funding()->mutable_amount()->set_present(true);
  *negative.add_changes() = funding;
  *no_justification.add_changes() = SetTarget(kRehabIndicator, 2025, "220 Orang");
  v1::ProposalActionRequest unknown_proposal = WithId(v1::ProposalActionRequest());
  unknown_proposal.set_proposal_id("USL-9999");
  v1::ReviewProposalRequest no_decision = WithId(v1::ReviewProposalRequest());
  no_decision.set_proposal_id(submitted_view.proposal_id());
  v1::ReviewProposalRequest wrong_enum = no_decision;
  wrong_enum.set_decision(static_cast<v1::ProposalReviewed::Decision>(42));
  v1::RatifyRevisionRequest ratify = WithId(v1::RatifyRevisionRequest());
  ratify.set_legal_basis("Perwako");
  ratify.set_signer("Kepala Dinas");
  ratify.set_effective_date("2025-07-01");
  ratify.add_proposal_ids("USL-9999");
  v1::GetProposalRequest get;
  get.set_proposal_id("USL-9999");
  v1::GetPlanAtVersionRequest negative_version, future_version;
  negative_version.set_version(-1);
  future_version.set_version(1'000'000);
  v1::ProposalView view;
  v1::RevisionInfo revision;
  v1::LockPlanResponse locked;
  v1::Plan plan_out;
  Check({
      {"Propose without a token", "", [&](auto* c) { return workflow().Propose(c, year, &view); },
       grpc::StatusCode::UNAUTHENTICATED, "no credentials"},
      {"Propose by the inspectorate", "iwan",
       [&](auto* c) { return workflow().Propose(c, year, &view); },
       grpc::StatusCode::PERMISSION_DENIED, "only KEPALA_BIDANG or SEKRETARIAT may propose"},
      {"Propose for another division", "linjamsos",
       [&](auto* c) { return workflow().Propose(c, unit, &view); },
       grpc::StatusCode::PERMISSION_DENIED, "belongs to Bidang Rehabilitasi Sosial"},
      {"Propose without changes", "rehab",
       [&](auto* c) { return workflow().Propose(c, no_changes, &view); },
       grpc::StatusCode::INVALID_ARGUMENT, "changes"},
      {"Propose without justification", "rehab",
       [&](auto* c) { return workflow().Propose(c, no_justification, &view); },
       grpc::StatusCode::INVALID_ARGUMENT, "justification"},
      {"Propose a year outside the plan", "rehab",
       [&](auto* c) { return workflow().Propose(c, year, &view); },
       grpc::StatusCode::INVALID_ARGUMENT, "changes[0].set_target.year 2030"},
      {"Propose on an unknown indicator", "rehab",
       [&](auto* c) { return workflow().Propose(c, unknown, &view); },
       grpc::StatusCode::INVALID_ARGUMENT, "9.99.99.9.99.9999#1"},
      {"Propose a unit that does not match", "rehab",
       [&](auto* c) { return workflow().Propose(c, unit, &view); },
       grpc::StatusCode::INVALID_ARGUMENT, "Dokumen"},
      {"Propose negative money", "rehab",
       [&](auto* c) { return workflow().Propose(c, negative, &view); },
       grpc::StatusCode::INVALID_ARGUMENT, "changes[0].set_funding"},
      {"Submit an unknown proposal", "rehab",
       [&](auto* c) { return workflow().SubmitProposal(c, unknown_proposal, &view); },
       grpc::StatusCode::NOT_FOUND, "USL-9999"},
      {"Review without a decision", "kadis",
       [&](auto* c) { return workflow().ReviewProposal(c, no_decision, &view); },
       grpc::StatusCode::INVALID_ARGUMENT, "decision"},
      {"Review with an unknown decision value", "kadis",
       [&](auto* c) { return workflow().ReviewProposal(c, wrong_enum, &view); },
       grpc::StatusCode::INVALID_ARGUMENT, "decision"},
      {"Review by a Kepala Bidang", "rehab",
       [&](auto* c) { return workflow().ReviewProposal(c, no_decision, &view); },
       grpc::StatusCode::PERMISSION_DENIED, "only KEPALA_DINAS may review"},
      {"Ratify with no revision open", "kadis",
       [&](auto* c) { return workflow().RatifyRevision(c, ratify, &revision); },
       grpc::StatusCode::FAILED_PRECONDITION, "revision"},
      {"Lock by a Kepala Bidang", "rehab",
       [&](auto* c) { return workflow().LockPlan(c, WithId(v1::LockPlanRequest()), &locked); },
       grpc::StatusCode::PERMISSION_DENIED, "only KEPALA_DINAS may lock"},
      {"GetProposal unknown", "iwan",
       [&](auto* c) { return workflow().GetProposal(c, get, &view); }, grpc::StatusCode::NOT_FOUND,
       "USL-9999"},
      {"GetPlanAtVersion negative", "iwan",
       [&](auto* c) { return workflow().GetPlanAtVersion(c, negative_version, &plan_out); },
       grpc::StatusCode::INVALID_ARGUMENT, "version: -1 is not a plan version"},
      {"GetPlanAtVersion in the future", "iwan",
       [&](auto* c) { return workflow().GetPlanAtVersion(c, future_version, &plan_out); },
       grpc::StatusCode::INVALID_ARGUMENT, "version: 1000000 is not a plan version"},
  });
}

TEST_F(BadInputTest, RealizationAuditAndAdminServices) {
  v1::RecordAchievementRequest achievement = WithId(v1::RecordAchievementRequest());
  achievement.set_indicator_id(kRehabIndicator);
  achievement.set_year(2027);
  TargetValue::Parse("95 Orang")->ToProto(achievement.mutable_value()->mutable_yearly());
  achievement.set_evidence_ref("LKJ");
  v1::RecordAchievementRequest unknown_indicator = achievement;
  unknown_indicator.set_year(2022);
  unknown_indicator.set_indicator_id("9.99.99.9.99.9999#1");
  v1::RecordSpendingRequest negative = WithId(v1::RecordSpendingRequest());
  negative.set_node_code("1.06.04.2.01.0001");
  negative.set_year(2022);
  negative.mutable_spent()->set_rupiah(-5);
  negative.mutable_spent()->set_present(true);
  negative.set_evidence_ref("SP2D");
  v1::CorrectRealizationRequest correct = WithId(v1::CorrectRealizationRequest());
  correct.set_corrects_id("RLZ-999999");
  correct.set_retract(true);
  correct.set_evidence_ref("BA");
  correct.set_note("salah");
  v1::GetRealizationRequest get_realization;
  get_realization.set_realization_id("RLZ-999999");
  v1::GetHistoryRequest no_subject, unknown_node;
  unknown_node.set_node_code("9.99.99");
  v1::GetPlanAsOfRequest no_as_of;
  v1::DiffVersionsRequest mid_import;
  mid_import.set_from_version(5);
  v1::ReadEventsRequest far;
  far.set_from_sequence(1'000'000);
  v1::GetInclusionProofRequest zero, beyond;
  beyond.set_sequence(1'000'000);
  v1::GetConsistencyProofRequest backwards;
  backwards.set_from_size(10);
  backwards.set_to_size(5);
  v1::VerifyBackupRequest no_id;
  no_id.set_dir("/tmp");
  v1::AddUserRequest bad_name = WithId(v1::AddUserRequest());
  bad_name.set_name("Budi Santoso");
  bad_name.set_role(v1::Role::SEKRETARIAT);
  v1::AddUserRequest bad_role = WithId(v1::AddUserRequest());
  bad_role.set_name("budi");
  bad_role.set_role(static_cast<v1::Role::Value>(42));
  v1::DisableUserRequest unknown_user = WithId(v1::DisableUserRequest());
  unknown_user.set_name("nobody");
  v1::RealizationView realization;
  v1::GetHistoryResponse history;
  v1::GetPlanAsOfResponse as_of;
  v1::DiffVersionsResponse diff;
  v1::ReadEventsResponse events;
  v1::InclusionProof inclusion;
  v1::ConsistencyProof consistency;
  v1::RehashStoreResponse rehash;
  v1::Backup backup;
  v1::UserWithToken user;
  v1::UserView user_view;
  v1::ListUsersResponse users_out;
  Check({
      {"RecordAchievement for 2027", "rehab",
       [&](auto* c) {
         return server_->realization().RecordAchievement(c, achievement, &realization);
       },
       grpc::StatusCode::INVALID_ARGUMENT, "year: 2027"},
      {"RecordAchievement on an unknown indicator", "rehab",
       [&](auto* c) {
         return server_->realization().RecordAchievement(c, unknown_indicator, &realization);
       },
       grpc::StatusCode::NOT_FOUND, "9.99.99.9.99.9999#1"},
      {"RecordSpending negative", "rehab",
       [&](auto* c) { return server_->realization().RecordSpending(c, negative, &realization); },
       grpc::StatusCode::INVALID_ARGUMENT, "spent: negative amount -5"},
      {"RecordSpending by the inspectorate", "iwan",
       [&](auto* c) { return server_->realization().RecordSpending(c, negative, &realization); },
       grpc::StatusCode::PERMISSION_DENIED, "rule: "},
      {"CorrectRealization of an unknown record", "rehab",
       [&](auto* c) { return server_->realization().CorrectRealization(c, correct, &realization); },
       grpc::StatusCode::NOT_FOUND, "RLZ-999999"},
      {"GetRealization unknown", "iwan",
       [&](auto* c) {
         return server_->realization().GetRealization(c, get_realization, &realization);
       },
       grpc::StatusCode::NOT_FOUND, "RLZ-999999"},
      {"GetHistory without a subject", "iwan",
       [&](auto* c) { return server_->audit().GetHistory(c, no_subject, &history); },
       grpc::StatusCode::INVALID_ARGUMENT, "subject: required"},
      {"GetHistory of an unknown node", "iwan",
       [&](auto* c) { return server_->audit().GetHistory(c, unknown_node, &history); },
       grpc::StatusCode::NOT_FOUND, "node_code: no node with code 9.99.99"},
      {"GetPlanAsOf without as_of", "iwan",
       [&](auto* c) { return server_->audit().GetPlanAsOf(c, no_as_of, &as_of); },
       grpc::StatusCode::INVALID_ARGUMENT, "as_of: required"},
      {"DiffVersions from inside the import", "iwan",
       [&](auto* c) { return server_->audit().DiffVersions(c, mid_import, &diff); },
       grpc::StatusCode::INVALID_ARGUMENT, "from_version: 5 falls inside the import"},
      {"ReadEvents past the end", "iwan",
       [&](auto* c) { return server_->audit().ReadEvents(c, far, &events); },
       grpc::StatusCode::OUT_OF_RANGE, "from_sequence: 1000000 is past the end"},
      {"GetInclusionProof of event 0", "iwan",
       [&](auto* c) { return server_->audit().GetInclusionProof(c, zero, &inclusion); },
       grpc::StatusCode::INVALID_ARGUMENT, "sequence: required"},
      {"GetInclusionProof beyond the log", "iwan",
       [&](auto* c) { return server_->audit().GetInclusionProof(c, beyond, &inclusion); },
       grpc::StatusCode::OUT_OF_RANGE, "sequence: event 1000000"},
      {"GetConsistencyProof backwards", "iwan",
       [&](auto* c) { return server_->audit().GetConsistencyProof(c, backwards, &consistency); },
       grpc::StatusCode::INVALID_ARGUMENT, "from_size: 10 is larger than to_size 5"},
      {"RehashStore by the inspectorate", "iwan",
       [&](auto* c) { return server_->audit().RehashStore(c, {}, &rehash); },
       grpc::StatusCode::PERMISSION_DENIED, "only ADMIN may re-hash the store"},
      {"CreateBackup by a Kepala Bidang", "rehab",
       [&](auto* c) { return server_->admin().CreateBackup(c, {}, &backup); },
       grpc::StatusCode::PERMISSION_DENIED, "only ADMIN may back up the log"},
      {"CreateBackup with no directory", "admin",
       [&](auto* c) { return server_->admin().CreateBackup(c, {}, &backup); },
       grpc::StatusCode::FAILED_PRECONDITION, ""},
      {"VerifyBackup without an id", "admin",
       [&](auto* c) { return server_->admin().VerifyBackup(c, no_id, &backup); },
       grpc::StatusCode::INVALID_ARGUMENT, "id: required"},
      {"AddUser with a bad name", "admin",
       [&](auto* c) { return server_->admin().AddUser(c, bad_name, &user); },
       grpc::StatusCode::INVALID_ARGUMENT, "name: \"Budi Santoso\""},
      {"AddUser with an unknown role value", "admin",
       [&](auto* c) { return server_->admin().AddUser(c, bad_role, &user); },
       grpc::StatusCode::INVALID_ARGUMENT, "role: 42 is not a role"},
      {"DisableUser unknown", "admin",
       [&](auto* c) { return server_->admin().DisableUser(c, unknown_user, &user_view); },
       grpc::StatusCode::NOT_FOUND, "name: no user nobody"},
      {"ListUsers by the inspectorate", "iwan",
       [&](auto* c) { return server_->admin().ListUsers(c, {}, &users_out); },
       grpc::StatusCode::PERMISSION_DENIED, "only ADMIN may list users"},
  });
}

}  // namespace
}  // namespace renstra::testing
