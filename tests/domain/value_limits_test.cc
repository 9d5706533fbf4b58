// Values at the edge of the domain: what the workflow's deciders refuse (each with the
// field and the limit named), what the plan's totals do with amounts from a log written
// before the limits, and that every value of the seed plan is within the limits.
#include "domain/value_limits.h"

#include <cstdint>
#include <string>
#include <vector>

#include "domain/change_rules.h"
#include "domain/plan_limits.h"
#include "domain/workflow_decider.h"
#include "gtest/gtest.h"
#include "tests/domain/seed_fixture.h"
#include "tests/testing/status_matchers.h"

namespace renstra {
namespace {

using ::renstra::testing::IsOk;

const Actor kRina{"rina", v1::Role::KEPALA_BIDANG, v1::REHABILITASI_SOSIAL};
const Actor kHendra{"hendra", v1::Role::KEPALA_DINAS, v1::DIVISION_UNSPECIFIED};

// Counts Orang; node 1.06.04.2.01.0001 belongs to rina's division.
constexpr char kIndicator[] = "1.06.04.2.01.0001#1";
constexpr char kNode[] = "1.06.04.2.01.0001";

void ExpectStatus(const absl::Status& s, absl::StatusCode code, const std::string& message) {
  EXPECT_EQ(s.code(), code) << s;
  EXPECT_EQ(s.message(), message);
}

v1::TargetValue Number(int64_t units, int scale, const std::string& unit = "Orang") {
  v1::TargetValue v;
  v.set_kind(v1::TargetValue::NUMBER);
  v.mutable_low()->set_units(units);
  v.mutable_low()->set_scale(scale);
  v.set_unit(unit);
  return v;
}

v1::Change SetTarget(const v1::TargetValue& value) {
  v1::Change c;
  c.mutable_set_target()->set_indicator_id(kIndicator);
  c.mutable_set_target()->set_year(2025);
  *c.mutable_set_target()->mutable_value() = value;
  return c;
}

v1::Change SetFunding(int64_t rupiah) {
  v1::Change c;
  c.mutable_set_funding()->set_node_code(kNode);
  c.mutable_set_funding()->set_year(2025);
  c.mutable_set_funding()->mutable_amount()->set_rupiah(rupiah);
  c.mutable_set_funding()->mutable_amount()->set_present(true);
  return c;
}

class ValueLimitsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    seed_ = new PlanState(testing::ImportText(testing::ReadSeedDocument()));
  }
  static void TearDownTestSuite() {
    delete seed_;
    seed_ = nullptr;
  }

  absl::Status Draft(const v1::Change& change) {
    return DecideDraft(*seed_, kRina, DraftCommand{"p1", "t", "because", {change}}).status();
  }

  static PlanState* seed_;
};

PlanState* ValueLimitsTest::seed_ = nullptr;

TEST_F(ValueLimitsTest, TargetsAreNotNegative) {
  ExpectStatus(Draft(SetTarget(Number(-5, 0))), absl::StatusCode::kInvalidArgument,
               "changes[0].set_target.value.low: -5 is negative");
  ExpectStatus(Draft(SetTarget(Number(INT64_MIN, 0))), absl::StatusCode::kInvalidArgument,
               "changes[0].set_target.value.low: -9.223.372.036.854.775.808 is negative");
}

TEST_F(ValueLimitsTest, TargetsAreBounded) {
  ExpectStatus(Draft(SetTarget(Number(INT64_MAX, 0))), absl::StatusCode::kInvalidArgument,
               "changes[0].set_target.value.low: 9.223.372.036.854.775.807 exceeds the maximum "
               "100.000.000.000.000");
  ExpectStatus(Draft(SetTarget(Number(1'000'000'000'000'001, 1))),
               absl::StatusCode::kInvalidArgument,
               "changes[0].set_target.value.low: 100.000.000.000.000,1 exceeds the maximum "
               "100.000.000.000.000");
  EXPECT_THAT(Draft(SetTarget(Number(kMaxTargetValue, 0))), IsOk());
}

TEST_F(ValueLimitsTest, ScaleIsBetweenZeroAndFour) {
  // Before: a scale of 99 was clamped to 6 and 5 applied as "0,000005 Orang".
  ExpectStatus(Draft(SetTarget(Number(5, 99))), absl::StatusCode::kInvalidArgument,
               "changes[0].set_target.value.low.scale: 99 exceeds the maximum scale 4");
  ExpectStatus(Draft(SetTarget(Number(5, -3))), absl::StatusCode::kInvalidArgument,
               "changes[0].set_target.value.low.scale: -3 is negative; a scale is 0..4");
  ExpectStatus(Draft(SetTarget(Number(5, 5))), absl::StatusCode::kInvalidArgument,
               "changes[0].set_target.value.low.scale: 5 exceeds the maximum scale 4");
  EXPECT_THAT(Draft(SetTarget(Number(12345, 4))), IsOk());
}

TEST_F(ValueLimitsTest, RangesAreOrdered) {
  v1::TargetValue range = Number(10, 0);
  range.set_kind(v1::TargetValue::RANGE);
  range.mutable_high()->set_units(5);
  ExpectStatus(Draft(SetTarget(range)), absl::StatusCode::kInvalidArgument,
               "changes[0].set_target.value: range low end 10 is above its high end 5");
  range.mutable_high()->set_units(10);
  EXPECT_THAT(Draft(SetTarget(range)), IsOk());
  range.clear_high();
  ExpectStatus(Draft(SetTarget(range)), absl::StatusCode::kInvalidArgument,
               "changes[0].set_target.value.high: required for RANGE");
  v1::TargetValue number = Number(10, 0);
  number.mutable_high()->set_units(20);
  ExpectStatus(Draft(SetTarget(number)), absl::StatusCode::kInvalidArgument,
               "changes[0].set_target.value.high: a NUMBER value has no high end");
}

TEST_F(ValueLimitsTest, BoundOperatorsAreKnown) {
  v1::TargetValue bound = Number(351, 0);
  bound.set_kind(v1::TargetValue::BOUND);
  bound.set_bound_op("!!");
  ExpectStatus(Draft(SetTarget(bound)), absl::StatusCode::kInvalidArgument,
               "changes[0].set_target.value.bound_op: \"!!\" is not a bound operator "
               "(>, >=, <, <=)");
  bound.set_bound_op(">=");
  EXPECT_THAT(Draft(SetTarget(bound)), IsOk());
  v1::TargetValue number = Number(351, 0);
  number.set_bound_op("<");
  ExpectStatus(Draft(SetTarget(number)), absl::StatusCode::kInvalidArgument,
               "changes[0].set_target.value.bound_op: a NUMBER value has no bound operator");
}

TEST_F(ValueLimitsTest, KindsAreKnownAndBlankKindsHaveNoNumber) {
  v1::TargetValue unknown = Number(1, 0);
  unknown.set_kind(static_cast<v1::TargetValue::Kind>(42));
  ExpectStatus(Draft(SetTarget(unknown)), absl::StatusCode::kInvalidArgument,
               "changes[0].set_target.value.kind: 42 is not a known kind");
  v1::TargetValue none = Number(7, 0);
  none.set_kind(v1::TargetValue::NONE);
  ExpectStatus(Draft(SetTarget(none)), absl::StatusCode::kInvalidArgument,
               "changes[0].set_target.value.low: a NONE value has no number");
}

TEST_F(ValueLimitsTest, WrittenTextIsTheValue) {
  // A reviewer is shown the written text: it may not say something else than the value.
  v1::TargetValue v = Number(5, 0);
  v.set_written("220 Orang");
  ExpectStatus(Draft(SetTarget(v)), absl::StatusCode::kInvalidArgument,
               "changes[0].set_target.value.written: \"220 Orang\" does not read as the value "
               "\"5 Orang\"");
  v.set_written("5 Orang");
  EXPECT_THAT(Draft(SetTarget(v)), IsOk());
  v1::Change funding = SetFunding(5);
  funding.mutable_set_funding()->mutable_amount()->set_written("175.000.000");
  ExpectStatus(Draft(funding), absl::StatusCode::kInvalidArgument,
               "changes[0].set_funding.amount.written: \"175.000.000\" does not read as the "
               "amount 5");
}

TEST_F(ValueLimitsTest, FundingIsBounded) {
  ExpectStatus(Draft(SetFunding(INT64_MAX)), absl::StatusCode::kInvalidArgument,
               "changes[0].set_funding.amount: 9.223.372.036.854.775.807 exceeds the maximum "
               "100.000.000.000.000 Rupiah");
  ExpectStatus(Draft(SetFunding(INT64_MIN)), absl::StatusCode::kInvalidArgument,
               "changes[0].set_funding.amount: negative amount -9.223.372.036.854.775.808");
  EXPECT_THAT(Draft(SetFunding(kMaxRupiah)), IsOk());
}

TEST_F(ValueLimitsTest, EveryChangeKindIsChecked) {
  v1::Change add;
  v1::AddSubActivity* a = add.mutable_add_sub_activity();
  a->set_code("1.06.04.2.01.0099");
  a->set_name("Baru");
  a->set_indicator("Jumlah orang");
  a->set_unit("Orang");
  v1::YearFunding* f = a->add_funding();
  f->set_year(2025);
  f->mutable_amount()->set_present(true);
  f->mutable_amount()->set_rupiah(kMaxRupiah + 1);
  ExpectStatus(Draft(add), absl::StatusCode::kInvalidArgument,
               "changes[0].add_sub_activity.funding[0].amount: 100.000.000.000.001 exceeds the "
               "maximum 100.000.000.000.000 Rupiah");
  a->clear_funding();
  v1::YearTarget* t = a->add_targets();
  t->set_year(2025);
  *t->mutable_value() = Number(-1, 0);
  ExpectStatus(Draft(add), absl::StatusCode::kInvalidArgument,
               "changes[0].add_sub_activity.targets[0].value.low: -1 is negative");

  v1::Change replace;
  v1::ReplaceIndicator* r = replace.mutable_replace_indicator();
  r->set_indicator_id(kIndicator);
  r->set_from_year(2025);
  r->set_statement("Jumlah orang terlayani");
  r->set_unit("Orang");
  v1::YearTarget* rt = r->add_targets();
  rt->set_year(2026);
  *rt->mutable_value() = Number(1, 99);
  ExpectStatus(Draft(replace), absl::StatusCode::kInvalidArgument,
               "changes[0].replace_indicator.targets[0].value.low.scale: 99 exceeds the maximum "
               "scale 4");
}

// The plan with an open revision, for ratification.
PlanState WithOpenRevision(PlanState plan) {
  absl::StatusOr<std::vector<v1::PlanEvent>> open =
      DecideOpenRevision(plan, kHendra, "rev-1", "Perubahan Renstra 2025");
  EXPECT_THAT(open, IsOk()) << open.status();
  EXPECT_THAT(plan.ApplyAll(*open), IsOk());
  return plan;
}

absl::Status RatifyOn(const PlanState& plan, const ProposalBook& book, const std::string& date,
                      std::vector<std::string> ids = {"p1"}) {
  return DecideRatify(plan, book, kHendra,
                      RatifyCommand{"Perda Kota Dumai No. 2 Tahun 2025", "review", date,
                                    "Kepala Dinas", std::move(ids), /*accept_findings=*/true,
                                    "the value limits are under test"})
      .status();
}

TEST_F(ValueLimitsTest, EffectiveDateIsARealDate) {
  const PlanState plan = WithOpenRevision(*seed_);
  const ProposalBook book;
  ExpectStatus(RatifyOn(plan, book, "2025-02-30"), absl::StatusCode::kInvalidArgument,
               "effective_date: \"2025-02-30\" is not a date: month 2 of 2025 has 28 days");
  ExpectStatus(RatifyOn(plan, book, "2023-02-29"), absl::StatusCode::kInvalidArgument,
               "effective_date: \"2023-02-29\" is not a date: month 2 of 2023 has 28 days");
  ExpectStatus(RatifyOn(plan, book, "2025-04-31"), absl::StatusCode::kInvalidArgument,
               "effective_date: \"2025-04-31\" is not a date: month 4 of 2025 has 30 days");
  ExpectStatus(RatifyOn(plan, book, "2025-13-01"), absl::StatusCode::kInvalidArgument,
               "effective_date: \"2025-13-01\" is not a date: no month 13");
  ExpectStatus(RatifyOn(plan, book, "1899-07-01"), absl::StatusCode::kInvalidArgument,
               "effective_date: \"1899-07-01\" is outside the years 2000..2099");
  ExpectStatus(RatifyOn(plan, book, "1 Juli 2025"), absl::StatusCode::kInvalidArgument,
               "effective_date: \"1 Juli 2025\" is not a date YYYY-MM-DD");
  // A leap day passes the date check (and fails later only because p1 does not exist).
  EXPECT_EQ(RatifyOn(plan, book, "2024-02-29").code(), absl::StatusCode::kNotFound);
}

// `change` with its "before" filled from `plan`, as a draft stores it.
v1::Change Resolved(const PlanState& plan, const v1::Change& change) {
  absl::StatusOr<v1::Change> c = ResolveChange(plan, kRina, change, 0);
  EXPECT_THAT(c, IsOk()) << c.status();
  return c.ok() ? *c : change;
}

// A proposal approved before the limits existed, as its events stand in an old log.
ProposalBook BookWithApproved(const v1::Change& change) {
  ProposalBook book;
  std::vector<v1::ProposalEvent> events(3);
  v1::ProposalDrafted* d = events[0].mutable_drafted();
  d->set_proposal_id("p1");
  d->set_title("t");
  d->set_justification("because");
  d->set_proposer("rina");
  d->set_division(v1::REHABILITASI_SOSIAL);
  *d->add_changes() = change;
  events[1].mutable_submitted();
  events[2].mutable_reviewed()->set_decision(v1::ProposalReviewed::APPROVE);
  events[2].mutable_reviewed()->set_reviewer("hendra");
  uint64_t n = 0;
  for (const v1::ProposalEvent& e : events) {
    v1::EventEnvelope env;
    env.set_sequence(++n);
    env.set_stream(ProposalBook::StreamOf("p1"));
    env.set_stream_version(n);
    env.set_principal(n == 3 ? "hendra" : "rina");
    env.set_role(n == 3 ? "KEPALA_DINAS" : "KEPALA_BIDANG");
    e.SerializeToString(env.mutable_payload());
    EXPECT_THAT(book.ApplyProposalEnvelope(env), IsOk());
  }
  EXPECT_EQ(book.Find("p1")->status, v1::APPROVED);
  return book;
}

TEST_F(ValueLimitsTest, RatificationRechecksProposalsApprovedBeforeTheLimits) {
  const PlanState plan = WithOpenRevision(*seed_);
  ExpectStatus(RatifyOn(plan, BookWithApproved(SetFunding(INT64_MAX)), "2025-07-01"),
               absl::StatusCode::kFailedPrecondition,
               "proposal_ids[0]: p1 changes[0].set_funding.amount: 9.223.372.036.854.775.807 "
               "exceeds the maximum 100.000.000.000.000 Rupiah; revise it");
  ExpectStatus(RatifyOn(plan, BookWithApproved(SetTarget(Number(5, 99))), "2025-07-01"),
               absl::StatusCode::kFailedPrecondition,
               "proposal_ids[0]: p1 changes[0].set_target.value.low.scale: 99 exceeds the "
               "maximum scale 4; revise it");
  EXPECT_THAT(RatifyOn(plan, BookWithApproved(Resolved(plan, SetFunding(5))), "2025-07-01"),
              IsOk());
}

v1::PlanEvent FundingSet(const std::string& code, int year, int64_t rupiah) {
  v1::PlanEvent e;
  e.mutable_funding_set()->set_node_code(code);
  e.mutable_funding_set()->set_year(year);
  Money::Rupiah(rupiah).ToProto(e.mutable_funding_set()->mutable_amount());
  return e;
}

TEST_F(ValueLimitsTest, NodeTotalsNeverSkipAYear) {
  // An amount from a log written before the limits: the node's total used to leave the
  // year out and print a plausible, wrong figure; it now shows that no total can hold it.
  PlanState plan = *seed_;
  ASSERT_THAT(plan.Apply(FundingSet(kNode, 2025, INT64_MAX)), IsOk());
  absl::StatusOr<v1::Node> node = plan.NodeToProto(kNode, false);
  ASSERT_THAT(node, IsOk());
  EXPECT_EQ(node->funding_total(), INT64_MAX);
  absl::StatusOr<v1::Node> parent = plan.NodeToProto("1.06.04.2.01", false);
  ASSERT_THAT(parent, IsOk());
  int64_t rollup_2025 = 0;
  for (const v1::YearFunding& f : parent->children_funding()) {
    if (f.year() == 2025) rollup_2025 = f.amount().rupiah();
  }
  EXPECT_EQ(rollup_2025, INT64_MAX);

  ExpectStatus(CheckPlanFundingTotal(plan), absl::StatusCode::kFailedPrecondition,
               "the plan's total funding would be more than 9.223.372.036.854.775.807 Rupiah, "
               "which no total can hold");
  EXPECT_THAT(CheckPlanFundingTotal(*seed_), IsOk());
}

TEST_F(ValueLimitsTest, RatificationKeepsThePlanTotalInRange) {
  // Cells within the limit whose total is not: refused where the plan changes.
  PlanState plan = *seed_;
  for (int year : kAllTargetYears)
    ASSERT_THAT(plan.Apply(FundingSet("1.06.04", year, INT64_MAX / 5)), IsOk());
  plan = WithOpenRevision(plan);
  ExpectStatus(
      RatifyOn(plan, BookWithApproved(Resolved(plan, SetFunding(kMaxRupiah))), "2025-07-01"),
      absl::StatusCode::kFailedPrecondition,
      "the plan's total funding would be more than 9.223.372.036.854.775.807 Rupiah, "
      "which no total can hold");
}

TEST_F(ValueLimitsTest, EverySeedValueIsWithinTheLimits) {
  int values = 0;
  for (const NodeState* node : seed_->NodesInOrder()) {
    for (const auto& [year, amount] : node->funding) {
      if (!amount.present()) continue;
      EXPECT_THAT(CheckRupiah(node->code, amount.rupiah()), IsOk()) << node->code << " " << year;
      ++values;
    }
    for (const IndicatorState& ind : node->indicators) {
      std::vector<TargetValue> all = {ind.baseline, ind.end_target};
      for (const auto& [year, t] : ind.targets) all.push_back(t);
      for (const TargetValue& t : all) {
        v1::TargetValue proto;
        t.ToProto(&proto);
        const absl::Status s = CheckTargetValueMessage(ind.id, proto);
        EXPECT_THAT(s, IsOk()) << s;
        ++values;
      }
      if (ind.end_funding.present()) {
        EXPECT_THAT(CheckRupiah(ind.id, ind.end_funding.rupiah()), IsOk()) << ind.id;
      }
    }
  }
  EXPECT_GT(values, 1000);
}

TEST(CheckDateTest, AcceptsRealDatesOnly) {
  EXPECT_THAT(CheckDate("d", "2024-02-29"), IsOk());
  EXPECT_THAT(CheckDate("d", "2000-02-29"), IsOk());
  ExpectStatus(CheckDate("d", "2100-02-29"), absl::StatusCode::kInvalidArgument,
               "d: \"2100-02-29\" is outside the years 2000..2099");
  ExpectStatus(CheckDate("d", "2025-00-10"), absl::StatusCode::kInvalidArgument,
               "d: \"2025-00-10\" is not a date: no month 0");
  ExpectStatus(CheckDate("d", "2025-01-00"), absl::StatusCode::kInvalidArgument,
               "d: \"2025-01-00\" is not a date: month 1 of 2025 has 31 days");
  ExpectStatus(CheckDate("d", std::string(1000, '9')), absl::StatusCode::kInvalidArgument,
               "d: \"9999999999999999999999999999999999999999\"… is not a date YYYY-MM-DD");
}

}  // namespace
}  // namespace renstra
