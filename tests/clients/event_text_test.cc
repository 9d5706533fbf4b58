#include "clients/event_text.h"

#include <google/protobuf/descriptor.h>
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "renstra/v1/agency.pb.h"
#include "renstra/v1/events.pb.h"
#include "renstra/v1/realization.pb.h"
#include "renstra/v1/users.pb.h"
#include "renstra/v1/workflow.pb.h"

namespace renstra {
namespace {

using google::protobuf::Descriptor;
using DescriptionTable = std::map<std::string_view, std::string_view>;

// Every kind of event the log can hold, read from the protobuf descriptors: each message
// of each oneof of the event containers, and the events the server writes alone.
std::vector<std::string> AllEventKinds() {
  std::vector<std::string> kinds;
  for (const Descriptor* container : {v1::PlanEvent::descriptor(), v1::ProposalEvent::descriptor(),
                                      v1::RealizationEvent::descriptor(),
                                      v1::UserEvent::descriptor(), v1::AgencyEvent::descriptor()}) {
    for (int o = 0; o < container->oneof_decl_count(); ++o) {
      const google::protobuf::OneofDescriptor* oneof = container->oneof_decl(o);
      for (int f = 0; f < oneof->field_count(); ++f) {
        kinds.push_back(oneof->field(f)->message_type()->name());
      }
    }
  }
  for (const Descriptor* alone :
       {v1::AccessDenied::descriptor(), v1::AccessDeniedSummary::descriptor(),
        v1::LogLossAccepted::descriptor()}) {
    kinds.push_back(alone->name());
  }
  return kinds;
}

std::vector<std::string> Undescribed(const DescriptionTable& table) {
  std::vector<std::string> missing;
  for (const std::string& kind : AllEventKinds()) {
    const auto found = table.find(kind);
    if (found == table.end() || found->second.empty()) missing.push_back(kind);
  }
  return missing;
}

TEST(EventTextTest, EveryEventKindOfTheOneofsHasAnIndonesianDescription) {
  EXPECT_EQ(Undescribed(EventKindDescriptions()), std::vector<std::string>{});
  // And the table describes nothing else (a renamed kind would leave a stale entry).
  EXPECT_EQ(EventKindDescriptions().size(), AllEventKinds().size());
  EXPECT_EQ(AllEventKinds().size(), 37u);
}

TEST(EventTextTest, TheDescriptorWalkCatchesAKindLeftUntranslated) {
  DescriptionTable table = EventKindDescriptions();
  table.erase("ProposalReviewed");
  table["UserEnabled"] = "";
  EXPECT_EQ(Undescribed(table), (std::vector<std::string>{"ProposalReviewed", "UserEnabled"}));
}

v1::AuditEvent ProposalAudit(const v1::ProposalEvent& event, const std::string& type,
                             const std::string& summary) {
  v1::AuditEvent audit;
  v1::EventEnvelope* env = audit.mutable_envelope();
  env->set_stream("proposal/USL-0001");
  env->set_event_type(type);
  event.SerializeToString(env->mutable_payload());
  audit.set_summary(summary);
  return audit;
}

TEST(EventTextTest, DescribesADraftedProposalInIndonesian) {
  v1::ProposalEvent event;
  event.mutable_drafted()->set_proposer("rehab");
  event.mutable_drafted()->set_title("Target permakanaan 2025");
  event.mutable_drafted()->set_justification("Jumlah penerima bertambah");
  event.mutable_drafted()->add_changes();
  const v1::AuditEvent audit = ProposalAudit(event, "renstra.v1.ProposalDrafted", "ignored");
  EXPECT_EQ(EventKindOf(audit.envelope()), "ProposalDrafted");
  EXPECT_EQ(DescribeAuditEvent(audit),
            "usulan dibuat: USL-0001 oleh rehab: Target permakanaan 2025 (1 perubahan): "
            "Jumlah penerima bertambah");
}

TEST(EventTextTest, NamesAReviewsOutcomeAsTheSeedDoes) {
  v1::ProposalEvent event;
  event.mutable_reviewed()->set_decision(v1::ProposalReviewed::RETURN);
  event.mutable_reviewed()->set_note("Lengkapi data");
  EXPECT_EQ(DescribeAuditEvent(ProposalAudit(event, "renstra.v1.ProposalReviewed", "x")),
            "usulan diputuskan: USL-0001 dikembalikan: Lengkapi data");
}

TEST(EventTextTest, AnEnvelopeTypedByItsContainerIsDescribedByItsOneofCase) {
  v1::PlanEvent event;
  event.mutable_funding_set()->set_node_code("1.06.04.2.01.0001");
  event.mutable_funding_set()->set_year(2025);
  event.mutable_funding_set()->mutable_amount()->set_rupiah(180000000);
  event.mutable_funding_set()->mutable_amount()->set_present(true);
  v1::AuditEvent audit;
  audit.mutable_envelope()->set_stream("plan/dinsos-dumai");
  audit.mutable_envelope()->set_event_type("renstra.v1.PlanEvent");
  event.SerializeToString(audit.mutable_envelope()->mutable_payload());
  EXPECT_EQ(EventKindOf(audit.envelope()), "FundingSet");
  EXPECT_EQ(DescribeAuditEvent(audit), "pagu ditetapkan: 1.06.04.2.01.0001 2025 = Rp 180.000.000");
}

v1::AuditEvent RealizationAudit(const v1::RealizationEvent& event, const std::string& type) {
  v1::AuditEvent audit;
  audit.mutable_envelope()->set_stream("realization/RLZ-000003");
  audit.mutable_envelope()->set_event_type(type);
  event.SerializeToString(audit.mutable_envelope()->mutable_payload());
  return audit;
}

// A triwulan record of spending states only an amount: without the quarter named, the
// line would read as the whole year's spending.
TEST(EventTextTest, NamesTheTriwulanOfASpendingRecordAndOfItsCorrection) {
  v1::RealizationEvent spent;
  spent.mutable_spending_recorded()->set_realization_id("RLZ-000003");
  spent.mutable_spending_recorded()->set_node_code("1.06.04.2.01.0001");
  spent.mutable_spending_recorded()->set_year(2025);
  spent.mutable_spending_recorded()->set_quarter(2);
  spent.mutable_spending_recorded()->mutable_spent()->set_rupiah(40000000);
  spent.mutable_spending_recorded()->mutable_spent()->set_present(true);
  EXPECT_EQ(DescribeAuditEvent(RealizationAudit(spent, "renstra.v1.SpendingRecorded")),
            "realisasi anggaran dicatat: RLZ-000003 1.06.04.2.01.0001 2025 TW II = Rp 40.000.000");

  v1::RealizationEvent corrected;
  corrected.mutable_corrected()->set_realization_id("RLZ-000004");
  corrected.mutable_corrected()->set_corrects_id("RLZ-000003");
  corrected.mutable_corrected()->set_node_code("1.06.04.2.01.0001");
  corrected.mutable_corrected()->set_year(2025);
  corrected.mutable_corrected()->set_quarter(2);
  corrected.mutable_corrected()->mutable_spent()->set_rupiah(45000000);
  corrected.mutable_corrected()->mutable_spent()->set_present(true);
  EXPECT_EQ(DescribeAuditEvent(RealizationAudit(corrected, "renstra.v1.RealizationCorrected")),
            "realisasi dikoreksi: RLZ-000004 mengoreksi RLZ-000003: 1.06.04.2.01.0001 2025 TW II "
            "= Rp 45.000.000");

  spent.mutable_spending_recorded()->set_quarter(0);
  EXPECT_EQ(DescribeAuditEvent(RealizationAudit(spent, "renstra.v1.SpendingRecorded")),
            "realisasi anggaran dicatat: RLZ-000003 1.06.04.2.01.0001 2025 = Rp 40.000.000");
}

TEST(EventTextTest, ARatificationNamesTheFindingsItAcceptedAndWhy) {
  v1::PlanEvent event;
  v1::RevisionRatified* r = event.mutable_revision_ratified();
  r->set_revision_id("REV-1");
  r->set_name("Perubahan Renstra 2025");
  r->set_legal_basis("Perwako Dumai No. 12 Tahun 2025");
  r->add_proposal_ids("USL-0001");
  v1::Finding* finding = r->add_accepted_findings();
  finding->set_kind(v1::Finding::PARENT_CHILDREN_FUNDING);
  finding->set_code("1.06.04.2.01");
  finding->set_year(2025);
  finding = r->add_accepted_findings();
  finding->set_kind(v1::Finding::ROW_FUNDING_TOTAL);
  finding->set_code("1.06.04.2.01.0002");
  r->set_accept_reason("Pagu disesuaikan pada APBD-P");
  v1::AuditEvent audit;
  audit.mutable_envelope()->set_stream("plan/dinsos-dumai");
  audit.mutable_envelope()->set_event_type("renstra.v1.PlanEvent");
  event.SerializeToString(audit.mutable_envelope()->mutable_payload());
  EXPECT_EQ(DescribeAuditEvent(audit),
            "perubahan renstra disahkan: REV-1 Perubahan Renstra 2025 (dasar hukum Perwako Dumai "
            "No. 12 Tahun 2025), usulan USL-0001; temuan yang diterima: PARENT_CHILDREN_FUNDING "
            "1.06.04.2.01 tahun 2025, ROW_FUNDING_TOTAL 1.06.04.2.01.0002; alasan: Pagu "
            "disesuaikan pada APBD-P");
}

TEST(EventTextTest, AnUnknownKindKeepsItsNameAndTheServersSummary) {
  v1::AuditEvent audit;
  audit.mutable_envelope()->set_event_type("renstra.v1.FooHappened");
  audit.mutable_envelope()->set_payload("\xff");
  audit.set_summary("FooHappened bar 7");
  EXPECT_EQ(DescribeAuditEvent(audit), "peristiwa FooHappened: bar 7");
}

}  // namespace
}  // namespace renstra
