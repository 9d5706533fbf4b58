#include "clients/plan_printer.h"

#include <algorithm>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "clients/terminal_text.h"
#include "domain/decimal.h"
#include "domain/division.h"
#include "domain/money.h"

namespace renstra {
namespace {

constexpr int kFirstTargetYear = 2022;
constexpr int kLastTargetYear = 2026;

std::string Indent(int depth) { return std::string(static_cast<size_t>(depth) * 2, ' '); }

std::string Pad(const std::string& text, size_t width) {
  return text.size() >= width ? text : text + std::string(width - text.size(), ' ');
}

const char* LevelName(v1::Level level) {
  switch (level) {
    case v1::PROGRAM:
      return "Program";
    case v1::ACTIVITY:
      return "Kegiatan";
    case v1::SUB_ACTIVITY:
      return "Sub Kegiatan";
    default:
      return "Node";
  }
}

// One row of an indicator's table: a year (or the end of the period).
struct Row {
  std::string label;
  std::string target;
  std::string rupiah;
};

void PrintRows(const std::vector<Row>& rows, const std::string& indent, std::ostream& out) {
  size_t width = std::string("Target").size();
  for (const Row& r : rows) width = std::max(width, r.target.size());
  out << indent << Pad("Tahun", 7) << Pad("Target", width + 2) << "Rp\n";
  for (const Row& r : rows) {
    out << indent << Pad(r.label, 7) << Pad(r.target, width + 2) << r.rupiah << "\n";
  }
}

void PrintIndicator(const v1::Indicator& indicator, int number,
                    const std::map<int, const v1::Money*>& funding, int depth, std::ostream& out) {
  const std::string indent = Indent(depth);
  out << indent << "Indikator " << number << ": " << Printable(indicator.statement()) << "\n";
  out << indent << "  Satuan: " << (indicator.unit().empty() ? "-" : Printable(indicator.unit()))
      << "; kondisi awal (2021): " << FormatTarget(indicator.baseline());
  const int from = indicator.from_year() == 0 ? kFirstTargetYear : indicator.from_year();
  const int to = indicator.to_year() == 0 ? kLastTargetYear : indicator.to_year();
  if (from != kFirstTargetYear || to != kLastTargetYear) {
    out << "; berlaku " << from << "-" << to;
  }
  out << "\n";
  std::map<int, const v1::TargetValue*> targets;
  for (const v1::YearTarget& t : indicator.targets()) targets[t.year()] = &t.value();
  std::vector<Row> rows;
  for (int year = std::max(from, kFirstTargetYear); year <= std::min(to, kLastTargetYear); ++year) {
    Row& row = rows.emplace_back();
    row.label = std::to_string(year);
    auto t = targets.find(year);
    row.target = t == targets.end() ? "-" : FormatTarget(*t->second);
    auto f = funding.find(year);
    row.rupiah = f == funding.end() ? "-" : FormatMoney(*f->second);
  }
  rows.push_back(
      Row{"Akhir", FormatTarget(indicator.end_target()), FormatMoney(indicator.end_funding())});
  PrintRows(rows, indent + "  ", out);
}

}  // namespace

std::string FormatMoney(const v1::Money& money) {
  if (!money.written().empty()) return Printable(money.written());
  if (!money.present()) return "-";
  return FormatRupiah(money.rupiah());
}

std::string FormatDecimal(const v1::Decimal& decimal) {
  return Decimal::FromProto(decimal).ToIndonesian();
}

std::string FormatTarget(const v1::TargetValue& target) {
  if (!target.written().empty()) return Printable(target.written());
  const std::string unit = target.unit().empty() ? "" : " " + Printable(target.unit());
  switch (target.kind()) {
    case v1::TargetValue::NOT_AVAILABLE:
      return "N/A";
    case v1::TargetValue::NUMBER:
      return FormatDecimal(target.low()) + unit;
    case v1::TargetValue::PERCENT:
      return FormatDecimal(target.low()) + "%";
    case v1::TargetValue::RANGE:
      return FormatDecimal(target.low()) + "-" + FormatDecimal(target.high()) + unit;
    case v1::TargetValue::BOUND:
      return Printable(target.bound_op()) + " " + FormatDecimal(target.low()) + unit;
    case v1::TargetValue::BOUND_RANGE:
      return Printable(target.bound_op()) + " " + FormatDecimal(target.low()) + "-" +
             FormatDecimal(target.high()) + unit;
    default:  // EMPTY, NONE, unspecified
      return "-";
  }
}

std::string DivisionName(v1::Division division) {
  std::string name = DivisionDisplayName(division);
  return name.empty() ? "-" : name;
}

std::string FormatFinding(const v1::Finding& finding) {
  std::ostringstream out;
  out << v1::Finding::Kind_Name(finding.kind()) << " "
      << (finding.code().empty() ? "-" : Printable(finding.code()));
  if (finding.year() != 0) out << " tahun=" << finding.year();
  if (finding.line() != 0) out << " baris=" << finding.line();
  if (!finding.stated().empty()) out << " tertulis=" << Printable(finding.stated());
  if (!finding.computed().empty()) out << " hitungan=" << Printable(finding.computed());
  out << " : " << Printable(finding.message());
  return out.str();
}

void PrintNode(const v1::Node& node, int depth, std::ostream& out) {
  const std::string indent = Indent(depth);
  out << indent << LevelName(node.level()) << " " << Printable(node.code());
  if (!node.code_written().empty() && node.code_written() != node.code()) {
    out << " (" << Printable(node.code_written()) << ")";
  }
  out << "  " << Printable(node.name()) << "\n";
  // The server's division name, or the responsible unit the CLI put there
  // (responsible_units.h).
  out << indent << "  Penanggung jawab: "
      << (node.division_name().empty() ? DivisionName(node.division())
                                       : Printable(node.division_name()));
  if (!node.location().empty()) out << "; lokasi: " << Printable(node.location());
  out << "; pagu indikatif 2022-2026: Rp " << FormatRupiah(node.funding_total()) << "\n";

  std::map<int, const v1::Money*> funding;
  for (const v1::YearFunding& f : node.funding()) funding[f.year()] = &f.amount();
  int number = 0;
  for (const v1::Indicator& indicator : node.indicators()) {
    PrintIndicator(indicator, ++number, funding, depth + 1, out);
  }
  if (node.indicators_size() == 0 && !funding.empty()) {
    std::vector<Row> rows;
    for (const auto& [year, money] : funding) {
      rows.push_back(Row{std::to_string(year), "-", FormatMoney(*money)});
    }
    PrintRows(rows, indent + "  ", out);
  }
  for (const v1::Node& child : node.children()) PrintNode(child, depth + 1, out);
}

namespace {

// The chain of nodes from a program down to the node with canonical `code`, or empty.
bool PathTo(const google::protobuf::RepeatedPtrField<v1::Node>& nodes, const std::string& code,
            std::vector<const v1::Node*>* path) {
  for (const v1::Node& node : nodes) {
    path->push_back(&node);
    if (node.code() == code || PathTo(node.children(), code, path)) return true;
    path->pop_back();
  }
  return false;
}

// Goals, objectives and every program tree.
void PrintPlanBody(const v1::Plan& plan, std::ostream& out);

}  // namespace

void PrintNodeInPlan(const v1::Plan& plan, const v1::Node& node, std::ostream& out) {
  PrintPlanHeading(plan, out);
  out << "\n";
  std::vector<const v1::Node*> path;
  PathTo(plan.programs(), node.code(), &path);
  int depth = 0;
  for (size_t i = 0; i + 1 < path.size(); ++i, ++depth) {
    out << Indent(depth) << LevelName(path[i]->level()) << " " << Printable(path[i]->code()) << "  "
        << Printable(path[i]->name()) << "\n";
  }
  PrintNode(node, depth, out);
}

void PrintPlan(const v1::Plan& plan, std::ostream& out) {
  PrintPlanHeading(plan, out);
  if (!plan.source().empty()) out << "Sumber: " << Printable(plan.source()) << "\n";
  PrintPlanBody(plan, out);
}

void PrintPlanHeading(const v1::Plan& plan, std::ostream& out) {
  out << "Renstra " << Printable(plan.agency()) << " " << plan.baseline_year() << "-"
      << plan.final_year() << " (" << Printable(plan.plan_id()) << ", versi " << plan.version()
      << ")\n";
  out << "Perubahan ke-" << plan.revision();
  if (plan.revision() == 0) {
    out << " (sesuai dokumen yang diimpor)";
  } else if (plan.revisions_size() > 0) {
    const v1::RevisionInfo& last = plan.revisions(plan.revisions_size() - 1);
    out << " (" << Printable(last.name()) << "; dasar hukum: " << Printable(last.legal_basis())
        << ")";
  }
  out << "; " << (plan.locked() ? "terkunci" : "belum terkunci");
  if (plan.has_open_revision() && !plan.open_revision().revision_id().empty()) {
    out << "; perubahan renstra yang sedang dibuka: " << Printable(plan.open_revision().name());
  }
  out << "\n";
}

namespace {

void PrintPlanBody(const v1::Plan& plan, std::ostream& out) {
  for (const v1::Goal& goal : plan.goals()) {
    out << "Tujuan " << Printable(goal.id()) << ": " << Printable(goal.statement());
    if (!goal.indicator().empty()) out << " [indikator: " << Printable(goal.indicator()) << "]";
    out << "\n";
    for (const v1::Objective& objective : goal.objectives()) {
      out << "  Sasaran " << Printable(objective.id()) << ": " << Printable(objective.statement());
      if (!objective.indicator().empty())
        out << " [indikator: " << Printable(objective.indicator()) << "]";
      out << "\n";
    }
  }
  if (plan.programs_size() == 0) {
    out << "(renstra belum memiliki program: impor dengan `renstra import --file PATH`)\n";
  }
  for (const v1::Node& program : plan.programs()) {
    out << "\n";
    PrintNode(program, 0, out);
  }
}

}  // namespace

}  // namespace renstra
