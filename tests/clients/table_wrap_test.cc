#include "clients/table_wrap.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "clients/report_printer.h"

namespace renstra {
namespace {

using Lines = std::vector<std::string>;

TEST(TableWrapTest, WrapsAtWordBoundaries) {
  EXPECT_EQ(WrapWords("Penyediaan Permakanan bagi Penyandang Disabilitas", 20),
            (Lines{"Penyediaan", "Permakanan bagi", "Penyandang", "Disabilitas"}));
  EXPECT_EQ(WrapWords("Rehabilitasi Sosial", 40), (Lines{"Rehabilitasi Sosial"}));
  EXPECT_EQ(WrapWords("", 10), (Lines{""}));
}

TEST(TableWrapTest, BreaksAWordLongerThanTheLineAndCountsCodePoints) {
  EXPECT_EQ(WrapWords("abcdefghij xy", 4), (Lines{"abcd", "efgh", "ij", "xy"}));
  // "–" is three bytes, one column.
  EXPECT_EQ(WrapWords("a–b c–d", 3), (Lines{"a–b", "c–d"}));
}

TEST(TableWrapTest, TheWidestWrappableColumnsShrinkFirstAndNoneBelowTheMinimum) {
  // 10 + 60 + 40 + 4 gaps of 2 = 114 fits; 10 + 100 + 40 + 4 = 154 gives up 34 from the
  // widest wrappable column.
  EXPECT_EQ(FitWidths({10, 60, 40}, {false, true, true}, 2, 120),
            (std::vector<size_t>{10, 60, 40}));
  EXPECT_EQ(FitWidths({10, 100, 40}, {false, true, true}, 2, 120),
            (std::vector<size_t>{10, 66, 40}));
  // Both long columns give up width; figures (not wrappable) never do.
  EXPECT_EQ(FitWidths({10, 100, 100}, {false, true, true}, 2, 120),
            (std::vector<size_t>{10, 53, 53}));
  EXPECT_EQ(FitWidths({90, 100}, {false, true}, 2, 100), (std::vector<size_t>{90, 16}));
}

ReportTable NamedTable() {
  ReportTable t;
  t.title = "Tabel uji";
  t.header = {"Kode", "Uraian", "Target 2025"};
  t.rows = {
      {"1.06.04.2.01.0001",
       "Penyediaan Permakanan bagi Penyandang Disabilitas Terlantar, Anak Terlantar", "220 Orang"},
      {"1.06.04.2.01.0002", "Rehabilitasi", "15 Orang"}};
  t.depth = {1, 1};
  t.indent_column = 1;
  return t;
}

TEST(TableWrapTest, PrintTableWrapsLongNamesOntoContinuationLinesToFitTheTerminal) {
  std::ostringstream out;
  PrintTable(NamedTable(), out, TableFit{60, false});
  EXPECT_EQ(out.str(),
            "Tabel uji\n"
            "Kode               Uraian                        Target 2025\n"
            "------------------------------------------------------------\n"
            "1.06.04.2.01.0001    Penyediaan Permakanan bagi  220 Orang\n"
            "                     Penyandang Disabilitas\n"
            "                     Terlantar, Anak Terlantar\n"
            "1.06.04.2.01.0002    Rehabilitasi                15 Orang\n"
            "2 baris\n");
  std::istringstream lines(out.str());
  for (std::string line; std::getline(lines, line);) EXPECT_LE(DisplayWidth(line), 60u) << line;
}

TEST(TableWrapTest, PrintTableWideKeepsOneLinePerRow) {
  std::ostringstream out;
  PrintTable(NamedTable(), out, TableFit{60, true});
  EXPECT_EQ(
      out.str(),
      "Tabel uji\n"
      "Kode               Uraian                                                            "
      "             Target 2025\n" +
          std::string(109, '-') +
          "\n"
          "1.06.04.2.01.0001    Penyediaan Permakanan bagi Penyandang Disabilitas Terlantar, "
          "Anak Terlantar  220 Orang\n"
          "1.06.04.2.01.0002    Rehabilitasi                                                  "
          "               15 Orang\n"
          "2 baris\n");
}

}  // namespace
}  // namespace renstra
