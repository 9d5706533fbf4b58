#include "clients/cascade_commands.h"

#include <cctype>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

#include "CLI/CLI.hpp"
#include "clients/cli_app.h"
#include "clients/cli_output.h"
#include "clients/plan_printer.h"
#include "clients/terminal_text.h"

namespace renstra {
namespace {

constexpr int kBaseline = 2021;
constexpr int kFirst = 2022;
constexpr int kLast = 2026;

// A cell: the value as written, "" for a blank cell.
std::string Cell(const v1::TargetValue& v) {
  if (v.kind() == v1::TargetValue::EMPTY || v.kind() == v1::TargetValue::KIND_UNSPECIFIED) {
    return "";
  }
  return FormatTarget(v);
}

std::string Years(const v1::CascadeIndicator& i) {
  if (i.first_year() == 0) return "";
  if (i.first_year() == i.last_year()) return std::to_string(i.first_year());
  return std::to_string(i.first_year()) + "-" + std::to_string(i.last_year());
}

std::string Replacement(const v1::CascadeIndicator& i) {
  if (i.replaced_from() == 0) return "";
  return i.replaced_by() + " mulai " + std::to_string(i.replaced_from());
}

std::string Joined(const google::protobuf::RepeatedPtrField<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : "; ") + s;
  return out;
}

// One TSV or CSV field: TSV fields lose tabs and newlines (a space instead); CSV fields
// are quoted when they hold the separator, a quote or a newline (RFC 4180).
std::string Field(const std::string& text, char separator) {
  if (separator == '\t') {
    std::string out = text;
    for (char& c : out) {
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    }
    return out;
  }
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void Row(const std::vector<std::string>& cells, char separator, std::ostream& out) {
  for (size_t i = 0; i < cells.size(); ++i) {
    out << (i ? std::string(1, separator) : "") << Field(cells[i], separator);
  }
  out << "\n";
}

// A cell in the text view: "kosong" for a blank cell, so no line ends in a space.
std::string TextCell(const v1::TargetValue& v) {
  const std::string cell = Cell(v);
  return cell.empty() ? "kosong" : cell;
}

void PrintIndicator(const v1::CascadeIndicator& i, bool with_end, std::ostream& out) {
  out << "    " << Printable(i.id()) << " [" << Printable(i.role()) << "] "
      << Printable(i.statement()) << " (baris " << i.line() << ")\n";
  out << "      satuan: " << (i.unit().empty() ? "(tidak disebut)" : Printable(i.unit())) << "; "
      << kBaseline << ": " << Printable(TextCell(i.baseline()));
  for (int k = 0; k < i.targets_size(); ++k) {
    out << "; " << kFirst + k << ": " << Printable(TextCell(i.targets(k)));
  }
  if (with_end) out << "; akhir: " << Printable(TextCell(i.end_target()));
  out << "\n      berlaku " << (i.first_year() == 0 ? "-" : Years(i));
  if (i.replaced_from() != 0) out << "; diganti " << Printable(Replacement(i));
  if (i.linked_size() > 0) out << "; sama dengan " << Printable(Joined(i.linked()));
  out << "\n";
}

}  // namespace

void PrintCascadeText(const v1::ReadCascadeResponse& cascade, const std::string& table,
                      std::ostream& out) {
  out << "Cascading kinerja dari " << Printable(cascade.source()) << "\n";
  if (table.empty() || table == "TC.25") {
    int tujuan = 0, sasaran = 0;
    for (const v1::CascadeGoal& g : cascade.goals()) {
      for (const v1::CascadeIndicator& i : g.indicators()) {
        tujuan += i.role() == "Indikator Tujuan";
        sasaran += i.role() == "Indikator Sasaran";
      }
    }
    if (cascade.tc25_line() == 0) {
      out << "Tabel TC.25: tidak ada dalam dokumen\n";
    } else {
      out << "Tabel TC.25 (baris " << cascade.tc25_line() << "): " << cascade.goals_size()
          << " tujuan, " << cascade.goals_size() << " sasaran, " << tujuan << " indikator tujuan, "
          << sasaran << " indikator sasaran\n";
    }
    for (const v1::CascadeGoal& g : cascade.goals()) {
      out << "  " << Printable(g.number()) << " Tujuan: " << Printable(g.tujuan()) << "\n"
          << "    Sasaran: " << Printable(g.sasaran()) << "\n";
      for (const v1::CascadeIndicator& i : g.indicators()) PrintIndicator(i, false, out);
    }
  }
  if (table.empty() || table == "T-C.28") {
    int indicators = 0;
    for (const v1::IkuGroup& g : cascade.iku()) indicators += g.indicators_size();
    if (cascade.tc28_line() == 0) {
      out << "Tabel T-C.28: tidak ada dalam dokumen\n";
    } else {
      out << "Tabel T-C.28 (baris " << cascade.tc28_line() << "): " << cascade.iku_size()
          << " nomor, " << indicators << " indikator kinerja utama\n";
    }
    for (const v1::IkuGroup& g : cascade.iku()) {
      out << "  " << Printable(g.number()) << "\n";
      for (const v1::CascadeIndicator& i : g.indicators()) PrintIndicator(i, true, out);
    }
  }
  if (!cascade.tc27_not_compared().empty()) {
    out << "T-C.27 tidak dibandingkan: " << Printable(cascade.tc27_not_compared()) << "\n";
  }
  out << "Temuan (" << cascade.findings_size() << "):\n";
  for (const v1::Finding& f : cascade.findings()) out << FormatFinding(f) << "\n";
}

void PrintCascadeRows(const v1::ReadCascadeResponse& cascade, const std::string& table,
                      char separator, std::ostream& out) {
  std::vector<std::string> head;
  const bool tc25 = table == "TC.25";
  if (tc25) {
    head = {"NO", "TUJUAN", "SASARAN", "INDIKATOR TUJUAN/SASARAN", "JENIS"};
  } else {
    head = {"NO", "Indikator", "Satuan"};
  }
  head.push_back(tc25 ? std::to_string(kBaseline) : "Kondisi awal " + std::to_string(kBaseline));
  for (int y = kFirst; y <= kLast; ++y) head.push_back(std::to_string(y));
  if (!tc25) head.push_back("Kondisi akhir");
  for (const char* h : {"Berlaku", "Diganti", "Sama dengan", "Baris"}) head.push_back(h);
  Row(head, separator, out);
  auto values = [&](const v1::CascadeIndicator& i, std::vector<std::string>& cells) {
    cells.push_back(Cell(i.baseline()));
    for (const v1::TargetValue& t : i.targets()) cells.push_back(Cell(t));
    if (!tc25) cells.push_back(Cell(i.end_target()));
    cells.push_back(Years(i));
    cells.push_back(Replacement(i));
    cells.push_back(Joined(i.linked()));
    cells.push_back(std::to_string(i.line()));
  };
  if (tc25) {
    for (const v1::CascadeGoal& g : cascade.goals()) {
      bool first = true;
      for (const v1::CascadeIndicator& i : g.indicators()) {
        std::vector<std::string> cells = {first ? g.number() : "", first ? g.tujuan() : "",
                                          first ? g.sasaran() : "", i.statement(), i.role()};
        values(i, cells);
        Row(cells, separator, out);
        first = false;
      }
    }
    return;
  }
  for (const v1::IkuGroup& g : cascade.iku()) {
    bool first = true;
    for (const v1::CascadeIndicator& i : g.indicators()) {
      std::vector<std::string> cells = {first ? g.number() : "", i.statement(), i.unit()};
      values(i, cells);
      Row(cells, separator, out);
      first = false;
    }
  }
}

void CascadeCommands::Register(CLI::App* plan) {
  cascade_ = AddCommand(plan, "cascade",
                        "Cascading kinerja perangkat daerah (TC.25, T-C.28) dan temuan "
                        "antartabelnya");
  cascade_->add_option("--file", file_,
                       "Dokumen Renstra yang dibaca (bawaan: dokumen seed yang dibawa server)");
  cascade_->add_option("--table", table_, "Hanya tabel ini: TC.25 atau T-C.28")
      ->check(CLI::IsMember({"TC.25", "T-C.28"}, CLI::ignore_case));
  cascade_->add_option("--format", format_, "text, tsv atau csv (tsv dan csv perlu --table)")
      ->check(CLI::IsMember({"text", "tsv", "csv"}, CLI::ignore_case))
      ->capture_default_str();
  cascade_->add_flag("--json", json_, "Cetak jawaban dalam pemetaan JSON protobuf");
}

std::optional<int> CascadeCommands::Run(Client& client) {
  if (cascade_ == nullptr || !cascade_->parsed()) return std::nullopt;
  std::string format = format_;
  for (char& c : format) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string table = table_;
  for (char& c : table) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (format != "text" && table.empty()) {
    return Fail("renstra: --format " + format + " needs --table TC.25 or --table T-C.28",
                kExitUsage);
  }
  v1::ReadCascadeRequest request;
  if (!file_.empty()) {
    std::ifstream in(file_, std::ios::binary);
    if (!in) return Fail("renstra: cannot read " + file_, kExitUsage);
    std::ostringstream content;
    content << in.rdbuf();
    request.set_content(content.str());
    if (request.content().empty()) return Fail("renstra: " + file_ + " is empty", kExitUsage);
  }
  v1::ReadCascadeResponse response;
  grpc::Status status = client.ReadCascade(request, &response);
  if (!status.ok()) return Fail(UserMessage(status, client));
  if (json_) return PrintJson(response);
  if (format == "text") {
    PrintCascadeText(response, table, std::cout);
  } else {
    PrintCascadeRows(response, table, format == "csv" ? ',' : '\t', std::cout);
  }
  std::cout << std::flush;
  return kExitOk;
}

}  // namespace renstra
