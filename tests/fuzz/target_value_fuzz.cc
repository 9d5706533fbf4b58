// Fuzzes TargetValue::Parse and the client's ParseTarget (clients/value_parser.h), which
// reads with TargetValue::Parse and refuses blank targets.
//
// Invariants (target_value.h):
//  - an error is INVALID_ARGUMENT naming the text;
//  - the kind fits the parts: a range's low end is at most its high end, an operator is
//    one of > >= < <= exactly for the bound kinds, a percentage has the unit "%", a blank
//    kind prints as "", "-" or "N/A";
//  - ToIndonesian() (every kind) re-parses to an equal value and is a fixed point;
//    Display() (the text as written) re-parses to an equal value with the same Display();
//  - ToProto/FromProto keep the value and the written form; for UTF-8 input the message
//    serializes and parses back;
//  - what the client accepts, the domain reads (from the same text and from the client's
//    written form) as the value the client built.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "clients/value_parser.h"
#include "domain/target_value.h"
#include "tests/fuzz/fuzz_check.h"
#include "tests/fuzz/utf8.h"

namespace renstra::fuzz {
namespace {

using Kind = TargetValue::Kind;

std::string Show(const TargetValue& t) {
  renstra::v1::TargetValue p;
  t.ToProto(&p);
  return p.ShortDebugString();
}

void CheckReparse(const TargetValue& t, const std::string& text, const char* what) {
  const absl::StatusOr<TargetValue> again = TargetValue::Parse(text);
  FUZZ_CHECK(again.ok(),
             absl::StrCat(what, " \"", text, "\" of ", Show(t), ": ", again.status().ToString()));
  FUZZ_CHECK(*again == t && again->kind() == t.kind(),
             absl::StrCat(what, " \"", text, "\" reads ", Show(*again), ", not ", Show(t)));
}

void CheckShape(const TargetValue& t) {
  const bool bound = t.kind() == Kind::kBound || t.kind() == Kind::kBoundRange;
  const std::string& op = t.bound_op();
  FUZZ_CHECK(bound == !op.empty(), Show(t));
  FUZZ_CHECK(op.empty() || op == ">" || op == ">=" || op == "<" || op == "<=", Show(t));
  if (t.kind() == Kind::kRange || t.kind() == Kind::kBoundRange) {
    FUZZ_CHECK(t.low() <= t.high(), Show(t));
  }
  if (t.kind() == Kind::kPercent) FUZZ_CHECK(t.unit() == "%", Show(t));
  if (t.kind() == Kind::kEmpty) FUZZ_CHECK(t.ToIndonesian().empty(), Show(t));
  if (t.kind() == Kind::kNone) FUZZ_CHECK(t.ToIndonesian() == "-", Show(t));
  if (t.kind() == Kind::kNotAvailable) FUZZ_CHECK(t.ToIndonesian() == "N/A", Show(t));
  FUZZ_CHECK(t.IsBlank() == (t.kind() == Kind::kEmpty || t.kind() == Kind::kNone ||
                             t.kind() == Kind::kNotAvailable),
             Show(t));
}

}  // namespace
}  // namespace renstra::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using renstra::TargetValue;
  using namespace renstra::fuzz;  // NOLINT: the checks above
  const std::string text(reinterpret_cast<const char*>(data), size);

  const absl::StatusOr<TargetValue> t = TargetValue::Parse(text);
  if (!t.ok()) {
    FUZZ_CHECK(t.status().code() == absl::StatusCode::kInvalidArgument, t.status().ToString());
    FUZZ_CHECK(t.status().message().substr(0, 8) == "target \"", t.status().ToString());
  } else {
    CheckShape(*t);
    const std::string canonical = t->ToIndonesian();
    CheckReparse(*t, canonical, "canonical");
    FUZZ_CHECK(TargetValue::Parse(canonical)->ToIndonesian() == canonical, canonical);
    CheckReparse(*t, t->Display(), "display");
    FUZZ_CHECK(TargetValue::Parse(t->Display())->Display() == t->Display(), t->Display());

    renstra::v1::TargetValue proto;
    t->ToProto(&proto);
    if (IsValidUtf8(text)) {  // the message must survive the wire
      std::string bytes;
      FUZZ_CHECK(proto.SerializeToString(&bytes), Show(*t));
      FUZZ_CHECK(proto.ParseFromString(bytes), Show(*t));
    }
    const TargetValue back = TargetValue::FromProto(proto);
    FUZZ_CHECK(back == *t && back.kind() == t->kind() && back.written() == t->written() &&
                   back.unit() == t->unit(),
               Show(*t) + " vs " + Show(back));
  }

  // Differential: the client's reader against the domain's.
  std::string error;
  const std::optional<renstra::v1::TargetValue> client = renstra::ParseTarget(text, &error);
  if (!client) {
    FUZZ_CHECK(!error.empty(), "client refused without a reason");
    return 0;
  }
  const TargetValue from_client = TargetValue::FromProto(*client);
  FUZZ_CHECK(t.ok(), absl::StrCat("client reads \"", text, "\" as ", client->ShortDebugString(),
                                  "; domain: ", t.status().ToString()));
  FUZZ_CHECK(
      *t == from_client && t->kind() == from_client.kind(),
      absl::StrCat("\"", text, "\": client ", client->ShortDebugString(), ", domain ", Show(*t)));
  CheckReparse(from_client, client->written(), "client's written form");
  return 0;
}
