#include "domain/tc27_exporter.h"

#include <array>
#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "domain/division.h"
#include "domain/indicator_kind.h"
#include "domain/strings.h"
#include "domain/tc27_parser.h"
#include "domain/year.h"

namespace renstra {
namespace {

// A kind that the statement, unit and figures would not tell again (it came from a
// marker) is written back as its marker, so the exported table reads back the same.
std::string StatementWithKind(const IndicatorState& ind) {
  if (ind.kind == v1::INDICATOR_KIND_UNSPECIFIED ||
      InferIndicatorKind(ind.statement, ind.unit).kind == ind.kind) {
    return ind.statement;
  }
  if (InferIndicatorKind(ind.statement, ind.unit).kind == v1::INDICATOR_KIND_UNSPECIFIED &&
      KindFromFigures(ind.targets, ind.from_year, ind.to_year, ind.end_target).kind == ind.kind) {
    return ind.statement;
  }
  return absl::StrCat(ind.statement, " ", AsAbsl(KindMarker(ind.kind)));
}

using Row = std::array<std::string, kTc27Columns>;

class Writer {
 public:
  explicit Writer(TableFormat format) : format_(format) {}

  void Write(const Row& row) {
    for (int c = 0; c < kTc27Columns; ++c) {
      if (c > 0) out_.push_back(format_ == TableFormat::kTsv ? '\t' : ',');
      out_ += Escape(row[c]);
    }
    out_.push_back('\n');
  }

  std::string Take() { return std::move(out_); }

 private:
  std::string Escape(const std::string& cell) const {
    if (format_ == TableFormat::kTsv) {
      return absl::StrReplaceAll(cell, {{"\t", " "}, {"\r", " "}, {"\n", " "}});
    }
    if (cell.find_first_of(",\"\n\r") == std::string::npos) return cell;
    return absl::StrCat("\"", absl::StrReplaceAll(cell, {{"\"", "\"\""}}), "\"");
  }

  TableFormat format_;
  std::string out_;
};

void WriteHeader(Writer& w) {
  Row r1{};
  r1[0] = "Tujuan";
  r1[1] = "Sasaran";
  r1[2] = "Kode";
  r1[3] = "Program dan Kegiatan Serta sub kegiatan";
  r1[4] =
      "Indikator Kinerja Tujuan, Sasaran, Program (outcome) dan Kegiatan (output) serta sub "
      "kegiatan (output)";
  r1[5] = "Data Capaian pada Tahun Awal Perencanaan";
  r1[6] = "Target Kinerja Program dan Kerangka Pendanaan";
  r1[18] = "Unit Kerja Perangkat Daerah Penanggung Jawab";
  r1[19] = "Lokasi";
  w.Write(r1);
  Row r2{};
  for (int y = 0; y < kTargetYears; ++y) {
    r2[6 + 2 * y] = absl::StrCat("Tahun -", y + 1, " (", kFirstTargetYear + y, ")");
  }
  r2[16] = "Kondisi Kinerja pada akhir periode Renstra Perangkat Daerah";
  w.Write(r2);
  Row r3{};
  for (int p = 0; p < kTargetYears + 1; ++p) {
    r3[6 + 2 * p] = "Target";
    r3[7 + 2 * p] = "Rp";
  }
  w.Write(r3);
  Row r4{};
  for (int c = 0; c < kTc27Columns; ++c) r4[c] = absl::StrCat(c + 1);
  w.Write(r4);
}

// The indicator row in force for `year`, among a node's rows (first match).
int CarrierOf(const NodeState& node, int year) {
  for (size_t i = 0; i < node.indicators.size(); ++i) {
    if (year >= node.indicators[i].from_year && year <= node.indicators[i].to_year) {
      return static_cast<int>(i);
    }
  }
  return 0;
}

// A Tujuan or Sasaran row's targets, in the columns of a node's indicator.
void WriteStated(const StatedTargets& stated, Row& r) {
  r[5] = stated.baseline.Display();
  for (const auto& [year, v] : stated.targets) r[6 + 2 * (year - kFirstTargetYear)] = v.Display();
  r[16] = stated.end_target.Display();
}

void WriteNode(const PlanState& plan, const NodeState& node, Writer& w) {
  const size_t rows = std::max<size_t>(1, node.indicators.size());
  for (size_t i = 0; i < rows; ++i) {
    Row r{};
    if (i == 0) {
      r[2] = node.code_written;
      r[3] = node.name;
      // The Unit Kerja as the table wrote it, so a re-import places the node as the
      // import did; the division's name only for a node that had none.
      r[18] = node.unit_kerja.empty() ? DivisionDisplayName(node.division) : node.unit_kerja;
      r[19] = node.location;
    }
    if (i < node.indicators.size()) {
      const IndicatorState& ind = node.indicators[i];
      r[4] = StatementWithKind(ind);
      r[5] = ind.baseline.Display();
      for (const auto& [year, v] : ind.targets) r[6 + 2 * (year - kFirstTargetYear)] = v.Display();
      r[16] = ind.end_target.Display();
      r[17] = ind.end_funding.Display();
    }
    for (const auto& [year, m] : node.funding) {
      if (CarrierOf(node, year) == static_cast<int>(i)) {
        r[7 + 2 * (year - kFirstTargetYear)] = m.Display();
      }
    }
    w.Write(r);
  }
  for (const std::string& child : node.children) WriteNode(plan, *plan.FindNode(child), w);
}

}  // namespace

std::string ExportTc27(const PlanState& plan, TableFormat format) {
  Writer w(format);
  WriteHeader(w);
  std::map<std::string, std::vector<const NodeState*>> by_objective;
  for (const std::string& code : plan.roots()) {
    const NodeState* node = plan.FindNode(code);
    by_objective[node->objective_id].push_back(node);
  }
  // Programs outside any sasaran come first, so that reading the table back does not
  // put them under the last sasaran.
  for (const NodeState* node : by_objective[""]) WriteNode(plan, *node, w);
  by_objective.erase("");
  for (const GoalState& goal : plan.goals()) {
    Row g{};
    g[0] = goal.statement;
    g[4] = goal.indicator;
    WriteStated(goal.stated, g);
    w.Write(g);
    for (const std::string& id : goal.objective_ids) {
      const ObjectiveState* o = plan.FindObjective(id);
      Row s{};
      s[1] = o->statement;
      s[4] = o->indicator;
      WriteStated(o->stated, s);
      w.Write(s);
      for (const NodeState* node : by_objective[id]) WriteNode(plan, *node, w);
      by_objective.erase(id);
    }
  }
  for (const auto& [objective, nodes] : by_objective) {
    for (const NodeState* node : nodes) WriteNode(plan, *node, w);
  }

  Row total{};
  total[3] = "JUMLAH";
  int64_t all = 0;
  for (int year : kAllTargetYears) {
    int64_t sum = 0;
    for (const std::string& code : plan.roots()) {
      const NodeState* node = plan.FindNode(code);
      if (node->level != v1::PROGRAM) continue;
      auto it = node->funding.find(year);
      if (it != node->funding.end()) sum = SaturatingAdd(sum, it->second.rupiah());
    }
    total[7 + 2 * (year - kFirstTargetYear)] = FormatRupiah(sum);
    all = SaturatingAdd(all, sum);
  }
  total[17] = FormatRupiah(all);
  w.Write(total);
  return w.Take();
}

}  // namespace renstra
