-- The 万网 callbacks as SQL applies for inbox_intake (issue 7 item 6), and "never backwards"
-- in SQL for the netCredit answer too (issue 8 wire 2 and 3, security 11).

-- 万网 refused a resend as a duplicate: it has the order; we wait for its callbacks.
ALTER TABLE "pretrial_orders" ADD COLUMN "vendor_has_order_at" TIMESTAMPTZ(3);

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
