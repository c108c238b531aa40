-- Adjusting postings proposed from a reconciliation exception and approved by a second finance
-- user (maker-checker, docs/reconciliation.md). Approval posts one balanced ledger transaction.
CREATE TABLE "recon_adjustments" (
    "id" BIGSERIAL NOT NULL,
    "line_id" BIGINT NOT NULL,
    "owner" TEXT NOT NULL,
    "bucket" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "memo" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "maker_id" TEXT NOT NULL,
    "checker_id" TEXT,
    "ledger_transaction_id" BIGINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_at" TIMESTAMPTZ(3),
    CONSTRAINT "recon_adjustments_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "recon_adjustments_status" CHECK ("status" IN ('WAITING', 'APPROVED', 'REJECTED')),
    CONSTRAINT "recon_adjustments_bucket" CHECK ("bucket" IN ('AVAILABLE', 'FROZEN')),
    CONSTRAINT "recon_adjustments_amount" CHECK ("amount" <> 0),
    -- Four eyes: the database itself refuses a maker deciding their own proposal.
    CONSTRAINT "recon_adjustments_four_eyes" CHECK ("checker_id" IS NULL OR "checker_id" <> "maker_id")
);
CREATE INDEX "recon_adjustments_line_id_idx" ON "recon_adjustments"("line_id");
CREATE INDEX "recon_adjustments_status_created_at_idx" ON "recon_adjustments"("status", "created_at");
-- One proposal waiting per exception at a time.
CREATE UNIQUE INDEX "recon_adjustments_one_waiting" ON "recon_adjustments"("line_id") WHERE "status" = 'WAITING';
