// Many plans on one server, end to end over gRPC: a second agency's Renstra imported
// into its own plan stream, its proposals, realizations and audit history kept apart
// from the default agency's (both number their proposals from USL-0001), requests
// without an agency served by the default agency as before, an unknown agency refused
// with NOT_FOUND naming it and nothing appended, and the second plan rebuilt from the
// log as a restart builds it.
#include "services/agency_plans.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "domain/proposal_state.h"
#include "renstra/v1/agency_service.grpc.pb.h"
#include "services/authenticator.h"
#include "services/plan_app.h"
#include "tests/services/workflow_fixture.h"
#include "tests/testing/seeded_server.h"
#include "tests/testing/status_matchers.h"

namespace renstra::testing {
namespace {

constexpr char kOther[] = "DINSOS-BENGKALIS";
constexpr char kOtherHead[] = "rehab-bengkalis";
// What `plan validate` finds in the seed as written (docs/validation.md).
constexpr int kSeedFindings = 17;

class AgencyPlansTest : public SeededServerTest {
 protected:
  SeededServerOptions Options() override {
    SeededServerOptions options = SeededServerOptions::CastWithSeed();
    options.seed_agency = true;
    // The other agency's Kepala Bidang Rehabilitasi Sosial.
    v1::UserEntry* other = options.users->add_user();
    *other = Authenticator::MakeEntry(kOtherHead, v1::Role::KEPALA_BIDANG, v1::REHABILITASI_SOSIAL,
                                      TokenOf(kOtherHead));
    other->set_agency(kOther);
    return options;
  }

  // Creates kOther and imports the seed's T-C.27 into its plan.
  void SetUpOtherAgency() {
    v1::CreateAgencyRequest create;
    create.set_request_id("create-other");
    create.set_code(kOther);
    create.set_name("Dinas Sosial Kabupaten Bengkalis");
    create.set_pemda("Kabupaten Bengkalis");
    v1::AgencyView agency;
    ASSERT_THAT(server_->agency().CreateAgency(ContextAs(TokenOf("admin")).get(), create, &agency),
                IsOk());
    v1::ImportTableRequest import;
    import.set_request_id("import-other");
    import.set_agency(kOther);
    import.set_content(ReadSeedDocument());
    import.set_source_name("renstra_bengkalis.txt");
    ASSERT_THAT(server_->plan().ImportTable(ContextAs(TokenOf("admin")).get(), import, &imported_),
                IsOk());
  }

  // The other agency's Kepala Bidang records 150 Orang for the seed's 2025 rehab target.
  void RecordInOther() {
    v1::RecordAchievementRequest achieve = RehabAchievement("achieve-other", 150);
    achieve.set_agency(kOther);
    v1::RealizationView recorded;
    ASSERT_THAT(server_->realization().RecordAchievement(ContextAs(TokenOf(kOtherHead)).get(),
                                                         achieve, &recorded),
                IsOk());
  }

  // A target proposal drafted in each agency (each is that agency's USL-0001).
  void ProposeInBoth(v1::ProposalView* in_other, v1::ProposalView* in_seed) {
    v1::ProposeRequest other = TargetProposal("propose-other", "230 Orang");
    other.set_agency(kOther);
    other.set_title("Target Bengkalis");
    ASSERT_THAT(server_->workflow().Propose(ContextAs(TokenOf(kOtherHead)).get(), other, in_other),
                IsOk());
    ASSERT_THAT(server_->workflow().Propose(ContextAs(TokenOf("rehab")).get(),
                                            TargetProposal("propose-seed", "220 Orang"), in_seed),
                IsOk());
  }

  v1::Plan PlanOf(const std::string& agency) {
    v1::GetPlanRequest request;
    request.set_agency(agency);
    v1::GetPlanResponse response;
    EXPECT_THAT(server_->plan().GetPlan(ContextAs(TokenOf("iwan")).get(), request, &response),
                IsOk());
    return response.plan();
  }

  v1::ImportTableResponse imported_;
};

TEST_F(AgencyPlansTest, AnotherAgencysPlanIsItsOwn) {
  const v1::Plan seed_plan = PlanOf("");
  ASSERT_NO_FATAL_FAILURE(SetUpOtherAgency());

  // The same document, so the same number of events; on its own stream.
  EXPECT_EQ(imported_.plan_version(), seed_plan.version());
  EXPECT_EQ(server_->store().StreamVersion("plan/dinsos-bengkalis"),
            static_cast<uint64_t>(seed_plan.version()));
  const v1::Plan other = PlanOf(kOther);
  EXPECT_EQ(other.plan_id(), "plan/dinsos-bengkalis");
  EXPECT_EQ(other.version(), seed_plan.version());
  // The default agency's plan, by its code or by no code, is untouched.
  EXPECT_EQ(PlanOf("DINSOS-DUMAI").plan_id(), "plan/dinsos-dumai");
  EXPECT_EQ(PlanOf("DINSOS-DUMAI").version(), seed_plan.version());
  EXPECT_EQ(PlanOf("").plan_id(), "plan/dinsos-dumai");

  // Each agency numbers its proposals from USL-0001, on its own streams.
  v1::ProposalView other_proposal, seed_proposal;
  ASSERT_NO_FATAL_FAILURE(ProposeInBoth(&other_proposal, &seed_proposal));
  EXPECT_EQ(other_proposal.proposal_id(), "USL-0001");
  EXPECT_EQ(seed_proposal.proposal_id(), "USL-0001");
  EXPECT_EQ(server_->store().StreamVersion("proposal/dinsos-bengkalis/USL-0001"), 1u);
  EXPECT_EQ(server_->store().StreamVersion("proposal/USL-0001"), 1u);

  v1::GetProposalRequest get;
  get.set_proposal_id("USL-0001");
  get.set_agency(kOther);
  v1::ProposalView got;
  ASSERT_THAT(server_->workflow().GetProposal(ContextAs(TokenOf("iwan")).get(), get, &got), IsOk());
  EXPECT_EQ(got.title(), "Target Bengkalis");
  get.clear_agency();
  ASSERT_THAT(server_->workflow().GetProposal(ContextAs(TokenOf("iwan")).get(), get, &got), IsOk());
  EXPECT_EQ(got.title(), seed_proposal.title());
  EXPECT_NE(got.title(), "Target Bengkalis");

  // A realization of the other agency is in its book only.
  ASSERT_NO_FATAL_FAILURE(RecordInOther());
  EXPECT_EQ(server_->store().StreamVersion("realization/dinsos-bengkalis"), 1u);
  EXPECT_EQ(server_->store().StreamVersion("realization/dinsos-dumai"), 0u);
  v1::ListRealizationsRequest list;
  v1::ListRealizationsResponse listed;
  ASSERT_THAT(
      server_->realization().ListRealizations(ContextAs(TokenOf("iwan")).get(), list, &listed),
      IsOk());
  EXPECT_EQ(listed.realizations_size(), 0);
  list.set_agency(kOther);
  ASSERT_THAT(
      server_->realization().ListRealizations(ContextAs(TokenOf("iwan")).get(), list, &listed),
      IsOk());
  EXPECT_EQ(listed.realizations_size(), 1);

  // The audit history of USL-0001 is the asked agency's proposal only.
  v1::GetHistoryRequest history;
  history.set_proposal_id("USL-0001");
  history.set_agency(kOther);
  v1::GetHistoryResponse events;
  ASSERT_THAT(server_->audit().GetHistory(ContextAs(TokenOf("iwan")).get(), history, &events),
              IsOk());
  ASSERT_EQ(events.events_size(), 1);
  EXPECT_EQ(events.events(0).envelope().stream(), "proposal/dinsos-bengkalis/USL-0001");
  history.clear_agency();
  ASSERT_THAT(server_->audit().GetHistory(ContextAs(TokenOf("iwan")).get(), history, &events),
              IsOk());
  ASSERT_EQ(events.events_size(), 1);
  EXPECT_EQ(events.events(0).envelope().stream(), "proposal/USL-0001");
}

TEST_F(AgencyPlansTest, AnUnknownAgencyIsNotFoundAndChangesNothing) {
  const uint64_t head = server_->store().Head().sequence;
  const std::string expected = "agency: no agency DINKES-NOWHERE";
  std::vector<grpc::Status> refused;

  v1::GetPlanRequest get;
  get.set_agency("DINKES-NOWHERE");
  v1::GetPlanResponse plan;
  refused.push_back(server_->plan().GetPlan(ContextAs(TokenOf("iwan")).get(), get, &plan));

  v1::ImportTableRequest import;
  import.set_request_id("import-nowhere");
  import.set_agency("DINKES-NOWHERE");
  import.set_content(ReadSeedDocument());
  import.set_source_name("renstra.txt");
  v1::ImportTableResponse imported;
  refused.push_back(
      server_->plan().ImportTable(ContextAs(TokenOf("admin")).get(), import, &imported));

  v1::ProposeRequest propose = TargetProposal("propose-nowhere", "220 Orang");
  propose.set_agency("DINKES-NOWHERE");
  v1::ProposalView proposal;
  refused.push_back(
      server_->workflow().Propose(ContextAs(TokenOf("rehab")).get(), propose, &proposal));

  v1::RecordAchievementRequest achieve = RehabAchievement("achieve-nowhere");
  achieve.set_agency("DINKES-NOWHERE");
  v1::RealizationView recorded;
  refused.push_back(server_->realization().RecordAchievement(ContextAs(TokenOf("rehab")).get(),
                                                             achieve, &recorded));

  v1::DiffVersionsRequest diff;
  diff.set_agency("DINKES-NOWHERE");
  diff.set_from_version(1);
  diff.set_to_version(2);
  v1::DiffVersionsResponse diffed;
  refused.push_back(server_->audit().DiffVersions(ContextAs(TokenOf("iwan")).get(), diff, &diffed));

  v1::ReadEventsRequest read;
  read.set_agency("DINKES-NOWHERE");
  v1::ReadEventsResponse page;
  refused.push_back(server_->audit().ReadEvents(ContextAs(TokenOf("iwan")).get(), read, &page));

  v1::FollowRequest follow;
  follow.set_agency("DINKES-NOWHERE");
  auto follow_context = ContextAs(TokenOf("iwan"));
  auto feed = server_->audit().Follow(follow_context.get(), follow);
  v1::AuditEvent sent;
  EXPECT_FALSE(feed->Read(&sent));
  refused.push_back(feed->Finish());

  for (const grpc::Status& status : refused) {
    EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
    EXPECT_EQ(status.error_message(), expected);
  }
  EXPECT_EQ(server_->store().Head().sequence, head);
}

TEST_F(AgencyPlansTest, AMalformedAgencyCodeIsInvalidArgumentAndChangesNothing) {
  const uint64_t head = server_->store().Head().sequence;
  v1::GetPlanRequest get;
  get.set_agency("dinsos-dumai");
  v1::GetPlanResponse plan;
  grpc::Status read = server_->plan().GetPlan(ContextAs(TokenOf("iwan")).get(), get, &plan);
  EXPECT_EQ(read.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(read.error_message(),
            "agency: \"dinsos-dumai\" is not a code (2 to 40 characters: uppercase letters, "
            "digits, '-' or '_', starting with a letter)");

  v1::ProposeRequest propose = TargetProposal("propose-malformed", "220 Orang");
  propose.set_agency("../x");
  v1::ProposalView proposal;
  grpc::Status write =
      server_->workflow().Propose(ContextAs(TokenOf("rehab")).get(), propose, &proposal);
  EXPECT_EQ(write.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(write.error_message(),
            "agency: \"../x\" is not a code (2 to 40 characters: uppercase letters, "
            "digits, '-' or '_', starting with a letter)");
  EXPECT_EQ(server_->store().Head().sequence, head);
}

// Every event of the log read with an agency filter, page by page: exactly that agency's
// streams, all of them, in log order; the same events the live feed sends.
std::vector<v1::EventEnvelope> ReadAgencyEvents(v1::AuditService::Stub& audit,
                                                const std::string& token,
                                                const std::string& agency) {
  std::vector<v1::EventEnvelope> out;
  v1::ReadEventsRequest request;
  request.set_agency(agency);
  request.set_from_sequence(1);
  while (true) {
    v1::ReadEventsResponse page;
    EXPECT_THAT(audit.ReadEvents(ContextAs(token).get(), request, &page), IsOk());
    for (const v1::EventEnvelope& e : page.events()) out.push_back(e);
    if (page.next_sequence() == 0) break;
    request.set_from_sequence(page.next_sequence());
  }
  return out;
}

TEST_F(AgencyPlansTest, AnAgencysFeedHoldsOnlyItsOwnEvents) {
  ASSERT_NO_FATAL_FAILURE(SetUpOtherAgency());
  v1::ProposalView proposal, seed_proposal;
  ASSERT_NO_FATAL_FAILURE(ProposeInBoth(&proposal, &seed_proposal));
  ASSERT_NO_FATAL_FAILURE(RecordInOther());

  // The other agency: its agency stream (created), its whole plan, its proposal and its
  // realization — nothing of the seed agency's, of users or of sessions.
  const std::vector<v1::EventEnvelope> other =
      ReadAgencyEvents(server_->audit(), TokenOf("iwan"), kOther);
  std::map<std::string, int> per_stream;
  for (const v1::EventEnvelope& e : other) ++per_stream[e.stream()];
  const std::map<std::string, int> expected = {
      {"agency/DINSOS-BENGKALIS", 1},
      {"plan/dinsos-bengkalis", static_cast<int>(imported_.plan_version())},
      {"proposal/dinsos-bengkalis/USL-0001", 1},
      {"realization/dinsos-bengkalis", 1},
  };
  EXPECT_EQ(per_stream, expected);
  for (size_t i = 1; i < other.size(); ++i) {
    EXPECT_LT(other[i - 1].sequence(), other[i].sequence());
  }

  // The seed agency by its code: its own streams, its proposal under the name the
  // one-agency server gave it, none of the other agency's.
  per_stream.clear();
  for (const v1::EventEnvelope& e :
       ReadAgencyEvents(server_->audit(), TokenOf("iwan"), "DINSOS-DUMAI")) {
    ++per_stream[e.stream()];
  }
  EXPECT_EQ(per_stream.count("proposal/USL-0001"), 1u);
  EXPECT_EQ(per_stream.count("plan/dinsos-dumai"), 1u);
  EXPECT_EQ(per_stream.count("agency/DINSOS-DUMAI"), 1u);
  for (const auto& [stream, count] : per_stream) {
    EXPECT_THAT(stream, ::testing::Not(::testing::HasSubstr("bengkalis"))) << stream;
    EXPECT_THAT(stream, ::testing::Not(::testing::StartsWith("user"))) << stream;
  }

  // The live feed with the same filter sends the same events, in the same order.
  v1::FollowRequest follow;
  follow.set_agency(kOther);
  auto context = ContextAs(TokenOf("iwan"));
  auto feed = server_->audit().Follow(context.get(), follow);
  v1::AuditEvent event;
  for (const v1::EventEnvelope& want : other) {
    ASSERT_TRUE(feed->Read(&event));
    EXPECT_EQ(event.envelope().sequence(), want.sequence());
  }
  context->TryCancel();
  (void)feed->Finish();

  // Unfiltered, a page is the whole log from its start, as before.
  v1::ReadEventsRequest all;
  all.set_from_sequence(1);
  all.set_limit(5);
  v1::ReadEventsResponse page;
  ASSERT_THAT(server_->audit().ReadEvents(ContextAs(TokenOf("iwan")).get(), all, &page), IsOk());
  ASSERT_EQ(page.events_size(), 5);
  EXPECT_EQ(page.events(4).sequence(), 5u);
  EXPECT_EQ(page.next_sequence(), 6u);
}

// The Inspektorat's view across the Pemda: every agency, by code, with its Renstra's
// state — one with a plan and a draft, the default one, and one with no plan yet.
TEST_F(AgencyPlansTest, ThePemdaWideListShowsEveryAgencysRenstra) {
  ASSERT_NO_FATAL_FAILURE(SetUpOtherAgency());
  v1::ProposeRequest draft = TargetProposal("propose-other", "230 Orang");
  draft.set_agency(kOther);
  v1::ProposalView proposal;
  ASSERT_THAT(server_->workflow().Propose(ContextAs(TokenOf(kOtherHead)).get(), draft, &proposal),
              IsOk());
  v1::CreateAgencyRequest create;
  create.set_request_id("create-dinkes");
  create.set_code("DINKES-DUMAI");
  create.set_name("Dinas Kesehatan Kota Dumai");
  create.set_pemda("Kota Dumai");
  v1::AgencyView created;
  ASSERT_THAT(server_->agency().CreateAgency(ContextAs(TokenOf("admin")).get(), create, &created),
              IsOk());
  v1::ValidateResponse validated;
  ASSERT_THAT(server_->plan().Validate(ContextAs(TokenOf("iwan")).get(), {}, &validated), IsOk());
  const uint64_t head = server_->store().Head().sequence;

  v1::ListAgencyPlansResponse list;
  ASSERT_THAT(server_->agency().ListAgencyPlans(ContextAs(TokenOf("iwan")).get(), {}, &list),
              IsOk());
  ASSERT_EQ(list.agencies_size(), 3);
  const v1::AgencyPlanSummary& other = list.agencies(1);
  EXPECT_EQ(other.agency(), kOther);
  EXPECT_EQ(other.name(), "Dinas Sosial Kabupaten Bengkalis");
  EXPECT_EQ(other.pemda(), "Kabupaten Bengkalis");
  EXPECT_FALSE(other.default_agency());
  EXPECT_EQ(other.plan_id(), "plan/dinsos-bengkalis");
  EXPECT_EQ(other.plan_version(), 1324);
  EXPECT_EQ(other.revisions(), 0);
  EXPECT_EQ(other.open_revision(), "");
  EXPECT_FALSE(other.locked());
  EXPECT_EQ(other.findings(), validated.findings_size());
  EXPECT_EQ(other.open_proposals(), 1);

  const v1::AgencyPlanSummary& dinkes = list.agencies(0);
  EXPECT_EQ(dinkes.agency(), "DINKES-DUMAI");
  EXPECT_EQ(dinkes.plan_id(), "plan/dinkes-dumai");
  EXPECT_EQ(dinkes.plan_version(), 0);
  EXPECT_EQ(dinkes.findings(), 0);
  EXPECT_EQ(dinkes.open_proposals(), 0);

  const v1::AgencyPlanSummary& seed = list.agencies(2);
  EXPECT_EQ(seed.agency(), "DINSOS-DUMAI");
  EXPECT_EQ(seed.name(), "Dinas Sosial dan Pemberdayaan Masyarakat Kota Dumai");
  EXPECT_TRUE(seed.default_agency());
  EXPECT_EQ(seed.plan_id(), "plan/dinsos-dumai");
  EXPECT_EQ(seed.plan_version(), 1324);
  EXPECT_EQ(seed.findings(), validated.findings_size());
  EXPECT_EQ(seed.findings(), kSeedFindings);
  EXPECT_EQ(seed.open_proposals(), 0);
  EXPECT_EQ(server_->store().Head().sequence, head);  // a read appends nothing
  EXPECT_FALSE(seed.has_year_figures());              // no year asked

  // A year's capaian and serapan beside each planned agency: the other agency's one
  // realization, 150 of the 210 Orang planned for 2025, is its whole capaian.
  ASSERT_NO_FATAL_FAILURE(RecordInOther());
  v1::ListAgencyPlansRequest by_year;
  by_year.set_year(2025);
  ASSERT_THAT(server_->agency().ListAgencyPlans(ContextAs(TokenOf("iwan")).get(), by_year, &list),
              IsOk());
  ASSERT_EQ(list.agencies_size(), 3);
  EXPECT_FALSE(list.agencies(0).has_year_figures());  // DINKES-DUMAI has no plan
  const v1::AgencyYearFigures& other_2025 = list.agencies(1).year_figures();
  EXPECT_EQ(other_2025.year(), 2025);
  EXPECT_EQ(other_2025.indicators_judged(), 1);
  EXPECT_EQ(other_2025.capaian().text(), "71,43");
  EXPECT_EQ(other_2025.capaian_predikat(), "Cukup");
  EXPECT_FALSE(other_2025.serapan().computable());
  EXPECT_EQ(other_2025.serapan().reason(), "no spending recorded");
  EXPECT_TRUE(other_2025.funding().present());
  const v1::AgencyYearFigures& seed_2025 = list.agencies(2).year_figures();
  EXPECT_EQ(seed_2025.indicators_judged(), 0);
  EXPECT_EQ(seed_2025.indicators(), other_2025.indicators());  // the same document
  EXPECT_EQ(seed_2025.funding().rupiah(), other_2025.funding().rupiah());
  EXPECT_EQ(seed_2025.capaian().text(), "-");

  by_year.set_year(2030);
  grpc::Status refused =
      server_->agency().ListAgencyPlans(ContextAs(TokenOf("iwan")).get(), by_year, &list);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(refused.error_message(), "year 2030: must be a target year 2022..2026");
}

TEST_F(AgencyPlansTest, TheOtherPlanIsRebuiltFromTheLogAsARestartBuildsIt) {
  ASSERT_NO_FATAL_FAILURE(SetUpOtherAgency());
  v1::ProposeRequest in_other = TargetProposal("propose-other", "230 Orang");
  in_other.set_agency(kOther);
  v1::ProposalView proposed;
  ASSERT_THAT(
      server_->workflow().Propose(ContextAs(TokenOf(kOtherHead)).get(), in_other, &proposed),
      IsOk());

  PlanApp rebuilt(&server_->store(), AgencyPlans::PlanIdOf(kOther), "dinsos-bengkalis");
  ASSERT_THAT(rebuilt.Recover(), IsOk());
  EXPECT_EQ(rebuilt.GetPlan().plan().version(), PlanOf(kOther).version());
  const std::vector<std::string> ids =
      rebuilt.projector()->Read([](const PlanState&, const ProposalBook& book) {
        std::vector<std::string> out;
        for (const auto& [id, p] : book.all()) out.push_back(id + " " + p.title);
        return out;
      });
  EXPECT_THAT(ids, ::testing::ElementsAre("USL-0001 " + in_other.title()));
  // The default plan's projections hold none of it.
  EXPECT_EQ(server_->app().projector()->Read(
                [](const PlanState&, const ProposalBook& book) { return book.all().size(); }),
            0u);
}

TEST_F(AgencyPlansTest, AUserOfOneAgencyChangesOnlyItsRenstra) {
  ASSERT_NO_FATAL_FAILURE(SetUpOtherAgency());
  const uint64_t head = server_->store().Head().sequence;
  struct Refusal {
    grpc::Status status;
    std::string message;
  };
  std::vector<Refusal> refused;

  v1::ProposeRequest in_other = TargetProposal("propose-other", "230 Orang");
  in_other.set_agency(kOther);
  v1::ProposalView proposal;
  refused.push_back(
      {server_->workflow().Propose(ContextAs(TokenOf("rehab")).get(), in_other, &proposal),
       "rule: rehab works for DINSOS-DUMAI; the Renstra of DINSOS-BENGKALIS is another "
       "agency's"});
  // No agency named: the default agency's plan, which is not theirs.
  refused.push_back(
      {server_->workflow().Propose(ContextAs(TokenOf(kOtherHead)).get(),
                                   TargetProposal("propose-seed", "220 Orang"), &proposal),
       "rule: rehab-bengkalis works for DINSOS-BENGKALIS; the Renstra of "
       "DINSOS-DUMAI is another agency's"});
  v1::RecordAchievementRequest achieve = RehabAchievement("achieve-other");
  achieve.set_agency(kOther);
  v1::RealizationView recorded;
  refused.push_back({server_->realization().RecordAchievement(ContextAs(TokenOf("rehab")).get(),
                                                              achieve, &recorded),
                     "rule: rehab works for DINSOS-DUMAI; the Renstra of DINSOS-BENGKALIS is "
                     "another agency's"});
  v1::LockPlanRequest lock;
  lock.set_agency(kOther);
  v1::LockPlanResponse locked;
  refused.push_back({server_->workflow().LockPlan(ContextAs(TokenOf("kadis")).get(), lock, &locked),
                     "rule: kadis works for DINSOS-DUMAI; the Renstra of DINSOS-BENGKALIS is "
                     "another agency's"});
  for (const Refusal& r : refused) {
    EXPECT_EQ(r.status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
    EXPECT_EQ(r.status.error_message(), r.message);
  }
  // Nothing appended but the refusals' record on audit/denied.
  EXPECT_EQ(server_->store().StreamVersion("proposal/dinsos-bengkalis/USL-0001"), 0u);
  EXPECT_EQ(server_->store().StreamVersion("proposal/USL-0001"), 0u);
  EXPECT_EQ(server_->store().StreamVersion("realization/dinsos-bengkalis"), 0u);
  EXPECT_EQ(server_->store().Head().sequence - head,
            server_->store().StreamVersion("audit/denied"));

  // Their own agency's plan they change; the Inspektorat reads both.
  ASSERT_THAT(
      server_->workflow().Propose(ContextAs(TokenOf(kOtherHead)).get(), in_other, &proposal),
      IsOk());
  EXPECT_EQ(proposal.proposal_id(), "USL-0001");
  EXPECT_EQ(PlanOf(kOther).plan_id(), "plan/dinsos-bengkalis");
}

TEST(AgencyPlanNames, PlanIdsFollowTheAgencyCode) {
  EXPECT_EQ(AgencyPlans::PlanIdOf("DINSOS-DUMAI"), "plan/dinsos-dumai");
  EXPECT_EQ(AgencyPlans::AgencyOfPlan("plan/dinsos-dumai"), "DINSOS-DUMAI");
  EXPECT_EQ(AgencyPlans::AgencyOfPlan(AgencyPlans::PlanIdOf("BAPPEDA_2")), "BAPPEDA_2");
}

TEST(ProposalStreams, EachPlanReadsOnlyItsScope) {
  EXPECT_EQ(ProposalBook::StreamOf("USL-0001"), "proposal/USL-0001");
  EXPECT_EQ(ProposalBook::StreamOf("dinkes", "USL-0001"), "proposal/dinkes/USL-0001");
  EXPECT_TRUE(ProposalBook::InScope("proposal/USL-0001", ""));
  EXPECT_FALSE(ProposalBook::InScope("proposal/dinkes/USL-0001", ""));
  EXPECT_TRUE(ProposalBook::InScope("proposal/dinkes/USL-0001", "dinkes"));
  EXPECT_FALSE(ProposalBook::InScope("proposal/dinkes-dumai/USL-0001", "dinkes"));
  EXPECT_FALSE(ProposalBook::InScope("proposal/USL-0001", "dinkes"));
  EXPECT_FALSE(ProposalBook::InScope("proposal/dinkes/", "dinkes"));
  EXPECT_FALSE(ProposalBook::InScope("plan/dinkes", "dinkes"));
  EXPECT_EQ(ProposalBook::IdOf("proposal/dinkes/USL-0007"), "USL-0007");
  EXPECT_EQ(ProposalBook::IdOf("proposal/USL-0007"), "USL-0007");
}

}  // namespace
}  // namespace renstra::testing
