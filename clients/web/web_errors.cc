#include "clients/web/web_errors.h"

#include <regex>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "base/json_text.h"

namespace renstra::web {
namespace {

int HttpStatusOf(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::INVALID_ARGUMENT:
      return 400;
    case grpc::StatusCode::UNAUTHENTICATED:
      return 401;
    case grpc::StatusCode::PERMISSION_DENIED:
      return 403;
    case grpc::StatusCode::NOT_FOUND:
      return 404;
    case grpc::StatusCode::ALREADY_EXISTS:
    case grpc::StatusCode::ABORTED:
    case grpc::StatusCode::FAILED_PRECONDITION:
      return 409;
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return 429;
    case grpc::StatusCode::UNAVAILABLE:
      return 503;
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return 504;
    default:
      return 500;
  }
}

// "changes[2].set_target.year: must be ..." → field "changes[2].set_target.year",
// reason "must be ...". A prefix with a space is a sentence, not a field.
void SplitField(const std::string& message, std::string* field, std::string* reason) {
  static const std::regex kField(R"(^([A-Za-z_][A-Za-z0-9_.\[\]]*): (.*)$)");
  std::smatch m;
  if (std::regex_match(message, m, kField)) {
    *field = m[1];
    *reason = m[2];
  } else {
    field->clear();
    *reason = message;
  }
}

// "2026-12-07T09:19:00+07:00" → "pukul 09.19 WIB tanggal 07-12-2026".
std::string WibTime(const std::string& rfc3339) {
  static const std::regex kTime(R"((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):\d{2}\+07:00)");
  std::smatch m;
  if (!std::regex_search(rfc3339, m, kTime)) return rfc3339;
  return absl::StrCat("pukul ", m[4].str(), ".", m[5].str(), " WIB tanggal ", m[3].str(), "-",
                      m[2].str(), "-", m[1].str());
}

// The reason in Bahasa Indonesia, when the gateway knows it; empty otherwise.
std::string KnownReason(const std::string& reason) {
  static const std::regex kAtMostBytes(R"(^at most (\d+) bytes$)");
  static const std::regex kAtLeastChars(R"(^must be at least (\d+) characters$)");
  std::smatch m;
  if (reason == "required") return "wajib diisi";
  if (reason == "required (the document that proves the figure)") {
    return "wajib diisi (dokumen yang membuktikan angka)";
  }
  if (absl::StartsWith(reason, "required (")) return "wajib diisi";
  if (reason == "required for a correction (what was wrong)") {
    return "wajib diisi pada koreksi (apa yang salah)";
  }
  if (std::regex_match(reason, m, kAtMostBytes)) return "paling banyak " + m[1].str() + " byte";
  if (std::regex_match(reason, m, kAtLeastChars)) {
    return "paling sedikit " + m[1].str() + " karakter";
  }
  if (reason == "must not be the user name") return "tidak boleh sama dengan nama pengguna";
  if (reason == "wrong password") return "kata sandi salah";
  if (reason == "required when rejecting or returning") {
    return "wajib diisi saat menolak atau mengembalikan usulan";
  }
  // A realization's value (domain/realization_decider.cc).
  static const std::regex kUnit(R"re(^unit "(.*)" does not match the indicator's unit "(.*)"$)re");
  static const std::regex kOneNumber(R"re(^a realization is one number, not "(.*)"$)re");
  static const std::regex kNegative(R"re(^(?:negative value (.*)|"(.*)" is negative)$)re");
  if (std::regex_match(reason, m, kUnit)) {
    return absl::StrCat("satuan \"", m[1].str(), "\" tidak sesuai dengan satuan indikator \"",
                        m[2].str(), "\"");
  }
  if (std::regex_match(reason, m, kOneNumber)) {
    return absl::StrCat("realisasi berupa satu angka, bukan \"", m[1].str(), "\"");
  }
  // A correction of a record that is no longer its subject's current one.
  static const std::regex kCorrected(
      R"(^(\S+) was corrected by (\S+); correct the current record$)");
  if (std::regex_match(reason, m, kCorrected)) {
    return absl::StrCat(m[1].str(), " sudah dikoreksi oleh ", m[2].str(),
                        "; koreksi catatan yang berlaku");
  }
  // A report's year or root (services/realization reports).
  static const std::regex kYears(R"(^(-?\d+) is outside the plan's years (\d+)\xE2\x80\x93(\d+)$)");
  static const std::regex kNoNode(R"re(^no node "(.*)" in the plan$)re");
  static const std::regex kNoProposal(R"(^no proposal (\S+)$)");
  if (std::regex_match(reason, m, kNoProposal)) return "tidak ada usulan " + m[1].str();
  if (std::regex_match(reason, m, kYears)) {
    return absl::StrCat(m[1].str(), " di luar tahun Renstra ", m[2].str(), "\xE2\x80\x93",
                        m[3].str());
  }
  if (std::regex_match(reason, m, kNoNode)) {
    return absl::StrCat("tidak ada simpul \"", m[1].str(), "\" dalam Renstra");
  }
  if (std::regex_match(reason, m, kNegative)) {
    return absl::StrCat("tidak boleh negatif (", m[1].str(), m[2].str(), ")");
  }
  return "";
}

// "indicator 1.06.04.2.01#1" → "indikator 1.06.04.2.01#1", "node X" → "simpul X".
std::string Subject(const std::string& kind, const std::string& id) {
  return absl::StrCat(kind == "indicator" ? "indikator " : "simpul ", id);
}

// A realization already recorded (FAILED_PRECONDITION without a field) in Bahasa
// Indonesia; empty for any other reason.
std::string RecordedMessage(const std::string& reason) {
  static const std::regex kRecorded(
      R"(^(indicator|node) (\S+) (\d{4})( triwulan (?:I|II|III|IV))? already has realization (\S+); record a correction of it instead$)");
  std::smatch m;
  if (!std::regex_match(reason, m, kRecorded)) return "";
  return absl::StrCat("Sudah dicatat: ", Subject(m[1].str(), m[2].str()), " tahun ", m[3].str(),
                      m[4].str(), " sudah memiliki realisasi ", m[5].str(),
                      "; catat koreksinya bila perlu diubah.");
}

// A ratification refused because it would add validator findings (services/
// workflow_app's refusal) in Bahasa Indonesia, naming each finding as renstrad lists
// it; empty for any other reason.
std::string FindingsMessage(const std::string& reason) {
  static const std::regex kAdds(
      R"(^the ratification would add (\d+) findings? to the plan; nothing applied; correct the proposals, or accept with accept_findings and accept_reason: (.*)$)");
  std::smatch m;
  if (!std::regex_match(reason, m, kAdds)) return "";
  return absl::StrCat("Pengesahan ini akan menambah ", m[1].str(),
                      " temuan pada Renstra, dan belum ada yang diterapkan: ", m[2].str(),
                      ". Perbaiki usulannya, atau centang \"Terima temuan baru\" dan tulis "
                      "alasannya.");
}

// The division rule of domain/actor.cc's RequireOwnDivision in Bahasa Indonesia; empty
// for any other reason.
std::string DivisionMessage(const std::string& reason) {
  static const std::regex kOwn(
      R"(^a division proposes and records only for its own nodes; (?:indicator (\S+) of )?node (\S+) belongs to (.+), (\S+) acts for (.+)$)");
  std::smatch m;
  if (!std::regex_match(reason, m, kOwn)) return "";
  const std::string what = m[1].matched
                               ? absl::StrCat("indikator ", m[1].str(), " pada simpul ", m[2].str())
                               : absl::StrCat("simpul ", m[2].str());
  const std::string acting = m[5].str() == "no division" ? "tidak mewakili bidang mana pun"
                                                         : "bertindak untuk " + m[5].str();
  return absl::StrCat(
      "Ditolak: setiap bidang hanya mengusulkan dan mencatat untuk simpulnya "
      "sendiri; ",
      what, " milik ", m[3].str(), ", sedangkan ", m[4].str(), " ", acting, ".");
}

// The agency rule of domain/actor.cc's RequireOwnAgency in Bahasa Indonesia; empty for
// any other reason.
std::string AgencyRuleMessage(const std::string& reason) {
  static const std::regex kOwn(
      R"(^(\S+) works for (\S+); the Renstra of (\S+) is another agency's$)");
  std::smatch m;
  if (!std::regex_match(reason, m, kOwn)) return "";
  return absl::StrCat("Ditolak: ", m[1].str(), " bekerja untuk perangkat daerah ", m[2].str(),
                      "; Renstra ", m[3].str(),
                      " milik perangkat daerah lain dan hanya dapat dibaca.");
}

// An agency (perangkat daerah) code renstrad refused (field `agency` of a plan-bound
// request) in Bahasa Indonesia; empty for any other reason.
std::string AgencyCodeMessage(grpc::StatusCode code, const std::string& reason) {
  static const std::regex kUnknown(R"(^no agency (\S+)$)");
  static const std::regex kMalformed(R"re(^"(.*)" is not a code \(.*\)$)re");
  std::smatch m;
  if (code == grpc::StatusCode::NOT_FOUND && std::regex_match(reason, m, kUnknown)) {
    return absl::StrCat("Perangkat daerah ", m[1].str(),
                        " tidak ada di server ini. Pilih perangkat daerah lain.");
  }
  if (code == grpc::StatusCode::INVALID_ARGUMENT && std::regex_match(reason, m, kMalformed)) {
    return absl::StrCat("Kode perangkat daerah \"", m[1].str(),
                        "\" tidak valid: 2 sampai 40 karakter berupa huruf besar, angka, '-' atau "
                        "'_', diawali huruf.");
  }
  return "";
}

// Role names as the console writes them.
std::string RoleName(const std::string& role) {
  static const std::pair<const char*, const char*> kNames[] = {
      {"KEPALA_DINAS", "Kepala Dinas"}, {"KEPALA_BIDANG", "Kepala Bidang"},
      {"SEKRETARIAT", "Sekretariat"},   {"INSPEKTORAT", "Inspektorat"},
      {"ADMIN", "Administrator"},
  };
  for (const auto& [name, text] : kNames) {
    if (role == name) return text;
  }
  return role;
}

// A role refusal ("only KEPALA_DINAS may review proposals; rehab is KEPALA_BIDANG", the
// words of the server's RPC table and the domain's RequireRole) in Bahasa Indonesia;
// empty for any other reason. An action the console does not know stays as it was.
std::string RoleMessage(const std::string& reason) {
  static const std::regex kOnly(R"(^only ([A-Z_]+(?: or [A-Z_]+)*) may (.+); (\S+) is ([A-Z_]+)$)");
  static const std::pair<const char*, const char*> kActions[] = {
      {"propose changes", "mengusulkan perubahan"},
      {"revise proposals", "memperbaiki usulan"},
      {"submit proposals", "mengajukan usulan"},
      {"withdraw proposals", "menarik usulan"},
      {"review proposals", "meninjau usulan"},
      {"open a revision", "membuka revisi"},
      {"ratify a revision", "mengesahkan revisi"},
      {"lock the plan", "mengunci Renstra"},
      {"record realizations", "mencatat realisasi"},
      {"correct realizations", "mengoreksi realisasi"},
      {"import a plan table", "mengimpor tabel Renstra"},
      {"manage agencies", "mengelola perangkat daerah"},
      {"add users", "menambah pengguna"},
      {"disable users", "menonaktifkan pengguna"},
      {"enable users", "mengaktifkan pengguna"},
      {"list users", "melihat daftar pengguna"},
      {"set passwords", "mengatur kata sandi"},
      {"rotate tokens", "mengganti token"},
      {"back up the log", "mencadangkan log"},
      {"list backups", "melihat daftar cadangan"},
      {"verify backups", "memeriksa cadangan"},
      {"read metrics", "membaca metrik"},
  };
  std::smatch m;
  if (!std::regex_match(reason, m, kOnly)) return "";
  std::string roles;
  for (absl::string_view role : absl::StrSplit(m[1].str(), " or ")) {
    absl::StrAppend(&roles, roles.empty() ? "" : " atau ", RoleName(std::string(role)));
  }
  std::string action = m[2].str();
  for (const auto& [english, indonesian] : kActions) {
    if (action == english) action = indonesian;
  }
  return absl::StrCat("Ditolak: hanya ", roles, " yang berwenang ", action, "; ", m[3].str(),
                      " adalah ", RoleName(m[4].str()), ".");
}

// The login refusals of SessionService (session_service.proto).
std::string LoginMessage(const std::string& reason) {
  static const std::regex kWrong(
      R"re(^wrong user name or password for "(.*)" \((\d+) attempts? left before a (\d+)-minute lock\)$)re");
  static const std::regex kLocked(
      R"(^(\S+) is locked after (\d+) failed logins until (\S+) \(WIB\)$)");
  static const std::regex kDisabled(R"(^(\S+) is disabled$)");
  std::smatch m;
  if (std::regex_match(reason, m, kWrong)) {
    return absl::StrCat("Nama pengguna atau kata sandi salah. Sisa percobaan: ", m[2].str(),
                        " sebelum akun dikunci ", m[3].str(), " menit.");
  }
  if (std::regex_match(reason, m, kLocked)) {
    return absl::StrCat("Akun ", m[1].str(), " dikunci setelah ", m[2].str(),
                        " kali gagal masuk. Coba lagi ", WibTime(m[3].str()), ".");
  }
  if (std::regex_match(reason, m, kDisabled)) {
    return absl::StrCat("Akun ", m[1].str(), " dinonaktifkan. Hubungi administrator.");
  }
  return "";
}

std::string Sentence(grpc::StatusCode code, const std::string& field, const std::string& reason,
                     const std::string& detail) {
  if (field == "login") {
    std::string login = LoginMessage(reason);
    if (!login.empty()) return login;
  }
  const std::string known = KnownReason(reason);
  const std::string why = known.empty() ? reason : known;
  switch (code) {
    case grpc::StatusCode::UNAUTHENTICATED:
      if (detail == "session expired: log in again")
        return "Sesi Anda berakhir. Silakan masuk lagi.";
      return "Anda belum masuk atau sesi Anda berakhir. Silakan masuk lagi.";
    case grpc::StatusCode::PERMISSION_DENIED:
      if (field == "rule") {
        std::string role = RoleMessage(reason);
        if (!role.empty()) return role;
        std::string division = DivisionMessage(reason);
        if (!division.empty()) return division;
        std::string agency = AgencyRuleMessage(reason);
        if (!agency.empty()) return agency;
      }
      if (!field.empty() && field != "rule") {
        return absl::StrCat("Ditolak: isian '", field, "' ", why, ".");
      }
      return absl::StrCat("Anda tidak berwenang melakukan ini (", why, ").");
    case grpc::StatusCode::UNAVAILABLE:
      return "Server Renstra tidak dapat dihubungi. Coba lagi sebentar lagi.";
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return "Server Renstra terlalu lama menjawab. Coba lagi.";
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return absl::StrCat("Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi (", why, ").");
    default:
      break;
  }
  if (field == "agency") {
    std::string agency = AgencyCodeMessage(code, reason);
    if (!agency.empty()) return agency;
  }
  if (!field.empty()) {
    if (code == grpc::StatusCode::NOT_FOUND) {
      return absl::StrCat("Isian '", field, "' tidak ditemukan: ", why, ".");
    }
    return absl::StrCat("Isian '", field, "' tidak valid: ", why, ".");
  }
  if (code == grpc::StatusCode::FAILED_PRECONDITION) {
    std::string recorded = RecordedMessage(reason);
    if (!recorded.empty()) return recorded;
    std::string findings = FindingsMessage(reason);
    if (!findings.empty()) return findings;
  }
  if (code == grpc::StatusCode::NOT_FOUND) return absl::StrCat("Tidak ditemukan: ", why, ".");
  if (code == grpc::StatusCode::INVALID_ARGUMENT)
    return absl::StrCat("Permintaan tidak valid: ", why, ".");
  if (HttpStatusOf(code) == 409) return absl::StrCat("Tidak dapat dilakukan sekarang: ", why, ".");
  return absl::StrCat("Terjadi kesalahan di server: ", why, ".");
}

}  // namespace

std::string WebError::Json() const {
  return absl::StrCat("{\"error\":{\"code\":", JsonQuote(code), ",\"field\":", JsonQuote(field),
                      ",\"message\":", JsonQuote(message), ",\"detail\":", JsonQuote(detail), "}}");
}

WebError ToWebError(const grpc::Status& status) {
  WebError e;
  e.http_status = HttpStatusOf(status.error_code());
  // gRPC's codes are Abseil's, numbered alike; Abseil names them.
  e.code = absl::StatusCodeToString(static_cast<absl::StatusCode>(status.error_code()));
  e.detail = status.error_message();
  std::string reason;
  SplitField(e.detail, &e.field, &reason);
  e.message = Sentence(status.error_code(), e.field, reason, e.detail);
  if (e.field == "login" || e.field == "rule") e.field.clear();
  return e;
}

WebError BadJson(const std::string& reason) {
  WebError e;
  e.http_status = 400;
  e.code = "INVALID_ARGUMENT";
  e.detail = reason;
  // protobuf's JSON parser names the field: "password: invalid value 5 for type
  // TYPE_STRING", "nama: Cannot find field." or, for an enum, "(status): invalid value
  // \"X\" for type ...".
  static const std::regex kField(
      R"(^(?:INVALID_ARGUMENT:)?\(?([A-Za-z_][A-Za-z0-9_.\[\]]*)\)?: ?(.*)$)");
  std::smatch m;
  if (std::regex_match(reason, m, kField)) {
    e.field = m[1];
    e.message = absl::StrCat("Isian '", e.field,
                             "' tidak dapat dibaca: ", absl::StripSuffix(m[2].str(), "."), ".");
  } else {
    e.message = absl::StrCat("Isi permintaan bukan JSON yang dikenal: ", reason, ".");
  }
  return e;
}

}  // namespace renstra::web
