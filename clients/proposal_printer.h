// Text rendering of workflow answers for people: a proposal with before → after for
// each change and its history, one-line proposal summaries, the inbox, and revisions
// (Perubahan Renstra) with their legal basis and signer.
//
// Values are printed as plan_printer.h prints them (the written form, else Indonesian
// number format; "-" for an absent value).
//
// Thread safety: pure functions.
#ifndef RENSTRA_CLIENTS_PROPOSAL_PRINTER_H_
#define RENSTRA_CLIENTS_PROPOSAL_PRINTER_H_

#include <cstdint>
#include <ostream>
#include <string>

#include "renstra/v1/plan.pb.h"
#include "renstra/v1/workflow.pb.h"
#include "renstra/v1/workflow_service.pb.h"

namespace renstra {

// One change, e.g. "target 1.06.04.2.01.0001#1 2025: 210 Orang → 220 Orang" or
// "pagu 1.06.04.2.01.0001 2025: Rp 150.000.000 → Rp 180.000.000".
std::string FormatChange(const v1::Change& change);
// A proposal's status for people: DRAF, DIAJUKAN, DISETUJUI, DITOLAK, DIKEMBALIKAN,
// DITARIK, DITERAPKAN (--json keeps the enum names).
std::string ProposalStatusText(v1::ProposalStatus status);
// "USL-0001  DIAJUKAN  rehab  Bidang Rehabilitasi Sosial  1 perubahan  TITLE".
std::string ProposalLine(const v1::ProposalView& proposal);

// The proposal: heading, proposer, justification, changes (before → after), the last
// note and the history of transitions.
void PrintProposal(const v1::ProposalView& proposal, std::ostream& out);
// The three sections of the inbox, one proposal per line.
void PrintInbox(const v1::GetInboxResponse& inbox, std::ostream& out);
// One revision: number and name, legal basis, signer, dates, proposals, plan version.
void PrintRevision(const v1::RevisionInfo& revision, std::ostream& out);
// `revision ratify --dry-run`: the plan after the ratification (PrintPlan), then the
// findings it would add and remove, one per line (FormatFinding), and whether the
// ratification would be refused for them.
void PrintRatificationPreview(const v1::RatificationPreview& preview, std::ostream& out);
// Ratified revisions, oldest first, then the open revision and the lock state.
void PrintRevisions(const v1::ListRevisionsResponse& revisions, std::ostream& out);

}  // namespace renstra

#endif  // RENSTRA_CLIENTS_PROPOSAL_PRINTER_H_
