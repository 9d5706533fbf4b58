// The agency directory and its decider: units and responsibility changing over time,
// and the commands it refuses (status code and message).
#include "domain/agency_directory.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/agency_decider.h"
#include "tests/testing/status_matchers.h"

namespace renstra {
namespace {

using ::renstra::testing::IsOk;
using ::renstra::testing::StatusIs;

const Actor kAdmin{"admin", v1::Role::ADMIN, {}};
const Actor kHead{"kadis", v1::Role::KEPALA_DINAS, {}};

constexpr int64_t kJan2025 = 1735689600000000;  // 2025-01-01T00:00:00Z
constexpr int64_t kJul2025 = 1751328000000000;  // 2025-07-01T00:00:00Z
constexpr int64_t kDay = 86400000000;

v1::AgencyEvent Created(const std::string& code, const std::string& name,
                        const std::string& pemda) {
  v1::AgencyEvent e;
  e.mutable_agency_created()->set_code(code);
  e.mutable_agency_created()->set_name(name);
  e.mutable_agency_created()->set_pemda(pemda);
  return e;
}

v1::AgencyEvent Unit(const std::string& agency, const std::string& unit, const std::string& name,
                     v1::UnitKind::Value kind = v1::UnitKind::BIDANG) {
  v1::AgencyEvent e;
  e.mutable_unit_created()->set_agency(agency);
  e.mutable_unit_created()->set_unit(unit);
  e.mutable_unit_created()->set_name(name);
  e.mutable_unit_created()->set_kind(kind);
  return e;
}

v1::AgencyEvent Assign(const std::string& agency, const std::string& node, const std::string& unit,
                       int64_t effective = 0) {
  v1::AgencyEvent e;
  e.mutable_responsibility_assigned()->set_agency(agency);
  e.mutable_responsibility_assigned()->set_node(node);
  e.mutable_responsibility_assigned()->set_unit(unit);
  e.mutable_responsibility_assigned()->set_effective_from_micros(effective);
  return e;
}

v1::AgencyEvent RetireUnit(const std::string& agency, const std::string& unit) {
  v1::AgencyEvent e;
  e.mutable_unit_retired()->set_agency(agency);
  e.mutable_unit_retired()->set_unit(unit);
  return e;
}

// A directory built through the decider, as the server builds it: each command decided,
// then applied with the next sequence and the given time.
class Directory {
 public:
  absl::Status Run(const v1::AgencyEvent& command, int64_t at_micros) {
    absl::StatusOr<v1::AgencyEvent> event = DecideAgencyCommand(kAdmin, dir_, command);
    if (!event.ok()) return event.status();
    return dir_.Apply(*event, ++sequence_, at_micros);
  }
  const AgencyDirectory& dir() const { return dir_; }
  uint64_t sequence() const { return sequence_; }

 private:
  AgencyDirectory dir_;
  uint64_t sequence_ = 0;
};

// The unit responsible for `node` at `as_of` ("" when none).
std::string UnitAt(const AgencyDirectory& dir, const std::string& node, const AsOf& as_of) {
  absl::StatusOr<std::optional<Assignment>> found = dir.ResponsibleFor("DINKES", node, as_of);
  EXPECT_THAT(found, IsOk());
  if (!found.ok() || !found->has_value()) return "";
  return (*found)->unit;
}

class AgencyDirectoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_THAT(d_.Run(Created("DINKES", "Dinas Kesehatan", "Kota Dumai"), kJan2025), IsOk());
    ASSERT_THAT(
        d_.Run(Unit("DINKES", "SEKRETARIAT", "Sekretariat", v1::UnitKind::SEKRETARIAT), kJan2025),
        IsOk());
    ASSERT_THAT(d_.Run(Unit("DINKES", "KESMAS", "Bidang Kesehatan Masyarakat"), kJan2025), IsOk());
    ASSERT_THAT(
        d_.Run(Unit("DINKES", "P2P", "Bidang Pencegahan dan Pengendalian Penyakit"), kJan2025),
        IsOk());
  }
  Directory d_;
};

TEST_F(AgencyDirectoryTest, MostSpecificAssignmentWins) {
  ASSERT_THAT(d_.Run(Assign("DINKES", "1.2.2", "KESMAS"), kJan2025), IsOk());
  ASSERT_THAT(d_.Run(Assign("DINKES", "1.02.02.2.02", "P2P"), kJan2025), IsOk());
  ASSERT_THAT(d_.Run(Assign("DINKES", "1.02.02.2.02.0003", "SEKRETARIAT"), kJan2025), IsOk());
  const AsOf now = AsOf::Now(kJul2025);
  EXPECT_EQ(UnitAt(d_.dir(), "1.02.02", now), "KESMAS");
  EXPECT_EQ(UnitAt(d_.dir(), "1.02.02.2.01", now), "KESMAS");
  EXPECT_EQ(UnitAt(d_.dir(), "1.02.02.2.01.0001", now), "KESMAS");
  EXPECT_EQ(UnitAt(d_.dir(), "1.02.02.2.02", now), "P2P");
  EXPECT_EQ(UnitAt(d_.dir(), "1.02.02.2.02.0001", now), "P2P");
  EXPECT_EQ(UnitAt(d_.dir(), "1.2.2.2.2.3", now), "SEKRETARIAT");
  EXPECT_EQ(UnitAt(d_.dir(), "1.02.03", now), "");  // no assignment covers it
}

TEST_F(AgencyDirectoryTest, ReassignmentKeepsTheHistory) {
  ASSERT_THAT(d_.Run(Assign("DINKES", "1.02.02", "KESMAS"), kJan2025), IsOk());
  const uint64_t before = d_.sequence();
  // Recorded in June, effective from July.
  ASSERT_THAT(d_.Run(Assign("DINKES", "1.02.02", "P2P", kJul2025), kJul2025 - 30 * kDay), IsOk());
  EXPECT_EQ(UnitAt(d_.dir(), "1.02.02.2.01", AsOf::Now(kJul2025 - kDay)), "KESMAS");
  EXPECT_EQ(UnitAt(d_.dir(), "1.02.02.2.01", AsOf::Now(kJul2025)), "P2P");
  // As the log stood before the reassignment, even at a later time.
  EXPECT_EQ(UnitAt(d_.dir(), "1.02.02.2.01", AsOf{kJul2025 + kDay, before}), "KESMAS");
  // Before any assignment was effective.
  EXPECT_EQ(UnitAt(d_.dir(), "1.02.02", AsOf::Now(kJan2025 - 1)), "");

  const AgencyInfo* agency = d_.dir().Find("DINKES");
  ASSERT_NE(agency, nullptr);
  ASSERT_EQ(agency->assignments.size(), 2u);
  EXPECT_EQ(agency->assignments[0].unit, "KESMAS");
  EXPECT_EQ(agency->assignments[0].effective_micros, kJan2025);  // the recording time
  EXPECT_EQ(agency->assignments[1].unit, "P2P");
  EXPECT_EQ(agency->assignments[1].effective_micros, kJul2025);
  EXPECT_EQ(agency->assignments[1].recorded_micros, kJul2025 - 30 * kDay);

  absl::StatusOr<std::vector<Assignment>> now =
      d_.dir().AssignmentsAt("DINKES", AsOf::Now(kJan2025));
  ASSERT_THAT(now, IsOk());
  ASSERT_EQ(now->size(), 1u);
  EXPECT_EQ((*now)[0].node, "1.02.02");
  EXPECT_EQ((*now)[0].unit, "KESMAS");
}

TEST_F(AgencyDirectoryTest, SameEffectiveTimeLaterRecordWins) {
  ASSERT_THAT(d_.Run(Assign("DINKES", "1.02.02", "KESMAS", kJul2025), kJan2025), IsOk());
  ASSERT_THAT(d_.Run(Assign("DINKES", "1.02.02", "P2P", kJul2025), kJan2025 + kDay), IsOk());
  EXPECT_EQ(UnitAt(d_.dir(), "1.02.02", AsOf::Now(kJul2025)), "P2P");
}

TEST_F(AgencyDirectoryTest, UnitsAreRenamedAndRetired) {
  v1::AgencyEvent rename;
  rename.mutable_unit_renamed()->set_agency("DINKES");
  rename.mutable_unit_renamed()->set_unit("P2P");
  rename.mutable_unit_renamed()->set_name("Bidang P2P");
  ASSERT_THAT(d_.Run(rename, kJan2025), IsOk());
  ASSERT_THAT(d_.Run(Assign("DINKES", "1.02.02", "P2P"), kJan2025), IsOk());
  EXPECT_THAT(d_.Run(RetireUnit("DINKES", "P2P"), kJan2025),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "unit: P2P of DINKES is still responsible for 1.02.02; assign them to "
                       "another unit first"));
  ASSERT_THAT(d_.Run(Assign("DINKES", "1.02.02", "KESMAS"), kJul2025), IsOk());
  ASSERT_THAT(d_.Run(RetireUnit("DINKES", "P2P"), kJul2025), IsOk());
  const AgencyInfo* agency = d_.dir().Find("DINKES");
  ASSERT_NE(agency, nullptr);
  const UnitInfo* p2p = agency->FindUnit("P2P");
  ASSERT_NE(p2p, nullptr);
  EXPECT_EQ(p2p->name, "Bidang P2P");
  EXPECT_TRUE(p2p->retired);
  EXPECT_EQ(agency->version, 8u);
  // The history still says who owned it in January.
  EXPECT_EQ(UnitAt(d_.dir(), "1.02.02", AsOf::Now(kJan2025)), "P2P");
  EXPECT_THAT(d_.Run(Assign("DINKES", "1.02.03", "P2P"), kJul2025),
              StatusIs(absl::StatusCode::kFailedPrecondition, "unit: P2P of DINKES is retired"));
  EXPECT_THAT(d_.Run(RetireUnit("DINKES", "P2P"), kJul2025),
              StatusIs(absl::StatusCode::kFailedPrecondition, "unit: P2P of DINKES is retired"));
}

TEST_F(AgencyDirectoryTest, RefusesBadCommands) {
  EXPECT_THAT(d_.Run(Created("DINKES", "Dinas Kesehatan", "Kota Dumai"), kJan2025),
              StatusIs(absl::StatusCode::kAlreadyExists, "code: agency DINKES exists"));
  EXPECT_THAT(d_.Run(Created("dinkes", "Dinas Kesehatan", "Kota Dumai"), kJan2025),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "code: \"dinkes\" is not a code (2 to 40 characters: uppercase letters, "
                       "digits, '-' or '_', starting with a letter)"));
  EXPECT_THAT(d_.Run(Created("DISDIK", " ", "Kota Dumai"), kJan2025),
              StatusIs(absl::StatusCode::kInvalidArgument, "name: required"));
  EXPECT_THAT(d_.Run(Created("DISDIK", "Dinas Pendidikan", ""), kJan2025),
              StatusIs(absl::StatusCode::kInvalidArgument, "pemda: required"));
  EXPECT_THAT(d_.Run(Unit("DISDIK", "SD", "Bidang SD"), kJan2025),
              StatusIs(absl::StatusCode::kNotFound, "agency: no agency DISDIK"));
  EXPECT_THAT(
      d_.Run(Unit("DINKES", "KESMAS", "Bidang Lain"), kJan2025),
      StatusIs(absl::StatusCode::kAlreadyExists, "unit: unit KESMAS of agency DINKES exists"));
  EXPECT_THAT(
      d_.Run(Unit("DINKES", "UPT-LAB", "UPT Labkesda", v1::UnitKind::UNIT_KIND_UNSPECIFIED),
             kJan2025),
      StatusIs(absl::StatusCode::kInvalidArgument, "kind: required (SEKRETARIAT, BIDANG or UPT)"));
  EXPECT_THAT(d_.Run(Unit("DINKES", "", "UPT Labkesda"), kJan2025),
              StatusIs(absl::StatusCode::kInvalidArgument, "unit: required"));
  EXPECT_THAT(d_.Run(Assign("DINKES", "1.02.02", "YANKES"), kJan2025),
              StatusIs(absl::StatusCode::kNotFound, "unit: no unit YANKES in agency DINKES"));
  EXPECT_THAT(d_.Run(Assign("DINKES", "1.02", "KESMAS"), kJan2025),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "node: 1.02 is above program level (a program, kegiatan or sub kegiatan "
                       "code)"));
  EXPECT_THAT(d_.Run(Assign("DINKES", "1.02.x", "KESMAS"), kJan2025),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "node: code \"1.02.x\": segment 3 (\"x\") is not a number"));
  EXPECT_THAT(d_.Run(Assign("DINKES", "1.02.02", "KESMAS", -5), kJan2025),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "effective_from_micros: -5 is before 1970 (0: when recorded)"));
  EXPECT_THAT(DecideAgencyCommand(kHead, d_.dir(), Unit("DINKES", "UPT-LAB", "UPT Labkesda")),
              StatusIs(absl::StatusCode::kPermissionDenied,
                       "rule: only ADMIN may manage agencies; kadis is KEPALA_DINAS"));
  EXPECT_THAT(d_.Run(v1::AgencyEvent(), kJan2025),
              StatusIs(absl::StatusCode::kInvalidArgument, "command: no agency command given"));
  // Nothing of that changed the directory.
  EXPECT_EQ(d_.dir().List().size(), 1u);
  EXPECT_EQ(d_.dir().Find("DINKES")->version, 4u);
  EXPECT_EQ(d_.dir().Find("DINKES")->units.size(), 3u);
}

TEST_F(AgencyDirectoryTest, RetiredAgencyTakesNoCommand) {
  v1::AgencyEvent retire;
  retire.mutable_agency_retired()->set_agency("DINKES");
  ASSERT_THAT(d_.Run(retire, kJan2025), IsOk());
  EXPECT_TRUE(d_.dir().Find("DINKES")->retired);
  EXPECT_THAT(d_.Run(Assign("DINKES", "1.02.02", "KESMAS"), kJan2025),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "agency: DINKES is retired and takes no more changes"));
}

TEST_F(AgencyDirectoryTest, QueriesNameUnknownAgencyAndBadNode) {
  EXPECT_THAT(d_.dir().ResponsibleFor("DISDIK", "1.01.02", AsOf{}),
              StatusIs(absl::StatusCode::kNotFound, "agency: no agency DISDIK"));
  EXPECT_THAT(d_.dir().ResponsibleFor("DINKES", "", AsOf{}),
              StatusIs(absl::StatusCode::kInvalidArgument, "node: code \"\": empty code"));
}

TEST(AgencyDirectoryApplyTest, EventThatDoesNotFitIsDataLoss) {
  AgencyDirectory dir;
  EXPECT_THAT(dir.Apply(Unit("DINKES", "KESMAS", "Kesmas"), 7, kJan2025),
              StatusIs(absl::StatusCode::kDataLoss, "event 7: no agency DINKES"));
  ASSERT_THAT(dir.Apply(Created("DINKES", "Dinas Kesehatan", "Kota Dumai"), 8, kJan2025), IsOk());
  EXPECT_THAT(dir.Apply(Created("DINKES", "Dinas Kesehatan", "Kota Dumai"), 9, kJan2025),
              StatusIs(absl::StatusCode::kDataLoss, "event 9: agency DINKES exists"));
  EXPECT_EQ(AgencyStream("DINKES"), "agency/DINKES");
}

}  // namespace
}  // namespace renstra
