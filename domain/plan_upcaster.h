// PlanUpcaster: turns the plan stream's envelopes as stored into envelopes of the
// current PlanEvent schema (kPlanEventSchemaVersion), so that PlanState::Apply knows
// only the current schema. The log itself is never rewritten (its bytes are hashed
// into the chain and the Merkle tree): upcasting happens on every read.
//
// Upcasts so far (docs/schema.md lists the versions):
//   1 → 2  A version-1 RevisionRatified does not say how many change events follow it
//          in its append (change_count reads 0). The upcaster holds it, and the
//          envelopes of the same append that follow it (same stream, request_id and
//          timestamp_micros), until the append is over; it then releases the
//          ratification with change_count set to the number of envelopes it held after
//          it, then those envelopes. The append is over when an envelope of another
//          append arrives (Push) or when the caller says the read batch ended (Flush):
//          appends are atomic, so a batch that read up to the log's head, to a command
//          boundary or to an instant ends with a whole append.
//
// What is released: exactly one envelope for each envelope pushed, in the order pushed,
// with the same sequence and stream_version (an upcast never splits, merges or drops an
// event). An envelope stored at a version older than kPlanEventSchemaVersion is released
// with schema_version = kPlanEventSchemaVersion: its payload now reads correctly as the
// current schema (a ratification's payload is re-serialized with its change_count; the
// other events of version 1 are unchanged, as version 2 changed only the
// ratification). That is how an upcast envelope is told from a stored one; the stored
// envelope (e.g. for hashing) is the one the caller pushed. An envelope of the current
// version, or of a newer one, is released untouched.
//
// Errors: none. A payload that is not a PlanEvent is released untouched, for
// PlanState::Apply to report (INVALID_ARGUMENT naming the event).
//
// Cost: an envelope older than version 2 has its payload decoded once more here (only
// logs written by a version-1 server); a current log costs one move per envelope.
//
// Thread safety: not thread-safe; one upcaster per reader of one plan stream, fed that
// stream's envelopes in stream order. A value type (copyable, movable).
#ifndef RENSTRA_DOMAIN_PLAN_UPCASTER_H_
#define RENSTRA_DOMAIN_PLAN_UPCASTER_H_

#include <cstddef>
#include <vector>

#include "renstra/v1/events.pb.h"

namespace renstra {

class PlanUpcaster {
 public:
  // Takes the next stored envelope of the stream and appends to `ready` the envelopes
  // that can be applied now, in stream order (none while an append may still go on).
  void Push(v1::EventEnvelope stored, std::vector<v1::EventEnvelope>* ready);

  // The read batch ended at the end of an append: appends what is held to `ready`.
  void Flush(std::vector<v1::EventEnvelope>* ready);

  // Drops what is held, for a reader that will read those events again (after an error).
  void Reset() { held_.clear(); }

  // Number of envelopes pushed and not released yet.
  size_t held() const { return held_.size(); }

 private:
  // True if `stored` belongs to the append whose ratification is held.
  bool SameAppend(const v1::EventEnvelope& stored) const;

  // held_[0] is a version-1 RevisionRatified (decoded in ratification_); the others are
  // the envelopes of its append that followed it. Empty when nothing is held.
  std::vector<v1::EventEnvelope> held_;
  v1::PlanEvent ratification_;
};

}  // namespace renstra

#endif  // RENSTRA_DOMAIN_PLAN_UPCASTER_H_
