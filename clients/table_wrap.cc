#include "clients/table_wrap.h"

#include <algorithm>

namespace renstra {
namespace {

// The byte offset after `points` code points of `text` (or its size).
size_t OffsetOf(const std::string& text, size_t points) {
  size_t seen = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && seen++ == points) return i;
  }
  return text.size();
}

}  // namespace

size_t DisplayWidth(const std::string& text) {
  size_t n = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::vector<std::string> WrapWords(const std::string& text, size_t width) {
  width = std::max<size_t>(width, 1);
  std::vector<std::string> lines;
  std::string line;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    std::string word = text.substr(start, end - start);
    start = end + 1;
    if (word.empty() && end != text.size()) continue;
    // A word too long for any line is broken inside.
    while (DisplayWidth(word) > width) {
      if (!line.empty()) lines.push_back(std::move(line)), line.clear();
      const size_t cut = OffsetOf(word, width);
      lines.push_back(word.substr(0, cut));
      word.erase(0, cut);
    }
    if (line.empty()) {
      line = word;
    } else if (DisplayWidth(line) + 1 + DisplayWidth(word) <= width) {
      line += " " + word;
    } else if (!word.empty()) {
      lines.push_back(std::move(line));
      line = word;
    }
    if (end == text.size()) break;
  }
  if (!line.empty() || lines.empty()) lines.push_back(line);
  return lines;
}

std::vector<size_t> FitWidths(std::vector<size_t> natural, const std::vector<bool>& wrappable,
                              size_t gap, size_t columns) {
  // Every wrappable column is capped at one level, the highest at which the table fits
  // (never below kMinWrappedWidth): long columns share the loss, short ones keep theirs.
  const auto shrinks = [&](size_t c) { return c < wrappable.size() && wrappable[c]; };
  const auto total = [&](size_t level) {
    size_t sum = natural.empty() ? 0 : gap * (natural.size() - 1);
    for (size_t c = 0; c < natural.size(); ++c) {
      sum += shrinks(c) ? std::min(natural[c], std::max(level, kMinWrappedWidth)) : natural[c];
    }
    return sum;
  };
  size_t level = 0;
  for (size_t c = 0; c < natural.size(); ++c) level = std::max(level, natural[c]);
  while (level > kMinWrappedWidth && total(level) > columns) --level;
  for (size_t c = 0; c < natural.size(); ++c) {
    if (shrinks(c)) natural[c] = std::min(natural[c], std::max(level, kMinWrappedWidth));
  }
  return natural;
}

}  // namespace renstra
