// PgLoad: the PostgreSQL side of the durable-command comparison. An events table that
// holds the same envelope bytes renstrad stores, with the same three lookups our store
// keeps (by sequence, by stream and version, by request id):
//
//   CREATE TABLE events (
//     sequence       bigserial PRIMARY KEY,
//     stream         text   NOT NULL,
//     stream_version bigint NOT NULL,
//     event_type     text   NOT NULL,
//     request_id     text   UNIQUE,
//     envelope       bytea  NOT NULL,
//     UNIQUE (stream, stream_version));
//
// One command is one transaction (a single autocommit statement, one round trip, so
// PostgreSQL gets its best case): read the stream's version, insert the event only if
// it equals the expected version, all in the same statement; the unique constraints
// catch a concurrent writer of the same stream version and a reused request id. With
// synchronous_commit = on the COMMIT returns after the WAL is flushed (fsync).
//
// Each client has its own connection (its own backend process). Not done here, unlike
// renstrad: the hash chain (a global order of hashes), projections, authentication.
//
// Thread safety: Append(c, ...) may run concurrently for different clients c.
// Errors: Append returns "" on success, else the server's message.
#ifndef RENSTRA_BENCH_PG_LOAD_H_
#define RENSTRA_BENCH_PG_LOAD_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

struct pg_conn;

namespace renstra::bench {

class PgLoad {
 public:
  // Opens `clients` connections with libpq `conninfo`, (re)creates the events table and
  // prepares the append statement on each connection.
  static absl::StatusOr<std::unique_ptr<PgLoad>> Connect(const std::string& conninfo, int clients);
  ~PgLoad();
  PgLoad(const PgLoad&) = delete;
  PgLoad& operator=(const PgLoad&) = delete;

  // Appends `envelope` as the first event of stream "proposal/<tag>-<client>-<n>"
  // (expected version 0) with request id "<tag>-<client>-<n>".
  std::string Append(int client, const std::string& tag, uint64_t n, const std::string& envelope);

  // "version 15.x, synchronous_commit=on, fsync=on, wal_sync_method=fdatasync, ...".
  std::string Settings();
  // Rows in the events table.
  absl::StatusOr<int64_t> CountRows();

 private:
  PgLoad() = default;
  std::vector<pg_conn*> connections_;
};

}  // namespace renstra::bench

#endif  // RENSTRA_BENCH_PG_LOAD_H_
