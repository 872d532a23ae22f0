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
  // Intake in one round trip: under load the batch's statements each waited their turn for CPU
  // on both sides, so seven round trips per batch made intake latency grow with load. The
  // function runs as one statement; its implicit transaction commits (fsync, NOTIFY) before the
  // client sees the result. Channels are locked in sorted order so instances never deadlock;
  // a body already on the channel (or earlier in the batch) returns the seq it was stored at.
  // Bodies are stored out of line without compression (as SQLite stores them): compressing each
  // 3–4 KB body cost intake more time than the disk it saved (about 4.7 KB vs 2.6 KB per event).
  `
  ALTER TABLE events ALTER COLUMN body SET STORAGE EXTERNAL;
  CREATE OR REPLACE FUNCTION relay_ingest(
    p_channel text[], p_received_at bigint[], p_content_type text[], p_headers text[],
    p_bodies bytea, p_body_len int[], p_sha256 text[]
  ) RETURNS TABLE (r_seq bigint, r_duplicate boolean) LANGUAGE plpgsql AS $fn$
  DECLARE
    n int := cardinality(p_channel);
    seqs bigint[] := array_fill(NULL::bigint, ARRAY[n]);
    dups boolean[] := array_fill(false, ARRAY[n]);
    ch text;
    last bigint;
    first bigint;
    known bigint;
    offsets int[] := array_fill(0, ARRAY[n]);
  BEGIN
    FOR i IN 2..n LOOP
      offsets[i] := offsets[i - 1] + p_body_len[i - 1];
    END LOOP;
    FOR ch IN SELECT DISTINCT c FROM unnest(p_channel) AS c ORDER BY c LOOP
      SELECT c.last_seq INTO last FROM channels c WHERE c.id = ch FOR UPDATE;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'unknown channel %', ch;
      END IF;
      first := last;
      FOR i IN 1..n LOOP
        CONTINUE WHEN p_channel[i] <> ch;
        SELECT e.seq INTO known FROM events e WHERE e.channel_id = ch AND e.body_sha256 = p_sha256[i];
        IF FOUND THEN
          seqs[i] := known;
          dups[i] := true;
          CONTINUE;
        END IF;
        last := last + 1;
        INSERT INTO events (channel_id, seq, received_at, content_type, headers, body, body_sha256)
          VALUES (ch, last, p_received_at[i], p_content_type[i], p_headers[i],
                  substring(p_bodies FROM offsets[i] + 1 FOR p_body_len[i]), p_sha256[i]);
        seqs[i] := last;
      END LOOP;
      IF last > first THEN
        UPDATE channels SET last_seq = last WHERE id = ch;
        -- Delivered at commit, to every instance listening.
    PERFORM pg_notify('relay_events', ch || ':' || last);
      END IF;
    END LOOP;
    RETURN QUERY SELECT u.s, u.d FROM unnest(seqs, dups) WITH ORDINALITY AS u(s, d, o) ORDER BY u.o;
  END
  $fn$;
  `,
  // Intake as set-based statements instead of a PL/pgSQL loop that ran a dedupe probe and an
  // INSERT per delivery, all while the batch held its channel's lock. Bodies up to a page now stay
  // in the events row (toast_tuple_target): a 3–4 KB body moved out of line cost a TOAST row and a
  // TOAST index entry per delivery, about 300 more WAL bytes each. Larger bodies still go out of
  // line, uncompressed. Together: a batch of 25 commits in about a quarter less time.
  `
  ALTER TABLE events SET (toast_tuple_target = 8160);
  CREATE OR REPLACE FUNCTION relay_ingest(
    p_channel text[], p_received_at bigint[], p_content_type text[], p_headers text[],
    p_bodies bytea, p_body_len int[], p_sha256 text[]
  ) RETURNS TABLE (r_seq bigint, r_duplicate boolean) LANGUAGE plpgsql AS $fn$
  DECLARE
    ids text[];
    before bigint[];
  BEGIN
    -- Lock the batch's channels in id order (instances never deadlock) and note each last_seq.
    SELECT array_agg(l.id), array_agg(l.last_seq) INTO ids, before
    FROM (SELECT c.id, c.last_seq FROM channels c WHERE c.id = ANY (p_channel) ORDER BY c.id FOR UPDATE) l;
    IF coalesce(cardinality(ids), 0) <> (SELECT count(DISTINCT x) FROM unnest(p_channel) x) THEN
      RAISE EXCEPTION 'unknown channel %', (SELECT min(x) FROM unnest(p_channel) x WHERE x <> ALL (coalesce(ids, '{}')));
    END IF;
    -- input: each delivery with its body's place in p_bodies; nth > 1 repeats an earlier one.
    -- known: bodies already on the channel. fresh: the rest, numbered on from last_seq.
    RETURN QUERY
    WITH input AS (
      SELECT u.o, u.ch, u.sha, u.len, u.rat, u.ct, u.hd,
             (sum(u.len) OVER (ORDER BY u.o) - u.len)::int AS off,
             row_number() OVER (PARTITION BY u.ch, u.sha ORDER BY u.o) AS nth
      FROM unnest(p_channel, p_sha256, p_body_len, p_received_at, p_content_type, p_headers)
        WITH ORDINALITY AS u(ch, sha, len, rat, ct, hd, o)
    ),
    known AS (
      SELECT i.ch, i.sha, e.seq FROM input i
      JOIN events e ON e.channel_id = i.ch AND e.body_sha256 = i.sha
      WHERE i.nth = 1
    ),
    fresh AS (
      SELECT i.*, b.s + row_number() OVER (PARTITION BY i.ch ORDER BY i.o) AS seq
      FROM input i
      JOIN unnest(ids, before) AS b(id, s) ON b.id = i.ch
      WHERE i.nth = 1 AND NOT EXISTS (SELECT 1 FROM known k WHERE k.ch = i.ch AND k.sha = i.sha)
    ),
    ins AS (
      INSERT INTO events (channel_id, seq, received_at, content_type, headers, body, body_sha256)
      SELECT f.ch, f.seq, f.rat, f.ct, f.hd, substring(p_bodies FROM f.off + 1 FOR f.len), f.sha FROM fresh f
    ),
    bump AS (
      UPDATE channels c SET last_seq = m.top
      FROM (SELECT f.ch, max(f.seq) AS top FROM fresh f GROUP BY f.ch) m WHERE c.id = m.ch
    )
    SELECT coalesce(f.seq, k.seq), f.seq IS NULL OR i.nth > 1
    FROM input i
    LEFT JOIN fresh f ON f.ch = i.ch AND f.sha = i.sha
    LEFT JOIN known k ON k.ch = i.ch AND k.sha = i.sha
    ORDER BY i.o;
    -- Delivered at commit, to every instance listening.
    PERFORM pg_notify('relay_events', c.id || ':' || c.last_seq)
    FROM channels c JOIN unnest(ids, before) AS b(id, s) ON b.id = c.id
    WHERE c.last_seq > b.s;
  END
  $fn$;
  `,
  // The business and its people (DESIGN.md §7).
  `
  CREATE TABLE businesses (
    id text PRIMARY KEY,
    version bigint NOT NULL,
    doc text NOT NULL,
    created_at bigint NOT NULL
  );
  CREATE TABLE business_channels (
    channel_id text PRIMARY KEY REFERENCES channels(id),
    business_id text NOT NULL REFERENCES businesses(id),
    joined_at bigint NOT NULL
  );
  CREATE INDEX business_channels_business ON business_channels (business_id, joined_at);
  CREATE TABLE business_audit (
    id bigserial PRIMARY KEY,
    business_id text NOT NULL REFERENCES businesses(id),
    version bigint NOT NULL,
    person_id text,
    device_id text NOT NULL,
    action text NOT NULL,
    detail text NOT NULL,
    at bigint NOT NULL
  );
  CREATE INDEX business_audit_business ON business_audit (business_id, id);
  CREATE TABLE join_codes (
    code_hash text PRIMARY KEY,
    business_id text NOT NULL REFERENCES businesses(id),
    expires_at bigint NOT NULL,
    used_at bigint,
    used_by_channel text
  );
  CREATE TABLE pin_locks (
    person_id text PRIMARY KEY,
    failures integer NOT NULL,
    locked_until bigint
  );
  `,
  // Notification rules, the owner's approval, and dispatch (DESIGN.md §8). Intake queues a job
  // per new delivery to a branch of a business in its own transaction (relay_ingest, again);
  // workers on any instance claim jobs with SKIP LOCKED; a notification's key (source event,
  // person, channel) is unique, so no retry, restart or second instance sends twice.
  `
  CREATE TABLE notification_rules (
    business_id text PRIMARY KEY REFERENCES businesses(id),
    version bigint NOT NULL,
    doc text NOT NULL,
    updated_at bigint NOT NULL
  );
  CREATE TABLE rule_proposals (
    id text PRIMARY KEY,
    business_id text NOT NULL REFERENCES businesses(id),
    base_version bigint NOT NULL,
    doc text NOT NULL,
    changes text NOT NULL,
    proposed_by text NOT NULL,
    device_id text NOT NULL,
    reason text NOT NULL,
    created_at bigint NOT NULL,
    state text NOT NULL,
    decided_by text,
    decided_at bigint
  );
  CREATE INDEX rule_proposals_business ON rule_proposals (business_id, created_at);
  CREATE TABLE notify_jobs (
    id bigserial PRIMARY KEY,
    source_key text NOT NULL UNIQUE,
    channel_id text NOT NULL,
    seq bigint,
    report text,
    created_at bigint NOT NULL,
    attempts integer NOT NULL DEFAULT 0,
    claim text,
    claimed_until bigint,
    last_error text,
    done_at bigint
  );
  -- A job stays, done, until retention: a desk's report key sent again is known as a repeat.
  CREATE INDEX notify_jobs_open ON notify_jobs (id) WHERE done_at IS NULL;
  CREATE INDEX notify_jobs_done ON notify_jobs (done_at) WHERE done_at IS NOT NULL;
  CREATE TABLE notifications (
    id bigserial PRIMARY KEY,
    key text NOT NULL UNIQUE,
    business_id text NOT NULL,
    person_id text NOT NULL,
    channel text NOT NULL,
    kind text NOT NULL,
    branch_id text,
    source_key text NOT NULL,
    status text NOT NULL,
    reason text,
    leader_id bigint,
    facts text NOT NULL,
    created_at bigint NOT NULL,
    due_at bigint NOT NULL,
    attempts integer NOT NULL DEFAULT 0,
    claim text,
    claimed_until bigint,
    sent_at bigint,
    served_seq bigint
  );
  CREATE INDEX notifications_due ON notifications (due_at) WHERE status IN ('pending', 'held');
  CREATE INDEX notifications_leader ON notifications (leader_id) WHERE leader_id IS NOT NULL;
  CREATE INDEX notifications_open ON notifications (person_id, channel, kind, created_at)
    WHERE status IN ('pending', 'held');
  CREATE INDEX notifications_business ON notifications (business_id, id);
  CREATE UNIQUE INDEX notifications_served ON notifications (served_seq) WHERE served_seq IS NOT NULL;
  -- The served order of desktop notifications: one row, locked by each send, so a reader never
  -- sees seq n+1 committed before n.
  CREATE TABLE notify_counters (name text PRIMARY KEY, last bigint NOT NULL);
  INSERT INTO notify_counters (name, last) VALUES ('served', 0);
  CREATE TABLE desktop_subscriptions (
    person_id text NOT NULL,
    device_id text NOT NULL,
    created_at bigint NOT NULL,
    PRIMARY KEY (person_id, device_id)
  );
  CREATE OR REPLACE FUNCTION relay_ingest(
    p_channel text[], p_received_at bigint[], p_content_type text[], p_headers text[],
    p_bodies bytea, p_body_len int[], p_sha256 text[]
  ) RETURNS TABLE (r_seq bigint, r_duplicate boolean) LANGUAGE plpgsql AS $fn$
  DECLARE
    ids text[];
    before bigint[];
  BEGIN
    -- Lock the batch's channels in id order (instances never deadlock) and note each last_seq.
    SELECT array_agg(l.id), array_agg(l.last_seq) INTO ids, before
    FROM (SELECT c.id, c.last_seq FROM channels c WHERE c.id = ANY (p_channel) ORDER BY c.id FOR UPDATE) l;
    IF coalesce(cardinality(ids), 0) <> (SELECT count(DISTINCT x) FROM unnest(p_channel) x) THEN
      RAISE EXCEPTION 'unknown channel %', (SELECT min(x) FROM unnest(p_channel) x WHERE x <> ALL (coalesce(ids, '{}')));
    END IF;
    -- input: each delivery with its body's place in p_bodies; nth > 1 repeats an earlier one.
    -- known: bodies already on the channel. fresh: the rest, numbered on from last_seq.
    RETURN QUERY
    WITH input AS (
      SELECT u.o, u.ch, u.sha, u.len, u.rat, u.ct, u.hd,
             (sum(u.len) OVER (ORDER BY u.o) - u.len)::int AS off,
             row_number() OVER (PARTITION BY u.ch, u.sha ORDER BY u.o) AS nth
      FROM unnest(p_channel, p_sha256, p_body_len, p_received_at, p_content_type, p_headers)
        WITH ORDINALITY AS u(ch, sha, len, rat, ct, hd, o)
    ),
    known AS (
      SELECT i.ch, i.sha, e.seq FROM input i
      JOIN events e ON e.channel_id = i.ch AND e.body_sha256 = i.sha
      WHERE i.nth = 1
    ),
    fresh AS (
      SELECT i.*, b.s + row_number() OVER (PARTITION BY i.ch ORDER BY i.o) AS seq
      FROM input i
      JOIN unnest(ids, before) AS b(id, s) ON b.id = i.ch
      WHERE i.nth = 1 AND NOT EXISTS (SELECT 1 FROM known k WHERE k.ch = i.ch AND k.sha = i.sha)
    ),
    ins AS (
      INSERT INTO events (channel_id, seq, received_at, content_type, headers, body, body_sha256)
      SELECT f.ch, f.seq, f.rat, f.ct, f.hd, substring(p_bodies FROM f.off + 1 FOR f.len), f.sha FROM fresh f
    ),
    -- The notification job of each new delivery to a branch of a business, in the same commit
    -- (DESIGN.md §8); the relay's own events (vnd.frontdesk) notify no one.
    jobs AS (
      INSERT INTO notify_jobs (source_key, channel_id, seq, created_at)
      SELECT 'evt:' || f.ch || ':' || f.seq, f.ch, f.seq, f.rat FROM fresh f
      JOIN business_channels bc ON bc.channel_id = f.ch
      WHERE f.ct NOT LIKE 'application/vnd.frontdesk.%'
    ),
    bump AS (
      UPDATE channels c SET last_seq = m.top
      FROM (SELECT f.ch, max(f.seq) AS top FROM fresh f GROUP BY f.ch) m WHERE c.id = m.ch
    )
    SELECT coalesce(f.seq, k.seq), f.seq IS NULL OR i.nth > 1
    FROM input i
    LEFT JOIN fresh f ON f.ch = i.ch AND f.sha = i.sha
    LEFT JOIN known k ON k.ch = i.ch AND k.sha = i.sha
    ORDER BY i.o;
    -- Delivered at commit, to every instance listening.
    PERFORM pg_notify('relay_events', c.id || ':' || c.last_seq)
    FROM channels c JOIN unnest(ids, before) AS b(id, s) ON b.id = c.id
    WHERE c.last_seq > b.s;
  END
  $fn$;
  `,
  // Emails being handed to SMTP: found after a crash by their expired claim (uncertain, not resent).
  `
  CREATE INDEX notifications_sending ON notifications (claimed_until) WHERE status = 'sending';
  `,
  // When each branch closes, as its desks report it (summary.daily at closing).
  `
  CREATE TABLE branch_hours (
    channel_id text PRIMARY KEY REFERENCES channels(id),
    zone text NOT NULL,
    days text NOT NULL,
    reported_at bigint NOT NULL
  );
  `,
  // The branch's desk-owned state (DESIGN.md §9): per field, the desk event that set it last.
  // relay_ingest writes it in the event's own statement (so in its commit) from a new parameter,
  // the field each delivery sets (NULL for Cal.com's); retention never prunes it. Filled once
  // from the desk events the log still holds.
  `
  CREATE TABLE desk_state (
    channel_id text NOT NULL REFERENCES channels(id),
    field text NOT NULL,
    seq bigint NOT NULL,
    body text NOT NULL,
    PRIMARY KEY (channel_id, field)
  );
  INSERT INTO desk_state (channel_id, field, seq, body)
  SELECT DISTINCT ON (channel_id, field) channel_id, field, seq, body FROM (
    SELECT channel_id, seq, body,
      CASE j #>> '{change,kind}'
        WHEN 'visit' THEN 'visit:' || (j #>> '{change,bookingUid}')
        WHEN 'walk_in' THEN 'walk_in:' || (j #>> '{change,bookingUid}')
        WHEN 'booking_notes' THEN 'booking_notes:' || (j #>> '{change,bookingUid}')
        WHEN 'note_put' THEN 'note:' || (j #>> '{change,noteId}')
        WHEN 'note_removed' THEN 'note_removed:' || (j #>> '{change,noteId}')
      END AS field
    FROM (
      SELECT channel_id, seq, convert_from(body, 'UTF8') AS body,
        convert_from(body, 'UTF8')::jsonb AS j
      FROM events WHERE content_type = 'application/vnd.frontdesk.desk-event+json'
    ) d
  ) f
  WHERE field IS NOT NULL
  ORDER BY channel_id, field, seq DESC;
  DROP FUNCTION relay_ingest(text[], bigint[], text[], text[], bytea, int[], text[]);
  CREATE FUNCTION relay_ingest(
    p_channel text[], p_received_at bigint[], p_content_type text[], p_headers text[],
    p_bodies bytea, p_body_len int[], p_sha256 text[], p_desk_field text[]
  ) RETURNS TABLE (r_seq bigint, r_duplicate boolean) LANGUAGE plpgsql AS $fn$
  DECLARE
    ids text[];
    before bigint[];
  BEGIN
    -- Lock the batch's channels in id order (instances never deadlock) and note each last_seq.
    SELECT array_agg(l.id), array_agg(l.last_seq) INTO ids, before
    FROM (SELECT c.id, c.last_seq FROM channels c WHERE c.id = ANY (p_channel) ORDER BY c.id FOR UPDATE) l;
    IF coalesce(cardinality(ids), 0) <> (SELECT count(DISTINCT x) FROM unnest(p_channel) x) THEN
      RAISE EXCEPTION 'unknown channel %', (SELECT min(x) FROM unnest(p_channel) x WHERE x <> ALL (coalesce(ids, '{}')));
    END IF;
    -- input: each delivery with its body's place in p_bodies; nth > 1 repeats an earlier one.
    -- known: bodies already on the channel. fresh: the rest, numbered on from last_seq.
    RETURN QUERY
    WITH input AS (
      SELECT u.o, u.ch, u.sha, u.len, u.rat, u.ct, u.hd, u.df,
             (sum(u.len) OVER (ORDER BY u.o) - u.len)::int AS off,
             row_number() OVER (PARTITION BY u.ch, u.sha ORDER BY u.o) AS nth
      FROM unnest(p_channel, p_sha256, p_body_len, p_received_at, p_content_type, p_headers, p_desk_field)
        WITH ORDINALITY AS u(ch, sha, len, rat, ct, hd, df, o)
    ),
    known AS (
      SELECT i.ch, i.sha, e.seq FROM input i
      JOIN events e ON e.channel_id = i.ch AND e.body_sha256 = i.sha
      WHERE i.nth = 1
    ),
    fresh AS (
      SELECT i.*, b.s + row_number() OVER (PARTITION BY i.ch ORDER BY i.o) AS seq
      FROM input i
      JOIN unnest(ids, before) AS b(id, s) ON b.id = i.ch
      WHERE i.nth = 1 AND NOT EXISTS (SELECT 1 FROM known k WHERE k.ch = i.ch AND k.sha = i.sha)
    ),
    ins AS (
      INSERT INTO events (channel_id, seq, received_at, content_type, headers, body, body_sha256)
      SELECT f.ch, f.seq, f.rat, f.ct, f.hd, substring(p_bodies FROM f.off + 1 FOR f.len), f.sha FROM fresh f
    ),
    -- The notification job of each new delivery to a branch of a business, in the same commit
    -- (DESIGN.md §8); the relay's own events (vnd.frontdesk) notify no one.
    jobs AS (
      INSERT INTO notify_jobs (source_key, channel_id, seq, created_at)
      SELECT 'evt:' || f.ch || ':' || f.seq, f.ch, f.seq, f.rat FROM fresh f
      JOIN business_channels bc ON bc.channel_id = f.ch
      WHERE f.ct NOT LIKE 'application/vnd.frontdesk.%'
    ),
    -- A desk event sets its field of the channel's desk state; of two in one batch setting the
    -- same field, the later seq (one row each: ON CONFLICT may touch a row once per statement).
    state AS (
      INSERT INTO desk_state (channel_id, field, seq, body)
      SELECT DISTINCT ON (f.ch, f.df) f.ch, f.df, f.seq,
             convert_from(substring(p_bodies FROM f.off + 1 FOR f.len), 'UTF8')
      FROM fresh f WHERE f.df IS NOT NULL
      ORDER BY f.ch, f.df, f.seq DESC
      ON CONFLICT (channel_id, field) DO UPDATE SET seq = EXCLUDED.seq, body = EXCLUDED.body
      WHERE desk_state.seq < EXCLUDED.seq
    ),
    bump AS (
      UPDATE channels c SET last_seq = m.top
      FROM (SELECT f.ch, max(f.seq) AS top FROM fresh f GROUP BY f.ch) m WHERE c.id = m.ch
    )
    SELECT coalesce(f.seq, k.seq), f.seq IS NULL OR i.nth > 1
    FROM input i
    LEFT JOIN fresh f ON f.ch = i.ch AND f.sha = i.sha
    LEFT JOIN known k ON k.ch = i.ch AND k.sha = i.sha
    ORDER BY i.o;
    -- Delivered at commit, to every instance listening.
    PERFORM pg_notify('relay_events', c.id || ':' || c.last_seq)
    FROM channels c JOIN unnest(ids, before) AS b(id, s) ON b.id = c.id
    WHERE c.last_seq > b.s;
  END
  $fn$;
  `,
]
