// PDF renderer: a print-layout page (print_layout.h) turned into a PDF by Debian's
// headless Chromium (`chromium --headless --print-to-pdf`), the print engine that
// honours the page's CSS (A4 landscape, repeated table headings, the "Halaman X dari Y"
// margin box).
//
// Why Chromium and not a PDF library (libharu): the page layout — wrapping cells,
// merged headings repeated on every page, page counts known only after layout — would
// have to be written again by hand over libharu's drawing calls; Chromium lays out the
// same HTML a user can open and print. Its cost: the `chromium` package (~300 MB
// installed, already a Debian package) and, for the seed's T-C.27, 4–9 s and up to 240 MB per
// document, run only when --format pdf is asked for.
//
// The page is written to a private temporary directory, Chromium runs with its own
// throw-away profile there (--no-sandbox only when running as root, where Chromium
// refuses its sandbox), is given at most 120 s, and the directory is removed.
//
// Thread safety: runs a child process; one call at a time. Errors: FAILED_PRECONDITION
// when Chromium cannot be run (naming the program and how to install it); INTERNAL
// when it fails or writes no PDF; DEADLINE_EXCEEDED after 120 s.
#ifndef RENSTRA_CLIENTS_PDF_RENDERER_H_
#define RENSTRA_CLIENTS_PDF_RENDERER_H_

#include <string>

#include "absl/status/status.h"

namespace renstra {

// The Chromium program: $RENSTRA_CHROMIUM, else "chromium" on PATH.
std::string ChromiumProgram();

// Renders `html` into the PDF file `pdf_path` (replaced).
absl::Status RenderPdf(const std::string& html, const std::string& pdf_path);

}  // namespace renstra

#endif  // RENSTRA_CLIENTS_PDF_RENDERER_H_
