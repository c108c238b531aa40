-- Openings of the public customer link (/api/custody/link), counted per client address and per
-- requestNo in fixed windows, so a replica-independent limit applies (lib/custody/link-limit.ts).
-- Rows older than a day are pruned by the limiter itself.
CREATE TABLE "custody_link_opens" (
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "custody_link_opens_pkey" PRIMARY KEY ("scope", "key", "window_start"),
    CONSTRAINT "custody_link_opens_scope" CHECK ("scope" IN ('ip', 'request'))
);
CREATE INDEX "custody_link_opens_window_start_idx" ON "custody_link_opens"("window_start");
