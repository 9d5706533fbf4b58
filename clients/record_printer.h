// One-line printers of the records the `renstra` client lists: realizations
// (`realize list`), users (`admin user list`) and audit events (`audit history`,
// `audit follow`). Every text that came from the server is written through
// Printable (terminal_text.h).
//
// Thread safety: write to the given stream only.
#ifndef RENSTRA_CLIENTS_RECORD_PRINTER_H_
#define RENSTRA_CLIENTS_RECORD_PRINTER_H_

#include <ostream>

#include "renstra/v1/admin_service.pb.h"
#include "renstra/v1/audit_service.pb.h"
#include "renstra/v1/realization_service.pb.h"

namespace renstra {

// "RLZ-000001  2025  1.06.04.2.01.0001#1  110 Orang  bukti BA-17  — note  [rehab
// (KEPALA_BIDANG) 2025-07-01 10:00 WIB]"; a retracted value is "dibatalkan".
void PrintRealization(const v1::RealizationView& v, std::ostream& out);

// "sari  KEPALA_BIDANG  PEMBERDAYAAN_MASYARAKAT  \"Sari, S.Sos\"  NONAKTIF".
void PrintUser(const v1::UserView& u, std::ostream& out);

// "#12  2025-07-01 10:00 WIB  rehab (KEPALA_BIDANG)  usulan dibuat: …  — reason
// [permintaan id]": the event in Indonesian (event_text.h; the server's technical summary
// stays in --json). The reason is left out when the description already holds it (a
// proposal's justification or note: the envelope keeps only its first line).
void PrintAuditEvent(const v1::AuditEvent& event, std::ostream& out);

}  // namespace renstra

#endif  // RENSTRA_CLIENTS_RECORD_PRINTER_H_
