#include "domain/code.h"

#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "domain/strings.h"
#include "domain/text_limits.h"

namespace renstra {
namespace {

constexpr int kMaxSegments = 6;
// Length of the canonical code with 0..6 segments: "", "1", "1.06", "1.06.01",
// "1.06.01.2", "1.06.01.2.01", "1.06.01.2.01.0001".
constexpr size_t kCanonicalLength[kMaxSegments + 1] = {0, 1, 4, 7, 9, 12, 17};
constexpr int kProgramDepth = 3;
constexpr int kActivityDepth = 5;
constexpr int kSubActivityDepth = 6;

std::vector<std::string_view> SplitDots(std::string_view s) {
  std::vector<std::string_view> parts;
  while (true) {
    const size_t dot = s.find('.');
    parts.push_back(s.substr(0, dot));
    if (dot == std::string_view::npos) return parts;
    s.remove_prefix(dot + 1);
  }
}

}  // namespace

absl::StatusOr<Code> Code::Parse(std::string_view text) {
  const std::string_view trimmed = TrimAscii(text);
  auto invalid = [trimmed](std::string_view reason) {
    return absl::InvalidArgumentError(
        absl::StrCat("code \"", SafePrefix(trimmed), "\": ", AsAbsl(reason)));
  };
  if (trimmed.empty()) return invalid("empty code");

  const std::vector<std::string_view> segments = SplitDots(trimmed);
  if (segments.size() > kMaxSegments) return invalid("more than six segments");

  Code code;
  for (size_t i = 0; i < segments.size(); ++i) {
    const std::string_view seg = segments[i];
    if (seg.empty()) return invalid(absl::StrCat("segment ", i + 1, " is empty"));
    for (char c : seg) {
      if (!IsAsciiDigit(c)) {
        return invalid(
            absl::StrCat("segment ", i + 1, " (\"", SafePrefix(seg), "\") is not a number"));
      }
    }
    // Sources pad inconsistently ("001", "0005", "02" for a one-digit segment): the
    // value must fit the canonical width, extra leading zeros do not count.
    const size_t first_significant = seg.find_first_not_of('0');
    const std::string_view digits =
        first_significant == std::string_view::npos ? "" : seg.substr(first_significant);
    const size_t width = static_cast<size_t>(kSegmentWidths[i]);
    if (digits.size() > width) {
      return invalid(absl::StrCat("segment ", i + 1, " (\"", SafePrefix(seg), "\") does not fit ",
                                  width, width == 1 ? " digit" : " digits"));
    }
    if (i > 0) code.canonical_.push_back('.');
    code.canonical_.append(width - digits.size(), '0');
    code.canonical_.append(digits);
  }
  // Four segments would be half a kegiatan code (its two segments belong together).
  if (segments.size() == 4) return invalid("four segments: a code has 1, 2, 3, 5 or 6");

  code.written_ = std::string(trimmed);
  code.depth_ = static_cast<int>(segments.size());
  return code;
}

bool Code::LooksLikeCode(std::string_view text) {
  const std::string_view s = TrimAscii(text);
  if (s.empty() || !IsAsciiDigit(s.front()) || !IsAsciiDigit(s.back())) return false;
  bool dot = false;
  for (char c : s) {
    if (c == '.') {
      dot = true;
    } else if (!IsAsciiDigit(c)) {
      return false;
    }
  }
  // A lone number ("1") is more often a row number than an urusan code.
  return dot;
}

v1::Level Code::level() const {
  switch (depth_) {
    case kProgramDepth:
      return v1::PROGRAM;
    case kActivityDepth:
      return v1::ACTIVITY;
    case kSubActivityDepth:
      return v1::SUB_ACTIVITY;
    default:
      return v1::LEVEL_UNSPECIFIED;
  }
}

std::string Code::ParentCanonical() const {
  if (depth_ == kSubActivityDepth) return canonical_.substr(0, kCanonicalLength[kActivityDepth]);
  if (depth_ == kActivityDepth) return canonical_.substr(0, kCanonicalLength[kProgramDepth]);
  return "";
}

std::string Code::ProgramCanonical() const {
  if (depth_ < kProgramDepth) return "";
  return canonical_.substr(0, kCanonicalLength[kProgramDepth]);
}

}  // namespace renstra
