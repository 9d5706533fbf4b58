// End-to-end: `renstra plan cascade` against the real renstrad — the seed's T-C.28 as
// TSV with each IKU's replacement and its TC.25 twin, the cross-table finding in the
// text view, a document whose cell cannot be read for certain refused naming the cell,
// and a usage error for a row format without --table.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "tests/e2e/e2e_fixture.h"

namespace renstra::testing {
namespace {

using ::testing::HasSubstr;

constexpr char kRehabToken[] = "rehab-5c3a1e7b9d0f2468";

class CascadeEndToEnd : public SeededDaemonTest {
 protected:
  std::vector<DaemonUser> Users() const override {
    return {{"rehab", v1::Role::KEPALA_BIDANG, v1::REHABILITASI_SOSIAL, kRehabToken}};
  }
};

TEST_F(CascadeEndToEnd, SeedIkuAsTsvWithReplacementsAndLinks) {
  CommandResult tsv = As(kRehabToken, {"plan", "cascade", "--table", "T-C.28", "--format", "tsv"});
  ASSERT_EQ(tsv.exit_code, 0) << tsv.err;
  EXPECT_EQ(
      tsv.out,
      "NO\tIndikator\tSatuan\tKondisi awal 2021\t2022\t2023\t2024\t2025\t2026\tKondisi "
      "akhir\tBerlaku\tDiganti\tSama dengan\tBaris\n"
      "1\tPersentase penyandang disabilitas terlantar, anak terlantar, lanjut usia terlantar, "
      "dan gelandangan pengemis yang terpenuhi kebutuhan dasarnya di luar "
      "panti\t%\tN/A\t100%\t100%\t100%\t100%\t100%\t100%\t2021-2026\t\tTC.25 1.2\t869\n"
      "2\tPersentase pengentasan Desa/Kelurahan tertinggal (Kurang "
      "Berkembang)\t%\tN/A\t47%\t42%\t\t\t\t\t2021-2023\tT-C.28 2.2 mulai 2024\tTC.25 2.2\t870\n"
      "\tPresentase Kelurahan Cepat Berkembang\t%\t\t\t\t80%\t90%\t100%\t100%\t2024-2026\t\tTC.25 "
      "2.3\t871\n"
      "3\tPersentase LPM (Lembaga Pemberdayaan Masyarakat) "
      "berprestasi/aktif\t%\tN/A\t100%\t100%\t\t\t\t\t2021-2023\tT-C.28 3.2 mulai 2024\tTC.25 "
      "2.4\t872\n"
      "\tPresentase PKK Aktif\t%\t\t\t\t100%\t100%\t100%\t100%\t2024-2026\t\tTC.25 2.5\t873\n"
      "4\tPersentase korban bencana alam dan sosial yang terpenuhi kebutuhan dasarnya pada saat "
      "dan setelah Tanggap Darurat Bencana Daerah "
      "Kab/Kota\t%\tN/A\t100%\t100%\t100%\t100%\t100%\t100%\t2021-2026\t\tTC.25 3.2\t874\n");
}

TEST_F(CascadeEndToEnd, SeedTextListsTheTablesAndTheOneCrossTableFinding) {
  CommandResult text = As(kRehabToken, {"plan", "cascade"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_THAT(text.out, HasSubstr("Tabel TC.25 (baris 598): 3 tujuan, 3 sasaran, 3 indikator "
                                  "tujuan, 6 indikator sasaran\n"));
  EXPECT_THAT(text.out,
              HasSubstr("Tabel T-C.28 (baris 862): 4 nomor, 6 indikator kinerja utama\n"));
  EXPECT_THAT(text.out,
              HasSubstr("    TC.25 2.1 [Indikator Tujuan] Nilai Evaluasi Perkembangan Desa dan "
                        "Kelurahan (EPDESSEL) / IDM (baris 609)\n"
                        "      satuan: (tidak disebut); 2021: N/A; 2022: > 201-350; 2023: > "
                        "201-350; 2024: > 201-350; 2025: > 351; 2026: > 351\n"
                        "      berlaku 2021-2026\n"));
  EXPECT_THAT(
      text.out,
      HasSubstr("Temuan (1):\n"
                "CROSS_TABLE_BASELINE TC.25 3.2 tahun=2021 baris=874 tertulis=100 hitungan=N/A : "
                "TC.25 3.2 (line 615) and T-C.28 4.1 (line 874) state the baseline (2021) of "
                "\"Persentase korban bencana alam dan sosial yang terpenuhi kebutuhan dasarnya "
                "pada saat dan setelah Tanggap Darurat Bencana Daerah Kab/Kota\" differently: "
                "\"100\" and \"N/A\"\n"));
}

TEST_F(CascadeEndToEnd, ACellThatCannotBeReadForCertainIsRefused) {
  const std::string path = tmp_ / "doc.txt";
  std::ofstream(path) << "Tabel T-C.28\n"
                         "NO\tIndikator\tAwal\tTarget\t\t\t\t\tKondisi akhir periode\n"
                         "\t\tTahun 2021\tTahun 2022\tTahun 2023\tTahun 2024\tTahun 2025\tTahun "
                         "2026\t\n"
                         "1\tJumlah A\tN/A\t1.250\t6.36\t7\t8\t9\t9\n";
  CommandResult refused = As(kRehabToken, {"plan", "cascade", "--file", path});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_THAT(refused.err,
              HasSubstr("content: T-C.28 line 4 (row 1), column 2022: \"1.250\" reads as 1.250 (a "
                        "thousands dot) or as 1,250 (a decimal point, as the document also writes "
                        "6.36); it cannot be read for certain"));
  EXPECT_EQ(refused.out, "");

  const std::string none = tmp_ / "none.txt";
  std::ofstream(none) << "Tabel TC.26 Tujuan, Sasaran, Strategi, dan Kebijakan\n";
  CommandResult absent = As(kRehabToken, {"plan", "cascade", "--file", none});
  EXPECT_EQ(absent.exit_code, 1);
  EXPECT_THAT(absent.err, HasSubstr("content: neither \"Tabel TC.25\" nor \"Tabel T-C.28\" was "
                                    "found (a line starting with the table's title is looked "
                                    "for)"));
}

TEST_F(CascadeEndToEnd, RowsNeedATable) {
  CommandResult usage = As(kRehabToken, {"plan", "cascade", "--format", "csv"});
  EXPECT_EQ(usage.exit_code, 2);
  EXPECT_EQ(usage.err, "renstra: --format csv needs --table TC.25 or --table T-C.28\n");
}

}  // namespace
}  // namespace renstra::testing
