-- Double-entry ledger for the custody money at 联银通 (docs/custody.md). Integer fen (BIGINT).

CREATE TABLE "ledger_accounts" (
    "id" TEXT NOT NULL,
    "owner" TEXT,
    "bucket" TEXT NOT NULL,
    "balance" BIGINT NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ledger_accounts_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ledger_accounts_bucket" CHECK ("bucket" IN ('AVAILABLE', 'FROZEN', 'EXTERNAL')),
    CONSTRAINT "ledger_accounts_owner" CHECK (("bucket" = 'EXTERNAL') = ("owner" IS NULL)),
    -- No available (or frozen) balance below zero, ever: the database refuses the posting.
    CONSTRAINT "ledger_accounts_not_negative" CHECK ("bucket" = 'EXTERNAL' OR "balance" >= 0)
);
CREATE UNIQUE INDEX "ledger_accounts_owner_bucket_key" ON "ledger_accounts"("owner", "bucket");
INSERT INTO "ledger_accounts" ("id", "owner", "bucket") VALUES ('EXTERNAL_BANK', NULL, 'EXTERNAL');

CREATE TABLE "ledger_transactions" (
    "id" BIGSERIAL NOT NULL,
    "op_key" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "request_no" TEXT,
    "project_no" TEXT,
    "confirmed_at" TIMESTAMPTZ(3) NOT NULL,
    "reverses_id" BIGINT,
    "memo" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ledger_transactions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ledger_transactions_reverses_fkey" FOREIGN KEY ("reverses_id") REFERENCES "ledger_transactions"("id")
);
CREATE UNIQUE INDEX "ledger_transactions_op_key_key" ON "ledger_transactions"("op_key");
CREATE UNIQUE INDEX "ledger_transactions_reverses_id_key" ON "ledger_transactions"("reverses_id");
CREATE INDEX "ledger_transactions_request_no_idx" ON "ledger_transactions"("request_no");
CREATE INDEX "ledger_transactions_project_no_id_idx" ON "ledger_transactions"("project_no", "id");
CREATE INDEX "ledger_transactions_confirmed_at_id_idx" ON "ledger_transactions"("confirmed_at", "id");

CREATE TABLE "ledger_postings" (
    "id" BIGSERIAL NOT NULL,
    "transaction_id" BIGINT NOT NULL,
    "account_id" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "hold_no" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ledger_postings_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ledger_postings_not_zero" CHECK ("amount" <> 0),
    CONSTRAINT "ledger_postings_transaction_id_fkey" FOREIGN KEY ("transaction_id") REFERENCES "ledger_transactions"("id"),
    CONSTRAINT "ledger_postings_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "ledger_accounts"("id")
);
CREATE INDEX "ledger_postings_transaction_id_idx" ON "ledger_postings"("transaction_id");
CREATE INDEX "ledger_postings_account_id_id_idx" ON "ledger_postings"("account_id", "id");
CREATE INDEX "ledger_postings_hold_no_idx" ON "ledger_postings"("hold_no");

CREATE TABLE "ledger_holds" (
    "hold_no" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "biz_type" TEXT,
    "project_no" TEXT,
    "amount" BIGINT NOT NULL,
    "released" BIGINT NOT NULL DEFAULT 0,
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ledger_holds_pkey" PRIMARY KEY ("hold_no"),
    -- Cumulative confirmations, cancellations and unfreezes never exceed what was frozen.
    CONSTRAINT "ledger_holds_released" CHECK ("released" >= 0 AND "released" <= "amount")
);
CREATE INDEX "ledger_holds_owner_idx" ON "ledger_holds"("owner");
CREATE INDEX "ledger_holds_project_no_idx" ON "ledger_holds"("project_no");

-- Postings and transactions are append-only: a correction is a new, reversing transaction.
CREATE FUNCTION "ledger_append_only"() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "ledger_postings_no_update" BEFORE UPDATE OR DELETE ON "ledger_postings"
    FOR EACH ROW EXECUTE FUNCTION "ledger_append_only"();
CREATE TRIGGER "ledger_postings_no_truncate" BEFORE TRUNCATE ON "ledger_postings"
    FOR EACH STATEMENT EXECUTE FUNCTION "ledger_append_only"();
CREATE TRIGGER "ledger_transactions_no_update" BEFORE UPDATE OR DELETE ON "ledger_transactions"
    FOR EACH ROW EXECUTE FUNCTION "ledger_append_only"();
CREATE TRIGGER "ledger_transactions_no_truncate" BEFORE TRUNCATE ON "ledger_transactions"
    FOR EACH STATEMENT EXECUTE FUNCTION "ledger_append_only"();

-- The cached balance moves in the same statement as the posting (so in the same transaction);
-- the CHECK on ledger_accounts then refuses any bucket going below zero.
CREATE FUNCTION "ledger_apply_posting"() RETURNS trigger AS $$
BEGIN
    UPDATE "ledger_accounts" SET "balance" = "balance" + NEW."amount" WHERE "id" = NEW."account_id";
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "ledger_postings_balance" AFTER INSERT ON "ledger_postings"
    FOR EACH ROW EXECUTE FUNCTION "ledger_apply_posting"();

-- Σ postings of a transaction is zero, checked at commit (the postings arrive one by one).
CREATE FUNCTION "ledger_check_balanced"() RETURNS trigger AS $$
DECLARE
    total NUMERIC;
BEGIN
    SELECT COALESCE(SUM("amount"), 0) INTO total FROM "ledger_postings" WHERE "transaction_id" = NEW."transaction_id";
    IF total <> 0 THEN
        RAISE EXCEPTION 'ledger transaction % does not balance (sum %)', NEW."transaction_id", total;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE CONSTRAINT TRIGGER "ledger_postings_balanced" AFTER INSERT ON "ledger_postings"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "ledger_check_balanced"();
