// Metrics: the server's counters, gauges and latency histograms, rendered in the
// Prometheus text exposition format (version 0.0.4) for AdminService.GetMetrics.
//
//   renstra_rpc_total{method,code}            calls finished, by gRPC status code
//   renstra_rpc_latency_seconds{method}       histogram of call latency
//   plus what the server registers with AddSampled (events in the log, fsync groups,
//   projection lag, Merkle tree size), read when rendered.
//
// Thread safety: thread-safe. Observing a call takes one short mutex hold.
#ifndef RENSTRA_SERVICES_METRICS_H_
#define RENSTRA_SERVICES_METRICS_H_

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace renstra {

class Metrics {
 public:
  // Upper bounds of the latency buckets, in seconds (+Inf is implicit).
  static constexpr std::array<double, 13> kBuckets = {
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};

  // A value read at render time; `type` is "counter" or "gauge".
  void AddSampled(std::string name, std::string help, std::string type,
                  std::function<double()> read);
  // One finished call.
  void ObserveCall(std::string_view method, std::string_view code, absl::Duration latency);

  std::string RenderPrometheus() const;

 private:
  struct Histogram {
    std::array<uint64_t, kBuckets.size()> buckets{};
    uint64_t count = 0;
    double sum = 0;
  };
  struct Sampled {
    std::string name, help, type;
    std::function<double()> read;
  };

  mutable absl::Mutex mu_;
  std::map<std::pair<std::string, std::string>, uint64_t> calls_ ABSL_GUARDED_BY(mu_);
  std::map<std::string, Histogram> latency_ ABSL_GUARDED_BY(mu_);
  std::vector<Sampled> sampled_ ABSL_GUARDED_BY(mu_);
};

}  // namespace renstra

#endif  // RENSTRA_SERVICES_METRICS_H_
