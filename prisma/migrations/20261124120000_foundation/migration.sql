-- Foundation: users, sign-in attempts, audit log, callback inbox, settings.

CREATE TYPE "Role" AS ENUM ('ADMIN', 'LOAN_OFFICER', 'RISK_ANALYST', 'FINANCE');
CREATE TYPE "InboundStatus" AS ENUM ('RECEIVED', 'PROCESSED', 'DUPLICATE', 'UNMATCHED', 'REJECTED', 'FAILED');

CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "password_hash" TEXT NOT NULL,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "session_version" INTEGER NOT NULL DEFAULT 1,
    "must_change_password" BOOLEAN NOT NULL DEFAULT false,
    "last_login_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "users_username_key" ON "users"("username");

CREATE TABLE "login_attempts" (
    "id" BIGSERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "success" BOOLEAN NOT NULL,
    "reason" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "login_attempts_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "login_attempts_username_created_at_idx" ON "login_attempts"("username", "created_at");
CREATE INDEX "login_attempts_ip_created_at_idx" ON "login_attempts"("ip", "created_at");

CREATE TABLE "audit_logs" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" TEXT,
    "actor_name" TEXT,
    "actor_role" "Role",
    "action" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "target_type" TEXT,
    "target_id" TEXT,
    "before" JSONB,
    "after" JSONB,
    "detail" TEXT,
    "ip" TEXT,
    "request_id" TEXT,
    CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "audit_logs_at_idx" ON "audit_logs"("at");
CREATE INDEX "audit_logs_actor_id_at_idx" ON "audit_logs"("actor_id", "at");
CREATE INDEX "audit_logs_action_at_idx" ON "audit_logs"("action", "at");
CREATE INDEX "audit_logs_target_type_target_id_idx" ON "audit_logs"("target_type", "target_id");

-- The audit log is append-only: the database itself refuses edits, not just the application.
CREATE FUNCTION "audit_logs_append_only"() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_logs is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "audit_logs_no_update" BEFORE UPDATE OR DELETE ON "audit_logs"
    FOR EACH ROW EXECUTE FUNCTION "audit_logs_append_only"();

CREATE TABLE "inbound_events" (
    "id" BIGSERIAL NOT NULL,
    "source" TEXT NOT NULL,
    "event_type" TEXT NOT NULL,
    "event_key" TEXT,
    "status" "InboundStatus" NOT NULL,
    "signature_ok" BOOLEAN NOT NULL,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "headers" JSONB NOT NULL,
    "body_encrypted" TEXT NOT NULL,
    "body_masked" TEXT NOT NULL,
    "remote_ip" TEXT,
    "duplicate_of_id" BIGINT,
    "target_type" TEXT,
    "target_id" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMPTZ(3),
    CONSTRAINT "inbound_events_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "inbound_events_received_at_idx" ON "inbound_events"("received_at");
CREATE INDEX "inbound_events_source_status_received_at_idx" ON "inbound_events"("source", "status", "received_at");
CREATE INDEX "inbound_events_target_type_target_id_idx" ON "inbound_events"("target_type", "target_id");
-- One live row per vendor event: replays are stored as DUPLICATE rows pointing at the first.
CREATE UNIQUE INDEX "inbound_events_event_key_live_key" ON "inbound_events"("source", "event_type", "event_key")
    WHERE "event_key" IS NOT NULL AND "status" NOT IN ('DUPLICATE', 'REJECTED');

CREATE TABLE "app_settings" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updated_by_id" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "app_settings_pkey" PRIMARY KEY ("key")
);
