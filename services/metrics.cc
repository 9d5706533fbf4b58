#include "services/metrics.h"

#include "absl/strings/str_cat.h"

namespace renstra {
namespace {

// Prometheus renders integers plainly and other values with enough precision.
std::string Number(double v) {
  if (v == static_cast<double>(static_cast<int64_t>(v))) {
    return absl::StrCat(static_cast<int64_t>(v));
  }
  return absl::StrCat(v);
}

}  // namespace

void Metrics::AddSampled(std::string name, std::string help, std::string type,
                         std::function<double()> read) {
  absl::MutexLock lock(&mu_);
  sampled_.push_back({std::move(name), std::move(help), std::move(type), std::move(read)});
}

void Metrics::ObserveCall(std::string_view method, std::string_view code, absl::Duration latency) {
  const double seconds = absl::ToDoubleSeconds(latency);
  absl::MutexLock lock(&mu_);
  ++calls_[{std::string(method), std::string(code)}];
  Histogram& h = latency_[std::string(method)];
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++h.buckets[i];
  }
  ++h.count;
  h.sum += seconds;
}

std::string Metrics::RenderPrometheus() const {
  std::vector<Sampled> sampled;
  std::string out;
  {
    absl::MutexLock lock(&mu_);
    sampled = sampled_;
    absl::StrAppend(&out, "# HELP renstra_rpc_total Calls finished, by method and status.\n",
                    "# TYPE renstra_rpc_total counter\n");
    for (const auto& [key, n] : calls_) {
      absl::StrAppend(&out, "renstra_rpc_total{method=\"", key.first, "\",code=\"", key.second,
                      "\"} ", n, "\n");
    }
    absl::StrAppend(&out,
                    "# HELP renstra_rpc_latency_seconds Latency of calls, from the first "
                    "byte received to the status sent.\n",
                    "# TYPE renstra_rpc_latency_seconds histogram\n");
    for (const auto& [method, h] : latency_) {
      for (size_t i = 0; i < kBuckets.size(); ++i) {
        absl::StrAppend(&out, "renstra_rpc_latency_seconds_bucket{method=\"", method, "\",le=\"",
                        Number(kBuckets[i]), "\"} ", h.buckets[i], "\n");
      }
      absl::StrAppend(&out, "renstra_rpc_latency_seconds_bucket{method=\"", method,
                      "\",le=\"+Inf\"} ", h.count, "\n");
      absl::StrAppend(&out, "renstra_rpc_latency_seconds_sum{method=\"", method, "\"} ",
                      Number(h.sum), "\n");
      absl::StrAppend(&out, "renstra_rpc_latency_seconds_count{method=\"", method, "\"} ", h.count,
                      "\n");
    }
  }
  // Read outside the lock: a reader may itself take other locks (store, projector).
  for (const Sampled& s : sampled) {
    absl::StrAppend(&out, "# HELP ", s.name, " ", s.help, "\n# TYPE ", s.name, " ", s.type, "\n",
                    s.name, " ", Number(s.read()), "\n");
  }
  return out;
}

}  // namespace renstra
