// End-to-end: `renstra agency` against the real renstrad — the seed agency set up on the
// first start, an admin adding an agency, a unit and an assignment, a Kepala Bidang
// refused, an unknown agency named, and nothing appended again by a restart.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/e2e/e2e_fixture.h"

namespace renstra::testing {
namespace {

using ::testing::HasSubstr;

constexpr char kAdminToken[] = "admin-0b3c5e7a9d1f2468";
constexpr char kRehabToken[] = "rehab-1a3c5e7b9d0f2468";

class AgencyEndToEnd : public SeededDaemonTest {
 protected:
  std::vector<DaemonUser> Users() const override {
    return {{"admin", v1::Role::ADMIN, v1::DIVISION_UNSPECIFIED, kAdminToken},
            {"rehab", v1::Role::KEPALA_BIDANG, v1::REHABILITASI_SOSIAL, kRehabToken}};
  }
};

TEST_F(AgencyEndToEnd, AdminAddsAnAgencyUnitAndAssignment) {
  CommandResult list = As(kRehabToken, {"agency", "list"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_EQ(list.out,
            "DINSOS-DUMAI  Dinas Sosial dan Pemberdayaan Masyarakat Kota Dumai  (Kota Dumai)\n"
            "  SEKRETARIAT  SEKRETARIAT  Sekretariat\n"
            "  PERLINDUNGAN_JAMINAN_SOSIAL  BIDANG  Bidang Perlindungan dan Jaminan Sosial\n"
            "  REHABILITASI_SOSIAL  BIDANG  Bidang Rehabilitasi Sosial\n"
            "  PEMBERDAYAAN_SOSIAL  BIDANG  Bidang Pemberdayaan Sosial\n"
            "  PEMBERDAYAAN_MASYARAKAT  BIDANG  Bidang Pemberdayaan Masyarakat\n"
            "1 perangkat daerah\n");

  CommandResult created = As(kAdminToken, {"agency", "create", "DINKES-DUMAI", "--name",
                                           "Dinas Kesehatan Kota Dumai", "--pemda", "Kota Dumai"});
  ASSERT_EQ(created.exit_code, 0) << created.err;
  EXPECT_EQ(created.out, "DINKES-DUMAI  Dinas Kesehatan Kota Dumai  (Kota Dumai)\n");
  CommandResult unit = As(kAdminToken, {"agency", "unit-create", "DINKES-DUMAI", "KESMAS", "--name",
                                        "Bidang Kesehatan Masyarakat", "--kind", "BIDANG"});
  ASSERT_EQ(unit.exit_code, 0) << unit.err;
  CommandResult assigned = As(kAdminToken, {"agency", "assign", "DINKES-DUMAI", "1.2.2", "KESMAS",
                                            "--effective", "2025-01-01", "--plan-version", "3"});
  ASSERT_EQ(assigned.exit_code, 0) << assigned.err;
  EXPECT_THAT(assigned.out,
              HasSubstr("penanggung jawab saat ini:\n  1.02.02  KESMAS  berlaku sejak 2025-01-01 "
                        "00:00 WIB  renstra versi 3  (peristiwa #"));

  CommandResult refused =
      As(kRehabToken, {"agency", "assign", "DINKES-DUMAI", "1.02.02", "KESMAS"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_THAT(refused.err, HasSubstr("only ADMIN may manage agencies; rehab is KEPALA_BIDANG"));
  CommandResult unknown = As(kRehabToken, {"agency", "show", "DISDIK-DUMAI"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_THAT(unknown.err, HasSubstr("agency: no agency DISDIK-DUMAI"));
  CommandResult bad_kind = As(kAdminToken, {"agency", "unit-create", "DINKES-DUMAI", "P2P",
                                            "--name", "Bidang P2P", "--kind", "SEKSI"});
  EXPECT_EQ(bad_kind.exit_code, 2);
  EXPECT_THAT(bad_kind.err, HasSubstr("--kind \"SEKSI\" bukan SEKRETARIAT, BIDANG atau UPT"));

  // A restart reads the agencies back and sets nothing up again.
  const uint64_t events = server_.ready.events;
  Stop();
  Start(tmp_ / "data");
  EXPECT_EQ(server_.ready.events, events + 3 + 1);  // 3 agency events, 1 refusal recorded
  CommandResult shown = As(kRehabToken, {"agency", "show", "DINKES-DUMAI"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_THAT(shown.out, HasSubstr("riwayat (1 penetapan):\n  1.02.02  KESMAS"));
}

TEST_F(AgencyEndToEnd, AnotherAgencysRenstraIsImportedAndReadWithAgency) {
  CommandResult created =
      As(kAdminToken, {"agency", "create", "DINSOS-BENGKALIS", "--name",
                       "Dinas Sosial Kabupaten Bengkalis", "--pemda", "Kabupaten Bengkalis"});
  ASSERT_EQ(created.exit_code, 0) << created.err;
  CommandResult imported =
      As(kAdminToken, {"--agency", "DINSOS-BENGKALIS", "import", "--file", RENSTRA_SEED_PATH});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;

  CommandResult other = As(kRehabToken, {"--agency", "DINSOS-BENGKALIS", "plan", "show"});
  ASSERT_EQ(other.exit_code, 0) << other.err;
  EXPECT_THAT(other.out, HasSubstr("(plan/dinsos-bengkalis, versi 1324)"));
  CommandResult seed = As(kRehabToken, {"plan", "show"});
  ASSERT_EQ(seed.exit_code, 0) << seed.err;
  EXPECT_THAT(seed.out, HasSubstr("(plan/dinsos-dumai, versi 1324)"));

  CommandResult unknown = As(kRehabToken, {"--agency", "DISDIK-DUMAI", "plan", "show"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_EQ(unknown.err, "renstra: not found: agency: no agency DISDIK-DUMAI\n");

  // A Kepala Bidang of the other agency proposes on its Renstra and not on the default one.
  CommandResult no_such =
      As(kAdminToken, {"admin", "user", "add", "rina", "--role", "KEPALA_BIDANG", "--division",
                       "REHABILITASI_SOSIAL", "--agency", "DISDIK-DUMAI"});
  EXPECT_EQ(no_such.exit_code, 1);
  EXPECT_EQ(no_such.err, "renstra: not found: agency: no agency DISDIK-DUMAI\n");
  CommandResult not_bound = As(kAdminToken, {"admin", "user", "add", "ika", "--role", "INSPEKTORAT",
                                             "--agency", "DINSOS-BENGKALIS"});
  EXPECT_EQ(not_bound.exit_code, 1);
  EXPECT_THAT(not_bound.err,
              HasSubstr("agency: a INSPEKTORAT works for every agency; only KEPALA_BIDANG, "
                        "SEKRETARIAT and KEPALA_DINAS belong to one"));
  CommandResult added =
      As(kAdminToken, {"admin", "user", "add", "rina", "--role", "KEPALA_BIDANG", "--division",
                       "REHABILITASI_SOSIAL", "--agency", "DINSOS-BENGKALIS"});
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_EQ(added.err.substr(0, added.err.find('\n')),
            "ditambahkan rina  KEPALA_BIDANG  REHABILITASI_SOSIAL  DINSOS-BENGKALIS");
  std::string rina = added.out.substr(0, added.out.find('\n'));
  const std::vector<std::string> propose = {"propose", "--justification", "uji", "--set-target",
                                            "1.06.04.2.01.0001#1:2025=230 Orang"};
  std::vector<std::string> own_args = {"--agency", "DINSOS-BENGKALIS"};
  own_args.insert(own_args.end(), propose.begin(), propose.end());
  CommandResult proposed = As(rina, own_args);
  EXPECT_EQ(proposed.exit_code, 0) << proposed.err;
  CommandResult elsewhere = As(rina, propose);
  EXPECT_EQ(elsewhere.exit_code, 1);
  EXPECT_THAT(elsewhere.err, HasSubstr("rule: rina works for DINSOS-BENGKALIS; the Renstra of "
                                       "DINSOS-DUMAI is another agency's"));

  // The Pemda-wide view shows both Renstra, the draft counted where it was made.
  CommandResult plans = As(kRehabToken, {"agency", "plans"});
  ASSERT_EQ(plans.exit_code, 0) << plans.err;
  EXPECT_EQ(plans.out,
            "DINSOS-BENGKALIS  Dinas Sosial Kabupaten Bengkalis\n"
            "  plan/dinsos-bengkalis versi 1324, 0 perubahan disahkan, perubahan terbuka: -, "
            "dikunci: tidak, temuan: 17, usulan berjalan: 1\n"
            "DINSOS-DUMAI  Dinas Sosial dan Pemberdayaan Masyarakat Kota Dumai  [bawaan]\n"
            "  plan/dinsos-dumai versi 1324, 0 perubahan disahkan, perubahan terbuka: -, "
            "dikunci: tidak, temuan: 17, usulan berjalan: 0\n"
            "2 perangkat daerah\n");

  // After a restart the other agency's plan is rebuilt from the log at its first request.
  Stop();
  Start(tmp_ / "data");
  CommandResult again = As(kRehabToken, {"--agency", "DINSOS-BENGKALIS", "plan", "show"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out, other.out);
}

}  // namespace
}  // namespace renstra::testing
