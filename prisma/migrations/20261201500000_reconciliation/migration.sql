-- T+1 reconciliation with 联银通 (docs/reconciliation.md): check files kept with their hash,
-- runs per day, and the result of each run line by line with its exceptions.

-- A downloaded check file, once per content: the same bytes downloaded again are recognised by
-- (file_date, file_type, sha256). The bytes live in recon_file_chunks (stateless replicas).
CREATE TABLE "recon_files" (
    "id" BIGSERIAL NOT NULL,
    "file_date" DATE NOT NULL,
    "file_type" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size_bytes" BIGINT NOT NULL,
    "downloaded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "recon_files_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "recon_files_type" CHECK ("file_type" IN ('USER', 'RECHARGE', 'WITHDRAW', 'TRANSACTION', 'PROJECT', 'UNREGISTER', 'BALANCE'))
);
CREATE UNIQUE INDEX "recon_files_file_date_file_type_sha256_key" ON "recon_files"("file_date", "file_type", "sha256");

CREATE TABLE "recon_file_chunks" (
    "file_id" BIGINT NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,
    CONSTRAINT "recon_file_chunks_pkey" PRIMARY KEY ("file_id", "seq"),
    CONSTRAINT "recon_file_chunks_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "recon_files"("id") ON DELETE CASCADE
);

-- One reconciliation of one day. At most one RUNNING per day (the unique index; the runner also
-- holds a PostgreSQL advisory lock for the day while it works, so a second start waits or reuses).
CREATE TABLE "recon_runs" (
    "id" BIGSERIAL NOT NULL,
    "file_date" DATE NOT NULL,
    "status" TEXT NOT NULL,
    "tolerance_fen" BIGINT NOT NULL DEFAULT 0,
    "started_by" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "summary" JSONB,
    "error_problem" TEXT,
    "error_file_type" TEXT,
    "error_line" INTEGER,
    "error_column" TEXT,
    "error_detail" TEXT,
    "closed_at" TIMESTAMPTZ(3),
    "closed_by" TEXT,
    "close_mode" TEXT,
    "close_sent" BOOLEAN,
    CONSTRAINT "recon_runs_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "recon_runs_status" CHECK ("status" IN ('RUNNING', 'FAILED', 'MATCHED', 'CLOSED')),
    CONSTRAINT "recon_runs_tolerance" CHECK ("tolerance_fen" >= 0),
    CONSTRAINT "recon_runs_close_mode" CHECK ("close_mode" IS NULL OR "close_mode" IN ('CONFIRM', 'UPLOAD', 'OVERRIDE'))
);
CREATE UNIQUE INDEX "recon_runs_one_running_per_day" ON "recon_runs"("file_date") WHERE "status" = 'RUNNING';
CREATE INDEX "recon_runs_file_date_id_idx" ON "recon_runs"("file_date", "id");
CREATE INDEX "recon_runs_started_at_id_idx" ON "recon_runs"("started_at", "id");

-- Which stored file each run read, per type.
CREATE TABLE "recon_run_files" (
    "run_id" BIGINT NOT NULL,
    "file_type" TEXT NOT NULL,
    "file_id" BIGINT NOT NULL,
    "lines" INTEGER,
    CONSTRAINT "recon_run_files_pkey" PRIMARY KEY ("run_id", "file_type"),
    CONSTRAINT "recon_run_files_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "recon_runs"("id") ON DELETE CASCADE,
    CONSTRAINT "recon_run_files_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "recon_files"("id")
);

-- One matched group per key (requestNo; platformUserNo for BALANCE): how many lines of theirs and
-- rows of ours it holds (1:1, 1:n, n:1), their sums in fen, and the outcome. kind is NULL when it
-- matched, else the exception's type; the exception workflow lives on the same row.
-- No foreign key on run_id: a run writes up to millions of lines in one INSERT, and a per-row
-- referential check was a third of its time; lines are only ever written by their run.
CREATE TABLE "recon_lines" (
    "id" BIGSERIAL NOT NULL,
    "run_id" BIGINT NOT NULL,
    "file_type" TEXT NOT NULL,
    "match_key" TEXT NOT NULL,
    "kind" TEXT,
    "their_lines" INTEGER NOT NULL,
    "our_rows" INTEGER NOT NULL,
    "first_line" INTEGER,
    "platform_user_no" TEXT,
    "their_amount" BIGINT,
    "our_amount" BIGINT,
    "their_fee" BIGINT,
    "our_fee" BIGINT,
    "their_frozen" BIGINT,
    "our_frozen" BIGINT,
    "their_status" TEXT,
    "our_status" TEXT,
    "state" TEXT,
    "resolution" TEXT,
    "note" TEXT,
    "resolved_by" TEXT,
    "resolved_at" TIMESTAMPTZ(3),
    CONSTRAINT "recon_lines_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "recon_lines_kind" CHECK ("kind" IS NULL OR "kind" IN ('MISSING_OURS', 'MISSING_THEIRS', 'AMOUNT_MISMATCH', 'STATUS_MISMATCH', 'FEE_MISMATCH', 'DUPLICATE')),
    CONSTRAINT "recon_lines_state" CHECK (("kind" IS NULL AND "state" IS NULL) OR ("kind" IS NOT NULL AND "state" IN ('OPEN', 'RESOLVED')))
);
CREATE INDEX "recon_lines_run_id_id_idx" ON "recon_lines"("run_id", "id");
CREATE INDEX "recon_lines_run_id_kind_id_idx" ON "recon_lines"("run_id", "kind", "id") WHERE "kind" IS NOT NULL;
CREATE INDEX "recon_lines_open_idx" ON "recon_lines"("run_id") WHERE "state" = 'OPEN';
