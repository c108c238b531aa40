-- Sign-out ends the session server-side (issue 8, security 5): one row per signed-out session id.
CREATE TABLE "revoked_sessions" (
    "sid" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "revoked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "revoked_sessions_pkey" PRIMARY KEY ("sid")
);
CREATE INDEX "revoked_sessions_expires_at_idx" ON "revoked_sessions"("expires_at");

-- Callers without a session are counted per address, action and minute (issue 8, security 10).
CREATE TABLE "anonymous_refusals" (
    "ip" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "anonymous_refusals_pkey" PRIMARY KEY ("ip", "action", "window_start")
);
CREATE INDEX "anonymous_refusals_window_start_idx" ON "anonymous_refusals"("window_start");
