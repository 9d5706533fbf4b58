#include "domain/finding_diff.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace renstra {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

v1::Finding Make(v1::Finding::Kind kind, const std::string& code, int year,
                 const std::string& stated, const std::string& computed,
                 const std::string& message = "") {
  v1::Finding f;
  f.set_kind(kind);
  f.set_code(code);
  f.set_year(year);
  f.set_stated(stated);
  f.set_computed(computed);
  f.set_message(message.empty() ? code + " " + stated + " " + computed : message);
  return f;
}

std::vector<std::string> Labels(const std::vector<v1::Finding>& findings) {
  std::vector<std::string> out;
  for (const v1::Finding& f : findings) out.push_back(FindingLabel(f) + " " + f.computed());
  return out;
}

const v1::Finding kParent2025 =
    Make(v1::Finding::PARENT_CHILDREN_FUNDING, "1.06.06.2.01", 2025, "475.000.000", "625.000.000");
const v1::Finding kRow =
    Make(v1::Finding::ROW_FUNDING_TOTAL, "1.06.04.2.01.0008", 0, "110.000.000", "95.000.000");

TEST(FindingDiffTest, TheSameFindingsDiffToNothing) {
  const FindingDiff diff = DiffFindings({kParent2025, kRow}, {kParent2025, kRow});
  EXPECT_THAT(diff.added, IsEmpty());
  EXPECT_THAT(diff.removed, IsEmpty());
}

TEST(FindingDiffTest, NewAndGoneFindingsAreAddedAndRemoved) {
  const v1::Finding parent2026 = Make(v1::Finding::PARENT_CHILDREN_FUNDING, "1.06.04.2.01", 2026,
                                      "1.785.000.000", "1.800.000.000");
  const FindingDiff diff = DiffFindings({kParent2025, kRow}, {kParent2025, parent2026});
  EXPECT_THAT(Labels(diff.added), ElementsAre("PARENT_CHILDREN_FUNDING 1.06.04.2.01 2026 "
                                              "1.800.000.000"));
  EXPECT_THAT(Labels(diff.removed), ElementsAre("ROW_FUNDING_TOTAL 1.06.04.2.01.0008 95.000.000"));
}

TEST(FindingDiffTest, AFindingWithOtherFiguresIsNeitherAddedNorRemoved) {
  const v1::Finding moved = Make(v1::Finding::PARENT_CHILDREN_FUNDING, "1.06.06.2.01", 2025,
                                 "475.000.000", "635.000.000");
  const FindingDiff diff = DiffFindings({kParent2025}, {moved});
  EXPECT_THAT(diff.added, IsEmpty());
  EXPECT_THAT(diff.removed, IsEmpty());
}

TEST(FindingDiffTest, TheSameKindNodeAndYearIsKeptApartByIndicatorRow) {
  // Two indicator rows of one node, both year 0: the unchanged one matches itself, so the
  // new one is the added one, whichever order the validator lists them in.
  const v1::Finding first =
      Make(v1::Finding::TARGET_TOTAL, "1.06.04.2.01.0001", 0, "720 Orang", "740 Orang", "row #1");
  const v1::Finding second =
      Make(v1::Finding::TARGET_TOTAL, "1.06.04.2.01.0001", 0, "30 Orang", "40 Orang", "row #2");
  FindingDiff diff = DiffFindings({second}, {first, second});
  EXPECT_THAT(Labels(diff.added), ElementsAre("TARGET_TOTAL 1.06.04.2.01.0001 740 Orang"));
  EXPECT_THAT(diff.removed, IsEmpty());
  diff = DiffFindings({first, second}, {second});
  EXPECT_THAT(diff.added, IsEmpty());
  EXPECT_THAT(Labels(diff.removed), ElementsAre("TARGET_TOTAL 1.06.04.2.01.0001 740 Orang"));
}

TEST(FindingDiffTest, LabelOmitsTheYearOfAFindingWithoutOne) {
  EXPECT_EQ(FindingLabel(kParent2025), "PARENT_CHILDREN_FUNDING 1.06.06.2.01 2025");
  EXPECT_EQ(FindingLabel(kRow), "ROW_FUNDING_TOTAL 1.06.04.2.01.0008");
}

}  // namespace
}  // namespace renstra
