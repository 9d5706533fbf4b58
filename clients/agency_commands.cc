#include "clients/agency_commands.h"

#include <iostream>
#include <string>

#include "CLI/CLI.hpp"
#include "absl/time/time.h"
#include "clients/cli_app.h"
#include "clients/cli_output.h"
#include "clients/terminal_text.h"
#include "domain/money.h"

namespace renstra {
namespace {

void PrintSummary(const v1::AgencyView& a, std::ostream& out) {
  out << Printable(a.code()) << "  " << Printable(a.name()) << "  (" << Printable(a.pemda()) << ")";
  if (a.retired()) out << "  DIHENTIKAN";
  out << "\n";
  for (const v1::UnitView& u : a.units()) {
    out << "  " << Printable(u.unit()) << "  " << v1::UnitKind::Value_Name(u.kind()) << "  "
        << Printable(u.name());
    if (u.retired()) out << "  DIHENTIKAN";
    out << "\n";
  }
}

void PrintAssignment(const v1::AssignmentView& a, std::ostream& out) {
  out << "  " << Printable(a.node()) << "  " << Printable(a.unit()) << "  berlaku sejak "
      << FormatWibMicros(a.effective_from_micros());
  if (a.from_plan_version() != 0) out << "  renstra versi " << a.from_plan_version();
  out << "  (peristiwa #" << a.sequence() << ")\n";
}

// The whole agency: units, the responsibility in effect, then every assignment recorded.
void PrintAgency(const v1::AgencyView& a, std::ostream& out) {
  PrintSummary(a, out);
  out << "penanggung jawab saat ini:\n";
  for (const v1::AssignmentView& row : a.assignments()) PrintAssignment(row, out);
  out << "riwayat (" << a.history_size() << " penetapan):\n";
  for (const v1::AssignmentView& row : a.history()) PrintAssignment(row, out);
}

// The Pemda-wide line of one agency and its Renstra.
void PrintPlanSummary(const v1::AgencyPlanSummary& s, std::ostream& out) {
  out << Printable(s.agency());
  if (!s.name().empty()) out << "  " << Printable(s.name());
  if (s.default_agency()) out << "  [bawaan]";
  if (s.retired()) out << "  DIHENTIKAN";
  out << "\n";
  if (s.plan_version() == 0) {
    out << "  belum ada renstra (" << Printable(s.plan_id()) << ")\n";
    return;
  }
  out << "  " << Printable(s.plan_id()) << " versi " << s.plan_version() << ", " << s.revisions()
      << " perubahan disahkan, perubahan terbuka: "
      << (s.open_revision().empty() ? "-" : Printable(s.open_revision()))
      << ", dikunci: " << (s.locked() ? "ya" : "tidak") << ", temuan: " << s.findings()
      << ", usulan berjalan: " << s.open_proposals() << "\n";
  if (!s.has_year_figures()) return;
  const v1::AgencyYearFigures& y = s.year_figures();
  const auto ratio = [](const v1::ReportRatio& r, const std::string& predikat) {
    if (!r.computable()) return "- (" + r.reason() + ")";
    return r.text() + "% (" + predikat + ")";
  };
  const auto rupiah = [](const v1::Money& m) {
    return m.present() ? "Rp " + Money::FromProto(m).ToIndonesian() : std::string("-");
  };
  out << "  " << y.year() << ": serapan " << ratio(y.serapan(), y.serapan_predikat()) << ", pagu "
      << rupiah(y.funding()) << ", belanja " << rupiah(y.spent()) << "; capaian "
      << ratio(y.capaian(), y.capaian_predikat()) << " atas " << y.indicators_judged() << " dari "
      << y.indicators() << " indikator bertarget\n";
}

}  // namespace

void AgencyCommands::Register(CLI::App* app) {
  CLI::App* agency = AddCommand(app, "agency", "Instansi, unitnya dan penanggung jawab");
  agency->require_subcommand(1);
  list_ = AddCommand(agency, "list", "Daftar instansi dan unitnya");
  plans_ = AddCommand(agency, "plans",
                      "Semua instansi dengan keadaan renstranya: versi, perubahan, kunci, "
                      "temuan dan usulan berjalan");
  plans_->add_option("--year", plans_year_,
                     "Juga capaian dan serapan tiap instansi pada tahun ini (2022-2026)");
  show_ = AddCommand(agency, "show",
                     "Tampilkan instansi: unit, penanggung jawab saat ini dan riwayatnya");
  show_->add_option("agency", agency_, "Kode instansi, mis. DINSOS-DUMAI")->required();
  create_ = AddCommand(agency, "create", "Buat instansi (peran ADMIN)");
  create_->add_option("agency", agency_, "Kode instansi baru, mis. DINKES-DUMAI")->required();
  create_->add_option("--name", name_, "Nama lengkap")->required();
  create_->add_option("--pemda", pemda_, "Pemdanya, mis. \"Kota Dumai\"")->required();
  unit_create_ = AddCommand(agency, "unit-create", "Buat unit pada instansi (peran ADMIN)");
  unit_create_->add_option("agency", agency_, "Kode instansi")->required();
  unit_create_->add_option("unit", unit_, "Kode unit baru, mis. KESMAS")->required();
  unit_create_->add_option("--name", name_, "Nama lengkap, mis. \"Bidang Kesehatan Masyarakat\"")
      ->required();
  unit_create_->add_option("--kind", kind_, "SEKRETARIAT, BIDANG atau UPT")->required();
  assign_ = AddCommand(agency, "assign",
                       "Tetapkan unit sebagai penanggung jawab program, kegiatan atau sub "
                       "kegiatan (peran ADMIN)");
  assign_->add_option("agency", agency_, "Kode instansi")->required();
  assign_->add_option("node", node_, "Kode program, kegiatan atau sub kegiatan")->required();
  assign_->add_option("unit", unit_, "Kode unit")->required();
  assign_->add_option("--effective", effective_,
                      "Tanggal berlaku, YYYY-MM-DD (00:00 WIB; bawaan: sekarang)");
  assign_->add_option("--plan-version", plan_version_,
                      "Versi renstra tempat penetapan ini berlaku (sebagai catatan)");
  for (CLI::App* c : {create_, unit_create_, assign_}) {
    c->add_option(
        "--request-id", request_id_,
        "Kunci idempotensi (bawaan: id acak baru); pakai lagi untuk mengulang dengan aman");
  }
}

std::optional<int> AgencyCommands::Run(Client& client) {
  if (list_ == nullptr) return std::nullopt;
  grpc::Status status;
  const std::string request_id = request_id_.empty() ? NewRequestId() : request_id_;
  v1::AgencyView view;
  if (list_->parsed()) {
    v1::ListAgenciesResponse answer;
    status = client.agency()->ListAgencies(client.NewContext().get(), {}, &answer);
    if (!status.ok()) return Fail(UserMessage(status, client));
    for (const v1::AgencyView& a : answer.agencies()) PrintSummary(a, std::cout);
    std::cout << answer.agencies_size() << " perangkat daerah" << std::endl;
    return kExitOk;
  }
  if (plans_->parsed()) {
    v1::ListAgencyPlansRequest request;
    request.set_year(plans_year_);
    v1::ListAgencyPlansResponse answer;
    status = client.agency()->ListAgencyPlans(client.NewContext().get(), request, &answer);
    if (!status.ok()) return Fail(UserMessage(status, client));
    for (const v1::AgencyPlanSummary& s : answer.agencies()) PrintPlanSummary(s, std::cout);
    std::cout << answer.agencies_size() << " perangkat daerah" << std::endl;
    return kExitOk;
  }
  if (show_->parsed()) {
    v1::GetAgencyRequest request;
    request.set_agency(agency_);
    status = client.agency()->GetAgency(client.NewContext().get(), request, &view);
    if (!status.ok()) return Fail(UserMessage(status, client));
    PrintAgency(view, std::cout);
    return kExitOk;
  }
  if (create_->parsed()) {
    v1::CreateAgencyRequest request;
    request.set_request_id(request_id);
    request.set_code(agency_);
    request.set_name(name_);
    request.set_pemda(pemda_);
    status = client.agency()->CreateAgency(client.NewContext().get(), request, &view);
    if (!status.ok()) return Fail(UserMessage(status, client));
    PrintSummary(view, std::cout);
    return kExitOk;
  }
  if (unit_create_->parsed()) {
    v1::UnitKind::Value kind;
    if (!v1::UnitKind::Value_Parse(kind_, &kind) || kind == v1::UnitKind::UNIT_KIND_UNSPECIFIED) {
      return Fail("renstra: --kind \"" + kind_ + "\" bukan SEKRETARIAT, BIDANG atau UPT",
                  kExitUsage);
    }
    v1::CreateUnitRequest request;
    request.set_request_id(request_id);
    request.set_agency(agency_);
    request.set_unit(unit_);
    request.set_name(name_);
    request.set_kind(kind);
    status = client.agency()->CreateUnit(client.NewContext().get(), request, &view);
    if (!status.ok()) return Fail(UserMessage(status, client));
    PrintSummary(view, std::cout);
    return kExitOk;
  }
  if (assign_->parsed()) {
    v1::AssignResponsibilityRequest request;
    request.set_request_id(request_id);
    request.set_agency(agency_);
    request.set_node(node_);
    request.set_unit(unit_);
    request.set_from_plan_version(plan_version_);
    if (!effective_.empty()) {
      absl::Time when;
      std::string error;
      if (!absl::ParseTime("%Y-%m-%d", effective_, WibZone(), &when, &error)) {
        return Fail("renstra: --effective \"" + effective_ + "\" bukan tanggal YYYY-MM-DD",
                    kExitUsage);
      }
      request.set_effective_from_micros(absl::ToUnixMicros(when));
    }
    status = client.agency()->AssignResponsibility(client.NewContext().get(), request, &view);
    if (!status.ok()) return Fail(UserMessage(status, client));
    PrintAgency(view, std::cout);
    return kExitOk;
  }
  return std::nullopt;
}

}  // namespace renstra
