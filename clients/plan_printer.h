// Text rendering of plan answers for people: the program → kegiatan → sub kegiatan
// tree, findings one per line, and Indonesian number formats (1.234.567; 4,19).
//
// Values keep the form the source wrote (Money.written, TargetValue.written); values
// without one are rendered from their exact parts. "-" stands for an absent value.
//
// Thread safety: pure functions.
#ifndef RENSTRA_CLIENTS_PLAN_PRINTER_H_
#define RENSTRA_CLIENTS_PLAN_PRINTER_H_

#include <cstdint>
#include <ostream>
#include <string>

#include "renstra/v1/plan.pb.h"
#include "renstra/v1/values.pb.h"

namespace renstra {

// Money.written if set, "-" if absent, else FormatRupiah (domain/money.h): "1.234.567".
std::string FormatMoney(const v1::Money& money);
// An exact decimal, Indonesian style: {419, 2} → "4,19"; {139700, 0} → "139.700"
// (Decimal::ToIndonesian; a scale outside 0..6 is clamped as Decimal::FromProto does).
std::string FormatDecimal(const v1::Decimal& decimal);
// TargetValue.written if set, else rendered from kind, bounds and unit; "-" if absent.
std::string FormatTarget(const v1::TargetValue& target);
// The division's Indonesian name ("Bidang Rehabilitasi Sosial", DivisionDisplayName in
// domain/division.h); "-" if unassigned.
std::string DivisionName(v1::Division division);
// "KIND CODE [tahun=Y] [baris=L] [tertulis=S] [hitungan=C] : message".
std::string FormatFinding(const v1::Finding& finding);

// The plan: a heading (version, revision number and lock state), its goals and
// objectives, then every program tree.
void PrintPlan(const v1::Plan& plan, std::ostream& out);
// One node and its children, indented two spaces per level from `depth`.
void PrintNode(const v1::Node& node, int depth, std::ostream& out);
// The plan's heading lines: "Renstra AGENCY 2021-2026 (PLAN_ID, versi V)" and
// "Perubahan ke-N (...); terkunci|belum terkunci[; ...]".
void PrintPlanHeading(const v1::Plan& plan, std::ostream& out);
// `plan show --code`: the plan's heading, the node's ancestors (program, kegiatan) by
// code and name, then the node as PrintNode prints it below them. `node` is the node to
// show (possibly from another answer); its ancestors are looked up in `plan` by code.
void PrintNodeInPlan(const v1::Plan& plan, const v1::Node& node, std::ostream& out);

}  // namespace renstra

#endif  // RENSTRA_CLIENTS_PLAN_PRINTER_H_
