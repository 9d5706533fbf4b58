// End-to-end: `renstra import` of another agency's T-C.27 table against the real
// renstrad — column 19 (Unit Kerja) placed on the agency's units made with `renstra
// agency`, an unplaced row reported on a dry run, refused with --strict-units (nothing
// written), placed by --unit-map, the responsibilities recorded on the agency's stream
// once (a retry records nothing more), and the plan named after the agency.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "tests/e2e/e2e_fixture.h"

namespace renstra::testing {
namespace {

using ::testing::HasSubstr;

constexpr char kAdminToken[] = "admin-5c1e3a7b9d0f2468";

// A 20-column TSV row: `cells` from column 1 on, the rest blank.
std::string Row(std::vector<std::string> cells) {
  cells.resize(20);
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) out += (i ? "\t" : "") + cells[i];
  return out + "\n";
}

std::string Node(const char* code, const char* name, const char* indicator, const char* unit) {
  std::vector<std::string> cells = {"", "", code, name, indicator, "10 Orang"};
  for (int y = 0; y < 5; ++y) {
    cells.push_back("2 Orang");
    cells.push_back("Rp 100.000.000");
  }
  cells.push_back("10 Orang");
  cells.push_back("Rp 500.000.000");
  cells.push_back(unit);
  return Row(cells);
}

// Lines 3-6: Bidang Kesehatan Masyarakat, Pelayanan Kesehatan, a Bidang Pariwisata the
// agency does not have, and a blank Unit Kerja.
std::string DinkesTable() {
  return "Tujuan\tSasaran\tKode\tProgram\tIndikator\tAwal\tTarget\n"
         "1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12\t13\t14\t15\t16\t17\t18\t19\t20\n" +
         Node("1.02.02", "Program Pemenuhan Upaya Kesehatan", "Jumlah warga yang mendapat layanan",
              "Bidang Kesehatan Masyarakat") +
         Node("1.02.02.2.01", "Penyediaan Fasilitas Kesehatan",
              "Jumlah warga yang mendapat layanan", "Pelayanan Kesehatan") +
         Node("1.02.02.2.01.0001", "Pembangunan Puskesmas", "Jumlah warga yang mendapat layanan",
              "Bidang Pariwisata") +
         Node("1.02.02.2.01.0002", "Rehabilitasi Puskesmas", "Jumlah warga yang mendapat layanan",
              "");
}

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  ASSERT_TRUE(out.good()) << path;
}

// The history lines of `agency show`, without the times and sequences that vary.
std::string HistoryOf(const std::string& shown) {
  const std::string history = shown.substr(shown.find("riwayat ("));
  return std::regex_replace(
      std::regex_replace(history, std::regex("berlaku sejak [^ ]+ [0-9:]+ WIB  "), ""),
      std::regex("  \\(peristiwa #[0-9]+\\)"), "");
}

// The "versi renstra N" of an import report.
std::string PlanVersionOf(const std::string& report) {
  std::smatch m;
  return std::regex_search(report, m, std::regex("versi renstra +([0-9]+)\n")) ? m[1].str() : "";
}

class ImportUnitsEndToEnd : public SeededDaemonTest {
 protected:
  std::vector<DaemonUser> Users() const override {
    return {{"admin", v1::Role::ADMIN, v1::DIVISION_UNSPECIFIED, kAdminToken}};
  }

  void SetUpAgency() {
    const std::vector<std::vector<std::string>> commands = {
        {"agency", "create", "DINKES-DUMAI", "--name", "Dinas Kesehatan Kota Dumai", "--pemda",
         "Kota Dumai"},
        {"agency", "unit-create", "DINKES-DUMAI", "SEKRETARIAT", "--name", "Sekretariat", "--kind",
         "SEKRETARIAT"},
        {"agency", "unit-create", "DINKES-DUMAI", "KESMAS", "--name", "Bidang Kesehatan Masyarakat",
         "--kind", "BIDANG"},
        {"agency", "unit-create", "DINKES-DUMAI", "YANKES", "--name", "Bidang Pelayanan Kesehatan",
         "--kind", "BIDANG"},
    };
    for (const std::vector<std::string>& args : commands) {
      CommandResult r = As(kAdminToken, args);
      ASSERT_EQ(r.exit_code, 0) << r.err;
    }
  }

  CommandResult Import(std::vector<std::string> extra) {
    std::vector<std::string> args = {"--agency", "DINKES-DUMAI", "import", "--file",
                                     tmp_ / "dinkes.tsv"};
    args.insert(args.end(), extra.begin(), extra.end());
    return As(kAdminToken, args);
  }
};

TEST_F(ImportUnitsEndToEnd, UnitKerjaIsPlacedReportedRefusedOrMappedAndRecordedOnce) {
  SetUpAgency();
  WriteFile(tmp_ / "dinkes.tsv", DinkesTable());
  const CommandResult head = As(kAdminToken, {"log", "head"});
  ASSERT_EQ(head.exit_code, 0) << head.err;

  // A dry run reports the placements and the row no unit takes; nothing is written.
  CommandResult dry = Import({"--dry-run"});
  ASSERT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_THAT(dry.out,
              HasSubstr("Unit Kerja: 2 kode pada 2 unit (akan ditugaskan), 1 baris tidak "
                        "ditempatkan\n"
                        "  KESMAS (Bidang Kesehatan Masyarakat) : 1 kode\n"
                        "  YANKES (Bidang Pelayanan Kesehatan) : 1 kode\n"
                        "  baris 5 1.02.02.2.01.0001 \"Bidang Pariwisata\" tidak ditempatkan : no "
                        "unit of DINKES-DUMAI has this code or name\n"));

  // --strict-units refuses the import naming the line; nothing is written.
  CommandResult strict = Import({"--strict-units"});
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_EQ(strict.err,
            "renstra: refused: strict_units: the Unit Kerja (column 19) of 1 row(s) names no "
            "unit of DINKES-DUMAI: line 5 (1.02.02.2.01.0001) \"Bidang Pariwisata\": no unit of "
            "DINKES-DUMAI has this code or name; create the units or map the texts (unit_map), "
            "then import again\n");

  // A map naming a unit the agency does not have is refused naming the file and line.
  WriteFile(tmp_ / "peta.tsv", "# teks Unit Kerja\tunit\nBidang Pariwisata\tDISPAR\n");
  CommandResult bad_map = Import({"--unit-map", tmp_ / "peta.tsv"});
  EXPECT_EQ(bad_map.exit_code, 1);
  EXPECT_EQ(bad_map.err,
            "renstra: invalid request: peta.tsv line 2: unit DISPAR: not a unit of the agency\n");
  CommandResult unchanged = As(kAdminToken, {"log", "head"});
  EXPECT_EQ(unchanged.out, head.out);

  // With the map every row is placed, strict or not.
  WriteFile(tmp_ / "peta.tsv", "# teks Unit Kerja\tunit\nBidang Pariwisata\tSEKRETARIAT\n");
  const std::vector<std::string> mapped = {"--unit-map", tmp_ / "peta.tsv", "--strict-units",
                                           "--request-id", "impor-dinkes-1"};
  CommandResult imported = Import(mapped);
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_THAT(imported.out,
              HasSubstr("Unit Kerja: 3 kode pada 3 unit (ditugaskan), 0 baris tidak ditempatkan\n"
                        "  KESMAS (Bidang Kesehatan Masyarakat) : 1 kode\n"
                        "  YANKES (Bidang Pelayanan Kesehatan) : 1 kode\n"
                        "  SEKRETARIAT (Sekretariat) : 1 kode\n"));

  // The responsibilities are on the agency's stream, tied to the imported version.
  CommandResult shown = As(kAdminToken, {"agency", "show", "DINKES-DUMAI"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  const std::string version = PlanVersionOf(imported.out);
  ASSERT_NE(version, "");
  EXPECT_EQ(HistoryOf(shown.out),
            "riwayat (3 penetapan):\n"
            "  1.02.02  KESMAS  renstra versi " +
                version +
                "\n"
                "  1.02.02.2.01  YANKES  renstra versi " +
                version +
                "\n"
                "  1.02.02.2.01.0001  SEKRETARIAT  renstra versi " +
                version + "\n");

  // A retry answers as the import did and records nothing more.
  CommandResult retry = Import(mapped);
  ASSERT_EQ(retry.exit_code, 0) << retry.err;
  CommandResult again = As(kAdminToken, {"agency", "show", "DINKES-DUMAI"});
  EXPECT_EQ(HistoryOf(again.out), HistoryOf(shown.out));

  // The plan is the agency's, named after it.
  CommandResult plan = As(kAdminToken, {"--agency", "DINKES-DUMAI", "plan", "show"});
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  EXPECT_THAT(plan.out, HasSubstr("Renstra Dinas Kesehatan Kota Dumai 2021-2026 "
                                  "(plan/dinkes-dumai, versi " +
                                  version + ")\n"));
  // Who is responsible is the agency's units: each node's own assignment, and the one
  // with a blank Unit Kerja under its kegiatan's.
  for (const char* expected : {"Program 1.02.02  Program Pemenuhan Upaya Kesehatan\n"
                               "  Penanggung jawab: Bidang Kesehatan Masyarakat;",
                               "  Kegiatan 1.02.02.2.01  Penyediaan Fasilitas Kesehatan\n"
                               "    Penanggung jawab: Bidang Pelayanan Kesehatan;",
                               "    Sub Kegiatan 1.02.02.2.01.0001  Pembangunan Puskesmas\n"
                               "      Penanggung jawab: Sekretariat;",
                               "    Sub Kegiatan 1.02.02.2.01.0002  Rehabilitasi Puskesmas\n"
                               "      Penanggung jawab: Bidang Pelayanan Kesehatan;"}) {
    EXPECT_THAT(plan.out, HasSubstr(expected));
  }
  CommandResult node =
      As(kAdminToken, {"--agency", "DINKES-DUMAI", "plan", "show", "--code", "1.02.02.2.01.0002"});
  ASSERT_EQ(node.exit_code, 0) << node.err;
  EXPECT_THAT(node.out, HasSubstr("      Penanggung jawab: Bidang Pelayanan Kesehatan;"));
}

}  // namespace
}  // namespace renstra::testing
