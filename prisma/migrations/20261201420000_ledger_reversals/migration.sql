-- A reversing transaction on the ledger (a correction: postings are never edited), proposed with
-- a reason by one finance user or admin and posted only when a second one approves (maker-checker,
-- docs/custody.md "Ledger corrections"). Both people are audited.
CREATE TABLE "ledger_reversals" (
    "id" BIGSERIAL NOT NULL,
    "transaction_id" BIGINT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "maker_id" TEXT NOT NULL,
    "maker_name" TEXT NOT NULL,
    "checker_id" TEXT,
    "checker_name" TEXT,
    "reject_reason" TEXT,
    "reversal_transaction_id" BIGINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_at" TIMESTAMPTZ(3),
    CONSTRAINT "ledger_reversals_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ledger_reversals_transaction_fkey" FOREIGN KEY ("transaction_id") REFERENCES "ledger_transactions"("id"),
    CONSTRAINT "ledger_reversals_status" CHECK ("status" IN ('WAITING', 'APPROVED', 'REJECTED')),
    CONSTRAINT "ledger_reversals_reason" CHECK (length(btrim("reason")) > 0),
    -- Four eyes: the database itself refuses a maker approving their own proposal.
    CONSTRAINT "ledger_reversals_four_eyes" CHECK ("status" <> 'APPROVED' OR ("checker_id" IS NOT NULL AND "checker_id" <> "maker_id"))
);
CREATE INDEX "ledger_reversals_transaction_id_idx" ON "ledger_reversals"("transaction_id");
CREATE INDEX "ledger_reversals_status_created_at_idx" ON "ledger_reversals"("status", "created_at");
-- One proposal waiting per transaction at a time.
CREATE UNIQUE INDEX "ledger_reversals_one_waiting" ON "ledger_reversals"("transaction_id") WHERE "status" = 'WAITING';
