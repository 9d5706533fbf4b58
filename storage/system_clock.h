// The default clock of the event stores: wall-clock microseconds since the Unix epoch.
#ifndef RENSTRA_STORAGE_SYSTEM_CLOCK_H_
#define RENSTRA_STORAGE_SYSTEM_CLOCK_H_

#include <chrono>
#include <cstdint>

namespace renstra {

inline int64_t SystemNowMicros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace renstra

#endif  // RENSTRA_STORAGE_SYSTEM_CLOCK_H_
