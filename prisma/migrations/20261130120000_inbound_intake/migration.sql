-- Callback intake in one statement (issue 7 item 6, issue 8 wire 2/3, security 1/7/11).

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

-- 万网 refused a resend as a duplicate: it has the order; we wait for its callbacks.
ALTER TABLE "pretrial_orders" ADD COLUMN "vendor_has_order_at" TIMESTAMPTZ(3);

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

---------------------------------------------------------------------------------------------
-- Pretrial (万网): "never backwards" and the four callbacks, each one function.
---------------------------------------------------------------------------------------------

-- Mirrors STATUS_RANK in lib/pretrial/status.ts (a test compares the two).
CREATE FUNCTION pretrial_status_rank(s "PretrialStatus") RETURNS INTEGER
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE s
        WHEN 'SUBMITTING' THEN 0 WHEN 'REJECTED' THEN 1 WHEN 'AWAITING_SIGNATURE' THEN 2 WHEN 'SIGNED' THEN 3
        WHEN 'PBOC_REQUESTED' THEN 4 WHEN 'PBOC_PULLED' THEN 5 WHEN 'BIGDATA_RETURNED' THEN 6 WHEN 'ERROR' THEN 7
        WHEN 'PASSED' THEN 8 WHEN 'FAILED' THEN 8 END
$$;

CREATE FUNCTION pretrial_advance(current_status "PretrialStatus", candidate "PretrialStatus") RETURNS "PretrialStatus"
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN pretrial_status_rank(candidate) > pretrial_status_rank(current_status) THEN candidate ELSE current_status END
$$;

-- The order is known under both its ids now: apply what waited for either.
CREATE FUNCTION pretrial_release_waiting(p_outside_order_id TEXT, p_query_sn TEXT) RETURNS INTEGER
LANGUAGE sql AS $$
    SELECT inbox_release_waiting(ARRAY['wanwang:outside:' || p_outside_order_id, 'wanwang:querySn:' || coalesce(p_query_sn, '')])
$$;

-- signed (type 0–3): timeline entry in vendor time; status only forward; adopts the querySn.
CREATE FUNCTION pretrial_apply_signed(p_event_id BIGINT, a JSONB)
RETURNS TABLE (outcome TEXT, target_type TEXT, target_id TEXT, wait_key TEXT, detail TEXT)
LANGUAGE plpgsql AS $$
DECLARE
    o RECORD;
    v_type INTEGER := (a->>'type')::INTEGER;
    v_candidate "PretrialStatus" := CASE v_type WHEN 0 THEN 'SIGNED' WHEN 1 THEN 'PBOC_REQUESTED' WHEN 2 THEN 'PBOC_PULLED' WHEN 3 THEN 'BIGDATA_RETURNED' END;
BEGIN
    SELECT id, outside_order_id, query_sn, status INTO o FROM pretrial_orders WHERE outside_order_id = a->>'outsideOrderId' FOR UPDATE;
    IF NOT FOUND THEN
        RETURN QUERY SELECT 'unmatched', NULL::TEXT, NULL::TEXT, 'wanwang:outside:' || (a->>'outsideOrderId'), 'unknown outsideOrderId ' || (a->>'outsideOrderId');
        RETURN;
    END IF;
    INSERT INTO pretrial_events (order_id, kind, signed_type, message, data, occurred_at, inbound_event_id)
    VALUES (o.id, 'SIGNED', v_type, a->>'message',
            jsonb_build_object('typeDesc', a->'typeDesc', 'reuseFlag', a->'reuseFlag', 'querySn', a->'querySn'),
            to_timestamp((a->>'time')::NUMERIC / 1000), p_event_id)
    ON CONFLICT (inbound_event_id) DO NOTHING;
    UPDATE pretrial_orders SET
        status = CASE WHEN v_candidate IS NULL THEN status ELSE pretrial_advance(status, v_candidate) END,
        signed_type = greatest(coalesce(signed_type, -1), v_type),
        query_sn = coalesce(query_sn, a->>'querySn'),
        updated_at = now()
    WHERE id = o.id;
    IF o.query_sn IS NULL THEN PERFORM pretrial_release_waiting(o.outside_order_id, a->>'querySn'); END IF;
    RETURN QUERY SELECT 'processed', 'pretrialOrder', o.id, NULL::TEXT, NULL::TEXT;
END $$;

-- errorSync: the platform gave up. A decided order keeps its status and its errReason
-- (issue 8, security 11); the message is on the timeline either way.
CREATE FUNCTION pretrial_apply_error_sync(p_event_id BIGINT, a JSONB)
RETURNS TABLE (outcome TEXT, target_type TEXT, target_id TEXT, wait_key TEXT, detail TEXT)
LANGUAGE plpgsql AS $$
DECLARE
    o RECORD;
BEGIN
    SELECT id, outside_order_id, query_sn, status INTO o FROM pretrial_orders WHERE outside_order_id = a->>'outsideOrderId' FOR UPDATE;
    IF NOT FOUND THEN
        RETURN QUERY SELECT 'unmatched', NULL::TEXT, NULL::TEXT, 'wanwang:outside:' || (a->>'outsideOrderId'), 'unknown outsideOrderId ' || (a->>'outsideOrderId');
        RETURN;
    END IF;
    INSERT INTO pretrial_events (order_id, kind, message, data, occurred_at, inbound_event_id)
    VALUES (o.id, 'ERROR_SYNC', a->>'message', jsonb_build_object('querySn', a->'querySn'), inbox_received_at(p_event_id), p_event_id)
    ON CONFLICT (inbound_event_id) DO NOTHING;
    UPDATE pretrial_orders SET
        status = pretrial_advance(status, 'ERROR'),
        err_reason = CASE WHEN status IN ('PASSED', 'FAILED', 'REJECTED') THEN err_reason ELSE a->>'message' END,
        query_sn = coalesce(query_sn, a->>'querySn'),
        updated_at = now()
    WHERE id = o.id;
    IF o.query_sn IS NULL THEN PERFORM pretrial_release_waiting(o.outside_order_id, a->>'querySn'); END IF;
    RETURN QUERY SELECT 'processed', 'pretrialOrder', o.id, NULL::TEXT, NULL::TEXT;
END $$;

-- wechatShare: names the order by querySn only, so it waits until the querySn is known.
CREATE FUNCTION pretrial_apply_wechat_share(p_event_id BIGINT, a JSONB)
RETURNS TABLE (outcome TEXT, target_type TEXT, target_id TEXT, wait_key TEXT, detail TEXT)
LANGUAGE plpgsql AS $$
DECLARE
    o RECORD;
BEGIN
    SELECT id INTO o FROM pretrial_orders WHERE query_sn = a->>'querySn' FOR UPDATE;
    IF NOT FOUND THEN
        -- Wait for a release of this key in flight, then look again with a fresh snapshot.
        PERFORM inbox_lock_wait_key('wanwang:querySn:' || (a->>'querySn'));
        SELECT id INTO o FROM pretrial_orders WHERE query_sn = a->>'querySn' FOR UPDATE;
    END IF;
    IF NOT FOUND THEN
        RETURN QUERY SELECT 'unmatched', NULL::TEXT, NULL::TEXT, 'wanwang:querySn:' || (a->>'querySn'), 'unknown querySn ' || (a->>'querySn');
        RETURN;
    END IF;
    INSERT INTO pretrial_events (order_id, kind, data, occurred_at, inbound_event_id)
    VALUES (o.id, 'WECHAT_SHARE', jsonb_build_object('markId', a->'markId', 'wechatShareUrl', a->'wechatShareUrl'), inbox_received_at(p_event_id), p_event_id)
    ON CONFLICT (inbound_event_id) DO NOTHING;
    UPDATE pretrial_orders SET
        wechat_share_url = a->>'wechatShareUrl',
        mark_id = a->>'markId',
        contract_url = coalesce(contract_url, a->>'contractUrl'),
        updated_at = now()
    WHERE id = o.id;
    RETURN QUERY SELECT 'processed', 'pretrialOrder', o.id, NULL::TEXT, NULL::TEXT;
END $$;

-- The platform's answer on a locked order (from pretrialResult or resultQuery): level,
-- pass/fail, the report raw and parsed, the capital providers. Status only forward.
CREATE FUNCTION pretrial_record_result(p_order_id TEXT, a JSONB, p_at TIMESTAMPTZ) RETURNS BOOLEAN
LANGUAGE plpgsql AS $$
DECLARE
    v_pass INTEGER := (a->>'pretrialStatus')::INTEGER;
BEGIN
    IF v_pass IS NULL OR v_pass NOT IN (0, 1) THEN RETURN FALSE; END IF;
    INSERT INTO capital_providers AS c (id, platform, product_code, product_name, label_id, first_seen_at, last_seen_at)
    SELECT p.id, p.platform, p."saasPlatformCode", p."saasPlatformName", p."saasPlatformLabelId", p_at, p_at
    FROM jsonb_to_recordset(coalesce(a->'platformData', '[]')) AS p(id TEXT, platform TEXT, "saasPlatformCode" TEXT, "saasPlatformName" TEXT, "saasPlatformLabelId" TEXT)
    ON CONFLICT (id) DO UPDATE SET platform = excluded.platform, product_code = excluded.product_code, product_name = excluded.product_name,
        label_id = excluded.label_id, last_seen_at = excluded.last_seen_at;
    INSERT INTO pretrial_recommendations (order_id, capital_id, position)
    SELECT p_order_id, p.value->>'id', (p.ordinality - 1)::INTEGER
    FROM jsonb_array_elements(coalesce(a->'platformData', '[]')) WITH ORDINALITY AS p(value, ordinality)
    ON CONFLICT (order_id, capital_id) DO NOTHING;
    UPDATE pretrial_orders SET
        status = pretrial_advance(status, CASE WHEN v_pass = 1 THEN 'PASSED' ELSE 'FAILED' END::"PretrialStatus"),
        customer_level = a->>'customerLevel',
        pretrial_status = v_pass,
        person_report_raw = a->>'personReportRaw',
        person_report = a->'personReport',
        err_reason = coalesce(a->>'errReason', err_reason),
        result_at = coalesce(result_at, p_at),
        updated_at = now()
    WHERE id = p_order_id;
    RETURN TRUE;
END $$;

-- pretrialResult: the final answer; adopts the querySn.
CREATE FUNCTION pretrial_apply_result(p_event_id BIGINT, a JSONB)
RETURNS TABLE (outcome TEXT, target_type TEXT, target_id TEXT, wait_key TEXT, detail TEXT)
LANGUAGE plpgsql AS $$
DECLARE
    o RECORD;
    v_at TIMESTAMPTZ;
BEGIN
    SELECT id, outside_order_id, query_sn INTO o FROM pretrial_orders WHERE outside_order_id = a->>'outsideOrderId' FOR UPDATE;
    IF NOT FOUND THEN
        RETURN QUERY SELECT 'unmatched', NULL::TEXT, NULL::TEXT, 'wanwang:outside:' || (a->>'outsideOrderId'), 'unknown outsideOrderId ' || (a->>'outsideOrderId');
        RETURN;
    END IF;
    v_at := inbox_received_at(p_event_id);
    INSERT INTO pretrial_events (order_id, kind, data, occurred_at, inbound_event_id)
    VALUES (o.id, 'RESULT', jsonb_build_object('customerLevel', a->'customerLevel', 'pretrialStatus', a->'pretrialStatus',
            'capitalCount', jsonb_array_length(coalesce(a->'platformData', '[]')), 'querySn', a->'querySn'), v_at, p_event_id)
    ON CONFLICT (inbound_event_id) DO NOTHING;
    UPDATE pretrial_orders SET query_sn = coalesce(query_sn, a->>'querySn'), updated_at = now() WHERE id = o.id;
    PERFORM pretrial_record_result(o.id, a - 'errReason', v_at);
    IF o.query_sn IS NULL THEN PERFORM pretrial_release_waiting(o.outside_order_id, a->>'querySn'); END IF;
    RETURN QUERY SELECT 'processed', 'pretrialOrder', o.id, NULL::TEXT, NULL::TEXT;
END $$;

-- The netCredit answer: never lowers the status (a signed callback may have overtaken it) and
-- never replaces a querySn or signing link a callback already brought.
CREATE FUNCTION pretrial_accept_net_credit(p_order_id TEXT, p_query_sn TEXT, p_contract_url TEXT) RETURNS "PretrialStatus"
LANGUAGE plpgsql AS $$
DECLARE
    o RECORD;
BEGIN
    UPDATE pretrial_orders SET
        status = pretrial_advance(status, 'AWAITING_SIGNATURE'),
        query_sn = coalesce(query_sn, p_query_sn),
        contract_url = coalesce(contract_url, p_contract_url),
        submitted_at = coalesce(submitted_at, now()),
        submit_claimed_at = NULL,
        last_error = NULL,
        vendor_has_order_at = NULL,
        updated_at = now()
    WHERE id = p_order_id
    RETURNING outside_order_id, query_sn, status INTO o;
    PERFORM pretrial_release_waiting(o.outside_order_id, o.query_sn);
    RETURN o.status;
END $$;
