#include "bench/pg_load.h"

#include <libpq-fe.h>

#include "absl/strings/str_cat.h"

namespace renstra::bench {
namespace {

constexpr char kSchema[] = R"sql(
DROP TABLE IF EXISTS events;
CREATE TABLE events (
  sequence       bigserial PRIMARY KEY,
  stream         text   NOT NULL,
  stream_version bigint NOT NULL,
  event_type     text   NOT NULL,
  request_id     text   UNIQUE,
  envelope       bytea  NOT NULL,
  UNIQUE (stream, stream_version));
)sql";

// $1 stream, $2 expected version, $3 event type, $4 request id, $5 envelope. No row
// back: the stream was not at the expected version.
constexpr char kAppend[] = R"sql(
WITH head AS (
  SELECT coalesce(max(stream_version), 0) AS version FROM events WHERE stream = $1)
INSERT INTO events (stream, stream_version, event_type, request_id, envelope)
SELECT $1, head.version + 1, $3, $4, $5 FROM head WHERE head.version = $2::bigint
RETURNING sequence
)sql";

constexpr char kEventType[] = "renstra.v1.ProposalDrafted";

std::string Message(PGconn* c) {
  std::string m = PQerrorMessage(c);
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  return m;
}

// Runs `sql`; the error message, or "" on success.
std::string Exec(PGconn* c, const char* sql) {
  PGresult* r = PQexec(c, sql);
  const ExecStatusType status = PQresultStatus(r);
  PQclear(r);
  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK ? "" : Message(c);
}

std::string Show(PGconn* c, const char* setting) {
  PGresult* r = PQexec(c, absl::StrCat("SHOW ", setting).c_str());
  std::string out =
      PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1 ? PQgetvalue(r, 0, 0) : "?";
  PQclear(r);
  return out;
}

}  // namespace

absl::StatusOr<std::unique_ptr<PgLoad>> PgLoad::Connect(const std::string& conninfo, int clients) {
  std::unique_ptr<PgLoad> load(new PgLoad());
  for (int i = 0; i < clients; ++i) {
    PGconn* c = PQconnectdb(conninfo.c_str());
    load->connections_.push_back(c);
    PQsetNoticeProcessor(
        c, [](void*, const char*) {}, nullptr);  // "table does not exist"
    if (PQstatus(c) != CONNECTION_OK) {
      return absl::UnavailableError(absl::StrCat("connect \"", conninfo, "\": ", Message(c)));
    }
    if (i == 0) {
      if (std::string e = Exec(c, kSchema); !e.empty()) {
        return absl::InternalError(absl::StrCat("create table: ", e));
      }
    }
    PGresult* r = PQprepare(c, "append", kAppend, 5, nullptr);
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
    if (!ok) return absl::InternalError(absl::StrCat("prepare: ", Message(c)));
  }
  return load;
}

PgLoad::~PgLoad() {
  for (PGconn* c : connections_) PQfinish(c);
}

std::string PgLoad::Append(int client, const std::string& tag, uint64_t n,
                           const std::string& envelope) {
  PGconn* c = connections_[client];
  const std::string id = absl::StrCat(tag, "-", client, "-", n);
  const std::string stream = absl::StrCat("proposal/", id);
  const char* values[5] = {stream.c_str(), "0", kEventType, id.c_str(), envelope.data()};
  const int lengths[5] = {0, 0, 0, 0, static_cast<int>(envelope.size())};
  const int formats[5] = {0, 0, 0, 0, 1};  // the envelope goes as binary
  PGresult* r = PQexecPrepared(c, "append", 5, values, lengths, formats, 0);
  std::string error;
  if (PQresultStatus(r) != PGRES_TUPLES_OK) {
    error = Message(c);
  } else if (PQntuples(r) != 1) {
    error = absl::StrCat("stream ", stream, " is not at version 0");
  }
  PQclear(r);
  return error;
}

std::string PgLoad::Settings() {
  PGconn* c = connections_[0];
  return absl::StrCat(
      "PostgreSQL ", Show(c, "server_version"),
      ", synchronous_commit=", Show(c, "synchronous_commit"), ", fsync=", Show(c, "fsync"),
      ", wal_sync_method=", Show(c, "wal_sync_method"),
      ", full_page_writes=", Show(c, "full_page_writes"),
      ", commit_delay=", Show(c, "commit_delay"), ", shared_buffers=", Show(c, "shared_buffers"));
}

absl::StatusOr<int64_t> PgLoad::CountRows() {
  PGconn* c = connections_[0];
  PGresult* r = PQexec(c, "SELECT count(*) FROM events");
  if (PQresultStatus(r) != PGRES_TUPLES_OK) {
    PQclear(r);
    return absl::InternalError(Message(c));
  }
  const int64_t rows = std::stoll(PQgetvalue(r, 0, 0));
  PQclear(r);
  return rows;
}

}  // namespace renstra::bench
