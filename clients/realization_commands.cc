#include "clients/realization_commands.h"

#include <ctime>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>

#include "CLI/CLI.hpp"
#include "clients/cli_app.h"
#include "clients/cli_output.h"
#include "clients/division_filter.h"
#include "clients/record_printer.h"
#include "clients/report_html.h"
#include "clients/value_parser.h"
#include "clients/xlsx_sheets.h"
#include "domain/division.h"

namespace renstra {
namespace {

// "T-C.23 ... — Bidang Rehabilitasi Sosial": a filtered table says whose rows it holds.
void TitleDivision(const std::optional<v1::Division>& division, ReportTable* table) {
  if (division) table->title += " — " + DivisionDisplayName(*division);
}

int FailDivision(const absl::Status& status) {
  return Fail(std::string(status.message()),
              status.code() == absl::StatusCode::kInvalidArgument ? kExitUsage : kExitError);
}

int Answer(Client& client, const grpc::Status& status, const v1::RealizationView& view, bool json,
           const char* verb) {
  if (!status.ok()) return Fail(UserMessage(status, client));
  if (json) return PrintJson(view);
  std::cout << verb << " ";
  PrintRealization(view, std::cout);
  std::cout << std::flush;
  return kExitOk;
}

}  // namespace

void RealizationCommands::Register(CLI::App* app) {
  CLI::App* realize = AddCommand(app, "realize", "Catat realisasi kinerja dan anggaran");
  realize->require_subcommand(1);
  auto common = [&](CLI::App* c) {
    c->add_option("--evidence", evidence_, "Rujukan bukti (BA, SP2D, halaman LRA)")->required();
    c->add_option("--note", note_, "Catatan bebas");
    c->add_option(
        "--request-id", request_id_,
        "Kunci idempotensi (bawaan: id acak baru); pakai lagi untuk mengulang dengan aman");
    c->add_flag("--json", json_, "Cetak jawaban dalam pemetaan JSON protobuf");
  };
  auto quarter = [&](CLI::App* c, const char* what) {
    c->add_option("--quarter", quarter_, what)->check(CLI::Range(1, 4));
  };
  achievement_ = AddCommand(realize, "achievement", "Catat capaian indikator");
  achievement_->add_option("--indicator", indicator_, "Id indikator, mis. 1.06.04.2.01.0001#1")
      ->required();
  achievement_->add_option("--year", year_, "Tahun target 2022..2026")->required();
  achievement_->add_option(
      "--value", value_,
      "Nilai tahun, atau nilai triwulan dengan --quarter (\"110 Orang\", \"85%\")");
  quarter(achievement_, "Triwulan 1..4: catat triwulan itu sebagai fakta tersendiri");
  for (int i = 0; i < 4; ++i) {
    achievement_->add_option(
        "--q" + std::to_string(i + 1), q_[i],
        "Triwulan " + std::to_string(i + 1) + " dalam catatan tahunan (lebih baik --quarter)");
  }
  common(achievement_);

  spending_ = AddCommand(realize, "spending", "Catat realisasi anggaran program/kegiatan (Rupiah)");
  spending_->add_option("--code", code_, "Kode program, kegiatan atau sub kegiatan")->required();
  spending_->add_option("--year", year_, "Tahun target 2022..2026")->required();
  spending_->add_option("--amount", amount_, "Rupiah bulat, mis. 1.234.567")->required();
  quarter(spending_, "Triwulan 1..4: Rupiah yang dibelanjakan pada triwulan itu saja");
  common(spending_);

  correct_ =
      AddCommand(realize, "correct", "Koreksi (atau batalkan) catatan realisasi yang berlaku");
  correct_->add_option("id", corrects_, "Catatan yang dikoreksi, mis. RLZ-000001")->required();
  correct_->add_option("--value", value_, "Nilai koreksi (tahunan, atau triwulan catatan itu)");
  for (int i = 0; i < 4; ++i) {
    correct_->add_option(
        "--q" + std::to_string(i + 1), q_[i],
        "Triwulan " + std::to_string(i + 1) + ", untuk catatan tahunan yang merinci triwulan");
  }
  correct_->add_option("--amount", amount_, "Jumlah Rupiah koreksi (catatan anggaran)");
  correct_->add_flag("--retract", retract_, "Catatan itu semestinya tidak ada");
  common(correct_);

  list_ = AddCommand(realize, "list", "Realisasi menurut urutan log, termasuk koreksinya");
  list_->add_option("--code", code_, "Hanya program/kegiatan ini dan turunannya");
  list_->add_option("--indicator", indicator_, "Hanya indikator ini");
  list_->add_option("--year", year_, "Hanya tahun ini");
  list_->add_flag("--json", json_, "Cetak jawaban dalam pemetaan JSON protobuf");

  CLI::App* report = AddCommand(
      app, "report", "Laporan realisasi (T-C.23, T-C.24, E.80, peringatan dini, triwulan)");
  report->require_subcommand(1);
  auto output = [&](CLI::App* c) {
    c->add_option("--format", format_,
                  "table, tsv, csv, html, xlsx (perlu --output), print (HTML A4) atau pdf")
        ->check(CLI::IsMember({"table", "tsv", "csv", "html", "xlsx", "print", "pdf"},
                              CLI::ignore_case))
        ->capture_default_str();
    c->add_option("--output,-o", output_, "Berkas tujuan (bawaan: stdout)");
    c->add_flag("--wide", wide_,
                "Tabel: satu baris layar per baris tabel (bawaan: dimuatkan ke 120 kolom)");
    print_.Register(c);
  };
  const auto division = [&](CLI::App* c) {
    c->add_option("--division", division_,
                  "Hanya baris bidang ini (nama bidang, \"saya\" atau \"semua\"); bawaan "
                  "Kepala Bidang tanpa --code: bidangnya sendiri");
  };
  capaian_ = AddCommand(report, "capaian", "T-C.23: target, realisasi dan rasio per tahun");
  division(capaian_);
  capaian_->add_option("--code", code_, "Kode program (atau kegiatan); bawaan: semua program");
  capaian_->add_option("--year", year_, "Hanya tahun ini");
  output(capaian_);
  anggaran_ = AddCommand(report, "anggaran", "T-C.24: pagu, realisasi dan serapan per tahun");
  division(anggaran_);
  anggaran_->add_option("--code", code_, "Kode program (atau kegiatan); bawaan: semua program");
  output(anggaran_);
  evaluasi_ = AddCommand(report, "evaluasi", "E.80: kinerja dan keuangan, rata-rata, predikat");
  division(evaluasi_);
  evaluasi_->add_option("--code", code_, "Kode program (atau kegiatan); bawaan: semua program");
  output(evaluasi_);
  peringatan_ = AddCommand(
      report, "peringatan",
      "Peringatan dini: indikator dan program/kegiatan di bawah ambang pada suatu tahun");
  peringatan_->add_option("--year", year_, "Tahunnya")->required();
  peringatan_->add_option("--ratio", ratio_, "Ambang rasio capaian (%); bawaan 75");
  peringatan_->add_option("--absorption", absorption_, "Ambang serapan anggaran (%); bawaan 75");
  division(peringatan_);
  peringatan_->add_option("--code", code_, "Hanya cabang ini; bawaan: seluruh renstra");
  peringatan_->add_flag("--unrecorded", unrecorded_,
                        "Cantumkan juga target dan pagu yang belum ada realisasinya");
  peringatan_
      ->add_option("--format", format_,
                   "table, tsv, csv, xlsx (perlu --output), print (HTML A4) atau pdf")
      ->check(CLI::IsMember({"table", "tsv", "csv", "xlsx", "print", "pdf"}, CLI::ignore_case))
      ->capture_default_str();
  peringatan_->add_option("--output,-o", output_, "Berkas tujuan (bawaan: stdout)");
  peringatan_->add_flag("--wide", wide_,
                        "Tabel: satu baris layar per baris tabel (bawaan: dimuatkan ke 120 kolom)");
  print_.Register(peringatan_);
  triwulan_ = AddCommand(report, "triwulan",
                         "Formulir e-Monev triwulanan: target, realisasi triwulan I-IV, "
                         "kumulatif dan capaian");
  triwulan_->add_option("--year", year_, "Tahun 2022..2026")->required();
  division(triwulan_);
  triwulan_->add_option("--code", code_, "Kode program (atau kegiatan); bawaan: semua program");
  output(triwulan_);
}

std::optional<int> RealizationCommands::Run(Client& client) {
  for (char& c : format_) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (achievement_->parsed()) return Achievement(client);
  if (spending_->parsed()) return Spending(client);
  if (correct_->parsed()) return Correct(client);
  if (list_->parsed()) return List(client);
  if (capaian_->parsed()) return Report(client, "capaian");
  if (anggaran_->parsed()) return Report(client, "anggaran");
  if (evaluasi_->parsed()) return Report(client, "evaluasi");
  if (peringatan_->parsed()) return Warnings(client);
  if (triwulan_->parsed()) return Triwulan(client);
  return std::nullopt;
}

bool RealizationCommands::ReadAchievement(v1::AchievedValue* value, int* exit_code) const {
  std::string error;
  auto read = [&](const std::string& text, const char* flag, v1::TargetValue* out) {
    if (text.empty()) return true;
    std::optional<v1::TargetValue> v = ParseTarget(text, &error);
    if (!v.has_value()) {
      *exit_code = Fail(std::string("renstra: ") + flag + ": " + error, kExitUsage);
      return false;
    }
    *out = *v;
    return true;
  };
  return read(value_, "--value", value->mutable_yearly()) &&
         read(q_[0], "--q1", value->mutable_q1()) && read(q_[1], "--q2", value->mutable_q2()) &&
         read(q_[2], "--q3", value->mutable_q3()) && read(q_[3], "--q4", value->mutable_q4());
}

int RealizationCommands::Achievement(Client& client) {
  v1::RecordAchievementRequest request;
  request.set_request_id(request_id_.empty() ? NewRequestId() : request_id_);
  request.set_indicator_id(indicator_);
  request.set_year(year_);
  request.set_quarter(quarter_);
  int rc = kExitOk;
  if (!ReadAchievement(request.mutable_value(), &rc)) return rc;
  request.set_evidence_ref(evidence_);
  request.set_note(note_);
  v1::RealizationView view;
  grpc::Status status = client.realization()->RecordAchievement(client.NewContext().get(),
                                                                ForAgency(client, request), &view);
  return Answer(client, status, view, json_, "Dicatat");
}

int RealizationCommands::Spending(Client& client) {
  v1::RecordSpendingRequest request;
  request.set_request_id(request_id_.empty() ? NewRequestId() : request_id_);
  request.set_node_code(code_);
  request.set_year(year_);
  request.set_quarter(quarter_);
  std::string error;
  std::optional<v1::Money> amount = ParseRupiah(amount_, &error);
  if (!amount.has_value()) return Fail("renstra: --amount: " + error, kExitUsage);
  *request.mutable_spent() = *amount;
  request.set_evidence_ref(evidence_);
  request.set_note(note_);
  v1::RealizationView view;
  grpc::Status status = client.realization()->RecordSpending(client.NewContext().get(),
                                                             ForAgency(client, request), &view);
  return Answer(client, status, view, json_, "Dicatat");
}

int RealizationCommands::Correct(Client& client) {
  v1::CorrectRealizationRequest request;
  request.set_request_id(request_id_.empty() ? NewRequestId() : request_id_);
  request.set_corrects_id(corrects_);
  const bool achievement =
      !value_.empty() || !q_[0].empty() || !q_[1].empty() || !q_[2].empty() || !q_[3].empty();
  if (static_cast<int>(achievement) + static_cast<int>(!amount_.empty()) +
          static_cast<int>(retract_) !=
      1) {
    return Fail("realize correct: berikan tepat satu dari --value/--q1..--q4, --amount, --retract",
                kExitUsage);
  }
  if (achievement) {
    int rc = kExitOk;
    if (!ReadAchievement(request.mutable_achievement(), &rc)) return rc;
  } else if (!amount_.empty()) {
    std::string error;
    std::optional<v1::Money> amount = ParseRupiah(amount_, &error);
    if (!amount.has_value()) return Fail("renstra: --amount: " + error, kExitUsage);
    *request.mutable_spent() = *amount;
  } else {
    request.set_retract(true);
  }
  request.set_evidence_ref(evidence_);
  request.set_note(note_);
  v1::RealizationView view;
  grpc::Status status = client.realization()->CorrectRealization(client.NewContext().get(),
                                                                 ForAgency(client, request), &view);
  return Answer(client, status, view, json_, "Dikoreksi");
}

int RealizationCommands::List(Client& client) {
  v1::ListRealizationsRequest request;
  request.set_node_code(code_);
  request.set_indicator_id(indicator_);
  request.set_year(year_);
  v1::ListRealizationsResponse response;
  grpc::Status status = client.realization()->ListRealizations(
      client.NewContext().get(), ForAgency(client, request), &response);
  if (!status.ok()) return Fail(UserMessage(status, client));
  if (json_) return PrintJson(response);
  for (const v1::RealizationView& v : response.realizations()) PrintRealization(v, std::cout);
  std::cout << response.realizations_size() << " realisasi" << std::endl;
  return kExitOk;
}

int RealizationCommands::Report(Client& client, const std::string& which) {
  if (format_ == "xlsx" || format_ == "pdf") {
    if (std::optional<int> refused = RefuseBinaryOnTerminal(output_, format_)) return *refused;
  }
  absl::StatusOr<std::optional<v1::Division>> division =
      ResolveDivision(client, division_, code_.empty());
  if (!division.ok()) return FailDivision(division.status());
  grpc::Status status;
  ReportTable table;
  if (which == "capaian") {
    v1::GetCapaianReportRequest request;
    request.set_root_code(code_);
    request.set_year(year_);
    v1::CapaianReport report;
    status = client.realization()->GetCapaianReport(client.NewContext().get(),
                                                    ForAgency(client, request), &report);
    if (*division) KeepDivision(**division, &report);
    table = CapaianTable(report);
  } else if (which == "anggaran") {
    v1::GetAnggaranReportRequest request;
    request.set_root_code(code_);
    v1::AnggaranReport report;
    status = client.realization()->GetAnggaranReport(client.NewContext().get(),
                                                     ForAgency(client, request), &report);
    if (*division) KeepDivision(**division, &report);
    table = AnggaranTable(report);
  } else {
    v1::GetEvaluationReportRequest request;
    request.set_root_code(code_);
    v1::EvaluationReport report;
    status = client.realization()->GetEvaluationReport(client.NewContext().get(),
                                                       ForAgency(client, request), &report);
    if (*division) KeepDivision(**division, &report);
    table = EvaluationTable(report);
  }
  if (!status.ok()) return Fail(UserMessage(status, client));
  TitleDivision(*division, &table);
  return Emit(client, table);
}

int RealizationCommands::Warnings(Client& client) {
  if (format_ == "xlsx" || format_ == "pdf") {
    if (std::optional<int> refused = RefuseBinaryOnTerminal(output_, format_)) return *refused;
  }
  absl::StatusOr<std::optional<v1::Division>> division =
      ResolveDivision(client, division_, code_.empty());
  if (!division.ok()) return FailDivision(division.status());
  v1::GetEarlyWarningsRequest request;
  request.set_year(year_);
  request.set_ratio_threshold(ratio_);
  request.set_absorption_threshold(absorption_);
  request.set_root_code(code_);
  request.set_include_unrecorded(unrecorded_);
  v1::EarlyWarnings report;
  grpc::Status status = client.realization()->GetEarlyWarnings(client.NewContext().get(),
                                                               ForAgency(client, request), &report);
  if (!status.ok()) return Fail(UserMessage(status, client));
  if (*division) KeepDivision(**division, &report);
  ReportTable table = WarningTable(report);
  TitleDivision(*division, &table);
  return Emit(client, table);
}

int RealizationCommands::Triwulan(Client& client) {
  if (format_ == "xlsx" || format_ == "pdf") {
    if (std::optional<int> refused = RefuseBinaryOnTerminal(output_, format_)) return *refused;
  }
  absl::StatusOr<std::optional<v1::Division>> division =
      ResolveDivision(client, division_, code_.empty());
  if (!division.ok()) return FailDivision(division.status());
  v1::GetTriwulanReportRequest request;
  request.set_year(year_);
  request.set_root_code(code_);
  v1::TriwulanReport report;
  grpc::Status status = client.realization()->GetTriwulanReport(
      client.NewContext().get(), ForAgency(client, request), &report);
  if (!status.ok()) return Fail(UserMessage(status, client));
  if (*division) KeepDivision(**division, &report);
  ReportTable table = TriwulanTable(report);
  TitleDivision(*division, &table);
  // The per-year charts say nothing about quarters: the HTML page is the table alone.
  return Emit(client, table, /*charts=*/false);
}

int RealizationCommands::Emit(Client& client, const ReportTable& table, bool charts) {
  if (format_ == "xlsx") return EmitXlsx({ReportSheet(table)}, output_, table.title);
  if (format_ == "print" || format_ == "pdf") {
    return EmitPrinted(ReportSheet(table), print_, format_ == "pdf", output_, table.title);
  }
  std::ostringstream out;
  if (format_ == "html" && !charts) {
    out << RenderReportHtml(table, ChartInput());
  } else if (format_ == "html") {
    if (code_.empty()) {
      return Fail("renstra: --format html menggambar grafik satu program: berikan --code",
                  kExitUsage);
    }
    // The charts show every year's kinerja and keuangan of the program, whichever table.
    v1::GetCapaianReportRequest kinerja_request;
    kinerja_request.set_root_code(code_);
    v1::CapaianReport kinerja;
    grpc::Status status = client.realization()->GetCapaianReport(
        client.NewContext().get(), ForAgency(client, kinerja_request), &kinerja);
    v1::GetAnggaranReportRequest anggaran_request;
    anggaran_request.set_root_code(code_);
    v1::AnggaranReport anggaran;
    if (status.ok()) {
      status = client.realization()->GetAnggaranReport(
          client.NewContext().get(), ForAgency(client, anggaran_request), &anggaran);
    }
    if (!status.ok()) return Fail(UserMessage(status, client));
    ChartInput chart;
    chart.capaian = &kinerja;
    chart.anggaran = &anggaran;
    if (anggaran.rows_size() > 0) {
      chart.program_code = anggaran.rows(0).node().code();
      chart.program_name = anggaran.rows(0).node().name();
    }
    out << RenderReportHtml(table, chart);
  } else if (format_ == "tsv" || format_ == "csv") {
    PrintDelimited(table, format_ == "csv" ? ',' : '\t', out);
  } else {
    PrintTable(table, out, TableFit{kTerminalColumns, wide_});
  }
  if (output_.empty() || output_ == "-") {
    std::cout << out.str() << std::flush;
    return kExitOk;
  }
  std::ofstream file(output_, std::ios::binary | std::ios::trunc);
  file << out.str();
  file.close();
  if (!file) return Fail("renstra: cannot write " + output_);
  std::cerr << "renstra: " << table.title << " ditulis ke " << output_ << std::endl;
  return kExitOk;
}

}  // namespace renstra
