#include "clients/print_flags.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>

#include "CLI/CLI.hpp"
#include "clients/cli_output.h"
#include "clients/pdf_renderer.h"

namespace renstra {

void PrintFlags::Register(CLI::App* command) {
  command->add_option("--letterhead", letterhead_,
                      "print/pdf: kop dan penandatangan, baris kunci = nilai "
                      "(bawaan: $RENSTRA_LETTERHEAD)");
  command->add_option("--sign-place", place_, "print/pdf: tempat penandatanganan, mis. Dumai");
  command->add_option(
      "--sign-date", date_,
      "print/pdf: tanggal penandatanganan, mis. \"7 Desember 2026\" (bawaan: hari ini)");
  command->add_option("--sign-position", position_, "print/pdf: jabatan penandatangan");
  command->add_option("--sign-name", name_, "print/pdf: nama penandatangan");
  command->add_option("--sign-nip", nip_, "print/pdf: NIP penandatangan");
}

absl::StatusOr<PrintOptions> PrintFlags::Options() const {
  std::string file = letterhead_;
  if (file.empty()) {
    const char* env = std::getenv("RENSTRA_LETTERHEAD");
    if (env != nullptr) file = env;
  }
  PrintOptions options;
  if (!file.empty()) {
    absl::StatusOr<PrintOptions> read = ReadLetterhead(file);
    if (!read.ok()) return read.status();
    options = *read;
  }
  if (!place_.empty()) options.sign_place = place_;
  if (!position_.empty()) options.sign_position = position_;
  if (!name_.empty()) options.sign_name = name_;
  if (!nip_.empty()) options.sign_nip = nip_;
  options.sign_date = date_.empty() ? IndonesianDate(std::time(nullptr)) : date_;
  return options;
}

int EmitPrinted(const XlsxSheet& sheet, const PrintFlags& flags, bool pdf,
                const std::string& output, const std::string& what) {
  absl::StatusOr<PrintOptions> options = flags.Options();
  if (!options.ok()) return Fail("renstra: " + std::string(options.status().message()), kExitUsage);
  const std::string html = RenderPrintHtml(sheet, *options);
  const bool to_stdout = output.empty() || output == "-";
  if (!pdf) {
    if (to_stdout) {
      std::cout << html << std::flush;
      return kExitOk;
    }
    std::ofstream file(output, std::ios::binary | std::ios::trunc);
    file << html;
    file.close();
    if (!file) return Fail("renstra: cannot write " + output);
    std::cerr << "renstra: " << what << " (tata letak cetak) ditulis ke " << output << std::endl;
    return kExitOk;
  }
  if (!to_stdout) {
    absl::Status status = RenderPdf(html, output);
    if (!status.ok()) return Fail("renstra: " + std::string(status.message()));
    std::cerr << "renstra: " << what << " (PDF) ditulis ke " << output << std::endl;
    return kExitOk;
  }
  if (std::optional<int> refused = RefuseBinaryOnTerminal(output, "pdf")) return *refused;
  const char* tmp = std::getenv("TMPDIR");
  std::string path =
      std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/renstra-XXXXXX.pdf";
  const int fd = mkstemps(path.data(), 4);
  if (fd < 0) return Fail("renstra: cannot create a temporary file in " + path);
  close(fd);
  absl::Status status = RenderPdf(html, path);
  if (status.ok()) {
    std::ifstream in(path, std::ios::binary);
    std::cout << in.rdbuf() << std::flush;
  }
  std::remove(path.c_str());
  if (!status.ok()) return Fail("renstra: " + std::string(status.message()));
  return kExitOk;
}

}  // namespace renstra
