// Terminal text: what every printer of the `renstra` client does to a text that came
// from the server before writing it, so that no stored value can drive the terminal.
//
// A justification, evidence reference or display name holding ESC (colour, cursor
// moves, window titles), CR (overwrite the line), BEL or NUL would otherwise act on the
// reader's terminal. The server refuses control characters in new text
// (docs/limits.md), but the log keeps what older servers accepted, and a client must not
// trust its server for the safety of its own terminal.
//
// Escapes, written visibly: \n \t \r, other C0 controls and DEL as \xHH, C1 controls
// (U+0080–U+009F) as \u00HH, and a byte that is not valid UTF-8 as \xHH. Everything
// else (all printable Unicode) passes unchanged.
//
// Pure functions; thread-safe.
#ifndef RENSTRA_CLIENTS_TERMINAL_TEXT_H_
#define RENSTRA_CLIENTS_TERMINAL_TEXT_H_

#include <string>
#include <string_view>

namespace renstra {

// `text` for a one-line place (a table cell, a list line): every control character,
// line feeds included, escaped.
std::string Printable(std::string_view text);

// `text` for a multi-line place (a justification, a note): line feeds kept, each
// following line starting with `indent`; tabs kept; every other control escaped.
std::string PrintableLines(std::string_view text, std::string_view indent);

}  // namespace renstra

#endif  // RENSTRA_CLIENTS_TERMINAL_TEXT_H_
