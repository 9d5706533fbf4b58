#include "clients/cli_help.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "CLI/CLI.hpp"

namespace renstra {
namespace {

TEST(CliHelpTest, TypeNamesAreTranslatedWordByWordKeepingAcceptedValuesAndPlaceholders) {
  EXPECT_EQ(IndonesianTypeName("TEXT"), "TEKS");
  EXPECT_EQ(IndonesianTypeName("FLOAT:POSITIVE"), "DESIMAL:POSITIF");
  EXPECT_EQ(IndonesianTypeName("INT:INT in [1 - 4]"), "BULAT:BULAT dalam [1 - 4]");
  EXPECT_EQ(IndonesianTypeName("TEXT:{table,tsv,in}"), "TEKS:{table,tsv,in}");
  EXPECT_EQ(IndonesianTypeName("KODE:TAHUN=RUPIAH"), "KODE:TAHUN=RUPIAH");
}

TEST(CliHelpTest, TheFurnitureOfAHelpAndOfAUsageErrorIsIndonesian) {
  CLI::App app{"Klien uji", "renstra"};
  UseIndonesianHelp(&app);
  std::string server = "127.0.0.1:50051";
  app.add_option("--server", server, "Alamat")->capture_default_str();
  CLI::App* show = app.add_subcommand("show", "Tampilkan satu usulan");
  std::string id;
  show->add_option("ID", id, "Id usulan")->required();
  int version = 0;
  CLI::Option* v = show->add_option("--version", version, "Versi")->check(CLI::PositiveNumber);
  bool json = false;
  show->add_flag("--json", json, "JSON")->excludes(v);
  app.require_subcommand(1);

  EXPECT_EQ(app.help(),
            "Klien uji\n"
            "Penggunaan: renstra [OPSI] SUBPERINTAH\n"
            "\n"
            "Opsi:\n"
            "  -h,--help                   Tampilkan bantuan ini lalu keluar\n"
            "  --server TEKS=127.0.0.1:50051\n"
            "                              Alamat\n"
            "\n"
            "Subperintah:\n"
            "  show                        Tampilkan satu usulan\n"
            "\n");
  EXPECT_EQ(show->help(),
            "Tampilkan satu usulan\n"
            "Penggunaan: show [OPSI] ID\n"
            "\n"
            "Argumen:\n"
            "  ID TEKS WAJIB               Id usulan\n"
            "\n"
            "Opsi:\n"
            "  -h,--help                   Tampilkan bantuan ini lalu keluar\n"
            "  --version BULAT:POSITIF Tidak bersama: --json\n"
            "                              Versi\n"
            "  --json Tidak bersama: --version\n"
            "                              JSON\n"
            "\n");

  // A usage error: CLI11's own message, then the Indonesian hint.
  const char* argv[] = {"renstra", "show"};
  std::ostringstream out, err;
  try {
    app.parse(2, argv);
    FAIL() << "ID is required";
  } catch (const CLI::ParseError& e) {
    EXPECT_EQ(app.exit(e, out, err), static_cast<int>(CLI::ExitCodes::RequiredError));
  }
  EXPECT_EQ(err.str(), "ID is required\nJalankan dengan --help untuk keterangan lebih lanjut.\n");
}

}  // namespace
}  // namespace renstra
