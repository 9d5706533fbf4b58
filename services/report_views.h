// Report views: the domain's realization records and report models
// (domain/realization_book.h, domain/report_models.h) as the API's messages
// (proto/renstra/v1/realization_service.proto). Every cell carries the domain's
// Indonesian text and its exact value, so clients render without recomputing.
//
// Pure functions; thread-safe with respect to const inputs.
#ifndef RENSTRA_SERVICES_REPORT_VIEWS_H_
#define RENSTRA_SERVICES_REPORT_VIEWS_H_

#include <string>

#include "domain/decimal.h"
#include "domain/realization_book.h"
#include "domain/report_models.h"
#include "renstra/v1/realization_service.pb.h"

namespace renstra {

v1::RealizationView ViewOf(const RealizationRecord& record);

// "66.67" (a dot, no thousands separators): the machine-readable form of a decimal.
std::string PlainDecimal(const Decimal& value);

void RatioToProto(const Ratio& ratio, v1::ReportRatio* out);
void NodeToProto(const NodeRef& node, v1::ReportNode* out);
void IndicatorLineToProto(const IndicatorLine& line, v1::IndicatorLine* out);
void AnggaranRowToProto(const Tc24Row& row, v1::AnggaranRow* out);
void EvaluationRowToProto(const E80Row& row, v1::EvaluationRow* out);
void WarningToProto(const WarningItem& item, v1::EarlyWarning* out);
void TriwulanLineToProto(const TriwulanLine& line, v1::TriwulanLine* out);

}  // namespace renstra

#endif  // RENSTRA_SERVICES_REPORT_VIEWS_H_
