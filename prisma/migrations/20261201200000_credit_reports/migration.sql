-- Credit reports (issue 10): uploaded PBOC report PDFs structured by DeepFinch.

CREATE TYPE "CreditReportStatus" AS ENUM ('UPLOADED', 'RECOGNISING', 'DONE', 'FAILED');

CREATE TABLE "credit_reports" (
    "id" TEXT NOT NULL,
    "file_id" TEXT NOT NULL,
    "file_sha256" TEXT NOT NULL,
    "file_size_bytes" INTEGER NOT NULL,
    "pretrial_order_id" TEXT,
    "status" "CreditReportStatus" NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "failure_code" TEXT,
    "failure_retrying" BOOLEAN NOT NULL DEFAULT false,
    "raw_answer_enc" BYTEA,
    "unreadable_sections" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "report_no" TEXT,
    "report_time" TIMESTAMPTZ(3),
    "subject_name_enc" TEXT,
    "subject_name_idx" TEXT,
    "subject_name_masked" TEXT,
    "subject_id_enc" TEXT,
    "subject_id_idx" TEXT,
    "subject_id_masked" TEXT,
    "indicators" JSONB,
    "overdue_amount_fen" BIGINT,
    "uploaded_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "recognised_at" TIMESTAMPTZ(3),
    CONSTRAINT "credit_reports_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "credit_reports_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "stored_files"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "credit_reports_pretrial_order_id_fkey" FOREIGN KEY ("pretrial_order_id") REFERENCES "pretrial_orders"("id") ON DELETE SET NULL ON UPDATE CASCADE,
    -- A finished report has its answer; a failed one says why.
    CONSTRAINT "credit_reports_done_has_answer" CHECK ("status" <> 'DONE' OR "raw_answer_enc" IS NOT NULL),
    CONSTRAINT "credit_reports_failed_has_code" CHECK ("status" <> 'FAILED' OR "failure_code" IS NOT NULL)
);

CREATE UNIQUE INDEX "credit_reports_file_id_key" ON "credit_reports"("file_id");
CREATE UNIQUE INDEX "credit_reports_file_sha256_key" ON "credit_reports"("file_sha256");
CREATE INDEX "credit_reports_created_idx" ON "credit_reports"("created_at" DESC, "id" DESC);
CREATE INDEX "credit_reports_status_created_idx" ON "credit_reports"("status", "created_at" DESC, "id" DESC);
CREATE INDEX "credit_reports_pretrial_order_idx" ON "credit_reports"("pretrial_order_id");
CREATE INDEX "credit_reports_subject_id_idx" ON "credit_reports"("subject_id_idx");
CREATE INDEX "credit_reports_subject_name_idx" ON "credit_reports"("subject_name_idx");
CREATE INDEX "credit_reports_report_no_idx" ON "credit_reports"("report_no");
-- The list's "current overdue only" filter rides its own partial index in the sort order.
CREATE INDEX "credit_reports_overdue_created_idx" ON "credit_reports"("created_at" DESC, "id" DESC) WHERE "overdue_amount_fen" > 0;
