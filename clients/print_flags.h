// Print flags: the options of the commands that print an official document
// (--format print|pdf): the agency's letterhead file (kop and default signatory) and,
// per document, the signature block's place, date, position, name and NIP, which
// override the file's. And the output of such a document: the print-ready HTML page or
// its PDF, to a file or stdout.
//
// Thread safety: use from one thread (the CLI's).
#ifndef RENSTRA_CLIENTS_PRINT_FLAGS_H_
#define RENSTRA_CLIENTS_PRINT_FLAGS_H_

#include <string>

#include "absl/status/statusor.h"
#include "clients/print_layout.h"
#include "clients/xlsx_writer.h"

namespace CLI {
class App;
}  // namespace CLI

namespace renstra {

class PrintFlags {
 public:
  // Adds --letterhead, --sign-place, --sign-date, --sign-position, --sign-name,
  // --sign-nip to `command`.
  void Register(CLI::App* command);

  // The letterhead file's settings (--letterhead, else $RENSTRA_LETTERHEAD, else none)
  // overridden by the flags given; the date defaults to today in WIB ("7 Desember 2026").
  absl::StatusOr<PrintOptions> Options() const;

 private:
  std::string letterhead_;
  std::string place_;
  std::string date_;
  std::string position_;
  std::string name_;
  std::string nip_;
};

// Writes `sheet` laid out for print (print_layout.h) — the HTML page, or with `pdf` the
// PDF made from it (pdf_renderer.h) — to the file `output` or stdout ("" or "-"; a PDF
// never to a terminal, like a workbook). kExitOk; kExitUsage for a letterhead that
// cannot be read; kExitError with the reason otherwise.
int EmitPrinted(const XlsxSheet& sheet, const PrintFlags& flags, bool pdf,
                const std::string& output, const std::string& what);

}  // namespace renstra

#endif  // RENSTRA_CLIENTS_PRINT_FLAGS_H_
