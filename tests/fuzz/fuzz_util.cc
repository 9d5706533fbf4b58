#include "tests/fuzz/fuzz_util.h"

#include <cstdint>
#include <fstream>
#include <memory>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "domain/import_decider.h"
#include "domain/tc27_parser.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "tests/fuzz/fuzz_check.h"

namespace renstra::fuzz {

std::string DeterministicBytes(const google::protobuf::Message& message) {
  std::string out;
  {
    google::protobuf::io::StringOutputStream stream(&out);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    FUZZ_CHECK(message.SerializeToCodedStream(&coded), message.GetTypeName());
  }
  return out;
}

void CheckRoundTrip(const google::protobuf::Message& message, std::string_view what) {
  std::string bytes;
  FUZZ_CHECK(message.SerializeToString(&bytes),
             absl::StrCat(std::string(what), " does not serialize: ", message.ShortDebugString()));
  std::unique_ptr<google::protobuf::Message> copy(message.New());
  FUZZ_CHECK(
      copy->ParseFromString(bytes),
      absl::StrCat(std::string(what), " does not parse back (invalid UTF-8 in a string field?): ",
                   message.ShortDebugString()));
  FUZZ_CHECK(
      DeterministicBytes(*copy) == DeterministicBytes(message),
      absl::StrCat(std::string(what), " changes in a round trip: ", message.ShortDebugString()));
}

const std::string& SeedText() {
  static const std::string* const text = [] {
    std::ifstream in(RENSTRA_SEED_PATH);
    std::stringstream ss;
    ss << in.rdbuf();
    FUZZ_CHECK(in.good() || in.eof(), "cannot read " RENSTRA_SEED_PATH);
    return new std::string(ss.str());
  }();
  return *text;
}

const PlanState& SeedPlan() {
  static const PlanState* const plan = [] {
    absl::StatusOr<ParsedTable> table = ParseTc27(SeedText());
    FUZZ_CHECK(table.ok(), table.status().ToString());
    auto* state = new PlanState;
    absl::StatusOr<ImportDecision> decision =
        DecideImport(*state, *table, ImportOptions{.plan_id = "plan/fuzz", .source = "seed"});
    FUZZ_CHECK(decision.ok(), decision.status().ToString());
    uint64_t version = 0;
    for (const v1::PlanEvent& e : decision->events) {
      v1::EventEnvelope env;
      env.set_sequence(++version);
      env.set_stream("plan/fuzz");
      env.set_stream_version(version);
      env.set_event_type("renstra.v1.PlanEvent");
      env.set_principal("import");
      env.set_role("ADMIN");
      env.set_timestamp_micros(1735689600000000);
      e.SerializeToString(env.mutable_payload());
      const absl::Status s = state->Apply(env);
      FUZZ_CHECK(s.ok(), s.ToString());
    }
    return state;
  }();
  return *plan;
}

}  // namespace renstra::fuzz
