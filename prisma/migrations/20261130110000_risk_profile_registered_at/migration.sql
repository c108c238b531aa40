-- customer_info.add_time is the customer's registration time (design.md §3), asked on the
-- profile form. Existing profiles keep NULL and fall back to the order time, then creation.
ALTER TABLE "risk_profiles" ADD COLUMN "registered_at" TIMESTAMPTZ(3);
