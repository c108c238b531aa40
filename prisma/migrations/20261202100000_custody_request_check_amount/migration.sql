-- A confirmation's logged amount is what the check files report for it: Σ of its details
-- (principal + income). Requests logged before this had no amount (lib/custody/requests/check-amount.ts).
UPDATE custody_requests r
SET amount = (
  SELECT sum((d->>'amount')::bigint + COALESCE((d->>'income')::bigint, 0))
  FROM jsonb_array_elements(r.operation->'details') d
)
WHERE r.amount IS NULL AND jsonb_typeof(r.operation->'details') = 'array';
