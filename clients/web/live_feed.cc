#include "clients/web/live_feed.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <utility>

#include "absl/strings/str_cat.h"
#include "base/json_text.h"
#include "clients/web/web_errors.h"

namespace renstra::web {
namespace {

// One browser's stream: the Follow call, its reader thread and what it has read.
struct Stream {
  grpc::ClientContext context;
  std::thread reader;
  std::mutex mu;
  std::condition_variable cv;
  std::deque<std::string> lines;  // ready-to-send SSE records
  bool ended = false;             // the Follow call ended (error or cancel)
  std::shared_ptr<std::atomic<int>> open_streams;

  ~Stream() {
    context.TryCancel();
    if (reader.joinable()) reader.join();
    open_streams->fetch_sub(1);
  }
};

}  // namespace

LiveFeed::LiveFeed(std::shared_ptr<grpc::Channel> channel, LiveFeedOptions options)
    : audit_(v1::AuditService::NewStub(channel)),
      log_(v1::LogService::NewStub(channel)),
      options_(options),
      open_streams_(std::make_shared<std::atomic<int>>(0)) {}

void LiveFeed::Serve(const std::string& session_token, const httplib::Server* server,
                     httplib::Response& res) {
  const std::string bearer = "Bearer " + session_token;
  v1::GetHeadResponse head;
  {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(options_.call_timeout_seconds));
    if (!session_token.empty()) context.AddMetadata("authorization", bearer);
    grpc::Status status = log_->GetHead(&context, {}, &head);
    if (!status.ok()) {
      const WebError e = ToWebError(status);
      res.status = e.http_status;
      res.set_content(e.Json(), "application/json; charset=utf-8");
      return;
    }
  }
  if (open_streams_->fetch_add(1) >= options_.max_streams) {
    open_streams_->fetch_sub(1);
    WebError e;
    e.http_status = 503;
    e.code = "UNAVAILABLE";
    e.message =
        "Terlalu banyak halaman terbuka yang mengikuti pembaruan. Tutup sebagian lalu "
        "muat ulang.";
    res.status = 503;
    res.set_content(e.Json(), "application/json; charset=utf-8");
    return;
  }
  auto stream = std::make_shared<Stream>();
  stream->open_streams = open_streams_;
  stream->context.AddMetadata("authorization", bearer);
  v1::FollowRequest request;
  request.set_from_sequence(head.sequence() + 1);
  // The reader thread holds a raw pointer: the Stream's destructor cancels and joins it.
  Stream* s = stream.get();
  v1::AuditService::Stub* audit = audit_.get();
  s->reader = std::thread([s, audit, request] {
    std::unique_ptr<grpc::ClientReader<v1::AuditEvent>> reader =
        audit->Follow(&s->context, request);
    v1::AuditEvent event;
    while (reader->Read(&event)) {
      const v1::EventEnvelope& e = event.envelope();
      std::string record =
          absl::StrCat("id: ", e.sequence(), "\nevent: peristiwa\ndata: {\"sequence\":\"",
                       e.sequence(), "\",\"stream\":", JsonQuote(e.stream()), "}\n\n");
      std::lock_guard<std::mutex> lock(s->mu);
      s->lines.push_back(std::move(record));
      s->cv.notify_one();
    }
    (void)reader->Finish();
    std::lock_guard<std::mutex> lock(s->mu);
    s->ended = true;
    s->cv.notify_one();
  });

  res.set_header("X-Accel-Buffering", "no");
  const LiveFeedOptions options = options_;
  auto last_write =
      std::make_shared<std::chrono::steady_clock::time_point>(std::chrono::steady_clock::now());
  res.set_chunked_content_provider(
      // Exactly this type: httplib compresses any other text/* answer, and a compressor
      // holds the events back until its buffer fills. (An event stream is UTF-8 by
      // definition.)
      "text/event-stream", [stream, server, options, last_write](size_t, httplib::DataSink& sink) {
        // One call sends what has arrived (or a heartbeat) and returns; httplib calls
        // again while the connection lives.
        std::string out;
        bool ended = false;
        {
          std::unique_lock<std::mutex> lock(stream->mu);
          stream->cv.wait_for(lock, options.poll,
                              [&] { return !stream->lines.empty() || stream->ended; });
          while (!stream->lines.empty()) {
            out += stream->lines.front();
            stream->lines.pop_front();
          }
          ended = stream->ended;
        }
        if (!server->is_running()) return false;
        const auto now = std::chrono::steady_clock::now();
        if (out.empty() && now - *last_write >= options.heartbeat) out = ": ok\n\n";
        if (!out.empty()) {
          if (!sink.write(out.data(), out.size())) return false;
          *last_write = now;
        }
        if (ended) {
          // renstrad ended the feed (restart, too many feeds): the browser reconnects.
          sink.done();
        }
        return true;
      });
}

}  // namespace renstra::web
