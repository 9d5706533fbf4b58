#include "clients/web/audit_views.h"

#include <google/protobuf/util/json_util.h>

#include <regex>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "base/json_text.h"
#include "clients/event_text.h"
#include "clients/log_archive.h"

namespace renstra::web {
namespace {

std::string Json(const google::protobuf::Message& m) {
  std::string out;
  (void)google::protobuf::util::MessageToJsonString(m, &out);
  return out;
}

// 1342 → "1.342".
std::string Grouped(uint64_t n) {
  std::string digits = std::to_string(n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(i, ".");
  return digits;
}

// "pukul 23.06 WIB tanggal 07-12-2026" (WIB: UTC+7, no daylight saving).
std::string WibTime(int64_t micros) {
  static const absl::TimeZone kWib = absl::FixedTimeZone(7 * 3600);
  return absl::FormatTime("pukul %H.%M WIB tanggal %d-%m-%Y", absl::FromUnixMicros(micros), kWib);
}

// The verifier's reason in Bahasa Indonesia where it is one of the tamper findings;
// otherwise as it was.
std::string Reason(const std::string& error) {
  static const std::regex kChain(
      R"(^event (\d+): prev_hash does not match the previous event \(altered or reordered\)$)");
  static const std::regex kRoot(
      R"(^the events give Merkle root ([0-9a-f]+), the signed head says ([0-9a-f]+)$)");
  static const std::regex kSignature(R"(^the tree head's signature: .*$)");
  static const std::regex kCount(
      R"(^the archive holds (\d+) events but its tree head covers (\d+)$)");
  std::smatch m;
  if (std::regex_match(error, m, kChain)) {
    return absl::StrCat("peristiwa ", m[1].str(),
                        " tidak tersambung ke peristiwa sebelumnya (diubah atau disusun ulang)");
  }
  if (std::regex_match(error, m, kRoot)) {
    return absl::StrCat("peristiwa menghasilkan akar Merkle ", m[1].str(),
                        ", kepala pohon bertanda tangan menyatakan ", m[2].str());
  }
  if (std::regex_match(error, kSignature)) {
    return "tanda tangan kepala pohon tidak sah untuk kunci ini";
  }
  if (std::regex_match(error, m, kCount)) {
    return absl::StrCat("terbaca ", m[1].str(), " peristiwa, kepala pohon mencakup ", m[2].str());
  }
  return error;
}

}  // namespace

std::string HistoryJson(const v1::GetHistoryResponse& history) {
  std::string events = "[";
  for (int i = 0; i < history.events_size(); ++i) {
    const v1::AuditEvent& e = history.events(i);
    const v1::EventEnvelope& env = e.envelope();
    absl::StrAppend(&events, i == 0 ? "" : ",", "{\"sequence\":\"", env.sequence(),
                    "\",\"stream\":", JsonQuote(env.stream()),
                    ",\"eventType\":", JsonQuote(EventKindOf(env)),
                    ",\"principal\":", JsonQuote(env.principal()),
                    ",\"role\":", JsonQuote(env.role()), ",\"atMicros\":\"", env.timestamp_micros(),
                    "\",\"uraian\":", JsonQuote(DescribeAuditEvent(e)), "}");
  }
  return absl::StrCat("{\"events\":", events,
                      "],\"nextPageToken\":", JsonQuote(history.next_page_token()), "}");
}

LogVerification VerifyLogCopy(const v1::SignedTreeHead& head,
                              const std::vector<v1::EventEnvelope>& events,
                              const std::string& public_key_pem, bool key_pinned) {
  std::stringstream archive;
  archive << Json(head) << "\n";
  for (const v1::EventEnvelope& e : events) archive << Json(e) << "\n";
  const ArchiveCheck check = VerifyArchive(archive, public_key_pem);
  LogVerification v;
  v.ok = check.ok;
  v.events = check.events;
  v.chain_head_hex = check.head_hash_hex;
  v.root_hex = check.root_hex;
  v.signed_at_micros = head.timestamp_micros();
  v.key_id = head.key_id();
  v.key_pinned = key_pinned;
  v.error = check.error;
  return v;
}

std::string VerificationMessage(const LogVerification& v) {
  if (!v.ok) return absl::StrCat("Log TIDAK utuh: ", Reason(v.error), ".");
  return absl::StrCat("Log utuh: ", Grouped(v.events),
                      " peristiwa diperiksa; rantai hash tersambung dan akar Merkle cocok dengan "
                      "kepala pohon yang ditandatangani renstrad ",
                      WibTime(v.signed_at_micros), ".");
}

std::string VerificationJson(const LogVerification& v) {
  return absl::StrCat("{\"ok\":", v.ok ? "true" : "false", ",\"events\":\"", v.events,
                      "\",\"message\":", JsonQuote(VerificationMessage(v)),
                      ",\"chainHead\":", JsonQuote(v.chain_head_hex),
                      ",\"rootHash\":", JsonQuote(v.root_hex), ",\"keyId\":", JsonQuote(v.key_id),
                      ",\"keyPinned\":", v.key_pinned ? "true" : "false", ",\"signedAtMicros\":\"",
                      v.signed_at_micros, "\"}");
}

}  // namespace renstra::web
