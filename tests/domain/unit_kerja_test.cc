#include "domain/unit_kerja.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"

namespace renstra {
namespace {

using testing::IsOk;
using testing::StatusIs;

// A Dinas Kesehatan: two Bidang, a UPT whose bare name repeats a Bidang's, and a retired
// unit.
std::vector<UnitInfo> DinkesUnits() {
  return {
      {"SEKRETARIAT", "Sekretariat", v1::UnitKind::SEKRETARIAT, false},
      {"KESMAS", "Bidang Kesehatan Masyarakat", v1::UnitKind::BIDANG, false},
      {"YANKES", "Bidang Pelayanan Kesehatan", v1::UnitKind::BIDANG, false},
      {"UPT_LABKES", "UPT Laboratorium Kesehatan", v1::UnitKind::UPT, false},
      {"BID_LABKES", "Bidang Laboratorium Kesehatan", v1::UnitKind::BIDANG, false},
      {"P2P", "Bidang Pencegahan Penyakit", v1::UnitKind::BIDANG, true},
  };
}

UnitPlacement Place(std::string_view text, const std::vector<UnitMapEntry>& map = {}) {
  return PlaceUnitKerja(text, DinkesUnits(), map, "DINKES-DUMAI");
}

TEST(UnitKerjaTest, TheExactNameIsPlaced) {
  const UnitPlacement p = Place("Bidang Kesehatan Masyarakat");
  EXPECT_EQ(p.unit, "KESMAS");
  EXPECT_EQ(p.reason, "");
}

TEST(UnitKerjaTest, TheNameWithoutItsPrefixIsPlaced) {
  EXPECT_EQ(Place("Kesehatan Masyarakat").unit, "KESMAS");
  EXPECT_EQ(Place("Pelayanan Kesehatan").unit, "YANKES");
  // The table's prefix where the unit's name has none the same way.
  EXPECT_EQ(Place("UPT Laboratorium Kesehatan").unit, "UPT_LABKES");
}

TEST(UnitKerjaTest, CaseAndExtraSpacesDoNotMatter) {
  EXPECT_EQ(Place("  BIDANG   kesehatan\tmasyarakat ").unit, "KESMAS");
  EXPECT_EQ(Place("sekretariat").unit, "SEKRETARIAT");
}

TEST(UnitKerjaTest, TheUnitCodeIsPlaced) {
  EXPECT_EQ(Place("YANKES").unit, "YANKES");
  EXPECT_EQ(Place("yankes").unit, "YANKES");
}

TEST(UnitKerjaTest, AnAmbiguousTextIsNotGuessed) {
  // "Laboratorium Kesehatan" is both the UPT's and the Bidang's name without its prefix.
  const UnitPlacement p = Place("Laboratorium Kesehatan");
  EXPECT_EQ(p.unit, "");
  EXPECT_EQ(p.reason, "ambiguous: units UPT_LABKES, BID_LABKES of DINKES-DUMAI all match");
}

TEST(UnitKerjaTest, AnUnknownTextIsUnplaced) {
  const UnitPlacement p = Place("Bidang Pariwisata");
  EXPECT_EQ(p.unit, "");
  EXPECT_EQ(p.reason, "no unit of DINKES-DUMAI has this code or name");
}

TEST(UnitKerjaTest, ARetiredUnitTakesNothing) {
  const UnitPlacement p = Place("Bidang Pencegahan Penyakit");
  EXPECT_EQ(p.unit, "");
  EXPECT_EQ(p.reason, "unit P2P of DINKES-DUMAI is retired");
}

TEST(UnitKerjaTest, TheMapWins) {
  // Without the map the text is YANKES's own name; the map sends it elsewhere.
  const std::vector<UnitMapEntry> map = {{"bidang  pelayanan kesehatan", "KESMAS", 1},
                                         {"Bidang Pariwisata", "SEKRETARIAT", 2}};
  EXPECT_EQ(Place("Bidang Pelayanan Kesehatan", map).unit, "KESMAS");
  EXPECT_EQ(Place("Bidang Pariwisata", map).unit, "SEKRETARIAT");
  const UnitPlacement unknown = Place("Bidang Perhubungan", map);
  EXPECT_EQ(unknown.reason,
            "no unit of DINKES-DUMAI has this code or name, nor does the unit map name it");
}

TEST(UnitMapTest, ReadsLinesSkippingCommentsAndBlankLines) {
  absl::StatusOr<std::vector<UnitMapEntry>> map =
      ParseUnitMap("# teks\tunit\n\nBidang Pariwisata\tSEKRETARIAT\r\n Kesmas \t KESMAS\n",
                   "peta.tsv", DinkesUnits());
  ASSERT_THAT(map, IsOk());
  ASSERT_EQ(map->size(), 2u);
  EXPECT_EQ((*map)[0].text, "Bidang Pariwisata");
  EXPECT_EQ((*map)[0].unit, "SEKRETARIAT");
  EXPECT_EQ((*map)[0].line, 3);
  EXPECT_EQ((*map)[1].text, "Kesmas");
  EXPECT_EQ((*map)[1].unit, "KESMAS");
  EXPECT_EQ((*map)[1].line, 4);
}

TEST(UnitMapTest, ABadLineIsInvalidArgumentNamingTheFileAndLine) {
  const std::vector<UnitInfo> units = DinkesUnits();
  EXPECT_THAT(ParseUnitMap("# x\nBidang Pariwisata KESMAS\n", "peta.tsv", units).status(),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "peta.tsv line 2: 1 field; a line is \"Unit Kerja text<TAB>UNIT_CODE\""));
  EXPECT_THAT(ParseUnitMap("a\tKESMAS\tx\n", "", units).status(),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "unit_map line 1: 3 fields; a line is \"Unit Kerja text<TAB>UNIT_CODE\""));
  EXPECT_THAT(ParseUnitMap("\tKESMAS\n", "peta.tsv", units).status(),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "peta.tsv line 1: the Unit Kerja text is empty"));
  EXPECT_THAT(ParseUnitMap("Pariwisata\t \n", "peta.tsv", units).status(),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "peta.tsv line 1: no unit code for \"Pariwisata\""));
  EXPECT_THAT(ParseUnitMap("Pariwisata\tDISPAR\n", "peta.tsv", units).status(),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "peta.tsv line 1: unit DISPAR: not a unit of the agency"));
  EXPECT_THAT(ParseUnitMap("Pariwisata\tP2P\n", "peta.tsv", units).status(),
              StatusIs(absl::StatusCode::kInvalidArgument, "peta.tsv line 1: unit P2P: retired"));
  EXPECT_THAT(
      ParseUnitMap("Pariwisata\tKESMAS\n#\nPARIWISATA\tYANKES\n", "peta.tsv", units).status(),
      StatusIs(absl::StatusCode::kInvalidArgument,
               "peta.tsv line 3: \"PARIWISATA\" is mapped on an earlier line"));
}

TEST(UnitMapTest, AnEmptyMapHasNoEntries) {
  absl::StatusOr<std::vector<UnitMapEntry>> map = ParseUnitMap("", "peta.tsv", DinkesUnits());
  ASSERT_THAT(map, IsOk());
  EXPECT_TRUE(map->empty());
}

}  // namespace
}  // namespace renstra
