// Live feed: GET /api/peristiwa, a server-sent event stream (text/event-stream) fed by
// renstrad's audit follow stream (AuditService.Follow), so that an open page learns that
// something changed — a proposal returned to its user, a new one to review — without
// reloading. Each appended event becomes
//
//   id: <sequence>
//   event: peristiwa
//   data: {"sequence":"<n>","stream":"proposal/USL-0001"}
//
// and nothing more: the page then asks its own API (GetInbox, ...) what it may see, so
// the feed carries no plan content and decides nothing. It starts after the log's head
// at connect time (LogService.GetHead, which also checks the session: 401 without one).
// A comment line every `heartbeat` keeps proxies from closing an idle stream and
// notices a closed tab (each stream holds one of httplib's threads while it lives); at most
// `max_streams` streams at once (503 beyond).
//
// Ownership: shares the channel; each stream owns its gRPC call and one reader thread,
// both ended when the browser goes away or the HTTP server stops.
// Thread safety: Serve() may be called from any of httplib's threads.
#ifndef RENSTRA_CLIENTS_WEB_LIVE_FEED_H_
#define RENSTRA_CLIENTS_WEB_LIVE_FEED_H_

#include <grpcpp/grpcpp.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>

#include "renstra/v1/audit_service.grpc.pb.h"
#include "renstra/v1/plan_service.grpc.pb.h"

namespace renstra::web {

struct LiveFeedOptions {
  int max_streams = 32;
  // An idle stream writes a comment this often: a closed tab is noticed (and its thread
  // freed) at the second write after it closed.
  std::chrono::milliseconds heartbeat{3000};
  // How often a stream checks that the HTTP server still runs.
  std::chrono::milliseconds poll{500};
  int call_timeout_seconds = 10;
};

class LiveFeed {
 public:
  LiveFeed(std::shared_ptr<grpc::Channel> channel, LiveFeedOptions options);

  // Answers the request with the stream (or an error). `server` is the one serving it:
  // its stop ends the stream.
  void Serve(const std::string& session_token, const httplib::Server* server,
             httplib::Response& res);

 private:
  std::unique_ptr<v1::AuditService::Stub> audit_;
  std::unique_ptr<v1::LogService::Stub> log_;
  const LiveFeedOptions options_;
  std::shared_ptr<std::atomic<int>> open_streams_;
};

}  // namespace renstra::web

#endif  // RENSTRA_CLIENTS_WEB_LIVE_FEED_H_
