// Import printer: what `renstra import` tells an official about an import of a T-C.27
// table — what it created (or would create on a dry run), the number convention the
// cells were read by, the lines it skipped, with `--lines` every line's outcome, and the
// findings — in Bahasa Indonesia.
//
// The client's own words are Indonesian ("diimpor", "dilewati", "ditolak", "Temuan");
// the phrases the server's importer wrote — a line's `what`, the number convention's
// evidence, a finding's message — are printed as written after " : ", the same
// separator FormatFinding (plan_printer.h) uses before a finding's message, and escaped
// (terminal_text.h).
//
// Thread safety: writes only to the given stream.
#ifndef RENSTRA_CLIENTS_IMPORT_PRINTER_H_
#define RENSTRA_CLIENTS_IMPORT_PRINTER_H_

#include <ostream>
#include <string>

#include "renstra/v1/plan_service.pb.h"

namespace renstra {

// The outcome of one line in Indonesian: "diimpor", "dilewati", "ditolak" ("-" when
// unspecified).
std::string ImportOutcomeName(v1::ImportLine::Outcome outcome);

// The report of `renstra import --file <file>` (sent with `request_id`); `lines` adds
// every line's outcome. E.g.
//   Diimpor dari seed.tsv (id permintaan 3b7a…):
//     program                  9
//     ...
//   Format angka : id (from the evidence: …)
//   Baris dilewati: 1
//     baris 10 : page number "- 2 -"
//   Temuan: 0
void PrintImportReport(const v1::ImportTableResponse& response, const std::string& file,
                       const std::string& request_id, bool lines, std::ostream& out);

}  // namespace renstra

#endif  // RENSTRA_CLIENTS_IMPORT_PRINTER_H_
