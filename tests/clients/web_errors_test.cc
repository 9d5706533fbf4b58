// The web console's error mapping (clients/web/web_errors.h): renstrad's status → the
// HTTP status and an Indonesian sentence naming the field; the JSON mapping of request
// bodies; the CSRF tokens and cookies (clients/web/csrf.h).
#include "clients/web/web_errors.h"

#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include "base/json_text.h"
#include "clients/web/csrf.h"
#include "renstra/v1/session_service.pb.h"

namespace renstra::web {
namespace {

WebError Of(grpc::StatusCode code, const std::string& message) {
  return ToWebError(grpc::Status(code, message));
}

TEST(WebErrorsTest, AMissingFieldIs400NamingTheFieldInIndonesian) {
  WebError e = Of(grpc::StatusCode::INVALID_ARGUMENT, "name: required");
  EXPECT_EQ(e.http_status, 400);
  EXPECT_EQ(e.code, "INVALID_ARGUMENT");
  EXPECT_EQ(e.field, "name");
  EXPECT_EQ(e.message, "Isian 'name' tidak valid: wajib diisi.");
  EXPECT_EQ(e.detail, "name: required");
  EXPECT_EQ(e.Json(),
            "{\"error\":{\"code\":\"INVALID_ARGUMENT\",\"field\":\"name\",\"message\":\"Isian "
            "'name' tidak valid: wajib diisi.\",\"detail\":\"name: required\"}}");
}

TEST(WebErrorsTest, AnUnknownOrMalformedAgencyIsSaidInIndonesianNamingIt) {
  WebError unknown = Of(grpc::StatusCode::NOT_FOUND, "agency: no agency DISDIK-DUMAI");
  EXPECT_EQ(unknown.http_status, 404);
  EXPECT_EQ(unknown.Json(),
            "{\"error\":{\"code\":\"NOT_FOUND\",\"field\":\"agency\",\"message\":\"Perangkat "
            "daerah DISDIK-DUMAI tidak ada di server ini. Pilih perangkat daerah lain.\","
            "\"detail\":\"agency: no agency DISDIK-DUMAI\"}}");
  WebError malformed =
      Of(grpc::StatusCode::INVALID_ARGUMENT,
         "agency: \"dinsos dumai\" is not a code (2 to 40 characters: uppercase letters, digits, "
         "'-' or '_', starting with a letter)");
  EXPECT_EQ(malformed.http_status, 400);
  EXPECT_EQ(malformed.code, "INVALID_ARGUMENT");
  EXPECT_EQ(malformed.field, "agency");
  EXPECT_EQ(malformed.message,
            "Kode perangkat daerah \"dinsos dumai\" tidak valid: 2 sampai 40 karakter berupa "
            "huruf besar, angka, '-' atau '_', diawali huruf.");
  // Another reason about the agency keeps the generic wording.
  EXPECT_EQ(Of(grpc::StatusCode::INVALID_ARGUMENT, "agency: required").message,
            "Isian 'agency' tidak valid: wajib diisi.");
}

TEST(WebErrorsTest, AWriteToAnotherAgencysRenstraIsRefusedInIndonesian) {
  WebError e = Of(grpc::StatusCode::PERMISSION_DENIED,
                  "rule: kadis works for DINSOS-DUMAI; the Renstra of DINSOS-BENGKALIS is "
                  "another agency's");
  EXPECT_EQ(e.http_status, 403);
  EXPECT_EQ(e.field, "");
  EXPECT_EQ(e.message,
            "Ditolak: kadis bekerja untuk perangkat daerah DINSOS-DUMAI; Renstra DINSOS-BENGKALIS "
            "milik perangkat daerah lain dan hanya dapat dibaca.");
}

// The Kepala Dinas must see which findings a ratification would add, and how to go on.
TEST(WebErrorsTest, ARatificationThatWouldAddFindingsIsExplainedInIndonesian) {
  WebError e = Of(grpc::StatusCode::FAILED_PRECONDITION,
                  "the ratification would add 2 findings to the plan; nothing applied; correct "
                  "the proposals, or accept with accept_findings and accept_reason: "
                  "PARENT_CHILDREN_FUNDING 1.06.04.2.01 2025; ROW_FUNDING_TOTAL 1.06.04.2.01.0002");
  EXPECT_EQ(e.http_status, 409);
  EXPECT_EQ(e.field, "");
  EXPECT_EQ(e.message,
            "Pengesahan ini akan menambah 2 temuan pada Renstra, dan belum ada yang diterapkan: "
            "PARENT_CHILDREN_FUNDING 1.06.04.2.01 2025; ROW_FUNDING_TOTAL 1.06.04.2.01.0002. "
            "Perbaiki usulannya, atau centang \"Terima temuan baru\" dan tulis alasannya.");
}

TEST(WebErrorsTest, KnownReasonsAreTranslatedAndOthersQuoted) {
  EXPECT_EQ(Of(grpc::StatusCode::INVALID_ARGUMENT, "new_password: must be at least 10 characters")
                .message,
            "Isian 'new_password' tidak valid: paling sedikit 10 karakter.");
  EXPECT_EQ(Of(grpc::StatusCode::INVALID_ARGUMENT, "password: at most 128 bytes").message,
            "Isian 'password' tidak valid: paling banyak 128 byte.");
  WebError e = Of(grpc::StatusCode::INVALID_ARGUMENT,
                  "changes[0].set_target.year: 2030 is outside the plan (2022-2026)");
  EXPECT_EQ(e.field, "changes[0].set_target.year");
  EXPECT_EQ(e.message,
            "Isian 'changes[0].set_target.year' tidak valid: 2030 is outside the plan "
            "(2022-2026).");
  EXPECT_EQ(Of(grpc::StatusCode::NOT_FOUND, "name: no user sari").message,
            "Isian 'name' tidak ditemukan: no user sari.");
  EXPECT_EQ(Of(grpc::StatusCode::NOT_FOUND, "name: no user sari").http_status, 404);
}

TEST(WebErrorsTest, ARoleRefusalIs403SayingWhichRoleMayInIndonesian) {
  WebError e = Of(grpc::StatusCode::PERMISSION_DENIED,
                  "rule: only KEPALA_DINAS may review proposals; rehab is KEPALA_BIDANG");
  EXPECT_EQ(e.http_status, 403);
  EXPECT_EQ(e.code, "PERMISSION_DENIED");
  EXPECT_EQ(e.field, "");
  EXPECT_EQ(e.message,
            "Ditolak: hanya Kepala Dinas yang berwenang meninjau usulan; rehab adalah Kepala "
            "Bidang.");
  EXPECT_EQ(Of(grpc::StatusCode::PERMISSION_DENIED,
               "rule: only KEPALA_BIDANG or SEKRETARIAT may propose changes; kadis is "
               "KEPALA_DINAS")
                .message,
            "Ditolak: hanya Kepala Bidang atau Sekretariat yang berwenang mengusulkan perubahan; "
            "kadis adalah Kepala Dinas.");
  // An action the console does not know keeps the server's words.
  EXPECT_EQ(Of(grpc::StatusCode::PERMISSION_DENIED,
               "rule: only ADMIN may rehash the store; kadis is KEPALA_DINAS")
                .message,
            "Ditolak: hanya Administrator yang berwenang rehash the store; kadis adalah Kepala "
            "Dinas.");
  // Another rule is quoted.
  EXPECT_EQ(Of(grpc::StatusCode::PERMISSION_DENIED,
               "rule: nobody decides on a proposal they made; USL-0001 was proposed by kadis")
                .message,
            "Anda tidak berwenang melakukan ini (nobody decides on a proposal they made; "
            "USL-0001 was proposed by kadis).");
}

TEST(WebErrorsTest, AReturnWithoutANoteNamesTheNoteField) {
  WebError e = Of(grpc::StatusCode::INVALID_ARGUMENT, "note: required when rejecting or returning");
  EXPECT_EQ(e.http_status, 400);
  EXPECT_EQ(e.field, "note");
  EXPECT_EQ(e.message,
            "Isian 'note' tidak valid: wajib diisi saat menolak atau mengembalikan usulan.");
}

TEST(WebErrorsTest, LoginRefusalsAre401WithTheAttemptsLeftOrTheUnlockTimeInWib) {
  WebError wrong = Of(grpc::StatusCode::UNAUTHENTICATED,
                      "login: wrong user name or password for \"rehab\" (4 attempts left before "
                      "a 15-minute lock)");
  EXPECT_EQ(wrong.http_status, 401);
  EXPECT_EQ(wrong.field, "");
  EXPECT_EQ(wrong.message,
            "Nama pengguna atau kata sandi salah. Sisa percobaan: 4 sebelum akun dikunci 15 "
            "menit.");
  EXPECT_EQ(Of(grpc::StatusCode::UNAUTHENTICATED,
               "login: wrong user name or password for \"rehab\" (1 attempt left before a "
               "15-minute lock)")
                .message,
            "Nama pengguna atau kata sandi salah. Sisa percobaan: 1 sebelum akun dikunci 15 "
            "menit.");
  WebError locked =
      Of(grpc::StatusCode::UNAUTHENTICATED,
         "login: rehab is locked after 5 failed logins until 2026-12-07T09:19:00+07:00 (WIB)");
  EXPECT_EQ(locked.http_status, 401);
  EXPECT_EQ(locked.message,
            "Akun rehab dikunci setelah 5 kali gagal masuk. Coba lagi pukul 09.19 WIB tanggal "
            "07-12-2026.");
  EXPECT_EQ(Of(grpc::StatusCode::UNAUTHENTICATED, "login: rehab is disabled").message,
            "Akun rehab dinonaktifkan. Hubungi administrator.");
  EXPECT_EQ(Of(grpc::StatusCode::UNAUTHENTICATED, "session expired: log in again").message,
            "Sesi Anda berakhir. Silakan masuk lagi.");
  EXPECT_EQ(Of(grpc::StatusCode::UNAUTHENTICATED, "unknown token").message,
            "Anda belum masuk atau sesi Anda berakhir. Silakan masuk lagi.");
}

TEST(WebErrorsTest, EachCodeHasItsHttpStatus) {
  WebError denied = Of(grpc::StatusCode::PERMISSION_DENIED,
                       "rule: only ADMIN may set passwords; rehab is KEPALA_BIDANG");
  EXPECT_EQ(denied.http_status, 403);
  EXPECT_EQ(denied.field, "");
  EXPECT_EQ(denied.message,
            "Ditolak: hanya Administrator yang berwenang mengatur kata sandi; rehab adalah Kepala "
            "Bidang.");
  EXPECT_EQ(Of(grpc::StatusCode::PERMISSION_DENIED, "current_password: wrong password").message,
            "Ditolak: isian 'current_password' kata sandi salah.");
  EXPECT_EQ(Of(grpc::StatusCode::ABORTED, "x").http_status, 409);
  EXPECT_EQ(Of(grpc::StatusCode::FAILED_PRECONDITION, "x").http_status, 409);
  EXPECT_EQ(Of(grpc::StatusCode::ALREADY_EXISTS, "x").http_status, 409);
  EXPECT_EQ(Of(grpc::StatusCode::RESOURCE_EXHAUSTED, "x").http_status, 429);
  WebError down = Of(grpc::StatusCode::UNAVAILABLE, "failed to connect to all addresses");
  EXPECT_EQ(down.http_status, 503);
  EXPECT_EQ(down.message, "Server Renstra tidak dapat dihubungi. Coba lagi sebentar lagi.");
  EXPECT_EQ(Of(grpc::StatusCode::DEADLINE_EXCEEDED, "x").http_status, 504);
  EXPECT_EQ(Of(grpc::StatusCode::INTERNAL, "x").http_status, 500);
}

TEST(WebErrorsTest, JsonStringsAreEscapedAndNeverMarkup) {
  EXPECT_EQ(JsonQuote("a\"b\\c\n<script>&"), "\"a\\\"b\\\\c\\n\\u003cscript\\u003e\\u0026\"");
}

TEST(JsonMappingTest, ABodyIsReadWithProtobufsJsonMappingAndUnknownFieldsNamed) {
  v1::LoginRequest request;
  google::protobuf::util::JsonParseOptions options;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(
                  R"({"name":"rehab","password":"rahasia"})", &request, options)
                  .ok());
  EXPECT_EQ(request.name(), "rehab");
  EXPECT_EQ(request.password(), "rahasia");
  v1::ChangePasswordRequest change;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(
                  R"({"currentPassword":"a","new_password":"b"})", &change, options)
                  .ok());
  EXPECT_EQ(change.current_password(), "a");
  EXPECT_EQ(change.new_password(), "b");
  auto status =
      google::protobuf::util::JsonStringToMessage(R"({"nama":"rehab"})", &request, options);
  ASSERT_FALSE(status.ok());
  WebError e = BadJson(std::string(status.message()));
  EXPECT_EQ(e.http_status, 400);
  EXPECT_EQ(e.field, "nama");
  EXPECT_EQ(e.message, "Isian 'nama' tidak dapat dibaca: Cannot find field.");
}

TEST(CsrfTest, ATokenFitsOnlyItsCookieAndKind) {
  const Csrf csrf("rahasia-gateway");
  const std::string token = csrf.TokenFor("sesi", "abc");
  EXPECT_EQ(token.size(), 64u);
  EXPECT_TRUE(csrf.Check("sesi", "abc", token));
  EXPECT_FALSE(csrf.Check("pra", "abc", token));
  EXPECT_FALSE(csrf.Check("sesi", "abd", token));
  EXPECT_FALSE(csrf.Check("sesi", "abc", ""));
  EXPECT_FALSE(csrf.Check("sesi", "", csrf.TokenFor("sesi", "")));
  EXPECT_NE(Csrf("lain").TokenFor("sesi", "abc"), token);
}

TEST(CsrfTest, CookiesAreHttpOnlyStrictAndParsed) {
  EXPECT_EQ(SetCookie("renstra_sesi", "t", false),
            "renstra_sesi=t; Path=/; HttpOnly; SameSite=Strict");
  EXPECT_EQ(SetCookie("renstra_sesi", "", true, 0),
            "renstra_sesi=; Path=/; HttpOnly; SameSite=Strict; Secure; Max-Age=0");
  auto cookies = ParseCookies("a=1; renstra_sesi=abc ;x");
  EXPECT_EQ(cookies.size(), 2u);
  EXPECT_EQ(cookies["renstra_sesi"], "abc");
}

}  // namespace
}  // namespace renstra::web
