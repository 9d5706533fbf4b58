// The print layout of --format print|pdf (issue 17, "Print"): the A4-landscape page
// with repeated, merged headings, the page counter, the kop and the signature block;
// the letterhead file and its refusals; the Indonesian date in WIB.
#include "clients/print_layout.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "tests/testing/status_matchers.h"
#include "tests/testing/temp_dir.h"

namespace renstra {
namespace {

using ::renstra::testing::IsOk;
using ::renstra::testing::StatusIs;
using ::renstra::testing::TempDir;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

XlsxSheet Sheet() {
  XlsxSheet sheet;
  sheet.name = "T-C.24";
  sheet.title = {"Tabel T-C.24 Anggaran"};
  sheet.heading = {{"Kode", "Anggaran", ""}, {"", "2022", "2023"}};
  sheet.heading_merges = {{0, 0, 1, 0}, {0, 1, 0, 2}};
  sheet.rows = {{XlsxCell{"1.06.04", std::nullopt, ""},
                 XlsxCell{"34.914.179.472", 34914179472.0, "#,##0"},
                 XlsxCell{"-", std::nullopt, ""}}};
  return sheet;
}

TEST(PrintLayoutTest, PageIsA4LandscapeWithRepeatedMergedHeadingsAndPageNumbers) {
  PrintOptions options;
  options.kop = {"PEMERINTAH KOTA DUMAI", "DINAS SOSIAL <DAN> PM"};
  options.address = "Jl. Contoh No. 1";
  options.sign_place = "Dumai";
  options.sign_date = "7 Desember 2026";
  options.sign_position = "Kepala Dinas";
  options.sign_name = "NAMA";
  options.sign_nip = "19700101 199503 1 001";
  const std::string html = RenderPrintHtml(Sheet(), options);
  EXPECT_THAT(html, HasSubstr("@page { size: A4 landscape;"));
  EXPECT_THAT(html, HasSubstr("content: \"Halaman \" counter(page) \" dari \" counter(pages);"));
  EXPECT_THAT(html, HasSubstr("thead { display: table-header-group; }"));
  EXPECT_THAT(html, HasSubstr("<thead>\n<tr><th rowspan=\"2\">Kode</th><th colspan=\"2\">Anggaran"
                              "</th></tr>\n<tr><th>2022</th><th>2023</th></tr>\n</thead>"));
  EXPECT_THAT(html, HasSubstr("<td>1.06.04</td><td class=\"num\">34.914.179.472</td>"
                              "<td>-</td>"));
  EXPECT_THAT(html, HasSubstr("<div class=\"l0\">PEMERINTAH KOTA DUMAI</div><div class=\"l1\">"
                              "DINAS SOSIAL &lt;DAN&gt; PM</div><div class=\"address\">Jl. Contoh "
                              "No. 1</div>"));
  EXPECT_THAT(html, HasSubstr("<div class=\"ttd\"><p>Dumai, 7 Desember 2026</p><p>Mengetahui,</p>"
                              "<p>Kepala Dinas</p><div class=\"space\"></div><p class=\"name\">"
                              "NAMA</p><p>NIP 19700101 199503 1 001</p></div>"));
  // Without a signatory there is no block; without a kop no header.
  const std::string bare = RenderPrintHtml(Sheet(), PrintOptions{});
  EXPECT_THAT(bare, Not(HasSubstr("Mengetahui")));
  EXPECT_THAT(bare, Not(HasSubstr("<header")));
}

TEST(PrintLayoutTest, LetterheadFileGivesKopAndSignatory) {
  TempDir tmp("print_test");
  std::ofstream(tmp / "kop.conf") << "# Dinas Sosial\n"
                                     "kop = PEMERINTAH KOTA DUMAI\n"
                                     "kop = DINAS SOSIAL\n"
                                     "\n"
                                     "alamat = Jl. Contoh No. 1\n"
                                     "tempat = Dumai\n"
                                     "jabatan = Kepala Dinas\n"
                                     "nama = NAMA\n"
                                     "nip = 1970\n";
  absl::StatusOr<PrintOptions> options = ReadLetterhead(tmp / "kop.conf");
  ASSERT_THAT(options, IsOk());
  EXPECT_THAT(options->kop, ElementsAre("PEMERINTAH KOTA DUMAI", "DINAS SOSIAL"));
  EXPECT_EQ(options->address, "Jl. Contoh No. 1");
  EXPECT_EQ(options->sign_place, "Dumai");
  EXPECT_EQ(options->sign_position, "Kepala Dinas");
  EXPECT_EQ(options->sign_name, "NAMA");
  EXPECT_EQ(options->sign_nip, "1970");
}

TEST(PrintLayoutTest, LetterheadFileRefusalsNameTheLine) {
  TempDir tmp("print_test");
  std::ofstream(tmp / "a.conf") << "kop = X\nwarna = merah\n";
  EXPECT_THAT(ReadLetterhead(tmp / "a.conf"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       tmp / "a.conf" +
                           " line 2: unknown key \"warna\" (kop, alamat, logo, tempat, jabatan, "
                           "nama, nip)"));
  std::ofstream(tmp / "b.conf") << "kop PEMERINTAH\n";
  EXPECT_THAT(ReadLetterhead(tmp / "b.conf"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       tmp / "b.conf" + " line 1: expected key = value"));
  std::ofstream(tmp / "c.conf") << "logo = logo.gif\n";
  std::ofstream(tmp / "logo.gif") << "GIF89a";
  EXPECT_THAT(ReadLetterhead(tmp / "c.conf"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       tmp / "c.conf" + " line 1: logo: " + tmp.path() +
                           "/logo.gif is neither a PNG nor a JPEG image"));
  EXPECT_THAT(
      ReadLetterhead(tmp / "none.conf"),
      StatusIs(absl::StatusCode::kNotFound, "--letterhead: cannot read " + tmp / "none.conf"));
}

TEST(PrintLayoutTest, LogoIsEmbedded) {
  TempDir tmp("print_test");
  std::ofstream(tmp / "logo.png", std::ios::binary) << std::string("\x89PNG\r\n\x1a\n", 8);
  absl::StatusOr<std::string> uri = ImageDataUri(tmp / "logo.png");
  ASSERT_THAT(uri, IsOk());
  EXPECT_EQ(*uri, "data:image/png;base64,iVBORw0KGgo=");
}

TEST(PrintLayoutTest, DateIsWrittenInWib) {
  // 2026-12-07 17:00 UTC is already 8 December in Jakarta.
  EXPECT_EQ(IndonesianDate(1796662800 - 1), "7 Desember 2026");
  EXPECT_EQ(IndonesianDate(1796662800), "8 Desember 2026");
  EXPECT_EQ(IndonesianDate(0), "1 Januari 1970");
}

}  // namespace
}  // namespace renstra
