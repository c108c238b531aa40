-- A cheaper callback intake (same rules as 20261130120000_inbound_intake and 20261130120100):
--  * the event key is locked first (a transaction-scoped advisory lock on its hash), so the
--    replay lookup and the insert of a new event cannot race: a concurrent delivery of the same
--    event waits, then finds the winner's row and lands as a DUPLICATE. No ON CONFLICT escape
--    and no subtransaction on the common path (new event, apply succeeds);
--  * an apply that fails raises out of the statement (its changes roll back with it); the caller
--    then records the delivery FAILED for a retry with inbox_record (lib/inbox/record.ts);
--  * the known area applies are called statically (PL/pgSQL caches their plans), others by name;
--  * pretrial_apply_signed locks and updates its order in one UPDATE … RETURNING old.query_sn;
--  * the (target_type, target_id) index on inbound_events, which no query reads, is dropped.

DROP INDEX IF EXISTS "inbound_events_target_type_target_id_idx";

-- An area apply by name: the four pretrial ones statically, any other through EXECUTE.
CREATE FUNCTION inbox_call_apply(p_fn TEXT, p_event_id BIGINT, p_args JSONB)
RETURNS TABLE (outcome TEXT, target_type TEXT, target_id TEXT, wait_key TEXT, detail TEXT)
LANGUAGE plpgsql AS $$
BEGIN
    CASE p_fn
        WHEN 'pretrial_apply_signed' THEN RETURN QUERY SELECT * FROM pretrial_apply_signed(p_event_id, p_args);
        WHEN 'pretrial_apply_result' THEN RETURN QUERY SELECT * FROM pretrial_apply_result(p_event_id, p_args);
        WHEN 'pretrial_apply_error_sync' THEN RETURN QUERY SELECT * FROM pretrial_apply_error_sync(p_event_id, p_args);
        WHEN 'pretrial_apply_wechat_share' THEN RETURN QUERY SELECT * FROM pretrial_apply_wechat_share(p_event_id, p_args);
        ELSE RETURN QUERY EXECUTE format('SELECT * FROM %I($1, $2)', p_fn) USING p_event_id, p_args;
    END CASE;
END $$;

-- Serialises the deliveries of one event (source, type, key) until the transaction ends.
CREATE FUNCTION inbox_lock_event(p_source TEXT, p_event_type TEXT, p_event_key TEXT) RETURNS VOID
LANGUAGE sql AS $$
    SELECT pg_advisory_xact_lock(hashtextextended('inbox-event:' || p_source || ':' || p_event_type || ':' || p_event_key, 0))
    WHERE p_event_key IS NOT NULL
$$;

-- The whole intake of one delivery, one statement (see the header for what changed):
--  * a replay lands as a DUPLICATE row; a replay of an event still UNMATCHED is applied again;
--  * a new event with an SQL apply is applied first and then inserted once, with its final status;
--  * an event without an SQL apply is recorded RECEIVED for its TypeScript handler.
-- Every writer of a keyed live row goes through this function, inbox_record (keyless or
-- FAILED after this function raised: it keeps its ON CONFLICT) or inbox_refuse (no key).
CREATE OR REPLACE FUNCTION inbox_intake(
    p_source TEXT, p_event_type TEXT, p_event_key TEXT, p_method TEXT, p_path TEXT,
    p_headers JSONB, p_body BYTEA, p_masked TEXT, p_ip TEXT, p_fn TEXT, p_args JSONB
) RETURNS TABLE (event_id BIGINT, outcome TEXT, detail TEXT)
LANGUAGE plpgsql AS $$
DECLARE
    v_id BIGINT;
    v_original BIGINT;
    v_original_status TEXT;
    r RECORD;
BEGIN
    PERFORM inbox_lock_event(p_source, p_event_type, p_event_key);
    SELECT e.id, e.status::TEXT INTO v_original, v_original_status FROM inbound_events e
    WHERE e.source = p_source AND e.event_type = p_event_type AND e.event_key = p_event_key
      AND e.event_key IS NOT NULL AND e.status NOT IN ('DUPLICATE', 'REJECTED');
    IF v_original IS NULL AND p_fn IS NOT NULL THEN
        v_id := nextval('inbound_events_id_seq');
        SELECT * INTO r FROM inbox_call_apply(p_fn, v_id, p_args);
        INSERT INTO inbound_events (id, source, event_type, event_key, status, signature_ok, method, path, headers, body_encrypted, body_masked,
                                    remote_ip, target_type, target_id, wait_key, pending_apply, last_error, attempts, processed_at)
        VALUES (v_id, p_source, p_event_type, p_event_key, CASE WHEN r.outcome = 'processed' THEN 'PROCESSED' ELSE 'UNMATCHED' END::"InboundStatus",
                TRUE, p_method, p_path, p_headers, p_body, p_masked, p_ip, r.target_type, r.target_id, r.wait_key,
                CASE WHEN r.outcome = 'processed' THEN NULL ELSE jsonb_build_object('fn', p_fn, 'args', p_args) END,
                r.detail, 1, CASE WHEN r.outcome = 'processed' THEN now() END);
        RETURN QUERY SELECT v_id, r.outcome::TEXT, r.detail::TEXT;
        RETURN;
    END IF;
    IF v_original IS NULL THEN
        INSERT INTO inbound_events (source, event_type, event_key, status, signature_ok, method, path, headers, body_encrypted, body_masked, remote_ip)
        VALUES (p_source, p_event_type, p_event_key, 'RECEIVED', TRUE, p_method, p_path, p_headers, p_body, p_masked, p_ip)
        RETURNING id INTO v_id;
        RETURN QUERY SELECT v_id, 'recorded'::TEXT, NULL::TEXT;
        RETURN;
    END IF;
    INSERT INTO inbound_events (source, event_type, event_key, status, signature_ok, method, path, headers, body_encrypted, body_masked, remote_ip, duplicate_of_id, processed_at)
    VALUES (p_source, p_event_type, p_event_key, 'DUPLICATE', TRUE, p_method, p_path, p_headers, p_body, p_masked, p_ip, v_original, now())
    RETURNING id INTO v_id;
    IF v_original_status = 'UNMATCHED' AND p_fn IS NOT NULL THEN
        RETURN QUERY SELECT * FROM inbox_apply(v_original, p_fn, p_args);
    ELSE
        RETURN QUERY SELECT v_id, 'duplicate'::TEXT, NULL::TEXT;
    END IF;
END $$;

-- After inbox_intake raised (its apply failed, all of it rolled back): the delivery is kept as
-- FAILED for a retry, or as a DUPLICATE if the event was recorded meanwhile.
CREATE FUNCTION inbox_record_failed(
    p_source TEXT, p_event_type TEXT, p_event_key TEXT, p_method TEXT, p_path TEXT,
    p_headers JSONB, p_body BYTEA, p_masked TEXT, p_ip TEXT, p_error TEXT
) RETURNS TABLE (event_id BIGINT, outcome TEXT, detail TEXT)
LANGUAGE plpgsql AS $$
DECLARE
    rec RECORD;
BEGIN
    PERFORM inbox_lock_event(p_source, p_event_type, p_event_key);
    SELECT * INTO rec FROM inbox_record(p_source, p_event_type, p_event_key, p_method, p_path, p_headers, p_body, p_masked, p_ip, 'FAILED', left(p_error, 1000));
    RETURN QUERY SELECT rec.event_id, CASE WHEN rec.duplicate_of IS NULL THEN 'failed' ELSE 'duplicate' END, p_error;
END $$;

-- Re-runs (worker, replays of an UNMATCHED event, releases): as before, with the static call.
CREATE OR REPLACE FUNCTION inbox_apply(p_event_id BIGINT, p_fn TEXT, p_args JSONB)
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
        SELECT * INTO r FROM inbox_call_apply(p_fn, p_event_id, p_args);
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

-- signed (type 0–3): the order is locked by its UPDATE (status only forward, adopts the querySn);
-- the querySn it had before tells whether waiters may be released now.
CREATE OR REPLACE FUNCTION pretrial_apply_signed(p_event_id BIGINT, a JSONB)
RETURNS TABLE (outcome TEXT, target_type TEXT, target_id TEXT, wait_key TEXT, detail TEXT)
LANGUAGE plpgsql AS $$
DECLARE
    o RECORD;
    v_type INTEGER := (a->>'type')::INTEGER;
    v_candidate "PretrialStatus" := CASE v_type WHEN 0 THEN 'SIGNED' WHEN 1 THEN 'PBOC_REQUESTED' WHEN 2 THEN 'PBOC_PULLED' WHEN 3 THEN 'BIGDATA_RETURNED' END;
BEGIN
    UPDATE pretrial_orders SET
        status = CASE WHEN v_candidate IS NULL THEN status ELSE pretrial_advance(status, v_candidate) END,
        signed_type = greatest(coalesce(signed_type, -1), v_type),
        query_sn = coalesce(query_sn, a->>'querySn'),
        updated_at = now()
    WHERE outside_order_id = a->>'outsideOrderId'
    RETURNING new.id, new.outside_order_id, old.query_sn AS old_query_sn INTO o;
    IF NOT FOUND THEN
        RETURN QUERY SELECT 'unmatched', NULL::TEXT, NULL::TEXT, 'wanwang:outside:' || (a->>'outsideOrderId'), 'unknown outsideOrderId ' || (a->>'outsideOrderId');
        RETURN;
    END IF;
    INSERT INTO pretrial_events (order_id, kind, signed_type, message, data, occurred_at, inbound_event_id)
    VALUES (o.id, 'SIGNED', v_type, a->>'message',
            jsonb_build_object('typeDesc', a->'typeDesc', 'reuseFlag', a->'reuseFlag', 'querySn', a->'querySn'),
            to_timestamp((a->>'time')::NUMERIC / 1000), p_event_id)
    ON CONFLICT (inbound_event_id) DO NOTHING;
    IF o.old_query_sn IS NULL THEN PERFORM pretrial_release_waiting(o.outside_order_id, a->>'querySn'); END IF;
    RETURN QUERY SELECT 'processed', 'pretrialOrder', o.id, NULL::TEXT, NULL::TEXT;
END $$;
