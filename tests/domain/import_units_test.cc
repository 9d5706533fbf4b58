// The importer on another agency's table: column 19 (Unit Kerja) placed on that
// agency's units, the unplaced row reported (or the import refused with strict_units),
// the plan named after the agency, and the text surviving an export and re-import.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "domain/import_decider.h"
#include "domain/tc27_exporter.h"
#include "gtest/gtest.h"
#include "tests/domain/seed_fixture.h"
#include "tests/testing/status_matchers.h"

namespace renstra {
namespace {

using testing::IsOk;
using testing::Row;
using testing::StatusIs;

constexpr char kDinkes[] = "Dinas Kesehatan Kota Dumai";

std::vector<UnitInfo> DinkesUnits() {
  return {{"KESMAS", "Bidang Kesehatan Masyarakat", v1::UnitKind::BIDANG, false},
          {"YANKES", "Bidang Pelayanan Kesehatan", v1::UnitKind::BIDANG, false},
          {"SEKRETARIAT", "Sekretariat", v1::UnitKind::SEKRETARIAT, false}};
}

// Lines 3-6: a program of Bidang Kesehatan Masyarakat, a kegiatan of Pelayanan
// Kesehatan, a sub kegiatan of a Bidang Pariwisata the agency does not have, and a
// kegiatan with column 19 blank.
std::string DinkesTable() {
  auto row = [](const char* code, const char* name, const char* unit) {
    std::vector<std::string> cells = {"", "", code, name, "Ind", "10", "12"};
    cells.resize(20);
    cells[18] = unit;
    return Row(cells);
  };
  return std::string(testing::kTc27Header) +
         row("1.02.02", "Program Pemenuhan Upaya Kesehatan", "Bidang Kesehatan Masyarakat") +
         row("1.02.02.2.01", "Penyediaan Fasilitas Kesehatan", " Pelayanan  Kesehatan ") +
         row("1.02.02.2.01.0001", "Pembangunan Puskesmas", "Bidang Pariwisata") +
         row("1.02.02.2.02", "Penyediaan Layanan Kesehatan", "");
}

ImportOptions DinkesOptions() {
  ImportOptions options;
  options.plan_id = "plan/dinkes-dumai";
  options.agency = kDinkes;
  options.source = "dinkes.tsv";
  options.agency_code = "DINKES-DUMAI";
  options.units = DinkesUnits();
  return options;
}

absl::StatusOr<ImportDecision> Decide(const std::string& text, const ImportOptions& options) {
  absl::StatusOr<ParsedTable> table = ParseTc27(text);
  EXPECT_THAT(table, IsOk());
  if (!table.ok()) return table.status();
  return DecideImport(PlanState(), *table, options);
}

const v1::NodeAdded* NodeAddedOf(const ImportDecision& d, const std::string& code) {
  for (const v1::PlanEvent& e : d.events) {
    if (e.has_node_added() && e.node_added().code() == code) return &e.node_added();
  }
  return nullptr;
}

std::string WhatOfLine(const ImportDecision& d, int line) {
  for (const v1::ImportLine& l : d.lines) {
    if (l.line() == line) return l.what();
  }
  return "";
}

TEST(ImportUnitsTest, AnotherAgencysUnitsArePlacedAndTheRestReported) {
  absl::StatusOr<ImportDecision> d = Decide(DinkesTable(), DinkesOptions());
  ASSERT_THAT(d, IsOk());
  ASSERT_TRUE(d->events[0].has_plan_established());
  EXPECT_EQ(d->events[0].plan_established().agency(), kDinkes);

  ASSERT_EQ(d->placements.size(), 3u);
  EXPECT_EQ(d->placements[0].line, 3);
  EXPECT_EQ(d->placements[0].code, "1.02.02");
  EXPECT_EQ(d->placements[0].text, "Bidang Kesehatan Masyarakat");
  EXPECT_EQ(d->placements[0].unit, "KESMAS");
  EXPECT_EQ(d->placements[0].reason, "");
  EXPECT_EQ(d->placements[1].line, 4);
  EXPECT_EQ(d->placements[1].code, "1.02.02.2.01");
  EXPECT_EQ(d->placements[1].text, "Pelayanan  Kesehatan");
  EXPECT_EQ(d->placements[1].unit, "YANKES");
  EXPECT_EQ(d->placements[2].line, 5);
  EXPECT_EQ(d->placements[2].code, "1.02.02.2.01.0001");
  EXPECT_EQ(d->placements[2].text, "Bidang Pariwisata");
  EXPECT_EQ(d->placements[2].unit, "");
  EXPECT_EQ(d->placements[2].reason, "no unit of DINKES-DUMAI has this code or name");

  // The text is kept on the node as written; it names no Dinas Sosial division.
  const v1::NodeAdded* program = NodeAddedOf(*d, "1.02.02");
  ASSERT_NE(program, nullptr);
  EXPECT_EQ(program->unit_kerja(), "Bidang Kesehatan Masyarakat");
  EXPECT_EQ(program->division(), v1::DIVISION_UNSPECIFIED);
  const v1::NodeAdded* sub = NodeAddedOf(*d, "1.02.02.2.01.0001");
  ASSERT_NE(sub, nullptr);
  EXPECT_EQ(sub->unit_kerja(), "Bidang Pariwisata");
  const v1::NodeAdded* blank = NodeAddedOf(*d, "1.02.02.2.02");
  ASSERT_NE(blank, nullptr);
  EXPECT_EQ(blank->unit_kerja(), "");

  // Every placement is in the line outcomes ImportReported records.
  constexpr char kIndicator[] =
      "(undetermined: not told by its statement, unit or figures; no end-of-period target)";
  EXPECT_EQ(WhatOfLine(*d, 3), absl::StrCat("program 1.02.02: indicator 1.02.02#1 ", kIndicator,
                                            ": Unit Kerja \"Bidang Kesehatan Masyarakat\" is "
                                            "unit KESMAS"));
  EXPECT_EQ(WhatOfLine(*d, 4),
            absl::StrCat("kegiatan 1.02.02.2.01: indicator 1.02.02.2.01#1 ", kIndicator,
                         ": Unit Kerja \"Pelayanan  Kesehatan\" is unit YANKES"));
  EXPECT_EQ(
      WhatOfLine(*d, 5),
      absl::StrCat("sub kegiatan 1.02.02.2.01.0001: indicator 1.02.02.2.01.0001#1 ", kIndicator,
                   ": Unit Kerja \"Bidang Pariwisata\" not placed (no unit of DINKES-DUMAI "
                   "has this code or name)"));
  // A blank column 19 adds nothing.
  EXPECT_EQ(WhatOfLine(*d, 6),
            absl::StrCat("kegiatan 1.02.02.2.02: indicator 1.02.02.2.02#1 ", kIndicator));
}

TEST(ImportUnitsTest, TheUnitMapPlacesWhatTheUnitsDoNot) {
  ImportOptions options = DinkesOptions();
  options.unit_map = {{"bidang pariwisata", "SEKRETARIAT", 1}};
  absl::StatusOr<ImportDecision> d = Decide(DinkesTable(), options);
  ASSERT_THAT(d, IsOk());
  ASSERT_EQ(d->placements.size(), 3u);
  EXPECT_EQ(d->placements[2].unit, "SEKRETARIAT");
  EXPECT_EQ(d->placements[2].reason, "");
}

TEST(ImportUnitsTest, StrictUnitsRefusesAnUnplacedRowNamingIt) {
  ImportOptions options = DinkesOptions();
  options.strict_units = true;
  EXPECT_THAT(Decide(DinkesTable(), options).status(),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "strict_units: the Unit Kerja (column 19) of 1 row(s) names no unit of "
                       "DINKES-DUMAI: line 5 (1.02.02.2.01.0001) \"Bidang Pariwisata\": no unit "
                       "of DINKES-DUMAI has this code or name; create the units or map the texts "
                       "(unit_map), then import again"));
  // With every text placed, strict_units imports.
  options.unit_map = {{"Bidang Pariwisata", "SEKRETARIAT", 1}};
  EXPECT_THAT(Decide(DinkesTable(), options), IsOk());
}

TEST(ImportUnitsTest, ExportAndReimportPlaceEveryNodeAsTheImportDid) {
  absl::StatusOr<ImportDecision> d = Decide(DinkesTable(), DinkesOptions());
  ASSERT_THAT(d, IsOk());
  PlanState plan;
  ASSERT_THAT(plan.ApplyAll(d->events), IsOk());
  const std::string exported = ExportTc27(plan, TableFormat::kTsv);
  absl::StatusOr<ParsedTable> table =
      ParseTc27(exported, Tc27ParseOptions{.number_format = NumberFormat::kId});
  ASSERT_THAT(table, IsOk());
  absl::StatusOr<ImportDecision> again = DecideImport(PlanState(), *table, DinkesOptions());
  ASSERT_THAT(again, IsOk());
  PlanState replanned;
  ASSERT_THAT(replanned.ApplyAll(again->events), IsOk());
  for (const NodeState* n : plan.NodesInOrder()) {
    const NodeState* m = replanned.FindNode(n->code);
    ASSERT_NE(m, nullptr) << n->code;
    EXPECT_EQ(m->unit_kerja, n->unit_kerja) << n->code;
    EXPECT_EQ(m->division, n->division) << n->code;
  }
  ASSERT_EQ(again->placements.size(), d->placements.size());
  for (size_t i = 0; i < d->placements.size(); ++i) {
    EXPECT_EQ(again->placements[i].code, d->placements[i].code);
    EXPECT_EQ(again->placements[i].unit, d->placements[i].unit);
  }
}

TEST(ImportUnitsTest, ADinasSosialDivisionStillNamesItsDivision) {
  // The default agency's table: the division its text names, the unit of that name.
  ImportOptions options = DinkesOptions();
  options.units = {
      {"REHABILITASI_SOSIAL", "Bidang Rehabilitasi Sosial", v1::UnitKind::BIDANG, false}};
  options.agency_code = "DINSOS-DUMAI";
  std::vector<std::string> cells = {"", "", "1.06.04", "Program", "Ind", "10"};
  cells.resize(20);
  cells[18] = "Rehabilitasi Sosial";
  absl::StatusOr<ImportDecision> d =
      Decide(std::string(testing::kTc27Header) + Row(cells), options);
  ASSERT_THAT(d, IsOk());
  const v1::NodeAdded* program = NodeAddedOf(*d, "1.06.04");
  ASSERT_NE(program, nullptr);
  EXPECT_EQ(program->division(), v1::REHABILITASI_SOSIAL);
  ASSERT_EQ(d->placements.size(), 1u);
  EXPECT_EQ(d->placements[0].unit, "REHABILITASI_SOSIAL");
}

TEST(ImportUnitsTest, WithoutUnitsADivisionsNameIsItsDivisionAndNoPlacement) {
  // No units known (an agency the directory does not hold): the Dinas Sosial division
  // takes its own name, as before units were data; another text is still reported.
  std::vector<std::string> division = {"", "", "1.06.04", "Program", "Ind", "10"};
  division.resize(20);
  division[18] = "Bidang Rehabilitasi Sosial";
  std::vector<std::string> other = {"", "", "1.06.04.2.01", "Kegiatan", "Ind", "10"};
  other.resize(20);
  other[18] = "Bidang Kesehatan Masyarakat";
  absl::StatusOr<ImportDecision> d =
      Decide(std::string(testing::kTc27Header) + Row(division) + Row(other),
             ImportOptions{.plan_id = "plan/test", .source = "test"});
  ASSERT_THAT(d, IsOk());
  const v1::NodeAdded* program = NodeAddedOf(*d, "1.06.04");
  ASSERT_NE(program, nullptr);
  EXPECT_EQ(program->division(), v1::REHABILITASI_SOSIAL);
  EXPECT_EQ(program->unit_kerja(), "Bidang Rehabilitasi Sosial");
  ASSERT_EQ(d->placements.size(), 1u);
  EXPECT_EQ(d->placements[0].code, "1.06.04.2.01");
  EXPECT_EQ(d->placements[0].reason, "no unit of the agency has this code or name");
}

}  // namespace
}  // namespace renstra
