// A fully populated EventEnvelope for tests of the envelope's bytes and hash: every
// field set, a payload with a zero and a 0xff byte, a non-zero prev_hash. Tests that
// compare two encodings of the same envelope (the store's, the CLI's, JSON read back)
// build it here so they all pin the same bytes.
#ifndef RENSTRA_TESTS_TESTING_SAMPLE_ENVELOPE_H_
#define RENSTRA_TESTS_TESTING_SAMPLE_ENVELOPE_H_

#include <cstdint>
#include <string>

#include "renstra/v1/events.pb.h"

namespace renstra::testing {

inline v1::EventEnvelope SampleEnvelope(int64_t sequence = 7) {
  v1::EventEnvelope e;
  e.set_sequence(sequence);
  e.set_stream("plan/dinsos-dumai");
  e.set_stream_version(3);
  e.set_event_type("renstra.v1.TargetSet");
  e.set_schema_version(1);
  e.set_payload(std::string("\x00\x01\xff", 3));
  e.set_principal("budi");
  e.set_role("KEPALA_DINAS");
  e.set_timestamp_micros(1717200000000000);
  e.set_reason("Perubahan Renstra 2024");
  e.set_request_id("req-7");
  e.set_prev_hash(std::string(32, '\x5a'));
  return e;
}

}  // namespace renstra::testing

#endif  // RENSTRA_TESTS_TESTING_SAMPLE_ENVELOPE_H_
