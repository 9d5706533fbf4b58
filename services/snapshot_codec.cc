#include "services/snapshot_codec.h"

#include <utility>

namespace renstra {

void SnapshotCodec::Put(ByteWriter& w, const Decimal& d) {
  w.Signed(d.units());
  w.Varint(static_cast<uint64_t>(d.scale()));
}

Decimal SnapshotCodec::GetDecimal(ByteReader& r) {
  const int64_t units = r.Signed();
  const uint64_t scale = r.Varint();
  if (scale > static_cast<uint64_t>(Decimal::kMaxScale)) {
    (void)r.Bytes(UINT64_MAX);  // marks the input bad
    return Decimal();
  }
  return Decimal(units, static_cast<int>(scale));
}

void SnapshotCodec::Put(ByteWriter& w, const TargetValue& t) {
  w.Varint(static_cast<uint64_t>(t.kind_));
  Put(w, t.low_);
  Put(w, t.high_);
  const TargetValue::Texts& texts = t.texts();
  w.Str(texts.unit);
  w.Str(texts.bound_op);
  w.Str(texts.written);
}

void SnapshotCodec::Get(ByteReader& r, TargetValue* t) {
  const uint64_t kind = r.Varint();
  if (kind > static_cast<uint64_t>(TargetValue::Kind::kBoundRange)) (void)r.Bytes(UINT64_MAX);
  t->kind_ = static_cast<TargetValue::Kind>(kind);
  t->low_ = GetDecimal(r);
  t->high_ = GetDecimal(r);
  TargetValue::Texts texts;
  r.Str(&texts.unit);
  r.Str(&texts.bound_op);
  r.Str(&texts.written);
  // Blank texts stay out of line, as TargetValue keeps them (see target_value.h).
  if (texts.unit.empty() && texts.bound_op.empty() && texts.written.empty()) {
    t->texts_.reset();
  } else {
    t->mutable_texts() = std::move(texts);
  }
}

void SnapshotCodec::Put(ByteWriter& w, const Money& m) {
  w.Signed(m.rupiah_);
  w.Bool(m.present_);
  w.Str(m.written_);
}

void SnapshotCodec::Get(ByteReader& r, Money* m) {
  m->rupiah_ = r.Signed();
  m->present_ = r.Bool();
  r.Str(&m->written_);
}

void SnapshotCodec::Put(ByteWriter& w, const AchievedValue& a) {
  Put(w, a.yearly);
  for (const TargetValue& q : a.quarters) Put(w, q);
}

void SnapshotCodec::Get(ByteReader& r, AchievedValue* a) {
  Get(r, &a->yearly);
  for (TargetValue& q : a->quarters) Get(r, &q);
}

void SnapshotCodec::Put(ByteWriter& w, const ProposalState& p) {
  w.Str(p.id);
  w.Str(p.title);
  w.Str(p.justification);
  w.Str(p.proposer);
  w.Signed(p.division);
  w.Signed(p.base_version);
  w.Varint(p.changes.size());
  std::string bytes;
  for (const v1::Change& c : p.changes) {
    bytes.clear();
    c.SerializeToString(&bytes);
    w.Str(bytes);
  }
  w.Signed(p.status);
  w.Str(p.last_note);
  w.Str(p.reviewer);
  w.Str(p.revision_id);
  w.Varint(p.stream_version);
  w.Varint(p.history.size());
  for (const ProposalStep& s : p.history) {
    w.Str(s.event);
    w.Str(s.who);
    w.Str(s.role);
    w.Signed(s.at_micros);
    w.Str(s.note);
  }
}

void SnapshotCodec::Get(ByteReader& r, ProposalState* p) {
  r.Str(&p->id);
  r.Str(&p->title);
  r.Str(&p->justification);
  r.Str(&p->proposer);
  p->division = static_cast<v1::Division>(r.Signed());
  p->base_version = r.Signed();
  const uint64_t changes = r.Varint();
  if (changes > 1'000'000) (void)r.Bytes(UINT64_MAX);
  p->changes.resize(r.ok() ? changes : 0);
  for (v1::Change& c : p->changes) {
    const uint64_t n = r.Varint();
    const std::string_view bytes = r.Bytes(n);
    if (!c.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) (void)r.Bytes(UINT64_MAX);
  }
  p->status = static_cast<v1::ProposalStatus>(r.Signed());
  r.Str(&p->last_note);
  r.Str(&p->reviewer);
  r.Str(&p->revision_id);
  p->stream_version = r.Varint();
  const uint64_t steps = r.Varint();
  if (steps > 1'000'000) (void)r.Bytes(UINT64_MAX);
  p->history.resize(r.ok() ? steps : 0);
  for (ProposalStep& s : p->history) {
    r.Str(&s.event);
    r.Str(&s.who);
    r.Str(&s.role);
    s.at_micros = r.Signed();
    r.Str(&s.note);
  }
}

void SnapshotCodec::Put(ByteWriter& w, const RealizationRecord& rec) {
  w.Str(rec.id);
  w.Varint(static_cast<uint64_t>(rec.kind));
  w.Str(rec.indicator_id);
  w.Str(rec.node_code);
  w.Signed(rec.year);
  w.Signed(rec.quarter);
  Put(w, rec.achievement);
  Put(w, rec.spent);
  w.Bool(rec.retracted);
  w.Str(rec.evidence_ref);
  w.Str(rec.note);
  w.Str(rec.corrects_id);
  w.Str(rec.corrected_by);
  w.Str(rec.principal);
  w.Str(rec.role);
  w.Signed(rec.at_micros);
  w.Str(rec.reason);
  w.Varint(rec.sequence);
  w.Varint(rec.stream_version);
}

void SnapshotCodec::Get(ByteReader& r, RealizationRecord* rec) {
  r.Str(&rec->id);
  const uint64_t kind = r.Varint();
  if (kind > static_cast<uint64_t>(RealizationRecord::Kind::kSpending)) {
    (void)r.Bytes(UINT64_MAX);
  }
  rec->kind = static_cast<RealizationRecord::Kind>(kind);
  r.Str(&rec->indicator_id);
  r.Str(&rec->node_code);
  rec->year = static_cast<int>(r.Signed());
  rec->quarter = static_cast<int>(r.Signed());
  Get(r, &rec->achievement);
  Get(r, &rec->spent);
  rec->retracted = r.Bool();
  r.Str(&rec->evidence_ref);
  r.Str(&rec->note);
  r.Str(&rec->corrects_id);
  r.Str(&rec->corrected_by);
  r.Str(&rec->principal);
  r.Str(&rec->role);
  rec->at_micros = r.Signed();
  r.Str(&rec->reason);
  rec->sequence = r.Varint();
  rec->stream_version = r.Varint();
}

}  // namespace renstra
