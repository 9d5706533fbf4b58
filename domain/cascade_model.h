// The agency's own performance cascade as the Renstra document writes it: its Tujuan
// and Sasaran with their indicators and yearly targets (Tabel TC.25) and its key
// performance indicators, the IKU (Tabel T-C.28). Read by ParseCascade
// (cascade_parser.h), checked against each other and against T-C.27's program rows by
// CheckCascade (cascade_check.h).
//
// Everything is kept as written: statements with their case, targets as typed
// TargetValues with their written text. Nothing here is in the plan's events yet.
// Value types; thread-compatible.
#ifndef RENSTRA_DOMAIN_CASCADE_MODEL_H_
#define RENSTRA_DOMAIN_CASCADE_MODEL_H_

#include <array>
#include <string>
#include <vector>

#include "domain/target_value.h"
#include "domain/year.h"
#include "renstra/v1/plan.pb.h"

namespace renstra {

// Whether TC.25 marks an indicator "( Indikator Tujuan )" or "( Indikator Sasaran )";
// every T-C.28 indicator (an IKU) is kIku.
enum class CascadeRole { kTujuan, kSasaran, kIku };

// "Indikator Tujuan", "Indikator Sasaran", "IKU".
const char* CascadeRoleName(CascadeRole role);

// One indicator row of TC.25 or T-C.28.
struct CascadeIndicator {
  // "TC.25 2.3": the table, the row number (NO) of its Tujuan/Sasaran or IKU group and
  // its place in that group, 1-based. Stable for one document; used in findings.
  std::string id;
  int line = 0;  // 1-based line in the document
  // As written, without markup and without TC.25's "( Indikator … )" mark.
  std::string statement;
  CascadeRole role = CascadeRole::kSasaran;
  // The unit the table states for it. TC.25 has no unit column, so "" there; T-C.28
  // writes its cells as "100%", so "%" (the unit of its first cell stating a number).
  std::string unit;
  // The cell of kBaselineYear (2021): TC.25's first target column, T-C.28's "Kondisi
  // Kinerja pada awal periode RPJMD Tahun 2021".
  TargetValue baseline;
  std::array<TargetValue, kTargetYears> targets;
  TargetValue end_target;  // T-C.28's "Kondisi Kinerja pada akhir periode"; TC.25: blank
  // The years the indicator is in force: the first and the last year (baseline year
  // included) whose cell is not blank; 0 when every cell is blank.
  int first_year = 0;
  int last_year = 0;
  // The id of the indicator of the same group that takes over the year after this one's
  // last year (the 2024 Perubahan's replacements), and that year; "" and 0 when none.
  std::string replaced_by;
  int replaced_from = 0;
};

// A TC.25 row group: one Tujuan with its Sasaran (TC.25 writes them on one row) and
// the indicators of both, in document order.
struct CascadeGoal {
  std::string number;  // NO as written: "1", "2", "3"
  int line = 0;
  std::string tujuan;   // TUJUAN as written
  std::string sasaran;  // SASARAN as written
  std::vector<CascadeIndicator> indicators;
};

// A T-C.28 numbered row with its continuation rows (a replacing indicator sits on the
// row below the one it replaces, without a number).
struct IkuGroup {
  std::string number;  // NO as written
  int line = 0;
  std::vector<CascadeIndicator> indicators;
};

struct CascadeTables {
  std::vector<CascadeGoal> goals;  // TC.25; empty when the document has no TC.25
  int tc25_line = 0;               // the line of its title, 0 when absent
  std::vector<IkuGroup> iku;       // T-C.28; empty when the document has none
  int tc28_line = 0;
  // DECIMAL_POINT findings: every cell read with a decimal point, in line order.
  std::vector<v1::Finding> notes;
};

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_CASCADE_MODEL_H_
