// PlanUpcaster: a version-1 ratification is held with its append and released counted;
// everything else passes through as it came, at once.
#include "domain/plan_upcaster.h"

#include <string>
#include <vector>

#include "domain/plan_events.h"
#include "gtest/gtest.h"

namespace renstra {
namespace {

constexpr char kStream[] = "plan/test";

v1::PlanEvent Ratified(int32_t change_count) {
  v1::PlanEvent e;
  e.mutable_revision_ratified()->set_revision_id("REV-1");
  e.mutable_revision_ratified()->set_revision_number(1);
  e.mutable_revision_ratified()->set_change_count(change_count);
  return e;
}

v1::PlanEvent Retired(const std::string& code) {
  v1::PlanEvent e;
  e.mutable_node_retired()->set_code(code);
  e.mutable_node_retired()->set_from_year(2026);
  return e;
}

v1::EventEnvelope Envelope(uint64_t version, const v1::PlanEvent& event, uint32_t schema,
                           const std::string& request_id, int64_t timestamp) {
  v1::EventEnvelope env;
  env.set_sequence(version + 10);  // other streams' events came first
  env.set_stream(kStream);
  env.set_stream_version(version);
  env.set_event_type(EventTypeName(event));
  env.set_schema_version(schema);
  env.set_request_id(request_id);
  env.set_timestamp_micros(timestamp);
  event.SerializeToString(env.mutable_payload());
  return env;
}

std::vector<uint64_t> Versions(const std::vector<v1::EventEnvelope>& envelopes) {
  std::vector<uint64_t> out;
  for (const v1::EventEnvelope& e : envelopes) out.push_back(e.stream_version());
  return out;
}

v1::PlanEvent Payload(const v1::EventEnvelope& envelope) {
  v1::PlanEvent event;
  EXPECT_TRUE(event.ParseFromString(envelope.payload()));
  return event;
}

// The envelope the upcaster should release for a stored version-1 ratification
// followed by `changes` events: the same but for the count and the schema.
v1::EventEnvelope Upcast(v1::EventEnvelope stored, int32_t changes) {
  v1::PlanEvent event = Payload(stored);
  event.mutable_revision_ratified()->set_change_count(changes);
  stored.set_payload(event.SerializeAsString());
  stored.set_schema_version(kPlanEventSchemaVersion);
  return stored;
}

std::string Text(const std::vector<v1::EventEnvelope>& envelopes) {
  std::string out;
  for (const v1::EventEnvelope& e : envelopes) out += e.ShortDebugString() + "\n";
  return out;
}

TEST(PlanUpcasterTest, HoldsAVersionOneRatificationUntilAnotherAppendAndCountsItsChanges) {
  const v1::EventEnvelope ratified = Envelope(5, Ratified(0), 1, "ratify", 300);
  const v1::EventEnvelope first = Envelope(6, Retired("1.06"), 1, "ratify", 300);
  const v1::EventEnvelope second = Envelope(7, Retired("1.07"), 1, "ratify", 300);
  const v1::EventEnvelope next = Envelope(8, Retired("1.08"), 1, "retire", 300);
  PlanUpcaster upcaster;
  std::vector<v1::EventEnvelope> ready;
  upcaster.Push(ratified, &ready);
  upcaster.Push(first, &ready);
  upcaster.Push(second, &ready);
  EXPECT_TRUE(ready.empty()) << Text(ready);
  EXPECT_EQ(upcaster.held(), 3u);

  upcaster.Push(next, &ready);  // another request id: the ratification's append is over
  EXPECT_EQ(Versions(ready), (std::vector<uint64_t>{5, 6, 7, 8}));
  EXPECT_EQ(upcaster.held(), 0u);
  ASSERT_EQ(ready.size(), 4u);
  EXPECT_EQ(Payload(ready[0]).revision_ratified().change_count(), 2);
  EXPECT_EQ(ready[0].SerializeAsString(), Upcast(ratified, 2).SerializeAsString());
  EXPECT_EQ(ready[0].schema_version(), kPlanEventSchemaVersion);
  EXPECT_EQ(ready[1].payload(), first.payload());
  EXPECT_EQ(ready[1].schema_version(), kPlanEventSchemaVersion);
  EXPECT_EQ(ready[2].payload(), second.payload());
  EXPECT_EQ(ready[3].payload(), next.payload());
}

TEST(PlanUpcasterTest, ANewTimestampEndsTheAppendEvenWithTheSameRequestId) {
  PlanUpcaster upcaster;
  std::vector<v1::EventEnvelope> ready;
  upcaster.Push(Envelope(5, Ratified(0), 1, "ratify", 300), &ready);
  upcaster.Push(Envelope(6, Retired("1.06"), 1, "ratify", 300), &ready);
  upcaster.Push(Envelope(7, Retired("1.07"), 1, "ratify", 301), &ready);
  EXPECT_EQ(Versions(ready), (std::vector<uint64_t>{5, 6, 7}));
  ASSERT_EQ(ready.size(), 3u);
  EXPECT_EQ(Payload(ready[0]).revision_ratified().change_count(), 1);
  EXPECT_EQ(upcaster.held(), 0u);
}

TEST(PlanUpcasterTest, FlushReleasesTheHeldAppendCountedAsFarAsItWasRead) {
  const v1::EventEnvelope ratified = Envelope(5, Ratified(0), 1, "ratify", 300);
  PlanUpcaster upcaster;
  std::vector<v1::EventEnvelope> ready;
  upcaster.Push(ratified, &ready);
  upcaster.Push(Envelope(6, Retired("1.06"), 1, "ratify", 300), &ready);
  upcaster.Push(Envelope(7, Retired("1.07"), 1, "ratify", 300), &ready);
  upcaster.Push(Envelope(8, Retired("1.08"), 1, "ratify", 300), &ready);
  ASSERT_TRUE(ready.empty());
  upcaster.Flush(&ready);
  EXPECT_EQ(Versions(ready), (std::vector<uint64_t>{5, 6, 7, 8}));
  ASSERT_EQ(ready.size(), 4u);
  EXPECT_EQ(ready[0].SerializeAsString(), Upcast(ratified, 3).SerializeAsString());
  EXPECT_EQ(upcaster.held(), 0u);

  // Nothing held: a second flush adds nothing.
  upcaster.Flush(&ready);
  EXPECT_EQ(ready.size(), 4u);
}

TEST(PlanUpcasterTest, AVersionOneRatificationWithoutChangesIsReleasedWithACountOfZero) {
  const v1::EventEnvelope ratified = Envelope(5, Ratified(0), 1, "ratify", 300);
  PlanUpcaster upcaster;
  std::vector<v1::EventEnvelope> ready;
  upcaster.Push(ratified, &ready);
  upcaster.Flush(&ready);
  ASSERT_EQ(ready.size(), 1u);
  EXPECT_EQ(ready[0].SerializeAsString(), Upcast(ratified, 0).SerializeAsString());
}

TEST(PlanUpcasterTest, AVersionTwoRatificationPassesThroughUntouchedAtOnce) {
  const v1::EventEnvelope ratified = Envelope(5, Ratified(2), 2, "ratify", 300);
  const v1::EventEnvelope change = Envelope(6, Retired("1.06"), 2, "ratify", 300);
  PlanUpcaster upcaster;
  std::vector<v1::EventEnvelope> ready;
  upcaster.Push(ratified, &ready);
  ASSERT_EQ(ready.size(), 1u);
  EXPECT_EQ(ready[0].SerializeAsString(), ratified.SerializeAsString());
  upcaster.Push(change, &ready);
  ASSERT_EQ(ready.size(), 2u);
  EXPECT_EQ(ready[1].SerializeAsString(), change.SerializeAsString());
  EXPECT_EQ(upcaster.held(), 0u);
}

TEST(PlanUpcasterTest, AVersionTwoRatificationCountingNothingIsNotRecounted) {
  // Version 2 says change_count; 0 then means "no changes", not "not said".
  const v1::EventEnvelope ratified = Envelope(5, Ratified(0), 2, "ratify", 300);
  PlanUpcaster upcaster;
  std::vector<v1::EventEnvelope> ready;
  upcaster.Push(ratified, &ready);
  upcaster.Push(Envelope(6, Retired("1.06"), 2, "ratify", 300), &ready);
  ASSERT_EQ(ready.size(), 2u);
  EXPECT_EQ(ready[0].SerializeAsString(), ratified.SerializeAsString());
}

TEST(PlanUpcasterTest, AnUnrelatedVersionOneEventPassesThroughAtOnceRaisedToTheCurrentSchema) {
  const v1::EventEnvelope retired = Envelope(3, Retired("1.06"), 1, "retire", 300);
  PlanUpcaster upcaster;
  std::vector<v1::EventEnvelope> ready;
  upcaster.Push(retired, &ready);
  ASSERT_EQ(ready.size(), 1u);
  v1::EventEnvelope expected = retired;
  expected.set_schema_version(kPlanEventSchemaVersion);
  EXPECT_EQ(ready[0].SerializeAsString(), expected.SerializeAsString());
  EXPECT_EQ(upcaster.held(), 0u);
}

TEST(PlanUpcasterTest, AnEnvelopeOfANewerSchemaPassesThroughUntouched) {
  const v1::EventEnvelope later = Envelope(3, Ratified(0), kPlanEventSchemaVersion + 1, "r", 300);
  PlanUpcaster upcaster;
  std::vector<v1::EventEnvelope> ready;
  upcaster.Push(later, &ready);
  ASSERT_EQ(ready.size(), 1u);
  EXPECT_EQ(ready[0].SerializeAsString(), later.SerializeAsString());
}

TEST(PlanUpcasterTest, APayloadThatIsNotAPlanEventPassesThroughForApplyToReport) {
  v1::EventEnvelope broken = Envelope(3, Retired("1.06"), 1, "retire", 300);
  broken.set_payload("\xff\xff");
  PlanUpcaster upcaster;
  std::vector<v1::EventEnvelope> ready;
  upcaster.Push(broken, &ready);
  ASSERT_EQ(ready.size(), 1u);
  EXPECT_EQ(ready[0].SerializeAsString(), broken.SerializeAsString());
}

TEST(PlanUpcasterTest, AVersionOneRatificationRightAfterAnotherIsHeldOnItsOwn) {
  PlanUpcaster upcaster;
  std::vector<v1::EventEnvelope> ready;
  upcaster.Push(Envelope(5, Ratified(0), 1, "first", 300), &ready);
  upcaster.Push(Envelope(6, Retired("1.06"), 1, "first", 300), &ready);
  upcaster.Push(Envelope(7, Ratified(0), 1, "second", 400), &ready);
  EXPECT_EQ(Versions(ready), (std::vector<uint64_t>{5, 6}));
  EXPECT_EQ(upcaster.held(), 1u);
  upcaster.Push(Envelope(8, Retired("1.07"), 1, "second", 400), &ready);
  upcaster.Push(Envelope(9, Retired("1.08"), 1, "second", 400), &ready);
  upcaster.Flush(&ready);
  EXPECT_EQ(Versions(ready), (std::vector<uint64_t>{5, 6, 7, 8, 9}));
  ASSERT_EQ(ready.size(), 5u);
  EXPECT_EQ(Payload(ready[0]).revision_ratified().change_count(), 1);
  EXPECT_EQ(Payload(ready[2]).revision_ratified().change_count(), 2);
}

TEST(PlanUpcasterTest, ResetDropsWhatIsHeld) {
  PlanUpcaster upcaster;
  std::vector<v1::EventEnvelope> ready;
  upcaster.Push(Envelope(5, Ratified(0), 1, "ratify", 300), &ready);
  upcaster.Push(Envelope(6, Retired("1.06"), 1, "ratify", 300), &ready);
  upcaster.Reset();
  EXPECT_EQ(upcaster.held(), 0u);
  upcaster.Flush(&ready);
  EXPECT_TRUE(ready.empty()) << Text(ready);
}

}  // namespace
}  // namespace renstra
