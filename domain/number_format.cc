#include "domain/number_format.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "domain/decimal.h"
#include "domain/strings.h"
#include "domain/text_limits.h"

namespace renstra {
namespace {

// A readable reference to a cell in messages: line, column and text as written.
std::string Where(const ObservedCell& c) {
  return absl::StrCat("line ", c.line, ", column ", c.column, " \"", SafePrefix(c.text), "\"");
}

// An error of a value read in en notation names the text as written, and says the
// separators were read the en way (the reasons speak of the id notation's "decimal comma"
// and "thousands dot", and hint at the id decimal comma, which does not apply here).
absl::Status InEnNotation(const absl::Status& st, std::string_view original,
                          std::string_view swapped) {
  std::string message = absl::StrReplaceAll(st.message(), {{AsAbsl(swapped), AsAbsl(original)},
                                                           {"decimal comma", "decimal point"},
                                                           {"thousands dot", "thousands comma"},
                                                           {AsAbsl(kIdDecimalCommaHint), ""}});
  return absl::InvalidArgumentError(absl::StrCat(
      message, " (read in en notation: commas group thousands, a dot marks decimals)"));
}

// Digits after the decimal comma of an id-notation amount, or -1 without one.
int DecimalDigits(std::string_view id_text) {
  for (size_t i = 1; i + 1 < id_text.size(); ++i) {
    if (id_text[i] != ',' || !IsAsciiDigit(id_text[i - 1]) || !IsAsciiDigit(id_text[i + 1])) {
      continue;
    }
    int n = 0;
    for (size_t k = i + 1; k < id_text.size() && IsAsciiDigit(id_text[k]); ++k) ++n;
    return n;
  }
  return -1;
}

}  // namespace

absl::StatusOr<NumberFormat> ParseNumberFormat(std::string_view text, std::string_view field) {
  const std::string lower = absl::AsciiStrToLower(AsAbsl(TrimAscii(text)));
  if (lower.empty() || lower == "auto") return NumberFormat::kAuto;
  if (lower == "id") return NumberFormat::kId;
  if (lower == "en") return NumberFormat::kEn;
  return absl::InvalidArgumentError(
      absl::StrCat(AsAbsl(field), ": \"", SafePrefix(text),
                   "\" is not a number format (id, en or auto; blank means auto)"));
}

std::string_view NumberFormatName(NumberFormat format) {
  switch (format) {
    case NumberFormat::kId:
      return "id";
    case NumberFormat::kEn:
      return "en";
    case NumberFormat::kAuto:
      break;
  }
  return "auto";
}

std::string SwapNumberSeparators(std::string_view cell) {
  std::string out(cell);
  for (size_t i = 1; i + 1 < out.size(); ++i) {
    if ((out[i] == '.' || out[i] == ',') && IsAsciiDigit(out[i - 1]) && IsAsciiDigit(out[i + 1])) {
      out[i] = out[i] == '.' ? ',' : '.';
    }
  }
  return out;
}

absl::StatusOr<TargetValue> ReadTarget(std::string_view cell, NumberFormat format) {
  if (format != NumberFormat::kEn) return TargetValue::Parse(cell);
  const std::string swapped = SwapNumberSeparators(cell);
  absl::StatusOr<TargetValue> t = TargetValue::Parse(swapped);
  if (!t.ok()) return InEnNotation(t.status(), cell, swapped);
  return t;
}

absl::StatusOr<Money> ReadMoney(std::string_view cell, NumberFormat format) {
  const bool en = format == NumberFormat::kEn;
  const std::string text = en ? SwapNumberSeparators(cell) : std::string(cell);
  absl::StatusOr<Money> m = Money::Parse(text);
  if (!m.ok()) return en ? InEnNotation(m.status(), cell, text) : m.status();
  // Money::Parse takes any run of zero decimals; in a table, three digits after the
  // separator are a thousands group of the other convention, not decimals.
  if (const int digits = DecimalDigits(text); digits >= 0 && digits != 2) {
    return absl::InvalidArgumentError(
        absl::StrCat("money \"", SafePrefix(cell), "\": ", digits, " digits after the decimal ",
                     en ? "point" : "comma", " (a Rupiah amount has none or two)"));
  }
  return m;
}

CellReading NumberFormatJudge::Classify(std::string_view text, bool money, std::string* why) {
  if (SwapNumberSeparators(text) == text) return CellReading::kSame;
  auto classify = [&](const auto& id, const auto& en) {
    if (id.ok() && en.ok()) {
      return *id == *en ? CellReading::kSame : CellReading::kDiffers;
    }
    if (id.ok()) {
      *why = absl::StrCat("not a number in en notation (", en.status().message(), ")");
      return CellReading::kIdOnly;
    }
    if (en.ok()) {
      // Evidence, not advice: the id reader's hint to write a decimal comma is dropped.
      *why = absl::StrCat(
          "not a number in id notation (",
          absl::StrReplaceAll(id.status().message(), {{AsAbsl(kIdDecimalCommaHint), ""}}), ")");
      return CellReading::kEnOnly;
    }
    return CellReading::kSame;  // unreadable either way: a bad cell, no evidence
  };
  if (money)
    return classify(ReadMoney(text, NumberFormat::kId), ReadMoney(text, NumberFormat::kEn));
  return classify(ReadTarget(text, NumberFormat::kId), ReadTarget(text, NumberFormat::kEn));
}

void NumberFormatJudge::Observe(int line, std::string column, std::string_view text, bool money) {
  if (TrimAscii(text).empty()) return;
  ObservedCell c;
  c.line = line;
  c.column = std::move(column);
  c.text = std::string(text);
  c.money = money;
  c.reading = Classify(text, money, &c.why);
  if (c.reading != CellReading::kSame) cells_.push_back(std::move(c));
}

absl::StatusOr<NumberFormatDecision> NumberFormatJudge::Decide(NumberFormat requested) const {
  NumberFormatDecision d;
  const ObservedCell* first_id = nullptr;
  const ObservedCell* first_en = nullptr;
  const ObservedCell* first_ambiguous = nullptr;
  for (const ObservedCell& c : cells_) {
    switch (c.reading) {
      case CellReading::kIdOnly:
        ++d.id_cells;
        if (first_id == nullptr) first_id = &c;
        break;
      case CellReading::kEnOnly:
        ++d.en_cells;
        if (first_en == nullptr) first_en = &c;
        break;
      case CellReading::kDiffers:
        ++d.ambiguous_cells;
        if (first_ambiguous == nullptr) first_ambiguous = &c;
        break;
      case CellReading::kSame:
        break;
    }
  }

  if (requested != NumberFormat::kAuto) {
    d.format = requested;
    d.basis = "given";
  } else if (d.id_cells + d.en_cells > 0) {
    // With evidence both ways the majority is named; its contradiction stops below.
    d.format = d.en_cells > d.id_cells ? NumberFormat::kEn : NumberFormat::kId;
    d.basis = "evidence";
  } else if (d.ambiguous_cells > 0) {
    const ObservedCell& c = *first_ambiguous;
    std::string as_id, as_en;
    if (c.money) {
      as_id = ReadMoney(c.text, NumberFormat::kId)->ToIndonesian();
      as_en = ReadMoney(c.text, NumberFormat::kEn)->ToIndonesian();
    } else {
      as_id = ReadTarget(c.text, NumberFormat::kId)->ToIndonesian();
      as_en = ReadTarget(c.text, NumberFormat::kEn)->ToIndonesian();
    }
    return absl::InvalidArgumentError(absl::StrCat(
        "number format: cannot decide how this table writes numbers: ", d.ambiguous_cells,
        " cell(s) read differently in the id and en conventions (first: ", Where(c), ", which is ",
        as_id, " in id and ", as_en,
        " in en, written the id way) and no cell reads in one convention only; give the "
        "convention (renstra import --number-format id|en, or number_format in the request)"));
  } else {
    d.format = NumberFormat::kId;
    d.basis = "default";
  }

  const bool en = d.format == NumberFormat::kEn;
  const ObservedCell* evidence = en ? first_en : first_id;
  const ObservedCell* contradiction = en ? first_id : first_en;
  const int evidence_cells = en ? d.en_cells : d.id_cells;
  const std::string name(NumberFormatName(d.format));
  std::string because;
  if (d.basis == "given") {
    because = "as requested";
  } else if (d.basis == "default") {
    because = "by default: no cell reads differently in the id and en conventions";
  } else {
    because = absl::StrCat("from the evidence: ", evidence_cells, " cell(s) read only in ", name,
                           ", first ", Where(*evidence), ", ", evidence->why);
  }
  if (contradiction != nullptr) {
    return absl::InvalidArgumentError(absl::StrCat(
        "number format: ", Where(*contradiction), " contradicts the ", name,
        " convention of this table (", because, "): it is ", contradiction->why,
        "; correct the cell, or give the convention (renstra import --number-format id|en)"));
  }
  d.summary = absl::StrCat(name, " (", because, ")");
  if (d.ambiguous_cells > 0) {
    absl::StrAppend(&d.summary, "; ", d.ambiguous_cells, " cell(s) that read in both conventions ",
                    "were read the ", name, " way, first ", Where(*first_ambiguous));
  }
  return d;
}

}  // namespace renstra
