// AgencyService end to end on the in-process server: the seed agency set up from its
// data file exactly once (restart appends nothing), ADMIN-only writes, reads for every
// user, NOT_FOUND naming an unknown agency, and responsibility changing over time.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "renstra/v1/agency_service.grpc.pb.h"
#include "services/agency_seed_data.h"
#include "services/plan_app.h"
#include "services/renstra_server.h"
#include "storage/rocksdb_event_store.h"
#include "tests/testing/seeded_server.h"
#include "tests/testing/temp_dir.h"

namespace renstra::testing {
namespace {

constexpr char kSeedAgency[] = "DINSOS-DUMAI";
constexpr char kSeedStream[] = "agency/DINSOS-DUMAI";
// AgencyCreated, 5 units, 9 program assignments.
constexpr uint64_t kSeedEvents = 15;

class AgencyServiceTest : public SeededServerTest {
 protected:
  SeededServerOptions Options() override {
    SeededServerOptions options = SeededServerOptions::CastWithSeed();
    options.seed_agency = true;
    return options;
  }

  grpc::Status Get(const std::string& agency, v1::AgencyView* out, const char* user = "iwan") {
    v1::GetAgencyRequest request;
    request.set_agency(agency);
    return server_->agency().GetAgency(ContextAs(TokenOf(user)).get(), request, out);
  }

  grpc::Status Assign(const std::string& node, const std::string& unit, const std::string& id,
                      v1::AgencyView* out, const char* user = "admin") {
    v1::AssignResponsibilityRequest request;
    request.set_request_id(id);
    request.set_agency(kSeedAgency);
    request.set_node(node);
    request.set_unit(unit);
    return server_->agency().AssignResponsibility(ContextAs(TokenOf(user)).get(), request, out);
  }
};

// "node→unit" for each assignment of `view`.
std::vector<std::string> Table(const google::protobuf::RepeatedPtrField<v1::AssignmentView>& rows) {
  std::vector<std::string> out;
  for (const v1::AssignmentView& a : rows) out.push_back(a.node() + "→" + a.unit());
  return out;
}

TEST_F(AgencyServiceTest, SeedAgencyIsSetUpFromItsDataFile) {
  v1::ListAgenciesResponse list;
  ASSERT_TRUE(server_->agency()
                  .ListAgencies(ContextAs(TokenOf("rehab")).get(), v1::ListAgenciesRequest(), &list)
                  .ok());
  ASSERT_EQ(list.agencies_size(), 1);
  EXPECT_EQ(list.default_agency(), "DINSOS-DUMAI");
  const v1::AgencyView& dinsos = list.agencies(0);
  EXPECT_EQ(dinsos.code(), "DINSOS-DUMAI");
  EXPECT_EQ(dinsos.name(), "Dinas Sosial dan Pemberdayaan Masyarakat Kota Dumai");
  EXPECT_EQ(dinsos.pemda(), "Kota Dumai");
  EXPECT_FALSE(dinsos.retired());
  EXPECT_EQ(dinsos.version(), kSeedEvents);
  ASSERT_EQ(dinsos.units_size(), 5);
  EXPECT_EQ(dinsos.units(0).unit(), "SEKRETARIAT");
  EXPECT_EQ(dinsos.units(0).kind(), v1::UnitKind::SEKRETARIAT);
  EXPECT_EQ(dinsos.units(2).unit(), "REHABILITASI_SOSIAL");
  EXPECT_EQ(dinsos.units(2).name(), "Bidang Rehabilitasi Sosial");
  EXPECT_EQ(dinsos.units(2).kind(), v1::UnitKind::BIDANG);
  EXPECT_EQ(dinsos.assignments_size(), 0);  // the list leaves them out

  v1::AgencyView view;
  ASSERT_TRUE(Get(kSeedAgency, &view).ok());
  EXPECT_EQ(Table(view.assignments()),
            (std::vector<std::string>{
                "1.06.01→SEKRETARIAT", "1.06.02→PEMBERDAYAAN_SOSIAL", "1.06.03→REHABILITASI_SOSIAL",
                "1.06.04→REHABILITASI_SOSIAL", "1.06.05→PERLINDUNGAN_JAMINAN_SOSIAL",
                "1.06.06→PERLINDUNGAN_JAMINAN_SOSIAL", "1.06.07→PEMBERDAYAAN_SOSIAL",
                "2.13.04→PEMBERDAYAAN_MASYARAKAT", "2.13.05→PEMBERDAYAAN_MASYARAKAT"}));
  EXPECT_EQ(view.history_size(), 9);
  absl::StatusOr<std::vector<v1::EventEnvelope>> events =
      server_->store().ReadStream(kSeedStream, 1, 100);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), kSeedEvents);
  EXPECT_EQ((*events)[0].event_type(), "renstra.v1.AgencyCreated");
  EXPECT_EQ((*events)[0].principal(), "renstrad");
  EXPECT_EQ((*events)[0].role(), "SYSTEM");
  EXPECT_EQ((*events)[0].reason(),
            "set up agency DINSOS-DUMAI from data/seed/agency_dinsos_dumai.textproto");
  EXPECT_EQ((*events)[14].event_type(), "renstra.v1.ResponsibilityAssigned");
}

TEST_F(AgencyServiceTest, AdminManagesAgenciesAndTheHistoryIsKept) {
  v1::AgencyView view;
  v1::CreateAgencyRequest create;
  create.set_request_id("c1");
  create.set_code("DINKES-DUMAI");
  create.set_name("Dinas Kesehatan Kota Dumai");
  create.set_pemda("Kota Dumai");
  ASSERT_TRUE(
      server_->agency().CreateAgency(ContextAs(TokenOf("admin")).get(), create, &view).ok());
  EXPECT_EQ(view.code(), "DINKES-DUMAI");
  EXPECT_EQ(view.version(), 1u);
  EXPECT_EQ(server_->store().StreamVersion("agency/DINKES-DUMAI"), 1u);

  v1::CreateUnitRequest unit;
  unit.set_request_id("u1");
  unit.set_agency("DINKES-DUMAI");
  unit.set_unit("KESMAS");
  unit.set_name("Bidang Kesehatan Masyarakat");
  unit.set_kind(v1::UnitKind::BIDANG);
  ASSERT_TRUE(server_->agency().CreateUnit(ContextAs(TokenOf("admin")).get(), unit, &view).ok());
  ASSERT_EQ(view.units_size(), 1);
  EXPECT_EQ(view.units(0).name(), "Bidang Kesehatan Masyarakat");

  // A retry answers as the first did and appends nothing.
  ASSERT_TRUE(server_->agency().CreateUnit(ContextAs(TokenOf("admin")).get(), unit, &view).ok());
  EXPECT_EQ(view.units_size(), 1);
  EXPECT_EQ(server_->store().StreamVersion("agency/DINKES-DUMAI"), 2u);

  // The seed agency's program 1.06.04 moves to another bidang; its kegiatan 1.06.04.2.01
  // is then assigned on its own.
  ASSERT_TRUE(Assign("1.6.4", "PERLINDUNGAN_JAMINAN_SOSIAL", "a1", &view).ok());
  ASSERT_TRUE(Assign("1.06.04.2.01", "REHABILITASI_SOSIAL", "a2", &view).ok());
  EXPECT_EQ(view.version(), kSeedEvents + 2);
  const std::vector<std::string> table = Table(view.assignments());
  EXPECT_EQ(table[3], "1.06.04→PERLINDUNGAN_JAMINAN_SOSIAL");
  EXPECT_EQ(table[4], "1.06.04.2.01→REHABILITASI_SOSIAL");
  ASSERT_EQ(view.history_size(), 11);
  EXPECT_EQ(view.history(3).node(), "1.06.04");
  EXPECT_EQ(view.history(3).unit(), "REHABILITASI_SOSIAL");  // who owned it before
  EXPECT_EQ(view.history(9).node(), "1.06.04");
  EXPECT_EQ(view.history(9).unit(), "PERLINDUNGAN_JAMINAN_SOSIAL");
  EXPECT_GT(view.history(9).sequence(), view.history(3).sequence());
}

TEST_F(AgencyServiceTest, WritesAreForAdminOnly) {
  v1::AgencyView view;
  grpc::Status refused = Assign("1.06.04", "SEKRETARIAT", "k1", &view, "kadis");
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(refused.error_message(), "rule: only ADMIN may manage agencies; kadis is KEPALA_DINAS");
  EXPECT_EQ(server_->store().StreamVersion(kSeedStream), kSeedEvents);
}

TEST_F(AgencyServiceTest, UnknownAgencyIsNotFoundNamingIt) {
  v1::AgencyView view;
  grpc::Status status = Get("DISDIK-DUMAI", &view);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(status.error_message(), "agency: no agency DISDIK-DUMAI");

  v1::RenameAgencyRequest rename;
  rename.set_request_id("r1");
  rename.set_agency("DISDIK-DUMAI");
  rename.set_name("Dinas Pendidikan");
  status = server_->agency().RenameAgency(ContextAs(TokenOf("admin")).get(), rename, &view);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(status.error_message(), "agency: no agency DISDIK-DUMAI");
  EXPECT_EQ(server_->store().StreamVersion("agency/DISDIK-DUMAI"), 0u);
}

TEST_F(AgencyServiceTest, BadAssignmentIsRefusedNamingTheField) {
  v1::AgencyView view;
  grpc::Status status = Assign("1.06.04", "LINJAMSOS", "b1", &view);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(status.error_message(), "unit: no unit LINJAMSOS in agency DINSOS-DUMAI");
  status = Assign("1.06", "SEKRETARIAT", "b2", &view);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(),
            "node: 1.06 is above program level (a program, kegiatan or sub kegiatan code)");

  v1::RetireUnitRequest retire;
  retire.set_request_id("b3");
  retire.set_agency(kSeedAgency);
  retire.set_unit("PEMBERDAYAAN_MASYARAKAT");
  status = server_->agency().RetireUnit(ContextAs(TokenOf("admin")).get(), retire, &view);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(status.error_message(),
            "unit: PEMBERDAYAAN_MASYARAKAT of DINSOS-DUMAI is still responsible for 2.13.04, "
            "2.13.05; assign them to another unit first");
  EXPECT_EQ(server_->store().StreamVersion(kSeedStream), kSeedEvents);
}

// renstrad's first start on an empty RocksDB log appends the seed agency; a restart on
// the same log appends nothing and reads the agency back from the log.
TEST(AgencySeedRestartTest, SeedIsAppendedExactlyOnce) {
  TempDir dir("renstra_agency_seed");
  ASSERT_FALSE(dir.path().empty());
  uint64_t head_after_first = 0;
  for (int start = 0; start < 2; ++start) {
    absl::StatusOr<std::unique_ptr<RocksDbEventStore>> store = RocksDbEventStore::Open(dir.path());
    ASSERT_TRUE(store.ok()) << store.status();
    PlanApp app(store->get(), std::string(PlanApp::kDefaultPlanId));
    ASSERT_TRUE(app.Recover().ok());
    ServerOptions options;
    options.listen_address = "127.0.0.1:0";
    options.agency_seed = AgencySeedDocument();
    options.agency_seed_name = kAgencySeedSourceName;
    absl::StatusOr<std::unique_ptr<RenstraServer>> server =
        RenstraServer::Start(options, &app, store->get());
    ASSERT_TRUE(server.ok()) << server.status();
    EXPECT_EQ((*store)->StreamVersion(kSeedStream), kSeedEvents);
    if (start == 0) {
      head_after_first = (*store)->Head().sequence;
      EXPECT_EQ(head_after_first, kSeedEvents);
    } else {
      EXPECT_EQ((*store)->Head().sequence, head_after_first);
      // Read back from the log: the agency and its table are there.
      auto channel = grpc::CreateChannel((*server)->address(), grpc::InsecureChannelCredentials());
      auto stub = v1::AgencyService::NewStub(channel);
      v1::GetAgencyRequest request;
      request.set_agency(kSeedAgency);
      v1::AgencyView view;
      ASSERT_TRUE(stub->GetAgency(Context().get(), request, &view).ok());
      EXPECT_EQ(view.units_size(), 5);
      EXPECT_EQ(view.assignments_size(), 9);
    }
    (*server)->Shutdown(absl::Seconds(1));
    (*server)->Wait();
  }
}

TEST(AgencySeedTest, BadSeedIsRefusedNamingTheLine) {
  TempDir dir("renstra_agency_seed_bad");
  absl::StatusOr<std::unique_ptr<RocksDbEventStore>> store = RocksDbEventStore::Open(dir.path());
  ASSERT_TRUE(store.ok());
  PlanApp app(store->get(), std::string(PlanApp::kDefaultPlanId));
  ASSERT_TRUE(app.Recover().ok());
  ServerOptions options;
  options.listen_address = "127.0.0.1:0";
  options.agency_seed =
      "agency { code: \"DINKES\" name: \"Dinas Kesehatan\" pemda: \"Kota Dumai\" }\n"
      "assignments { node: \"1.02.02\" unit: \"KESMAS\" }\n";
  options.agency_seed_name = "dinkes.textproto";
  absl::StatusOr<std::unique_ptr<RenstraServer>> server =
      RenstraServer::Start(options, &app, store->get());
  EXPECT_EQ(server.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(server.status().message(),
            "dinkes.textproto: assign 1.02.02 to KESMAS of DINKES: unit: no unit KESMAS in agency "
            "DINKES");
  EXPECT_EQ((*store)->Head().sequence, 0u);
}

}  // namespace
}  // namespace renstra::testing
