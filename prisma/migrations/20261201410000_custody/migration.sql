-- Custody at 联银通: request log, projects, accounts, maker-checker approvals (docs/custody.md).

CREATE TABLE "custody_requests" (
    "id" BIGSERIAL NOT NULL,
    "request_no" TEXT NOT NULL,
    "service_name" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "body_enc" TEXT NOT NULL,
    "body_masked" JSONB NOT NULL,
    "operation" JSONB,
    "platform_user_no" TEXT,
    "project_no" TEXT,
    "amount" BIGINT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "code" TEXT,
    "last_error" TEXT,
    "answer" JSONB,
    "created_by_id" TEXT,
    "approval_id" BIGINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    "confirmed_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ledger_status" TEXT NOT NULL DEFAULT 'NONE',
    "ledger_transaction_id" BIGINT,
    "ledger_note" TEXT,
    CONSTRAINT "custody_requests_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "custody_requests_status" CHECK ("status" IN ('PREPARED', 'SENT', 'UNKNOWN', 'SUCCEEDED', 'FAILED')),
    CONSTRAINT "custody_requests_ledger_status" CHECK ("ledger_status" IN ('NONE', 'WAITING', 'POSTED', 'REFUSED')),
    CONSTRAINT "custody_requests_amount" CHECK ("amount" IS NULL OR "amount" > 0)
);
CREATE UNIQUE INDEX "custody_requests_request_no_key" ON "custody_requests"("request_no");
CREATE INDEX "custody_requests_status_created_at_idx" ON "custody_requests"("status", "created_at");
CREATE INDEX "custody_requests_ledger_status_id_idx" ON "custody_requests"("ledger_status", "id");
CREATE INDEX "custody_requests_service_name_created_at_idx" ON "custody_requests"("service_name", "created_at");
CREATE INDEX "custody_requests_platform_user_no_created_at_idx" ON "custody_requests"("platform_user_no", "created_at");
CREATE INDEX "custody_requests_project_no_created_at_idx" ON "custody_requests"("project_no", "created_at");
CREATE INDEX "custody_requests_confirmed_at_id_idx" ON "custody_requests"("confirmed_at", "id");
CREATE INDEX "custody_requests_created_at_id_idx" ON "custody_requests"("created_at", "id");

-- A final outcome is final: no late answer, NOTIFY or query result moves a request backwards.
CREATE FUNCTION "custody_requests_forward_only"() RETURNS trigger AS $$
BEGIN
    IF OLD."status" IN ('SUCCEEDED', 'FAILED') AND NEW."status" <> OLD."status" THEN
        RAISE EXCEPTION 'custody request % is % already; status cannot become %', OLD."request_no", OLD."status", NEW."status";
    END IF;
    IF OLD."status" <> 'PREPARED' AND NEW."status" = 'PREPARED' THEN
        RAISE EXCEPTION 'custody request % was sent; status cannot return to PREPARED', OLD."request_no";
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "custody_requests_forward_only" BEFORE UPDATE OF "status" ON "custody_requests"
    FOR EACH ROW EXECUTE FUNCTION "custody_requests_forward_only"();

CREATE TABLE "custody_projects" (
    "project_no" TEXT NOT NULL,
    "borrower" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "project_type" TEXT NOT NULL,
    "annual_rate" TEXT NOT NULL,
    "repayment_way" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "status" TEXT NOT NULL,
    "lent" BIGINT NOT NULL DEFAULT 0,
    "repaid_principal" BIGINT NOT NULL DEFAULT 0,
    "repaid_interest" BIGINT NOT NULL DEFAULT 0,
    "commission" BIGINT NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "custody_projects_pkey" PRIMARY KEY ("project_no"),
    CONSTRAINT "custody_projects_status" CHECK ("status" IN ('COLLECTING', 'REPAYING', 'FINISH', 'MISCARRY')),
    CONSTRAINT "custody_projects_amounts" CHECK ("amount" > 0 AND "lent" >= 0 AND "repaid_principal" >= 0 AND "repaid_interest" >= 0 AND "commission" >= 0)
);
CREATE INDEX "custody_projects_status_created_at_idx" ON "custody_projects"("status", "created_at");
CREATE INDEX "custody_projects_borrower_idx" ON "custody_projects"("borrower");
CREATE INDEX "custody_projects_created_at_project_no_idx" ON "custody_projects"("created_at", "project_no");

-- §2.11 R6: 募集中 → 还款中 → 已截标, 募集中 → 流标; never backwards. R5: amount only while collecting.
CREATE FUNCTION "custody_projects_forward_only"() RETURNS trigger AS $$
BEGIN
    IF NEW."status" <> OLD."status" AND NOT (
        (OLD."status" = 'COLLECTING' AND NEW."status" IN ('REPAYING', 'MISCARRY')) OR
        (OLD."status" = 'REPAYING' AND NEW."status" = 'FINISH')
    ) THEN
        RAISE EXCEPTION 'project % cannot go from % to %', OLD."project_no", OLD."status", NEW."status";
    END IF;
    IF NEW."amount" <> OLD."amount" AND OLD."status" <> 'COLLECTING' THEN
        RAISE EXCEPTION 'project % amount can change only while collecting', OLD."project_no";
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "custody_projects_forward_only" BEFORE UPDATE ON "custody_projects"
    FOR EACH ROW EXECUTE FUNCTION "custody_projects_forward_only"();

CREATE TABLE "custody_accounts" (
    "platform_user_no" TEXT NOT NULL,
    "user_type" TEXT NOT NULL,
    "user_role" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "card_bound" BOOLEAN NOT NULL DEFAULT false,
    "bankcard_masked" TEXT,
    "bankcode" TEXT,
    "access_type" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "custody_accounts_pkey" PRIMARY KEY ("platform_user_no")
);
CREATE INDEX "custody_accounts_created_at_platform_user_no_idx" ON "custody_accounts"("created_at", "platform_user_no");

CREATE TABLE "custody_approvals" (
    "id" BIGSERIAL NOT NULL,
    "request_no" TEXT NOT NULL,
    "service_name" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "summary" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "maker_id" TEXT NOT NULL,
    "maker_name" TEXT NOT NULL,
    "checker_id" TEXT,
    "checker_name" TEXT,
    "reason" TEXT,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_at" TIMESTAMPTZ(3),
    CONSTRAINT "custody_approvals_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "custody_approvals_status" CHECK ("status" IN ('WAITING', 'APPROVED', 'REJECTED', 'EXPIRED')),
    -- Four eyes: the database itself refuses a maker approving their own request.
    CONSTRAINT "custody_approvals_four_eyes" CHECK ("checker_id" IS NULL OR "checker_id" <> "maker_id")
);
CREATE UNIQUE INDEX "custody_approvals_request_no_key" ON "custody_approvals"("request_no");
CREATE INDEX "custody_approvals_status_created_at_idx" ON "custody_approvals"("status", "created_at");
