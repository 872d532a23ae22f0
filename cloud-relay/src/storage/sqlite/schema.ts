// Schema of the embedded SQLite store. Migrations are append-only; PRAGMA user_version records
// how many have run.
export const sqliteMigrations: string[] = [
  `
  CREATE TABLE channels (
    id TEXT PRIMARY KEY,
    calcom_account_id TEXT NOT NULL UNIQUE,
    webhook_secret TEXT NOT NULL,
    calcom_webhook_id TEXT,
    last_seq INTEGER NOT NULL DEFAULT 0,
    pruned_through INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE events (
    channel_id TEXT NOT NULL REFERENCES channels(id),
    seq INTEGER NOT NULL,
    received_at INTEGER NOT NULL,
    content_type TEXT NOT NULL,
    headers TEXT NOT NULL,
    body BLOB NOT NULL,
    body_sha256 TEXT NOT NULL,
    PRIMARY KEY (channel_id, seq)
  );
  CREATE UNIQUE INDEX events_dedupe ON events (channel_id, body_sha256);
  CREATE INDEX events_received ON events (channel_id, received_at);
  CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    channel_id TEXT NOT NULL REFERENCES channels(id),
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    cursor INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER,
    revoked_at INTEGER
  );
  CREATE INDEX devices_channel ON devices (channel_id);
  `,
  // Dedupe moves to memory (SqliteStorage.hashes), loaded at start from this index, which grows
  // in seq order: a unique index on the hash took a random B-tree page per delivery, and writing
  // those pages was half the cost of an intake commit.
  `
  DROP INDEX events_dedupe;
  CREATE INDEX events_hashes ON events (channel_id, seq, body_sha256);
  `,
]
