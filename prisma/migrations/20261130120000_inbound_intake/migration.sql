-- Callback intake in one statement (issue 7 item 6; issue 8 security 1 and 7): the inbox side.
-- The areas' apply functions follow in their own migrations (pretrial: 20261130120100).

-- Raw bodies as bytes, still encrypted (lib/inbox/body.ts): a NUL byte or any other byte a
-- vendor sends is kept as sent. Rows written before this migration hold the text token.
ALTER TABLE "inbound_events" ALTER COLUMN "body_encrypted" TYPE BYTEA USING convert_to("body_encrypted", 'UTF8');

-- An event that names a record we do not know yet waits under a key (e.g. `wanwang:querySn:ZX…`)
-- with the SQL apply it needs, and is applied by itself when that record becomes known.
ALTER TABLE "inbound_events" ADD COLUMN "wait_key" TEXT, ADD COLUMN "pending_apply" JSONB;
CREATE INDEX "inbound_events_waiting_idx" ON "inbound_events"("wait_key") WHERE "status" = 'UNMATCHED';

-- Refused credentials per source and minute: past a threshold they are only counted here.
CREATE TABLE "inbound_refusal_counts" (
    "source" TEXT NOT NULL,
    "minute" TIMESTAMPTZ(0) NOT NULL,
    "refused" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "inbound_refusal_counts_pkey" PRIMARY KEY ("source", "minute")
);

---------------------------------------------------------------------------------------------
-- Inbox: record, dedupe, apply.
---------------------------------------------------------------------------------------------

-- Records one delivery. A replay of a live event lands as a DUPLICATE row pointing at the first.
-- The lookup repeats the partial unique index's predicate literally, so it is an index scan
-- whatever the inbox size (a cast on `status` would hide the index from the planner).
CREATE FUNCTION inbox_record(
    p_source TEXT, p_event_type TEXT, p_event_key TEXT, p_method TEXT, p_path TEXT,
    p_headers JSONB, p_body BYTEA, p_masked TEXT, p_ip TEXT, p_status "InboundStatus" DEFAULT 'RECEIVED', p_error TEXT DEFAULT NULL
) RETURNS TABLE (event_id BIGINT, duplicate_of BIGINT, original_status TEXT)
LANGUAGE plpgsql AS $$
DECLARE
    v_id BIGINT;
    v_original BIGINT;
    v_original_status TEXT;
BEGIN
    INSERT INTO inbound_events (source, event_type, event_key, status, signature_ok, method, path, headers, body_encrypted, body_masked, remote_ip, last_error)
    VALUES (p_source, p_event_type, p_event_key, p_status, TRUE, p_method, p_path, p_headers, p_body, p_masked, p_ip, p_error)
    ON CONFLICT (source, event_type, event_key) WHERE event_key IS NOT NULL AND status NOT IN ('DUPLICATE', 'REJECTED') DO NOTHING
    RETURNING id INTO v_id;
    IF v_id IS NOT NULL THEN
        RETURN QUERY SELECT v_id, NULL::BIGINT, NULL::TEXT;
        RETURN;
    END IF;
    SELECT e.id, e.status::TEXT INTO v_original, v_original_status
    FROM inbound_events e
    WHERE e.source = p_source AND e.event_type = p_event_type AND e.event_key = p_event_key
      AND e.event_key IS NOT NULL AND e.status NOT IN ('DUPLICATE', 'REJECTED');
    INSERT INTO inbound_events (source, event_type, event_key, status, signature_ok, method, path, headers, body_encrypted, body_masked, remote_ip, duplicate_of_id, processed_at)
    VALUES (p_source, p_event_type, p_event_key, 'DUPLICATE', TRUE, p_method, p_path, p_headers, p_body, p_masked, p_ip, v_original, now())
    RETURNING id INTO v_id;
    RETURN QUERY SELECT v_id, v_original, v_original_status;
END $$;

-- Applies one stored event with an area's SQL function `p_fn(event_id, args)`, which returns
-- (outcome 'processed'|'unmatched', target_type, target_id, wait_key, detail). The event row is
-- locked first, so re-runs on several replicas apply one after the other. A failure of the
-- area function is caught (its changes are rolled back) and leaves the event FAILED with the
-- error, still recorded, for the worker to retry.
CREATE FUNCTION inbox_apply(p_event_id BIGINT, p_fn TEXT, p_args JSONB)
RETURNS TABLE (event_id BIGINT, outcome TEXT, detail TEXT)
LANGUAGE plpgsql AS $$
DECLARE
    v_status TEXT;
    r RECORD;
BEGIN
    SELECT e.status::TEXT INTO v_status FROM inbound_events e WHERE e.id = p_event_id FOR UPDATE;
    IF v_status IS NULL OR v_status IN ('DUPLICATE', 'REJECTED') THEN
        RETURN QUERY SELECT p_event_id, 'skipped'::TEXT, coalesce(lower(v_status), 'no such event');
        RETURN;
    END IF;
    BEGIN
        EXECUTE format('SELECT * FROM %I($1, $2)', p_fn) INTO r USING p_event_id, p_args;
    EXCEPTION WHEN OTHERS THEN
        UPDATE inbound_events SET status = 'FAILED', attempts = attempts + 1, last_error = left(SQLERRM, 1000),
            pending_apply = jsonb_build_object('fn', p_fn, 'args', p_args)
        WHERE id = p_event_id;
        RETURN QUERY SELECT p_event_id, 'failed'::TEXT, SQLERRM;
        RETURN;
    END;
    IF r.outcome = 'processed' THEN
        UPDATE inbound_events SET status = 'PROCESSED', target_type = r.target_type, target_id = r.target_id, processed_at = now(),
            attempts = attempts + 1, last_error = NULL, wait_key = NULL, pending_apply = NULL
        WHERE id = p_event_id;
    ELSE
        UPDATE inbound_events SET status = 'UNMATCHED', attempts = attempts + 1, last_error = r.detail, wait_key = r.wait_key,
            pending_apply = jsonb_build_object('fn', p_fn, 'args', p_args)
        WHERE id = p_event_id;
    END IF;
    RETURN QUERY SELECT p_event_id, r.outcome::TEXT, r.detail::TEXT;
END $$;

-- The whole intake of one delivery, one statement, one round trip:
--  * a replay (found by the partial unique index before any work) lands as a DUPLICATE row;
--    a replay of an event still UNMATCHED is applied again (its record may exist by now);
--  * a new event with an SQL apply is applied first and then inserted once, with its final
--    status: no second write of the row (an UPDATE would touch every index again). If a
--    concurrent delivery of the same event inserted first, the apply is rolled back and this
--    delivery is a DUPLICATE; if the apply fails, the delivery is kept as FAILED for a retry;
--  * an event without an SQL apply is recorded RECEIVED for its TypeScript handler.
CREATE FUNCTION inbox_intake(
    p_source TEXT, p_event_type TEXT, p_event_key TEXT, p_method TEXT, p_path TEXT,
    p_headers JSONB, p_body BYTEA, p_masked TEXT, p_ip TEXT, p_fn TEXT, p_args JSONB
) RETURNS TABLE (event_id BIGINT, outcome TEXT, detail TEXT)
LANGUAGE plpgsql AS $$
DECLARE
    v_id BIGINT;
    v_inserted BIGINT;
    v_original BIGINT;
    r RECORD;
    rec RECORD;
BEGIN
    SELECT e.id INTO v_original FROM inbound_events e
    WHERE e.source = p_source AND e.event_type = p_event_type AND e.event_key = p_event_key
      AND e.event_key IS NOT NULL AND e.status NOT IN ('DUPLICATE', 'REJECTED');
    IF v_original IS NULL AND p_fn IS NOT NULL THEN
        v_id := nextval('inbound_events_id_seq');
        BEGIN
            EXECUTE format('SELECT * FROM %I($1, $2)', p_fn) INTO r USING v_id, p_args;
            INSERT INTO inbound_events (id, source, event_type, event_key, status, signature_ok, method, path, headers, body_encrypted, body_masked,
                                        remote_ip, target_type, target_id, wait_key, pending_apply, last_error, attempts, processed_at)
            VALUES (v_id, p_source, p_event_type, p_event_key, CASE WHEN r.outcome = 'processed' THEN 'PROCESSED' ELSE 'UNMATCHED' END::"InboundStatus",
                    TRUE, p_method, p_path, p_headers, p_body, p_masked, p_ip, r.target_type, r.target_id, r.wait_key,
                    CASE WHEN r.outcome = 'processed' THEN NULL ELSE jsonb_build_object('fn', p_fn, 'args', p_args) END,
                    r.detail, 1, CASE WHEN r.outcome = 'processed' THEN now() END)
            ON CONFLICT (source, event_type, event_key) WHERE event_key IS NOT NULL AND status NOT IN ('DUPLICATE', 'REJECTED') DO NOTHING
            RETURNING id INTO v_inserted;
            IF v_inserted IS NULL THEN
                RAISE EXCEPTION USING ERRCODE = 'CO001', MESSAGE = 'a concurrent delivery of this event was recorded first';
            END IF;
            RETURN QUERY SELECT v_id, r.outcome::TEXT, r.detail::TEXT;
            RETURN;
        EXCEPTION
            WHEN SQLSTATE 'CO001' THEN
                NULL; -- recorded below as a DUPLICATE of the winner
            WHEN OTHERS THEN
                SELECT * INTO rec FROM inbox_record(p_source, p_event_type, p_event_key, p_method, p_path, p_headers, p_body, p_masked, p_ip, 'FAILED', left(SQLERRM, 1000));
                RETURN QUERY SELECT rec.event_id, CASE WHEN rec.duplicate_of IS NULL THEN 'failed' ELSE 'duplicate' END, SQLERRM;
                RETURN;
        END;
    END IF;
    SELECT * INTO rec FROM inbox_record(p_source, p_event_type, p_event_key, p_method, p_path, p_headers, p_body, p_masked, p_ip);
    IF rec.duplicate_of IS NULL THEN
        RETURN QUERY SELECT rec.event_id, 'recorded'::TEXT, NULL::TEXT;
    ELSIF rec.original_status = 'UNMATCHED' AND p_fn IS NOT NULL THEN
        RETURN QUERY SELECT * FROM inbox_apply(rec.duplicate_of, p_fn, p_args);
    ELSE
        RETURN QUERY SELECT rec.event_id, 'duplicate'::TEXT, NULL::TEXT;
    END IF;
END $$;

-- A refused credential: counted per source and minute; the first p_keep of a minute are also
-- stored as REJECTED rows (headers and a truncated body), the rest only counted, so an
-- unauthenticated caller cannot fill the database.
CREATE FUNCTION inbox_refuse(
    p_source TEXT, p_event_type TEXT, p_method TEXT, p_path TEXT, p_headers JSONB, p_body BYTEA, p_masked TEXT, p_ip TEXT, p_keep INTEGER
) RETURNS TABLE (stored BOOLEAN, refused_this_minute INTEGER)
LANGUAGE plpgsql AS $$
DECLARE
    v_count INTEGER;
BEGIN
    INSERT INTO inbound_refusal_counts AS c (source, minute, refused) VALUES (p_source, date_trunc('minute', now()), 1)
    ON CONFLICT (source, minute) DO UPDATE SET refused = c.refused + 1
    RETURNING c.refused INTO v_count;
    IF v_count <= p_keep THEN
        INSERT INTO inbound_events (source, event_type, status, signature_ok, method, path, headers, body_encrypted, body_masked, remote_ip)
        VALUES (p_source, p_event_type, 'REJECTED', FALSE, p_method, p_path, p_headers, p_body, p_masked, p_ip);
    END IF;
    RETURN QUERY SELECT v_count <= p_keep, v_count;
END $$;

-- When the event arrived: its row's received_at, or now() while the intake applies it before
-- inserting the row (the same instant: received_at defaults to the transaction's start).
CREATE FUNCTION inbox_received_at(p_event_id BIGINT) RETURNS TIMESTAMPTZ
LANGUAGE sql STABLE AS $$ SELECT coalesce((SELECT received_at FROM inbound_events WHERE id = p_event_id), now()) $$;

-- Serialises "this event waits under key K" with "K is known now, release its waiters": without
-- it, a release could scan before a concurrent waiter commits and miss it for good.
CREATE FUNCTION inbox_lock_wait_key(p_key TEXT) RETURNS VOID
LANGUAGE sql AS $$ SELECT pg_advisory_xact_lock(hashtext('inbox-wait:' || p_key)) $$;

-- Applies, in the caller's transaction, every event waiting under one of these keys. A waiter
-- locked by someone else (a replay re-applying it right now) is skipped: that one sees the key
-- known once we commit, and applies it itself.
CREATE FUNCTION inbox_release_waiting(p_keys TEXT[]) RETURNS INTEGER
LANGUAGE plpgsql AS $$
DECLARE
    e RECORD;
    k TEXT;
    n INTEGER := 0;
BEGIN
    FOREACH k IN ARRAY p_keys LOOP PERFORM inbox_lock_wait_key(k); END LOOP;
    FOR e IN SELECT id, pending_apply FROM inbound_events
             WHERE status = 'UNMATCHED' AND wait_key = ANY (p_keys) AND pending_apply IS NOT NULL ORDER BY id
             FOR UPDATE SKIP LOCKED
    LOOP
        PERFORM inbox_apply(e.id, e.pending_apply->>'fn', e.pending_apply->'args');
        n := n + 1;
    END LOOP;
    RETURN n;
END $$;
