// CheckCascade: links the same indicator across the cascade's tables — TC.25, T-C.28
// and T-C.27's program rows — and reports every disagreement between them (the
// CROSS_TABLE_* findings of plan.proto), never correcting either table.
//
// Linking: two indicators are the same when their statements are, compared without
// case, markup, punctuation and spacing, and with the misspelling "Presentase" read as
// "Persentase" (T-C.28 writes "Presentase Kelurahan Cepat Berkembang" for TC.25's
// "PERSENTASE KELURAHAN CEPAT BERKEMBANG"). Nothing else is taken as the same: a
// program indicator worded differently from a Sasaran's is a different indicator.
//
// Compared, for each linked pair: the baseline (2021), each year's target 2022–2026, the
// end-of-period condition where both tables state one (TC.25 has no such column), and
// the years in force (the last year, and the year another indicator replaces it). Two
// values disagree only when at least one states a number and they are not the same
// number, range or bound; a number without a unit (TC.25 writes "100") equals the same
// number with one ("100%"). Blank, "-" and "N/A" agree with each other.
//
// Pure; thread-safe.
#ifndef RENSTRA_DOMAIN_CASCADE_CHECK_H_
#define RENSTRA_DOMAIN_CASCADE_CHECK_H_

#include <string>
#include <string_view>
#include <vector>

#include "domain/cascade_model.h"
#include "domain/tc27_parser.h"
#include "renstra/v1/plan.pb.h"

namespace renstra {

// One indicator as it appears in the tables that state it.
struct CascadeLink {
  std::string statement;  // the first table's wording
  std::string tc25_id;    // "TC.25 3.2", or "" when TC.25 does not state it
  std::string tc28_id;    // "T-C.28 4.1", or ""
  // T-C.27 program rows stating it: "1.06.04 row 1" (the program's code, its row).
  std::vector<std::string> tc27_rows;
};

struct CascadeCheck {
  // Every indicator of TC.25 then every T-C.28 indicator not in TC.25, in document order.
  std::vector<CascadeLink> links;
  // CROSS_TABLE_* findings, in the order of `links`.
  std::vector<v1::Finding> findings;
};

// `tc27` may be null (a document without T-C.27): then only TC.25 and T-C.28 are linked.
CascadeCheck CheckCascade(const CascadeTables& tables, const ParsedTable* tc27);

// The statement's key for linking (see the header comment). Exposed for tests.
std::string CascadeKey(std::string_view statement);

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_CASCADE_CHECK_H_
