-- Lists at a million rows (docs/lists.md): every sort is `(key, id)` so keyset paging reads an
-- index range, every selective filter has an index that starts with it, and the home page's
-- counts have (status, result_at) and (status, updated_at).

-- Pretrial orders. The (created_at), (officer_id, created_at) and (status, created_at) indexes
-- become (…, id): same prefix, plus the tie-break keyset paging needs.
DROP INDEX "pretrial_orders_created_at_idx";
DROP INDEX "pretrial_orders_officer_id_created_at_idx";
DROP INDEX "pretrial_orders_status_created_at_idx";
CREATE INDEX "pretrial_orders_created_at_id_idx" ON "pretrial_orders"("created_at", "id");
CREATE INDEX "pretrial_orders_status_created_at_id_idx" ON "pretrial_orders"("status", "created_at", "id");
CREATE INDEX "pretrial_orders_officer_id_created_at_id_idx" ON "pretrial_orders"("officer_id", "created_at", "id");
CREATE INDEX "pretrial_orders_officer_id_status_created_at_idx" ON "pretrial_orders"("officer_id", "status", "created_at");
CREATE INDEX "pretrial_orders_status_result_at_idx" ON "pretrial_orders"("status", "result_at");
CREATE INDEX "pretrial_orders_status_updated_at_idx" ON "pretrial_orders"("status", "updated_at");

-- Dealer substring search. pg_trgm is installed with PostgreSQL, but the console's cluster runs
-- with the C locale, where pg_trgm sees no word characters in Chinese text (show_trgm('成都恒信')
-- is empty), so a trigram index cannot serve 成都恒信. Instead: every character and every pair of
-- adjacent characters of the lower-cased (ASCII) name, in a GIN array index. A query of two or
-- more characters must contain all of its pairs; one character, that character. ILIKE then
-- checks the real substring, so the index only narrows.
CREATE FUNCTION "text_ngrams"(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}'::text[]) FROM (
    SELECT substr(lower(t), i, 1) AS g FROM generate_series(1, length(t)) AS i
    UNION ALL
    SELECT substr(lower(t), i, 2) FROM generate_series(1, length(t) - 1) AS i
  ) s
$$;
CREATE INDEX "pretrial_orders_dealer_name_ngrams_idx" ON "pretrial_orders" USING GIN ("text_ngrams"("dealer_name"));

-- Risk score requests: keyset on (created_at, id); status with the columns the score chart
-- needs, so the chart over its default window is an index-only scan; score sorts keep
-- unscored requests last in both directions.
DROP INDEX "risk_score_requests_created_at_idx";
DROP INDEX "risk_score_requests_requested_by_id_created_at_idx";
CREATE INDEX "risk_score_requests_created_at_id_idx" ON "risk_score_requests"("created_at", "id");
CREATE INDEX "risk_score_requests_requested_by_id_created_at_id_idx" ON "risk_score_requests"("requested_by_id", "created_at", "id");
CREATE INDEX "risk_score_requests_status_created_at_id_idx" ON "risk_score_requests"("status", "created_at", "id") INCLUDE ("score", "channel_kind", "decision");
CREATE INDEX "risk_score_requests_score_asc_idx" ON "risk_score_requests"((COALESCE("score", 1000000000)), "id");
CREATE INDEX "risk_score_requests_score_desc_idx" ON "risk_score_requests"((COALESCE("score", -1000000000)), "id");

-- Callback inbox list: keyset on (received_at, id); the status filter alone (failed, unmatched)
-- and the event-key substring (ASCII keys, so trigrams work here).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
DROP INDEX "inbound_events_received_at_idx";
CREATE INDEX "inbound_events_received_at_id_idx" ON "inbound_events"("received_at", "id");
CREATE INDEX "inbound_events_status_received_at_id_idx" ON "inbound_events"("status", "received_at", "id");
CREATE INDEX "inbound_events_event_key_trgm_idx" ON "inbound_events" USING GIN ("event_key" gin_trgm_ops);

-- Audit log: keyset on (at, id); filters by actor name, outcome and target id.
DROP INDEX "audit_logs_at_idx";
CREATE INDEX "audit_logs_at_id_idx" ON "audit_logs"("at", "id");
CREATE INDEX "audit_logs_actor_name_at_idx" ON "audit_logs"("actor_name", "at");
CREATE INDEX "audit_logs_outcome_at_idx" ON "audit_logs"("outcome", "at");
CREATE INDEX "audit_logs_target_id_idx" ON "audit_logs"("target_id");

-- Capital figures over a recent window (lib/capital/queries.ts): recommendations by time,
-- carrying what the count needs so the range is read from the index alone.
CREATE INDEX "pretrial_recommendations_created_at_idx" ON "pretrial_recommendations"("created_at") INCLUDE ("capital_id", "order_id");
