// Helpers shared by the storage tests (the temp dir is tests/testing/temp_dir.h): a fake clock,
// request builders and an independent SHA-256 (OpenSSL one-shot, not the code under test).
#ifndef RENSTRA_TESTS_STORAGE_STORAGE_TEST_UTIL_H_
#define RENSTRA_TESTS_STORAGE_STORAGE_TEST_UTIL_H_

#include <openssl/sha.h>
#include <stdlib.h>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "renstra/v1/events.pb.h"
#include "storage/event_store.h"
#include "tests/testing/temp_dir.h"

namespace renstra::testing {

// A clock that stands still until the test moves it.
class FakeClock {
 public:
  static constexpr int64_t kStart = 1'717'200'000'000'000;  // 2024-06-01T00:00:00Z

  int64_t Now() const { return now_.load(); }
  void Advance(int64_t micros) { now_ += micros; }
  std::function<int64_t()> AsFunction() {
    return [this] { return Now(); };
  }

 private:
  std::atomic<int64_t> now_{kStart};
};

inline AppendRequest MakeRequest(const std::string& stream, int64_t expected_version,
                                 std::initializer_list<std::string> event_types,
                                 const std::string& request_id = "") {
  AppendRequest request;
  request.stream = stream;
  request.expected_version = expected_version;
  int n = 0;
  for (const std::string& type : event_types) {
    request.events.push_back(
        NewEvent{type, 1, "payload-" + stream + "-" + type + "-" + std::to_string(++n)});
  }
  request.meta = CommandMeta{"budi", "KEPALA_DINAS", "test reason", request_id};
  return request;
}

// SHA-256 via OpenSSL's one-shot SHA256(), independent of storage/envelope_hash.
inline std::string OpenSslSha256(const std::string& bytes) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), digest);
  return std::string(reinterpret_cast<const char*>(digest), SHA256_DIGEST_LENGTH);
}

inline std::string HashOf(const v1::EventEnvelope& envelope) {
  std::string bytes;
  EXPECT_TRUE(envelope.SerializeToString(&bytes));
  return OpenSslSha256(bytes);
}

inline std::vector<uint64_t> Sequences(const std::vector<v1::EventEnvelope>& envelopes) {
  std::vector<uint64_t> out;
  for (const auto& e : envelopes) out.push_back(e.sequence());
  return out;
}

}  // namespace renstra::testing

#endif  // RENSTRA_TESTS_STORAGE_STORAGE_TEST_UTIL_H_
