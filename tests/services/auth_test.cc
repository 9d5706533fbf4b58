// Authentication and role checks over gRPC with a users file: no, bad or disabled
// credentials → UNAUTHENTICATED; the inspectorate reads everything and writes nothing;
// only ADMIN and KEPALA_DINAS import; every refusal is recorded on "audit/denied" and
// leaves the plan as it was. Also open mode (no users file) as before authentication.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/target_value.h"
#include "tests/services/workflow_fixture.h"
#include "tests/testing/seeded_server.h"
#include "tests/testing/status_matchers.h"

namespace renstra::testing {
namespace {

using ::testing::StartsWith;

constexpr char kNoCredentials[] = "no credentials: send \"authorization: Bearer <token>\"";

class AuthTest : public SeededServerTest {
 protected:
  // rehab proposes 2025 → "220 Orang" and submits; returns the proposal id.
  std::string ProposeAsRehab() {
    v1::ProposeRequest request;
    request.set_title("Target 2025");
    request.set_justification("more clients expected");
    *request.add_changes() = SetTarget(kRehabIndicator, kYear, "220 Orang");
    request.set_submit(true);
    v1::ProposalView view;
    grpc::Status status =
        server_->workflow().Propose(ContextAs(TokenOf("rehab")).get(), request, &view);
    EXPECT_THAT(status, IsOk()) << status.error_message();
    EXPECT_EQ(view.status(), v1::SUBMITTED);
    return view.proposal_id();
  }

  // Expects one recorded refusal of `method` with these fields.
  static void ExpectDenied(const v1::AccessDenied& denied, const std::string& method,
                           const std::string& principal, const std::string& role,
                           const std::string& code, const std::string& message) {
    EXPECT_EQ(denied.method(), method);
    EXPECT_EQ(denied.principal(), principal);
    EXPECT_EQ(denied.role(), role);
    EXPECT_EQ(denied.code(), code);
    EXPECT_EQ(denied.message(), message);
    EXPECT_THAT(denied.peer(), StartsWith("ipv4:127.0.0.1:"));
  }
};

TEST_F(AuthTest, CallsWithoutATokenAreUnauthenticatedAndRecorded) {
  const uint64_t plan_version = server_->PlanVersion();
  v1::GetPlanResponse plan;
  grpc::Status status = server_->plan().GetPlan(Context().get(), {}, &plan);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(status.error_message(), kNoCredentials);
  v1::GetHeadResponse head;
  status = server_->log().GetHead(Context().get(), {}, &head);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(status.error_message(), kNoCredentials);
  v1::GetInboxResponse inbox;
  status = server_->workflow().GetInbox(Context().get(), {}, &inbox);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(status.error_message(), kNoCredentials);

  std::vector<v1::AccessDenied> denied = DeniedCalls(*server_);
  ASSERT_EQ(denied.size(), 3u);
  ExpectDenied(denied[0], "/renstra.v1.PlanService/GetPlan", "", "", "UNAUTHENTICATED",
               kNoCredentials);
  ExpectDenied(denied[1], "/renstra.v1.LogService/GetHead", "", "", "UNAUTHENTICATED",
               kNoCredentials);
  ExpectDenied(denied[2], "/renstra.v1.WorkflowService/GetInbox", "", "", "UNAUTHENTICATED",
               kNoCredentials);
  EXPECT_EQ(server_->PlanVersion(), plan_version);
}

TEST_F(AuthTest, AnUnknownTokenOrAnotherSchemeIsUnauthenticated) {
  v1::GetPlanResponse plan;
  grpc::Status status =
      server_->plan().GetPlan(ContextAs("not-a-token-of-anyone").get(), {}, &plan);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(status.error_message(), "unknown token");

  std::unique_ptr<grpc::ClientContext> basic = Context();
  basic->AddMetadata("authorization", "Basic " + TokenOf("kadis"));
  v1::VerifyLogResponse verified;
  status = server_->log().VerifyLog(basic.get(), {}, &verified);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(status.error_message(), "the authorization header is not \"Bearer <token>\"");

  std::vector<v1::AccessDenied> denied = DeniedCalls(*server_);
  ASSERT_EQ(denied.size(), 2u);
  ExpectDenied(denied[0], "/renstra.v1.PlanService/GetPlan", "", "", "UNAUTHENTICATED",
               "unknown token");
  ExpectDenied(denied[1], "/renstra.v1.LogService/VerifyLog", "", "", "UNAUTHENTICATED",
               "the authorization header is not \"Bearer <token>\"");
}

TEST_F(AuthTest, ADisabledUserIsUnauthenticated) {
  const uint64_t plan_version = server_->PlanVersion();
  v1::ProposeRequest request;
  request.set_justification("still here");
  *request.add_changes() = SetTarget(kRehabIndicator, kYear, "230 Orang");
  v1::ProposalView view;
  grpc::Status status =
      server_->workflow().Propose(ContextAs(TokenOf("pensiun")).get(), request, &view);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(status.error_message(), "this user is disabled");

  std::vector<v1::AccessDenied> denied = DeniedCalls(*server_);
  ASSERT_EQ(denied.size(), 1u);
  ExpectDenied(denied[0], "/renstra.v1.WorkflowService/Propose", "", "", "UNAUTHENTICATED",
               "this user is disabled");
  EXPECT_EQ(server_->PlanVersion(), plan_version);
}

TEST_F(AuthTest, TheInspectorateReadsEverything) {
  const std::string id = ProposeAsRehab();
  const std::string iwan = TokenOf("iwan");

  v1::GetPlanResponse plan;
  grpc::Status status = server_->plan().GetPlan(ContextAs(iwan).get(), {}, &plan);
  ASSERT_THAT(status, IsOk()) << status.error_message();
  EXPECT_EQ(TargetIn(plan.plan(), kRehabIndicator, kYear), kSeedTarget);
  v1::GetSubtreeRequest subtree_request;
  subtree_request.set_code("1.06.04.2.01");
  v1::GetSubtreeResponse subtree;
  status = server_->plan().GetSubtree(ContextAs(iwan).get(), subtree_request, &subtree);
  EXPECT_THAT(status, IsOk()) << status.error_message();
  v1::ValidateResponse validated;
  status = server_->plan().Validate(ContextAs(iwan).get(), {}, &validated);
  EXPECT_THAT(status, IsOk()) << status.error_message();
  v1::ExportTableRequest export_request;
  export_request.set_table("T-C.27");
  export_request.set_format(v1::TSV);
  v1::ExportTableResponse exported;
  status = server_->plan().ExportTable(ContextAs(iwan).get(), export_request, &exported);
  EXPECT_THAT(status, IsOk()) << status.error_message();
  v1::GetHeadResponse head;
  status = server_->log().GetHead(ContextAs(iwan).get(), {}, &head);
  EXPECT_THAT(status, IsOk()) << status.error_message();
  v1::VerifyLogResponse verified;
  status = server_->log().VerifyLog(ContextAs(iwan).get(), {}, &verified);
  EXPECT_THAT(status, IsOk()) << status.error_message();
  EXPECT_EQ(verified.head_sequence(), head.sequence());

  v1::GetProposalRequest proposal_request;
  proposal_request.set_proposal_id(id);
  v1::ProposalView proposal;
  status = server_->workflow().GetProposal(ContextAs(iwan).get(), proposal_request, &proposal);
  ASSERT_THAT(status, IsOk()) << status.error_message();
  EXPECT_EQ(proposal.proposer(), "rehab");
  ASSERT_EQ(proposal.changes_size(), 1);
  EXPECT_EQ(TargetValue::FromProto(proposal.changes(0).set_target().before()).Display(),
            kSeedTarget);
  v1::ListProposalsResponse proposals;
  status = server_->workflow().ListProposals(ContextAs(iwan).get(), {}, &proposals);
  ASSERT_THAT(status, IsOk()) << status.error_message();
  EXPECT_EQ(proposals.proposals_size(), 1);
  v1::ListRevisionsResponse revisions;
  status = server_->workflow().ListRevisions(ContextAs(iwan).get(), {}, &revisions);
  EXPECT_THAT(status, IsOk()) << status.error_message();
  v1::GetPlanAtVersionRequest at_request;
  at_request.set_version(static_cast<int64_t>(server_->PlanVersion()));
  v1::Plan at;
  status = server_->workflow().GetPlanAtVersion(ContextAs(iwan).get(), at_request, &at);
  EXPECT_THAT(status, IsOk()) << status.error_message();
  EXPECT_EQ(at.version(), static_cast<int64_t>(server_->PlanVersion()));
  v1::GetInboxResponse inbox;
  status = server_->workflow().GetInbox(ContextAs(iwan).get(), {}, &inbox);
  ASSERT_THAT(status, IsOk()) << status.error_message();
  EXPECT_EQ(inbox.awaiting_decision_size(), 0);

  EXPECT_TRUE(DeniedCalls(*server_).empty());
}

TEST_F(AuthTest, TheInspectorateWritesNothingAndEachRefusalIsRecorded) {
  const std::string id = ProposeAsRehab();
  const uint64_t plan_version = server_->PlanVersion();
  const uint64_t proposal_version = server_->store().StreamVersion("proposal/" + id);
  const std::string iwan = TokenOf("iwan");
  struct Refusal {
    std::string method;
    grpc::Status status;
    std::string message;
  };
  std::vector<Refusal> refusals;

  v1::ProposeRequest propose;
  propose.set_justification("audit finding");
  *propose.add_changes() = SetTarget(kRehabIndicator, kYear, "1 Orang");
  v1::ProposalView view;
  refusals.push_back({"/renstra.v1.WorkflowService/Propose",
                      server_->workflow().Propose(ContextAs(iwan).get(), propose, &view),
                      "rule: only KEPALA_BIDANG or SEKRETARIAT may propose changes; iwan is "
                      "INSPEKTORAT"});
  v1::ReviewProposalRequest review;
  review.set_proposal_id(id);
  review.set_decision(v1::ProposalReviewed::APPROVE);
  refusals.push_back({"/renstra.v1.WorkflowService/ReviewProposal",
                      server_->workflow().ReviewProposal(ContextAs(iwan).get(), review, &view),
                      "rule: only KEPALA_DINAS may review proposals; iwan is INSPEKTORAT"});
  v1::OpenRevisionRequest open;
  open.set_name("Perubahan Renstra 2025");
  v1::RevisionInfo revision;
  refusals.push_back({"/renstra.v1.WorkflowService/OpenRevision",
                      server_->workflow().OpenRevision(ContextAs(iwan).get(), open, &revision),
                      "rule: only KEPALA_DINAS may open a revision; iwan is INSPEKTORAT"});
  v1::RatifyRevisionRequest ratify;
  ratify.set_legal_basis("Perwako Dumai No. 1 Tahun 2025");
  ratify.set_effective_date("2025-07-01");
  ratify.set_signer("Kepala Dinas Sosial");
  ratify.add_proposal_ids(id);
  refusals.push_back({"/renstra.v1.WorkflowService/RatifyRevision",
                      server_->workflow().RatifyRevision(ContextAs(iwan).get(), ratify, &revision),
                      "rule: only KEPALA_DINAS may ratify a revision; iwan is INSPEKTORAT"});
  v1::LockPlanResponse locked;
  refusals.push_back({"/renstra.v1.WorkflowService/LockPlan",
                      server_->workflow().LockPlan(ContextAs(iwan).get(), {}, &locked),
                      "rule: only KEPALA_DINAS may lock the plan; iwan is INSPEKTORAT"});
  v1::ImportTableRequest import;
  import.set_content(ReadSeedDocument());
  import.set_source_name("renstra_dumai_2024.txt");
  v1::ImportTableResponse imported;
  refusals.push_back({"/renstra.v1.PlanService/ImportTable",
                      server_->plan().ImportTable(ContextAs(iwan).get(), import, &imported),
                      "rule: only ADMIN or KEPALA_DINAS may import a plan table; iwan is "
                      "INSPEKTORAT"});

  std::vector<v1::AccessDenied> denied = DeniedCalls(*server_);
  ASSERT_EQ(denied.size(), refusals.size());
  for (size_t i = 0; i < refusals.size(); ++i) {
    SCOPED_TRACE(refusals[i].method);
    EXPECT_EQ(refusals[i].status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
    EXPECT_EQ(refusals[i].status.error_message(), refusals[i].message);
    ExpectDenied(denied[i], refusals[i].method, "iwan", "INSPEKTORAT", "PERMISSION_DENIED",
                 refusals[i].message);
  }
  EXPECT_EQ(server_->PlanVersion(), plan_version);
  EXPECT_EQ(server_->store().StreamVersion("proposal/" + id), proposal_version);
}

TEST_F(AuthTest, ADivisionHeadProposesOnlyForItsOwnDivisionsNodes) {
  const uint64_t head = server_->store().Head().sequence;
  v1::ProposeRequest request;
  request.set_justification("not ours");
  *request.add_changes() = SetTarget(kRehabIndicator, kYear, "230 Orang");
  v1::ProposalView view;
  grpc::Status status =
      server_->workflow().Propose(ContextAs(TokenOf("linjamsos")).get(), request, &view);
  const std::string rule =
      "rule: a division proposes and records only for its own nodes; changes[0].set_target: node "
      "1.06.04.2.01.0001 belongs to Bidang Rehabilitasi Sosial, linjamsos acts for Bidang "
      "Perlindungan dan Jaminan Sosial";
  EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(status.error_message(), rule);
  std::vector<v1::AccessDenied> denied = DeniedCalls(*server_);
  ASSERT_EQ(denied.size(), 1u);
  ExpectDenied(denied[0], "/renstra.v1.WorkflowService/Propose", "linjamsos", "KEPALA_BIDANG",
               "PERMISSION_DENIED", rule);
  // Only the refusal itself was appended.
  EXPECT_EQ(server_->store().Head().sequence, head + 1);
}

TEST(AuthImportTest, OnlyAdminOrKepalaDinasImportsAndTheEnvelopeNamesThem) {
  SeededServerOptions options;
  options.users = TestUsers();
  std::unique_ptr<SeededServer> server = SeededServer::Start(options);
  ASSERT_NE(server, nullptr);
  v1::ImportTableRequest request;
  request.set_content(ReadSeedDocument());
  request.set_source_name("renstra_dumai_2024.txt");
  request.set_request_id("import-1");
  v1::ImportTableResponse response;

  grpc::Status status =
      server->plan().ImportTable(ContextAs(TokenOf("rehab")).get(), request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(status.error_message(),
            "rule: only ADMIN or KEPALA_DINAS may import a plan table; rehab is KEPALA_BIDANG");
  EXPECT_EQ(server->PlanVersion(), 0u);
  std::vector<v1::AccessDenied> denied = DeniedCalls(*server);
  ASSERT_EQ(denied.size(), 1u);
  EXPECT_EQ(denied[0].method(), "/renstra.v1.PlanService/ImportTable");
  EXPECT_EQ(denied[0].principal(), "rehab");

  status = server->plan().ImportTable(ContextAs(TokenOf("admin")).get(), request, &response);
  ASSERT_THAT(status, IsOk()) << status.error_message();
  EXPECT_EQ(response.programs(), 9);
  absl::StatusOr<std::vector<v1::EventEnvelope>> events =
      server->store().ReadStream(PlanApp::kDefaultPlanId, 1, 1);
  ASSERT_THAT(events, IsOk()) << events.status();
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ(events->front().principal(), "admin");
  EXPECT_EQ(events->front().role(), "ADMIN");
  EXPECT_EQ(events->front().request_id(), "import-1");
}

TEST(AuthOpenModeTest, WithoutUsersCallersAreAnonymousImportWorksAndWorkflowWritesAreRefused) {
  std::unique_ptr<SeededServer> server = SeededServer::Start();
  ASSERT_NE(server, nullptr);
  v1::ImportTableResponse imported;
  grpc::Status status = server->ImportSeed("open-import", &imported);
  ASSERT_THAT(status, IsOk()) << status.error_message();
  absl::StatusOr<std::vector<v1::EventEnvelope>> events =
      server->store().ReadStream(PlanApp::kDefaultPlanId, 1, 1);
  ASSERT_THAT(events, IsOk()) << events.status();
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ(events->front().principal(), "anonymous");
  EXPECT_EQ(events->front().role(), "ANONYMOUS");

  v1::ProposeRequest request;
  request.set_justification("anyone?");
  *request.add_changes() = SetTarget(kRehabIndicator, kYear, "230 Orang");
  v1::ProposalView view;
  status = server->workflow().Propose(Context().get(), request, &view);
  const std::string rule =
      "rule: only KEPALA_BIDANG or SEKRETARIAT may propose changes; anonymous is ROLE_UNSPECIFIED";
  EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(status.error_message(), rule);
  std::vector<v1::AccessDenied> denied = DeniedCalls(*server);
  ASSERT_EQ(denied.size(), 1u);
  EXPECT_EQ(denied[0].principal(), "anonymous");
  EXPECT_EQ(denied[0].code(), "PERMISSION_DENIED");
  EXPECT_EQ(denied[0].message(), rule);
}

}  // namespace
}  // namespace renstra::testing
