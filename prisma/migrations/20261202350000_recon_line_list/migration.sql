-- The run page's list of lines (docs/lists.md): keyset over (run_id, …, id) for each filter.
-- (run_id, id) and the partial (run_id, kind, id) exist already (20261201500000_reconciliation).
-- A run writes only its exceptions, so these cost little at insert; the matched index is empty
-- for runs since matched lines stopped being stored and tells the page in one probe whether a
-- run still has stored matched lines (older runs) or derives them from its kept files.
CREATE INDEX "recon_lines_run_id_file_type_id_idx" ON "recon_lines"("run_id", "file_type", "id");
CREATE INDEX "recon_lines_run_id_state_id_idx" ON "recon_lines"("run_id", "state", "id") WHERE "state" IS NOT NULL;
CREATE INDEX "recon_lines_run_id_matched_id_idx" ON "recon_lines"("run_id", "id") WHERE "kind" IS NULL;
