// Fuzzes Money::Parse (Indonesian Rupiah amounts) and the client's ParseRupiah
// (clients/value_parser.h), which reads with Money::Parse and refuses absent amounts.
//
// Invariants (money.h):
//  - an error is INVALID_ARGUMENT naming the text;
//  - an absent amount is 0 and prints "-"; a present one is not negative;
//  - ToIndonesian() re-parses to the same amount and prints the same again; so do the plain
//    digits, "Rp " + the canonical form and the canonical form + ",00"; Display() (the
//    text as written) re-parses to the same value;
//  - ToProto/FromProto keep presence, amount and written form;
//  - what the client accepts, the domain reads from the client's written form as the same
//    amount; a present amount the domain reads from printable ASCII the client accepts too.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "clients/value_parser.h"
#include "domain/money.h"
#include "tests/fuzz/fuzz_check.h"

namespace renstra::fuzz {
namespace {

void CheckSame(const Money& m, std::string_view view, const char* what) {
  const std::string text(view);
  const absl::StatusOr<Money> again = Money::Parse(text);
  FUZZ_CHECK(again.ok(), absl::StrCat(what, " \"", text, "\": ", again.status().ToString()));
  FUZZ_CHECK(*again == m, absl::StrCat(what, " \"", text, "\" reads ", again->ToIndonesian(),
                                       ", not ", m.ToIndonesian()));
}

bool PrintableAscii(std::string_view s) {
  for (char c : s) {
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

}  // namespace
}  // namespace renstra::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using renstra::Money;
  using renstra::fuzz::CheckSame;
  const std::string text(reinterpret_cast<const char*>(data), size);

  const absl::StatusOr<Money> m = Money::Parse(text);
  if (!m.ok()) {
    FUZZ_CHECK(m.status().code() == absl::StatusCode::kInvalidArgument, m.status().ToString());
    FUZZ_CHECK(m.status().message().substr(0, 7) == "money \"", m.status().ToString());
  } else if (!m->present()) {
    FUZZ_CHECK(m->rupiah() == 0, absl::StrCat(m->rupiah()));
    FUZZ_CHECK(m->ToIndonesian() == "-", m->ToIndonesian());
    FUZZ_CHECK(m->written().empty() || m->written() == "-", m->written());
    CheckSame(*m, m->ToIndonesian(), "canonical");
  } else {
    FUZZ_CHECK(m->rupiah() >= 0, absl::StrCat(m->rupiah()));
    const std::string canonical = m->ToIndonesian();
    FUZZ_CHECK(canonical == renstra::FormatRupiah(m->rupiah()), canonical);
    CheckSame(*m, canonical, "canonical");
    FUZZ_CHECK(Money::Parse(canonical)->ToIndonesian() == canonical, canonical);
    CheckSame(*m, std::to_string(m->rupiah()), "digits");
    CheckSame(*m, "Rp " + canonical, "with currency");
    CheckSame(*m, canonical + ",00", "with zero decimals");
    CheckSame(*m, m->Display(), "display");
  }
  if (m.ok()) {
    renstra::v1::Money proto;
    m->ToProto(&proto);
    const Money back = Money::FromProto(proto);
    FUZZ_CHECK(back == *m && back.written() == m->written(), m->Display());
  }

  // Differential: the client's reader against the domain's.
  std::string error;
  const std::optional<renstra::v1::Money> client = renstra::ParseRupiah(text, &error);
  if (client) {
    FUZZ_CHECK(client->present() && client->rupiah() >= 0, client->ShortDebugString());
    CheckSame(Money::FromProto(*client), client->written(), "client's written form");
  } else {
    FUZZ_CHECK(!error.empty(), "client refused without a reason");
  }
  if (m.ok() && m->present() && renstra::fuzz::PrintableAscii(text)) {
    FUZZ_CHECK(client.has_value(), absl::StrCat("domain reads \"", text, "\" as ",
                                                m->ToIndonesian(), "; client: ", error));
    FUZZ_CHECK(client->rupiah() == m->rupiah(), client->ShortDebugString());
  }
  return 0;
}
