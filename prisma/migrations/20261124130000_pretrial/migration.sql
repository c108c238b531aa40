-- Pretrial orders on 万网中台: files, daily sequences, orders, timeline, capital catalogue.

CREATE TABLE "stored_files" (
    "id" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "mime_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storage_path" TEXT NOT NULL,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "stored_files_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "daily_sequences" (
    "name" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "value" INTEGER NOT NULL,
    CONSTRAINT "daily_sequences_pkey" PRIMARY KEY ("name", "day")
);

CREATE TYPE "PretrialStatus" AS ENUM ('SUBMITTING', 'REJECTED', 'AWAITING_SIGNATURE', 'SIGNED', 'PBOC_REQUESTED', 'PBOC_PULLED', 'BIGDATA_RETURNED', 'ERROR', 'PASSED', 'FAILED');

CREATE TABLE "pretrial_orders" (
    "id" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "outside_order_id" TEXT NOT NULL,
    "query_sn" TEXT,
    "status" "PretrialStatus" NOT NULL,
    "customer_name" TEXT NOT NULL,
    "id_number_enc" TEXT NOT NULL,
    "id_number_idx" TEXT NOT NULL,
    "id_number_masked" TEXT NOT NULL,
    "mobile_enc" TEXT NOT NULL,
    "mobile_idx" TEXT NOT NULL,
    "mobile_masked" TEXT NOT NULL,
    "birth_date" TEXT NOT NULL,
    "sex" TEXT NOT NULL,
    "dealer_name" TEXT,
    "channel" TEXT NOT NULL,
    "credit_type" TEXT NOT NULL,
    "social_credit_code" TEXT NOT NULL,
    "photo_front_id" TEXT NOT NULL,
    "photo_back_id" TEXT NOT NULL,
    "contract_url" TEXT,
    "wechat_share_url" TEXT,
    "mark_id" TEXT,
    "signed_type" INTEGER,
    "customer_level" TEXT,
    "pretrial_status" INTEGER,
    "person_report_raw" TEXT,
    "person_report" JSONB,
    "err_reason" TEXT,
    "last_error" TEXT,
    "submit_attempts" INTEGER NOT NULL DEFAULT 0,
    "submit_claimed_at" TIMESTAMPTZ(3),
    "officer_id" TEXT NOT NULL,
    "retried_from_id" TEXT,
    "submitted_at" TIMESTAMPTZ(3),
    "result_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "pretrial_orders_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "pretrial_orders_idempotency_key_key" ON "pretrial_orders"("idempotency_key");
CREATE UNIQUE INDEX "pretrial_orders_outside_order_id_key" ON "pretrial_orders"("outside_order_id");
CREATE UNIQUE INDEX "pretrial_orders_query_sn_key" ON "pretrial_orders"("query_sn");
CREATE INDEX "pretrial_orders_created_at_idx" ON "pretrial_orders"("created_at");
CREATE INDEX "pretrial_orders_officer_id_created_at_idx" ON "pretrial_orders"("officer_id", "created_at");
CREATE INDEX "pretrial_orders_status_created_at_idx" ON "pretrial_orders"("status", "created_at");
CREATE INDEX "pretrial_orders_id_number_idx_idx" ON "pretrial_orders"("id_number_idx");
CREATE INDEX "pretrial_orders_mobile_idx_idx" ON "pretrial_orders"("mobile_idx");

CREATE TABLE "pretrial_events" (
    "id" BIGSERIAL NOT NULL,
    "order_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "signed_type" INTEGER,
    "message" TEXT,
    "data" JSONB,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "inbound_event_id" BIGINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "pretrial_events_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "pretrial_events_order_id_occurred_at_idx" ON "pretrial_events"("order_id", "occurred_at");
ALTER TABLE "pretrial_events" ADD CONSTRAINT "pretrial_events_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "pretrial_orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "capital_providers" (
    "id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "product_code" TEXT NOT NULL,
    "product_name" TEXT NOT NULL,
    "label_id" TEXT NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "capital_providers_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "capital_providers_product_code_idx" ON "capital_providers"("product_code");

CREATE TABLE "pretrial_recommendations" (
    "order_id" TEXT NOT NULL,
    "capital_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "pretrial_recommendations_pkey" PRIMARY KEY ("order_id", "capital_id")
);
CREATE INDEX "pretrial_recommendations_capital_id_idx" ON "pretrial_recommendations"("capital_id");
ALTER TABLE "pretrial_recommendations" ADD CONSTRAINT "pretrial_recommendations_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "pretrial_orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "pretrial_recommendations" ADD CONSTRAINT "pretrial_recommendations_capital_id_fkey" FOREIGN KEY ("capital_id") REFERENCES "capital_providers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
