// Fuzzes Code::Parse. Input: one or two code texts separated by the first '\n'.
//
// Invariants (code.h):
//  - an error is INVALID_ARGUMENT naming the code;
//  - a parsed code has 1, 2, 3, 5 or 6 segments, its canonical form has the fixed widths
//    1.2.2.1.2.4, re-parses to itself (same canonical, same depth) and its written form
//    is the text as given, trimmed, and re-parses to the same canonical form;
//  - level, ParentCanonical() and ProgramCanonical() agree with the depth, and the parent
//    and program codes parse to prefixes of the code;
//  - LooksLikeCode() is true for every parsed code of two or more segments;
//  - the canonical order is the numeric order of the segments, a prefix first.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "domain/code.h"
#include "tests/fuzz/fuzz_check.h"

namespace renstra::fuzz {
namespace {

std::vector<uint64_t> SegmentValues(const std::string& canonical) {
  std::vector<uint64_t> out(1, 0);
  for (char c : canonical) {
    if (c == '.') {
      out.push_back(0);
    } else {
      out.back() = out.back() * 10 + static_cast<uint64_t>(c - '0');
    }
  }
  return out;
}

void CheckOne(std::string_view text) {
  const absl::StatusOr<Code> code = Code::Parse(text);
  if (!code.ok()) {
    FUZZ_CHECK(code.status().code() == absl::StatusCode::kInvalidArgument,
               code.status().ToString());
    FUZZ_CHECK(code.status().message().substr(0, 6) == "code \"", code.status().ToString());
    return;
  }
  const std::string& canonical = code->canonical();
  const int depth = code->depth();
  FUZZ_CHECK(depth == 1 || depth == 2 || depth == 3 || depth == 5 || depth == 6,
             absl::StrCat("depth ", depth, " for ", canonical));

  // Fixed widths: segment i has exactly kSegmentWidths[i] digits.
  size_t pos = 0;
  for (int i = 0; i < depth; ++i) {
    if (i > 0) {
      FUZZ_CHECK(pos < canonical.size() && canonical[pos] == '.', canonical);
      ++pos;
    }
    for (int k = 0; k < Code::kSegmentWidths[i]; ++k, ++pos) {
      FUZZ_CHECK(pos < canonical.size() && canonical[pos] >= '0' && canonical[pos] <= '9',
                 canonical);
    }
  }
  FUZZ_CHECK(pos == canonical.size(), canonical);

  const absl::StatusOr<Code> again = Code::Parse(canonical);
  FUZZ_CHECK(again.ok(), again.status().ToString());
  FUZZ_CHECK(again->canonical() == canonical, again->canonical() + " != " + canonical);
  FUZZ_CHECK(again->depth() == depth, canonical);
  FUZZ_CHECK(again->written() == canonical, again->written());
  FUZZ_CHECK(*again == *code, canonical);

  const absl::StatusOr<Code> rewritten = Code::Parse(code->written());
  FUZZ_CHECK(rewritten.ok() && rewritten->canonical() == canonical, code->written());
  FUZZ_CHECK(rewritten->written() == code->written(), code->written());

  const v1::Level level = code->level();
  FUZZ_CHECK((depth == 3) == (level == v1::PROGRAM), canonical);
  FUZZ_CHECK((depth == 5) == (level == v1::ACTIVITY), canonical);
  FUZZ_CHECK((depth == 6) == (level == v1::SUB_ACTIVITY), canonical);

  const std::string parent = code->ParentCanonical();
  if (depth == 5 || depth == 6) {
    const absl::StatusOr<Code> p = Code::Parse(parent);
    FUZZ_CHECK(p.ok(), parent);
    FUZZ_CHECK(p->depth() == (depth == 6 ? 5 : 3), parent);
    FUZZ_CHECK(canonical.compare(0, parent.size(), parent) == 0, parent + " of " + canonical);
    FUZZ_CHECK(*p < *code, parent + " of " + canonical);
  } else {
    FUZZ_CHECK(parent.empty(), parent);
  }
  const std::string program = code->ProgramCanonical();
  if (depth >= 3) {
    const absl::StatusOr<Code> p = Code::Parse(program);
    FUZZ_CHECK(p.ok() && p->depth() == 3 && p->level() == v1::PROGRAM, program);
    FUZZ_CHECK(canonical.compare(0, program.size(), program) == 0, program);
  } else {
    FUZZ_CHECK(program.empty(), program);
  }
  FUZZ_CHECK(Code::LooksLikeCode(code->written()) == (depth >= 2), code->written());
}

}  // namespace
}  // namespace renstra::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using renstra::Code;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t newline = input.find('\n');
  const std::string_view first = input.substr(0, newline);
  renstra::fuzz::CheckOne(first);
  if (newline == std::string_view::npos) return 0;
  const std::string_view second = input.substr(newline + 1);
  renstra::fuzz::CheckOne(second);

  const absl::StatusOr<Code> a = Code::Parse(first);
  const absl::StatusOr<Code> b = Code::Parse(second);
  if (!a.ok() || !b.ok()) return 0;
  // Canonical order == numeric order of the segments (a prefix first).
  const std::vector<uint64_t> x = renstra::fuzz::SegmentValues(a->canonical());
  const std::vector<uint64_t> y = renstra::fuzz::SegmentValues(b->canonical());
  const std::strong_ordering numeric = x <=> y;
  FUZZ_CHECK((*a <=> *b) == numeric, a->canonical() + " vs " + b->canonical());
  FUZZ_CHECK((*a == *b) == (a->canonical() == b->canonical()), a->canonical());
  return 0;
}
