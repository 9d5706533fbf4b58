// Table wrap: how the `renstra` client fits a table of long Indonesian names to a
// terminal. A long name (a sub kegiatan's name, an indicator's statement, up to 250
// characters) wraps onto continuation lines at word boundaries instead of being cut,
// and the widest wrappable columns give up width until the table fits the terminal.
//
// Widths count UTF-8 code points (Indonesian text is Latin; "–" and "÷" are one
// column wide). Pure functions; thread-safe.
#ifndef RENSTRA_CLIENTS_TABLE_WRAP_H_
#define RENSTRA_CLIENTS_TABLE_WRAP_H_

#include <cstddef>
#include <string>
#include <vector>

namespace renstra {

// The terminal width tables are fitted to by default.
inline constexpr size_t kTerminalColumns = 120;
// A wrapped column keeps at least this width, so that words stay readable.
inline constexpr size_t kMinWrappedWidth = 16;

// What a terminal shows as the width of `text`.
size_t DisplayWidth(const std::string& text);

// `text` in lines of at most `width` columns, broken at spaces; a word longer than
// `width` is broken inside. At least one line (an empty text gives {""}).
std::vector<std::string> WrapWords(const std::string& text, size_t width);

// Column widths for a table whose columns are `natural` wide, separated by `gap`
// spaces, to fit `columns`: the columns marked in `wrappable` are capped at one common
// width, the widest at which the table fits, never below kMinWrappedWidth (a narrower
// column keeps its width). When even that does not fit, the minimum.
std::vector<size_t> FitWidths(std::vector<size_t> natural, const std::vector<bool>& wrappable,
                              size_t gap, size_t columns);

}  // namespace renstra

#endif  // RENSTRA_CLIENTS_TABLE_WRAP_H_
