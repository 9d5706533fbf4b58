// Code: a Kepmendagri nomenclature code (Kepmendagri 050-5889/2021, 900.1.15.5-1317/2023)
// for an urusan, bidang urusan, program, kegiatan or sub kegiatan.
//
// Sources write the same code several ways: "1.6.1.2.01.01", "1.06.04.2.01.001",
// "1.06.02.02.03.0005". Code normalises to the canonical form X.XX.XX.X.XX.XXXX
// (program X.XX.XX, kegiatan X.XX.XX.X.XX) and keeps the form as written.
// Value type; thread-compatible.
#ifndef RENSTRA_DOMAIN_CODE_H_
#define RENSTRA_DOMAIN_CODE_H_

#include <compare>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "renstra/v1/plan.pb.h"

namespace renstra {

class Code {
 public:
  // Segment widths of the canonical form: urusan, bidang, program, kegiatan (two
  // segments), sub kegiatan.
  static constexpr int kSegmentWidths[6] = {1, 2, 2, 1, 2, 4};

  // Accepts 1, 2, 3, 5 or 6 dot-separated segments of digits (surrounding spaces
  // ignored), each no wider in value than its canonical width allows (leading zeros
  // beyond the width are accepted: "02" as the kegiatan's first segment is 2).
  // INVALID_ARGUMENT naming the text and the reason otherwise (empty, a letter, four
  // segments, an empty segment, a segment too large, more than six segments).
  static absl::StatusOr<Code> Parse(std::string_view text);
  // Cheap test used by importers to tell a code cell from a name cell.
  static bool LooksLikeCode(std::string_view text);

  // "1.06.04.2.01.0001".
  const std::string& canonical() const { return canonical_; }
  // "1.06.04.2.01.001", as given to Parse.
  const std::string& written() const { return written_; }
  // Number of segments: 3 program, 5 kegiatan, 6 sub kegiatan (1, 2 urusan levels).
  int depth() const { return depth_; }
  // PROGRAM, ACTIVITY, SUB_ACTIVITY, or LEVEL_UNSPECIFIED for urusan levels.
  v1::Level level() const;
  // Canonical code of the parent node: kegiatan → program, sub kegiatan → kegiatan;
  // empty for a program or above.
  std::string ParentCanonical() const;
  // Canonical code of the program this code belongs to (itself for a program); empty
  // above program level.
  std::string ProgramCanonical() const;

  friend bool operator==(const Code& a, const Code& b) { return a.canonical_ == b.canonical_; }
  // Canonical order (fixed widths make it the numeric, depth-first order).
  friend std::strong_ordering operator<=>(const Code& a, const Code& b) {
    return a.canonical_ <=> b.canonical_;
  }

 private:
  std::string canonical_;
  std::string written_;
  int depth_ = 0;
};

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_CODE_H_
