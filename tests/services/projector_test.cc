// Projector: catching up by scanning the store, and request ids answered from the
// store's idempotency records only once the models show the request.
#include "services/projector.h"

#include <string>
#include <utility>
#include <vector>

#include "domain/money.h"
#include "gtest/gtest.h"
#include "renstra/v1/realization.pb.h"
#include "storage/memory_event_store.h"
#include "tests/testing/status_matchers.h"

namespace renstra {
namespace {

using ::renstra::testing::IsOk;

constexpr char kPlan[] = "plan/test";
constexpr char kRealizations[] = "realization/test";

AppendRequest Spending(const std::string& id, int64_t expected, int64_t rupiah,
                       const std::string& request_id, const std::string& corrects = "") {
  v1::RealizationEvent e;
  if (corrects.empty()) {
    v1::SpendingRecorded* s = e.mutable_spending_recorded();
    s->set_realization_id(id);
    s->set_node_code("1.06.04.2.01");
    s->set_year(2024);
    Money::Rupiah(rupiah).ToProto(s->mutable_spent());
  } else {
    e.mutable_corrected()->set_realization_id(id);
    e.mutable_corrected()->set_corrects_id(corrects);
    Money::Rupiah(rupiah).ToProto(e.mutable_corrected()->mutable_spent());
  }
  AppendRequest request;
  request.stream = kRealizations;
  request.expected_version = expected;
  request.events.push_back(NewEvent{"renstra.v1.RealizationEvent", 1, e.SerializeAsString()});
  request.meta = CommandMeta{"rina", "KEPALA_BIDANG", "laporan", request_id};
  return request;
}

AppendRequest Other(const std::string& request_id) {
  AppendRequest request;
  request.stream = "audit/denied";
  request.events = {NewEvent{"T1", 1, "a"}, NewEvent{"T2", 1, "b"}};
  request.meta = CommandMeta{"budi", "ADMIN", "", request_id};
  return request;
}

TEST(ProjectorTest, CatchUpAppliesEachEventOnceInOrderAndRecoverRebuildsTheSame) {
  MemoryEventStore store([] { return int64_t{1000}; });
  Projector projector(&store, kPlan);
  std::vector<uint64_t> observed;
  projector.SetObserver([&](const v1::EventEnvelope& e) { observed.push_back(e.sequence()); });
  ASSERT_THAT(store.Append(Spending("RLZ-000001", 0, 500, "a")), IsOk());
  ASSERT_THAT(store.Append(Other("b")), IsOk());
  ASSERT_THAT(projector.CatchUp(), IsOk());
  ASSERT_THAT(projector.CatchUp(), IsOk());  // nothing new: applies nothing
  ASSERT_THAT(store.Append(Spending("RLZ-000002", 1, 700, "c", "RLZ-000001")), IsOk());
  ASSERT_THAT(projector.CatchUp(), IsOk());
  EXPECT_EQ(observed, (std::vector<uint64_t>{1, 2, 3, 4}));

  struct Row {
    std::string id;
    uint64_t sequence;
    std::string corrected_by;
    Money spent;
    bool operator==(const Row&) const = default;
  };
  auto rows = [&] {
    return projector.ReadRealizations([](const PlanState&, const RealizationBook& book) {
      std::vector<Row> out;
      for (const RealizationRecord& r : book.records()) {
        out.push_back({r.id, r.sequence, r.corrected_by, r.spent});
      }
      EXPECT_EQ(book.version(), 2u);
      EXPECT_EQ(book.highest_id_number(), 2);
      return out;
    });
  };
  const std::vector<Row> before = rows();
  ASSERT_EQ(before.size(), 2u);
  EXPECT_EQ(before[0], (Row{"RLZ-000001", 1, "RLZ-000002", Money::Rupiah(500)}));
  EXPECT_EQ(before[1], (Row{"RLZ-000002", 4, "", Money::Rupiah(700)}));

  observed.clear();
  ASSERT_THAT(projector.Recover(), IsOk());
  EXPECT_EQ(observed, (std::vector<uint64_t>{1, 2, 3, 4}));
  EXPECT_EQ(rows(), before);
  EXPECT_EQ(projector.applied(), 4u);
}

TEST(ProjectorTest, CatchUpStopsAtAnEventItCannotApply) {
  MemoryEventStore store([] { return int64_t{1000}; });
  Projector projector(&store, kPlan);
  ASSERT_THAT(store.Append(Spending("RLZ-000001", 0, 500, "a")), IsOk());
  ASSERT_THAT(store.Append(Spending("RLZ-000001", 1, 500, "b")), IsOk());  // recorded twice
  ASSERT_THAT(store.Append(Other("c")), IsOk());
  absl::Status s = projector.CatchUp();
  EXPECT_EQ(s, absl::FailedPreconditionError("event 2: realization RLZ-000001 recorded twice"));
  EXPECT_EQ(projector.applied(), 1u);
}

TEST(ProjectorTest, RestoredCaptureCatchesUpFromItsSequenceOnly) {
  MemoryEventStore store([] { return int64_t{1000}; });
  Projector source(&store, kPlan);
  ASSERT_THAT(store.Append(Spending("RLZ-000001", 0, 500, "a")), IsOk());
  ASSERT_THAT(store.Append(Other("b")), IsOk());
  ASSERT_THAT(source.CatchUp(), IsOk());
  ProjectionState state = source.Capture();
  EXPECT_EQ(state.sequence, 3u);
  EXPECT_EQ(state.realizations.version(), 1u);
  ASSERT_EQ(state.realizations.records().size(), 1u);

  ASSERT_THAT(store.Append(Spending("RLZ-000002", 1, 700, "c", "RLZ-000001")), IsOk());
  Projector restored(&store, kPlan);
  std::vector<uint64_t> observed;
  restored.SetObserver([&](const v1::EventEnvelope& e) { observed.push_back(e.sequence()); });
  restored.Restore(std::move(state));
  EXPECT_EQ(restored.applied(), 3u);
  ASSERT_THAT(restored.CatchUp(), IsOk());
  EXPECT_EQ(observed, (std::vector<uint64_t>{4}));  // events 1..3 came from the capture
  restored.ReadRealizations([](const PlanState&, const RealizationBook& book) {
    EXPECT_EQ(book.version(), 2u);
    ASSERT_EQ(book.records().size(), 2u);
    EXPECT_EQ(book.records()[0].corrected_by, "RLZ-000002");
    EXPECT_EQ(book.records()[1].spent, Money::Rupiah(700));
  });
}

}  // namespace
}  // namespace renstra
