#include "storage/envelope_hash.h"

#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"

namespace renstra {

std::string SerializeEnvelope(const v1::EventEnvelope& envelope) {
  std::string out;
  {
    google::protobuf::io::StringOutputStream stream(&out);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    // Fails only for messages over 2 GiB, which Append() never builds.
    (void)envelope.SerializeToCodedStream(&coded);
  }  // `coded` and `stream` flush into `out` here.
  return out;
}

std::string HashEnvelope(const v1::EventEnvelope& envelope) {
  return Sha256(SerializeEnvelope(envelope));
}

}  // namespace renstra
