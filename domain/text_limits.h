// Text limits: how long each free-text field of a command may be, which characters it
// may hold, and how a bad value is quoted back in an error message.
//
// Why: a field without a bound let one 10 MB justification be stored (twice) in an
// event, pushed whole pages of the log past what a client accepts, and a 100 KB unit
// echoed in an error broke the error itself (gRPC's metadata limit). Control
// characters (ESC, CR, BEL, NUL) stored in a field reach every terminal that prints it.
//
// Rules (the table is documented in docs/limits.md, section "Text"):
//  - every field has a maximum size in bytes (of its UTF-8 encoding);
//  - one-line fields refuse every C0 control (U+0000–U+001F), DEL (U+007F) and every
//    C1 control (U+0080–U+009F); multi-line fields (justification, notes, reasons)
//    allow line feed and tab, and refuse the rest;
//  - an error message never quotes more than a short, escaped prefix of a value
//    (SafePrefix).
//
// Errors: INVALID_ARGUMENT naming the field, e.g.
//   "justification: 10485760 bytes exceeds the limit of 8192"
//   "title: control character U+001B at byte 4 is not allowed in a one-line field".
//
// Pure functions and constants; thread-safe.
#ifndef RENSTRA_DOMAIN_TEXT_LIMITS_H_
#define RENSTRA_DOMAIN_TEXT_LIMITS_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace renstra {

// How a field may be written.
struct TextRule {
  size_t max_bytes;
  // Line feed and tab allowed (justifications, notes, reasons); other fields are one
  // line: they are printed inside tables and single log lines.
  bool multi_line;
};

// --- The per-field table --------------------------------------------------------
// Long prose: why a change is proposed, review and realization notes, the reason of a
// ratification. 8 KiB is about three printed pages.
inline constexpr TextRule kJustificationText{8192, true};
inline constexpr TextRule kNoteText{8192, true};
inline constexpr TextRule kReasonText{8192, true};
// Titles and names: the longest official name in the seed plan is under 300 bytes.
inline constexpr TextRule kTitleText{512, false};
inline constexpr TextRule kNameText{512, false};       // revision, sub kegiatan names
inline constexpr TextRule kStatementText{512, false};  // indicator statements
inline constexpr TextRule kLegalBasisText{512, false};
inline constexpr TextRule kEvidenceText{512, false};
inline constexpr TextRule kSignerText{256, false};
inline constexpr TextRule kDisplayNameText{128, false};
// Units ("Orang", "Persen", "KK/Kelompok"): short words.
inline constexpr TextRule kUnitText{128, false};
// Codes and ids: node codes, indicator ids, proposal and realization ids.
inline constexpr TextRule kCodeText{64, false};
// A command's request id, as a client sends it (a UUID is 36 bytes). The server derives
// follow-up ids from it ("ID#submit"), which may be a few bytes longer.
inline constexpr TextRule kRequestIdText{128, false};
// The written form of a value ("1.250.000", "≥ 95 %") and a bound operator.
inline constexpr TextRule kValueText{64, false};
// A date, YYYY-MM-DD (the format is checked by the field's own rule).
inline constexpr TextRule kDateText{32, false};

// How many bytes of a bad value an error message quotes.
inline constexpr size_t kQuotedPrefixBytes = 48;
// How many bytes of a command's text an event envelope's `reason` keeps (see
// EnvelopeReason).
inline constexpr size_t kEnvelopeReasonBytes = 160;

// OK when `value` fits `rule`; otherwise INVALID_ARGUMENT naming `field` and the limit
// or the offending character (its code point and byte offset).
absl::Status CheckText(std::string_view field, std::string_view value, const TextRule& rule);

// The byte offset of the first character not allowed in a field of that kind, or npos.
// Line feed and tab are allowed when `multi_line`.
size_t FindControlCharacter(std::string_view value, bool multi_line);

// `value` made safe to quote in an error message: at most `max_bytes` of it (cut at a
// UTF-8 character boundary), control characters written as \xHH, and, when cut,
// "…" and the full size, e.g. "Orang Orang Orang…(102400 bytes)".
std::string SafePrefix(std::string_view value, size_t max_bytes = kQuotedPrefixBytes);

// What an event envelope's `reason` keeps of a command's text: its first line, at most
// kEnvelopeReasonBytes (cut at a character boundary, "…" marks a cut). The full text
// stays in the event's payload, where the audit history reads it: the text is not
// stored twice.
std::string EnvelopeReason(std::string_view text);

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_TEXT_LIMITS_H_
