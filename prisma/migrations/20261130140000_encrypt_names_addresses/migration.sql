-- Personal names and addresses are stored encrypted (design.md §5, issue 8 security item 12).
--
-- Phase 1 of 2. SQL cannot encrypt (the key lives in the application), so this migration only
-- adds the encrypted, indexed and masked columns and lets the clear columns be NULL. The data
-- step lib/pii/clear-columns.ts, run by `npm run db:migrate` and by `npm start` right after the
-- SQL migrations, encrypts every row still holding a clear value and sets the clear column to
-- NULL, in batches, idempotently. The Prisma schema marks the clear columns @ignore, so no code
-- can read or write them any more.
--
-- The CHECK constraints are NOT VALID: rows written before this migration keep their clear
-- values until the data step reaches them, but no insert or update can store a clear value
-- from now on (an update of a not-yet-encrypted row is refused too: the step runs before the
-- console and the worker start).
--
-- Phase 2, a later migration once every database has run the step: drop the clear columns and
-- these constraints, and make the required *_enc / *_masked columns NOT NULL.

ALTER TABLE "pretrial_orders"
  ALTER COLUMN "customer_name" DROP NOT NULL,
  ADD COLUMN "customer_name_enc" TEXT,
  ADD COLUMN "customer_name_idx" TEXT,
  ADD COLUMN "customer_name_masked" TEXT,
  ADD CONSTRAINT "pretrial_orders_clear_personal_data" CHECK ("customer_name" IS NULL) NOT VALID;

CREATE INDEX "pretrial_orders_customer_name_idx_idx" ON "pretrial_orders"("customer_name_idx");

ALTER TABLE "risk_profiles"
  ALTER COLUMN "real_name" DROP NOT NULL,
  ALTER COLUMN "user_address" DROP NOT NULL,
  ALTER COLUMN "name1" DROP NOT NULL,
  ALTER COLUMN "name2" DROP NOT NULL,
  ADD COLUMN "real_name_enc" TEXT,
  ADD COLUMN "real_name_idx" TEXT,
  ADD COLUMN "real_name_masked" TEXT,
  ADD COLUMN "birthplace_enc" TEXT,
  ADD COLUMN "birthplace_masked" TEXT,
  ADD COLUMN "user_address_enc" TEXT,
  ADD COLUMN "user_address_masked" TEXT,
  ADD COLUMN "company_address_enc" TEXT,
  ADD COLUMN "company_address_masked" TEXT,
  ADD COLUMN "name1_enc" TEXT,
  ADD COLUMN "name1_idx" TEXT,
  ADD COLUMN "name1_masked" TEXT,
  ADD COLUMN "name2_enc" TEXT,
  ADD COLUMN "name2_idx" TEXT,
  ADD COLUMN "name2_masked" TEXT,
  ADD COLUMN "card_user_name_enc" TEXT,
  ADD COLUMN "card_user_name_idx" TEXT,
  ADD COLUMN "card_user_name_masked" TEXT,
  ADD CONSTRAINT "risk_profiles_clear_personal_data" CHECK (
    "real_name" IS NULL AND "birthplace" IS NULL AND "user_address" IS NULL AND "company_address" IS NULL
    AND "name1" IS NULL AND "name2" IS NULL AND "card_user_name" IS NULL
  ) NOT VALID;

CREATE INDEX "risk_profiles_real_name_idx_idx" ON "risk_profiles"("real_name_idx");
