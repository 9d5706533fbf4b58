#include "clients/event_text.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "clients/cli_app.h"
#include "domain/money.h"
#include "domain/target_value.h"
#include "renstra/v1/agency.pb.h"
#include "renstra/v1/events.pb.h"
#include "renstra/v1/realization.pb.h"
#include "renstra/v1/users.pb.h"
#include "renstra/v1/workflow.pb.h"

namespace renstra {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

constexpr std::string_view kPackage = "renstra.v1.";

// The messages whose oneof `kind` names an event (the payload is the container).
const std::vector<const Descriptor*>& Containers() {
  static const auto* const kContainers = new std::vector<const Descriptor*>{
      v1::PlanEvent::descriptor(), v1::ProposalEvent::descriptor(),
      v1::RealizationEvent::descriptor(), v1::UserEvent::descriptor(),
      v1::AgencyEvent::descriptor()};
  return *kContainers;
}

// The container whose oneof holds `kind`, or null.
const Descriptor* ContainerOf(std::string_view kind) {
  for (const Descriptor* container : Containers()) {
    for (int i = 0; i < container->field_count(); ++i) {
      const FieldDescriptor* field = container->field(i);
      if (field->real_containing_oneof() != nullptr && field->message_type() != nullptr &&
          field->message_type()->name() == kind) {
        return container;
      }
    }
  }
  return nullptr;
}

const Descriptor* ContainerNamed(std::string_view name) {
  for (const Descriptor* container : Containers()) {
    if (container->name() == name) return container;
  }
  return nullptr;
}

std::string Suffix(const std::string& text) { return text.empty() ? "" : ": " + text; }

std::string Rupiah(const v1::Money& amount) {
  const Money money = Money::FromProto(amount);
  return money.present() ? "Rp " + money.ToIndonesian() : "-";
}

std::string Target(const v1::TargetValue& value) {
  const std::string shown = TargetValue::FromProto(value).Display();
  return shown.empty() ? "-" : shown;
}

std::string Changes(int count) { return absl::StrCat(" (", count, " perubahan)"); }

std::string Evidence(const std::string& ref) {
  return ref.empty() ? "" : absl::StrCat(" (bukti ", ref, ")");
}

// " TW III" for a triwulan record (quarter 1..4), "" for a year record (quarter 0).
std::string Quarter(int32_t quarter) {
  static constexpr const char* kNames[] = {"I", "II", "III", "IV"};
  if (quarter < 1 || quarter > 4) return "";
  return absl::StrCat(" TW ", kNames[quarter - 1]);
}

// "95 Orang", or the quarters given: "TW I 20 Orang, TW II 30 Orang".
std::string Achieved(const v1::AchievedValue& v) {
  if (v.has_yearly()) return Target(v.yearly());
  std::vector<std::string> parts;
  if (v.has_q1()) parts.push_back("TW I " + Target(v.q1()));
  if (v.has_q2()) parts.push_back("TW II " + Target(v.q2()));
  if (v.has_q3()) parts.push_back("TW III " + Target(v.q3()));
  if (v.has_q4()) parts.push_back("TW IV " + Target(v.q4()));
  return parts.empty() ? "-" : absl::StrJoin(parts, ", ");
}

std::string PlanDetail(const v1::PlanEvent& event) {
  switch (event.kind_case()) {
    case v1::PlanEvent::kPlanEstablished: {
      const auto& e = event.plan_established();
      return absl::StrCat(e.plan_id(), " ", e.agency(), " ", e.baseline_year(), "-",
                          e.final_year());
    }
    case v1::PlanEvent::kGoalDefined:
      return absl::StrCat(event.goal_defined().goal_id(), " ", event.goal_defined().statement());
    case v1::PlanEvent::kObjectiveDefined:
      return absl::StrCat(event.objective_defined().objective_id(), " ",
                          event.objective_defined().statement());
    case v1::PlanEvent::kNodeAdded:
      return absl::StrCat(event.node_added().code(), " ", event.node_added().name());
    case v1::PlanEvent::kIndicatorDefined: {
      const auto& e = event.indicator_defined();
      return absl::StrCat(e.indicator_id(), " ", e.statement(), " (", e.unit(), ")");
    }
    case v1::PlanEvent::kTargetSet: {
      const auto& e = event.target_set();
      return absl::StrCat(e.indicator_id(), " ", e.year(), " = ", Target(e.value()));
    }
    case v1::PlanEvent::kFundingSet: {
      const auto& e = event.funding_set();
      return absl::StrCat(e.node_code(), " ", e.year(), " = ", Rupiah(e.amount()));
    }
    case v1::PlanEvent::kImportReported: {
      const auto& e = event.import_reported();
      return absl::StrCat(e.findings_size(), " temuan, ", e.lines_read(), " baris dibaca, ",
                          e.rows_used(), " baris dipakai");
    }
    case v1::PlanEvent::kRevisionOpened:
      return absl::StrCat(event.revision_opened().revision_id(), " ",
                          event.revision_opened().name());
    case v1::PlanEvent::kRevisionRatified: {
      const auto& e = event.revision_ratified();
      std::string out =
          absl::StrCat(e.revision_id(), " ", e.name(), " (dasar hukum ", e.legal_basis(),
                       "), usulan ", absl::StrJoin(e.proposal_ids(), ", "));
      if (e.accepted_findings_size() > 0) {
        std::vector<std::string> labels;
        for (const v1::Finding& f : e.accepted_findings()) {
          std::string label = absl::StrCat(v1::Finding::Kind_Name(f.kind()), " ", f.code());
          if (f.year() != 0) absl::StrAppend(&label, " tahun ", f.year());
          labels.push_back(std::move(label));
        }
        absl::StrAppend(&out, "; temuan yang diterima: ", absl::StrJoin(labels, ", "),
                        "; alasan: ", e.accept_reason());
      }
      return out;
    }
    case v1::PlanEvent::kIndicatorReplaced: {
      const auto& e = event.indicator_replaced();
      return absl::StrCat(e.indicator_id(), " diganti ", e.new_indicator_id(), " mulai ",
                          e.from_year(), ": ", e.statement(), " (", e.unit(), ")");
    }
    case v1::PlanEvent::kNodeRetired:
      return absl::StrCat(event.node_retired().code(), " mulai ", event.node_retired().from_year());
    case v1::PlanEvent::kPlanLocked:
      return absl::StrCat("perubahan ke-", event.plan_locked().revision_number());
    case v1::PlanEvent::kEndConditionSet: {
      const auto& e = event.end_condition_set();
      std::string out = e.indicator_id();
      if (e.has_end_target()) absl::StrAppend(&out, " target = ", Target(e.end_target()));
      if (e.has_end_funding()) absl::StrAppend(&out, " Rp = ", Rupiah(e.end_funding()));
      return out;
    }
    case v1::PlanEvent::KIND_NOT_SET:
      break;
  }
  return "";
}

std::string ProposalDetail(const std::string& id, const v1::ProposalEvent& event) {
  switch (event.kind_case()) {
    case v1::ProposalEvent::kDrafted: {
      const auto& e = event.drafted();
      return absl::StrCat(id, " oleh ", e.proposer(), ": ", e.title(), Changes(e.changes_size()),
                          Suffix(e.justification()));
    }
    case v1::ProposalEvent::kRevised:
      return absl::StrCat(id, Changes(event.revised().changes_size()),
                          Suffix(event.revised().justification()));
    case v1::ProposalEvent::kSubmitted:
      return absl::StrCat(id, Suffix(event.submitted().note()));
    case v1::ProposalEvent::kWithdrawn:
      return absl::StrCat(id, Suffix(event.withdrawn().note()));
    case v1::ProposalEvent::kReviewed: {
      const char* outcome = "tanpa keputusan";
      switch (event.reviewed().decision()) {
        case v1::ProposalReviewed::APPROVE:
          outcome = "disetujui";
          break;
        case v1::ProposalReviewed::REJECT:
          outcome = "ditolak";
          break;
        case v1::ProposalReviewed::RETURN:
          outcome = "dikembalikan";
          break;
        default:
          break;
      }
      return absl::StrCat(id, " ", outcome, Suffix(event.reviewed().note()));
    }
    case v1::ProposalEvent::KIND_NOT_SET:
      break;
  }
  return "";
}

std::string RealizationDetail(const v1::RealizationEvent& event) {
  switch (event.kind_case()) {
    case v1::RealizationEvent::kAchievementRecorded: {
      const auto& e = event.achievement_recorded();
      return absl::StrCat(e.realization_id(), " ", e.indicator_id(), " ", e.year(), " = ",
                          Achieved(e.value()), Evidence(e.evidence_ref()), Suffix(e.note()));
    }
    case v1::RealizationEvent::kSpendingRecorded: {
      const auto& e = event.spending_recorded();
      return absl::StrCat(e.realization_id(), " ", e.node_code(), " ", e.year(),
                          Quarter(e.quarter()), " = ", Rupiah(e.spent()),
                          Evidence(e.evidence_ref()), Suffix(e.note()));
    }
    case v1::RealizationEvent::kCorrected: {
      const auto& e = event.corrected();
      std::string value = "dibatalkan";
      if (e.has_achievement()) value = Achieved(e.achievement());
      if (e.has_spent()) value = Rupiah(e.spent());
      return absl::StrCat(e.realization_id(), " mengoreksi ", e.corrects_id(), ": ",
                          e.indicator_id().empty() ? e.node_code() : e.indicator_id(), " ",
                          e.year(), Quarter(e.quarter()), " = ", value, Evidence(e.evidence_ref()),
                          Suffix(e.note()));
    }
    case v1::RealizationEvent::KIND_NOT_SET:
      break;
  }
  return "";
}

std::string UserDetail(const v1::UserEvent& event) {
  switch (event.kind_case()) {
    case v1::UserEvent::kAdded: {
      const v1::UserEntry& u = event.added().user();
      std::string line = absl::StrCat(u.name(), " ", v1::Role::Value_Name(u.role()));
      if (u.division() != v1::DIVISION_UNSPECIFIED) {
        absl::StrAppend(&line, " ", v1::Division_Name(u.division()));
      }
      return line;
    }
    case v1::UserEvent::kDisabled:
      return event.disabled().name();
    case v1::UserEvent::kTokenRotated:
      return event.token_rotated().name();
    case v1::UserEvent::kEnabled:
      return event.enabled().name();
    case v1::UserEvent::kPasswordSet:
      return absl::StrCat(event.password_set().name(),
                          event.password_set().by_self() ? " oleh dirinya sendiri" : " oleh admin");
    case v1::UserEvent::KIND_NOT_SET:
      break;
  }
  return "";
}

std::string AgencyDetail(const v1::AgencyEvent& event) {
  switch (event.kind_case()) {
    case v1::AgencyEvent::kAgencyCreated: {
      const auto& e = event.agency_created();
      return absl::StrCat(e.code(), " ", e.name(), " (", e.pemda(), ")");
    }
    case v1::AgencyEvent::kAgencyRenamed:
      return absl::StrCat(event.agency_renamed().agency(), " ", event.agency_renamed().name());
    case v1::AgencyEvent::kAgencyRetired:
      return event.agency_retired().agency();
    case v1::AgencyEvent::kUnitCreated: {
      const auto& e = event.unit_created();
      return absl::StrCat(e.agency(), " ", e.unit(), " ", e.name());
    }
    case v1::AgencyEvent::kUnitRenamed: {
      const auto& e = event.unit_renamed();
      return absl::StrCat(e.agency(), " ", e.unit(), " ", e.name());
    }
    case v1::AgencyEvent::kUnitRetired:
      return absl::StrCat(event.unit_retired().agency(), " ", event.unit_retired().unit());
    case v1::AgencyEvent::kResponsibilityAssigned: {
      const auto& e = event.responsibility_assigned();
      // 0 is "since always" (the seed's assignments), not 1 January 1970.
      return absl::StrCat(e.agency(), " ", e.node(), " ", e.unit(), " berlaku sejak ",
                          e.effective_from_micros() == 0
                              ? std::string("awal")
                              : FormatWibMicros(e.effective_from_micros()),
                          ", versi renstra ", e.from_plan_version());
    }
    case v1::AgencyEvent::KIND_NOT_SET:
      break;
  }
  return "";
}

// What the event was about, decoded from the payload; "" when it does not decode.
std::string Detail(const v1::EventEnvelope& envelope, std::string_view kind) {
  const std::string& payload = envelope.payload();
  if (kind == "AccessDenied") {
    v1::AccessDenied e;
    if (!e.ParseFromString(payload)) return "";
    return absl::StrCat(e.code(), " ", e.method(), Suffix(e.message()));
  }
  if (kind == "AccessDeniedSummary") {
    v1::AccessDeniedSummary s;
    if (!s.ParseFromString(payload)) return "";
    return absl::StrCat(s.code(), " ", s.method(), " ", s.count(), " kali dari ", s.peer(),
                        s.principal().empty() ? "" : " oleh " + s.principal(), " antara ",
                        FormatWibMicros(s.first_micros()), " dan ",
                        FormatWibMicros(s.last_micros()), Suffix(s.message()));
  }
  if (kind == "LogLossAccepted") {
    v1::LogLossAccepted e;
    if (!e.ParseFromString(payload)) return "";
    return absl::StrCat("log diakui sampai #", e.acknowledged_sequence(), ", kepala log #",
                        e.head_sequence());
  }
  const Descriptor* container = ContainerOf(kind);
  if (container == v1::PlanEvent::descriptor()) {
    v1::PlanEvent e;
    return e.ParseFromString(payload) ? PlanDetail(e) : "";
  }
  if (container == v1::ProposalEvent::descriptor()) {
    v1::ProposalEvent e;
    const std::string& stream = envelope.stream();
    const std::string id = stream.substr(std::min(stream.find('/') + 1, stream.size()));
    return e.ParseFromString(payload) ? ProposalDetail(id, e) : "";
  }
  if (container == v1::RealizationEvent::descriptor()) {
    v1::RealizationEvent e;
    return e.ParseFromString(payload) ? RealizationDetail(e) : "";
  }
  if (container == v1::UserEvent::descriptor()) {
    v1::UserEvent e;
    return e.ParseFromString(payload) ? UserDetail(e) : "";
  }
  if (container == v1::AgencyEvent::descriptor()) {
    v1::AgencyEvent e;
    return e.ParseFromString(payload) ? AgencyDetail(e) : "";
  }
  return "";
}

}  // namespace

const std::map<std::string_view, std::string_view>& EventKindDescriptions() {
  static const auto* const kTable = new std::map<std::string_view, std::string_view>{
      // PlanEvent
      {"PlanEstablished", "renstra ditetapkan"},
      {"GoalDefined", "tujuan ditetapkan"},
      {"ObjectiveDefined", "sasaran ditetapkan"},
      {"NodeAdded", "nomenklatur ditambahkan"},
      {"IndicatorDefined", "indikator ditetapkan"},
      {"TargetSet", "target ditetapkan"},
      {"FundingSet", "pagu ditetapkan"},
      {"ImportReported", "hasil impor dicatat"},
      {"RevisionOpened", "perubahan renstra dibuka"},
      {"RevisionRatified", "perubahan renstra disahkan"},
      {"IndicatorReplaced", "indikator diganti"},
      {"NodeRetired", "sub kegiatan dihentikan"},
      {"PlanLocked", "renstra dikunci"},
      {"EndConditionSet", "kondisi akhir periode ditetapkan"},
      // ProposalEvent
      {"ProposalDrafted", "usulan dibuat"},
      {"ProposalRevised", "usulan diperbaiki"},
      {"ProposalSubmitted", "usulan diajukan"},
      {"ProposalWithdrawn", "usulan ditarik"},
      {"ProposalReviewed", "usulan diputuskan"},
      // RealizationEvent
      {"AchievementRecorded", "realisasi kinerja dicatat"},
      {"SpendingRecorded", "realisasi anggaran dicatat"},
      {"RealizationCorrected", "realisasi dikoreksi"},
      // UserEvent
      {"UserAdded", "pengguna ditambahkan"},
      {"UserDisabled", "pengguna dinonaktifkan"},
      {"UserTokenRotated", "token pengguna diganti"},
      {"UserEnabled", "pengguna diaktifkan kembali"},
      {"UserPasswordSet", "kata sandi pengguna ditetapkan"},
      // AgencyEvent
      {"AgencyCreated", "perangkat daerah dibuat"},
      {"AgencyRenamed", "perangkat daerah diganti nama"},
      {"AgencyRetired", "perangkat daerah dihentikan"},
      {"UnitCreated", "unit kerja dibuat"},
      {"UnitRenamed", "unit kerja diganti nama"},
      {"UnitRetired", "unit kerja dihentikan"},
      {"ResponsibilityAssigned", "penanggung jawab ditetapkan"},
      // Written by the server itself.
      {"AccessDenied", "akses ditolak"},
      {"AccessDeniedSummary", "ringkasan akses ditolak"},
      {"LogLossAccepted", "kehilangan log diterima"},
  };
  return *kTable;
}

std::string EventKindOf(const v1::EventEnvelope& envelope) {
  std::string_view type = envelope.event_type();
  if (type.substr(0, kPackage.size()) == kPackage) type.remove_prefix(kPackage.size());
  const Descriptor* container = ContainerNamed(type);
  if (container == nullptr) return std::string(type);
  // An envelope typed by its container: the kind is the oneof case set in the payload.
  std::unique_ptr<Message> payload(
      google::protobuf::MessageFactory::generated_factory()->GetPrototype(container)->New());
  if (!payload->ParseFromString(envelope.payload()) || container->oneof_decl_count() == 0) {
    return "";
  }
  const FieldDescriptor* set =
      payload->GetReflection()->GetOneofFieldDescriptor(*payload, container->oneof_decl(0));
  return set != nullptr && set->message_type() != nullptr ? set->message_type()->name() : "";
}

std::string DescribeAuditEvent(const v1::AuditEvent& event) {
  const std::string kind = EventKindOf(event.envelope());
  const auto& table = EventKindDescriptions();
  const auto found = table.find(kind);
  std::string line = found != table.end() ? std::string(found->second)
                     : kind.empty()       ? "peristiwa"
                                          : "peristiwa " + kind;
  std::string detail = Detail(event.envelope(), kind);
  if (detail.empty()) {
    // The server's summary after its type name, which is what the summary starts with.
    std::string_view summary = event.summary();
    const size_t space = summary.find(' ');
    detail = std::string(space == std::string_view::npos ? "" : summary.substr(space + 1));
  }
  if (!detail.empty()) absl::StrAppend(&line, ": ", detail);
  return line;
}

}  // namespace renstra
