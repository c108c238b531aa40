-- Issue 9: an escalation reaches a named admin ("escalated to me" on the admin's workbench) and
-- says who raised it. Both columns are workflow fields: the sync never writes them.
ALTER TABLE "risk_cases" ADD COLUMN "escalated_by_id" TEXT;
ALTER TABLE "risk_cases" ADD COLUMN "escalated_to_id" TEXT;

-- The admin's "escalated to me" list and to-do count: open escalated cases of one admin, newest first.
CREATE INDEX "risk_cases_escalated_to_idx" ON "risk_cases"("escalated_to_id", "create_time", "id")
  WHERE "escalated_at" IS NOT NULL AND "status" <> 'CLOSED';
