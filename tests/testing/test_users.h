// The cast of users the in-process service tests log in as, each with the token
// TokenOf(name):
//   kadis        KEPALA_DINAS
//   rehab        KEPALA_BIDANG  REHABILITASI_SOSIAL
//   linjamsos    KEPALA_BIDANG  PERLINDUNGAN_JAMINAN_SOSIAL
//   sekretariat  SEKRETARIAT
//   iwan         INSPEKTORAT
//   admin        ADMIN
//   pensiun      KEPALA_BIDANG  REHABILITASI_SOSIAL, disabled
//
// Thread safety: the functions are safe from any thread.
#ifndef RENSTRA_TESTS_TESTING_TEST_USERS_H_
#define RENSTRA_TESTS_TESTING_TEST_USERS_H_

#include <string>
#include <string_view>

#include "renstra/v1/users.pb.h"

namespace renstra::testing {

// The users file's content for the cast (tokens stored as salted hashes).
v1::UsersConfig TestUsers();

// The token of the cast's user `name`.
std::string TokenOf(std::string_view name);

}  // namespace renstra::testing

#endif  // RENSTRA_TESTS_TESTING_TEST_USERS_H_
