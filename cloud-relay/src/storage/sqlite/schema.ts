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
  // The business and its people (DESIGN.md §7).
  `
  CREATE TABLE businesses (
    id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    doc TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE business_channels (
    channel_id TEXT PRIMARY KEY REFERENCES channels(id),
    business_id TEXT NOT NULL REFERENCES businesses(id),
    joined_at INTEGER NOT NULL
  );
  CREATE INDEX business_channels_business ON business_channels (business_id, joined_at);
  CREATE TABLE business_audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    business_id TEXT NOT NULL REFERENCES businesses(id),
    version INTEGER NOT NULL,
    person_id TEXT,
    device_id TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL,
    at INTEGER NOT NULL
  );
  CREATE INDEX business_audit_business ON business_audit (business_id, id);
  CREATE TABLE join_codes (
    code_hash TEXT PRIMARY KEY,
    business_id TEXT NOT NULL REFERENCES businesses(id),
    expires_at INTEGER NOT NULL,
    used_at INTEGER,
    used_by_channel TEXT
  );
  CREATE TABLE pin_locks (
    person_id TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    locked_until INTEGER
  );
  `,
  // Notification rules, the owner's approval, and dispatch (DESIGN.md §8). A stored delivery of
  // a business's branch queues a job in the same transaction (notify_jobs); a notification's key
  // (source event, person, channel) is unique, so no retry, restart or second worker sends twice.
  `
  CREATE TABLE notification_rules (
    business_id TEXT PRIMARY KEY REFERENCES businesses(id),
    version INTEGER NOT NULL,
    doc TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE TABLE rule_proposals (
    id TEXT PRIMARY KEY,
    business_id TEXT NOT NULL REFERENCES businesses(id),
    base_version INTEGER NOT NULL,
    doc TEXT NOT NULL,
    changes TEXT NOT NULL,
    proposed_by TEXT NOT NULL,
    device_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    state TEXT NOT NULL,
    decided_by TEXT,
    decided_at INTEGER
  );
  CREATE INDEX rule_proposals_business ON rule_proposals (business_id, created_at);
  CREATE TABLE notify_jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    source_key TEXT NOT NULL UNIQUE,
    channel_id TEXT NOT NULL,
    seq INTEGER,
    report TEXT,
    created_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    claim TEXT,
    claimed_until INTEGER,
    last_error TEXT,
    done_at INTEGER
  );
  -- A job stays, done, until retention: a desk's report key sent again is known as a repeat.
  CREATE INDEX notify_jobs_open ON notify_jobs (id) WHERE done_at IS NULL;
  CREATE INDEX notify_jobs_done ON notify_jobs (done_at) WHERE done_at IS NOT NULL;
  CREATE TABLE notifications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL UNIQUE,
    business_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    kind TEXT NOT NULL,
    branch_id TEXT,
    source_key TEXT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT,
    leader_id INTEGER,
    facts TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    due_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    claim TEXT,
    claimed_until INTEGER,
    sent_at INTEGER,
    served_seq INTEGER
  );
  CREATE INDEX notifications_due ON notifications (due_at) WHERE status IN ('pending', 'held');
  CREATE INDEX notifications_leader ON notifications (leader_id) WHERE leader_id IS NOT NULL;
  CREATE INDEX notifications_open ON notifications (person_id, channel, kind, created_at)
    WHERE status IN ('pending', 'held');
  CREATE INDEX notifications_business ON notifications (business_id, id);
  CREATE UNIQUE INDEX notifications_served ON notifications (served_seq) WHERE served_seq IS NOT NULL;
  CREATE TABLE desktop_subscriptions (
    person_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (person_id, device_id)
  );
  `,
  // Emails being handed to SMTP: found after a crash by their expired claim (uncertain, not resent).
  `
  CREATE INDEX notifications_sending ON notifications (claimed_until) WHERE status = 'sending';
  `,
  // When each branch closes, as its desks report it (summary.daily at closing).
  `
  CREATE TABLE branch_hours (
    channel_id TEXT PRIMARY KEY REFERENCES channels(id),
    zone TEXT NOT NULL,
    days TEXT NOT NULL,
    reported_at INTEGER NOT NULL
  );
  `,
  // The branch's desk-owned state (DESIGN.md §9): per field, the desk event that set it last.
  // Written by intake in the event's own commit and never pruned, so a desk that cannot read the
  // whole log gets the state from here. Filled once from the desk events the log still holds.
  `
  CREATE TABLE desk_state (
    channel_id TEXT NOT NULL REFERENCES channels(id),
    field TEXT NOT NULL,
    seq INTEGER NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (channel_id, field)
  );
  INSERT INTO desk_state (channel_id, field, seq, body)
  SELECT channel_id, field, seq, body FROM (
    SELECT channel_id, field, seq, body,
      row_number() OVER (PARTITION BY channel_id, field ORDER BY seq DESC) AS nth
    FROM (
      SELECT channel_id, seq, body,
        CASE json_extract(body, '$.change.kind')
          WHEN 'visit' THEN 'visit:' || json_extract(body, '$.change.bookingUid')
          WHEN 'walk_in' THEN 'walk_in:' || json_extract(body, '$.change.bookingUid')
          WHEN 'booking_notes' THEN 'booking_notes:' || json_extract(body, '$.change.bookingUid')
          WHEN 'note_put' THEN 'note:' || json_extract(body, '$.change.noteId')
          WHEN 'note_removed' THEN 'note_removed:' || json_extract(body, '$.change.noteId')
        END AS field
      FROM (
        SELECT channel_id, seq, CAST(body AS TEXT) AS body FROM events
        WHERE content_type = 'application/vnd.frontdesk.desk-event+json'
      )
      WHERE json_valid(body)
    )
    WHERE field IS NOT NULL
  )
  WHERE nth = 1;
  `,
]
