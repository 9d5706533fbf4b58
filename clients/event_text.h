// Event text: how the `renstra` client tells an official what an audit event was, in
// Bahasa Indonesia ("usulan dibuat: USL-0001 oleh rehab: …").
//
// The server's AuditEvent.summary starts with the technical type name ("ProposalDrafted
// USL-0001 by rehab: …") and stays as it is in `--json`; the human output decodes the
// envelope's payload again and writes it in Indonesian. Every event kind the log can
// hold — each message of the oneofs of PlanEvent, ProposalEvent, RealizationEvent,
// UserEvent and AgencyEvent, and the lone AccessDenied, AccessDeniedSummary and
// LogLossAccepted — has one description in one table (EventKindDescriptions); a test
// walks the descriptors so a new kind cannot be added untranslated.
//
// Texts that came from the server are escaped by the printer (terminal_text.h), not
// here. Pure functions; thread-safe.
#ifndef RENSTRA_CLIENTS_EVENT_TEXT_H_
#define RENSTRA_CLIENTS_EVENT_TEXT_H_

#include <map>
#include <string>
#include <string_view>

#include "renstra/v1/audit_service.pb.h"

namespace renstra {

// Technical kind name ("ProposalDrafted") → Indonesian description ("usulan dibuat").
const std::map<std::string_view, std::string_view>& EventKindDescriptions();

// The technical kind of an envelope: its event_type without the package
// ("ProposalDrafted"); for an old envelope typed by its container ("PlanEvent"), the
// kind set in the decoded payload's oneof; "" when there is none.
std::string EventKindOf(const v1::EventEnvelope& envelope);

// One line for people: the kind's description, then what it was about, e.g.
// "usulan dibuat: USL-0001 oleh rehab: Target permakanaan 2025 (1 perubahan): Jumlah
// penerima bertambah". An unknown kind keeps its technical name ("peristiwa
// FooHappened"); a payload that does not decode, the server's summary after its type
// name.
std::string DescribeAuditEvent(const v1::AuditEvent& event);

}  // namespace renstra

#endif  // RENSTRA_CLIENTS_EVENT_TEXT_H_
