-- The fee (RECHARGE, WITHDRAW) or commission (confirmations) the check files report beside a
-- request's amount, kept as a column the database works out from the operation: reconciliation
-- reads a million of them a night, and reading them out of the JSON was a third of the cost of
-- scanning our side (lib/reconciliation/match.ts). Amounts in the operation are whole fen.
-- Adding a stored generated column rewrites the table once, holding its lock meanwhile.
ALTER TABLE "custody_requests"
  ADD COLUMN "check_fee" BIGINT NOT NULL
  GENERATED ALWAYS AS (COALESCE(("operation"->>'fee')::bigint, ("operation"->>'commission')::bigint, 0)) STORED;
