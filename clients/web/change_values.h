// Values typed in the console: the browser sends a proposal's new target or pagu, and a
// realization's achieved value or spent Rupiah, as the text its user typed ({"value":{"written":"80
// Orang"}}, {"amount":
// {"written":"12.500.000"}}), and the gateway reads it into the API's exact value
// messages with the CLI's readers (clients/value_parser.h: the domain's own
// TargetValue::Parse and Money::Parse), so the console accepts exactly what the CLI and
// renstrad read and holds no number parser of its own. Values already typed (a
// TargetValue with a kind, a Money marked present) are left as they are; renstrad checks
// every value again against the indicator.
//
// Thread safety: pure function.
// Errors: a 400 WebError naming the field ("changes[1].set_funding.amount.written",
// "value.q2.written", "spent.written") and the reader's reason; the message is then
// partly read and must not be sent.
#ifndef RENSTRA_CLIENTS_WEB_CHANGE_VALUES_H_
#define RENSTRA_CLIENTS_WEB_CHANGE_VALUES_H_

#include <google/protobuf/repeated_ptr_field.h>

#include <optional>
#include <string>

#include "clients/web/web_errors.h"
#include "renstra/v1/realization_service.pb.h"
#include "renstra/v1/workflow.pb.h"

namespace renstra::web {

// Reads the written values of set_target and set_funding changes in place.
std::optional<WebError> ReadWrittenValues(google::protobuf::RepeatedPtrField<v1::Change>* changes);

// Reads the written values of a realization's yearly and q1..q4 values in place (a value
// neither typed nor written stays absent: renstrad says which one it needs).
std::optional<WebError> ReadWrittenAchievement(v1::AchievedValue* value, const std::string& field);

// Reads a written Rupiah amount in place; an amount neither typed nor written is refused
// ("wajib diisi").
std::optional<WebError> ReadWrittenMoney(v1::Money* amount, const std::string& field);

// The written values of a realization command, if any (RecordAchievement: `value`;
// RecordSpending: `spent`; CorrectRealization: `achievement` or `spent`).
std::optional<WebError> ReadWrittenRealization(v1::RecordAchievementRequest* request);
std::optional<WebError> ReadWrittenRealization(v1::RecordSpendingRequest* request);
std::optional<WebError> ReadWrittenRealization(v1::CorrectRealizationRequest* request);

}  // namespace renstra::web

#endif  // RENSTRA_CLIENTS_WEB_CHANGE_VALUES_H_
