// Schema of the shared PostgreSQL store. Migrations are append-only; relay_schema records how
// many have run. Times are epoch milliseconds (bigint) so both engines share one model.
export const postgresMigrations: string[] = [
  `
  CREATE TABLE channels (
    id text PRIMARY KEY,
    calcom_account_id text NOT NULL UNIQUE,
    webhook_secret text NOT NULL,
    calcom_webhook_id text,
    last_seq bigint NOT NULL DEFAULT 0,
    pruned_through bigint NOT NULL DEFAULT 0,
    created_at bigint NOT NULL
  );
  CREATE TABLE events (
    channel_id text NOT NULL REFERENCES channels(id),
    seq bigint NOT NULL,
    received_at bigint NOT NULL,
    content_type text NOT NULL,
    headers text NOT NULL,
    body bytea NOT NULL,
    body_sha256 text NOT NULL,
    PRIMARY KEY (channel_id, seq)
  );
  CREATE UNIQUE INDEX events_dedupe ON events (channel_id, body_sha256);
  CREATE INDEX events_received ON events (channel_id, received_at);
  CREATE TABLE devices (
    id text PRIMARY KEY,
    channel_id text NOT NULL REFERENCES channels(id),
    name text NOT NULL,
    token_hash text NOT NULL UNIQUE,
    cursor bigint NOT NULL DEFAULT 0,
    created_at bigint NOT NULL,
    last_seen_at bigint,
    revoked_at bigint
  );
  CREATE INDEX devices_channel ON devices (channel_id);
  `,
]
