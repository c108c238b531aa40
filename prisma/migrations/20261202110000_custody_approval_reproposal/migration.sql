-- A requestNo is reserved by a proposal only while it may still be sent (WAITING) or was
-- (APPROVED). UNFREEZE has no requestNo of its own: its log key is UNFREEZE-<freeze>, so a
-- rejected or expired unfreeze must not keep that freeze from ever being unfrozen.
DROP INDEX "custody_approvals_request_no_key";
CREATE UNIQUE INDEX "custody_approvals_request_no_open_key" ON "custody_approvals"("request_no") WHERE "status" IN ('WAITING', 'APPROVED');
CREATE INDEX "custody_approvals_request_no_idx" ON "custody_approvals"("request_no");
