-- Risk scores: applicant profiles the vendor pulls, score requests.

CREATE TYPE "ChannelKind" AS ENUM ('NATURAL', 'REFERRAL');
CREATE TYPE "RiskScoreStatus" AS ENUM ('PENDING', 'SCORED', 'MODEL_ERROR', 'FAILED');

CREATE TABLE "risk_profiles" (
    "id" TEXT NOT NULL,
    "pretrial_order_id" TEXT,
    "real_name" TEXT NOT NULL,
    "gender" TEXT NOT NULL,
    "nation" TEXT,
    "birthplace" TEXT,
    "device_id" TEXT,
    "app_type" TEXT,
    "phone_type" TEXT,
    "id_number_enc" TEXT NOT NULL,
    "id_number_idx" TEXT NOT NULL,
    "id_number_masked" TEXT NOT NULL,
    "mobile_enc" TEXT NOT NULL,
    "mobile_idx" TEXT NOT NULL,
    "mobile_masked" TEXT NOT NULL,
    "user_address" TEXT NOT NULL,
    "company_name" TEXT,
    "company_phone" TEXT,
    "company_address" TEXT,
    "relation1" TEXT NOT NULL,
    "name1" TEXT NOT NULL,
    "phone1_enc" TEXT NOT NULL,
    "phone1_masked" TEXT NOT NULL,
    "relation2" TEXT NOT NULL,
    "name2" TEXT NOT NULL,
    "phone2_enc" TEXT NOT NULL,
    "phone2_masked" TEXT NOT NULL,
    "channel_id" TEXT NOT NULL,
    "channel_kind" "ChannelKind" NOT NULL,
    "card_user_name" TEXT,
    "reserved_mobile_enc" TEXT,
    "gate_id" TEXT,
    "card_num_enc" TEXT,
    "card_num_masked" TEXT,
    "consume_amount_fen" BIGINT,
    "consume_at" TIMESTAMPTZ(3),
    "loan_days" INTEGER NOT NULL DEFAULT 7,
    "loan_type" TEXT NOT NULL DEFAULT 'mx',
    "operator_report_enc" TEXT,
    "operator_report_bytes" INTEGER,
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "risk_profiles_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "risk_profiles_pretrial_order_id_idx" ON "risk_profiles"("pretrial_order_id");
CREATE INDEX "risk_profiles_id_number_idx_idx" ON "risk_profiles"("id_number_idx");

CREATE TABLE "risk_score_requests" (
    "id" TEXT NOT NULL,
    "zw_order" TEXT NOT NULL,
    "profile_id" TEXT NOT NULL,
    "pretrial_order_id" TEXT,
    "requested_by_id" TEXT NOT NULL,
    "channel_kind" "ChannelKind" NOT NULL,
    "status" "RiskScoreStatus" NOT NULL,
    "score" DECIMAL(10,2),
    "score_raw" TEXT,
    "cutoff" INTEGER,
    "decision" TEXT,
    "from_history" BOOLEAN NOT NULL DEFAULT false,
    "vendor_code" TEXT,
    "last_error" TEXT,
    "missing_field" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3),
    "claimed_at" TIMESTAMPTZ(3),
    "pulled_at" TIMESTAMPTZ(3),
    "scored_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "risk_score_requests_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "risk_score_requests_zw_order_key" ON "risk_score_requests"("zw_order");
CREATE INDEX "risk_score_requests_created_at_idx" ON "risk_score_requests"("created_at");
CREATE INDEX "risk_score_requests_status_next_attempt_at_idx" ON "risk_score_requests"("status", "next_attempt_at");
CREATE INDEX "risk_score_requests_pretrial_order_id_idx" ON "risk_score_requests"("pretrial_order_id");
CREATE INDEX "risk_score_requests_requested_by_id_created_at_idx" ON "risk_score_requests"("requested_by_id", "created_at");
ALTER TABLE "risk_score_requests" ADD CONSTRAINT "risk_score_requests_profile_id_fkey" FOREIGN KEY ("profile_id") REFERENCES "risk_profiles"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
