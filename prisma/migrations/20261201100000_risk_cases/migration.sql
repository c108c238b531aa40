-- Risk cases (issue 9): the vendor's cases with our workflow beside them, their vendor-side
-- history, append-only notes, sync runs (which double as the sync cursor), saved filters and
-- admin-named codes. Every list filter has an index that starts with it (docs/lists.md).

CREATE TYPE "RiskCaseStatus" AS ENUM ('NEW', 'INVESTIGATING', 'WAITING', 'CLOSED');
CREATE TYPE "RiskCaseConclusion" AS ENUM ('CONFIRMED_RISK', 'NO_RISK', 'RECTIFIED', 'DUPLICATE', 'OTHER');
CREATE TYPE "RiskCaseSyncKind" AS ENUM ('WINDOW', 'REFRESH');
CREATE TYPE "RiskCaseSyncStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED');

CREATE TABLE "risk_cases" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "case_no" TEXT NOT NULL,
    "merc_num" TEXT,
    "merc_name" TEXT,
    "merc_create_time" TIMESTAMPTZ(3),
    "agent_no" TEXT,
    "agent_name" TEXT,
    "first_agent_no" TEXT,
    "first_agent_name" TEXT,
    "level" TEXT,
    "risk_type_rules" TEXT,
    "type_no" TEXT,
    "risk_type_case_deal_way" TEXT,
    "case_deal_way" TEXT,
    "flow_node_key" TEXT,
    "audit_status" TEXT,
    "create_way" TEXT,
    "survey_way" TEXT,
    "survey_result" TEXT,
    "survey_remark" TEXT,
    "survey_time" TIMESTAMPTZ(3),
    "submit_time" TIMESTAMPTZ(3),
    "suggest" TEXT,
    "remark" TEXT,
    "term_no" TEXT,
    "prov_code" TEXT,
    "city_code" TEXT,
    "area_code" TEXT,
    "longitude" TEXT,
    "latitude" TEXT,
    "refer_orders" TEXT,
    "create_time" TIMESTAMPTZ(3) NOT NULL,
    "legal_person_enc" TEXT,
    "legal_person_idx" TEXT,
    "legal_person_masked" TEXT,
    "legal_phone_enc" TEXT,
    "legal_phone_idx" TEXT,
    "legal_phone_masked" TEXT,
    "card_no_enc" TEXT,
    "card_no_idx" TEXT,
    "card_no_masked" TEXT,
    "raw_enc" BYTEA NOT NULL,
    "schema_valid" BOOLEAN NOT NULL DEFAULT true,
    "schema_issues" TEXT,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_fetched_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "vendor_changed_at" TIMESTAMPTZ(3),
    "status" "RiskCaseStatus" NOT NULL DEFAULT 'NEW',
    "assignee_id" TEXT REFERENCES "users"("id") ON DELETE SET NULL,
    "conclusion" "RiskCaseConclusion",
    "conclusion_note" TEXT,
    "closed_at" TIMESTAMPTZ(3),
    "snoozed_until" TIMESTAMPTZ(3),
    "escalated_at" TIMESTAMPTZ(3),
    "escalation_reason" TEXT,
    "workflow_updated_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    -- A closed case always says why; an open one has no conclusion.
    CONSTRAINT "risk_cases_conclusion_when_closed" CHECK (("status" = 'CLOSED') = ("conclusion" IS NOT NULL))
);
CREATE UNIQUE INDEX "risk_cases_case_no_key" ON "risk_cases"("case_no");
-- Case-number prefix search (LIKE 'prefix%').
CREATE INDEX "risk_cases_case_no_pattern_idx" ON "risk_cases"("case_no" text_pattern_ops);
CREATE INDEX "risk_cases_create_time_id_idx" ON "risk_cases"("create_time", "id");
CREATE INDEX "risk_cases_status_create_time_id_idx" ON "risk_cases"("status", "create_time", "id");
CREATE INDEX "risk_cases_assignee_id_status_create_time_id_idx" ON "risk_cases"("assignee_id", "status", "create_time", "id");
-- Wide filters (a rule, a type, a province keep 5–30 % of the cases) carry `status`, so the
-- four status-tab counts under such a filter are index-only scans, not heap visits.
CREATE INDEX "risk_cases_merc_num_create_time_id_idx" ON "risk_cases"("merc_num", "create_time", "id");
CREATE INDEX "risk_cases_agent_no_create_time_id_idx" ON "risk_cases"("agent_no", "create_time", "id") INCLUDE ("status");
CREATE INDEX "risk_cases_risk_type_rules_create_time_id_idx" ON "risk_cases"("risk_type_rules", "create_time", "id") INCLUDE ("status");
CREATE INDEX "risk_cases_type_no_create_time_id_idx" ON "risk_cases"("type_no", "create_time", "id") INCLUDE ("status");
CREATE INDEX "risk_cases_audit_status_create_time_id_idx" ON "risk_cases"("audit_status", "create_time", "id") INCLUDE ("status");
CREATE INDEX "risk_cases_flow_node_key_create_time_id_idx" ON "risk_cases"("flow_node_key", "create_time", "id") INCLUDE ("status");
CREATE INDEX "risk_cases_case_deal_way_create_time_id_idx" ON "risk_cases"("case_deal_way", "create_time", "id") INCLUDE ("status");
-- Province and city each lead their own index: a province alone keeps ~10 % of the cases, too
-- many to sort, so the index must hand them over in (create_time, id) order.
CREATE INDEX "risk_cases_prov_code_create_time_id_idx" ON "risk_cases"("prov_code", "create_time", "id") INCLUDE ("status");
CREATE INDEX "risk_cases_city_code_create_time_id_idx" ON "risk_cases"("city_code", "create_time", "id") INCLUDE ("status");
CREATE INDEX "risk_cases_legal_phone_idx_idx" ON "risk_cases"("legal_phone_idx");
CREATE INDEX "risk_cases_last_fetched_at_idx" ON "risk_cases"("last_fetched_at");
-- Merchant and agent name substring search (Chinese: n-grams, see 20261130130000_list_indexes).
CREATE INDEX "risk_cases_merc_name_ngrams_idx" ON "risk_cases" USING GIN ("text_ngrams"("merc_name"));
CREATE INDEX "risk_cases_agent_name_ngrams_idx" ON "risk_cases" USING GIN ("text_ngrams"("agent_name"));
-- Small partial indexes: snoozed cases, open unassigned cases (home card), flagged records.
CREATE INDEX "risk_cases_snoozed_idx" ON "risk_cases"("snoozed_until") WHERE "snoozed_until" IS NOT NULL;
CREATE INDEX "risk_cases_open_unassigned_idx" ON "risk_cases"("create_time", "id") WHERE "assignee_id" IS NULL AND "status" <> 'CLOSED';
CREATE INDEX "risk_cases_escalated_idx" ON "risk_cases"("escalated_at") WHERE "escalated_at" IS NOT NULL AND "status" <> 'CLOSED';
CREATE INDEX "risk_cases_schema_invalid_idx" ON "risk_cases"("create_time", "id") WHERE NOT "schema_valid";

CREATE TABLE "risk_case_changes" (
    "id" BIGSERIAL PRIMARY KEY,
    "case_id" TEXT NOT NULL REFERENCES "risk_cases"("id") ON DELETE CASCADE,
    "seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sync_run_id" TEXT,
    "changes" JSONB NOT NULL
);
CREATE INDEX "risk_case_changes_case_id_seen_at_idx" ON "risk_case_changes"("case_id", "seen_at");

CREATE TABLE "risk_case_notes" (
    "id" BIGSERIAL PRIMARY KEY,
    "case_id" TEXT NOT NULL REFERENCES "risk_cases"("id"),
    "author_id" TEXT NOT NULL REFERENCES "users"("id"),
    "body" TEXT NOT NULL CHECK (length("body") BETWEEN 1 AND 4000),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "risk_case_notes_case_id_created_at_idx" ON "risk_case_notes"("case_id", "created_at");
-- Notes and the vendor-side history are append-only, as the audit log is.
CREATE FUNCTION "risk_case_append_only"() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "risk_case_notes_no_update" BEFORE UPDATE OR DELETE ON "risk_case_notes"
    FOR EACH ROW EXECUTE FUNCTION "risk_case_append_only"();
CREATE TRIGGER "risk_case_changes_no_update" BEFORE UPDATE ON "risk_case_changes"
    FOR EACH ROW EXECUTE FUNCTION "risk_case_append_only"();

CREATE TABLE "risk_case_rejects" (
    "id" BIGSERIAL PRIMARY KEY,
    "sync_run_id" TEXT,
    "seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "issues" TEXT NOT NULL,
    "raw_enc" BYTEA NOT NULL
);
CREATE INDEX "risk_case_rejects_seen_at_idx" ON "risk_case_rejects"("seen_at");

CREATE TABLE "risk_case_sync_runs" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" "RiskCaseSyncKind" NOT NULL,
    "status" "RiskCaseSyncStatus" NOT NULL DEFAULT 'RUNNING',
    "trigger" TEXT NOT NULL,
    "started_by_id" TEXT,
    "window_start" TIMESTAMPTZ(3),
    "window_end" TIMESTAMPTZ(3),
    "next_page" INTEGER NOT NULL DEFAULT 1,
    "pages_done" INTEGER NOT NULL DEFAULT 0,
    "pages_total" INTEGER,
    "rows_seen" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "changed" INTEGER NOT NULL DEFAULT 0,
    "flagged" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "resumed_from" TEXT,
    "last_error" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeat_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3)
);
CREATE INDEX "risk_case_sync_runs_kind_status_started_at_idx" ON "risk_case_sync_runs"("kind", "status", "started_at");
CREATE INDEX "risk_case_sync_runs_started_at_idx" ON "risk_case_sync_runs"("started_at");
-- One running sync of each kind at a time, across replicas.
CREATE UNIQUE INDEX "risk_case_sync_runs_one_running" ON "risk_case_sync_runs"("kind") WHERE "status" = 'RUNNING';

CREATE TABLE "risk_case_saved_filters" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "user_id" TEXT NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "risk_case_saved_filters_user_id_name_key" ON "risk_case_saved_filters"("user_id", "name");

CREATE TABLE "risk_case_code_names" (
    "field" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "updated_by_id" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY ("field", "code")
);
